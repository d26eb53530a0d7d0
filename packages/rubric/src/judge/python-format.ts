/**
 * Python's `template.format(**fields)` for templates whose fields are plain names: `{{` and `}}` are
 * literal braces, `{name}` is replaced by the field's text as it is (never re-read as a template).
 * A field the template names but `fields` lacks, or a stray brace, throws (as Python raises).
 */
export function pythonFormat(template: string, fields: Readonly<Record<string, string>>): string {
  let out = "";
  let index = 0;
  while (index < template.length) {
    const char = template[index]!;
    if (char === "{" && template[index + 1] === "{") {
      out += "{";
      index += 2;
    } else if (char === "}" && template[index + 1] === "}") {
      out += "}";
      index += 2;
    } else if (char === "{") {
      const close = template.indexOf("}", index);
      const name = close < 0 ? "" : template.slice(index + 1, close);
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || !Object.hasOwn(fields, name)) {
        throw new Error(`template field ${JSON.stringify(name)} is not given`);
      }
      out += fields[name];
      index = close + 1;
    } else if (char === "}") {
      throw new Error("single '}' in the template");
    } else {
      out += char;
      index++;
    }
  }
  return out;
}
