// Checks Amazon States Language files the way the project needs them checked:
//   1. asl-validator 4.0.0 (the JSON schemas of the language, JSONPath syntax, ARN syntax), and
//   2. the local cloud's guard (no construct that the local executor would ignore or cannot serve).
// Usage: node check-asl.mjs FILE...   Prints one JSON report per line:
//   {"file": ..., "valid": bool, "validatorErrors": [...], "unsupported": [...]}
// Exit status 0 when every file passes both checks, 1 when one does not, 2 when a file cannot be read.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { unsupportedConstructs } from './asl-guard.mjs';

const require = createRequire(import.meta.url);
const aslValidator = require('asl-validator');

let status = 0;
for (const file of process.argv.slice(2)) {
  let definition;
  try {
    definition = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    console.log(JSON.stringify({ file, valid: false, validatorErrors: [`cannot read JSON: ${e.message}`], unsupported: [] }));
    status = 2;
    continue;
  }
  const { isValid, errorsText } = aslValidator(definition);
  const validatorErrors = isValid ? [] : errorsText('\n').split('\n').filter((line) => line.trim() !== '');
  const unsupported = unsupportedConstructs(definition);
  const valid = isValid && unsupported.length === 0;
  if (!valid && status === 0) status = 1;
  console.log(JSON.stringify({ file, valid, validatorErrors, unsupported }));
}
process.exit(status);
