/** What Ctrl-C says while the running command stops cleanly; none means the command just exits. */
let notice: string | undefined;

/**
 * Declare that the running command stops cleanly on the first Ctrl-C (or SIGTERM), and what to say
 * then. A command that never calls this exits at once with code 130.
 */
export function setInterruptNotice(text: string | undefined): void {
  notice = text;
}

/** The notice of the running command, if it stops cleanly on Ctrl-C. */
export function interruptNotice(): string | undefined {
  return notice;
}
