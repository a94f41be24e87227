#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The Action's check step: one run of lmc check writes SARIF for code scanning, a Markdown
# table for the job's summary and annotations in the log; its exit code becomes the step's
# output `exit-code`, so the upload still happens before the job fails.
# Environment: LMC_PATHS, LMC_FAIL_ON, LMC_BASELINE, LMC_CONFIG, LMC_ARGS, LMC_SARIF (the
# action's inputs), GITHUB_STEP_SUMMARY, GITHUB_OUTPUT.
set -uo pipefail
read -r -a paths <<<"${LMC_PATHS:-.}"
read -r -a extra <<<"${LMC_ARGS:-}"
options=(--fail-on "${LMC_FAIL_ON:-error}")
[ -z "${LMC_BASELINE:-}" ] || options+=(--baseline "$LMC_BASELINE")
[ -z "${LMC_CONFIG:-}" ] || options+=(--config "$LMC_CONFIG")
lmc check "${options[@]}" "${extra[@]}" \
  --format sarif --output "${LMC_SARIF:-lmc.sarif}" \
  --format markdown --output "${GITHUB_STEP_SUMMARY:?}" \
  --format github -- "${paths[@]}"
code=$?
echo "exit-code=$code" >>"${GITHUB_OUTPUT:?}"
# 2 is lmc's own trouble (a bad option, an unreadable path): fail here, with its message above.
[ "$code" -ne 2 ]
