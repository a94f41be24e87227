#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# lmc render through the real binary and real tools: every example and a model of hostile
# labels render to SVG, PDF and PNG with no Graphviz message; the SVG is well-formed XML
# (xmllint) and page-sized; the PDF has one page of the chosen size (pdfinfo); the PNG is the
# page at the chosen dpi; output is the same bytes twice; the input model is never written
# over; a model with errors still renders (exit 1); an unreadable one does not (exit 2).
#   run_render_tests.sh LMC            (from the repository root)
set -u
lmc=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0 checks=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
check() { checks=$((checks + 1)); }

page_pts() {  # page orientation -> "W H" in PDF points as pdfinfo rounds them
  case "$1 $2" in
    "a4 landscape") echo "842 595" ;; "a4 portrait") echo "595 842" ;;
    "a3 landscape") echo "1191 842" ;; "a3 portrait") echo "842 1191" ;;
    "a5 landscape") echo "595 420" ;; "letter landscape") echo "792 612" ;;
    "letter portrait") echo "612 792" ;; "tabloid portrait") echo "792 1224" ;;
  esac
}

render_all() {  # model page orientation [flags...]
  local model=$1 page=$2 orient=$3
  shift 3
  local base
  base="$work/$(basename "$model" .yaml)-$page-$orient"
  for fmt in svg pdf png; do
    check
    "$lmc" render "$model" -o "$base.$fmt" --page "$page" "--$orient" "$@" 2>"$base.$fmt.err"
    local code=$?
    if [ "$code" -ne 0 ]; then fail "$model $fmt $page $orient: exit $code: $(cat "$base.$fmt.err")"; continue; fi
    # The page-overflow example is too large for A4, and drawn on A4 by flags lmc says so,
    # naming the page that fits; every other model draws without a word.
    if [ "$(basename "$model")" = page-overflow.yaml ] && [ "$page" = a4 ]; then
      grep -q "warning: .*below 7 pt.*at A3 the boxes print at" "$base.$fmt.err" ||
        fail "$model $fmt: no warning naming the page that fits: $(cat "$base.$fmt.err")"
    elif [ -s "$base.$fmt.err" ]; then fail "$model $fmt: printed: $(cat "$base.$fmt.err")"; fi
  done
  check
  xmllint --noout "$base.svg" || fail "$model: SVG is not well-formed"
  read -r w h <<<"$(page_pts "$page" "$orient")"
  check
  local size
  size=$(pdfinfo "$base.pdf" | sed -n 's/^Page size: *\([0-9.]*\) x \([0-9.]*\) pts.*/\1 \2/p')
  [ "$size" = "$w $h" ] || fail "$model: PDF page is '$size', want '$w $h' ($page $orient)"
  check
  [ "$(pdfinfo "$base.pdf" | sed -n 's/^Pages: *//p')" = 1 ] || fail "$model: PDF has more than one page"
  check
  local px
  # Width and height are the big-endian words at bytes 16 and 20 of the PNG header.
  px=$(od -An -tu1 -j16 -N8 "$base.png" |
       awk '{print $1*16777216 + $2*65536 + $3*256 + $4, $5*16777216 + $6*65536 + $7*256 + $8}')
  local want_px
  want_px="$(( (w * 150 + 36) / 72 )) $(( (h * 150 + 36) / 72 ))"
  # pdfinfo rounds to whole points; allow a pixel either way.
  read -r pw ph <<<"$px"
  read -r ww wh <<<"$want_px"
  { [ $((pw - ww)) -ge -2 ] && [ $((pw - ww)) -le 2 ] && [ $((ph - wh)) -ge -2 ] && [ $((ph - wh)) -le 2 ]; } ||
    fail "$model: PNG is $px pixels, want about $want_px"
}

