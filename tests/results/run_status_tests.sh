#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# `lmc status` (issue #24) on the results example, as a board or an evaluator runs it:
#   - text, markdown, json and html are exactly the expected files (the outcome in doubt for a
#     theory reason and the output behind on delivery named); the json is read by Python;
#   - -o writes the file, the format from its name;
#   - a results file with bad rows: each said where it is (file:line:column, rule), the good
#     rows still counted, exit 1; a results file that cannot be read, or --results for two
#     models: exit 2;
#   - the CSV is read with a byte-order mark and CRLF line ends as well;
#   - render --results draws each indicator's latest value and status under it, in words and a
#     symbol; a CSV that cannot be read draws nothing;
#   - report says what the results say (text, markdown, html, json), and a programme's roll-up
#     each programme outcome's status with the work streams' indicators that carry it;
#   - check reads the model's `results:`: stale-indicator and unknown-indicator, and a results
#     file that is not there is said at the key.
#   run_status_tests.sh LMC            (from anywhere)
set -u
lmc=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0 checks=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
check() { checks=$((checks + 1)); }
cd "$root" || exit 2
model=examples/results/mcp-neighbourhood.yaml

for format in text markdown json html; do
  check
  "$lmc" status "$model" --today 2026-12-05 --format "$format" >"$work/out.$format" 2>"$work/err" ||
    fail "$format: exit $?: $(cat "$work/err")"
  if [ -n "${LMC_UPDATE_GOLDEN:-}" ]; then cp "$work/out.$format" "$here/mcp.status.$format"; fi
  cmp -s "$work/out.$format" "$here/mcp.status.$format" ||
    fail "$format differs: $(diff "$here/mcp.status.$format" "$work/out.$format" | head -10)"
done
check
grep -q "Theory in doubt: 'extra-appointments' (achieved) and 'coordinated-care' (on-track) were delivered, yet 'fewer-ae-visits' is off track" "$work/out.text" ||
  fail "the outcome in doubt for a theory reason is not named"
grep -q "Behind on delivery: output 'single-referrals' is off track: a delivery problem of the activity that produces it: 'integrated-team'" "$work/out.text" ||
  fail "the output behind on delivery is not named"
check
python3 - "$work/out.json" <<'PY' || fail "the json is not what it says"
import json, sys
data = json.load(open(sys.argv[1]))
m = data["models"][0]
status = {i["indicator"]: i["status"] for i in m["indicators"]}
assert status == {"plans-rate": "on-track", "single-route": "off-track",
                  "access-minutes": "achieved", "services-together": "on-track",
                  "ae-rate": "off-track", "admissions-rate": "at-risk"}, status
kinds = [(c["kind"], c["item"], c["assumptions"]) for c in m["chain"]]
assert kinds == [("delivery", "single-referrals", []),
                 ("theory", "fewer-ae-visits", ["appointments-substitute"])], kinds
PY

# -o: the format from the name, written whole.
check
"$lmc" status "$model" --today 2026-12-05 -o "$work/board.md" 2>"$work/err" || fail "-o: $(cat "$work/err")"
cmp -s "$work/board.md" "$here/mcp.status.markdown" || fail "-o board.md is not the markdown"

