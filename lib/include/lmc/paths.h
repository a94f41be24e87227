// SPDX-License-Identifier: Apache-2.0
// Causal paths through a model's sound links, counted by dynamic programming over the links
// (never by listing them: a model can have millions), and listed only when asked for a few.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

#include "lmc/graph.h"
#include "lmc/model.h"

namespace lmc {

/// Which paths: from the activities (an evaluator's view: what the programme does, to what it
/// exists for), or from the resources and activities (a trace: everything that feeds it).
enum class PathStart { activities, resources_and_activities };

/// The assumptions and external factors attached to each item and link (indices into
/// Model::assumptions and Model::factors), from their `about` and `affects` references.
struct Attachments {
  std::vector<std::vector<int>> item_assumptions, item_factors;  ///< by item
  std::vector<std::pair<std::pair<int, int>, int>> link_assumptions, link_factors;
  Attachments(const Model& model, const Graph& graph);
  std::vector<int> assumptions_on_link(int from, int to) const;
  std::vector<int> factors_on_link(int from, int to) const;
};

/// Every path runs from a start item along sound links to the first impact it meets. A path
/// starts where the programme's input enters: a start item (an activity; or a resource or
/// activity) that no other start item feeds, and, counting from the activities, an activity a
/// resource feeds directly. Items in a loop are set
/// aside: paths through them cannot be counted, and loop_items() names them.
class Paths {
 public:
  Paths(const Model& model, const Graph& graph, PathStart start);

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
