// SPDX-License-Identifier: Apache-2.0
// disconnected-model: a model detailed by a box's `model` has no link to or from the model that
// names it.
// Why: a work stream's model that links to nothing in the programme cannot show what in the
// programme it serves; the programme's outcomes it should carry look unsupported.
#include <set>

#include "check/rules/rules.h"

namespace lmc {

void check_disconnected_model(const RuleContext& ctx, Findings& out) {
  const Graph& g = ctx.graph;
  // Pairs of models a link joins, either way; a link written wrongly counts (it is reported
  // as what it is, and shows the writer meant to join them).
  std::set<std::pair<int, int>> joined;
  auto join = [&](int a, int b) {
    if (a != b) joined.emplace(std::min(a, b), std::max(a, b));
  };
  for (const Graph::Link& link : g.links()) join(g.model_of(link.from), g.model_of(link.to));
  for (const Graph::BadRef& bad : g.bad_refs()) {
    if (bad.ref->kind != Ref::Kind::to && bad.ref->kind != Ref::Kind::from) continue;
    if (bad.from >= 0 && bad.to >= 0) join(g.model_of(bad.from), g.model_of(bad.to));
    if (bad.file && bad.file->status == FileTarget::Status::ok) {
      if (const int other = g.local_model(bad.file->model); other >= 0) join(bad.model, other);
    }
  }
  for (int i = 0; i < g.size(); ++i) {
    const int detail = g.detail_model(i);
    const int m = g.model_of(i);
    if (detail < 0 || detail == m || !g.usable(detail)) continue;
    if (joined.count({std::min(m, detail), std::max(m, detail)})) continue;
    const Item& it = g.item(i);
    const std::string back = path_from(g.model(detail).path, g.model(m).path);
    out.add_in(m, it.detail_model()->span, it.id.value,
               fmt::format("'{}', the model that details {}, has no link to or from this model: "
                           "nobody can see what in it serves this programme",
                           it.detail_model()->value, describe(it)),
               fmt::format("in '{}', link the outputs or outcomes to what they serve here, with "
                           "`to: [{}#id]`",
                           it.detail_model()->value, back));
  }
}

}  // namespace lmc
