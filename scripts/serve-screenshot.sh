#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The picture of `lmc serve` in docs/workshops.md: the browser test's page (the ehch template
# with one finding clicked), photographed by headless Chromium.
#   scripts/serve-screenshot.sh [LMC]        default build/cli/lmc
set -euo pipefail
cd "$(dirname "$0")/.."
lmc=${1:-build/cli/lmc}
/usr/bin/python3 tests/workshop/browser_test.py "$lmc" docs/images/serve-page.png
echo "wrote docs/images/serve-page.png"
