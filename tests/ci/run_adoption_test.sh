#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Adopting lmc on a repository that already has findings, as docs/ci.md tells it: write a
# baseline, commit it, and CI fails only on new findings. A repository of 20 models with 200
# findings; a pull request that moves lines in every model and adds one problem must fail
# with exactly that one finding. Also: several reports from one run (--output after each
# --format), the Markdown step summary, and bad baselines refused.
#   run_adoption_test.sh LMC
set -u
lmc=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
failures=0 checks=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { checks=$((checks + 1)); }

git init -q repo && cd repo || exit 1
git config user.email ci@example.org && git config user.name CI
mkdir models
for m in $(seq -w 1 20); do
  {
    echo "logic_model: 1"
    echo "title: Service $m"
    echo "activities:"
    for a in 1 2 3 4 5; do
      # Each activity links nowhere (unlinked-activity) and has no resource (unresourced-activity).
      echo "  - {id: act-$a, label: Activity $a of service $m}"
    done
  } >"models/service-$m.yaml"
done
git add . && git commit -qm "models as they were"

"$lmc" check -q --fail-on never models >"$work/before.txt"
findings=$(wc -l <"$work/before.txt")
ok; [ "$findings" -eq 200 ] || fail "the repository should start with 200 findings, has $findings"

# 1. Adopt: write the baseline (exit 0), commit it; the check passes with nothing to show.
"$lmc" check --write-baseline .lmc-baseline.json models 2>"$work/write.err"
code=$?
ok; [ $code -eq 0 ] || fail "--write-baseline should exit 0"
ok; grep -q "wrote 200 findings to .lmc-baseline.json" "$work/write.err" || fail "write message: $(cat "$work/write.err")"
git add .lmc-baseline.json && git commit -qm "Adopt lmc with a baseline"
"$lmc" check --strict --baseline .lmc-baseline.json models >"$work/out" 2>"$work/err"
code=$?
ok; [ $code -eq 0 ] || fail "with the baseline, the repository passes --strict: $(cat "$work/out")"
ok; grep -q "20 models checked: no problems found" "$work/out" || fail "summary: $(cat "$work/out")"
ok; grep -q "200 findings in the baseline not shown" "$work/err" || fail "baseline note: $(cat "$work/err")"

