// SPDX-License-Identifier: Apache-2.0
// Causal paths through a model's sound links, counted by dynamic programming over the links
// (never by listing them: a model can have millions), and listed only when asked for a few.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "lmc/graph.h"
#include "lmc/model.h"

namespace lmc {

/// The assumptions and external factors attached to each item and link (indices into
/// Model::assumptions and Model::factors), from their `about` and `affects` references.
struct Attachments {
  std::vector<std::vector<int>> item_assumptions, item_factors;  ///< by item
  std::vector<std::pair<std::pair<int, int>, int>> link_assumptions, link_factors;
  Attachments(const Model& model, const Graph& graph);
  std::vector<int> assumptions_on_link(int from, int to) const;
  std::vector<int> factors_on_link(int from, int to) const;
};

/// The one definition of a path, shared by report, trace, export and the docs: a chain of sound
/// links from where the programme's input enters to the first impact it meets. Start items are
/// the resources and activities (or, in a model with neither, the items of its first stage); a
/// path starts at a start item no other start item feeds: at a resource, or at an activity no
/// resource or activity feeds. Items in a loop are set aside: paths through them cannot be
/// counted, and loop_items() names them.
/// Where a model's paths start, as the reports say it: "from the resources and activities",
/// "from the activities", "from the outputs", ...
std::string path_start(const Model& model);

class Paths {
 public:
  Paths(const Model& model, const Graph& graph);

  /// How many paths there are (as a double: they can outnumber 64 bits).
  double total() const { return total_; }
  /// How many pass through `item`.
  double through(int item) const;
  /// How many touch at least one of `items` or `links`.
  double touching(const std::vector<int>& items,
                  const std::vector<std::pair<int, int>>& links) const;
  /// Items left out because they are in a loop.
  const std::vector<int>& loop_items() const { return loop_items_; }
  /// Up to `limit` paths through `item`, each as its items in order.
  std::vector<std::vector<int>> list_through(int item, std::size_t limit) const;

 private:
  bool usable(int from, int to) const;

  const Graph& graph_;
  std::vector<bool> member_, root_, end_;
  std::vector<int> order_;  ///< members, every link's source before its target
  std::vector<double> before_, after_;
  std::vector<int> loop_items_;
  double total_ = 0;
};

}  // namespace lmc
