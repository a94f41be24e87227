#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# scripts/release.sh in a repository the test makes from the project's files: Unreleased becomes
# the release, the version CMake reads is the new one, the docs' pins follow, the tag is made;
# an empty Unreleased, an older or the same version, and a dirty tree are refused.
#   run_release_test.sh SOURCE_DIR
set -u
src=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
repo=$work/repo
mkdir -p "$repo/scripts"
cp -r "$src/CHANGELOG.md" "$src/README.md" "$src/docs" "$src/cmake" "$repo/"
cp "$src/scripts/release.sh" "$repo/scripts/"
cd "$repo" || exit 1
# Start from an empty Unreleased section, whatever the project's holds now.
awk '/^## Unreleased$/ {print; print ""; skip=1; next} skip && /^## / {skip=0} !skip' CHANGELOG.md >c.md &&
  mv c.md CHANGELOG.md
git init -q && git config user.email ci@example.org && git config user.name CI
git add -A && git commit -qm start
version() { cmake -DCHANGELOG=CHANGELOG.md -P cmake/version.cmake 2>&1; }
current=$(version)
IFS=. read -r major minor patch <<<"$current"
next="$major.$minor.$((patch + 1))"

scripts/release.sh "$next" >"$work/out" 2>&1
[ $? -eq 2 ] && grep -q "Unreleased section is empty" "$work/out" || fail "an empty Unreleased was released: $(cat "$work/out")"

sed -i '0,/^## Unreleased$/s//## Unreleased\n\n### Fixed\n- Something a user sees./' CHANGELOG.md
echo dirty >>README.md
scripts/release.sh "$next" >"$work/out" 2>&1
[ $? -eq 2 ] && grep -q "commit them first" "$work/out" || fail "a dirty tree was released"
git checkout -q README.md && git commit -qam "a change"
scripts/release.sh "$current" >"$work/out" 2>&1
[ $? -eq 2 ] || fail "the current version was released again"
scripts/release.sh 0.0.1 >"$work/out" 2>&1
[ $? -eq 2 ] || fail "an older version was released"

scripts/release.sh "$next" >"$work/out" 2>&1 || fail "release $next: $(cat "$work/out")"
[ "$(version)" = "$next" ] || fail "cmake/version.cmake reads $(version) after the release (want $next)"
grep -q "^## $next - $(date -u +%Y-%m-%d)$" CHANGELOG.md || fail "no heading for $next in CHANGELOG.md"
[ "$(grep -m1 '^## ' CHANGELOG.md)" = "## Unreleased" ] || fail "CHANGELOG.md does not start with a new Unreleased"
awk "/^## $next /{on=1;next} on && /^## /{exit} on" CHANGELOG.md | grep -q "Something a user sees" ||
  fail "the release does not hold what Unreleased held"
git rev-parse -q --verify "refs/tags/v$next" >/dev/null || fail "no tag v$next"
! grep -rqE "@v$current|rev: v$current|LMC_VERSION: \"$current\"" README.md docs || fail "the docs still pin $current"
grep -rq "LMC_VERSION: \"$next\"" docs || fail "the docs' LMC_VERSION is not $next"
grep -rq "lmc-logic-models/lmc@v$next" docs || fail "the docs do not pin v$next"
[ -z "$(git status --porcelain)" ] || fail "release left changes uncommitted"
[ "$failures" -eq 0 ] && echo "release.sh: $current -> $next, refusals right"
[ "$failures" -eq 0 ]
