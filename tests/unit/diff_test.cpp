// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <set>

#include <sstream>

#include "expectations.h"
#include "lmc/diff.h"
#include "lmc/load.h"
#include "lmc/render.h"

using namespace lmc;
using namespace lmc::test;

namespace {

const std::string kBase = R"(logic_model: 1
title: Frailty
version: "1.0"
resources:
  - {id: funding, label: Funding, to: [huddles]}
activities:
  - id: huddles
    label: Daily MDT huddles
    detail: Every weekday at 8:30
    to: [care-plans]
outputs:
  - {id: care-plans, label: Care plans agreed, to: [fewer-crises]}
outcomes:
  - id: fewer-crises
    label: Fewer crises
    term: short
    indicators:
      - {label: Crisis calls, source: CSDS, baseline: 310, target: 250, due: 2018-03-31}
    to: [at-home]
impacts:
  - {id: at-home, label: People live well at home}
assumptions:
  - id: gps-code
    text: GPs code frailty
    about: ["huddles -> care-plans"]
    test: {method: Audit, due: 2018-01-31}
external_factors:
  - {id: winter, text: Winter pressures, affects: [fewer-crises]}
)";

// "kind item before after" for each change, nulls as "-".
std::vector<std::string> changes(const std::string& before, const std::string& after) {
  const LoadResult a = load_model("old.yaml", before), b = load_model("new.yaml", after);
  REQUIRE(a.usable);
  REQUIRE(b.usable);
  const ChangeSet cs = diff_models(a.model, b.model, {}, {});
  std::vector<std::string> out;
  for (const Change& c : cs.changes) {
    out.push_back(c.kind + " " + c.item + " " + c.before.value_or("-") + " " +
                  c.after.value_or("-"));
  }
  return out;
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("the same theory written differently is no change") {
  CHECK(changes(kBase, kBase).empty());
  // Comments, key order, item order, flow versus block, `to` versus `from`.
  const std::string rewritten = R"(# the same model, rewritten
logic_model: 1
version: '1.0'
title: Frailty
external_factors: [{id: winter, affects: [fewer-crises], text: Winter pressures}]
impacts: [{label: People live well at home, id: at-home}]
outcomes:
  - {id: fewer-crises, term: short, label: Fewer crises, to: at-home,
     indicators: [{target: 250, label: Crisis calls, baseline: 310, source: CSDS, due: 2018-03-31}]}
outputs:
  - id: care-plans
    label: Care plans agreed
    from: [huddles]   # the link written from the other end
    to: [fewer-crises]
activities:
  - id: huddles
    detail: Every weekday at 8:30
    label: Daily MDT huddles
resources:
  - id: funding
    label: Funding
    to: huddles
assumptions:
  - test: {due: 2018-01-31, method: Audit}
    about: ["huddles->care-plans"]
    id: gps-code
    text: GPs code frailty
)";
  CHECK(changes(kBase, rewritten).empty());
}

TEST_CASE("a rename is one change, and carries its links and attachments") {
  std::string renamed = kBase;
  renamed = replace(renamed, "id: huddles", "id: mdt-huddles");
  renamed = replace(renamed, "to: [huddles]", "to: [mdt-huddles]");
  renamed = replace(renamed, "\"huddles -> care-plans\"", "\"mdt-huddles -> care-plans\"");
  renamed = replace(renamed, "label: Daily MDT huddles", "label: daily  mdt HUDDLES");
  CHECK(changes(kBase, renamed) ==
        V{"item-renamed mdt-huddles huddles mdt-huddles",
          "label-changed mdt-huddles Daily MDT huddles daily  mdt HUDDLES"});
}

TEST_CASE("a new id with another label is a removal and an addition") {
  std::string other = replace(kBase, "id: huddles\n    label: Daily MDT huddles",
                              "id: huddles2\n    label: Weekly huddles");
  other = replace(other, "to: [huddles]", "to: [huddles2]");
  other = replace(other, "\"huddles -> care-plans\"", "\"huddles2 -> care-plans\"");
  CHECK(changes(kBase, other) ==
        V{"item-removed huddles Daily MDT huddles -", "item-added huddles2 - Weekly huddles",
          "link-removed funding -> huddles - -", "link-removed huddles -> care-plans - -",
          "link-added funding -> huddles2 - -", "link-added huddles2 -> care-plans - -",
          "assumption-about-changed gps-code huddles -> care-plans huddles2 -> care-plans"});
}

