// SPDX-License-Identifier: Apache-2.0
#include "lmc/evaluate.h"

#include <algorithm>

namespace lmc {

bool test_overdue(const Assumption& a, std::string_view today) {
  const bool open = a.status == AssumptionStatus::untested || a.status == AssumptionStatus::testing;
  // Both are YYYY-MM-DD, so text order is date order.
  return open && !today.empty() && !a.test.due.value.empty() && a.test.due.value < today;
}

Evaluation evaluate(const Model& model, const Graph& graph, const std::string& today) {
  Evaluation e;
  for (const Item& it : model.items) {
    if (it.stage != Stage::outcome && it.stage != Stage::impact) continue;
    ++e.outcomes_and_impacts;
    const auto indicators = it.indicators();
    if (indicators.empty()) continue;
    ++e.with_indicator;
    const bool complete = std::any_of(indicators.begin(), indicators.end(), [](const Indicator& i) {
      return i.baseline.present() && i.target.present() && i.source.present() && i.due.present();
    });
    e.with_complete_indicator += complete;
  }
  for (std::size_t a = 0; a < model.assumptions.size(); ++a) {
    const Assumption& as = model.assumptions[a];
    ++e.by_status[static_cast<std::size_t>(as.status)];
    if (test_overdue(as, today)) e.overdue.push_back(static_cast<int>(a));
  }

  const Paths paths(model, graph);
  const Attachments on(model, graph);
  e.paths = paths.total();
  e.loop_items = paths.loop_items();
  std::vector<std::vector<int>> items(model.assumptions.size());
  std::vector<std::vector<std::pair<int, int>>> links(model.assumptions.size());
  for (std::size_t v = 0; v < on.item_assumptions.size(); ++v) {
    for (int a : on.item_assumptions[v]) items[a].push_back(static_cast<int>(v));
  }
  for (const auto& [link, a] : on.link_assumptions) links[a].push_back(link);
  for (std::size_t a = 0; a < model.assumptions.size(); ++a) {
    AssumptionShare s;
    s.assumption = static_cast<int>(a);
    s.paths = items[a].empty() && links[a].empty() ? 0 : paths.touching(items[a], links[a]);
    s.share = e.paths > 0 ? s.paths / e.paths : 0;
    e.shares.push_back(s);
  }
  std::stable_sort(
      e.shares.begin(), e.shares.end(),
      [](const AssumptionShare& x, const AssumptionShare& y) { return x.paths > y.paths; });
  for (const AssumptionShare& s : e.shares) {
    const AssumptionStatus status = model.assumptions[s.assumption].status;
    if (e.paths > 0 && s.paths >= e.paths && status != AssumptionStatus::holds) {
      e.critical.push_back(s.assumption);
    }
  }
  return e;
}

Trace trace(const Model& model, const Graph& graph, int item, std::size_t limit) {
  const Paths paths(model, graph);
  Trace t;
  t.item = item;
  t.count = paths.through(item);
  t.shown = paths.list_through(item, limit);
  return t;
}

}  // namespace lmc
