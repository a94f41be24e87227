// SPDX-License-Identifier: Apache-2.0
// One truth for the schema and the checker: every row of agreement.yaml, a small model, is
// accepted or refused alike by the JSON Schema (Ajv, reading the YAML as editors' YAML servers
// do) and by `lmc check` (no finding of a schema-level rule), and as the row says.
//   node agreement.mjs LMC SCHEMA TABLE
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv07 from "ajv";
import addFormats from "ajv-formats";
import YAML from "yaml";

// The rules that say whether a file is written as the format says, as the schema does; the
// others are about the logic the schema cannot see.
const schemaRules = new Set(["yaml-syntax", "duplicate-key", "unknown-key", "invalid-value",
  "missing-field", "unsupported-version"]);

const [lmc, schemaPath, tablePath] = process.argv.slice(2);
const ajv = new Ajv07({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));
const table = YAML.parse(readFileSync(tablePath, "utf8"));
const dir = mkdtempSync(join(tmpdir(), "lmc-agreement-"));

let failures = 0;
let accepted = 0;
for (const [k, row] of table.entries()) {
  const file = join(dir, `row-${k}.yaml`);
  writeFileSync(file, row.model);
  let schemaOk;
  let why = "";
  try {
    const doc = YAML.parseDocument(row.model, { uniqueKeys: true });
    if (doc.errors.length > 0) throw new Error(doc.errors[0].message);
    schemaOk = validate(doc.toJS());
    if (!schemaOk) why = ajv.errorsText(validate.errors, { separator: "; " });
  } catch (e) {
    schemaOk = false;
    why = `YAML: ${e.message.split("\n")[0]}`;
  }
  let report;
  try {
    report = execFileSync(lmc, ["check", "--format", "json", "--fail-on", "never", file], {
      encoding: "utf8",
    });
  } catch (e) {
    report = e.stdout;
  }
  const findings = JSON.parse(report).diagnostics;
  const schemaLevel = findings.filter((f) => schemaRules.has(f.rule));
  const lmcOk = schemaLevel.length === 0;
  const ok = schemaOk === row.accept && lmcOk === row.accept;
  if (!ok) failures++;
  if (row.accept) accepted++;
  const said = (v) => (v ? "accepts" : "refuses");
  console.log(
    `${ok ? "ok" : "FAIL"} ${row.name}: schema ${said(schemaOk)}, lmc ${said(lmcOk)}` +
      (ok ? "" : ` (want: both ${said(row.accept)})` +
        (why ? `\n    schema: ${why}` : "") +
        (schemaLevel.length ? `\n    lmc: ${schemaLevel.map((f) => `[${f.rule}] ${f.message}`).join("; ")}` : "")),
  );
}
rmSync(dir, { recursive: true });
console.log(`${table.length} rows (${accepted} accepted, ${table.length - accepted} refused): ` +
  `${table.length - failures} agree, ${failures} do not`);
process.exit(failures === 0 && table.length >= 30 ? 0 : 1);
