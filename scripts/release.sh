#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Makes release VERSION: CHANGELOG.md's `## Unreleased` section becomes `## VERSION - TODAY`
# (lmc's version, read by cmake/version.cmake), the docs' pins (`@vX.Y.Z`, `rev: vX.Y.Z`,
# `LMC_VERSION: "X.Y.Z"`) become VERSION, and a commit "Release VERSION" is tagged vVERSION. Pushing the tag runs
# .github/workflows/release.yml, which builds and publishes the .deb and the source archive.
#   scripts/release.sh VERSION        e.g. scripts/release.sh 0.2.0
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:-}
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "usage: scripts/release.sh X.Y.Z" >&2; exit 2; }
[ -z "$(git status --porcelain)" ] || { echo "release: the work tree has changes: commit them first" >&2; exit 2; }
! git rev-parse -q --verify "refs/tags/v$version" >/dev/null || { echo "release: v$version exists" >&2; exit 2; }
current=$(grep -m1 -oE '^## [0-9]+\.[0-9]+\.[0-9]+ - ' CHANGELOG.md | cut -d' ' -f2)
newest=$(printf '%s\n%s\n' "$current" "$version" | sort -V | tail -1)
[ "$newest" = "$version" ] && [ "$version" != "$current" ] ||
  { echo "release: $version is not after the current release, $current" >&2; exit 2; }
# What Unreleased holds: a release says what changed.
notes=$(awk '/^## Unreleased/ {on=1; next} /^## / {exit} on && NF' CHANGELOG.md)
[ -n "$notes" ] || { echo "release: CHANGELOG.md's Unreleased section is empty: say what changed" >&2; exit 2; }

today=$(date -u +%Y-%m-%d)
sed -i "0,/^## Unreleased\$/s//## Unreleased\n\n## $version - $today/" CHANGELOG.md
x='[0-9]+\.[0-9]+\.[0-9]+'
mapfile -t pinned < <(git grep -lE "@v$x|rev: v$x|LMC_VERSION: \"$x\"" -- README.md docs)
for f in "${pinned[@]}"; do
  sed -i -E "s/@v$x/@v$version/g; s/(rev: )v$x/\1v$version/g; s/(LMC_VERSION: \")$x\"/\1$version\"/g" "$f"
done
git add CHANGELOG.md "${pinned[@]}"
git commit -q -m "Release $version"
git tag -a "v$version" -m "lmc $version"
echo "release: v$version tagged ($(git rev-parse --short HEAD)). Push it: git push origin main v$version"
