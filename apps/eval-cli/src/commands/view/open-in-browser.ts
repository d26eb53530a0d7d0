import { spawn } from "node:child_process";

/** Options of {@link openInBrowser}. */
export interface OpenInBrowserOptions {
  url: string;
  platform?: NodeJS.Platform;
}

/** Ask the desktop to open a URL (xdg-open, open, start); resolves false when that is not possible. */
export function openInBrowser(options: OpenInBrowserOptions): Promise<boolean> {
  const platform = options.platform ?? process.platform;
  const [command, args] =
    platform === "darwin"
      ? ["open", [options.url]]
      : platform === "win32"
        ? ["cmd", ["/c", "start", "", options.url]]
        : ["xdg-open", [options.url]];
  return new Promise((resolve) => {
    try {
      const child = spawn(command, args, { stdio: "ignore", detached: true });
      child.once("error", () => resolve(false));
      child.once("spawn", () => {
        child.unref();
        resolve(true);
      });
    } catch {
      resolve(false);
    }
  });
}
