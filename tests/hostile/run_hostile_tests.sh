#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Hostile files and file systems through the real binary (issue #9): each case must give a
# located finding or a clean refusal in bounded time and output, never a crash, a hang, a
# control character on the terminal, invalid SVG or a NUL in an output.
#   run_hostile_tests.sh LMC            (from the repository root)
set -u
lmc=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d)
chmod 755 "$work"
trap 'chmod -R u+rwx "$work"; rm -rf "$work"' EXIT
failures=0 checks=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
check() { checks=$((checks + 1)); }
# run NAME SECONDS lmc-args...: stdout to $work/NAME.out, stderr to $work/NAME.err, exit code in $code
run() {
  local name=$1 seconds=$2
  shift 2
  timeout "$seconds" "$lmc" "$@" >"$work/$name.out" 2>"$work/$name.err"
  code=$?
  [ "$code" -eq 124 ] && fail "$name: still running after $seconds s"
  [ "$code" -ge 128 ] && fail "$name: killed by a signal (exit $code)"
}
no_controls() {  # file...: no byte below 0x20 but tab and newline, no DEL, no NUL
  local f
  for f in "$@"; do
    if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$f" || [ "$(tr -dc '\000' <"$f" | wc -c)" -ne 0 ]; then
      fail "$(basename "$f") carries a control character"
    fi
  done
}

# 3. Did-you-mean is bounded: 500 unknown 200-character references against 500 ids.
check
python3 - "$work/suggest.yaml" <<'PY'
import random, string, sys
random.seed(9)
def rid(n): return random.choice(string.ascii_letters) + ''.join(random.choice(string.ascii_letters + string.digits) for _ in range(n - 1))
with open(sys.argv[1], 'w') as f:
    f.write('logic_model: 1\ntitle: Hostile\nresources:\n')
    for _ in range(500): f.write('  - {id: %s, label: R}\n' % rid(200))
    f.write('activities:\n  - id: act\n    label: A\n    from: [' + ', '.join(rid(200) for _ in range(500)) + ']\n')
PY
run suggest 20 check --format json "$work/suggest.yaml"
[ "$code" -eq 1 ] || fail "unknown references: exit $code, want 1"
[ "$(grep -c '"rule": "unknown-reference"' "$work/suggest.out")" -eq 500 ] || fail "unknown references: not 500 findings"

# 4. Output is bounded: one line of 20,000 duplicate ids.
check
python3 -c "import sys; open(sys.argv[1],'w').write('logic_model: 1\ntitle: T\nactivities: [' + ', '.join('{id: x, label: X}' for _ in range(20000)) + ']\n')" "$work/amplify.yaml"
run amplify 20 check "$work/amplify.yaml"
[ "$(wc -c <"$work/amplify.out")" -lt 2000000 ] || fail "20,000 findings printed $(wc -c <"$work/amplify.out") bytes"
grep -q "more findings not shown" "$work/amplify.out" || fail "no line saying how many findings are not shown"
check
run amplify-json 30 check --format json "$work/amplify.yaml"
[ "$(grep -c '"rule": "duplicate-id"' "$work/amplify-json.out")" -eq 19999 ] || fail "the JSON report does not keep every finding"

# 5. Sizes are looked at before reading; a FIFO is refused without blocking.
check
truncate -s 3G "$work/huge.yaml"
printf 'logic_model: 1\n' | dd of="$work/huge.yaml" conv=notrunc 2>/dev/null
cp examples/ehch-care-homes.yaml "$work/fine.yaml"
run huge 20 check "$work/huge.yaml" "$work/fine.yaml"
[ "$code" -eq 1 ] || fail "a 3 GB model: exit $code, want 1 (a finding)"
grep -q "huge.yaml:1:1: error: the file is 3072 MB" "$work/huge.out" || fail "a 3 GB model: no located finding"
grep -q "2 models checked" "$work/huge.out" || fail "a 3 GB model stopped the other files being checked"
rm -f "$work/huge.yaml"
check
mkfifo "$work/pipe.yaml"
run fifo 5 check "$work/pipe.yaml"
[ "$code" -eq 2 ] || fail "a FIFO: exit $code, want 2"
grep -q "not a regular file" "$work/fifo.err" || fail "a FIFO: no reason given"

# 6. Control characters never reach the terminal, even with --color never.
check
printf 'logic_model: 1\ntitle: "\\e]0;pwned\\a\\e[31mred"\nactivities:\n  - {id: a, label: "x\\e[2Jy\\r", to: ["\\e[31mzz"]}\n# \033[41m raw escape in a comment\n' >"$work/escapes.yaml"
run escapes 10 check --color never "$work/escapes.yaml"
run escapes-github 10 check --format github "$work/escapes.yaml"
run escapes-diff 10 diff examples/ehch-care-homes.yaml "$work/escapes.yaml"
run escapes-md 10 diff --format markdown examples/ehch-care-homes.yaml "$work/escapes.yaml"
no_controls "$work/escapes.out" "$work/escapes-github.out" "$work/escapes-diff.out" "$work/escapes-md.out"
grep -q 'x1b\[31mzz' "$work/escapes.out" || fail "the escape is not shown as \\x1b"

