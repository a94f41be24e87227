// SPDX-License-Identifier: Apache-2.0
// incomplete-indicator: an indicator without a baseline, target, source or due date.
// Why: an indicator shows change only against a baseline, towards a target, from a source
// someone can query, by a date; without them the evaluation has a name and no measurement.
#include <vector>

#include "check/rules/rules.h"

namespace lmc {

void check_incomplete_indicator(const Model& m, const RuleContext& ctx, Findings& out) {
  for (std::size_t i = 0; i < m.items.size(); ++i) {
    const Item& it = m.items[i];
    if (!ctx.graph.defines(ctx.node(i))) continue;
    for (const Indicator& ind : it.indicators()) {
      // A field written wrongly is reported by the loader, not again as missing here.
      if (ind.doubtful) continue;
      std::vector<std::string_view> missing;
      if (!ind.baseline.present()) missing.push_back("baseline");
      if (!ind.target.present()) missing.push_back("target");
      if (!ind.source.present()) missing.push_back("source");
      if (!ind.due.present()) missing.push_back("due date");
      if (missing.empty()) continue;
      std::string list(missing[0]);
      for (std::size_t k = 1; k < missing.size(); ++k) {
        list += (k + 1 == missing.size() ? " or " : ", ") + std::string(missing[k]);
      }
      const std::string name =
          ind.label.value.empty() ? "an indicator" : "indicator '" + ind.label.value + "'";
      out.add(ind.label.present() ? ind.label.span : ind.span, it.id.value,
              fmt::format("{} of {} has no {}: it cannot show change", name, describe(it), list));
    }
  }
}

}  // namespace lmc
