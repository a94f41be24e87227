// SPDX-License-Identifier: Apache-2.0
// unlinked-activity: an activity that links to nothing downstream.
// Why: an activity with no output is work with no theory of what it achieves.
#include "check/rules/rules.h"

namespace lmc {

void check_unlinked_activity(const Model& m, const RuleContext& ctx, Findings& out) {
  const Graph& g = ctx.graph;
  for (std::size_t i = 0; i < m.items.size(); ++i) {
    const Item& it = m.items[i];
    if (it.stage != Stage::activity || !g.defines(static_cast<int>(i)) || g.in_doubt(i)) continue;
    if (!g.successors(i).empty()) continue;
    out.add(
        it.id.span, it.id.value,
        fmt::format("activity '{}' leads nowhere: it links to no output or outcome", it.id.value));
  }
}

}  // namespace lmc
