// SPDX-License-Identifier: Apache-2.0
// unresourced-activity: no resource links to an activity, directly or through the activities
// before it.
// Why: an activity with no money, staff or estate behind it is a plan nobody has paid for.
#include "check/rules/rules.h"

namespace lmc {

void check_unresourced_activity(const Model& m, const RuleContext& ctx, Findings& out) {
  const Graph& g = ctx.graph;
  std::vector<int> resources;
  for (std::size_t i = 0; i < m.items.size(); ++i) {
    if (m.items[i].stage == Stage::resource) resources.push_back(static_cast<int>(i));
  }
  // Walking forward from the resources only through activities keeps "through the activities
  // before it" exact: a path through an output does not resource an activity.
  std::vector<bool> fed(m.items.size(), false);
  std::vector<int> stack;
  for (int r : resources) {
    for (int s : g.meant_successors(r)) {
      if (m.items[s].stage == Stage::activity && !fed[s]) {
        fed[s] = true;
        stack.push_back(s);
      }
    }
  }
  while (!stack.empty()) {
    const int a = stack.back();
    stack.pop_back();
    for (int s : g.meant_successors(a)) {
      if (m.items[s].stage == Stage::activity && !fed[s]) {
        fed[s] = true;
        stack.push_back(s);
      }
    }
  }
  for (std::size_t i = 0; i < m.items.size(); ++i) {
    const Item& it = m.items[i];
    if (it.stage != Stage::activity || !g.defines(static_cast<int>(i)) || g.in_doubt(i) || fed[i])
      continue;
    out.add(it.id.span, it.id.value,
            fmt::format("no resource links to activity '{}', directly or through the activities "
                        "before it",
                        it.id.value));
  }
}

}  // namespace lmc
