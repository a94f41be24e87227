// SPDX-License-Identifier: Apache-2.0
// skipped-stage: a resource that links straight to an output, outcome or impact, or an
// activity straight to an impact.
// Why: money and staff change nothing by themselves, and an activity reaches an impact only
// through what it produces and the changes that follow; the skipped step is the theory.
#include "check/rules/rules.h"

namespace lmc {

void check_skipped_stage(const Model& m, const RuleContext& ctx, Findings& out) {
  for (const Graph::Link& link : ctx.graph.links()) {
    const Item& from = m.items[link.from];
    const Item& to = m.items[link.to];
    const bool resource = from.stage == Stage::resource && to.stage != Stage::activity;
    const bool activity = from.stage == Stage::activity && to.stage == Stage::impact;
    if (!resource && !activity) continue;
    const Item& holder = link.ref->kind == Ref::Kind::to ? from : to;
    out.add(link.ref->span, holder.id.value,
            resource ? fmt::format("resource '{}' links straight to {}, skipping the activity "
                                   "that would use it",
                                   from.id.value, describe(to))
                     : fmt::format("activity '{}' links straight to impact '{}', skipping the "
                                   "outputs and outcomes through which it would get there",
                                   from.id.value, to.id.value));
  }
}

}  // namespace lmc
