#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# How long `lmc serve` takes from a save to the new diagram on the page, for a 60-item model
# (bench/generate-model.sh 60): ten saves timed in headless Chromium by the browser test, from
# just before the file is written to the moment the page has replaced the diagram. Then the
# studio's: from a change made on the page of `lmc serve --edit` (a box's new text, Enter) to
# its redrawn diagram on the page, six times, by the studio test.
#   bench/bench-serve.sh [LMC]               default build/cli/lmc
set -euo pipefail
cd "$(dirname "$0")/.."
lmc=${1:-build/cli/lmc}
/usr/bin/python3 tests/workshop/browser_test.py "$lmc" | grep '^redraw'
/usr/bin/python3 tests/workshop/studio_test.py "$lmc" | grep '^edit:'
