#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs the Debian packages lmc needs. Idempotent, and quiet when everything is already
# there.
#   scripts/install-deps.sh [build]   what building and running lmc needs (the default)
#   scripts/install-deps.sh runtime   what a built lmc needs to run: its libraries and fonts
#   scripts/install-deps.sh test      build, and what the tests need (browser, shells, ...)
#   scripts/install-deps.sh package   build, and what making and checking the .deb needs
set -euo pipefail
mode=${1:-build}

# What lmc needs when it runs: Graphviz's libraries and plugins (libgvc6 brings core,
# dot_layout and pango), fontconfig, and the fonts every diagram is drawn with: Latin, Arabic
# script, emoji. (The HTTP server's library comes with its -dev package: its name has its
# version in it.)
# The en-GB hyphenation patterns the diagram's line breaking reads (hyphen-en-gb); the workbook
# writer `lmc export --format xlsx` uses (libxlsxwriter4).
runtime=(libgvc6 libcgraph6 libfontconfig1 libcpp-httplib-dev hyphen-en-gb libxlsxwriter4
  fonts-dejavu-core fonts-dejavu-extra fonts-noto-core fonts-noto-color-emoji)
build=(g++ cmake make pkg-config git
  libyaml-cpp-dev libcli11-dev libfmt-dev nlohmann-json3-dev libcpp-httplib-dev libgraphviz-dev
  libhyphen-dev libxlsxwriter-dev "${runtime[@]}")
# Making the .deb (dpkg-shlibdeps, file) and checking it (lintian); scripts/test-deb.sh
# installs it in a Debian root that debootstrap makes.
package_tools=(dpkg-dev file lintian debootstrap)
# The tests: Catch2; the render tests check the outputs with real tools; the sanitizer build
# and the fuzzer are clang 14's (libFuzzer), with libxml2 to check SVG; the serve tests drive a
# real browser (Chromium, headless, through WebDriver; the studio test reads the YAML it
# saved with python3-yaml), the language server's a real editor's
# LSP client (Neovim's); the install tests read the manual pages with man and drive the
# completions in bash, zsh and fish, and check the .deb; the export tests open the workbooks
# and CSV as their readers do (openpyxl, and LibreOffice headless).
tests=(catch2 libxml2-utils poppler-utils python3 clang-14 libclang-rt-14-dev libxml2-dev
  python3-openpyxl libreoffice-calc-nogui
  chromium chromium-driver python3-selenium python3-yaml neovim man-db bash zsh fish shellcheck
  "${package_tools[@]}")

case "$mode" in
  runtime) packages=("${runtime[@]}") ;;
  build) packages=("${build[@]}") ;;
  package) packages=("${build[@]}" "${package_tools[@]}") ;;
  test)
    packages=("${build[@]}" "${tests[@]}")
    # The schema tests run validators from the npm registry; Node.js from Debian will do where
    # the machine has none of its own.
    command -v npm >/dev/null || packages+=(nodejs npm)
    ;;
  *)
    echo "usage: scripts/install-deps.sh [build|runtime|test|package]" >&2
    exit 2
    ;;
esac

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
