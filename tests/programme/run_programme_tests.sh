#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Programmes through the real binary: a 200-work-stream programme loads every model once, from
# the programme or from a work stream at the end of a chain; a symlink, two spellings of one
# path and a file given twice are one model; a model read from standard input names others
# relative to --stdin-name; a work stream that is also reached is reported once.
#   run_programme_tests.sh LMC            (from the repository root)
set -u
lmc=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0 checks=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
files_in() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(len(d['files']), len({f['path'] for f in d['files']}), ' '.join(sorted({x['rule'] for x in d['diagnostics']})))" "$1"; }

bench/generate-programme.sh "$work/big" 200
checks=$((checks + 1))
"$lmc" check --format json "$work/big/programme.yaml" >"$work/out.json"
read -r files unique rules <<<"$(files_in "$work/out.json")"
[ "$files" = 201 ] && [ "$unique" = 201 ] || fail "the programme reaches 201 models, each once: $files ($unique distinct)"
[ "$rules" = page-overflow ] || fail "the synthetic programme has only its crowded page to report: $rules"
checks=$((checks + 1))
"$lmc" check --format json "$work/big/workstreams/ws199.yaml" >"$work/out.json"
read -r files unique rules <<<"$(files_in "$work/out.json")"
[ "$files" = 201 ] || fail "from the last work stream, the whole programme is reached: $files"
checks=$((checks + 1))
"$lmc" check --format json "$work/big" >"$work/out.json"
read -r files unique rules <<<"$(files_in "$work/out.json")"
[ "$files" = 201 ] && [ "$unique" = 201 ] || fail "a directory check reports each model once: $files ($unique distinct)"

mkdir -p "$work/link/ws"
cat >"$work/link/ws/b.yaml" <<'YAML'
logic_model: 1
title: B
resources: [{id: r, label: R, to: [a]}]
activities: [{id: a, label: A, to: [x]}]
outputs: [{id: x, label: X, indicators: [{label: N, source: S, baseline: 0, target: 1, due: 2027-01-31}]}]
YAML
ln -s ws/b.yaml "$work/link/alias.yaml"
cat >"$work/link/a.yaml" <<'YAML'
logic_model: 1
title: A
outcomes:
  - id: goal
    label: Goal
    term: short
    indicators: [{label: N, source: S, baseline: 0, target: 1, due: 2027-01-31}]
    from: [ws/b.yaml#x, alias.yaml#x, ./ws/../ws/b.yaml#x]
YAML
checks=$((checks + 1))
"$lmc" check --format json "$work/link/a.yaml" "$work/link/./a.yaml" "$work/link/ws/b.yaml" >"$work/out.json"
read -r files unique rules <<<"$(files_in "$work/out.json")"
[ "$files" = 2 ] || fail "a symlink, two spellings and a file given twice are two models, not $files"
[ -z "$rules" ] || fail "links through a symlink and a .. path hold: $rules"
checks=$((checks + 1))
sed 's/#x, alias/#y, alias/' "$work/link/a.yaml" |
  "$lmc" check --stdin-name "$work/link/from-stdin.yaml" - >"$work/out" 2>&1
[ $? -eq 1 ] && grep -q "ws/b.yaml#y' in \`from\` names nothing" "$work/out" ||
  fail "a model on standard input names models relative to --stdin-name: $(cat "$work/out")"

echo "$((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
