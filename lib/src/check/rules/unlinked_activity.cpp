// SPDX-License-Identifier: Apache-2.0
// unlinked-activity: an activity that links to nothing downstream.
// Why: an activity with no output is work with no theory of what it achieves.
#include "check/rules/rules.h"

namespace lmc {

void check_unlinked_activity(const RuleContext& ctx, Findings& out) {
  const Graph& g = ctx.graph;
  for (int i = 0; i < g.size(); ++i) {
    const Item& it = g.item(i);
    if (it.stage != Stage::activity || !g.defines(i) || g.in_doubt(i)) continue;
    if (!g.successors(i).empty()) continue;
    out.add_in(
        g.model_of(i), it.id.span, it.id.value,
        fmt::format("activity '{}' leads nowhere: it links to no output or outcome", it.id.value));
  }
}

}  // namespace lmc
