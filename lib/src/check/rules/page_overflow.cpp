// SPDX-License-Identifier: Apache-2.0
// page-overflow: the model cannot be drawn on its page with box text of 7 pt or more.
// Why: a logic model is meant to fit one side of a page; past that, the text is too small to
// read on a projector or an A4 print, and detail belongs in nested work-stream models. The
// renderer makes the same computation (fit_page), so the two always agree.
#include <cmath>
#include <set>

#include "check/rules/rules.h"
#include "lmc/render.h"

namespace lmc {

void check_page_overflow(const Model& m, const RuleContext& ctx, Findings& out) {
  const PageSize size = m.render.page.value_or(PageSize::a4);
  const bool portrait = m.render.portrait.value_or(false);
  // The items of other models this one links to are drawn beside its own, as stubs.
  const Graph& g = ctx.graph;
  std::vector<StubItem> stubs;
  std::set<std::string_view> seen;
  for (const int k : g.links_written_in(ctx.model)) {
    const Graph::Link& link = g.links()[k];
    const int other = link.ref->kind == Ref::Kind::to ? link.to : link.from;
    if (g.model_of(other) == ctx.model || !seen.insert(link.ref->target).second) continue;
    const Item& it = g.item(other);
    stubs.push_back(StubItem{link.ref->target, it.label.value, {}, it.stage, it.term, {}});
  }
  const PageFit fit = fit_page(m, model_page(m), kMinTextSize, stubs);
  if (fit.text_size >= kMinTextSize) return;
  const Span span = fit.limit_span.known() ? fit.limit_span : Span{1, 1, 0};
  out.add(
      span, {},
      fmt::format("the model will not fit one legible page: on {} {} its box text would "
                  "print at {} pt, below {} pt, because of {}; {}",
                  page_name(size), portrait ? "portrait" : "landscape", printed_size(fit.text_size),
                  kMinTextSize, fit.limit, page_advice(m, size, portrait, stubs)));
}

}  // namespace lmc
