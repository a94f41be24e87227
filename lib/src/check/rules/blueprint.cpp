// SPDX-License-Identifier: Apache-2.0
#include "check/rules/blueprint.h"

namespace lmc {

bool Lineage::covers(std::string_view item) const {
  if (recorded.count(item)) return true;
  if (const auto link = parse_link_ref(item)) {
    return recorded.count(link->first) || recorded.count(link->second);
  }
  return false;
}

std::optional<Lineage> lineage_of(const Model& m, const RuleContext& ctx) {
  if (m.adapts.model.value.empty()) return std::nullopt;
  const FileTarget* file = ctx.graph.target(ctx.model, m.adapts.model.value);
  if (!file || file->status != FileTarget::Status::ok) return std::nullopt;
  const int b = ctx.graph.local_model(file->model);
  if (b < 0 || b == ctx.model || !ctx.graph.usable(b)) return std::nullopt;
  Lineage l;
  l.blueprint = &ctx.graph.model(b);
  l.changes = diff_models(*l.blueprint, m, {}, {});
  for (const Adaptation& a : m.adaptations) {
    if (const auto link = parse_link_ref(a.item.value)) {
      l.recorded.insert(link->first + " -> " + link->second);
    } else {
      l.recorded.insert(a.item.value);
    }
  }
  return l;
}

const Item* item_named(const Model& m, std::string_view id) {
  for (const Item& it : m.items) {
    if (it.id.value == id) return &it;
  }
  return nullptr;
}

}  // namespace lmc
