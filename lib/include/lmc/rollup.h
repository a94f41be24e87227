// SPDX-License-Identifier: Apache-2.0
// A programme rolled up: for each of its outcomes and impacts, the work streams that
// contribute to it, through which of their items, with which indicators; the programme's
// outcomes no work stream carries; and the indicators several work streams measure.
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "lmc/graph.h"
#include "lmc/results.h"

namespace lmc {

struct RollUp {
  int root = -1;  ///< the programme: a model index in the graph

  /// A work stream's part in one programme item: its items that link into the programme
  /// (directly, or from the programme item they link to on through the programme's links).
  struct Contribution {
    int model = -1;
    std::vector<int> through;  ///< nodes of that model, in file order
  };
  struct Target {
    int node = -1;                      ///< a programme outcome or impact
    std::vector<Contribution> streams;  ///< in model order
  };
  std::vector<Target> targets;  ///< the programme's outcomes and impacts, in file order

  /// An indicator measured in several models (the same id, or the same label ignoring case
  /// and spacing): each (node, index of the indicator) that measures it.
  struct Shared {
    std::string label;
    std::vector<std::pair<int, int>> where;
  };
  std::vector<Shared> shared;

  /// With results (add_results): what they say of each indicator, by (node, index of the
  /// indicator in its item); the programme's items and the work streams' alike.
  std::map<std::pair<int, int>, IndicatorState> results;

  /// The programme's outcomes (not impacts) no work stream contributes to.
  std::vector<int> uncarried() const;
  /// Whether the programme has any work stream linked into it.
  bool empty() const;
};

/// The roll-up of model `root` of `graph` (a programme checked with the models it reaches).
RollUp roll_up(const Graph& graph, int root);

/// Adds what model `model`'s results say (indicator_states() of it) to the roll-up: the
/// report then shows each programme outcome's status and the status of each work stream
/// indicator that carries it.
void add_results(RollUp& r, const Graph& graph, int model,
                 const std::vector<IndicatorState>& states);

enum class RollUpFormat { text, markdown, html };
/// The roll-up as a section of `lmc report`.
void write_roll_up(std::ostream& out, const Graph& graph, const RollUp& r, RollUpFormat format);
/// The roll-up as JSON (for `lmc report` and `lmc export`), as a string of one JSON value.
std::string roll_up_json(const Graph& graph, const RollUp& r);

}  // namespace lmc
