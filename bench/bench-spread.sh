#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# lmc spread (issue #25) across many sites: the red bag blueprint and SITES copies of its two
# example sites (default 200, each in its own folder), as text, json and xlsx. Prints seconds
# and peak memory of each.
#   bench/bench-spread.sh [LMC] [SITES]
set -euo pipefail
cd "$(dirname "$0")/.."
lmc=$(realpath "${1:-build/cli/lmc}")
sites=${2:-200}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp examples/spread/red-bag.yaml "$work/"
for k in $(seq 1 $((sites / 2))); do
  for site in northfield riverside; do
    mkdir -p "$work/sites/$site-$k"
    sed "s/: Northfield\"/: Northfield $k\"/; s/: Riverside\"/: Riverside $k\"/; s|model: \"../red-bag.yaml\"|model: \"../../red-bag.yaml\"|" \
      "examples/spread/$site/red-bag.yaml" >"$work/sites/$site-$k/red-bag.yaml"
  done
done
cd "$work"
echo "$sites sites"
/usr/bin/time -f "spread (text): %e s, %M KB peak" "$lmc" spread red-bag.yaml sites >/dev/null
/usr/bin/time -f "spread (json): %e s, %M KB peak" "$lmc" spread red-bag.yaml sites --format json >/dev/null
/usr/bin/time -f "spread (xlsx): %e s, %M KB peak" "$lmc" spread red-bag.yaml sites -o spread.xlsx
echo "workbook: $(wc -c <spread.xlsx) bytes"
