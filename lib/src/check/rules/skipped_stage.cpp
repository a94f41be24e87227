// SPDX-License-Identifier: Apache-2.0
// skipped-stage: a resource that links straight to an output, outcome or impact, or an
// activity straight to an impact.
// Why: money and staff change nothing by themselves, and an activity reaches an impact only
// through what it produces and the changes that follow; the skipped step is the theory.
#include "check/rules/rules.h"

namespace lmc {

void check_skipped_stage(const RuleContext& ctx, Findings& out) {
  const Graph& g = ctx.graph;
  for (const Graph::Link& link : g.links()) {
    const Item& from = g.item(link.from);
    const Item& to = g.item(link.to);
    const int where = holder_model(g, link);
    const bool resource = from.stage == Stage::resource && to.stage != Stage::activity;
    const bool activity = from.stage == Stage::activity && to.stage == Stage::impact;
    if (!resource && !activity) continue;
    const Item& holder = link.ref->kind == Ref::Kind::to ? from : to;
    out.add_in(where, link.ref->span, holder.id.value,
               resource ? fmt::format("resource '{}' links straight to {}, skipping the activity "
                                      "that would use it",
                                      g.name(link.from, where), describe(g, link.to, where))
                        : fmt::format("activity '{}' links straight to impact '{}', skipping the "
                                      "outputs and outcomes through which it would get there",
                                      g.name(link.from, where), g.name(link.to, where)));
  }
}

}  // namespace lmc
