import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

/** Debian's chromium; CI installs it with ci-setup.sh. */
export const CHROMIUM_PATH = process.env.SV_CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Why browser tests are skipped, or undefined when chromium is present. */
export const browserSkipReason = existsSync(CHROMIUM_PATH)
  ? undefined
  : `browser tests skipped: no chromium at ${CHROMIUM_PATH} (install it: apps/eval-cli/test/browser/ci-setup.sh)`;

/** Headless chromium with no network side channels (no QUIC, sync, component updates, first-run). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
