// SPDX-License-Identifier: Apache-2.0
#include "check/rules/blueprint.h"

namespace lmc {

int blueprint_index(const Graph& graph, int m) {
  const Model& model = graph.model(m);
  if (model.adapts.model.value.empty()) return -1;
  const FileTarget* file = graph.target(m, model.adapts.model.value);
  if (!file || file->status != FileTarget::Status::ok) return -1;
  const int b = graph.local_model(file->model);
  return b >= 0 && graph.usable(b) ? b : -1;
}

bool lineage_loops(const Graph& graph, int m) {
  int at = blueprint_index(graph, m);
  for (int steps = 0; at >= 0 && steps <= graph.model_count(); ++steps) {
    if (at == m) return true;
    at = blueprint_index(graph, at);
  }
  return false;
}

std::optional<Lineage> lineage_of(const Model& m, const RuleContext& ctx) {
  const int b = blueprint_index(ctx.graph, ctx.model);
  if (b < 0 || lineage_loops(ctx.graph, ctx.model)) return std::nullopt;
  return compare_with_blueprint(ctx.graph.model(b), m);
}

}  // namespace lmc