# 7 and 8. Text renders literally and the SVG stays well-formed; "\0" is a finding, never output.
check
printf 'logic_model: 1\ntitle: "t\\x01"\nactivities:\n  - {id: a, label: "bell\\a esc\\e[1m &#xD800; &#1; &amp; <b>", detail: "tab\\there &#xD800; \\x01", to: [o]}\noutputs:\n  - {id: o, label: "&#x41; a\\0b"}\nassumptions:\n  - {id: x, text: "&#1; \\e", about: [a]}\n' >"$work/literal.yaml"
run literal-check 10 check "$work/literal.yaml"
grep -q "literal.yaml:6:20: error: the label of output 'o' holds a NUL character" "$work/literal-check.out" ||
  fail "a NUL in a label is not a located invalid-value finding"
for fmt in svg pdf png dot; do
  run "literal-$fmt" 20 render "$work/literal.yaml" -o "$work/literal.$fmt"
  [ "$code" -eq 1 ] || fail "render $fmt of a model with a NUL: exit $code, want 1 (drawn, with an error)"
  [ "$(tr -dc '\000' <"$work/literal.$fmt" | wc -c)" -eq 0 ] || [ "$fmt" = png ] || [ "$fmt" = pdf ] ||
    fail "the $fmt output carries a NUL"
done
no_controls "$work/literal.svg" "$work/literal.dot"
xmllint --noout "$work/literal.svg" || fail "the SVG of control characters and character references is not well-formed"
grep -q '&amp;#xD800; &amp;#1; &amp;amp; &lt;b&gt;' "$work/literal.svg" || fail "character references are not shown as written"
grep -q 'xlink:title="&amp;#x41; ab"' "$work/literal.svg" || fail "a tooltip decodes character references"
run literal-export 10 export "$work/literal.yaml"
no_controls "$work/literal-export.out"

# 9. An unreadable directory in a walk is reported (exit 2), the rest still checked.
if command -v setpriv >/dev/null && [ "$(id -u)" -eq 0 ]; then as_nobody=(setpriv --reuid=65534 --regid=65534 --clear-groups); else as_nobody=(); fi
check
mkdir -p "$work/walk/ok" "$work/walk/locked"
cp examples/ehch-care-homes.yaml "$work/walk/ok/"
cp examples/broken/cycle.yaml "$work/walk/locked/"
chmod 755 "$work/walk" "$work/walk/ok"
chmod 644 "$work/walk/ok/ehch-care-homes.yaml"
chmod 000 "$work/walk/locked"
if [ "$(id -u)" -ne 0 ] || [ ${#as_nobody[@]} -gt 0 ]; then
  timeout 10 "${as_nobody[@]}" "$lmc" check "$work/walk" >"$work/walk.out" 2>"$work/walk.err"
  code=$?
  [ "$code" -eq 2 ] || fail "a walk over an unreadable directory: exit $code, want 2"
  grep -q "locked': cannot be read" "$work/walk.err" || fail "the unreadable directory is not named: $(cat "$work/walk.err")"
fi
chmod 755 "$work/walk/locked"

# 10. .lmc.yaml: not above the repository's root, not another user's that anyone may change.
check
mkdir -p "$work/shared/repo/.git" "$work/shared/repo/models"
printf 'rules: {cycle: off}\n' >"$work/shared/.lmc.yaml"
cp examples/broken/cycle.yaml "$work/shared/repo/models/"
run config-root 10 check "$work/shared/repo/models"
grep -q "\[cycle\]" "$work/config-root.out" || fail "a .lmc.yaml above the repository's root turned a rule off"
if [ "$(id -u)" -eq 0 ]; then
  check
  mkdir -p "$work/other"
  cp examples/broken/cycle.yaml "$work/other/"
  printf 'rules: {cycle: off}\n' >"$work/other/.lmc.yaml"
  chown 65534 "$work/other/.lmc.yaml"
  chmod 666 "$work/other/.lmc.yaml"
  run config-owner 10 check "$work/other"
  grep -q "\[cycle\]" "$work/config-owner.out" || fail "another user's world-writable .lmc.yaml was used"
  grep -q "ignoring .*another user owns it" "$work/config-owner.err" || fail "the ignored .lmc.yaml is not mentioned"
fi

# 11. Rename matching is linear: 40,000 activities renamed in one go.
check
python3 - "$work" <<'PY'
import sys
for side, prefix in (("old", "o"), ("new", "n")):
    with open(f"{sys.argv[1]}/{side}-many.yaml", "w") as f:
        f.write("logic_model: 1\ntitle: T\nactivities:\n")
        for i in range(40000):
            f.write(f"  - {{id: {prefix}-{i}, label: Activity number {i}}}\n")
PY
run renames 30 diff --format json "$work/old-many.yaml" "$work/new-many.yaml"
[ "$code" -eq 1 ] || fail "40,000 renames: exit $code, want 1"
[ "$(grep -c '"change": "item-renamed"' "$work/renames.out")" -eq 40000 ] || fail "40,000 renames: not all found"

# A model that names devices and a FIFO as its work streams: refused at once (never read, never
# waited on), each a located missing-model finding.
check
mkdir -p "$work/devices"
mkfifo "$work/devices/fifo.yaml"
printf 'logic_model: 1\ntitle: H\nactivities:\n  - {id: a, label: A, model: ../../../../../../../../dev/zero, to: [fifo.yaml#x, ../../../../../../../../dev/urandom#y]}\n' >"$work/devices/h.yaml"
timeout 10 "$lmc" check -q "$work/devices/h.yaml" >"$work/out" 2>&1
code=$?
[ "$code" -eq 1 ] || fail "a model naming devices as models: exit $code, want 1: $(cat "$work/out")"
[ "$(grep -c 'missing-model' "$work/out")" -eq 3 ] || fail "each device or FIFO is one missing-model: $(cat "$work/out")"

echo "hostile: $checks checks, $failures failed"
echo "$((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
