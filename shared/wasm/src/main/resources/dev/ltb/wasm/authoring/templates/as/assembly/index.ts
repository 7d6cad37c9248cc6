// {{name}}: an LLM Test Bench evaluator plugin. Use it in a suite as
//   assert:
//     - type: plugin:{{name}}
//       value: Paris
// The input and output JSON are described in docs/plugins.md. Change evaluate() to your own check.
import { Host } from "@extism/as-pdk";
import { JsonInput, encodeString } from "./json";

export function evaluate(): i32 {
  const input = new JsonInput(Host.inputString());
  const output = input.string("output");
  const expected = input.string("expected");
  const pass = output.includes(expected);
  const reason = (pass ? "output contains " : "output does not contain ") + '"' + expected + '"';
  writeOutput('{"pass":' + (pass ? "true" : "false") + ',"reason":' + encodeString(reason) + "}");
  return 0;
}

// The PDK's outputString sets the length in UTF-16 units, which cuts non-ASCII text short: write UTF-8 bytes.
function writeOutput(text: string): void {
  Host.output(Uint8Array.wrap(String.UTF8.encode(text)));
}

// AssemblyScript calls abort on a failed assertion or out-of-memory: the call fails with the message.
export function abort(message: string | null, fileName: string | null, line: u32, column: u32): void {
  writeOutput(message == null ? "abort" : message);
  unreachable();
}
