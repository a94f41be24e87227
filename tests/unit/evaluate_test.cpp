// SPDX-License-Identifier: Apache-2.0
// lmc report's critical assumptions and path shares, and lmc trace's paths, on models worked
// by hand.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "expectations.h"
#include "lmc/evaluate.h"
#include "lmc/load.h"

using namespace lmc;

namespace {

struct Evaluated {
  LoadResult loaded;
  std::unique_ptr<Graph> graph;
  Evaluation e;
};

Evaluated evaluate_text(const std::string& body, const std::string& today = "") {
  Evaluated r{load_model("m.yaml", "logic_model: 1\ntitle: T\n" + body), nullptr, {}};
  REQUIRE(r.loaded.usable);
  r.graph = std::make_unique<Graph>(r.loaded.model);
  r.e = evaluate(r.loaded.model, *r.graph, today);
  return r;
}

// Share of paths by assumption id.
std::map<std::string, double> shares(const Evaluated& r) {
  std::map<std::string, double> out;
  for (const auto& s : r.e.shares) out[r.loaded.model.assumptions[s.assumption].id.value] = s.paths;
  return out;
}

std::vector<std::string> critical(const Evaluated& r) {
  std::vector<std::string> out;
  for (int a : r.e.critical) out.push_back(r.loaded.model.assumptions[a].id.value);
  return out;
}

// A diamond: two activities, each to two outputs, all to one outcome, to the impact:
// a1 -> o1, a1 -> o2, a2 -> o2; o1, o2 -> c -> i. Paths: a1-o1-c-i, a1-o2-c-i, a2-o2-c-i.
const std::string kDiamond =
    "activities:\n  - {id: a1, label: A1, to: [o1, o2]}\n  - {id: a2, label: A2, to: [o2]}\n"
    "outputs:\n  - {id: o1, label: O1, to: [c]}\n  - {id: o2, label: O2, to: [c]}\n"
    "outcomes:\n  - {id: c, label: C, term: short, to: [i]}\n"
    "impacts:\n  - {id: i, label: I}\n";

}  // namespace

TEST_CASE("paths from the activities to an impact, and the share resting on each assumption") {
  const auto r = evaluate_text(kDiamond +
                               "assumptions:\n"
                               "  - {id: on-o1, text: T, about: [o1]}\n"
                               "  - {id: on-o2-link, text: T, about: [\"o2 -> c\"]}\n"
                               "  - {id: on-a1, text: T, about: [a1], status: holds}\n"
                               "  - {id: on-c, text: T, about: [c], status: testing}\n"
                               "  - {id: on-both, text: T, about: [o1, \"a2 -> o2\"]}\n"
                               "  - {id: nowhere, text: T}\n");
  CHECK(r.e.paths == 3);
  const auto s = shares(r);
  CHECK(s.at("on-o1") == 1);       // a1-o1-c-i
  CHECK(s.at("on-o2-link") == 2);  // a1-o2-c-i, a2-o2-c-i
  CHECK(s.at("on-a1") == 2);
  CHECK(s.at("on-c") == 3);
  CHECK(s.at("on-both") == 2);  // two paths, the one through o1 and the one through a2 -> o2
  CHECK(s.at("nowhere") == 0);
  // Critical: not holding, and on every path. on-a1 holds; on-c is on all three.
  CHECK(critical(r) == std::vector<std::string>{"on-c"});
  // Most paths first.
  CHECK(r.loaded.model.assumptions[r.e.shares.front().assumption].id.value == "on-c");
  CHECK(r.loaded.model.assumptions[r.e.shares.back().assumption].id.value == "nowhere");
}

TEST_CASE("two assumptions that share the paths are both critical, and a failed one too") {
  const auto r = evaluate_text(kDiamond +
                               "assumptions:\n"
                               "  - {id: first, text: T, about: [\"c -> i\"], status: fails}\n"
                               "  - {id: second, text: T, about: [i]}\n"
                               "  - {id: split, text: T, about: [a1, a2]}\n"
                               "  - {id: half, text: T, about: [o2], status: testing}\n");
  CHECK(r.e.paths == 3);
  CHECK(critical(r) == std::vector<std::string>{"first", "second", "split"});
  CHECK(shares(r).at("half") == 2);
  CHECK(r.e.by_status == std::array<int, 4>{2, 1, 0, 1});
}

