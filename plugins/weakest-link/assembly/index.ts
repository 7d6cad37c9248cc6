// weakest-link: a scorer. A test is as good as its weakest assertion: its score is the lowest score of its
// weighted assertions (weight > 0), and it passes when that score reaches the threshold.
//   defaultTest:
//     scorer: plugin:weakest-link          # or {type: plugin:weakest-link, config: {threshold: 0.5}}
// The threshold is config.threshold, else the test's own threshold, else 1 (every assertion fully passed).
// namedScores.weakest is the lowest score, reported per named metric.
import { Host } from "@extism/as-pdk";
import { JsonInput, encodeString } from "./json";

export function score(): i32 {
  const input = new JsonInput(Host.inputString());
  const config = new JsonInput(input.field("config") || "{}");
  const threshold = config.number("threshold", input.number("threshold", 1.0));
  const assertions = input.items("assertions");
  let lowest = 1.0;
  let weakest = "";
  let counted = 0;
  for (let i = 0; i < assertions.length; i++) {
    const assertion = new JsonInput(assertions[i]);
    if (assertion.number("weight", 1.0) <= 0) continue;
    counted++;
    const value = assertion.number("score", 0.0);
    if (counted == 1 || value < lowest) {
      lowest = value;
      weakest = assertion.string("type") + ": " + assertion.string("reason");
    }
  }
  const pass = lowest >= threshold;
  let reason: string;
  if (counted == 0) {
    reason = "no weighted assertions";
    lowest = 1.0;
  } else {
    reason = "weakest of " + counted.toString() + " assertions scored " + lowest.toString() +
      (pass ? ", reaching " : ", below ") + threshold.toString() + " (" + weakest + ")";
  }
  writeOutput('{"pass":' + (pass ? "true" : "false") +
    ',"score":' + lowest.toString() +
    ',"reason":' + encodeString(reason) +
    ',"namedScores":{"weakest":' + lowest.toString() + "}}");
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
