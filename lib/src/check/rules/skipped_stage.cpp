// SPDX-License-Identifier: Apache-2.0
// skipped-stage: a resource that links straight to an output, outcome or impact.
// Why: money and staff change nothing by themselves; the activity that uses them is the
// missing step of the theory.
#include "check/rules/rules.h"

namespace lmc {

void check_skipped_stage(const Model& m, const RuleContext& ctx, Findings& out) {
  for (const Graph::Link& link : ctx.graph.links()) {
    const Item& from = m.items[link.from];
    const Item& to = m.items[link.to];
    if (from.stage != Stage::resource || to.stage == Stage::activity) continue;
    const Item& holder = link.ref->kind == Ref::Kind::to ? from : to;
    out.add(link.ref->span, holder.id.value,
            fmt::format("resource '{}' links straight to {}, skipping the activity that would "
                        "use it",
                        from.id.value, describe(to)));
  }
}

}  // namespace lmc
