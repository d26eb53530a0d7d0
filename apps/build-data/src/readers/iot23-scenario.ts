/** An IoT-23 capture name: `CTU-IoT-Malware-Capture-34-1`, `CTU-Honeypot-Capture-4-1`, … */
export const IOT23_CAPTURE = /CTU-[A-Za-z]+-(?:[A-Za-z]+-)?Capture-\d+(?:-\d+)?/;

/** Where a file's scenario came from: a path component, the Zeek header, or neither (a folder or file name). */
export type ScenarioSource = "path" | "header" | "fallback";

/** A file's IoT-23 scenario and where it came from. */
export interface Iot23Scenario {
  scenario: string;
  from: ScenarioSource;
}

function segmentsOf(path: string): string[] {
  return path.split(/[\\/]/).filter((segment) => segment !== "" && segment !== ".");
}

/** The capture name nearest to the file in a path (its own name first, then the folders above), if any. */
export function captureInPath(path: string): string | undefined {
  const segments = segmentsOf(path);
  for (let position = segments.length - 1; position >= 0; position--) {
    const match = IOT23_CAPTURE.exec(segments[position]!);
    if (match) return match[0];
  }
  return undefined;
}

export interface ZeekHeaderScenarioOptions {
  /** The `#path` header value (`conn` in every IoT-23 log, but a renamed log may carry the capture). */
  path?: string;
  /** The `#open` header value: when Zeek opened the log, which tells the captures apart. */
  open?: string;
}

/** A scenario from a Zeek log's header: a capture name in `#path`, else `capture-opened-<#open>`. */
export function scenarioFromZeekHeader(options: ZeekHeaderScenarioOptions): string | undefined {
  const named = options.path === undefined ? undefined : IOT23_CAPTURE.exec(options.path)?.[0];
  if (named !== undefined) return named;
  const open = options.open?.trim().replace(/[^\w.:-]+/g, "_");
  return open ? `capture-opened-${open}` : undefined;
}

/**
 * The IoT-23 scenario of a file from its paths (display name first, then e.g. its absolute and real
 * path): the nearest `CTU-…-Capture-N-M` component. Without one (`from: "fallback"`), the nearest
 * folder that is not `bro` (of the display name, else of the other paths), else the file name.
 */
export function iot23Scenario(displayName: string, ...paths: string[]): Iot23Scenario {
  for (const path of [displayName, ...paths]) {
    const capture = captureInPath(path);
    if (capture !== undefined) return { scenario: capture, from: "path" };
  }
  for (const path of [displayName, ...paths]) {
    const folders = segmentsOf(path)
      .slice(0, -1)
      .filter((segment) => segment !== "bro" && segment !== "..");
    if (folders.length > 0) return { scenario: folders.at(-1)!, from: "fallback" };
  }
  return { scenario: segmentsOf(displayName).at(-1) ?? displayName, from: "fallback" };
}
