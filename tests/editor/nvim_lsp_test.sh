#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# lmc lsp in a real editor client: Neovim's built-in LSP client, headless (nvim_lsp_test.lua).
#   nvim_lsp_test.sh LMC
set -u
lmc=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
command -v nvim >/dev/null || { echo "FAIL: nvim is not installed (scripts/install-deps.sh test installs neovim)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/falls.yaml" "$work/falls.yaml"
# An adaptation beside its blueprint, as examples/spread has them.
mkdir -p "$work/spread/riverside"
cp "$here/../../examples/spread/red-bag.yaml" "$work/spread/"
cp "$here/../../examples/spread/riverside/red-bag.yaml" "$work/spread/riverside/"
# No user configuration, no swap files, a bounded time.
HOME=$work XDG_CONFIG_HOME=$work/config XDG_STATE_HOME=$work/state XDG_DATA_HOME=$work/data \
  LMC=$lmc MODEL=$work/falls.yaml SITE=$work/spread/riverside/red-bag.yaml timeout 120 \
  nvim --headless --clean -n -c "luafile $here/nvim_lsp_test.lua" </dev/null
status=$?
[ $status -eq 0 ] && echo "passed" || echo "FAILED (nvim exit $status)"
exit $status
