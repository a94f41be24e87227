#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Nothing lmc reads is ever written over (issue #20, data loss): every command that writes
# refuses, with exit 2 and nothing written, an output that is the model, a model it reaches
# through `model:` or PATH#id, or its configuration, by any name (another spelling, a symbolic
# or hard link); and every command that writes takes -o. Also: configuration files that are
# devices, FIFOs or directories are refused at once.
#   run_output_tests.sh LMC            (from the repository root)
set -u
lmc=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0 checks=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

cp -r examples/programme "$work/prog"
cp examples/ehch-care-homes.yaml "$work/single.yaml"
printf 'rules:\n  long-label: off\n' >"$work/prog/.lmc.yaml"
(cd "$work" && find prog single.yaml -type f -exec sha256sum {} + | sort) >"$work/before.sum"
ln -s "$work/prog/workstreams/frailty.yaml" "$work/link-to-frailty.yaml"
ln "$work/single.yaml" "$work/hard-link.yaml"
programme=$work/prog/programme.yaml
linked=$work/prog/workstreams/frailty.yaml

# refuse NAME lmc-args...: exit 2, the guard's message, nothing changed
refuse() {
  local name=$1
  shift
  checks=$((checks + 1))
  timeout 60 "$lmc" "$@" >"$work/out" 2>"$work/err"
  local code=$?
  [ "$code" -eq 2 ] || fail "$name: exit $code (want 2): $(head -3 "$work/err")"
  grep -q "lmc never writes over its input" "$work/err" || fail "$name: says $(head -3 "$work/err")"
  (cd "$work" && find prog single.yaml -type f -exec sha256sum {} + | sort) | cmp -s - "$work/before.sum" ||
    fail "$name: a model or configuration was changed"
}

for format in text markdown json html; do
  refuse "report -o MODEL ($format)" report "$work/single.yaml" --format "$format" -o "$work/single.yaml"
done
refuse "report -o LINKED" report "$programme" -o "$linked"
refuse "report -o a hard link to the model" report "$work/single.yaml" -o "$work/hard-link.yaml"
refuse "report -o the configuration" report "$programme" -o "$work/prog/.lmc.yaml"
refuse "render -o LINKED --format svg" render "$programme" -o "$linked" --format svg
refuse "render -o a link to LINKED" render "$programme" -o "$work/link-to-frailty.yaml" --format svg
refuse "render -o another spelling of MODEL" render "$work/single.yaml" -o "$work/prog/../single.yaml" --format pdf
refuse "render --with-models over a work stream" render "$programme" --with-models --format pdf -o "$linked"
for format in dot json markdown csv mermaid; do
  refuse "export -o LINKED ($format)" export "$programme" --format "$format" -o "$linked"
done
refuse "trace -o MODEL" trace "$work/single.yaml" fewer-admissions -o "$work/single.yaml"
refuse "check --output LINKED" check "$programme" --output "$linked"
refuse "check --write-baseline the configuration" check "$programme" --write-baseline "$work/prog/.lmc.yaml"
cp "$work/single.yaml" "$work/model-named.svg"
(cd "$work" && sha256sum model-named.svg) >"$work/svg.sum"
refuse "diff --render MODEL" diff "$work/model-named.svg" "$work/single.yaml" --render "$work/model-named.svg"
(cd "$work" && sha256sum -c --quiet svg.sum) || fail "diff --render wrote over the old model"

# A refused output among several: nothing is written, the good one included.
checks=$((checks + 1))
"$lmc" check "$programme" --format json --output "$work/good.json" --format sarif --output "$linked" >/dev/null 2>&1
[ $? -eq 2 ] && [ ! -e "$work/good.json" ] || fail "one refused output among two: the other was written"

# Every command that writes takes -o, and writes there whole.
checks=$((checks + 1))
"$lmc" export "$work/single.yaml" --format csv -o "$work/plan.csv" && [ -s "$work/plan.csv" ] || fail "export -o"
"$lmc" trace "$work/single.yaml" fewer-admissions -o "$work/trace.txt" && [ -s "$work/trace.txt" ] || fail "trace -o"
"$lmc" export "$work/single.yaml" --format csv | cmp -s - "$work/plan.csv" || fail "export -o differs from its standard output"

