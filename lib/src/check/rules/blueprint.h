// SPDX-License-Identifier: Apache-2.0
// What the spread rules share: an adaptation's blueprint (spec, "Spread"), what the diff
// engine says changed from it, and which of those changes the adaptation records.
#pragma once

#include <optional>
#include <set>
#include <string>

#include "check/rules/rules.h"
#include "lmc/diff.h"
#include "lmc/spread.h"

namespace lmc {

/// The blueprint of model `m` of `graph` (an index there); -1 when it adapts none, or the
/// blueprint did not load.
int blueprint_index(const Graph& graph, int m);
/// Whether following `adapts:` from model `m` comes back to it (a model cannot descend from
/// itself).
bool lineage_loops(const Graph& graph, int m);

/// The lineage of model `m` (the model being checked); nullopt when it adapts no model, or
/// its blueprint did not load (missing-model says so).
std::optional<Lineage> lineage_of(const Model& m, const RuleContext& ctx);

}  // namespace lmc
