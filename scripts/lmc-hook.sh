#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Runs the lmc on the PATH (or $LMC) for the pre-commit hooks; when there is none, says in one
# line how to install it, instead of pre-commit's "Executable lmc not found".
#   lmc-hook.sh ARGS...      e.g. lmc-hook.sh check --models-only FILE...
lmc=${LMC:-lmc}
if ! command -v "$lmc" >/dev/null 2>&1; then
  echo "lmc is not installed: on Debian or Ubuntu, apt-get install ./lmc_VERSION_amd64.deb from https://github.com/lmc-logic-models/lmc/releases; elsewhere build it with scripts/setup.sh install (README, Set up)" >&2
  exit 2
fi
exec "$lmc" "$@"
