#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# A directory walk passes over no model without a word (issue #20): a model saved as UTF-16 or
# UTF-32 (Notepad's "Unicode", PowerShell 5's `>`), with or without a byte-order mark, or with
# bytes that are not UTF-8, and a file named `.YAML` or `.Yml`, are each checked, the encoded
# ones with a located finding that says to save as UTF-8; a YAML file that is no model is still
# passed over. The same in a folder diff and for a hook's --models-only.
#   run_walk_tests.sh LMC            (from the repository root)
set -u
lmc=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0 checks=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

m=$work/models
mkdir -p "$m"
model=examples/ehch-care-homes.yaml
{ printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE "$model"; } >"$m/notepad.yaml"
iconv -f UTF-8 -t UTF-16LE "$model" >"$m/powershell-no-bom.yaml"
{ printf '\xfe\xff'; iconv -f UTF-8 -t UTF-16BE "$model"; } >"$m/utf16be.yaml"
iconv -f UTF-8 -t UTF-32 "$model" >"$m/utf32.yaml"
iconv -f UTF-8 -t LATIN1 <<<"logic_model: 1
title: Café à domicile
activities:
  - {id: a, label: Visites}" >"$m/latin1.yaml"
cp examples/pacs-frailty.yaml "$m/Frailty.YAML"
cp examples/mcp-neighbourhood.yaml "$m/Neighbourhood.Yml"
printf 'name: a workflow, not a model\non: push\n' >"$m/workflow.yaml"
printf '  logic_model: 1\ntitle: indented by mistake\n' >"$m/indented.yaml"

checks=$((checks + 1))
"$lmc" check --format json "$m" >"$work/out.json" 2>"$work/err"
code=$?
[ "$code" -eq 1 ] || fail "check DIR: exit $code (want 1: the encoded models are errors)"
python3 - "$work/out.json" <<'PY' || failures=$((failures + 1))
import json, sys
report = json.load(open(sys.argv[1]))
files = {f["path"].rsplit("/", 1)[-1] for f in report["files"]} if "files" in report else set()
findings = report["diagnostics"]
by_file = {}
for f in findings:
    by_file.setdefault(f["file"].rsplit("/", 1)[-1], []).append(f)
bad = []
for name, enc in [("notepad.yaml", "UTF-16LE"), ("powershell-no-bom.yaml", "UTF-16LE"),
                  ("utf16be.yaml", "UTF-16BE"), ("utf32.yaml", "UTF-32")]:
    msgs = [f["message"] for f in by_file.get(name, [])]
    if not any(enc in m and "save it as UTF-8" in m for m in msgs):
        bad.append(f"{name}: no finding naming {enc} and 'save it as UTF-8': {msgs}")
    if any(f["line"] != 1 for f in by_file.get(name, [])):
        bad.append(f"{name}: the finding is not at line 1")
if not any("not valid UTF-8" in f["message"] for f in by_file.get("latin1.yaml", [])):
    bad.append("latin1.yaml: no finding")
if not any("logic_model" in f["message"] or f["rule"] for f in by_file.get("indented.yaml", [])):
    bad.append("indented.yaml: passed over")
if "workflow.yaml" in by_file:
    bad.append("workflow.yaml, not a model, was checked")
for line in bad:
    print("FAIL:", line)
sys.exit(1 if bad else 0)
PY
checks=$((checks + 1))
"$lmc" check "$m" 2>&1 | grep -q "^[0-9]* models checked" || fail "no summary line"
summary=$("$lmc" check "$m" 2>&1 | tail -1)
grep -q "^8 models checked" <<<"$summary" || fail "check DIR: $summary (want 8 models: all but the workflow)"

# Named in a hook (--models-only): the encoded model is checked, the workflow passed over.
checks=$((checks + 1))
"$lmc" check --models-only "$m/notepad.yaml" "$m/workflow.yaml" >"$work/hook" 2>&1
[ $? -eq 1 ] && grep -q "UTF-16LE" "$work/hook" || fail "--models-only passed over a UTF-16 model: $(cat "$work/hook")"

# A folder diff sees the .YAML model and the encoded one.
checks=$((checks + 1))
mkdir -p "$work/old"
"$lmc" diff "$work/old" "$m" >"$work/diff" 2>&1
grep -q "Frailty.YAML" "$work/diff" || fail "diff DIR DIR does not see Frailty.YAML: $(head -5 "$work/diff")"

