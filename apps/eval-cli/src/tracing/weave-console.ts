import { format } from "node:util";

const CONSOLE_METHODS = ["log", "info", "warn", "error", "debug"] as const;
/** What the Weave SDK prints when it fails to store calls. */
const FAILURE = /^(Error processing batch|Error saving file|Exceeded max errors|Error during initialization)/;
/** Its progress chatter (project banner, fetch retries), dropped. */
const CHATTER =
  /^(Initializing project|Return code: \d+\. Retrying|Exception .* Retrying fetch|.*weave\.wandb\.ai|.*View Weave data)/i;

export interface WeaveConsoleOptions {
  /** Any other console output (never stdout: `--json` keeps stdout to its one line). */
  stderr: { write(text: string): unknown };
  /** Called for each failure the SDK reports, with a one-line reason. */
  onFailure: (reason: string) => void;
}

function reasonOf(values: unknown[]): string {
  const cause = values.find((value) => typeof value === "object" && value !== null);
  if (cause instanceof Error) return cause.message.split("\n")[0] ?? cause.name;
  const status = (cause as { status?: unknown } | undefined)?.status;
  if (typeof status === "number") return `HTTP ${status}`;
  return String(values[0]).replace(/:$/, "");
}

/**
 * While Weave is on, route `console.*`: the SDK prints to stdout and prints errors with their stacks.
 * Its failures become `onFailure` calls, its chatter is dropped, anything else goes to stderr.
 * Returns the function that restores the console.
 */
export function routeWeaveConsole(options: WeaveConsoleOptions): () => void {
  const saved = CONSOLE_METHODS.map((name) => [name, console[name]] as const);
  for (const name of CONSOLE_METHODS) {
    console[name] = (...values: unknown[]) => {
      const first = typeof values[0] === "string" ? values[0].trimStart() : "";
      if (FAILURE.test(first)) return options.onFailure(reasonOf(values));
      if (CHATTER.test(first)) return;
      options.stderr.write(`${format(...values)}\n`);
    };
  }
  return () => {
    for (const [name, method] of saved) console[name] = method;
  };
}
