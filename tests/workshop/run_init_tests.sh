#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# lmc init through the binary: every template is written as the source tree holds it, checks
# with no finding at all, and draws on one A4 page with nothing said on stderr; lmc init never
# writes over anything.
#   tests/workshop/run_init_tests.sh LMC
set -euo pipefail
lmc=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
templates=$here/../../cli/templates
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

listed=$("$lmc" init --list | awk '{print $1}' | sort | tr '\n' ' ')
on_disk=$(cd "$templates" && ls *.yaml | sed 's/\.yaml$//' | sort | tr '\n' ' ')
[ "$listed" = "$on_disk" ] || fail "init --list shows '$listed', cli/templates holds '$on_disk'"
for shape in blank pacs mcp ehch uec acute-collaboration; do
  case " $listed " in *" $shape "*) ;; *) fail "no template $shape" ;; esac
done

for name in $on_disk; do
  model=$work/$name.yaml
  "$lmc" init "$model" --template "$name" 2>"$work/err" || fail "init $name: $(cat "$work/err")"
  cmp -s "$model" "$templates/$name.yaml" || fail "init $name wrote other bytes than cli/templates"
  "$lmc" init - --template "$name" | cmp -s - "$templates/$name.yaml" || fail "init - $name"
  # No error and no warning (not even page-overflow). Notes are welcome: incomplete-indicator
  # tells the workshop which baselines and targets to find.
  out=$("$lmc" check --fail-on warning "$model") || fail "template $name has findings: $out"
  others=$("$lmc" check --format json "$model" | grep '"rule"' | grep -v incomplete-indicator || true)
  [ -z "$others" ] || fail "template $name has findings other than incomplete-indicator: $others"
  "$lmc" render "$model" -o "$work/$name.pdf" 2>"$work/err" || fail "render $name"
  [ ! -s "$work/err" ] || fail "render $name said: $(cat "$work/err")"
  info=$(pdfinfo "$work/$name.pdf")
  grep -q '^Pages: *1$' <<<"$info" || fail "$name is not one page"
  grep -q 'Page size: *84[12][.0-9]* x 595[.0-9]* pts (A4)' <<<"$info" || fail "$name: not A4 landscape: $info"
done

# Never over an existing file, a directory, or a symbolic link (even a dangling one).
printf 'mine\n' >"$work/existing.yaml"
touch -d 2020-01-01 "$work/existing.yaml"
if "$lmc" init "$work/existing.yaml" 2>"$work/err"; then fail "init wrote over a file"; fi
[ "$(cat "$work/existing.yaml")" = mine ] || fail "the existing file changed"
[ "$(stat -c %Y "$work/existing.yaml")" = "$(date -d 2020-01-01 +%s)" ] || fail "mtime changed"
grep -q "already exists" "$work/err" || fail "no clear message: $(cat "$work/err")"
ln -s "$work/nowhere.yaml" "$work/link.yaml"
if "$lmc" init "$work/link.yaml" 2>/dev/null; then fail "init wrote through a dangling link"; fi
[ ! -e "$work/nowhere.yaml" ] || fail "init created the link's target"
mkdir "$work/dir"
if "$lmc" init "$work/dir" 2>/dev/null; then fail "init over a directory"; fi
if "$lmc" init "$work/missing/dir/m.yaml" 2>"$work/err"; then fail "init into a missing dir"; fi
grep -q "cannot be created" "$work/err" || fail "missing directory: $(cat "$work/err")"
# Nothing left behind: no temporary file beside what was written.
leftovers=$(find "$work" -name '.*.tmp' | wc -l)
[ "$leftovers" -eq 0 ] || fail "temporary files left behind"

# A wrong template name: exit 2, a suggestion, no file.
set +e
"$lmc" init "$work/x.yaml" --template ehc 2>"$work/err"
code=$?
set -e
[ "$code" -eq 2 ] || fail "unknown template exits $code"
grep -q "did you mean 'ehch'" "$work/err" || fail "no suggestion: $(cat "$work/err")"
[ ! -e "$work/x.yaml" ] || fail "a file was written for an unknown template"
echo "init: $(wc -w <<<"$on_disk") templates checked"
