#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# `cpack -G DEB` on the build: lmc_VERSION_ARCH.deb, its version lmc's own, its Depends the
# shared libraries plus the fonts, its files where Debian wants them; lintian finds no error or
# warning; the unpacked programs run. (scripts/test-deb.sh installs it in a fresh Debian 12.)
#   run_deb_test.sh BUILD_DIR LMC
set -u
build=$1 lmc=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

version=$("$lmc" --version | awk '{print $2}')
arch=$(dpkg --print-architecture)
(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1) ||
  { cat "$work/cpack.log"; echo "FAIL: cpack -G DEB"; exit 1; }
deb=$work/out/lmc_${version}_${arch}.deb
[ -f "$deb" ] || { ls "$work/out"; echo "FAIL: no $(basename "$deb")"; exit 1; }
echo "ok: $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"

[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "the package's version is not lmc --version's ($version)"
depends=$(dpkg-deb -f "$deb" Depends)
for want in libc6 libstdc++6 libgvc6 libcgraph6 libcpp-httplib libfontconfig1 fonts-dejavu-core \
  fonts-dejavu-extra fonts-noto-core fonts-noto-color-emoji hyphen-en-gb; do
  grep -q "$want" <<<"$depends" || fail "Depends lacks $want: $depends"
done
contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
for want in ./usr/bin/lmc ./usr/libexec/lmc/lmc-serve ./usr/share/man/man1/lmc.1.gz \
  ./usr/share/man/man1/lmc-check.1.gz ./usr/share/doc/lmc/copyright ./usr/share/doc/lmc/changelog.gz \
  ./usr/share/bash-completion/completions/lmc ./usr/share/zsh/site-functions/_lmc \
  ./usr/share/fish/vendor_completions.d/lmc.fish ./usr/share/lmc/logic-model.schema.json; do
  grep -qxF "$want" <<<"$contents" || fail "the package lacks $want"
done
! grep -q '^\./usr/local\|^\./usr/share/man/man1/.*\.1$' <<<"$contents" || fail "files under /usr/local, or uncompressed manual pages"

if command -v lintian >/dev/null; then
  # Errors and warnings fail; the informational tags a build without Debian's hardening flags
  # gets (scripts/setup.sh package builds with them) are printed, not failed on.
  lintian --fail-on error,warning "$deb" >"$work/lintian.txt" 2>&1 || fail "lintian: $(cat "$work/lintian.txt")"
  grep -v '^running with root' "$work/lintian.txt" || true
  echo "ok: lintian reports no error or warning"
else
  fail "lintian is not installed (scripts/install-deps.sh test)"
fi

# The programs as packaged (stripped), unpacked and run: the helper is found under libexec.
dpkg-deb -x "$deb" "$work/root"
"$work/root/usr/bin/lmc" --version | grep -qF "lmc $version" || fail "the packaged lmc does not run"
"$work/root/usr/bin/lmc" check "$work/root/usr/share/doc/lmc/examples/ehch-care-homes.yaml" >/dev/null ||
  fail "the packaged lmc does not check the packaged example"
"$work/root/usr/bin/lmc" serve --help | grep -q -- "--port" || fail "the packaged lmc does not find lmc-serve"
zcat "$work/root/usr/share/doc/lmc/changelog.gz" | head -1 | grep -q "^lmc ($version) " ||
  fail "changelog.gz does not start with this version"
[ "$failures" -eq 0 ]
