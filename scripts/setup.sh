#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# One command from a fresh Debian 12 machine to a working lmc.
#   scripts/setup.sh run    install what is missing, build, check the shipped examples and
#                           draw each one to SVG and PDF in build/diagrams/
#   scripts/setup.sh install  install what is missing and build build/cli/lmc
#   scripts/setup.sh package  install what is missing, build with Debian's hardening flags in
#                           build-package/, make lmc_VERSION_amd64.deb and lmc-VERSION.tar.gz
#                           there, and check the .deb with lintian (scripts/test-deb.sh then
#                           installs it in a fresh Debian 12 root)
#   scripts/setup.sh test   install what is missing, build with GCC, run every test; then build
#                           with clang under AddressSanitizer and UndefinedBehaviorSanitizer,
#                           rerun them, and run the fuzzer for two minutes
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-run}
jobs=$(nproc 2>/dev/null || echo 2)
werror=OFF
[ "${CI:-}" = true ] && werror=ON

case "$mode" in
  test | package) scripts/install-deps.sh "$mode" ;;
  *) scripts/install-deps.sh build ;;
esac

build() {  # build DIR [cmake options...]
  local dir=$1
  shift
  # Unity builds (16 sources a unit) halve the build on two cores: the heavy headers (CLI11,
  # fmt, nlohmann-json, Graphviz) are parsed once a unit instead of once a file.
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release -DLMC_WERROR="$werror" \
    -DCMAKE_UNITY_BUILD=ON -DCMAKE_UNITY_BUILD_BATCH_SIZE=16 "$@" >/dev/null
  cmake --build "$dir" -j"$jobs" -- --no-print-directory
}

case "$mode" in
  install)
    build build -DLMC_BUILD_TESTS=OFF
    ;;
  package)
    # As a Debian package build would: dpkg-buildflags' hardening (all of it), never -Werror
    # (a newer compiler's new warning must not stop a release), installed under /usr.
    export DEB_BUILD_MAINT_OPTIONS=hardening=+all
    werror=OFF
    build build-package -DLMC_BUILD_TESTS=OFF -DCMAKE_INSTALL_PREFIX=/usr \
      -DCMAKE_CXX_FLAGS="$(dpkg-buildflags --get CPPFLAGS) $(dpkg-buildflags --get CXXFLAGS)" \
      -DCMAKE_EXE_LINKER_FLAGS="$(dpkg-buildflags --get LDFLAGS)"
    (cd build-package && cpack -G DEB >/dev/null && cpack --config CPackSourceConfig.cmake >/dev/null)
    deb=$(ls build-package/lmc_*_*.deb)
    lintian --fail-on error,warning "$deb"
    echo "package: $deb build-package/$(cd build-package && ls lmc-*.tar.gz)"
    ;;
  run)
    build build -DLMC_BUILD_TESTS=OFF
    ./build/cli/lmc check examples/
    mkdir -p build/diagrams
    for model in examples/*.yaml; do
      name=$(basename "$model" .yaml)
      ./build/cli/lmc render "$model" -o "build/diagrams/$name.svg"
      ./build/cli/lmc render "$model" -o "build/diagrams/$name.pdf"
    done
    # The example programme: checked as one graph, and drawn as a book (the programme, then
    # each work stream it details, one page each).
    ./build/cli/lmc check examples/programme/programme.yaml
    ./build/cli/lmc render examples/programme/programme.yaml -o build/diagrams/programme-book.pdf \
      --with-models
    # The red bag blueprint and the two sites that adopted it, side by side: the board's page.
    ./build/cli/lmc spread examples/spread/red-bag.yaml examples/spread -o build/diagrams/spread.html
    echo "diagrams: $(ls build/diagrams | tr '\n' ' ')(in build/diagrams/)"
    ;;
  test)
    # The validators the schema tests use, exactly as package-lock.json pins them.
    npm ci --prefix tests/schema --no-audit --no-fund --loglevel=error >/dev/null
    # Tests on, whatever an earlier `run` or `install` left in the build directory's cache; and
    # a ctest that finds no test fails.
    build build -DLMC_BUILD_TESTS=ON
    ctest --test-dir build --output-on-failure --no-tests=error -j"$jobs"
    echo "== again, built by clang, under AddressSanitizer and UndefinedBehaviorSanitizer"
    # -O1 with line tables only: half the compile time of a full debug build, and the
    # sanitizers' reports still name files and lines. The same build holds the fuzzer.
    # A directory an older lmc configured with GCC is made afresh: CMake keeps its compiler.
    if [ -f build-sanitize/CMakeCache.txt ] &&
      ! grep -q '^CMAKE_CXX_COMPILER:.*clang' build-sanitize/CMakeCache.txt; then
      rm -rf build-sanitize
    fi
    CC=clang-14 CXX=clang++-14 build build-sanitize -DCMAKE_BUILD_TYPE=None \
      -DCMAKE_CXX_FLAGS="-O1 -g1" -DLMC_SANITIZE=ON -DLMC_FUZZ=ON -DLMC_BUILD_TESTS=ON
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0 \
      ctest --test-dir build-sanitize --output-on-failure --no-tests=error -j"$jobs" \
      --exclude-regex '^(render\.(outputs|page-.*)|corpus\.yaml-test-suite|install\..*|ci\.(action|release))$'
    # The three longest tests (every render output checked by its tools; the 78 pages measured
    # as a printer would; the 400 streams of the YAML test suite) ran above; under the
    # sanitizers the renderer runs in the unit, golden and workshop tests, and the fuzzer below
    # covers the rest. The install, packaging, Action and release tests are about files and
    # scripts, not lmc's code.
    echo "== the fuzzer, for ${LMC_FUZZ_SECONDS:-120} s (tests/fuzz/README.md for longer runs)"
    tests/fuzz/run_fuzz.sh build-sanitize/lmc_fuzz "${LMC_FUZZ_SECONDS:-120}"
    ;;
  *)
    echo "usage: scripts/setup.sh run|test|install|package" >&2
    exit 2
    ;;
esac
