/**
 * A reader that goes away (`build-data validate DIR | head -1`) is not an error: the writes that fail say so to
 * their callers, who stop quietly; the stream's own 'error' event must not crash the process with a
 * stack trace. Any other stdout failure is one line and exit code 1.
 */
export function watchStdout(): void {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") return;
    process.stderr.write(`error: cannot write to stdout: ${error.code ?? error.message}\n`);
    process.exit(1);
  });
}
