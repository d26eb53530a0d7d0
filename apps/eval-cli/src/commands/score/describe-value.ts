const MAX_DEPTH = 3;

function preview(value: unknown, depth: number, budget: { left: number }): string {
  if (budget.left <= 0) return "";
  let text: string;
  if (value === null || typeof value !== "object") {
    text = typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } else if (depth >= MAX_DEPTH) {
    text = Array.isArray(value) ? "[...]" : "{...}";
  } else if (Array.isArray(value)) {
    const items: string[] = [];
    for (const item of value) {
      if (budget.left <= 0) break;
      items.push(preview(item, depth + 1, budget));
    }
    text = `[${items.join(",")}]`;
  } else {
    const entries: string[] = [];
    for (const [key, item] of Object.entries(value)) {
      if (budget.left <= 0) break;
      entries.push(`${JSON.stringify(key)}:${preview(item, depth + 1, budget)}`);
    }
    text = `{${entries.join(",")}}`;
  }
  budget.left -= text.length;
  return text;
}

/**
 * A short JSON-like preview of any value for an error message: at most `maxChars` characters and three
 * levels deep, so a huge or deeply nested value (100 000 levels) is described without a stack overflow.
 */
export function describeValue(value: unknown, maxChars = 60): string {
  const text = preview(value, 0, { left: maxChars });
  return text.length > maxChars ? `${text.slice(0, maxChars - 3)}...` : text;
}
