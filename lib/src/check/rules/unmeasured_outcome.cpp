// SPDX-License-Identifier: Apache-2.0
// unmeasured-outcome: an outcome with no indicator.
// Why: the vanguard evaluations could not assess outcomes nobody had a way to measure.
#include "check/rules/rules.h"

namespace lmc {

void check_unmeasured_outcome(const Model& m, const RuleContext& ctx, Findings& out) {
  for (std::size_t i = 0; i < m.items.size(); ++i) {
    const Item& it = m.items[i];
    if (it.stage != Stage::outcome || !ctx.graph.defines(ctx.node(i)) || !it.indicators().empty() ||
        it.indicators_doubtful) {
      continue;
    }
    out.add(it.id.span, it.id.value,
            fmt::format("outcome '{}' has no indicator: nobody can tell whether it happened",
                        it.id.value));
  }
}

}  // namespace lmc
