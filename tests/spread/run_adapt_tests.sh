#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# `lmc adapt` (issue #25) as a workshop starts an adaptation:
#   - the output checks without errors beside its blueprint, in another folder (adapts.model
#     relative to it), keeps every item, link and non-context assumption as they were, resets
#     every context assumption to untested with the origin's evidence as a note, and fills in
#     adapts (model, version) and --site in the title;
#   - an adaptation of an adaptation: one adapts (the parent), the parent's records gone;
#   - it never writes over a file, and a blueprint that cannot be read writes nothing;
#   - dropping a core item from the output is then core-dropped;
#   - the page marks the core components; render --lineage draws an adaptation against its
#     blueprint.
#   run_adapt_tests.sh LMC            (from anywhere)
set -u
lmc=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0 checks=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
check() { checks=$((checks + 1)); }
py=/usr/bin/python3
mkdir -p "$work/blueprints" "$work/sites"
cp "$root/tests/rules/spread/blueprint.yaml" "$root/tests/rules/spread/faithful.yaml" "$work/blueprints/"
cd "$work/sites" || exit 2

check
"$lmc" adapt ../blueprints/blueprint.yaml -o northfield.yaml --site 'Northfield "East"' 2>"$work/err" ||
  fail "adapt: exit $?: $(cat "$work/err")"
grep -q "wrote 'northfield.yaml'" "$work/err" || fail "adapt says nothing of what it wrote: $(cat "$work/err")"
check
"$lmc" check northfield.yaml >"$work/out" 2>&1
code=$?
[ "$code" = 0 ] && ! grep -q "error" "$work/out" || fail "the adaptation does not check: $(cat "$work/out")"
check
"$py" - ../blueprints/blueprint.yaml northfield.yaml <<'PY' || fail "the adaptation is not the blueprint adapted"
import sys, yaml
bp, site = (yaml.safe_load(open(p)) for p in sys.argv[1:3])
assert site["adapts"] == {"model": "../blueprints/blueprint.yaml", "version": "2.1"}, site["adapts"]
assert site["title"] == bp["title"] + ': Northfield "East"', site["title"]
assert site.get("adaptations") is None, site.get("adaptations")
for section in ("resources", "activities", "outputs", "outcomes", "impacts"):
    assert site[section] == bp[section], section
by_id = {a["id"]: a for a in site["assumptions"]}
for a in bp["assumptions"]:
    mine = by_id[a["id"]]
    if a.get("context"):
        assert mine["status"] == "untested", mine
        assert mine["evidence"] == ["Held at the origin (blueprint 2.1): " + e for e in a["evidence"]], mine
    else:
        assert mine == a, (mine, a)
PY
check
grep -q "^#     staff-pack, wards-return$" northfield.yaml && grep -q "^#     bags, pack-bag, ward-returns, bag-travels$" northfield.yaml ||
  fail "the comments do not name the context assumptions and the core components"

# A title with characters beyond ASCII takes the site as well (spans count characters, the
# text is bytes).
check
sed 's/^title: .*$/title: "Red bag — Sutton’s pathway"/' ../blueprints/blueprint.yaml >"$work/sutton.yaml"
"$lmc" adapt "$work/sutton.yaml" -o sutton-east.yaml --site Eastfield 2>"$work/err" &&
  grep -qx 'title: "Red bag — Sutton’s pathway: Eastfield"' sutton-east.yaml ||
  fail "a title beyond ASCII with --site: $(cat "$work/err") $(grep '^title' sutton-east.yaml 2>/dev/null)"

# An adaptation of an adaptation.
check
"$lmc" adapt ../blueprints/faithful.yaml -o east.yaml 2>/dev/null || fail "adapting an adaptation"
[ "$(grep -c '^adapts:' east.yaml)" = 1 ] && grep -q 'model: "../blueprints/faithful.yaml"' east.yaml &&
  ! grep -q "reason: Medicines errors" east.yaml || fail "an adaptation of an adaptation: $(grep -n -A2 '^adapts' east.yaml)"
"$lmc" check east.yaml >"$work/out" 2>&1 || fail "an adaptation of an adaptation does not check: $(cat "$work/out")"

# Never over a file; nothing from what cannot be read.
check
before=$(cat northfield.yaml)
"$lmc" adapt ../blueprints/blueprint.yaml -o northfield.yaml 2>"$work/err"
[ $? = 2 ] && [ "$(cat northfield.yaml)" = "$before" ] && grep -q "never writes over" "$work/err" ||
  fail "adapt wrote over a file: $(cat "$work/err")"
check
printf 'logic_model: 1\nactivities: [\n' >"$work/broken.yaml"
"$lmc" adapt "$work/broken.yaml" -o broken-site.yaml 2>"$work/err"
[ $? = 2 ] && [ ! -e broken-site.yaml ] && grep -q "cannot be adapted" "$work/err" ||
  fail "a broken blueprint: $(cat "$work/err")"
check
"$lmc" adapt "$work/none.yaml" -o none-site.yaml 2>/dev/null
[ $? = 2 ] && [ ! -e none-site.yaml ] || fail "a missing blueprint"
check
"$lmc" adapt ../blueprints/blueprint.yaml -o - | grep -q "^adapts:" || fail "adapt -o - writes nothing"

# The checks then hold the site to its blueprint.
check
grep -v "id: ward-returns" northfield.yaml | sed 's/to: \[pack-bag, ward-returns\]/to: [pack-bag]/' >dropped.yaml
"$lmc" check dropped.yaml >"$work/out" 2>&1
[ $? = 1 ] && grep -q "core component 'ward-returns'.*\[core-dropped\]" "$work/out" ||
  fail "a core item dropped from the adaptation: $(cat "$work/out")"

# The page marks the core components, on the blueprint and on its adaptations alike.
check
"$lmc" render northfield.yaml -o page.svg 2>/dev/null || fail "render the adaptation"
[ "$(grep -o '◆ core' page.svg | wc -l)" = 4 ] || fail "the page does not mark the 4 core components: $(grep -o '◆ core' page.svg | wc -l)"
"$lmc" render "$root/examples/mcp-neighbourhood.yaml" -o plain.svg 2>/dev/null
grep -q '◆ core' plain.svg && fail "a model without core items shows core marks"

# render --lineage: the adaptation against its blueprint, a dropped core item as a ghost.
check
"$lmc" render "$root/examples/broken/spread/riverside.yaml" --lineage -o lineage.svg 2>/dev/null
grep -q "removed: The ward sends the bag home with the resident" lineage.svg &&
  grep -q "changed" lineage.svg || fail "render --lineage shows no dropped or changed item"
"$lmc" render "$root/examples/broken/spread/riverside.yaml" -o no-lineage.svg 2>/dev/null
grep -q "ward sends" no-lineage.svg && fail "without --lineage the dropped item is drawn"
check
"$lmc" render "$root/examples/mcp-neighbourhood.yaml" --lineage -o x.svg 2>"$work/err"
[ $? = 2 ] && [ ! -e x.svg ] && grep -q "adapts no model" "$work/err" || fail "--lineage of a model that adapts none: $(cat "$work/err")"
"$lmc" render northfield.yaml --lineage --with-models -o y.pdf 2>/dev/null
[ $? = 2 ] && [ ! -e y.pdf ] || fail "--lineage with --with-models"

echo "adapt: $checks checks, $failures failures"
[ "$failures" -eq 0 ]
