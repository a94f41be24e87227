#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# `cmake --install BUILD --prefix P`, used as a person would: from an unrelated directory,
# P/bin/lmc checks, renders and serves; the manual pages render in man; everything still works
# after P is moved elsewhere; nothing in P points back at the sources or the build.
#   run_install_test.sh BUILD_DIR SOURCE_DIR
set -u
build=$1 source=$2
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
server=""
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }

cmake --install "$build" --prefix "$work/prefix" >"$work/install.log" 2>&1 ||
  { cat "$work/install.log"; echo "FAIL: cmake --install"; exit 1; }
p=$work/prefix
for f in bin/lmc libexec/lmc/lmc-serve share/man/man1/lmc.1 share/man/man1/lmc-check.1 \
  share/man/man1/lmc-serve.1 share/bash-completion/completions/lmc share/zsh/site-functions/_lmc \
  share/fish/vendor_completions.d/lmc.fish share/lmc/logic-model.schema.json \
  share/doc/lmc/README.md share/doc/lmc/CHANGELOG.md share/doc/lmc/copyright \
  share/doc/lmc/docs/ci.md share/doc/lmc/examples/ehch-care-homes.yaml; do
  [ -f "$p/$f" ] || fail "not installed: $f"
done
[ ! -e "$p/bin/lmc-serve" ] || fail "lmc-serve is in bin/: it belongs under libexec"

# Used from a directory that has nothing to do with the sources, as a person would.
use() {  # use PREFIX: check, render and serve with PREFIX/bin/lmc
  local prefix=$1 cwd=$work/elsewhere
  mkdir -p "$cwd"
  cp "$prefix/share/doc/lmc/examples/ehch-care-homes.yaml" "$cwd/model.yaml"
  (cd "$cwd" && "$prefix/bin/lmc" check model.yaml >/dev/null) || fail "$prefix/bin/lmc check"
  (cd "$cwd" && "$prefix/bin/lmc" check "$prefix/share/doc/lmc/examples/" >/dev/null) ||
    fail "check the installed examples"
  rm -f "$cwd/model.svg"
  (cd "$cwd" && "$prefix/bin/lmc" render model.yaml -o model.svg) || fail "$prefix/bin/lmc render"
  grep -q '<svg' "$cwd/model.svg" 2>/dev/null || fail "render wrote no SVG"
  (cd "$cwd" && exec "$prefix/bin/lmc" serve model.yaml --port 0 >"$work/serve.out" 2>&1) &
  server=$!
  local url=""
  for _ in $(seq 1 100); do
    url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$work/serve.out" | head -1)
    [ -n "$url" ] && break
    sleep 0.1
  done
  if [ -z "$url" ]; then
    fail "$prefix/bin/lmc serve printed no address: $(cat "$work/serve.out")"
  else
    python3 - "$url" <<'PY' || fail "$prefix/bin/lmc serve did not serve the page"
import sys, urllib.request
page = urllib.request.urlopen(sys.argv[1], timeout=10).read().decode()
assert "<html" in page.lower(), page[:200]
PY
  fi
  kill "$server" 2>/dev/null
  wait "$server" 2>/dev/null
  server=""
}
use "$p"
ok "installed lmc checks, renders and serves from another directory"

# The help points at the manual and at the installed docs.
"$p/bin/lmc" --help | grep -qF "man lmc-COMMAND" || fail "--help does not point at the manual"
"$p/bin/lmc" --help | grep -qF "$p/share/doc/lmc/docs" || fail "--help does not name the installed docs"
"$p/bin/lmc" check --help | grep -qF "man lmc-check" || fail "check --help does not point at lmc-check(1)"

# The manual pages render, without a warning from groff, and say what --help says.
if command -v man >/dev/null; then
  for page in "$p"/share/man/man1/*.1; do
    warnings=$(MANWIDTH=80 man --warnings -E UTF-8 -l "$page" 2>&1 >/dev/null)
    [ -z "$warnings" ] || fail "man warns on $(basename "$page"): $warnings"
  done
  text=$(MANWIDTH=100 man -l "$p/share/man/man1/lmc.1" 2>/dev/null)
  grep -q "^NAME" <<<"$text" || fail "man -l lmc.1 renders no NAME section"
  grep -q "lmc-check(1)" <<<"$text" || fail "lmc(1) does not refer to lmc-check(1)"
  text=$(MANWIDTH=100 man -l "$p/share/man/man1/lmc-check.1" 2>/dev/null)
  grep -q -- "--fail-on" <<<"$text" || fail "lmc-check(1) does not list --fail-on"
  grep -q "codeclimate" <<<"$text" || fail "lmc-check(1) does not list the --format values"
  count=$(ls "$p"/share/man/man1/lmc-*.1 | wc -l)
  commands=$("$p/bin/lmc" --help | sed -n '/^Subcommands:/,/^$/p' | grep -c '^  [a-z]')
  [ "$count" -eq "$commands" ] || fail "$count command pages for $commands commands"
  ok "man -l renders lmc(1) and $count command pages without a warning"
else
  fail "man is not installed (scripts/install-deps.sh test)"
fi

# Nothing installed names the build or the source tree.
if grep -rlF -e "$build" -e "$source" "$p" >/dev/null 2>&1; then
  fail "installed files name the build or source tree: $(grep -rlF -e "$build" -e "$source" "$p" | head -3)"
fi

# The prefix moved (a copied ~/.local, a relocated /opt): lmc still finds its helper and docs.
mv "$p" "$work/moved"
use "$work/moved"
"$work/moved/bin/lmc" --help | grep -qF "$work/moved/share/doc/lmc/docs" ||
  fail "a moved lmc does not name its docs"
ok "a moved prefix still checks, renders and serves"

# Without its helper, lmc serve says what is wrong, in one line, and exits 2.
rm "$work/moved/libexec/lmc/lmc-serve"
out=$("$work/moved/bin/lmc" serve "$work/elsewhere/model.yaml" 2>&1)
code=$?
[ "$code" -eq 2 ] || fail "lmc serve without its helper exits $code (want 2)"
grep -q "reinstall lmc" <<<"$out" || fail "lmc serve without its helper says: $out"

[ "$failures" -eq 0 ]
