import { isAbsolute, relative } from "node:path";

/** A path as messages show it: relative to the working directory when inside it, else absolute. */
export function shownPath(cwd: string, path: string): string {
  const near = relative(cwd, path);
  if (near === "") return ".";
  return near.startsWith("..") || isAbsolute(near) ? path : near;
}
