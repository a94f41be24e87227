#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# How `lmc check` scales with the size of a programme: synthetic programmes of 50 to 800
# work-stream models (bench/generate-programme.sh), each checked from the programme's file, so
# every model is reached through `model:` and a chain of PATH#id references. Loading stays
# linear when the time per model stays flat.
#   bench/bench-programme.sh LMC
set -euo pipefail
lmc=$(realpath "$1")
here=$(dirname "$0")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%8s %8s %12s %14s\n' models files "time (ms)" "per model (ms)"
for n in 50 100 200 400 800; do
  "$here/generate-programme.sh" "$work/p$n" "$n"
  models=$("$lmc" check --format json "$work/p$n/programme.yaml" | grep -c '"path"') || true
  hyperfine -N -w 3 -r 15 --export-json "$work/$n.json" \
    "$lmc check -q --fail-on never $work/p$n/programme.yaml" >/dev/null
  mean=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['results'][0]['mean'] * 1000)" "$work/$n.json")
  python3 -c "import sys; n, m, t = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]); print('%8d %8d %12.1f %14.3f' % (n + 1, m, t, t / (n + 1)))" "$n" "$models" "$mean"
done
