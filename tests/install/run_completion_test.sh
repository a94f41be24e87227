#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# lmc's shell completions in the real shells (Debian's bash, zsh and fish): the scripts the
# build made are loaded as each shell loads an installed one, and asked what they offer.
#   run_completion_test.sh LMC
set -u
lmc=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

for shell in bash zsh fish; do
  command -v "$shell" >/dev/null || { echo "FAIL: $shell is not installed (scripts/install-deps.sh test)"; exit 1; }
done
mkdir -p "$work/zsh" "$work/files/models"
"$lmc" completion bash -o "$work/lmc.bash" || fail "lmc completion bash"
"$lmc" completion zsh -o "$work/zsh/_lmc" || fail "lmc completion zsh"
"$lmc" completion fish -o "$work/lmc.fish" || fail "lmc completion fish"
touch "$work/files/model.yaml" "$work/files/mine.svg"

# The completions each shell offers for LINE (the last word being completed), one a line.
offers() {
  local shell=$1 line=$2
  case $shell in
    bash)
      (cd "$work/files" && bash --norc --noprofile -c '
        source "$1"
        read -r -a COMP_WORDS <<<"$2"
        [[ $2 == *" " ]] && COMP_WORDS+=("")
        COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
        _lmc
        printf "%s\n" "${COMPREPLY[@]}"' _ "$work/lmc.bash" "$line")
      ;;
    zsh) (cd "$work/files" && zsh -f "$here/zsh_complete.zsh" "$work/zsh" "$line") ;;
    fish) (cd "$work/files" && fish --no-config -c 'source $argv[1]; complete -C $argv[2]' "$work/lmc.fish" "$line" | cut -f1) ;;
  esac
}

# expect SHELL LINE WORD...: every WORD is offered.   refuse SHELL LINE WORD...: none is.
offered() {  # offered yes|no SHELL LINE WORD...
  local want=$1 shell=$2 line=$3 got word
  shift 3
  got=$(offers "$shell" "$line")
  for word in "$@"; do
    if grep -qxF -- "$word" <<<"$got"; then
      [ "$want" = yes ] || fail "$shell: '$line<Tab>' offers '$word'"
    else
      [ "$want" = no ] || fail "$shell: '$line<Tab>' does not offer '$word' (offers: $(tr '\n' ' ' <<<"$got"))"
    fi
  done
}
expect() { offered yes "$@"; }
refuse() { offered no "$@"; }

for shell in bash zsh fish; do
  expect "$shell" "lmc " check render diff serve explain completion
  expect "$shell" "lmc ch" check
  refuse "$shell" "lmc ch" render man-pages
  refuse "$shell" "lmc " man-pages
  expect "$shell" "lmc check --format " text json sarif github junit codeclimate markdown
  expect "$shell" "lmc check --fa" --fail-on
  expect "$shell" "lmc render model.yaml --page " a4 a3 letter
  expect "$shell" "lmc render model.yaml --format " svg pdf png dot
  expect "$shell" "lmc explain " cycle unknown-reference page-overflow
  expect "$shell" "lmc init x.yaml --template " blank ehch pacs
  expect "$shell" "lmc serve --" --port --host --open
  expect "$shell" "lmc completion " bash zsh fish
  refuse "$shell" "lmc render model.yaml --page " svg
done
# File names where a path goes.
expect bash "lmc check mo" model.yaml models
expect fish "lmc check mo" model.yaml models/
expect zsh "lmc check mo" model.yaml models
expect bash "lmc render model.yaml -o mi" mine.svg
expect bash "lmc diff model.yaml mo" model.yaml models
refuse bash "lmc trace model.yaml mo" model.yaml
[ "$failures" -eq 0 ] && echo "completions: bash, zsh and fish offer commands, options, values and files"
[ "$failures" -eq 0 ]
