// SPDX-License-Identifier: Apache-2.0
// stale-indicator: the latest result of an indicator is older than two periods of its
// frequency (its results CSV has not been kept up). Only with results.
// Why: a board reading the status of a stale indicator reads old news as today's.
#include <fmt/format.h>

#include "check/rules/rules.h"

namespace lmc {

void check_stale_indicator(const Model& m, const RuleContext& ctx, Findings& out) {
  if (!ctx.results || ctx.today.empty()) return;
  for (const IndicatorState& s : indicator_states(m, *ctx.results, ctx.today)) {
    if (!s.stale || !s.latest) continue;
    const Item& it = m.items[static_cast<std::size_t>(s.item)];
    const Indicator& ind = it.indicators()[static_cast<std::size_t>(s.index)];
    const Span at = ind.frequency.span.known() ? ind.frequency.span
                    : ind.id.span.known()      ? ind.id.span
                                               : ind.span;
    out.add(at, it.id.value,
            fmt::format("indicator '{}' of '{}' is measured {}, but its latest result is from {} "
                        "({}): its status is old news",
                        ind.id.value.empty() ? ind.label.value : ind.id.value, it.id.value,
                        ind.frequency.value, s.latest->date, ctx.results->path));
  }
}

}  // namespace lmc
