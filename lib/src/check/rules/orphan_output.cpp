// SPDX-License-Identifier: Apache-2.0
// orphan-output: an output that links to no outcome or impact.
// Why: counting an output nobody connects to a change for people is counting for its own sake.
#include "check/rules/rules.h"

namespace lmc {

void check_orphan_output(const Model& m, const RuleContext& ctx, Findings& out) {
  const Graph& g = ctx.graph;
  for (std::size_t i = 0; i < m.items.size(); ++i) {
    const Item& it = m.items[i];
    if (it.stage != Stage::output || !g.defines(static_cast<int>(i)) || g.in_doubt(i)) continue;
    bool leads_on = false;
    for (int s : g.successors(i)) {
      leads_on =
          leads_on || m.items[s].stage == Stage::outcome || m.items[s].stage == Stage::impact;
    }
    if (leads_on) continue;
    out.add(
        it.id.span, it.id.value,
        fmt::format("output '{}' leads nowhere: it links to no outcome or impact", it.id.value));
  }
}

}  // namespace lmc
