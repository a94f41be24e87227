// SPDX-License-Identifier: Apache-2.0
// unresourced-activity: no resource links to an activity, directly or through the activities
// before it.
// Why: an activity with no money, staff or estate behind it is a plan nobody has paid for.
#include "check/rules/rules.h"

namespace lmc {

void check_unresourced_activity(const RuleContext& ctx, Findings& out) {
  const Graph& g = ctx.graph;
  std::vector<int> resources;
  for (int i = 0; i < g.size(); ++i) {
    if (g.item(i).stage == Stage::resource) resources.push_back(i);
  }
  // Walking forward from the resources only through activities keeps "through the activities
  // before it" exact: a path through an output does not resource an activity.
  std::vector<bool> fed(g.size(), false);
  std::vector<int> stack;
  for (int r : resources) {
    for (int s : g.meant_successors(r)) {
      if (g.item(s).stage == Stage::activity && !fed[s]) {
        fed[s] = true;
        stack.push_back(s);
      }
    }
  }
  while (!stack.empty()) {
    const int a = stack.back();
    stack.pop_back();
    for (int s : g.meant_successors(a)) {
      if (g.item(s).stage == Stage::activity && !fed[s]) {
        fed[s] = true;
        stack.push_back(s);
      }
    }
  }
  for (int i = 0; i < g.size(); ++i) {
    const Item& it = g.item(i);
    if (it.stage != Stage::activity || !g.defines(i) || g.in_doubt(i) || fed[i]) continue;
    out.add_in(g.model_of(i), it.id.span, it.id.value,
               fmt::format("no resource links to activity '{}', directly or through the activities "
                           "before it",
                           it.id.value));
  }
}

}  // namespace lmc
