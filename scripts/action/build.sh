#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The Action where no release .deb was installed: lmc built from the action's own sources with
# the build and run-time dependencies only (no test tools), never with -Werror (the runner's
# compiler may be newer than ours), installed into LMC_PREFIX, which actions/cache keeps: when
# LMC_CACHE_HIT is true the cached build is used and nothing is compiled. Puts LMC_PREFIX/bin
# on the PATH.
# Environment: GITHUB_ACTION_PATH, GITHUB_PATH, RUNNER_TEMP (the runner's); LMC_PREFIX,
# LMC_CACHE_HIT (action.yml's).
set -euo pipefail
src=${GITHUB_ACTION_PATH:?}
prefix=${LMC_PREFIX:?}
if [ "${LMC_CACHE_HIT:-}" = true ] && [ -x "$prefix/bin/lmc" ]; then
  # Only the shared libraries and fonts the cached build runs with.
  "$src/scripts/install-deps.sh" runtime
  echo "lmc: the build cached for these sources ($("$prefix/bin/lmc" --version))"
else
  "$src/scripts/install-deps.sh" build
  build="${RUNNER_TEMP:-/tmp}/lmc-build"
  cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release -DLMC_BUILD_TESTS=OFF -DLMC_WERROR=OFF \
    -DCMAKE_UNITY_BUILD=ON -DCMAKE_UNITY_BUILD_BATCH_SIZE=16 >/dev/null
  cmake --build "$build" -j"$(nproc)" -- --no-print-directory >/dev/null
  cmake --install "$build" --prefix "$prefix" >/dev/null
  echo "lmc: built from the action's sources ($("$prefix/bin/lmc" --version)), cached for the next run"
fi
echo "$prefix/bin" >>"${GITHUB_PATH:?}"
