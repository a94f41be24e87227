// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "expectations.h"

using namespace lmc;
using namespace lmc::test;

namespace {

const std::string kModel =
    "logic_model: 1\ntitle: T\n"
    "activities:\n"
    "  - id: idle\n"
    "    label: Idle\n"
    "    ignore: [unresourced-activity]\n"
    "  - {id: busy, label: Busy}\n";

}  // namespace

TEST_CASE("findings carry file, position, severity, rule, item, message and fix") {
  const auto diags = check_text(kModel);
  REQUIRE(diags.size() == 3);
  const Diagnostic& d = diags[0];
  CHECK(d.file == "model.yaml");
  CHECK(d.span == Span{4, 9, 4});
  CHECK(d.severity == Severity::warning);
  CHECK(d.rule == "unlinked-activity");
  CHECK(d.item == "idle");
  CHECK(d.message == "activity 'idle' leads nowhere: it links to no output or outcome");
  CHECK(d.suggestion.empty());
  // Sorted by line, column, then rule.
  CHECK(diags[1].span.line == 7);
  CHECK(diags[1].rule == "unlinked-activity");
  CHECK(diags[2].rule == "unresourced-activity");
  CHECK(diags[2].severity == Severity::info);
}

TEST_CASE("ignore: silences a rule for that item only") {
  const auto diags = check_text(kModel);
  for (const auto& d : diags) {
    CHECK_FALSE((d.item == "idle" && d.rule == "unresourced-activity"));
  }
}

TEST_CASE("the configuration changes severities and turns rules off") {
  RuleConfig rules;
  rules.overrides["unlinked-activity"] = Severity::error;
  rules.overrides["unresourced-activity"] = std::nullopt;
  const auto diags = check_text(kModel, rules);
  REQUIRE(diags.size() == 2);
  CHECK(diags[0].severity == Severity::error);
  CHECK(diags[1].severity == Severity::error);
}

TEST_CASE("one typo is one finding: no cascade downstream of an unknown reference") {
  const auto diags = check_text(
      "logic_model: 1\ntitle: T\n"
      "resources:\n  - {id: r, label: R, to: [a]}\n"
      "activities:\n  - {id: a, label: A, to: [o]}\n"
      "outputs:\n  - {id: o, label: O, to: [fewer-crisis]}\n"
      "outcomes:\n  - {id: fewer-crises, label: F, term: short, indicators: [{label: I, source: S, "
      "baseline: 1, target: 2, due: 2027-01-01}], to: "
      "[i]}\n"
      "impacts:\n  - {id: i, label: I}\n");
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].rule == "unknown-reference");
  CHECK(diags[0].span == Span{8, 28, 12});
  CHECK(diags[0].suggestion == "did you mean 'fewer-crises'?");
}

TEST_CASE("a misordered link is one finding, not also orphan and unsupported") {
  const auto diags = check_text(
      "logic_model: 1\ntitle: T\n"
      "resources:\n  - {id: r, label: R, to: [a]}\n"
      "activities:\n  - {id: a, label: A, to: [o]}\n"
      "outputs:\n  - {id: o, label: O}\n"
      "outcomes:\n  - {id: c, label: C, term: short, indicators: [{label: I, source: S, baseline: "
      "1, target: 2, due: 2027-01-01}], to: [o]}\n");
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].rule == "misordered-link");
  CHECK(diags[0].suggestion == "did you mean 'o -> c'? write `from` instead of `to`");
}

TEST_CASE("a duplicate id is reported at the second, with the first as related") {
  const auto diags = check_text(
      "logic_model: 1\ntitle: T\n"
      "resources:\n  - {id: r, label: R, to: [a]}\n"
      "activities:\n  - {id: a, label: A, to: [o]}\n"
      "outputs:\n  - {id: o, label: O, to: [c]}\n  - {id: a, label: Again, to: [c]}\n"
      "outcomes:\n  - {id: c, label: C, term: short, indicators: [{label: I, source: S, baseline: "
      "1, target: 2, due: 2027-01-01}]}\n");
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].rule == "duplicate-id");
  CHECK(diags[0].span == Span{9, 10, 1});
  CHECK(diags[0].message == "id 'a' is already used by the activity on line 6");
  REQUIRE(diags[0].related.size() == 1);
  CHECK(diags[0].related[0].span == Span{6, 10, 1});
}