for model in examples/*.yaml tests/render/hostile.yaml; do
  render_all "$model" a4 landscape
done
render_all examples/pacs-frailty.yaml a3 portrait
render_all examples/mcp-neighbourhood.yaml letter landscape
render_all examples/broken/page-overflow.yaml a4 landscape
render_all examples/ehch-care-homes.yaml a5 landscape --annotate

# Same model, same bytes.
for fmt in svg pdf png; do
  check
  "$lmc" render examples/ehch-care-homes.yaml -o "$work/a.$fmt" 2>/dev/null
  "$lmc" render examples/ehch-care-homes.yaml -o "$work/b.$fmt" 2>/dev/null
  cmp -s "$work/a.$fmt" "$work/b.$fmt" || fail "$fmt output differs between two runs"
done

# The model is never written over, whatever the output is called.
cp examples/urgent-care-spa.yaml "$work/model.svg"
cp "$work/model.svg" "$work/before"
check
"$lmc" render "$work/model.svg" -o "$work/model.svg" --format svg 2>"$work/err"
[ $? -eq 2 ] || fail "rendering over the model did not exit 2"
cmp -s "$work/model.svg" "$work/before" || fail "the model was changed"
grep -q "lmc never writes over its input" "$work/err" || fail "no clear message when refusing: $(cat "$work/err")"
ln -s "$work/model.svg" "$work/link.svg"
check
"$lmc" render "$work/model.svg" -o "$work/link.svg" 2>/dev/null
[ $? -eq 2 ] && cmp -s "$work/model.svg" "$work/before" || fail "a link to the model was written through"

# Written atomically: no temporary file is left, and a failed render leaves the old file.
check
ls -A "$work" | grep -q '\.lmc-' && fail "a temporary file was left behind"
echo "old" >"$work/keep.svg"
"$lmc" render examples/broken/yaml-syntax.yaml -o "$work/keep.svg" 2>/dev/null
code=$?
check
[ "$code" -eq 2 ] || fail "an unreadable model did not exit 2 (got $code)"
[ "$(cat "$work/keep.svg")" = old ] || fail "a failed render touched the output"

# A model with errors still renders what can be drawn, says so, and exits 1.
check
"$lmc" render examples/broken/unknown-reference.yaml -o "$work/partial.svg" 2>"$work/err"
code=$?
[ "$code" -eq 1 ] || fail "a model with errors did not exit 1 (got $code)"
[ -s "$work/partial.svg" ] || fail "a model with errors was not drawn"
grep -q "has 1 error" "$work/err" || fail "no word on stderr about the errors: $(cat "$work/err")"

# Standard output, and formats that cannot be guessed.
check
"$lmc" render examples/ehch-care-homes.yaml -o - --format svg | xmllint --noout - || fail "-o - did not write SVG"
check
"$lmc" render examples/ehch-care-homes.yaml -o "$work/x.jpeg" 2>/dev/null
[ $? -eq 2 ] || fail "an unknown extension did not exit 2"

# The visual diff: the new model with ghosts of what was removed, on one page.
check
"$lmc" diff tests/diff/old.yaml tests/diff/new.yaml -q --render "$work/diff.svg" 2>"$work/err"
[ $? -eq 1 ] || fail "diff --render did not exit 1: $(cat "$work/err")"
xmllint --noout "$work/diff.svg" || fail "the visual diff is not well-formed"
grep -q 'class="node box removed"' "$work/diff.svg" || fail "the visual diff has no ghost of what was removed"
check
"$lmc" diff tests/diff/old.yaml tests/diff/new.yaml -q --render "$work/diff.pdf" 2>/dev/null
[ "$(pdfinfo "$work/diff.pdf" | sed -n 's/^Pages: *//p')" = 1 ] || fail "the visual diff PDF is not one page"


