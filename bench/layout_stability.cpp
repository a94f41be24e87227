// SPDX-License-Identifier: Apache-2.0
// How much the diagram reshuffles after a small edit, and how many crossings it draws, over a
// set of generated six-column models (seeded, so the figures repeat). For each model: draw it,
// add one activity and one link, draw it again seeded with the first drawing's order (as
// `lmc render -o OUT` does over an existing OUT), and count the same-column pairs of boxes
// whose order flipped. Plain dot (file order in, no seed, no mirror choice) is the baseline.
//   lmc_layout_stability [MODELS] [SEED]
#include <cstdio>
#include <random>
#include <string>

#include <fmt/format.h>

#include "lmc/graph.h"
#include "lmc/load.h"
#include "render/diagram.h"
#include "render/layout.h"

namespace {

using namespace lmc;

// A model of 6 columns of 3 to 7 boxes, each box linked to one to three in the next column,
// and a few links that skip a column.
std::string generate(std::mt19937& rng, bool edited) {
  const char* sections[] = {"resources", "activities", "outputs",
                            "outcomes",  "outcomes",   "impacts"};
  const char* terms[] = {"", "", "", "short", "long", ""};
  std::uniform_int_distribution<int> size(3, 7), fan(1, 3);
  int counts[6];
  for (int& c : counts) c = size(rng);
  std::vector<std::vector<std::string>> ids(6);
  for (int c = 0; c < 6; ++c) {
    for (int k = 0; k < counts[c]; ++k) ids[c].push_back(fmt::format("n{}-{}", c, k));
  }
  // The edit: one more activity, linked from the first resource and to the first output.
  if (edited) ids[1].push_back("n1-new");
  std::vector<std::vector<std::vector<std::string>>> to(6);
  for (int c = 0; c < 6; ++c) {
    to[c].resize(ids[c].size());
    for (std::size_t k = 0; k < ids[c].size(); ++k) {
      if (c == 5) break;
      const int n = fan(rng);
      for (int j = 0; j < n; ++j) {
        std::uniform_int_distribution<std::size_t> pick(0, counts[c + 1] - 1);
        to[c][k].push_back(ids[c + 1][pick(rng)]);
      }
      if (c < 4 && std::uniform_int_distribution<int>(0, 5)(rng) == 0) {
        std::uniform_int_distribution<std::size_t> pick(0, counts[c + 2] - 1);
        to[c][k].push_back(ids[c + 2][pick(rng)]);
      }
    }
  }
  if (edited) {
    to[0][0].push_back("n1-new");
    to[1].back() = {ids[2][0]};
    // ...and one more link between existing boxes.
    to[2][0].push_back(ids[3].back());
  }
  std::string out = "logic_model: 1\ntitle: Generated\n";
  for (int c = 0; c < 6; ++c) {
    if (c != 4) out += fmt::format("{}:\n", sections[c]);
    for (std::size_t k = 0; k < ids[c].size(); ++k) {
      out += fmt::format("  - id: {}\n    label: Box {} of column {}\n", ids[c][k], k, c);
      if (*terms[c]) out += fmt::format("    term: {}\n", terms[c]);
      std::string links;
      for (const auto& t : to[c][k]) links += (links.empty() ? "" : ", ") + t;
      if (!links.empty()) out += fmt::format("    to: [{}]\n", links);
    }
  }
  return out;
}

render::Diagram diagram_of(const std::string& text) {
  static std::vector<std::unique_ptr<LoadResult>> keep;  // the model must outlive the diagram
  keep.push_back(std::make_unique<LoadResult>(load_model("generated.yaml", text)));
  const Graph graph(keep.back()->model);
  return render::build_diagram(keep.back()->model, graph, {}, false);
}

}  // namespace

int main(int argc, char** argv) {
  const int models = argc > 1 ? std::stoi(argv[1]) : 30;
  std::mt19937 rng(argc > 2 ? std::stoul(argv[2]) : 2026);
  long flips = 0, pairs = 0, plain_flips = 0, plain_pairs = 0;
  long crossings = 0, plain_crossings = 0;
  for (int m = 0; m < models; ++m) {
    const auto state = rng;
    render::Diagram before = diagram_of(generate(rng, false));
    rng = state;
    render::Diagram after = diagram_of(generate(rng, true));

    // lmc: the first drawing ordered from file order, the second seeded with the first.
    render::order_columns(before, {});
    const auto first = render::order_ids(before);
    render::Diagram seeded = after;
    render::order_columns(seeded, first);
    const auto [f, p] = render::count_flips(first, render::order_ids(seeded));
    flips += f, pairs += p;
    crossings += render::count_crossings(seeded, [&] {
      std::vector<std::vector<int>> o;
      for (const auto& c : seeded.columns) o.push_back(c.boxes);
      return o;
    }());

    // Plain dot: file order in, nothing else.
    render::Diagram plain_before = diagram_of(generate(rng = state, false));
    render::Diagram plain_after = after;
    const auto order_before =
        render::dot_order(plain_before, render::reference_order(plain_before, {}));
    const auto order_after =
        render::dot_order(plain_after, render::reference_order(plain_after, {}));
    for (std::size_t c = 0; c < order_before.size(); ++c)
      plain_before.columns[c].boxes = order_before[c];
    for (std::size_t c = 0; c < order_after.size(); ++c)
      plain_after.columns[c].boxes = order_after[c];
    const auto [pf, pp] =
        render::count_flips(render::order_ids(plain_before), render::order_ids(plain_after));
    plain_flips += pf, plain_pairs += pp;
    plain_crossings += render::count_crossings(plain_after, order_after);
    rng = state;
    generate(rng, true);
  }
  std::printf("models: %d\n", models);
  std::printf(
      "lmc:       %.1f%% of same-column pairs flip after the edit (%ld of %ld); "
      "%.1f crossings a model after the edit\n",
      100.0 * flips / std::max(pairs, 1L), flips, pairs, static_cast<double>(crossings) / models);
  std::printf(
      "plain dot: %.1f%% of same-column pairs flip after the edit (%ld of %ld); "
      "%.1f crossings a model after the edit\n",
      100.0 * plain_flips / std::max(plain_pairs, 1L), plain_flips, plain_pairs,
      static_cast<double>(plain_crossings) / models);
  return 0;
}
