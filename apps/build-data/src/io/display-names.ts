import { resolve, sep } from "node:path";

/** A root as given, and how many of its trailing path components start its files' display names. */
export interface Root {
  components: string[];
  depth: number;
}

/** A path found below a root (or the root itself), before it is named. */
export interface Found {
  path: string;
  root: Root;
  /** The path below the root (`/` separators), empty for a file root. */
  below: string;
  /** Device and inode (or the real path), for files that are read. */
  key?: string;
  ignored?: string;
}

/** `<the root's last \`depth\` path components>/<path below the root>`. */
export function displayNameOf(entry: Found): string {
  const { components, depth } = entry.root;
  const head = components.slice(components.length - depth).join("/");
  return entry.below === "" ? head : `${head}/${entry.below}`;
}

/** A root's path components, and its depth: 1 (its base name), or up to the nearest anchor folder above it. */
export function rootOf(root: string, anchor: RegExp | undefined): Root {
  const components = resolve(root)
    .split(sep)
    .filter((component) => component !== "");
  let depth = 1;
  if (anchor !== undefined && !anchor.test(components.at(-1) ?? "")) {
    const above = components.slice(0, -1).findLastIndex((component) => anchor.test(component));
    if (above >= 0) depth = components.length - above;
  }
  return { components, depth };
}

/**
 * Distinct files with the same display name (two `conn.log.labeled` given directly, two roots named
 * `data`) get more of their roots' paths until the names differ, so `meta.file` tells them apart.
 */
export function disambiguate(found: readonly Found[]): void {
  for (;;) {
    const keysByName = new Map<string, Set<string>>();
    for (const entry of found) {
      if (entry.key === undefined) continue;
      const name = displayNameOf(entry);
      keysByName.set(name, (keysByName.get(name) ?? new Set()).add(entry.key));
    }
    const grow = new Set<Root>();
    for (const entry of found) {
      const keys = entry.key === undefined ? undefined : keysByName.get(displayNameOf(entry));
      if (keys !== undefined && keys.size > 1 && entry.root.depth < entry.root.components.length)
        grow.add(entry.root);
    }
    if (grow.size === 0) return;
    for (const root of grow) root.depth++;
  }
}
