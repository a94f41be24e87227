#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The Action used at a release tag (GITHUB_ACTION_REF = vX.Y.Z): that release's .deb,
# downloaded from the release and installed by apt-get, in seconds. Says `installed=true` in
# GITHUB_OUTPUT when lmc is in place; otherwise (no .deb for this machine, or its Depends not
# met on this runner: it is made for Debian 12) says why, and build.sh builds lmc instead.
# Environment (as the runner sets it): GITHUB_ACTION_REF, GITHUB_ACTION_REPOSITORY,
# GITHUB_OUTPUT, RUNNER_TEMP. LMC_RELEASES: where the releases' files are (default: the
# repository's GitHub releases); LMC_APT_FLAGS: more apt-get flags (the tests' --dry-run).
set -euo pipefail
ref=${GITHUB_ACTION_REF:-}
notice() { echo "::notice title=lmc::$*"; }

[[ $ref =~ ^v([0-9]+\.[0-9]+\.[0-9]+)$ ]] || { echo "lmc: $ref is not a release tag"; exit 0; }
version=${BASH_REMATCH[1]}
command -v apt-get >/dev/null || { notice "no apt-get on this runner: building lmc $version"; exit 0; }
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
arch=$(dpkg --print-architecture)
releases=${LMC_RELEASES:-https://github.com/${GITHUB_ACTION_REPOSITORY:?}/releases/download}
deb="${RUNNER_TEMP:-/tmp}/lmc_${version}_${arch}.deb"
if ! curl -fsSL --retry 3 -o "$deb" "$releases/$ref/lmc_${version}_${arch}.deb"; then
  notice "no lmc_${version}_${arch}.deb in the release $ref: building lmc instead"
  exit 0
fi
"${sudo[@]}" apt-get update -qq
# shellcheck disable=SC2086  # LMC_APT_FLAGS is a list of flags
if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  ${LMC_APT_FLAGS:-} "$deb"; then
  notice "the release's $(basename "$deb") does not install on this runner (it is made for Debian 12): building lmc $version instead"
  exit 0
fi
echo "lmc $version: installed from the release's $(basename "$deb")"
echo "installed=true" >>"${GITHUB_OUTPUT:?}"
