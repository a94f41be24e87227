#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Draws each logic model named to an SVG beside it (model.yaml -> model.svg); other YAML files
# are passed over. For the lmc-render pre-commit hook: a diagram that changed fails the hook,
# so the new diagram is committed with its model.
#   render-each.sh FILE...        (LMC names the lmc binary; default: lmc on the PATH)
set -u
lmc=${LMC:-lmc}
bom=$'\xEF\xBB\xBF'
model="^(${bom})?\\{?[[:space:]]*[\"']?logic_model[\"']?[[:space:]]*:"
status=0
for file in "$@"; do
  grep -Eq "$model" "$file" || continue
  out="${file%.*}.svg"
  "$lmc" render "$file" -o "$out" || [ $? -eq 1 ] || status=2
done
exit $status
