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

i=0
for input in examples/*.yaml examples/broken/*.yaml tests/render/hostile.yaml tests/cli/check-bom-crlf/model.yaml \
  examples/programme examples/broken/missing-model examples/broken/disconnected-model \
  tests/rules/programmes/cross-file; do
  i=$((i + 1))
  "$lmc" check --format sarif "$input" >"$work/$i.sarif" 2>/dev/null
done
checks=$((checks + 1))
node "$here/validate.mjs" --draft04 "$sarif_schema" "$work"/*.sarif >"$work/sarif.log" ||
  { cat "$work/sarif.log"; fail "SARIF output is not valid against the official schema"; }
tail -1 "$work/sarif.log"

echo "$((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
