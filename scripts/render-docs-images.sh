#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Redraws the pictures in docs/images/ from the examples (the render test checks they are
# current).   scripts/render-docs-images.sh [LMC]
set -euo pipefail
cd "$(dirname "$0")/.."
lmc=${1:-build/cli/lmc}
rm -f docs/images/ehch-care-homes.svg
"$lmc" render examples/ehch-care-homes.yaml -o docs/images/ehch-care-homes.svg
