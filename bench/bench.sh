#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Measures `lmc check` (and `lmc report`) on a generated model: wall time (best of 5) and peak
# memory (the process's maximum resident set, and the heap's peak from valgrind massif when
# available).
#   bench/bench.sh [LMC] [N]        defaults: build/cli/lmc, 10000 items
set -euo pipefail
cd "$(dirname "$0")/.."
lmc=${1:-build/cli/lmc}
n=${2:-10000}
model=$(mktemp --suffix=.yaml)
trap 'rm -f "$model" massif.out.bench' EXIT
bench/generate-model.sh "$n" >"$model"
bytes=$(stat -c %s "$model")
echo "model: $n items, $bytes bytes"

best=
for _ in 1 2 3 4 5; do
  start=$(date +%s%N)
  "$lmc" check -q "$model" >/dev/null || true
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
done
echo "lmc check: best of 5 runs: ${best} ms"

best=
for _ in 1 2 3 4 5; do
  start=$(date +%s%N)
  "$lmc" report "$model" >/dev/null || true
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
done
echo "lmc report (paths, critical assumptions): best of 5 runs: ${best} ms"

if [ -x /usr/bin/time ]; then
  rss_kb=$(/usr/bin/time -f %M "$lmc" check -q "$model" 2>&1 >/dev/null | tail -1)
  empty=$(mktemp --suffix=.yaml)
  printf 'logic_model: 1\ntitle: T\n' >"$empty"
  base_kb=$(/usr/bin/time -f %M "$lmc" check -q "$empty" 2>&1 >/dev/null | tail -1)
  rm -f "$empty"
  echo "peak resident set: ${rss_kb} KiB (a two-line model: ${base_kb} KiB);" \
       "growth $(( (rss_kb - base_kb) * 1024 * 100 / bytes ))% of the file's size"
else
  echo "(install the 'time' package for peak resident set figures)"
fi
if command -v valgrind >/dev/null; then
  valgrind --tool=massif --massif-out-file=massif.out.bench "$lmc" check -q "$model" >/dev/null 2>&1 || true
  peak=$(grep mem_heap_B massif.out.bench | sed 's/.*=//' | sort -n | tail -1)
  echo "peak heap (massif): $peak bytes = $(( peak * 100 / bytes ))% of the file's size"
fi
