#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Runs one CLI golden case: CASE/args holds the arguments, one a line (no shell: a line is one
# argument, so quotes and spaces are literal); CASE/stdin, if present, is standard input.
# Compares standard output, standard error and the exit code with CASE/expected.stdout,
# CASE/expected.stderr (empty when absent) and CASE/expected.exit.
# LMC_UPDATE_GOLDEN=1 rewrites the expected files from what lmc does now.
#   run_case.sh LMC CASE_DIR      (run from the repository root)
set -u
lmc=$1 case_dir=$2
mapfile -t args <"$case_dir/args"
input=/dev/null
[ -f "$case_dir/stdin" ] && input="$case_dir/stdin"
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
env -u NO_COLOR -u CLICOLOR_FORCE TERM=xterm "$lmc" "${args[@]}" <"$input" >"$out" 2>"$err"
code=$?
# JUnit's time attributes are measured: compared as present, not by value. lmc's own version
# (CHANGELOG.md's newest release) is @VERSION@, so a release changes no golden file.
version=$("$lmc" --version | cut -d' ' -f2)
sed -i -E -e 's/ time="[0-9]+(\.[0-9]+)?"/ time="T"/g' \
  -e "s/(^|[^0-9.])${version//./\\.}([^0-9]|\$)/\1@VERSION@\2/g" "$out"
if [ "${LMC_UPDATE_GOLDEN:-}" = 1 ]; then
  cp "$out" "$case_dir/expected.stdout"
  if [ -s "$err" ]; then cp "$err" "$case_dir/expected.stderr"; else rm -f "$case_dir/expected.stderr"; fi
  echo "$code" >"$case_dir/expected.exit"
  exit 0
fi
status=0
if [ "$code" != "$(cat "$case_dir/expected.exit")" ]; then
  echo "exit code: got $code, want $(cat "$case_dir/expected.exit")"
  status=1
fi
diff -u "$case_dir/expected.stdout" "$out" || status=1
expected_err=/dev/null
[ -f "$case_dir/expected.stderr" ] && expected_err="$case_dir/expected.stderr"
diff -u "$expected_err" "$err" || status=1
exit $status