TEST_CASE("item changes: label, detail, stage, term") {
  CHECK(changes(kBase, replace(kBase, "label: Care plans agreed", "label: Plans agreed")) ==
        V{"label-changed care-plans Care plans agreed Plans agreed"});
  CHECK(changes(kBase, replace(kBase, "    detail: Every weekday at 8:30\n", "")) ==
        V{"detail-changed huddles Every weekday at 8:30 -"});
  CHECK(changes(kBase, replace(kBase, "term: short", "term: medium")) ==
        V{"term-changed fewer-crises short medium"});
  // An output becomes an outcome: same id, another stage.
  std::string moved = replace(
      kBase, "outputs:\n  - {id: care-plans, label: Care plans agreed, to: [fewer-crises]}\n", "");
  moved = replace(moved, "outcomes:\n",
                  "outcomes:\n  - {id: care-plans, label: Care plans agreed, term: short, "
                  "indicators: [{label: P}], to: [fewer-crises]}\n");
  const auto moved_changes = changes(kBase, moved);
  REQUIRE(moved_changes.size() >= 1);
  CHECK(moved_changes[0] == "stage-changed care-plans output outcome");
}

TEST_CASE("indicators: added, removed, and changed field by field") {
  CHECK(changes(kBase, replace(kBase, "target: 250", "target: 240")) ==
        V{"indicator-changed fewer-crises 'Crisis calls' target: 250 'Crisis calls' target: 240"});
  CHECK(changes(kBase, replace(kBase, "source: CSDS, ", "")) ==
        V{"indicator-changed fewer-crises 'Crisis calls' source: CSDS -"});
  // With two indicators, the change names the one that changed: by its id where it has one.
  const std::string two =
      replace(kBase, "      - {label: Crisis calls",
              "      - {id: falls, label: Falls, target: 10}\n      - {label: Crisis calls");
  CHECK(changes(two, replace(two, "target: 10", "target: 8")) ==
        V{"indicator-changed fewer-crises falls target: 10 falls target: 8"});
  CHECK(changes(kBase, replace(kBase, "      - {label: Crisis calls",
                               "      - {label: Falls}\n      - {label: Crisis calls")) ==
        V{"indicator-added fewer-crises - Falls"});
  CHECK(changes(replace(kBase, "      - {label: Crisis calls",
                        "      - {label: Falls}\n      - {label: Crisis calls"),
                kBase) == V{"indicator-removed fewer-crises Falls -"});
}

TEST_CASE("owner, tags and evidence are part of the theory too") {
  CHECK(
      changes(kBase,
              replace(kBase, "label: Daily MDT huddles",
                      "label: Daily MDT huddles\n    owner: Ward lead\n    tags: [mdt, daily]")) ==
      V{"owner-changed huddles - Ward lead", "tags-changed huddles - daily, mdt"});
  CHECK(changes(kBase, replace(kBase, "    test: {method: Audit",
                               "    evidence: [Pilot audit 2017]\n    test: {method: Audit")) ==
        V{"assumption-evidence-changed gps-code - Pilot audit 2017"});
  // The order of tags is no change.
  const std::string tagged = replace(kBase, "label: Daily MDT huddles",
                                     "label: Daily MDT huddles\n    tags: [mdt, daily]");
  CHECK(changes(tagged, replace(tagged, "[mdt, daily]", "[daily, mdt]")).empty());
}

TEST_CASE("links added and removed") {
  CHECK(changes(kBase, replace(kBase, "to: [at-home]", "to: []")) ==
        V{"link-removed fewer-crises -> at-home - -"});
  CHECK(changes(kBase, replace(kBase, "to: [care-plans]", "to: [care-plans, fewer-crises]")) ==
        V{"link-added huddles -> fewer-crises - -"});
}

TEST_CASE("assumptions: added, removed, text, status, about, test") {
  CHECK(changes(kBase, replace(kBase, "text: GPs code frailty", "text: GPs code frailty well")) ==
        V{"assumption-text-changed gps-code GPs code frailty GPs code frailty well"});
  CHECK(changes(kBase, replace(kBase, "    test: {method: Audit",
                               "    status: holds\n    test: {method: Audit")) ==
        V{"assumption-status-changed gps-code untested holds"});
  CHECK(changes(kBase, replace(kBase, "about: [\"huddles -> care-plans\"]", "about: [huddles]")) ==
        V{"assumption-about-changed gps-code huddles -> care-plans huddles"});
  CHECK(changes(kBase, replace(kBase, "due: 2018-01-31", "due: 2018-06-30")) ==
        V{"assumption-test-changed gps-code method: Audit; due: 2018-01-31 method: Audit; due: "
          "2018-06-30"});
  const std::string more =
      replace(kBase, "external_factors:",
              "  - {id: staff, text: Staff attend, about: [huddles]}\nexternal_factors:");
  CHECK(changes(kBase, more) == V{"assumption-added staff - Staff attend"});
  CHECK(changes(more, kBase) == V{"assumption-removed staff Staff attend -"});
}

