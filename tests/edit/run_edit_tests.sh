#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# `lmc edit` (issue #23): the edit operations as a script drives them.
#   - every operation on a hand-written model (block lists, comments, a dash at the section's
#     indent) and on an example (flow lists, quoted links): the result is exactly the expected
#     file (untouched lines keep their bytes, comments stay, new entries follow the file's
#     indentation), loads, and checks without errors;
#   - --dry-run prints the change as a unified diff and writes nothing;
#   - an operation that cannot apply names itself and why, exit 2, and the file is untouched;
#   - a byte-order mark and CRLF line ends are kept, new lines take the file's line end.
#   run_edit_tests.sh LMC            (from the repository root)
set -u
lmc=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0 checks=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
check() { checks=$((checks + 1)); }

for case in block:block.yaml flow:../../examples/mcp-neighbourhood.yaml; do
  name=${case%%:*} model=$here/${case#*:}
  cp "$model" "$work/$name.yaml"
  check
  "$lmc" edit "$work/$name.yaml" --ops "$here/$name.ops.json" 2>"$work/err" ||
    fail "$name: lmc edit failed: $(cat "$work/err")"
  cmp -s "$work/$name.yaml" "$here/$name.expected.yaml" ||
    fail "$name: the result differs from $name.expected.yaml: $(diff "$here/$name.expected.yaml" "$work/$name.yaml" | head -20)"
  check
  "$lmc" check "$work/$name.yaml" >"$work/out" 2>&1
  grep -q " 0 errors" "$work/out" || fail "$name: the edited model does not check clean: $(tail -3 "$work/out")"
done
# Every comment of the hand-written model is still there.
check
grep -o '#.*' "$here/block.yaml" | while read -r line; do
  grep -qF -- "$line" "$here/block.expected.yaml" || echo "lost: $line"
done >"$work/lost"
[ -s "$work/lost" ] && fail "comments lost: $(cat "$work/lost")"

# --dry-run: the diff, nothing written; also from standard input.
cp "$here/block.yaml" "$work/dry.yaml"
check
"$lmc" edit "$work/dry.yaml" --ops - --dry-run <"$here/block.ops.json" >"$work/diff" 2>"$work/err"
sed "s|$work/dry.yaml|block.yaml|" "$work/diff" | cmp -s - "$here/block.expected.diff" ||
  fail "--dry-run: the diff differs from block.expected.diff: $(diff "$here/block.expected.diff" "$work/diff" | head)"
cmp -s "$work/dry.yaml" "$here/block.yaml" || fail "--dry-run wrote the model"
# The diff is a real one: patch applies it.
check
if command -v patch >/dev/null; then
  patch -s "$work/dry.yaml" <"$work/diff" && cmp -s "$work/dry.yaml" "$here/block.expected.yaml" ||
    fail "patch did not turn the model into the expected result with the --dry-run diff"
fi

# Operations that cannot apply: exit 2, the file untouched, the operation and the reason named.
refuse() {  # ops-json expected-message
  check
  cp "$here/block.yaml" "$work/bad.yaml"
  echo "$1" >"$work/ops.json"
  "$lmc" edit "$work/bad.yaml" --ops "$work/ops.json" >/dev/null 2>"$work/err"
  local status=$?
  [ $status -eq 2 ] || fail "$1: exit $status, not 2"
  cmp -s "$work/bad.yaml" "$here/block.yaml" || fail "$1: the model was changed"
  grep -qF -- "$2" "$work/err" || fail "$1: expected '$2', got: $(cat "$work/err")"
}
refuse '[{"op":"link","from":"classes","to":"nowhere"}]' "operation 1 (link): no item 'nowhere' in the model"
refuse '[{"op":"link","from":"physios","to":"attended"},{"op":"link","from":"physios","to":"attended"}]' \
  "operation 2 (link): 'physios' already links to 'attended'"
refuse '[{"op":"link","from":"home-visits","to":"adaptations"}]' "'home-visits' already links to 'adaptations'"
refuse '[{"op":"unlink","from":"classes","to":"fewer-falls"}]' "'classes' does not link to 'fewer-falls'"
refuse '[{"op":"add","section":"outputs","id":"classes","label":"Again"}]' "operation 1 (add): 'classes' is already an id in activities"
refuse '[{"op":"add","section":"outputs","id":"Bad Id","label":"x"}]' "'Bad Id' is not an id"
refuse '[{"op":"add","section":"people","id":"x","label":"x"}]' "'people' is not a section"
refuse '[{"op":"add","section":"outputs","id":"x","label":"x","term":"short"}]' "only outcomes have a term"
refuse '[{"op":"add","section":"outputs","id":"x"}]' "'label' is missing"
refuse '[{"op":"rename","id":"classes","to":"physios"}]' "'physios' is already an id in resources"
refuse '[{"op":"set","id":"classes","field":"status","value":"holds"}]' "'status' cannot be set on the box 'classes'"
refuse '[{"op":"set","id":"classes-work","field":"status","value":"maybe"}]' "'maybe' is not a status"
refuse '[{"op":"add-indicator","item":"classes","label":"x"}]' "indicators measure outputs, outcomes and impacts"
refuse '[{"op":"add-assumption","id":"a","text":"x","about":["classes -> nowhere"]}]' "no item 'nowhere'"
refuse '[{"op":"explode"}]' "'explode' is not an operation"
refuse '[{"op":"link","from":"a","to":"b","colour":"red"}]' "operation 1: 'colour' is not a field"
refuse '[{"op":"link","from":3}]' "operation 1: 'from' must be a string"
refuse '{"op":"link"' "the operations are not JSON"
refuse '"link"' "must be a JSON list of objects"
# The first operations applied, then one failed: still nothing written.
refuse '[{"op":"delete","id":"classes"},{"op":"delete","id":"classes"}]' "operation 2 (delete): no item 'classes'"

# Too much work for one change: refused before any is done (1,000 operations on a model of
# 300 KB would read 300 MB).
check
cp "$here/block.yaml" "$work/big.yaml"
for i in $(seq 1 5000); do printf '# padding line %05d of a long comment block, kept as written\n' "$i"; done >>"$work/big.yaml"
cp "$work/big.yaml" "$work/big.orig"
python3 -c 'import json; print(json.dumps([{"op": "set", "id": "classes", "field": "label", "value": "L%d" % i} for i in range(1000)]))' >"$work/many.json"
"$lmc" edit "$work/big.yaml" --ops "$work/many.json" 2>"$work/err" && fail "1,000 operations on 300 KB were applied"
grep -q "more than one change takes" "$work/err" || fail "too much work: $(cat "$work/err")"
cmp -s "$work/big.yaml" "$work/big.orig" || fail "too much work: the model was changed"
# 1,001 operations: refused as too many, whatever the size.
python3 -c 'import json; print(json.dumps([{"op": "delete", "id": "x"}] * 1001))' >"$work/many.json"
check
"$lmc" edit "$work/dry.yaml" --ops "$work/many.json" 2>"$work/err" && fail "1,001 operations were read"
grep -q "1001 operations in one change; at most 1000" "$work/err" || fail "too many: $(cat "$work/err")"

# A model saved on Windows: the byte-order mark and CRLF line ends stay, new lines use CRLF.
check
printf '\xef\xbb\xbf' >"$work/crlf.yaml"
sed 's/$/\r/' "$here/block.yaml" >>"$work/crlf.yaml"
"$lmc" edit "$work/crlf.yaml" --ops - <<<'[{"op":"add","section":"outputs","id":"leaflets","label":"Leaflets given out","to":["fewer-falls"]}]' 2>"$work/err" ||
  fail "CRLF: $(cat "$work/err")"
head -c 3 "$work/crlf.yaml" | od -An -tx1 | grep -q "ef bb bf" || fail "CRLF: the byte-order mark was lost"
grep -c $'[^\r]$' "$work/crlf.yaml" >"$work/bare"
[ "$(cat "$work/bare")" = 0 ] || fail "CRLF: $(cat "$work/bare") lines end without CR"
grep -q $'  label: Leaflets given out\r$' "$work/crlf.yaml" || fail "CRLF: the new item is not there"
# Every operation on the Windows file gives the expected file, byte for byte, with CR and BOM.
check
printf '\xef\xbb\xbf' >"$work/crlf-all.yaml"
sed 's/$/\r/' "$here/block.yaml" >>"$work/crlf-all.yaml"
printf '\xef\xbb\xbf' >"$work/crlf-expected.yaml"
sed 's/$/\r/' "$here/block.expected.yaml" >>"$work/crlf-expected.yaml"
"$lmc" edit "$work/crlf-all.yaml" --ops "$here/block.ops.json" 2>"$work/err" ||
  fail "CRLF, every operation: $(cat "$work/err")"
cmp -s "$work/crlf-all.yaml" "$work/crlf-expected.yaml" ||
  fail "CRLF, every operation: $(diff <(tr -d '\r' <"$work/crlf-all.yaml") "$here/block.expected.yaml" | head -5)"

# `-` is not a file to change.
check
"$lmc" edit - --ops "$here/block.ops.json" >/dev/null 2>&1 && fail "lmc edit - succeeded"

echo "edit: $checks checks, $failures failures"
[ "$failures" -eq 0 ]
