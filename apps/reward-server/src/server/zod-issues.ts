import type { z } from "zod";
import type { RequestIssue } from "./request-error.js";

/** zod issues as `{path: "items.3.answer", message}`; unknown keys are named one by one. */
export function toRequestIssues(error: z.ZodError, prefix: readonly PropertyKey[] = []): RequestIssue[] {
  const issues: RequestIssue[] = [];
  for (const issue of error.issues) {
    const path = [...prefix, ...issue.path].map(String);
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) issues.push({ path: [...path, key].join("."), message: "unknown field" });
      continue;
    }
    issues.push({ path: path.join("."), message: issue.message });
  }
  return issues;
}
