#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# One format table a command (issue #21): every command that writes a file takes the format
# its --output's extension names when no --format is given, --format wins over the name, and
# --help lists exactly the names --format accepts.
#   run_format_table_test.sh LMC            (from the repository root)
set -u
lmc=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0 checks=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
model=examples/ehch-care-homes.yaml

# starts NAME FILE TEXT: one of FILE's first five lines begins with TEXT
starts() {
  checks=$((checks + 1))
  if ! head -n 5 "$2" | grep -qF -- "$3"; then
    fail "$1: '$2' begins $(head -c 60 "$2" | od -c | head -3)"
  fi
}

"$lmc" report --today 2026-01-01 "$model" -o "$work/r.json" && starts "report .json" "$work/r.json" "{"
"$lmc" report --today 2026-01-01 "$model" -o "$work/r.html" && starts "report .html" "$work/r.html" "<!DOCTYPE html>"
"$lmc" report --today 2026-01-01 "$model" -o "$work/r.md" && starts "report .md" "$work/r.md" "# "
"$lmc" report --today 2026-01-01 "$model" --format text -o "$work/r2.json" &&
  { checks=$((checks + 1)); head -c 1 "$work/r2.json" | grep -q "{" && fail "report --format text wrote JSON"; }
"$lmc" export "$model" -o "$work/plan.csv" && starts "export .csv" "$work/plan.csv" "item_id,"
"$lmc" export "$model" -o "$work/m.json" && starts "export .json" "$work/m.json" "{"
"$lmc" export "$model" -o "$work/m.mmd" && starts "export .mmd" "$work/m.mmd" "flowchart"
"$lmc" export "$model" -o "$work/m.dot" && starts "export .dot" "$work/m.dot" "digraph"
"$lmc" export "$model" -o "$work/m.txt" && starts "export, no known extension: dot" "$work/m.txt" "digraph"
"$lmc" trace "$model" care-plans -o "$work/t.json" 2>/dev/null ||
  "$lmc" trace "$model" "$(grep -m1 -o 'id: [a-z-]*' "$model" | cut -c5-)" -o "$work/t.json"
starts "trace .json" "$work/t.json" "{"
"$lmc" check "$model" -o "$work/c.sarif"
starts "check .sarif" "$work/c.sarif" "{"
"$lmc" render "$model" -o "$work/d.svg" && starts "render .svg" "$work/d.svg" "<?xml"
"$lmc" render "$model" -o "$work/d.gv" && starts "render .gv" "$work/d.gv" "digraph"

# --help lists what --format accepts, and --format refuses what it does not list.
for cmd in check report export trace diff log render; do
  checks=$((checks + 1))
  help=$("$lmc" "$cmd" --help)
  line=$(printf '%s\n' "$help" | grep -A3 -- '--format' | tr '\n' ' ')
  if "$lmc" "$cmd" --format no-such-format x 2>"$work/err" >/dev/null; then
    fail "$cmd took --format no-such-format"
  fi
  grep -q "no-such-format" "$work/err" || fail "$cmd: the refusal does not name the format"
  [ -n "$line" ] || fail "$cmd --help has no --format"
done

echo "format tables: $checks checks, $failures failures"
[ "$failures" -eq 0 ]
