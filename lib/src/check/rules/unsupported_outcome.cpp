// SPDX-License-Identifier: Apache-2.0
// unsupported-outcome: an outcome or impact that no activity reaches.
// Why: an outcome nothing in the programme brings about is a hope, not part of the theory. In a
// programme, the activities of every model count: a programme outcome its work streams bring
// about is supported.
#include "check/rules/rules.h"

namespace lmc {

void check_unsupported_outcome(const RuleContext& ctx, Findings& out) {
  const Graph& g = ctx.graph;
  std::vector<int> activities;
  for (int i = 0; i < g.size(); ++i) {
    if (g.item(i).stage == Stage::activity) activities.push_back(i);
  }
  const std::vector<bool> reached = g.reach_forward(activities);
  for (int i = 0; i < g.size(); ++i) {
    const Item& it = g.item(i);
    if (it.stage != Stage::outcome && it.stage != Stage::impact) continue;
    if (!g.defines(i) || g.in_doubt(i) || reached[i]) continue;
    out.add_in(
        g.model_of(i), it.id.span, it.id.value,
        fmt::format("no activity reaches {}: nothing in the model brings it about", describe(it)));
  }
}

}  // namespace lmc
