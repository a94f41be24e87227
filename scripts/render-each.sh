#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Draws each logic model named to an SVG beside it (model.yaml -> model.svg); other YAML files
# are passed over. For the lmc-render pre-commit hook: a diagram that is new or changed fails
# the hook, saying so, until it is added, so a model is committed with its diagram. (pre-commit
# notices a changed tracked file itself, but not a new untracked one.)
#   render-each.sh FILE...        (LMC names the lmc binary; default: lmc on the PATH)
set -u
lmc=${LMC:-lmc}
# Without lmc, the one line that says how to install it (from the shared hook runner).
command -v "$lmc" >/dev/null 2>&1 || exec "$(dirname "$0")/lmc-hook.sh"
bom=$'\xEF\xBB\xBF'
model="^(${bom})?\\{?[[:space:]]*[\"']?logic_model[\"']?[[:space:]]*:"
in_git=false
git rev-parse --is-inside-work-tree >/dev/null 2>&1 && in_git=true
status=0
for file in "$@"; do
  grep -Eq "$model" "$file" || continue
  out="${file%.*}.svg"
  "$lmc" render "$file" -o "$out" || [ $? -eq 1 ] || { status=2; continue; }
  $in_git || continue
  if ! git ls-files --error-unmatch -- "$out" >/dev/null 2>&1; then
    echo "lmc-render: drew $out, a new diagram: add it (git add $out) and commit again" >&2
    [ $status -eq 0 ] && status=1
  elif ! git diff --quiet -- "$out"; then
    echo "lmc-render: redrew $out: add it (git add $out) and commit again" >&2
    [ $status -eq 0 ] && status=1
  fi
done
exit $status
