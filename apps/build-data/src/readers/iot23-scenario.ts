const CAPTURE = /CTU-[A-Za-z]+-(?:[A-Za-z]+-)?Capture-\d+(?:-\d+)?/;

/**
 * The IoT-23 scenario of a file: the `CTU-…-Capture-N-M` name found in its path (directory or file
 * name), else the nearest directory that is not `bro`, else the file name.
 */
export function iot23Scenario(displayName: string): string {
  const segments = displayName.split(/[\\/]/).filter((segment) => segment !== "" && segment !== ".");
  for (let position = segments.length - 1; position >= 0; position--) {
    const match = CAPTURE.exec(segments[position]!);
    if (match) return match[0];
  }
  const directories = segments.slice(0, -1).filter((segment) => segment !== "bro" && segment !== "..");
  return directories.at(-1) ?? segments.at(-1) ?? displayName;
}
