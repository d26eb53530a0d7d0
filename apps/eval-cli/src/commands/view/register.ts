import { realpath } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Command } from "commander";
import { CliError } from "../../cli-error.js";
import { setInterruptNotice } from "../../interrupt-notice.js";
import { openInBrowser } from "./open-in-browser.js";
import { createOutputsServer } from "./outputs-server.js";

interface ViewCommandOptions {
  port: string;
  open: boolean;
}

/** `eval view [OUTPUT_DIR]`: serve an index of the runs and their reports on 127.0.0.1, read-only. */
export function registerViewCommand(program: Command): void {
  program
    .command("view")
    .description(
      "Serve an index of all runs, reports and comparisons under OUTPUT_DIR on 127.0.0.1 (read-only)",
    )
    .argument("[output-dir]", "directory of eval outputs", join("outputs", "evals"))
    .option("-p, --port <n>", "port on 127.0.0.1 (0 picks a free one)", "8765")
    .option("--no-open", "do not open a browser")
    .action(async (outputDir: string, options: ViewCommandOptions) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new CliError({
          message: `--port must be an integer 0-65535, got ${JSON.stringify(options.port)}`,
        });
      }
      const root = await realpath(outputDir).catch((error: NodeJS.ErrnoException) => {
        throw new CliError({
          message: `cannot serve ${outputDir}: ${error.code ?? error.message}`,
          cause: error,
        });
      });
      const server = createOutputsServer({ root });
      await new Promise<void>((resolve, reject) => {
        server.once("error", (error: NodeJS.ErrnoException) =>
          reject(
            new CliError({
              message: `cannot listen on 127.0.0.1:${port}: ${error.code ?? error.message}${error.code === "EADDRINUSE" ? " (try --port 0)" : ""}`,
              cause: error,
            }),
          ),
        );
        server.listen(port, "127.0.0.1", () => resolve());
      });
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      process.stdout.write(`Serving ${root} (read-only) at ${url}\nPress Ctrl+C to stop.\n`);
      if (options.open && !(await openInBrowser({ url }))) {
        process.stdout.write("Could not open a browser; open the URL above.\n");
      }
      setInterruptNotice("stopping the viewer");
      await new Promise<void>((resolve) => {
        const stop = () => {
          server.close(() => resolve());
          // A browser's keep-alive connections would hold the server open.
          server.closeAllConnections();
        };
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
      process.stderr.write("stopped the viewer\n");
    });
}
