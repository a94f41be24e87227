// SPDX-License-Identifier: Apache-2.0
// unused-resource: a resource that feeds no activity.
// Why: a resource the theory never uses is either missing its activity or not needed.
// A resource that links past the activities is skipped-stage's finding, not this one.
#include "check/rules/rules.h"

namespace lmc {

void check_unused_resource(const Model& m, const RuleContext& ctx, Findings& out) {
  const Graph& g = ctx.graph;
  for (std::size_t i = 0; i < m.items.size(); ++i) {
    const Item& it = m.items[i];
    if (it.stage != Stage::resource || !g.defines(static_cast<int>(i)) || g.in_doubt(i)) continue;
    if (!g.successors(i).empty()) continue;
    out.add(it.id.span, it.id.value,
            fmt::format("resource '{}' feeds no activity: it links to nothing", it.id.value));
  }
}

}  // namespace lmc
