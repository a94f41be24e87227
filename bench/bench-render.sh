#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Two start-up and rendering figures, with hyperfine (Debian package `hyperfine`):
#  1. `lmc check` on a tiny model against a C++ hello world: check must not pay for cairo
#     and pango at start-up.
#  2. `lmc render` of a 60-item model to SVG against `dot -Tsvg` (Debian package `graphviz`)
#     on the same DOT, from `lmc export`.
#   bench/bench-render.sh [LMC]          default build/cli/lmc
set -euo pipefail
cd "$(dirname "$0")/.."
lmc=${1:-build/cli/lmc}
for tool in hyperfine dot g++; do
  command -v "$tool" >/dev/null || { echo "bench-render: needs $tool" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '#include <iostream>\nint main() { std::cout << "hello\\n"; }\n' >"$work/hello.cpp"
g++ -O2 "$work/hello.cpp" -o "$work/hello"
printf 'logic_model: 1\ntitle: Tiny\n' >"$work/tiny.yaml"
hyperfine -N --warmup 30 --runs 300 "$work/hello" "$lmc check -q $work/tiny.yaml"

bench/generate-model.sh 60 >"$work/m60.yaml"
"$lmc" export "$work/m60.yaml" >"$work/m60.dot"
hyperfine -N --warmup 3 --runs 40 "$lmc render $work/m60.yaml -o $work/lmc.svg" \
  "dot -Tsvg -o $work/dot.svg $work/m60.dot"
