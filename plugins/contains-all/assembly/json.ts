// A small reader for the plugin input: finds top-level fields of a JSON object and decodes strings,
// numbers, lists of strings and the raw items of lists. Enough for a plugin; swap in a full JSON library
// for more.

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const SPACE = 32;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

export class JsonInput {
  constructor(private text: string) {}

  /** The raw JSON text of a top-level field, or null when the field is absent. */
  field(name: string): string | null {
    let i = this.skipSpace(0);
    if (i >= this.text.length || this.text.charCodeAt(i) != OPEN_BRACE) return null;
    i++;
    while (i < this.text.length) {
      i = this.skipSpace(i);
      if (this.text.charCodeAt(i) == CLOSE_BRACE) return null;
      const keyEnd = this.endOfValue(i);
      const key = decodeString(this.text.substring(i, keyEnd));
      i = this.skipSpace(keyEnd);
      if (this.text.charCodeAt(i) != COLON) return null;
      i = this.skipSpace(i + 1);
      const valueEnd = this.endOfValue(i);
      if (key == name) return this.text.substring(i, valueEnd);
      i = this.skipSpace(valueEnd);
      if (this.text.charCodeAt(i) == COMMA) i++;
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
      const c = raw.charCodeAt(i);
      if (c == CLOSE_BRACKET) break;
      if (c == COMMA) { i++; continue; }
      const end = list.endOfValue(i);
      if (c == QUOTE) result.push(decodeString(raw.substring(i, end)));
      i = end;
    }
    return result;
  }

  /** A number field, or the fallback when absent or not a number. */
  number(name: string, fallback: f64): f64 {
    const raw = this.field(name);
    if (raw == null || raw.length == 0) return fallback;
    const c = raw.charCodeAt(0);
    if (c != 45 && (c < 48 || c > 57)) return fallback;
    return parseFloat(raw);
  }

  /** A boolean field, or the fallback when absent or not a boolean. */
  boolean(name: string, fallback: bool): bool {
    const raw = this.field(name);
    if (raw == "true") return true;
    if (raw == "false") return false;
    return fallback;
  }

  /** The raw JSON text of each item of a list field (empty when absent or not a list). */
  items(name: string): string[] {
    const raw = this.field(name);
    const result = new Array<string>();
    if (raw == null || !raw.startsWith("[")) return result;
    const list = new JsonInput(raw);
    let i = 1;
    while (i < raw.length) {
      i = list.skipSpace(i);
      const c = raw.charCodeAt(i);
      if (c == CLOSE_BRACKET) break;
      if (c == COMMA) { i++; continue; }
      const end = list.endOfValue(i);
      result.push(raw.substring(i, end));
      i = end;
    }
    return result;
  }

  skipSpace(i: i32): i32 {
    while (i < this.text.length) {
      const c = this.text.charCodeAt(i);
      if (c != 32 && c != 9 && c != 10 && c != 13) break;
      i++;
    }
    return i;
  }

  /** The index just past the JSON value that starts at i (compares char codes: charAt allocates). */
  endOfValue(i: i32): i32 {
    const text = this.text;
    const first = text.charCodeAt(i);
    if (first == QUOTE) {
      i++;
      while (i < text.length && text.charCodeAt(i) != QUOTE) i += text.charCodeAt(i) == BACKSLASH ? 2 : 1;
      return i + 1;
    }
    if (first == OPEN_BRACE || first == OPEN_BRACKET) {
      let depth = 0;
      while (i < text.length) {
        const c = text.charCodeAt(i);
        if (c == QUOTE) { i = this.endOfValue(i); continue; }
        if (c == OPEN_BRACE || c == OPEN_BRACKET) depth++;
        if (c == CLOSE_BRACE || c == CLOSE_BRACKET) { depth--; if (depth == 0) return i + 1; }
        i++;
      }
      return i;
    }
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c == COMMA || c == CLOSE_BRACE || c == CLOSE_BRACKET || c == SPACE) break;
      i++;
    }
    return i;
  }
}

/** Decodes a JSON string literal, quotes included. Copies runs without escapes in one piece each. */
export function decodeString(raw: string): string {
  if (raw.indexOf("\\") < 0) return raw.substring(1, raw.length - 1);
  const parts = new Array<string>();
  let run = 1;
  const end = raw.length - 1;
  for (let i = 1; i < end; i++) {
    if (raw.charCodeAt(i) != BACKSLASH) continue;
    parts.push(raw.substring(run, i));
    i++;
    const e = raw.charAt(i);
    if (e == "n") parts.push("\n");
    else if (e == "t") parts.push("\t");
    else if (e == "r") parts.push("\r");
    else if (e == "b") parts.push("\b");
    else if (e == "f") parts.push("\f");
    else if (e == "u") { parts.push(String.fromCharCode(<i32>parseInt(raw.substring(i + 1, i + 5), 16))); i += 4; }
    else parts.push(e);
    run = i + 1;
  }
  parts.push(raw.substring(run, end));
  return parts.join("");
}

/** Encodes a string as a JSON string literal. */
export function encodeString(value: string): string {
  const parts = new Array<string>();
  parts.push('"');
  let run = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c != 34 && c != 92 && c >= 32) continue;
    parts.push(value.substring(run, i));
    if (c == 34) parts.push('\\"');
    else if (c == 92) parts.push("\\\\");
    else if (c == 10) parts.push("\\n");
    else if (c == 13) parts.push("\\r");
    else if (c == 9) parts.push("\\t");
    else parts.push("\\u00" + (c < 16 ? "0" : "") + c.toString(16));
    run = i + 1;
  }
  parts.push(value.substring(run));
  parts.push('"');
  return parts.join("");
}
