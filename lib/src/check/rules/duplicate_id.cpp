// SPDX-License-Identifier: Apache-2.0
// duplicate-id: two entries share an id.
// Why: links, assumptions and diffs all name things by id; two boxes with one id make every
// reference to it ambiguous.
#include <unordered_map>

#include "check/rules/rules.h"

namespace lmc {

void check_duplicate_id(const Model& m, const RuleContext&, Findings& out) {
  struct First {
    std::string_view noun;
    Span span;
  };
  std::unordered_map<std::string_view, First> seen;
  auto visit = [&](const Text& id, std::string_view noun) {
    if (id.value.empty()) return;
    auto [it, inserted] = seen.emplace(id.value, First{noun, id.span});
    if (inserted) return;
    Diagnostic& d = out.add(id.span, id.value,
                            fmt::format("id '{}' is already used by the {} on line {}", id.value,
                                        it->second.noun, it->second.span.line));
    d.related.push_back(Related{m.path, it->second.span, "first defined here"});
  };
  for (const Item& it : m.items) visit(it.id, stage_name(it.stage));
  for (const Assumption& a : m.assumptions) visit(a.id, "assumption");
  for (const ExternalFactor& f : m.factors) visit(f.id, "external factor");
}

}  // namespace lmc
