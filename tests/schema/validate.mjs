// SPDX-License-Identifier: Apache-2.0
// Validates files against a JSON Schema with Ajv, a real validator:
//   node validate.mjs [--draft04] [--expect-invalid] SCHEMA FILE...
// YAML files are read as YAML 1.2 (what editors' YAML servers use); anything else as JSON.
// Prints one line a file and exits 1 if any file's outcome is not the expected one.
import { readFileSync } from "node:fs";
import Ajv07 from "ajv";
import Ajv04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import YAML from "yaml";

const args = process.argv.slice(2);
const draft04 = args.includes("--draft04");
const expectInvalid = args.includes("--expect-invalid");
const [schemaPath, ...files] = args.filter((a) => !a.startsWith("--"));

const Ajv = draft04 ? Ajv04 : Ajv07;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));

let failures = 0;
for (const file of files) {
  const text = readFileSync(file, "utf8");
  const data = /\.ya?ml$/.test(file) ? YAML.parse(text) : JSON.parse(text);
  const valid = validate(data);
  const ok = valid !== expectInvalid;
  if (!ok) failures++;
  const detail = valid ? "" : ": " + ajv.errorsText(validate.errors, { separator: "; " });
  console.log(`${ok ? "ok" : "FAIL"} ${file} ${valid ? "valid" : "invalid"}${detail}`);
}
console.log(`${files.length - failures} passed, ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
