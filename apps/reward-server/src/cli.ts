import { availableParallelism } from "node:os";
import { redactSecrets, secretValues } from "@sv/parser";
import { createRubric } from "@sv/rubric";
import { Command, CommanderError, InvalidArgumentError } from "commander";
import { z } from "zod";
import { type ClusterPrimary, startClusterPrimary } from "./cluster/cluster-primary.js";
import type { WorkerLink } from "./cluster/worker-link.js";
import { type RubricConfig, rubricConfigSchema } from "./scoring/rubric-config.js";
import { DEFAULT_BODY_LIMIT } from "./server/create-reward-server.js";
import { type ServingServer, serve } from "./serve.js";

/** What the command line needs from its process (tests inject them). */
export interface ServerCliIo {
  env: NodeJS.ProcessEnv;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /**
   * Set in a worker of `--workers N`: the server reports to its primary over this link (listening,
   * a failure to start, its counts for `/metrics`) instead of printing, and ignores `--workers`.
   */
  workerLink?: WorkerLink;
}

/** A started server: one process, or the primary of `--workers N`. */
export type StartedServer = ServingServer | ClusterPrimary;

function parsePort(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) {
    throw new InvalidArgumentError("must be an integer from 0 to 65535 (0: any free port)");
  }
  return Number(value);
}

const UNITS: Record<string, number> = { "": 1, b: 1, kb: 1024, k: 1024, mb: 1024 ** 2, m: 1024 ** 2 };

/** `--workers`: a positive integer, or `auto` for the machine's available parallelism. */
export function parseWorkers(value: string): number {
  if (value.trim().toLowerCase() === "auto") return availableParallelism();
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw new InvalidArgumentError("must be a positive integer or auto (one per available CPU)");
  }
  return Number(value);
}

/** `1048576`, `512kb`, `16mb` → bytes. */
export function parseByteSize(value: string): number {
  const match = /^(\d+)\s*([a-z]*)$/i.exec(value.trim());
  const unit = match ? UNITS[match[2]!.toLowerCase()] : undefined;
  const bytes = match && unit !== undefined ? Number(match[1]) * unit : Number.NaN;
  if (!Number.isSafeInteger(bytes) || bytes <= 0) {
    throw new InvalidArgumentError("must be a positive size in bytes, e.g. 1048576, 512kb or 16mb");
  }
  return bytes;
}

/** `--rubric '{"weights": {...}, "costs": {...}}'`, validated as the rubric validates it. */
export function parseRubricFlag(value: string): RubricConfig {
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch (error) {
    throw new InvalidArgumentError(`not JSON (${(error as Error).message})`);
  }
  const parsed = rubricConfigSchema.safeParse(json);
  if (!parsed.success) throw new InvalidArgumentError(z.prettifyError(parsed.error).replace(/\n/g, "; "));
  try {
    createRubric({ weights: parsed.data.weights, costs: parsed.data.costs });
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message.replace(/\n/g, "; "));
  }
  return parsed.data;
}

interface ServerFlags {
  host: string;
  port: number;
  bodyLimit: number;
  dataDir?: string;
  rubric?: RubricConfig;
  workers: number;
}

/** The `serve` program (flags only: the token comes from `SV_SERVER_TOKEN`, never from argv). */
export function createServerProgram(onStart: (flags: ServerFlags) => Promise<void>): Command {
  return new Command("serve")
    .description(
      "Serve E1 rewards and prompts over HTTP for RL trainers: POST /v1/score, POST /get_reward (OpenRLHF), " +
        "GET /v1/prompts, GET /health, GET /metrics. Set SV_SERVER_TOKEN to require a bearer token.",
    )
    .option("--host <host>", "interface to bind (0.0.0.0 for every interface)", "127.0.0.1")
    .option("--port <port>", "port (0: any free port; the URL is printed on start)", parsePort, 0)
    .option(
      "--body-limit <size>",
      `largest request body (default ${DEFAULT_BODY_LIMIT / 1024 ** 2}mb)`,
      parseByteSize,
    )
    .option("--data-dir <dir>", "local datasets for /v1/prompts (default $SV_DATA_DIR or ./data/e1)")
    .option(
      "--rubric <json>",
      'rubric overrides for every request, e.g. \'{"costs": {"missedAttack": -2}}\' (requests may override them)',
      parseRubricFlag,
    )
    .option(
      "--workers <n>",
      "server processes sharing the port (node:cluster); auto: one per available CPU",
      parseWorkers,
      1,
    )
    .showHelpAfterError()
    .exitOverride()
    .action(async (options: Partial<ServerFlags>) => {
      await onStart({
        host: options.host ?? "127.0.0.1",
        port: options.port ?? 0,
        bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
        dataDir: options.dataDir,
        rubric: options.rubric,
        workers: options.workers ?? 1,
      });
    });
}

/**
 * Parse argv and start listening; prints the URL as the one line on stdout. With `--workers N` (N > 1)
 * this process becomes the primary of N workers that run this same command line. Resolves to the
 * server, or to an exit code when the arguments are wrong or the port cannot be bound.
 */
export async function runServerCli(
  argv: readonly string[],
  io: ServerCliIo,
): Promise<StartedServer | number> {
  let started: StartedServer | number | undefined;
  const link = io.workerLink;
  const program = createServerProgram(async (flags) => {
    if (flags.workers > 1 && !link) {
      started = await startClusterPrimary({ workers: flags.workers, args: argv.slice(2), stderr: io.stderr });
      return;
    }
    const server = await serve({
      host: flags.host,
      port: flags.port,
      bodyLimit: flags.bodyLimit,
      dataDir: flags.dataDir ?? io.env.SV_DATA_DIR ?? "./data/e1",
      rubric: flags.rubric,
      token: io.env.SV_SERVER_TOKEN || undefined,
      log: (line) => io.stderr.write(`${line}\n`),
      metricsSnapshot: link?.metricsSnapshot,
    });
    link?.answerSnapshots(server.metrics);
    started = server;
  });
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code ? `${code}` : error instanceof Error ? error.message : String(error);
    const secrets = secretValues({ env: io.env });
    const line = redactSecrets(`error: cannot listen: ${reason}`, { secrets });
    // A worker's primary prints the line once, not once per worker.
    if (link) link.reportStartFailed(line, 1);
    else io.stderr.write(`${line}\n`);
    return 1;
  }
  if (started === undefined) return 1;
  if (typeof started === "number") return started;
  if (link) link.reportListening(started.url);
  else io.stdout.write(`${started.url}\n`);
  return started;
}
