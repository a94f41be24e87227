#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The lmc-render pre-commit hook (scripts/render-each.sh) in a repository the test makes: a new
# model's diagram fails the hook until it is added, a changed model's diagram likewise, an
# unchanged one passes, other YAML is passed over. Without lmc, both hooks say how to install it.
#   run_hook_test.sh LMC
set -u
lmc=$(realpath "$1")
hook=$(realpath "$(dirname "$0")/../../scripts/render-each.sh")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
failures=0 checks=0
expect() {  # expect CODE WHAT: the last hook run's exit code
  checks=$((checks + 1))
  [ "$code" -eq "$1" ] || { echo "FAIL: $2 (exit $code, want $1): $(cat "$work/err")"; failures=$((failures + 1)); }
}
hook() { LMC=$lmc bash "$hook" "$@" 2>"$work/err"; code=$?; }

git init -q repo && cd repo || exit 1
git config user.email ci@example.org && git config user.name CI
cp "$(dirname "$lmc")/../../examples/ehch-care-homes.yaml" model.yaml 2>/dev/null ||
  printf 'logic_model: 1\ntitle: T\nactivities:\n  - {id: a, label: A}\n' >model.yaml
printf 'name: not a model\n' >other.yaml
git add model.yaml other.yaml

hook model.yaml other.yaml
expect 1 "a new diagram fails the hook"
checks=$((checks + 1))
grep -q "drew model.svg, a new diagram: add it (git add model.svg)" "$work/err" || { echo "FAIL: message: $(cat "$work/err")"; failures=$((failures + 1)); }
[ -s model.svg ] && [ ! -e other.svg ] || { echo "FAIL: model.svg drawn, other.yaml passed over"; failures=$((failures + 1)); }
git add model.svg
hook model.yaml other.yaml
expect 0 "the added diagram, drawn again the same, passes"
git commit -qm "model and diagram"

sed -i 's/^title: .*/title: A new title for the board/' model.yaml
git add model.yaml
hook model.yaml
expect 1 "a changed model's diagram fails the hook"
grep -q "redrew model.svg" "$work/err" || { echo "FAIL: message: $(cat "$work/err")"; failures=$((failures + 1)); }
git add model.svg
hook model.yaml
expect 0 "and passes once added"

# Without lmc, both hooks say in one line how to install it, and fail.
for entry in "$hook" "$(dirname "$hook")/lmc-hook.sh check --models-only"; do
  # shellcheck disable=SC2086  # the entry is a command and its arguments, as pre-commit runs it
  LMC=no-such-lmc bash $entry model.yaml 2>"$work/err"
  code=$?
  expect 2 "$(basename "${entry%% *}") without lmc"
  checks=$((checks + 1))
  [ "$(wc -l <"$work/err")" -eq 1 ] && grep -q "lmc is not installed: .*apt-get install ./lmc_VERSION_amd64.deb" "$work/err" ||
    { echo "FAIL: without lmc, $(basename "${entry%% *}") says: $(cat "$work/err")"; failures=$((failures + 1)); }
done

echo "$((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
