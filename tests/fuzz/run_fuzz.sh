#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Runs the libFuzzer harness (built with -DLMC_FUZZ=ON, clang) for SECONDS, seeded with the
# examples, the rule models, the render tests' models, the kept regression inputs and the YAML
# test suite (tests/corpus/yaml-test-suite). First every kept regression input is run once: each is a crash found earlier.
# An input slower than 50 s (a loaded machine makes 10 s ones of 0.1 s inputs) is kept too.
# A new crash is written to tests/fuzz/regressions/ (commit it with the fix).
#   tests/fuzz/run_fuzz.sh FUZZER SECONDS
set -euo pipefail
fuzzer=$1
seconds=$2
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# LMC_FUZZ_CORPUS names a corpus directory to keep between runs (a long run in parts).
corpus=${LMC_FUZZ_CORPUS:-$work/corpus}
mkdir -p "$corpus" "$work/seeds"
n=0
for f in "$root"/examples/*.yaml "$root"/examples/broken/*.yaml "$root"/tests/rules/*.yaml \
         "$root"/examples/programme/workstreams/*.yaml \
         "$root"/tests/render/*.yaml "$root"/tests/edit/*.yaml "$root"/tests/edit/*.json \
         "$root"/tests/corpus/yaml-test-suite/*/in.yaml; do
  [ -f "$f" ] || continue
  cp "$f" "$work/seeds/$n.yaml"
  n=$((n + 1))
done
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:allocator_may_return_null=1
export LSAN_OPTIONS=suppressions=$root/tests/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
regressions=("$here"/regressions/*)
if [ -e "${regressions[0]}" ]; then
  echo "fuzz: ${#regressions[@]} kept regression inputs"
  "$fuzzer" -runs=0 "${regressions[@]}" >"$work/regressions.log" 2>&1 ||
    { cat "$work/regressions.log"; echo "fuzz: a kept regression input fails again"; exit 1; }
fi
echo "fuzz: running for $seconds s"
"$fuzzer" -max_total_time="$seconds" -timeout=60 -report_slow_units=50 -rss_limit_mb=2048 \
  -max_len=16384 \
  -dict="$here/lmc.dict" -artifact_prefix="$here/regressions/" -print_final_stats=1 \
  "$corpus" "$work/seeds" >"$work/fuzz.log" 2>&1 ||
  { tail -60 "$work/fuzz.log"; echo "fuzz: the fuzzer found a problem (input kept in tests/fuzz/regressions/)"; exit 1; }
grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" "$work/fuzz.log" || true
echo "fuzz: no finding in $seconds s"