# The board's page: well formed, the chain first, every status in a symbol and words.
check
python3 - "$work/out.html" <<'PY' || fail "the html page is not what it says"
import html.parser, sys
text = open(sys.argv[1], encoding="utf-8").read()
class Tags(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.open, self.bad = [], []
    def handle_starttag(self, tag, attrs):
        if tag not in ("br", "meta"):
            self.open.append(tag)
    def handle_endtag(self, tag):
        if not self.open or self.open.pop() != tag:
            self.bad.append(tag)
t = Tags()
t.feed(text)
assert not t.bad and not t.open, (t.bad, t.open)
assert text.index("Theory in doubt") < text.index("<h3>Indicators</h3>")
for word in ("✗ off track", "● on track", "✓ achieved", "▲ at risk"):
    assert word in text, word
assert 'class="theory"' in text and 'class="delivery"' in text
PY

# A results file with bad rows, saved on Windows.
cp "$model" "$work/m.yaml"
printf '\xef\xbb\xbfindicator,date,value,note\r\nae-rate,2026-10-31,318,\r\nae-rte,2026-11-30,319,\r\nae-rate,2026-13-01,300,\r\nae-rate,2026-11-30,about 320,\r\n' >"$work/mcp-results.csv"
check
"$lmc" status "$work/m.yaml" --today 2026-12-05 >"$work/out" 2>"$work/err"
code=$?
[ "$code" = 1 ] || fail "bad rows: exit $code, not 1"
for expect in "mcp-results.csv:3:1: error: the model has no indicator 'ae-rte' [unknown-indicator]" \
  "mcp-results.csv:4:9: error: '2026-13-01' is not a date [invalid-value]" \
  "mcp-results.csv:5:20: error: 'about 320' is not a number [invalid-value]"; do
  grep -qF "$expect" "$work/err" || fail "not said: $expect: $(cat "$work/err")"
done
grep -q "checked" "$work/err" && fail "a summary of models checked under the rows' findings"
grep -q "Type 1 A&E attendances per 1,000 people \[ae-rate\]: 318 on 2026-10-31" "$work/out" ||
  fail "the good row is not counted: $(cat "$work/out")"

# Cannot be read; --results for two models.
check
"$lmc" status "$work/m.yaml" --results "$work/none.csv" >/dev/null 2>"$work/err"
[ $? = 2 ] && grep -q "none.csv" "$work/err" || fail "a missing results file: $(cat "$work/err")"
check
"$lmc" status "$work/m.yaml" "$model" --results "$work/mcp-results.csv" >/dev/null 2>"$work/err"
[ $? = 2 ] || fail "--results with two models was accepted"

# The page with results: the status in words and a symbol under each indicator.
check
"$lmc" render "$model" --results examples/results/mcp-results.csv --today 2026-12-05 \
  -o "$work/page.svg" 2>"$work/err" || fail "render --results: $(cat "$work/err")"
for expect in "✗ off track: 52% on 2026-11-30" "✓ achieved: 47 on 2026-11-30" \
  "● on track: 74% on 2026-11-30" "▲ at risk: 96.9 on 2026-09-30" "✗ off track: 319 on 2026-11-30"; do
  python3 - "$work/page.svg" "$expect" <<'PY' || fail "the page does not say '$expect'"
import html, re, sys
text = open(sys.argv[1], encoding="utf-8").read()
# Graphviz writes each line of a label as its own <text>; joined, the lines read as written.
words = " ".join(re.sub(r"<[^>]+>", "", t) for t in re.findall(r"<text[^>]*>.*?</text>", text, re.S))
words = html.unescape(words)
sys.exit(0 if sys.argv[2] in re.sub(r"\s+", " ", words) else 1)
PY
done
check
"$lmc" render "$model" -o "$work/plain.svg" 2>/dev/null
grep -q "off track" "$work/plain.svg" && fail "a page drawn without --results shows results"
check
"$lmc" render "$model" --results "$work/none.csv" -o "$work/none.svg" 2>"$work/err"
[ $? = 2 ] && [ ! -e "$work/none.svg" ] && grep -q "none.csv" "$work/err" ||
  fail "render --results with no such file: $(cat "$work/err")"

# report says what the results say, in every format; a model without results has no section.
check
"$lmc" report "$model" --today 2026-12-05 >"$work/report.txt" 2>"$work/err" || fail "report: $(cat "$work/err")"
grep -qF "6 indicators: 1 ✓ achieved, 2 ● on track, 1 ▲ at risk, 2 ✗ off track" "$work/report.txt" &&
  grep -q "^  Theory in doubt: 'extra-appointments'" "$work/report.txt" &&
  grep -q "^  Behind on delivery: output 'single-referrals'" "$work/report.txt" ||
  fail "report has no results section: $(tail -5 "$work/report.txt")"
check
"$lmc" report "$model" --today 2026-12-05 --format markdown | grep -q "^### Results" || fail "report markdown: no results"
"$lmc" report "$model" --today 2026-12-05 --format html | grep -q "<h3>Results</h3>" || fail "report html: no results"
"$lmc" report "$model" --today 2026-12-05 --format json | python3 -c '
import json, sys
status = json.load(sys.stdin)["models"][0]["status"]
assert [c["kind"] for c in status["chain"]] == ["delivery", "theory"], status["chain"]' || fail "report json: no status"
check
"$lmc" report examples/mcp-neighbourhood.yaml --today 2026-12-05 | grep -q "^Results" &&
  fail "a model without results has a results section"

# A programme's roll-up: each programme outcome's status, from the work streams' indicators
# that carry it; an outcome only carried by unmeasured items has none.
check
cp -r examples/programme "$work/prog"
sed -i 's/^title: \(.*\)$/title: \1\nresults: frailty-results.csv/' "$work/prog/workstreams/frailty.yaml"
printf 'indicator,date,value\nnon-elective-admissions,2019-06-30,262\nnon-elective-admissions,2019-12-31,271\n' \
  >"$work/prog/workstreams/frailty-results.csv"
"$lmc" report "$work/prog/programme.yaml" --today 2020-01-15 >"$work/roll.txt" 2>"$work/err" ||
  fail "report of a programme with results: $(cat "$work/err")"
grep -qF "outcome 'fewer-admissions': Fewer emergency admissions of older people — ✗ off track (the work streams' indicators that carry it)" "$work/roll.txt" &&
  grep -qF "(measured by: Non-elective admissions per 1,000 people aged 75 and over (✗ off track: 271 on 2019-12-31))" "$work/roll.txt" ||
  fail "the roll-up has no statuses: $(grep -A3 "fewer-admissions" "$work/roll.txt" | head -8)"
"$lmc" report examples/programme/programme.yaml --today 2020-01-15 | grep -q "off track" &&
  fail "a programme without results shows statuses"

# check reads the model's results.
check
"$lmc" check "$work/m.yaml" --today 2026-12-05 >"$work/out" 2>&1
[ $? = 1 ] && grep -qF "mcp-results.csv:3:1: error: the model has no indicator 'ae-rte' [unknown-indicator]" "$work/out" &&
  grep -qF "did you mean 'ae-rate'?" "$work/out" || fail "check with bad rows: $(cat "$work/out")"
check
"$lmc" check "$model" --today 2027-03-01 >"$work/out" 2>&1
[ $? = 0 ] && grep -q "measured monthly, but its latest result is from 2026-11-30.*\[stale-indicator\]" "$work/out" ||
  fail "check three months on: no stale-indicator: $(cat "$work/out")"
check
"$lmc" check "$model" --today 2026-12-05 >"$work/out" 2>&1 || fail "check of the example: $(cat "$work/out")"
grep -q "no problems found" "$work/out" || fail "the example with its results is not clean: $(cat "$work/out")"
check
sed 's/^results: mcp-results.csv/results: missing.csv/' "$model" >"$work/gone.yaml"
"$lmc" check "$work/gone.yaml" --today 2026-12-05 >"$work/out" 2>&1
[ $? = 1 ] && grep -q "gone.yaml:13:10: error: results: 'missing.csv' .*\[invalid-value\]" "$work/out" ||
  fail "a results file that is not there: $(cat "$work/out")"

echo "status: $checks checks, $failures failures"
[ "$failures" -eq 0 ]
