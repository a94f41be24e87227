// SPDX-License-Identifier: Apache-2.0
// stranded-outcome: an outcome from which no path reaches an impact (when the models checked
// together have one).
// Why: an outcome that leads nowhere is not part of the theory of how the programme achieves
// what it exists for; either a link is missing or the outcome does not belong. A work stream's
// outcome that leads into the programme's impact is not stranded.
#include "check/rules/rules.h"

namespace lmc {

void check_stranded_outcome(const RuleContext& ctx, Findings& out) {
  const Graph& g = ctx.graph;
  std::vector<int> impacts;
  for (int i = 0; i < g.size(); ++i) {
    if (g.item(i).stage == Stage::impact && g.defines(i)) impacts.push_back(i);
  }
  if (impacts.empty()) return;
  // "When the model has impacts": a model's own, or those of the models its links join it
  // to (a work stream answers to the programme's impact). A model linked to none with no
  // impact of its own is left alone, as a model checked by itself is.
  std::vector<int> group(g.model_count());
  for (int m = 0; m < g.model_count(); ++m) group[m] = m;
  auto root = [&](int m) {
    while (group[m] != m) m = group[m] = group[group[m]];
    return m;
  };
  for (const Graph::Link& link : g.links()) {
    const int a = root(g.model_of(link.from)), b = root(g.model_of(link.to));
    group[std::max(a, b)] = std::min(a, b);
  }
  std::vector<bool> answers(g.model_count(), false);
  for (int i : impacts) answers[root(g.model_of(i))] = true;
  // Along the links the writer meant, so a typo in one link does not strand what follows.
  const std::vector<bool> leads = g.reach_backward(impacts);
  for (int i = 0; i < g.size(); ++i) {
    const Item& it = g.item(i);
    if (it.stage != Stage::outcome || !g.defines(i) || g.in_doubt(i) || leads[i]) continue;
    if (!answers[root(g.model_of(i))]) continue;
    out.add_in(g.model_of(i), it.id.span, it.id.value,
               fmt::format("outcome '{}' leads to no impact: no link, direct or through later "
                           "outcomes, connects it to what the programme exists for",
                           it.id.value));
  }
}

}  // namespace lmc
