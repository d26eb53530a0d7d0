#!/usr/bin/env node
import { runCli } from "./cli.js";
import { watchStdout } from "./watch-stdout.js";

watchStdout();

process.exitCode = await runCli(process.argv);
