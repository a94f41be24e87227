// SPDX-License-Identifier: Apache-2.0
// What the spread rules share: an adaptation's blueprint (spec, "Spread"), what the diff
// engine says changed from it, and which of those changes the adaptation records.
#pragma once

#include <optional>
#include <set>
#include <string>

#include "check/rules/rules.h"
#include "lmc/diff.h"

namespace lmc {

/// An adaptation compared with its blueprint.
struct Lineage {
  const Model* blueprint = nullptr;
  ChangeSet changes;  ///< blueprint -> adaptation, renames included
  /// What the adaptation's records name: ids, and links as "a -> b".
  std::set<std::string, std::less<>> recorded;

  /// Whether a record covers a change about `item` (an id, or "a -> b": a link is covered by
  /// a record of it or of either end).
  bool covers(std::string_view item) const;
};

/// The blueprint of model `m` of `graph` (an index there); -1 when it adapts none, or the
/// blueprint did not load.
int blueprint_index(const Graph& graph, int m);
/// Whether following `adapts:` from model `m` comes back to it (a model cannot descend from
/// itself).
bool lineage_loops(const Graph& graph, int m);

/// The lineage of model `m` (the model being checked); nullopt when it adapts no model, or
/// its blueprint did not load (missing-model says so).
std::optional<Lineage> lineage_of(const Model& m, const RuleContext& ctx);

/// The item of `m` with this id, or null.
const Item* item_named(const Model& m, std::string_view id);

}  // namespace lmc
