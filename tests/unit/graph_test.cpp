// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "expectations.h"

#include "lmc/graph.h"
#include "lmc/load.h"

using namespace lmc;

namespace {

LoadResult load(const std::string& body) {
  return load_model("m.yaml", "logic_model: 1\ntitle: T\n" + body);
}

}  // namespace

TEST_CASE("to and from make the same link, once") {
  const auto r = load(
      "activities:\n  - {id: a, label: A, to: [o]}\n"
      "outputs:\n  - {id: o, label: O, from: [a]}\n");
  const Graph g(r.model);
  REQUIRE(g.links().size() == 1);
  CHECK(g.links()[0].from == 0);
  CHECK(g.links()[0].to == 1);
  const auto succ = g.successors(0);
  const auto pred = g.predecessors(1);
  CHECK(std::vector<int>(succ.begin(), succ.end()) == std::vector<int>{1});
  CHECK(std::vector<int>(pred.begin(), pred.end()) == std::vector<int>{0});
  CHECK(g.bad_refs().empty());
}

TEST_CASE("bad references are classified, and what they meant is kept for reachability") {
  const auto r = load(
      "activities:\n  - {id: a, label: A, to: [outptu, winter]}\n"
      "outputs:\n  - {id: output, label: O, to: [a]}\n"
      "external_factors:\n  - {id: winter, text: W, affects: [\"a -> output\"]}\n");
  const Graph g(r.model);
  REQUIRE(g.bad_refs().size() == 4);
  CHECK(g.bad_refs()[0].status == Graph::RefStatus::unknown);
  CHECK(g.bad_refs()[0].suggestion == "output");
  CHECK(g.bad_refs()[1].status == Graph::RefStatus::not_an_item);
  CHECK(g.bad_refs()[2].status == Graph::RefStatus::misordered);
  CHECK(g.bad_refs()[3].status == Graph::RefStatus::no_such_link);
  CHECK(g.links().empty());
  CHECK(g.in_doubt(0));
  CHECK(g.in_doubt(1));
  // The typo is taken as meant: the output is reached from the activity.
  CHECK(g.reach_forward({0})[1]);
}

TEST_CASE("a link between misordered endpoints is not also no_such_link in about") {
  const auto r = load(
      "activities:\n  - {id: a, label: A}\n"
      "outputs:\n  - {id: o, label: O, to: [a]}\n"
      "assumptions:\n  - {id: x, text: X, about: [\"o -> a\"]}\n");
  const Graph g(r.model);
  REQUIRE(g.bad_refs().size() == 1);
  CHECK(g.bad_refs()[0].status == Graph::RefStatus::misordered);
}

TEST_CASE("reachability follows links forward and backward") {
  const auto r = load(
      "resources:\n  - {id: r, label: R, to: [a]}\n"
      "activities:\n  - {id: a, label: A, to: [o]}\n  - {id: b, label: B, to: [o]}\n"
      "outputs:\n  - {id: o, label: O}\n");
  const Graph g(r.model);
  const auto fwd = g.reach_forward({0});
  CHECK(fwd == std::vector<bool>{true, true, false, true});
  const auto back = g.reach_backward({3});
  CHECK(back == std::vector<bool>{true, true, true, true});
  // No reference went wrong: the meant links are the sound ones (kept once, not copied).
  for (int v = 0; v < 4; ++v) {
    const auto meant = g.meant_successors(v), sound = g.successors(v);
    CHECK(std::vector<int>(meant.begin(), meant.end()) ==
          std::vector<int>(sound.begin(), sound.end()));
    const auto meant_in = g.meant_predecessors(v), sound_in = g.predecessors(v);
    CHECK(std::vector<int>(meant_in.begin(), meant_in.end()) ==
          std::vector<int>(sound_in.begin(), sound_in.end()));
  }
}
