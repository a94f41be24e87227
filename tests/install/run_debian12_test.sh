#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The .deb this build makes, installed in a fresh Debian 12 root by scripts/test-deb.sh.
# Exit 77 (skipped) where that cannot be tried: not root, or no debootstrap.
#   run_debian12_test.sh BUILD_DIR LMC      (from the source directory)
set -u
build=$1 lmc=$2
[ "$(id -u)" -eq 0 ] || { echo "skipped: a Debian root needs root (sudo scripts/test-deb.sh)"; exit 77; }
command -v debootstrap >/dev/null || { echo "skipped: no debootstrap (scripts/install-deps.sh package)"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
version=$("$lmc" --version | awk '{print $2}')
(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work" >"$work/cpack.log" 2>&1) ||
  { cat "$work/cpack.log"; echo "FAIL: cpack -G DEB"; exit 1; }
scripts/test-deb.sh "$work/lmc_${version}_$(dpkg --print-architecture).deb"
