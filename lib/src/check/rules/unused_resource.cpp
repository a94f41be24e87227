// SPDX-License-Identifier: Apache-2.0
// unused-resource: a resource that feeds no activity.
// Why: a resource the theory never uses is either missing its activity or not needed.
// A resource that links past the activities is skipped-stage's finding, not this one.
#include "check/rules/rules.h"

namespace lmc {

void check_unused_resource(const RuleContext& ctx, Findings& out) {
  const Graph& g = ctx.graph;
  for (int i = 0; i < g.size(); ++i) {
    const Item& it = g.item(i);
    if (it.stage != Stage::resource || !g.defines(i) || g.in_doubt(i)) continue;
    if (!g.successors(i).empty()) continue;
    out.add_in(g.model_of(i), it.id.span, it.id.value,
               fmt::format("resource '{}' feeds no activity: it links to nothing", it.id.value));
  }
}

}  // namespace lmc
