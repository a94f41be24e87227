#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# scripts/new-rule.py scaffolds a rule in a copy of the tree: the source, the page, the broken
# example and the rule test written; the registry row, the declaration and the schema's id
# inserted in order; an id that exists, or a malformed one, refused with nothing written.
#   run_new_rule_test.sh          (from the repository root)
set -u
work=$(mktemp -d)
log=$(mktemp)
trap 'rm -rf "$work" "$work.after" "$log" "$log.sum"' EXIT
failures=0 checks=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
mkdir -p "$work/lib/src/check" "$work/lib/src/rules" "$work/docs" "$work/examples" "$work/tests"
cp -r lib/src/check/. "$work/lib/src/check/"
cp -r lib/src/rules/. "$work/lib/src/rules/"
cp -r schemas "$work/" && cp -r docs/rules "$work/docs/" && cp -r examples/broken "$work/examples/"
cp -r tests/rules "$work/tests/"

checks=$((checks + 1))
python3 scripts/new-rule.py aimless-activity --severity warning --category logic \
  --summary "an activity with no stated purpose" --fix "say what the activity is for" \
  --root "$work" >"$log" 2>&1 || fail "the scaffold failed: $(cat "$log")"
for f in lib/src/check/rules/aimless_activity.cpp docs/rules/aimless-activity.md \
         examples/broken/aimless-activity.yaml tests/rules/aimless-activity.yaml; do
  [ -s "$work/$f" ] || fail "$f not written"
done
python3 - "$work" <<'PY' || failures=$((failures + 1))
import json, re, sys
root = sys.argv[1]
table = open(root + "/lib/src/rules/table.cpp").read()
ids = re.findall(r'^    \{"([a-z-]+)",', table, re.M)
registry = open(root + "/lib/src/check/registry.cpp").read()
checks = re.findall(r'^    \{"([a-z-]+)", (nullptr|&check_[a-z_]+), (nullptr|&check_[a-z_]+)\},', registry, re.M)
header = open(root + "/lib/src/check/rules/rules.h").read()
graph_rules = re.findall(r"^void (check_[a-z_]+)\(const RuleContext& ctx, Findings& out\);", header, re.M)
schema = json.load(open(root + "/schemas/logic-model.schema.json"))
text = json.dumps(schema)
bad = []
if "aimless-activity" not in ids or ids != sorted(ids):
    bad.append("the table's rows are not in order with the new one: %s" % ids[:4])
if ("aimless-activity", "nullptr", "&check_aimless_activity") not in checks or \
        [c[0] for c in checks] != sorted(c[0] for c in checks):
    bad.append("the check's row is missing or out of order: %s" % checks[:4])
if "check_aimless_activity" not in graph_rules or graph_rules != sorted(graph_rules):
    bad.append("the declaration is not in order: %s" % graph_rules[:4])
if '"aimless-activity"' not in text:
    bad.append("the schema does not list the rule")
for line in bad:
    print("FAIL:", line)
sys.exit(1 if bad else 0)
PY

# Refused, with nothing written: an id that exists, a malformed id.
cp -r "$work" "$work.after" 2>/dev/null
for id in orphan-output Orphan aimless-activity; do
  checks=$((checks + 1))
  python3 scripts/new-rule.py "$id" --severity info --category logic --summary s --fix f \
    --root "$work" >"$log" 2>&1 && fail "'$id' was accepted"
done
diff -r -q "$work.after" "$work" >/dev/null 2>&1 || fail "a refused scaffold changed files"
rm -rf "$work.after"

echo "$((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
