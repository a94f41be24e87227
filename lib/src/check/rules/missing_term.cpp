// SPDX-License-Identifier: Apache-2.0
// missing-term: an outcome with no `term`.
// Why: short, medium and long term say when a change is expected; without one the outcome is
// drawn in the medium-term column by default.
#include "check/rules/rules.h"

namespace lmc {

void check_missing_term(const Model& m, const RuleContext& ctx, Findings& out) {
  for (std::size_t i = 0; i < m.items.size(); ++i) {
    const Item& it = m.items[i];
    if (it.stage != Stage::outcome || !ctx.graph.defines(ctx.node(i))) continue;
    if (it.term != Term::none || it.term_doubtful) continue;
    out.add(it.id.span, it.id.value,
            fmt::format("outcome '{}' has no term; it counts as medium term", it.id.value));
  }
}

}  // namespace lmc
