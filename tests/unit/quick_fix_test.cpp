// SPDX-License-Identifier: Apache-2.0
// Quick fixes: each offered fix, applied as edit operations, makes its finding go, and a
// finding whose fix needs more than a choice offers none.
#include <catch2/catch.hpp>

#include <algorithm>

#include "expectations.h"
#include "lmc/edit.h"
#include "lmc/load.h"
#include "lmc/quick_fix.h"

using namespace lmc;
using namespace lmc::test;

namespace {

const std::string kModel = R"(logic_model: 1
title: Falls
# Written by the workshop before anyone edited on the page.
resources:
  - id: staff
    label: Physiotherapists
    to: [classes]
  - id: hall
    label: Community hall
activities:
  - id: classes
    label: Strength and balance classes
    to: [attended]
  - id: visits
    label: Home hazard visits
outputs:
  - id: attended
    label: Classes attended
    to: [fewer-falls]
  - id: leaflets
    label: Leaflets given out
outcomes:
  - id: fewer-falls
    label: Fewer falls
    term: short
    to: [independence]
    indicators:
      - label: Falls per 1,000 residents
  - id: independence
    label: Living independently for longer
    indicators:
      - label: Residents at home after a year
  - id: confidence
    label: Confidence walking outdoors
    term: long
    indicators:
      - label: Falls efficacy scale
)";

const Diagnostic* finding(const std::vector<Diagnostic>& all, std::string_view rule,
                          std::string_view item) {
  for (const Diagnostic& d : all) {
    if (d.rule == rule && d.item == item) return &d;
  }
  return nullptr;
}

// The fixes for (rule, item) in kModel, each applied on its own: the finding goes.
void every_fix_clears(std::string_view rule, std::string_view item, std::size_t at_least) {
  CAPTURE(rule, item);
  const LoadResult loaded = load_model("model.yaml", kModel);
  const auto before = check_text(kModel);
  const Diagnostic* d = finding(before, rule, item);
  REQUIRE(d);
  const auto fixes = quick_fixes(loaded.model, *d);
  REQUIRE(fixes.size() >= at_least);
  for (QuickFix fix : fixes) {
    CAPTURE(fix.title);
    if (!fix.ask.empty()) fix.ops[0].label = "Asked of the person";
    const EditResult r = apply_edits(kModel, fix.ops);
    REQUIRE(r.ok);
    CHECK(r.text.find("# Written by the workshop before anyone edited on the page.") !=
          std::string::npos);
    CHECK_FALSE(finding(check_text(r.text), rule, item));
  }
}

}  // namespace

TEST_CASE("a box the chain leaves unconnected is offered a link to each box it could join") {
  every_fix_clears("unused-resource", "hall", 2);
  every_fix_clears("unlinked-activity", "visits", 2);
  every_fix_clears("unproduced-output", "leaflets", 2);
  every_fix_clears("orphan-output", "leaflets", 3);
  every_fix_clears("unsupported-outcome", "confidence", 3);
}

TEST_CASE("a link already there is not offered again, and the title names the box") {
  const LoadResult loaded = load_model("model.yaml", kModel);
  const auto all = check_text(kModel);
  const Diagnostic* d = finding(all, "unsupported-outcome", "confidence");
  REQUIRE(d);
  const auto fixes = quick_fixes(loaded.model, *d);
  std::vector<std::string> titles;
  for (const QuickFix& f : fixes) titles.push_back(f.title);
  // Outputs and the outcomes of an earlier term that an activity reaches; not the long-term
  // outcome itself, nor the leaflets nothing produces.
  CHECK(titles == std::vector<std::string>{"Link 'Classes attended' to it",
                                           "Link 'Fewer falls' to it",
                                           "Link 'Living independently for longer' to it"});
}

TEST_CASE("an outcome without a term is offered the three terms") {
  every_fix_clears("missing-term", "independence", 3);
}

TEST_CASE("an outcome without an indicator asks for the indicator's label") {
  const std::string text = kModel.substr(0, kModel.find("      - label: Falls efficacy scale")) +
                           "    detail: no indicator yet\n";
  const std::string model = [&] {
    std::string t = text;
    const auto at = t.find("    indicators:\n    detail");
    REQUIRE(at != std::string::npos);
    t.erase(at, std::string("    indicators:\n").size());
    return t;
  }();
  const LoadResult loaded = load_model("model.yaml", model);
  const auto all = check_text(model);
  const Diagnostic* d = finding(all, "unmeasured-outcome", "confidence");
  REQUIRE(d);
  auto fixes = quick_fixes(loaded.model, *d);
  REQUIRE(fixes.size() == 1);
  CHECK(fixes[0].ask == "the indicator's label");
  CHECK(fixes[0].ops[0].op == "add-indicator");
  // Without the label the operation is refused, by name.
  CHECK_FALSE(apply_edits(model, fixes[0].ops).ok);
  fixes[0].ops[0].label = "Falls efficacy scale";
  const EditResult r = apply_edits(model, fixes[0].ops);
  REQUIRE(r.ok);
  CHECK_FALSE(finding(check_text(r.text), "unmeasured-outcome", "confidence"));
}

TEST_CASE("a finding whose fix needs a person offers none") {
  const LoadResult loaded = load_model("model.yaml", kModel);
  Diagnostic d;
  d.rule = "long-label";
  d.item = "classes";
  CHECK(quick_fixes(loaded.model, d).empty());
  d.rule = "unused-resource";
  d.item = "no-such-box";
  CHECK(quick_fixes(loaded.model, d).empty());
  d.item = "";
  CHECK(quick_fixes(loaded.model, d).empty());
  // The rule's own box, not another stage's: a resource fix asked of an activity is none.
  d.item = "visits";
  CHECK(quick_fixes(loaded.model, d).empty());
}

TEST_CASE("operations written as JSON read back as the same operations") {
  std::vector<EditOp> ops(4);
  ops[0].op = "add";
  ops[0].section = "outputs";
  ops[0].id = "leaflets";
  ops[0].label = "Leaflets \"given\" out\n";
  ops[0].links = {"fewer-falls", "independence"};
  ops[1].op = "link";
  ops[1].from = "a";
  ops[1].to = "b";
  ops[2].op = "add-assumption";
  ops[2].text = "Classes work";
  ops[2].links = {"classes -> attended"};
  ops[2].evidence = {"Cochrane review"};
  ops[3].op = "set";
  ops[3].id = "x";
  ops[3].field = "evidence";
  ops[3].value_list = {"audit", "survey"};
  const std::string json = edit_ops_json(ops);
  std::string error;
  const auto back = parse_edit_ops(json, error);
  REQUIRE(back);
  INFO(json);
  CHECK(error.empty());
  REQUIRE(back->size() == 4);
  CHECK((*back)[0].label == ops[0].label);
  CHECK((*back)[0].links == ops[0].links);
  CHECK((*back)[1].from == "a");
  CHECK((*back)[1].to == "b");
  CHECK((*back)[2].links == ops[2].links);
  CHECK((*back)[2].evidence == ops[2].evidence);
  CHECK((*back)[3].value_list == ops[3].value_list);
  CHECK_FALSE((*back)[3].value);
}
