import type { PythonJsonObject, PythonJsonValue } from "./python-json-value.js";

/**
 * Deeper nesting than this reads as not JSON. Python's `json.loads` raises `RecursionError` near its
 * recursion limit (1000 frames); a reply nested that deep is no answer either way.
 */
export const MAX_JSON_DEPTH = 512;

class NotJson extends Error {}

const NUMBER = /-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;
const SIMPLE_ESCAPES: Record<string, string> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

/** A recursive-descent reader of RFC 8259 JSON (what `JSON.parse` accepts), keeping Python's number kinds. */
class Reader {
  private at = 0;

  constructor(private readonly text: string) {}

  document(): PythonJsonValue {
    const value = this.value(0);
    this.space();
    if (this.at !== this.text.length) throw new NotJson();
    return value;
  }

  private space(): void {
    const text = this.text;
    while (this.at < text.length) {
      const code = text.charCodeAt(this.at);
      if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return;
      this.at++;
    }
  }

  private literal(word: string): void {
    if (!this.text.startsWith(word, this.at)) throw new NotJson();
    this.at += word.length;
  }

  private value(depth: number): PythonJsonValue {
    if (depth > MAX_JSON_DEPTH) throw new NotJson();
    this.space();
    const char = this.text[this.at];
    switch (char) {
      case "{":
        return this.object(depth);
      case "[":
        return this.array(depth);
      case '"':
        return this.string();
      case "t":
        this.literal("true");
        return true;
      case "f":
        this.literal("false");
        return false;
      case "n":
        this.literal("null");
        return null;
      default:
        return this.number();
    }
  }

  private number(): PythonJsonValue {
    NUMBER.lastIndex = this.at;
    const match = NUMBER.exec(this.text);
    if (!match) throw new NotJson();
    this.at += match[0].length;
    if (match[1] === undefined && match[2] === undefined) {
      return { kind: "int", digits: match[0] === "-0" ? "0" : match[0] };
    }
    return { kind: "float", value: Number(match[0]) };
  }

  private string(): string {
    const text = this.text;
    this.at++; // opening quote
    let result = "";
    let chunkStart = this.at;
    while (true) {
      if (this.at >= text.length) throw new NotJson();
      const code = text.charCodeAt(this.at);
      if (code === 0x22) {
        result += text.slice(chunkStart, this.at);
        this.at++;
        return result;
      }
      if (code < 0x20) throw new NotJson();
      if (code !== 0x5c) {
        this.at++;
        continue;
      }
      result += text.slice(chunkStart, this.at);
      const escaped = text[this.at + 1];
      if (escaped === "u") {
        const hex = text.slice(this.at + 2, this.at + 6);
        if (!HEX4.test(hex)) throw new NotJson();
        result += String.fromCharCode(Number.parseInt(hex, 16));
        this.at += 6;
      } else if (escaped !== undefined && Object.hasOwn(SIMPLE_ESCAPES, escaped)) {
        result += SIMPLE_ESCAPES[escaped];
        this.at += 2;
      } else {
        throw new NotJson();
      }
      chunkStart = this.at;
    }
  }

  private array(depth: number): PythonJsonValue[] {
    this.at++;
    const items: PythonJsonValue[] = [];
    this.space();
    if (this.text[this.at] === "]") {
      this.at++;
      return items;
    }
    while (true) {
      items.push(this.value(depth + 1));
      this.space();
      const next = this.text[this.at++];
      if (next === "]") return items;
      if (next !== ",") throw new NotJson();
    }
  }

  private object(depth: number): PythonJsonObject {
    this.at++;
    const entries = new Map<string, PythonJsonValue>();
    this.space();
    if (this.text[this.at] === "}") {
      this.at++;
      return { kind: "object", entries };
    }
    while (true) {
      this.space();
      if (this.text[this.at] !== '"') throw new NotJson();
      const key = this.string();
      this.space();
      if (this.text[this.at++] !== ":") throw new NotJson();
      entries.set(key, this.value(depth + 1));
      this.space();
      const next = this.text[this.at++];
      if (next === "}") return { kind: "object", entries };
      if (next !== ",") throw new NotJson();
    }
  }
}

/**
 * Read a JSON text as Python's `json.loads` would, except that only standard JSON is accepted (the
 * project's parsing rule, as `JSON.parse`: no `NaN`/`Infinity` literals). Integers keep their exact
 * digits, floats become doubles, objects keep the last of duplicate keys. Returns `undefined` for text
 * that is not JSON (or nests deeper than {@link MAX_JSON_DEPTH}); never throws.
 */
export function readPythonJson(text: string): PythonJsonValue | undefined {
  try {
    return new Reader(text).document();
  } catch (error) {
    if (error instanceof NotJson) return undefined;
    throw error;
  }
}
