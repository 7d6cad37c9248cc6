// contains-all: passes when the output contains every expected string.
//   assert:
//     - type: plugin:contains-all
//       value: ["Paris", "France"]
//       config: { ignoreCase: true }
// Score: the share of expected strings found; reason: the ones missing.
import { Config, Host } from "@extism/as-pdk";
import { JsonInput, encodeString } from "./json";

export function evaluate(): i32 {
  const input = new JsonInput(Host.inputString());
  const ignoreCase = Config.get("ignoreCase") == "true";
  let output = input.string("output");
  const expected = input.strings("expected");
  if (expected.length == 0) {
    writeOutput('{"pass":false,"score":0,"reason":"contains-all needs a value: a string or a list of strings"}');
    return 0;
  }
  if (ignoreCase) output = output.toLowerCase();
  const missing = new Array<string>();
  for (let i = 0; i < expected.length; i++) {
    const wanted = ignoreCase ? expected[i].toLowerCase() : expected[i];
    if (!output.includes(wanted)) missing.push(expected[i]);
  }
  const found = expected.length - missing.length;
  const score = <f64>found / <f64>expected.length;
  let reason: string;
  if (missing.length == 0) {
    reason = "output contains all " + expected.length.toString() + " expected strings";
  } else {
    const quoted = new Array<string>();
    for (let i = 0; i < missing.length; i++) quoted.push('"' + missing[i] + '"');
    reason = "output is missing " + quoted.join(", ");
  }
  writeOutput(
    '{"pass":' + (missing.length == 0 ? "true" : "false") +
    ',"score":' + score.toString() +
    ',"reason":' + encodeString(reason) +
    ',"namedScores":{"coverage":' + score.toString() + "}}");
  return 0;
}

// The PDK's outputString sets the length in UTF-16 units, which cuts non-ASCII text short: write UTF-8 bytes.
function writeOutput(text: string): void {
  Host.output(Uint8Array.wrap(String.UTF8.encode(text)));
}

// AssemblyScript calls abort on a failed assertion or out-of-memory; report it as the plugin's error.
export function abort(message: string | null, fileName: string | null, line: u32, column: u32): void {
  writeOutput(message == null ? "abort" : message);
  unreachable();
}
