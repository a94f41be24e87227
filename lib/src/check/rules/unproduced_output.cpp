// SPDX-License-Identifier: Apache-2.0
// unproduced-output: no activity links to an output.
// Why: an output is what activities deliver; one no activity produces floats unconnected on
// the page, and usually means an activity links straight past it to an outcome.
// A resource that links straight to the output is skipped-stage's finding, a later stage that
// links back to it misordered-link's; a box a work stream's model details is produced there.
#include "check/rules/rules.h"

namespace lmc {

void check_unproduced_output(const RuleContext& ctx, Findings& out) {
  const Graph& g = ctx.graph;
  // For each item, the first activity that links to it (-1: none), found once: an outcome
  // many outputs lead to is looked at once, not once an output.
  std::vector<int> activity_before(g.size(), -2);
  auto first_activity = [&](int item) {
    if (activity_before[item] == -2) {
      activity_before[item] = -1;
      for (int p : g.meant_predecessors(item)) {
        if (g.item(p).stage == Stage::activity) {
          activity_before[item] = p;
          break;
        }
      }
    }
    return activity_before[item];
  };
  for (int i = 0; i < g.size(); ++i) {
    const Item& it = g.item(i);
    if (it.stage != Stage::output || !g.defines(i) || g.in_doubt(i)) continue;
    if (it.detail_model() || !g.meant_predecessors(i).empty()) continue;
    // An activity that links past it, to what this output leads to: the likely fix.
    std::string past;
    for (int s : g.successors(i)) {
      if (const int p = first_activity(s); p >= 0) {
        past = fmt::format("; {} links straight past it to {}", describe(g, p, g.model_of(i)),
                           describe(g, s, g.model_of(i)));
        break;
      }
    }
    out.add_in(
        g.model_of(i), it.id.span, it.id.value,
        fmt::format("no activity produces output '{}': nothing links to it{}", it.id.value, past));
  }
}

}  // namespace lmc
