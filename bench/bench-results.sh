#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Results and the registers (issue #24): lmc status on a results CSV of ROWS rows (default
# 200,000: 5 MB, a decade of daily values for a model's indicators), and lmc export --format
# xlsx of the examples with their results. Prints seconds and peak memory of each.
#   bench/bench-results.sh [LMC] [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
lmc=${1:-build/cli/lmc}
rows=${2:-200000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 - "$work/results.csv" "$rows" <<'PY'
import random, sys
random.seed(1)
with open(sys.argv[1], "w") as f:
    f.write("indicator,date,value,note\n")
    ids = ["plans-rate", "single-route", "access-minutes", "services-together", "ae-rate", "admissions-rate"]
    for k in range(int(sys.argv[2])):
        f.write("%s,20%02d-%02d-%02d,%d,\n" % (ids[k % 6], 16 + k % 10, 1 + k % 12, 1 + k % 28, k % 400))
PY
echo "results CSV: $(wc -c <"$work/results.csv") bytes, $rows rows"
/usr/bin/time -f "status (text): %e s, %M KB peak" "$lmc" status examples/results/mcp-neighbourhood.yaml \
  --results "$work/results.csv" --today 2026-12-05 >/dev/null
/usr/bin/time -f "status (html): %e s, %M KB peak" "$lmc" status examples/results/mcp-neighbourhood.yaml \
  --results "$work/results.csv" --today 2026-12-05 -o "$work/s.html"
/usr/bin/time -f "export xlsx (all examples, with this CSV): %e s, %M KB peak" "$lmc" export \
  examples/results/mcp-neighbourhood.yaml --results "$work/results.csv" --today 2026-12-05 \
  -o "$work/r.xlsx"
echo "workbook: $(wc -c <"$work/r.xlsx") bytes"
