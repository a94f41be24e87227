#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs the Debian packages lmc needs to build, test and render. Idempotent, and quiet
# when everything is already there.
#   scripts/install-deps.sh [test]    test: also what the tests need (a browser, its driver)
set -euo pipefail

packages=(
  g++ cmake make pkg-config git
  libyaml-cpp-dev libcli11-dev libfmt-dev nlohmann-json3-dev catch2
  # `lmc serve`: the HTTP server (header only).
  libcpp-httplib-dev
  # Graphviz's libraries and plugins (libgvc6 brings core, dot_layout and pango), and the
  # fonts every diagram is drawn with: Latin, Arabic script, emoji.
  libgraphviz-dev libgvc6
  fonts-dejavu-core fonts-dejavu-extra fonts-noto-core fonts-noto-color-emoji
  # The render tests check the outputs with real tools.
  libxml2-utils poppler-utils python3
  # The sanitizer build and the fuzzer: clang 14 with libFuzzer, and libxml2 to check the SVG.
  clang-14 libclang-rt-14-dev libxml2-dev
)
# The serve tests drive a real browser: Chromium, headless, through WebDriver; the language
# server's, a real editor's LSP client: Neovim's, headless.
[ "${1:-}" = test ] && packages+=(chromium chromium-driver python3-selenium neovim)
# The schema tests run a JSON Schema validator from the npm registry; Node.js from Debian will
# do where the machine has none of its own.
command -v npm >/dev/null || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: run as root, or install sudo, to install: ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