TEST_CASE("external factors and metadata") {
  CHECK(changes(kBase, replace(kBase, "text: Winter pressures", "text: Winter")) ==
        V{"factor-changed winter Winter pressures Winter"});
  CHECK(changes(kBase, replace(kBase, "affects: [fewer-crises]", "affects: [at-home]")) ==
        V{"factor-changed winter affects: fewer-crises affects: at-home"});
  CHECK(changes(kBase, replace(kBase,
                               "external_factors:\n  - {id: winter, text: Winter pressures, "
                               "affects: [fewer-crises]}\n",
                               "")) == V{"factor-removed winter Winter pressures -"});
  CHECK(
      changes(kBase, replace(kBase, "version: \"1.0\"", "version: \"1.1\"\nupdated: 2018-02-01")) ==
      V{"metadata-changed version 1.0 1.1", "metadata-changed updated - 2018-02-01"});
}

TEST_CASE("findings introduced and resolved are compared by rule and item, not line") {
  const std::string broken = replace(kBase, "to: [at-home]", "to: []");
  const LoadResult a = load_model("old.yaml", kBase), b = load_model("new.yaml", "\n\n" + broken);
  const auto fa = check(a, CheckOptions{{}, kToday}), fb = check(b, CheckOptions{{}, kToday});
  const ChangeSet cs = diff_models(a.model, b.model, fa, fb);
  // The outcome now leads nowhere, and nothing reaches the impact.
  std::set<std::pair<std::string, std::string>> introduced, resolved;
  for (const auto& d : cs.introduced) introduced.emplace(d.rule, d.item);
  CHECK(introduced ==
        std::set<std::pair<std::string, std::string>>{{"stranded-outcome", "fewer-crises"},
                                                      {"unsupported-outcome", "at-home"}});
  CHECK(cs.resolved.empty());  // the overdue test moved two lines down: not new, not resolved
  const ChangeSet back = diff_models(b.model, a.model, fb, fa);
  CHECK(back.introduced.empty());
  for (const auto& d : back.resolved) resolved.emplace(d.rule, d.item);
  CHECK(resolved == introduced);
}

TEST_CASE("the JSON report has the documented shape") {
  const LoadResult a = load_model("old.yaml", kBase);
  const LoadResult b = load_model("new.yaml", replace(kBase, "term: short", "term: long"));
  const ChangeSet cs = diff_models(a.model, b.model, {}, {});
  std::ostringstream out;
  write_diff_json(out, cs, "HEAD~1:m.yaml", "m.yaml");
  CHECK(out.str() ==
        "{\n  \"version\": 1,\n  \"old\": \"HEAD~1:m.yaml\",\n  \"new\": \"m.yaml\",\n"
        "  \"changes\": [\n    {\n      \"change\": \"term-changed\",\n"
        "      \"item\": \"fewer-crises\",\n      \"before\": \"short\",\n"
        "      \"after\": \"long\"\n    }\n  ],\n"
        "  \"findings\": {\n    \"introduced\": [],\n    \"resolved\": []\n  },\n"
        "  \"summary\": {\n    \"added\": 0,\n    \"removed\": 0,\n    \"changed\": 1\n  }\n}\n");
}

TEST_CASE("an item without an id takes no part in the diff or the visual diff (issue 9)") {
  const std::string before_text =
      "logic_model: 1\ntitle: T\nresources: [{label: Money, to: [act]}]\n"
      "activities: [{id: act, label: Act}]\n";
  const std::string after_text = "logic_model: 1\ntitle: T\nactivities: [{id: act, label: Act}]\n";
  const LoadResult before = load_model("old.yaml", before_text);
  const LoadResult after = load_model("new.yaml", after_text);
  const ChangeSet cs = diff_models(before.model, after.model, {}, {});
  CHECK(cs.changes.empty());
  const Decorations d = diff_decorations(before.model, after.model, cs);
  CHECK(d.ghost_links.empty());
  // A change naming a link that is not "a -> b" is skipped, not dereferenced.
  ChangeSet odd;
  odd.changes.push_back(Change{"link-removed", " -> act", std::nullopt, std::nullopt, "links"});
  odd.changes.push_back(Change{"link-added", "act -> ", std::nullopt, std::nullopt, "links"});
  const Decorations e = diff_decorations(before.model, after.model, odd);
  CHECK(e.ghost_links.empty());
  CHECK(e.links.empty());
  CHECK_FALSE(render_dot(to_dot(after.model, e), RenderOptions{}).data.empty());
}