# 2. A pull request: every model gets lines inserted above its findings (they all move), and
#    one model gets a new problem: an output linking to an outcome that does not exist.
git checkout -qb change
for f in models/*.yaml; do
  sed -i '2a description: Reviewed at the programme board\nowner: Programme office' "$f"
done
cat >>models/service-07.yaml <<'MODEL'
outputs:
  - {id: visits-made, label: Visits made, from: [act-1], to: [fewer-admisions]}
MODEL
git commit -qam "Review the services; service 07 gains an output"
"$lmc" check --strict -q --baseline .lmc-baseline.json models >"$work/out" 2>"$work/err"
code=$?
ok; [ $code -eq 1 ] || fail "the pull request should fail (exit 1), got $code"
ok; [ "$(wc -l <"$work/out")" -eq 1 ] || fail "exactly one finding expected:
$(cat "$work/out")"
ok; grep -q "^models/service-07.yaml:12:.*'fewer-admisions' in \`to\` names nothing.*\[unknown-reference\]$" "$work/out" ||
  fail "the one finding is the new problem: $(cat "$work/out")"
# act-1 of service 07 now links on: its unlinked-activity finding is gone, and counted.
"$lmc" check --strict --baseline .lmc-baseline.json models >/dev/null 2>"$work/err"
ok; grep -q "1 baseline finding is no longer found" "$work/err" || fail "fixed count: $(cat "$work/err")"

# 2b. A plain `git mv` of a model: its baselined findings follow it (same rule and
# fingerprint, path changed), and lmc says which file they followed; nothing is new.
mkdir -p models/area
git mv models/service-03.yaml models/area/service-three.yaml
git commit -qm "Move service 03"
"$lmc" check --strict -q --baseline .lmc-baseline.json models >"$work/out" 2>"$work/err"
code=$?
ok; [ $code -eq 1 ] && [ "$(wc -l <"$work/out")" -eq 1 ] ||
  fail "after git mv, only the one new finding (exit 1): exit $code, $(cat "$work/out")"
"$lmc" check --strict --baseline .lmc-baseline.json models >/dev/null 2>"$work/err"
ok; grep -q "10 baseline findings followed models/service-03.yaml to models/area/service-three.yaml" "$work/err" ||
  fail "the move is not named: $(cat "$work/err")"
# A baseline written before baselines knew titles: the one new file that says what the old
# one did is taken for it.
python3 -c 'import json, sys; b = json.load(open(sys.argv[1])); b.pop("models", None); json.dump(b, open(sys.argv[2], "w"))' \
  .lmc-baseline.json "$work/old-baseline.json"
"$lmc" check --strict -q --baseline "$work/old-baseline.json" models >"$work/out" 2>"$work/err"
ok; [ "$(wc -l <"$work/out")" -eq 1 ] || fail "an older baseline after git mv: $(cat "$work/out")"
# A new model whose findings look like another's is not taken for a moved one while that
# model is still there.
cp models/service-04.yaml models/area/copy-of-04.yaml
"$lmc" check -q --fail-on never --baseline .lmc-baseline.json models >"$work/out" 2>"$work/err"
ok; [ "$(grep -c "copy-of-04" "$work/out")" -eq 10 ] || fail "a copy was taken for a move: $(cat "$work/out")"
rm models/area/copy-of-04.yaml

# 3. One run, three reports: SARIF and JUnit to files, annotations to standard output; a step
#    summary in Markdown.
"$lmc" check --baseline .lmc-baseline.json --format sarif --output "$work/lmc.sarif" \
  --format junit -o "$work/lmc.xml" --format github --format markdown --output "$work/summary.md" \
  models >"$work/annotations" 2>/dev/null
code=$?
ok; [ $code -eq 1 ] || fail "the run with reports exits 1"
ok; python3 -c "
import json, sys
d = json.load(open('$work/lmc.sarif'))
r = d['runs'][0]['results']
assert len(r) == 1 and r[0]['ruleId'] == 'unknown-reference', r
assert r[0]['locations'][0]['physicalLocation']['artifactLocation']['uri'] == 'models/service-07.yaml'
" || fail "the SARIF file holds the one new finding"
ok; python3 -c "
import xml.etree.ElementTree as ET
root = ET.parse('$work/lmc.xml').getroot()
f = root.findall('.//failure')
assert len(f) == 1 and f[0].get('message').startswith('line 12: '), [x.attrib for x in f]
assert float(root.get('time')) >= 0
" || fail "the JUnit file holds the one new finding with its message"
ok; grep -q "^::error file=models/service-07.yaml,line=12," "$work/annotations" || fail "annotations: $(cat "$work/annotations")"
ok; grep -q "^### lmc: 20 models checked: 1 error" "$work/summary.md" || fail "step summary: $(head -3 "$work/summary.md")"
ok; [ "$(grep -c '^| ❌ error |' "$work/summary.md")" -eq 1 ] || fail "step summary rows: $(cat "$work/summary.md")"
# An --output alone takes its format from the name; two formats on standard output are refused.
"$lmc" check --baseline .lmc-baseline.json -o "$work/plain.json" models >/dev/null 2>&1
ok; python3 -c "import json; json.load(open('$work/plain.json'))" || fail "-o FILE.json writes JSON"
"$lmc" check --format json --format sarif models >"$work/out" 2>"$work/err"
code=$?
ok; [ $code -eq 2 ] && [ ! -s "$work/out" ] || fail "two formats to standard output: exit 2, nothing printed"
# A report that cannot be written: exit 2, and the others still written.
"$lmc" check --format sarif --output "$work/no/such/dir/lmc.sarif" --format json --output "$work/ok.json" models >/dev/null 2>"$work/err"
code=$?
ok; [ $code -eq 2 ] && [ -s "$work/ok.json" ] || fail "an unwritable --output: exit 2 ($(cat "$work/err"))"

# A report or a baseline is never written over a model being checked.
cp models/service-01.yaml "$work/kept.yaml"
"$lmc" check --output models/service-01.yaml models 2>"$work/err" >/dev/null
code=$?
ok; [ $code -eq 2 ] && cmp -s models/service-01.yaml "$work/kept.yaml" || fail "--output over a model: exit $code"
"$lmc" check --write-baseline ./models/../models/service-01.yaml models 2>"$work/err"
code=$?
ok; [ $code -eq 2 ] && cmp -s models/service-01.yaml "$work/kept.yaml" || fail "--write-baseline over a model: exit $code"

# 4. Bad baselines are refused with the reason, before anything is checked.
echo '{"findings": []}' >"$work/not-a-baseline.json"
# Hostile ones (issue #20): a number beyond a double, and nesting 200,000 deep in the places
# lmc reads (findings, lmc_baseline) and one it does not: one line, exit 2, no crash.
echo '{"lmc_baseline": 1e999, "findings": []}' >"$work/huge-number.json"
echo '{"lmc_baseline": 1, "findings": [{"fingerprint": "x", "line": 1e999}]}' >"$work/huge-line.json"
python3 - "$work" <<'PY'
import sys
deep = "[" * 200000 + "]" * 200000
for name, text in [("deep-findings", '{"lmc_baseline": 1, "findings": %s}' % deep),
                   ("deep-version", '{"lmc_baseline": %s, "findings": []}' % deep),
                   ("deep-comment", '{"lmc_baseline": 1, "comment": %s, "findings": []}' % deep)]:
    open(f"{sys.argv[1]}/{name}.json", "w").write(text)
PY
for bad in "$work/not-a-baseline.json" "$work/missing.json" models "$work/huge-number.json" \
  "$work/huge-line.json" "$work/deep-findings.json" "$work/deep-version.json" "$work/deep-comment.json"; do
  "$lmc" check --baseline "$bad" models >"$work/out" 2>"$work/err"
  code=$?
  ok; [ $code -eq 2 ] && grep -q "^lmc: $bad: " "$work/err" && [ "$(wc -l <"$work/err")" -eq 1 ] ||
    fail "baseline $bad: exit $code, $(head -c 300 "$work/err")"
done
# --write-baseline never leaves a half-written file over an existing one.
cp .lmc-baseline.json "$work/kept.json"
"$lmc" check --write-baseline "$work/no/such/dir/b.json" models 2>/dev/null
code=$?
ok; [ $code -eq 2 ] && cmp -s .lmc-baseline.json "$work/kept.json" || fail "an unwritable baseline"

echo "$((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