TEST_CASE("a chain of diamonds has 2^40 paths, counted, not listed") {
  // Layer k: x{k} -> y{k}, x{k} -> z{k}, y{k} -> x{k+1}, z{k} -> x{k+1}, all outcomes.
  std::string body = "activities:\n  - {id: act, label: A, to: [x0]}\noutcomes:\n";
  const int layers = 40;
  for (int k = 0; k < layers; ++k) {
    const std::string next = k + 1 < layers ? "x" + std::to_string(k + 1) : "imp";
    body += "  - {id: x" + std::to_string(k) + ", label: X, term: short, to: [y" +
            std::to_string(k) + ", z" + std::to_string(k) + "]}\n";
    body += "  - {id: y" + std::to_string(k) + ", label: Y, term: short, to: [" + next + "]}\n";
    body += "  - {id: z" + std::to_string(k) + ", label: Z, term: short, to: [" + next + "]}\n";
  }
  body +=
      "impacts:\n  - {id: imp, label: I}\n"
      "assumptions:\n  - {id: on-y0, text: T, about: [y0]}\n"
      "  - {id: on-y0-and-y1, text: T, about: [y0, y1]}\n"
      "  - {id: on-x20, text: T, about: [x20]}\n";
  const auto r = evaluate_text(body);
  const double all = std::ldexp(1.0, layers);
  CHECK(r.e.paths == all);
  const auto s = shares(r);
  CHECK(s.at("on-y0") == all / 2);
  CHECK(s.at("on-y0-and-y1") == all * 3 / 4);  // through y0, or through y1: 1 - 1/4
  CHECK(s.at("on-x20") == all);
  CHECK(critical(r) == std::vector<std::string>{"on-x20"});
  // trace lists the first 50 of them, and counts them all.
  const Trace t = trace(r.loaded.model, *r.graph, r.graph->find("x20"), 50);
  CHECK(t.count == all);
  CHECK(t.shown.size() == 50);
  for (const auto& p : t.shown) {
    CHECK(r.loaded.model.items[p.front()].id.value == "act");
    CHECK(r.loaded.model.items[p.back()].id.value == "imp");
    CHECK(p.size() == 2 + 2 * layers);
  }
}

TEST_CASE("items in a loop are set aside and named; the rest is counted") {
  const auto r = evaluate_text(
      "activities:\n  - {id: a, label: A, to: [o]}\n"
      "outputs:\n  - {id: o, label: O, to: [c, p]}\n"
      "outcomes:\n  - {id: c, label: C, term: short, to: [i]}\n"
      "  - {id: p, label: P, term: short, to: [q]}\n  - {id: q, label: Q, term: short, to: [p, "
      "i]}\n"
      "impacts:\n  - {id: i, label: I}\n");
  CHECK(r.e.paths == 1);
  std::vector<std::string> loops;
  for (int v : r.e.loop_items) loops.push_back(r.loaded.model.items[v].id.value);
  CHECK(loops == std::vector<std::string>{"p", "q"});
}

TEST_CASE("measurement coverage counts outcomes and impacts with an indicator, and complete ones") {
  const auto r = evaluate_text(
      "outcomes:\n"
      "  - {id: c1, label: C, term: short, indicators: [{label: I, source: S, baseline: 1, "
      "target: 2, due: 2027-01-01}]}\n"
      "  - {id: c2, label: C, term: short, indicators: [{label: I, source: S}]}\n"
      "  - {id: c3, label: C, term: short}\n"
      "impacts:\n  - {id: i, label: I}\n"
      "assumptions:\n"
      "  - {id: late, text: T, about: [c1], test: {method: M, due: 2020-01-01}}\n"
      "  - {id: done, text: T, about: [c1], status: holds, test: {method: M, due: 2020-01-01}}\n",
      "2026-11-30");
  CHECK(r.e.outcomes_and_impacts == 4);
  CHECK(r.e.with_indicator == 2);
  CHECK(r.e.with_complete_indicator == 1);
  REQUIRE(r.e.overdue.size() == 1);
  CHECK(r.loaded.model.assumptions[r.e.overdue[0]].id.value == "late");
}

