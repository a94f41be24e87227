#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# `lmc check` over a corpus of 1,000 model files against ajv-cli validating the same files with
# lmc's JSON Schema (hyperfine; ajv-cli 5 from the npm registry, into a temporary directory),
# and peak memory checking models of 100,000 items, full and terse (GNU time).
#   bench/bench-corpus.sh [LMC]          default build/cli/lmc
set -euo pipefail
cd "$(dirname "$0")/.."
lmc=$(realpath "${1:-build/cli/lmc}")
for tool in hyperfine npm /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench-corpus: needs $tool" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/corpus"
examples=(examples/*.yaml)
for i in $(seq 1 1000); do
  cp "${examples[$((i % ${#examples[@]}))]}" "$work/corpus/m$i.yaml"
done
(cd "$work" && npm install --no-audit --no-fund --loglevel=error ajv-cli@5.0.0 ajv-formats@2.1.1 >/dev/null)
echo "== 1,000 files, $(nproc) cores"
hyperfine -i --warmup 2 --runs 10 \
  "$work/node_modules/.bin/ajv validate -s $PWD/schemas/logic-model.schema.json -d '$work/corpus/*.yaml' --spec=draft7 -c ajv-formats" \
  "$lmc check -q $work/corpus"
for style in full terse; do
  echo "== one model of 100,000 items ($style)"
  bench/generate-model.sh 100000 "$style" >"$work/big.yaml"
  bytes=$(stat -c %s "$work/big.yaml")
  /usr/bin/time -f "%M" "$lmc" check -q "$work/big.yaml" >/dev/null 2>"$work/rss" || true
  rss_kb=$(tail -1 "$work/rss")
  echo "input $((bytes / 1000000)) MB, peak RSS $((rss_kb * 1024 / 1000000)) MB:" \
    "$(awk -v r="$rss_kb" -v b="$bytes" 'BEGIN { printf "%.2f", r * 1024 / b }') times the input"
done
