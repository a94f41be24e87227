// SPDX-License-Identifier: Apache-2.0
// stranded-outcome: an outcome from which no path reaches an impact (when the model has one).
// Why: an outcome that leads nowhere is not part of the theory of how the programme achieves
// what it exists for; either a link is missing or the outcome does not belong.
#include "check/rules/rules.h"

namespace lmc {

void check_stranded_outcome(const Model& m, const RuleContext& ctx, Findings& out) {
  const Graph& g = ctx.graph;
  std::vector<int> impacts;
  for (std::size_t i = 0; i < m.items.size(); ++i) {
    if (m.items[i].stage == Stage::impact && g.defines(static_cast<int>(i))) {
      impacts.push_back(static_cast<int>(i));
    }
  }
  if (impacts.empty()) return;
  // Along the links the writer meant, so a typo in one link does not strand what follows.
  const std::vector<bool> leads = g.reach_backward(impacts);
  for (std::size_t i = 0; i < m.items.size(); ++i) {
    const Item& it = m.items[i];
    if (it.stage != Stage::outcome || !g.defines(static_cast<int>(i)) || g.in_doubt(i) || leads[i])
      continue;
    out.add(it.id.span, it.id.value,
            fmt::format("outcome '{}' leads to no impact: no link, direct or through later "
                        "outcomes, connects it to what the programme exists for",
                        it.id.value));
  }
}

}  // namespace lmc
