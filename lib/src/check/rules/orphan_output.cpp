// SPDX-License-Identifier: Apache-2.0
// orphan-output: an output that links to no outcome or impact.
// Why: counting an output nobody connects to a change for people is counting for its own sake.
// An output that links into another model's outcome (a work stream's into the programme's) is
// no orphan.
#include "check/rules/rules.h"

namespace lmc {

void check_orphan_output(const RuleContext& ctx, Findings& out) {
  const Graph& g = ctx.graph;
  for (int i = 0; i < g.size(); ++i) {
    const Item& it = g.item(i);
    if (it.stage != Stage::output || !g.defines(i) || g.in_doubt(i)) continue;
    bool leads_on = false;
    for (int s : g.successors(i)) {
      const Stage stage = g.item(s).stage;
      leads_on = leads_on || stage == Stage::outcome || stage == Stage::impact;
    }
    if (leads_on) continue;
    out.add_in(
        g.model_of(i), it.id.span, it.id.value,
        fmt::format("output '{}' leads nowhere: it links to no outcome or impact", it.id.value));
  }
}

}  // namespace lmc
