#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Runs every stream of the YAML test suite through `lmc check`. None is a logic model, so each
# must exit 1 (never crash, never hang); every stream yaml-cpp rejects must give yaml-syntax
# with a position. The list of rejected streams is kept in yaml-cpp-rejects.txt, so a parser
# change shows up here.
#   run_yaml_suite.sh LMC SUITE_DIR EXPECTED_LIST      (LMC_UPDATE_GOLDEN=1 rewrites the list)
set -u
lmc=$1 suite=$2 expected=$3
if [ ! -d "$suite" ]; then
  echo "yaml-test-suite not found at $suite (it is carried in tests/corpus/)" >&2
  exit 1
fi
failures=0 total=0
actual=$(mktemp)
trap 'rm -f "$actual"' EXIT
while IFS= read -r file; do
  dir=$(dirname "$file")
  id=${dir#"$suite"/}
  total=$((total + 1))
  out=$(timeout 10 "$lmc" check --format json -- "$file" 2>&1)
  code=$?
  if [ "$code" -ne 1 ]; then
    echo "FAIL $id: exit $code (want 1)"
    failures=$((failures + 1))
    continue
  fi
  if grep -q '"rule": "yaml-syntax"' <<<"$out"; then
    if ! grep -Eq '"line": [1-9][0-9]*,' <<<"$out" || ! grep -Eq '"column": [1-9][0-9]*,' <<<"$out"; then
      echo "FAIL $id: yaml-syntax without a position"
      failures=$((failures + 1))
    fi
    kind=valid
    [ -f "$dir/error" ] && kind=invalid
    # Why: yaml-cpp's parser, or lmc's own checks (one document a file; quotes that close).
    why=parser
    grep -q 'second YAML document' <<<"$out" && why=several-documents
    grep -q 'not closed before the end of the file' <<<"$out" && why=unclosed-quote
    grep -q 'not valid UTF-8\|NUL byte' <<<"$out" && why=encoding
    echo "$id $kind $why" >>"$actual"
  fi
done < <(find "$suite" -name in.yaml | LC_ALL=C sort)
sort -o "$actual" "$actual"
if [ "${LMC_UPDATE_GOLDEN:-}" = 1 ]; then
  cp "$actual" "$expected"
fi
if ! diff -u "$expected" "$actual"; then
  echo "FAIL: the streams yaml-cpp rejects changed (above: - expected, + now)"
  failures=$((failures + 1))
fi
invalid=$(find "$suite" -name error | wc -l)
echo "$total streams: exit 1 for all but $failures failures." \
  "yaml-syntax for $(grep -c ' invalid ' "$actual") of $invalid invalid streams" \
  "(yaml-cpp's parser: $(grep -c ' invalid parser$' "$actual")) and $(grep -c ' valid ' "$actual") valid ones" \
  "(yaml-cpp's parser: $(grep -c ' valid parser$' "$actual"); several documents: $(grep -c ' valid several-documents$' "$actual"))"
[ "$failures" -eq 0 ]