TEST_CASE("the report's JSON and HTML carry the figures, escaped") {
  const auto r = evaluate_text(
      kDiamond + "assumptions:\n  - {id: on-c, text: \"<b>&\\\"x\\\"</b>\", about: [c]}\n");
  std::ostringstream json, html;
  write_report(json, {{&r.loaded.model, r.e}}, ReportFormat::json);
  write_report(html, {{&r.loaded.model, r.e}}, ReportFormat::html);
  const auto j = nlohmann::json::parse(json.str());
  CHECK(j["models"][0]["paths"]["to_impacts"] == 3);
  CHECK(j["models"][0]["critical_assumptions"] == nlohmann::json::array({"on-c"}));
  CHECK(j["models"][0]["assumption_shares"][0]["share"] == 1.0);
  CHECK(html.str().find("&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt;") != std::string::npos);
  CHECK(html.str().find("<b>&") == std::string::npos);
}

TEST_CASE("a path starts at a resource, or at an activity no resource or activity feeds") {
  // hub feeds triage, and so does line: paths from hub and from line, both through triage.
  // first feeds second: second starts no path of its own.
  const auto r = evaluate_text(
      "resources:\n  - {id: hub, label: H, to: [triage]}\n"
      "activities:\n  - {id: line, label: L, to: [triage]}\n  - {id: triage, label: T, to: [o]}\n"
      "  - {id: first, label: F, to: [second]}\n  - {id: second, label: S, to: [o]}\n"
      "outputs:\n  - {id: o, label: O, to: [i]}\n"
      "impacts:\n  - {id: i, label: I}\n"
      "assumptions:\n  - {id: calls, text: T, about: [\"line -> triage\"]}\n"
      "  - {id: staffed, text: T, about: [\"hub -> triage\"]}\n");
  CHECK(r.e.paths == 3);  // hub-triage-o-i, line-triage-o-i, first-second-o-i
  CHECK(shares(r).at("calls") == 1);
  CHECK(shares(r).at("staffed") == 1);  // a resource's link carries paths too
  CHECK(critical(r).empty());
  // trace counts the same paths: hub-triage-o-i and line-triage-o-i pass through triage.
  const Trace t = trace(r.loaded.model, *r.graph, r.graph->find("triage"), 50);
  CHECK(t.count == 2);
}

TEST_CASE("one definition of a path: report and trace through an impact count the same paths") {
  // Issue #20 item 10: report counted from the activities (7 here), trace from the resources
  // (13), so an assumption about a resource -> activity link rested on "0%" of the paths.
  std::ifstream in(std::string(LMC_SOURCE_DIR) + "/examples/mcp-neighbourhood.yaml");
  std::stringstream text;
  text << in.rdbuf();
  LoadResult loaded = load_model("mcp-neighbourhood.yaml", text.str());
  REQUIRE(loaded.usable);
  const Graph graph(loaded.model);
  const Evaluation e = evaluate(loaded.model, graph, "");
  double through_impacts = 0;
  for (std::size_t i = 0; i < loaded.model.items.size(); ++i) {
    if (loaded.model.items[i].stage == Stage::impact && graph.defines(static_cast<int>(i))) {
      through_impacts += trace(loaded.model, graph, static_cast<int>(i), 0).count;
    }
  }
  CHECK(e.paths == through_impacts);
  CHECK(e.paths == 13);
  bool found = false;
  for (const AssumptionShare& s : e.shares) {
    if (loaded.model.assumptions[s.assumption].id.value != "record-access") continue;
    found = true;
    CHECK(s.paths > 0);
  }
  CHECK(found);
}

TEST_CASE("paths start at the first stage a model has") {
  // No resources: from the activities. No activities either: from the outputs.
  auto r = evaluate_text(kDiamond);
  CHECK(r.e.paths == 3);
  r = evaluate_text("resources:\n  - {id: r, label: R, to: [a1, a2]}\n" + kDiamond);
  CHECK(r.e.paths == 3);  // r-a1-o1-c-i, r-a1-o2-c-i, r-a2-o2-c-i
  r = evaluate_text(
      "outputs:\n  - {id: o1, label: O1, to: [c]}\n  - {id: o2, label: O2, to: [c]}\n"
      "outcomes:\n  - {id: c, label: C, term: short, to: [i]}\n"
      "impacts:\n  - {id: i, label: I}\n");
  CHECK(r.e.paths == 2);
}
