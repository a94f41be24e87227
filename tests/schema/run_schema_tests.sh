#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The JSON Schema and SARIF, checked with a real validator (Ajv, pinned in package-lock.json):
# the shipped schema is what `lmc schema` prints; every example is valid; each schema-level
# mistake is rejected by the schema and by `lmc check`, with the rule its file is marked with;
# SARIF from every example, broken example and hostile model is valid SARIF 2.1.0.
#   run_schema_tests.sh LMC SARIF_SCHEMA       (from the repository root)
set -u
lmc=$1 sarif_schema=$2
here=tests/schema
if [ ! -d "$here/node_modules/ajv" ]; then
  echo "FAIL: the validators are not installed: run npm ci --prefix $here (scripts/setup.sh test does)"
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0 checks=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

checks=$((checks + 1))
"$lmc" schema >"$work/schema.json"
cmp -s "$work/schema.json" schemas/logic-model.schema.json ||
  fail "schemas/logic-model.schema.json is not what \`lmc schema\` prints (run: lmc schema > schemas/logic-model.schema.json)"

checks=$((checks + 1))
node "$here/validate.mjs" schemas/logic-model.schema.json examples/*.yaml examples/programme/*.yaml \
  examples/programme/workstreams/*.yaml examples/broken/missing-model/programme.yaml || fail "an example is not valid"

checks=$((checks + 1))
node "$here/validate.mjs" --expect-invalid schemas/logic-model.schema.json "$here"/invalid/*.yaml ||
  fail "the schema accepts a mistake"
for model in "$here"/invalid/*.yaml; do
  checks=$((checks + 1))
  "$lmc" check -q "$model" >"$work/out" 2>&1
  [ $? -eq 1 ] || fail "lmc check accepts $model"
  for rule in $(sed -n 's/.*# expect: *//p' "$model" | tr ',' ' '); do
    grep -q "\[$rule\]" "$work/out" || fail "$model: lmc check does not report $rule: $(cat "$work/out")"
  done
done

# Both directions over a table of small models: what the schema accepts, lmc accepts, and
# what it refuses, lmc refuses (agreement.yaml).
checks=$((checks + 1))
node "$here/agreement.mjs" "$lmc" schemas/logic-model.schema.json "$here/agreement.yaml" >"$work/agreement.log" ||
  { grep -v '^ok' "$work/agreement.log"; fail "the schema and lmc check disagree"; }
tail -1 "$work/agreement.log"

# SARIF from every example, broken example and hostile model, and from a file outside the
# repository by its absolute path (a URI of its own, not SRCROOT's); each also as an Azure
# pipeline makes it (TF_BUILD and the pipeline's variables), for the GHAzDO rules below.
mkdir "$work/azure"
i=0
for input in examples/*.yaml examples/broken/*.yaml tests/render/hostile.yaml tests/cli/check-bom-crlf/model.yaml \
  examples/programme examples/broken/missing-model examples/broken/disconnected-model \
  tests/rules/programmes/cross-file "$PWD/examples/broken/cycle.yaml"; do
  i=$((i + 1))
  "$lmc" check --format sarif "$input" >"$work/$i.sarif" 2>/dev/null
  TF_BUILD=True SYSTEM_COLLECTIONURI=https://dev.azure.com/nhs-vanguard/ SYSTEM_TEAMPROJECT=Models \
    SYSTEM_DEFINITIONID=42 BUILD_DEFINITIONNAME=lmc-check SYSTEM_PHASEID=1f7b3a0e-8d2c-4b59-9a8e-3c1d2e4f5a6b \
    SYSTEM_PHASENAME=Check BUILD_SOURCEBRANCH=refs/heads/main BUILD_BUILDID=1077 \
    "$lmc" check --format sarif "$input" >"$work/azure/$i.sarif" 2>/dev/null
done
checks=$((checks + 1))
node "$here/validate.mjs" --draft04 "$sarif_schema" "$work"/*.sarif "$work"/azure/*.sarif >"$work/sarif.log" ||
  { cat "$work/sarif.log"; fail "SARIF output is not valid against the official schema"; }
tail -1 "$work/sarif.log"

# Microsoft's SARIF multitool (pinned in package-lock.json; npm does not run its install script,
# which would set the binary's run bit): no result at all, under its default rules, GitHub's
# (Ghas) and GitHub Advanced Security for Azure DevOps' (GHAzDO).
multitool=$here/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
chmod +x "$multitool"
for kind in Sarif Ghas GHAzDO; do
  checks=$((checks + 1))
  files=("$work"/*.sarif)
  [ "$kind" = GHAzDO ] && files=("$work"/azure/*.sarif)
  "$multitool" validate "${files[@]}" --output "$work/multitool-$kind.json" --log ForceOverwrite \
    --rule-kind "$kind" >"$work/multitool.log" 2>&1
  results=$(node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1])).runs[0]; console.log((r.results || []).length + (r.invocations || []).reduce((n, i) => n + (i.toolExecutionNotifications || []).length, 0))' "$work/multitool-$kind.json" 2>/dev/null)
  if [ "$results" != 0 ]; then
    grep -E ' (error|warning|note) ' "$work/multitool.log" | head -20
    fail "the SARIF multitool reports ${results:-its own failure} under --rule-kind $kind"
  else
    echo "SARIF multitool, --rule-kind $kind: ${#files[@]} files, nothing reported"
  fi
done

echo "$((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