# The layout as printed (svg_layout.py reads it from the SVG): headers in one row, the boxes
# of a column on one edge and of one width, and box text at 10 pt or more for the examples on
# A4 landscape, 7 pt or more on A4 portrait and for every test model page-overflow passes.
layout() {  # min-pt svg...
  check
  python3 "$(dirname "$0")/svg_layout.py" --min "$@" >"$work/layout.out" || fail "$(grep FAIL "$work/layout.out")"
}
for model in examples/*.yaml; do
  name=$(basename "$model" .yaml)
  "$lmc" render "$model" -o "$work/$name-land.svg" --page a4 --landscape 2>/dev/null
  "$lmc" render "$model" -o "$work/$name-port.svg" --page a4 --portrait 2>/dev/null
  layout 10 "$work/$name-land.svg"
  layout 7 "$work/$name-port.svg"
done
for model in tests/rules/*.yaml examples/broken/*.yaml tests/render/*.yaml; do
  name=$(basename "$model" .yaml)
  "$lmc" check -q --fail-on never "$model" >/dev/null 2>&1
  "$lmc" render "$model" -o "$work/t-$name.svg" 2>/dev/null || true
  [ -s "$work/t-$name.svg" ] || continue  # not a model lmc can draw (a syntax error, say)
  if "$lmc" check --format json "$model" 2>/dev/null | grep -q '"rule": "page-overflow"'; then
    layout 0 "$work/t-$name.svg"
  else
    layout 7 "$work/t-$name.svg"
  fi
done

# --annotate numbers what has a finding and lists the findings; a misordered link is drawn,
# dashed, against the flow; --indicators shows indicators under the labels.
check
"$lmc" render examples/broken/misordered-link.yaml -o "$work/mis.svg" --annotate 2>/dev/null
grep -q 'class="edge link misordered"' "$work/mis.svg" || fail "the misordered link is not drawn"
grep -q 'class="node findings"' "$work/mis.svg" || fail "--annotate listed no findings"
grep -q 'misordered&#45;link' "$work/mis.svg" || fail "--annotate did not list the finding"
check
"$lmc" render examples/broken/unlinked-activity.yaml -o "$work/unl.svg" --annotate 2>/dev/null
grep -q 'class="node marker"' "$work/unl.svg" || fail "--annotate drew no marker on the item"
check
"$lmc" render examples/ehch-care-homes.yaml -o "$work/ind.svg" --indicators 2>/dev/null
# The baseline, arrow and target stay on one line ("420 → 360 by"), the date may follow on the next.
grep -q '420 → 360 by' "$work/ind.svg" && grep -q '2018&#45;03&#45;31' "$work/ind.svg" ||
  fail "--indicators did not show baseline → target by due"

# The drawing remembers its box order, and a render over it keeps that order.
check
"$lmc" render examples/mcp-neighbourhood.yaml -o "$work/memo.svg" 2>/dev/null
cp "$work/memo.svg" "$work/memo-before.svg"
"$lmc" render examples/mcp-neighbourhood.yaml -o "$work/memo.svg" 2>/dev/null
cmp -s "$work/memo.svg" "$work/memo-before.svg" || fail "a second render over the same file changed it"
for fmt in svg png pdf; do
  check
  "$lmc" render examples/mcp-neighbourhood.yaml -o "$work/memo.$fmt" 2>/dev/null
  grep -aq 'lmc-layout/1 \[' "$work/memo.$fmt" || fail "the $fmt output carries no layout memo"
done

# The pictures in docs/ are what lmc draws now (scripts/render-docs-images.sh redraws them).
for model in examples/*.yaml; do
  name=$(basename "$model" .yaml)
  check
  "$lmc" render "$model" -o "$work/docs-$name.svg" 2>/dev/null
  cmp -s "$work/docs-$name.svg" "docs/images/$name.svg" ||
    fail "docs/images/$name.svg is stale: run scripts/render-docs-images.sh"
done
check
"$lmc" render examples/pacs-frailty.yaml -o "$work/docs-portrait.svg" --portrait 2>/dev/null
cmp -s "$work/docs-portrait.svg" docs/images/pacs-frailty-portrait.svg ||
  fail "docs/images/pacs-frailty-portrait.svg is stale: run scripts/render-docs-images.sh"

# Outputs that are not plain files (issue #9): a device is written, never replaced; a symbolic
# link is written through and stays a link; a replaced file keeps its permissions; a
# directory is refused with a reason; a render killed at any moment leaves no temporary file.
model=examples/ehch-care-homes.yaml
if [ -w /dev/null ] && [ -c /dev/null ]; then
  check
  "$lmc" render "$model" -o /dev/null --format svg 2>"$work/err" || fail "rendering to /dev/null failed: $(cat "$work/err")"
  [ -c /dev/null ] || fail "/dev/null is no longer a device after lmc render -o /dev/null"
fi
check
mkfifo "$work/pipe"
cat "$work/pipe" >"$work/from-pipe" &
reader=$!
"$lmc" render "$model" -o "$work/pipe" --format svg 2>/dev/null || fail "rendering into a FIFO failed"
wait "$reader"
[ -p "$work/pipe" ] || fail "the FIFO was replaced"
xmllint --noout "$work/from-pipe" || fail "what came through the FIFO is not the SVG"
check
"$lmc" render "$model" -o "$work/through.svg" 2>/dev/null
chmod 640 "$work/through.svg"
ln -s through.svg "$work/to-through.svg"
"$lmc" render "$model" -o "$work/to-through.svg" --page a3 2>/dev/null || fail "rendering through a symlink failed"
[ -L "$work/to-through.svg" ] || fail "the symbolic link was replaced by a file"
grep -q "width=\"1190.55pt\"" "$work/through.svg" || fail "the file the link names was not rewritten: $(grep -o "<svg width=[^ ]*" "$work/through.svg")"
[ "$(stat -c %a "$work/through.svg")" = 640 ] || fail "the replaced file lost its permissions"
check
mkdir "$work/dir.svg"
"$lmc" render "$model" -o "$work/dir.svg" 2>"$work/err"
[ $? -eq 2 ] || fail "rendering onto a directory did not exit 2"
grep -q "is a directory" "$work/err" || fail "rendering onto a directory did not say so: $(cat "$work/err")"
grep -q "Success" "$work/err" && fail "an error said 'Success'"
check
mkdir "$work/killed"
for delay in 0.005 0.01 0.02 0.03 0.05 0.08 0.12; do
  "$lmc" render examples/broken/page-overflow.yaml -o "$work/killed/out.pdf" 2>/dev/null &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
done
leftovers=$(find "$work/killed" -name '*.tmp' | wc -l)
[ "$leftovers" -eq 0 ] || fail "a killed render left $leftovers temporary file(s)"

# A programme as a book: the programme, then each model its boxes detail, one page each; the
# drill-down boxes link to their pages; the work streams' links into the programme are drawn
# to stub boxes marked with the programme's title.
check
"$lmc" render examples/programme/programme.yaml -o "$work/book.pdf" --with-models 2>"$work/err" ||
  fail "the book did not render: $(cat "$work/err")"
[ -s "$work/err" ] && fail "the book printed: $(cat "$work/err")"
pages=$(pdfinfo "$work/book.pdf" | sed -n 's/^Pages: *//p')
[ "$pages" = 5 ] || fail "the book has $pages pages, not 5 (the programme and four work streams)"
check
pdftotext -f 1 -l 1 "$work/book.pdf" - | tr -s ' \n' ' ' | grep -q "Detailed on page 2" ||
  fail "the programme's page does not say where the care homes work stream is detailed"
