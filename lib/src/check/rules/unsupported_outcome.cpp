// SPDX-License-Identifier: Apache-2.0
// unsupported-outcome: an outcome or impact that no activity reaches.
// Why: an outcome nothing in the programme brings about is a hope, not part of the theory.
#include "check/rules/rules.h"

namespace lmc {

void check_unsupported_outcome(const Model& m, const RuleContext& ctx, Findings& out) {
  const Graph& g = ctx.graph;
  std::vector<int> activities;
  for (std::size_t i = 0; i < m.items.size(); ++i) {
    if (m.items[i].stage == Stage::activity) activities.push_back(static_cast<int>(i));
  }
  const std::vector<bool> reached = g.reach_forward(activities);
  for (std::size_t i = 0; i < m.items.size(); ++i) {
    const Item& it = m.items[i];
    if (it.stage != Stage::outcome && it.stage != Stage::impact) continue;
    if (!g.defines(static_cast<int>(i)) || g.in_doubt(i) || reached[i]) continue;
    out.add(
        it.id.span, it.id.value,
        fmt::format("no activity reaches {}: nothing in the model brings it about", describe(it)));
  }
}

}  // namespace lmc
