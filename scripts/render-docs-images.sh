#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Redraws the pictures in docs/images/ from the examples: each on A4 landscape, and the PACS
# frailty model on A4 portrait too (the render test checks they are current). Each is drawn
# afresh, not over the old picture, so the pictures are what a first `lmc render` gives.
#   scripts/render-docs-images.sh [LMC]
set -euo pipefail
cd "$(dirname "$0")/.."
lmc=${1:-build/cli/lmc}
for model in examples/*.yaml; do
  name=$(basename "$model" .yaml)
  rm -f "docs/images/$name.svg"
  "$lmc" render "$model" -o "docs/images/$name.svg"
done
rm -f docs/images/pacs-frailty-portrait.svg
"$lmc" render examples/pacs-frailty.yaml -o docs/images/pacs-frailty-portrait.svg --portrait