pdftotext -f 2 -l 2 "$work/book.pdf" - | tr -s ' \n' ' ' | grep -q "Enhanced health in care homes" ||
  fail "page 2 is not the first work stream written in the programme"
[ "$(grep -ac '/Subtype /Link' "$work/book.pdf")" -ge 4 ] || fail "the drill-down boxes do not link to their pages"
check
# (pdftotext writes the "fi" of Northfield as a ligature)
[ "$(pdftotext -f 2 -l 2 "$work/book.pdf" - | grep -c '◂ in North.*eld')" -eq 3 ] ||
  fail "the care homes page does not mark its links into the programme with the programme's title"
check
mkdir "$work/svgbook"
"$lmc" render examples/programme/programme.yaml -o "$work/svgbook/programme.svg" --with-models 2>"$work/err" ||
  fail "the SVG book did not render: $(cat "$work/err")"
for f in programme programme-care-homes programme-frailty programme-urgent-care programme-workforce; do
  xmllint --noout "$work/svgbook/$f.svg" || fail "$f.svg is missing or not well-formed"
done
grep -q 'xlink:href="programme-care-homes.svg"' "$work/svgbook/programme.svg" ||
  fail "the programme's SVG does not link to the care homes SVG"
grep -q 'xlink:href="programme.svg#item-fewer-admissions"' "$work/svgbook/programme-care-homes.svg" ||
  fail "the care homes SVG does not link back to the programme"
grep -q 'class="node box stub' "$work/svgbook/programme-care-homes.svg" || fail "no stub box in the care homes SVG"
check
"$lmc" render examples/programme/programme.yaml -o "$work/book.png" --with-models 2>"$work/err"
[ $? -eq 2 ] || fail "--with-models to PNG did not exit 2"

echo "render: $checks checks, $failures failed"
echo "$((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