# A model hard-linked under two names is one model: checked once.
checks=$((checks + 1))
mkdir -p "$work/hard"
cp "$model" "$work/hard/a.yaml"
ln "$work/hard/a.yaml" "$work/hard/b.yaml"
summary=$("$lmc" check "$work/hard" 2>&1 | tail -1)
grep -q "^1 model checked" <<<"$summary" || fail "hard links: $summary (want 1 model)"
"$lmc" check "$work/hard/a.yaml" "$work/hard/b.yaml" 2>&1 | tail -1 | grep -q "^1 model checked" ||
  fail "hard links named twice: checked twice"

# Standard input stops at the limit: a stream larger than 64 MB is refused without reading it
# all (a bounded amount of memory: read whole, 400 MB would take more than 512 MB; the bound
# leaves room for the sanitizers' own memory).
checks=$((checks + 1))
head -c $((400 * 1024 * 1024)) /dev/zero | tr '\0' ' ' |
  /usr/bin/time -o "$work/kb" -f '%M' "$lmc" check - >/dev/null 2>"$work/err"
kb=$(tail -1 "$work/kb")
grep -q "standard input.*64 MB" "$work/err" || fail "400 MB on stdin: says $(head -2 "$work/err")"
[ "${kb:-999999999}" -lt 300000 ] || fail "400 MB on stdin: $kb KB of memory (read whole?)"

# An `exclude` pattern that matches nothing is said once, with where patterns are relative to.
checks=$((checks + 1))
mkdir -p "$work/repo/models/drafts"
cp "$model" "$work/repo/models/good.yaml"
cp "$model" "$work/repo/models/drafts/wip.yaml"
printf 'exclude: [drafts]\n' >"$work/repo/.lmc.yaml"
"$lmc" check "$work/repo" >/dev/null 2>"$work/err"
[ "$(grep -c "matches nothing" "$work/err")" -eq 1 ] && grep -q "models/drafts" "$work/err" ||
  fail "an exclude matching nothing: says $(cat "$work/err")"
printf 'exclude: [models/drafts]\n' >"$work/repo/.lmc.yaml"
"$lmc" check "$work/repo" >/dev/null 2>"$work/err"
! grep -q "matches nothing" "$work/err" || fail "an exclude that matches: $(cat "$work/err")"

# One walker (issue #21): `exclude` holds for a folder diff and for serve as for check.
checks=$((checks + 1))
mkdir -p "$work/ex/old/drafts" "$work/ex/new/drafts"
cp "$model" "$work/ex/old/homes.yaml" && cp "$model" "$work/ex/new/homes.yaml"
cp examples/pacs-frailty.yaml "$work/ex/new/drafts/wip.yaml"
printf 'exclude: [old/drafts, new/drafts]\n' >"$work/ex/.lmc.yaml"
(cd "$work/ex" && "$lmc" diff old new >"$work/out" 2>"$work/err")
code=$?
[ "$code" -eq 0 ] && ! grep -q "wip" "$work/out" || fail "diff DIR DIR compares an excluded draft: exit $code, $(cat "$work/out")"
# A file name that is not UTF-8, in a folder diff's JSON: replaced, never an abort.
checks=$((checks + 1))
cp "$model" "$work/ex/new/$(printf 'caf\xe9.yaml')"
(cd "$work/ex" && "$lmc" diff old new --format json >"$work/out.json" 2>"$work/err")
code=$?
[ "$code" -eq 1 ] && python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); assert len(d["models_added"]) == 1, d' "$work/out.json" ||
  fail "diff DIR DIR --format json with a non-UTF-8 file name: exit $code, $(head -3 "$work/err")"
checks=$((checks + 1))
python3 - "$lmc" "$work/ex/new" <<'PY' || failures=$((failures + 1))
import json, os, sys
sys.path.insert(0, os.path.join(os.getcwd(), "tests", "workshop"))
from serve_common import Server
import http.client
with Server(sys.argv[1], sys.argv[2]) as server:
    conn = http.client.HTTPConnection(server.host, server.port, timeout=10)
    conn.request("GET", "/api/index")
    index = json.loads(conn.getresponse().read())
    paths = [m["path"] for m in index["models"]]
    if any("wip" in p for p in paths) or "homes.yaml" not in paths:
        print("FAIL: serve lists", paths, "(an excluded draft, or not the model)")
        sys.exit(1)
PY

echo "$((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
