// A small reader for the plugin input: finds top-level fields of a JSON object and decodes strings,
// numbers and lists of strings. Enough for an evaluator; swap in a full JSON library for more.

export class JsonInput {
  constructor(private text: string) {}

  /** The raw JSON text of a top-level field, or null when the field is absent. */
  field(name: string): string | null {
    let i = this.skipSpace(0);
    if (i >= this.text.length || this.text.charAt(i) != "{") return null;
    i++;
    while (i < this.text.length) {
      i = this.skipSpace(i);
      if (this.text.charAt(i) == "}") return null;
      const keyEnd = this.endOfValue(i);
      const key = decodeString(this.text.substring(i, keyEnd));
      i = this.skipSpace(keyEnd) + 1; // past ':'
      i = this.skipSpace(i);
      const valueEnd = this.endOfValue(i);
      if (key == name) return this.text.substring(i, valueEnd);
      i = this.skipSpace(valueEnd);
      if (this.text.charAt(i) == ",") i++;
    }
    return null;
  }

  /** A string field, or "" when absent or not a string. */
  string(name: string): string {
    const raw = this.field(name);
    return raw != null && raw.startsWith('"') ? decodeString(raw) : "";
  }

  /** A list of strings (a single string counts as a list of one). */
  strings(name: string): string[] {
    const raw = this.field(name);
    const result = new Array<string>();
    if (raw == null) return result;
    if (raw.startsWith('"')) {
      result.push(decodeString(raw));
      return result;
    }
    if (!raw.startsWith("[")) return result;
    const list = new JsonInput(raw);
    let i = 1;
    while (i < raw.length) {
      i = list.skipSpace(i);
      const c = raw.charAt(i);
      if (c == "]") break;
      if (c == ",") { i++; continue; }
      const end = list.endOfValue(i);
      if (c == '"') result.push(decodeString(raw.substring(i, end)));
      i = end;
    }
    return result;
  }

  private skipSpace(i: i32): i32 {
    while (i < this.text.length) {
      const c = this.text.charCodeAt(i);
      if (c != 32 && c != 9 && c != 10 && c != 13) break;
      i++;
    }
    return i;
  }

  /** The index just past the JSON value that starts at i. */
  private endOfValue(i: i32): i32 {
    const first = this.text.charAt(i);
    if (first == '"') {
      i++;
      while (i < this.text.length && this.text.charAt(i) != '"') i += this.text.charAt(i) == "\\" ? 2 : 1;
      return i + 1;
    }
    if (first == "{" || first == "[") {
      let depth = 0;
      while (i < this.text.length) {
        const c = this.text.charAt(i);
        if (c == '"') { i = this.endOfValue(i); continue; }
        if (c == "{" || c == "[") depth++;
        if (c == "}" || c == "]") { depth--; if (depth == 0) return i + 1; }
        i++;
      }
      return i;
    }
    while (i < this.text.length) {
      const c = this.text.charAt(i);
      if (c == "," || c == "}" || c == "]" || c == " ") break;
      i++;
    }
    return i;
  }
}

/** Decodes a JSON string literal, quotes included. */
export function decodeString(raw: string): string {
  let out = "";
  for (let i = 1; i < raw.length - 1; i++) {
    const c = raw.charAt(i);
    if (c != "\\") { out += c; continue; }
    i++;
    const e = raw.charAt(i);
    if (e == "n") out += "\n";
    else if (e == "t") out += "\t";
    else if (e == "r") out += "\r";
    else if (e == "b") out += "\b";
    else if (e == "f") out += "\f";
    else if (e == "u") { out += String.fromCharCode(<i32>parseInt(raw.substring(i + 1, i + 5), 16)); i += 4; }
    else out += e;
  }
  return out;
}

/** Encodes a string as a JSON string literal. */
export function encodeString(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c == 34) out += '\\"';
    else if (c == 92) out += "\\\\";
    else if (c == 10) out += "\\n";
    else if (c == 13) out += "\\r";
    else if (c == 9) out += "\\t";
    else if (c < 32) out += "\\u00" + (c < 16 ? "0" : "") + c.toString(16);
    else out += String.fromCharCode(c);
  }
  return out + '"';
}