# A baseline may be refreshed in place: it is not a model.
checks=$((checks + 1))
"$lmc" check --write-baseline "$work/b.json" "$programme" >/dev/null 2>&1
"$lmc" check --baseline "$work/b.json" --write-baseline "$work/b.json" "$programme" >/dev/null 2>&1 ||
  fail "--baseline F --write-baseline F (a refresh) was refused"

# Configuration files that are not files: refused at once, with the reason.
mkfifo "$work/fifo"
for bad in /dev/zero "$work/fifo" "$work/prog"; do
  checks=$((checks + 1))
  timeout 10 "$lmc" check --config "$bad" "$work/single.yaml" >/dev/null 2>"$work/err"
  code=$?
  [ "$code" -eq 2 ] || fail "--config $bad: exit $code (want 2)"
  grep -q "configuration file is \(a directory\|not a regular file\)" "$work/err" || fail "--config $bad says: $(cat "$work/err")"
done
# export takes folders and several files: one measurement plan with a model column.
checks=$((checks + 1))
timeout 10 "$lmc" export "$work/prog" "$work/single.yaml" --format csv -o "$work/all.csv" 2>"$work/err" ||
  fail "export DIR FILE: $(cat "$work/err")"
python3 - "$work/all.csv" "$work" <<'PY' || failures=$((failures + 1))
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8-sig")))
models = {r["model"].rsplit("/", 1)[-1] for r in rows}
want = {"programme.yaml", "frailty.yaml", "single.yaml"}
if not rows or list(rows[0])[:2] != ["model", "item_id"] or not want <= models:
    print("FAIL: export DIR FILE: columns", list(rows[0]) if rows else None, "models", models)
    sys.exit(1)
PY
timeout 10 "$lmc" export "$work/prog" --format json >/dev/null 2>"$work/err"
[ $? -eq 2 ] && grep -q "exports one model" "$work/err" || fail "export DIR --format json says: $(cat "$work/err")"

# -o a FIFO with no reader: refused at once, not a hang.
checks=$((checks + 1))
mkfifo "$work/out-fifo"
timeout 10 "$lmc" export "$work/single.yaml" --format csv -o "$work/out-fifo" >/dev/null 2>"$work/err"
code=$?
[ "$code" -eq 2 ] && grep -q "a pipe with no reader" "$work/err" || fail "-o FIFO with no reader: exit $code, says $(cat "$work/err")"
# ... and with a reader, written to as a pipe.
checks=$((checks + 1))
(timeout 10 cat "$work/out-fifo" >"$work/from-fifo") &
sleep 0.3
timeout 10 "$lmc" export "$work/single.yaml" --format csv -o "$work/out-fifo" 2>"$work/err" || fail "-o FIFO with a reader: $(cat "$work/err")"
wait
cmp -s "$work/from-fifo" "$work/plan.csv" || fail "-o FIFO with a reader: the reader got something else"

# A dangling symbolic link as output: written through (the link stays a link, its file made).
checks=$((checks + 1))
mkdir "$work/site"
ln -s "site/plan-target.csv" "$work/dangling.csv"
"$lmc" export "$work/single.yaml" --format csv -o "$work/dangling.csv" 2>"$work/err" || fail "-o dangling link: $(cat "$work/err")"
[ -L "$work/dangling.csv" ] && cmp -s "$work/site/plan-target.csv" "$work/plan.csv" ||
  fail "-o dangling link: the link was replaced by a file, or its file not written"

# A symbolic link loop: named as a loop, as input and as output.
checks=$((checks + 1))
ln -s loop-b.yaml "$work/loop-a.yaml"
ln -s loop-a.yaml "$work/loop-b.yaml"
"$lmc" check "$work/loop-a.yaml" >/dev/null 2>"$work/err"
code=$?
[ "$code" -eq 2 ] && grep -q "symbolic link.*loop\|loop.*symbolic link" "$work/err" && ! grep -q "no such file" "$work/err" ||
  fail "check LOOP: exit $code, says $(cat "$work/err")"
"$lmc" export "$work/single.yaml" --format csv -o "$work/loop-a.yaml" >/dev/null 2>"$work/err"
code=$?
[ "$code" -eq 2 ] && grep -q "loop" "$work/err" || fail "-o LOOP: exit $code, says $(cat "$work/err")"

echo "$((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
