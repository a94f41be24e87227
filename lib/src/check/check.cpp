// SPDX-License-Identifier: Apache-2.0
#include "lmc/check.h"

#include <algorithm>
#include <set>

#include "lmc/graph.h"
#include "lmc/rules.h"

namespace lmc {

Diagnostic& Findings::add(Span span, std::string item, std::string message,
                          std::string suggestion) {
  Diagnostic d;
  d.file = file_;
  d.span = span;
  d.rule = rule_;
  d.item = std::move(item);
  d.message = std::move(message);
  d.suggestion = std::move(suggestion);
  out_.push_back(std::move(d));
  return out_.back();
}

namespace {

// id -> rules its `ignore:` turns off.
using IgnoreMap = std::map<std::string, std::set<std::string, std::less<>>, std::less<>>;

void collect_ignores(IgnoreMap& map, const std::string& id, std::span<const Text> ignore) {
  if (id.empty()) return;
  for (const Text& t : ignore) map[id].insert(t.value);
}

}  // namespace

std::vector<Diagnostic> check(const LoadResult& loaded, const CheckOptions& options, int* links) {
  std::vector<Diagnostic> all = loaded.diagnostics;
  const Model& model = loaded.model;
  if (links) *links = 0;
  if (loaded.usable) {
    const Graph graph(model);
    if (links) *links = static_cast<int>(graph.links().size());
    const RuleContext ctx{graph, options.today};
    Findings findings(loaded.source.path(), all);
    for (const Rule& rule : all_rules()) {
      if (!rule.check) continue;
      findings.rule_ = std::string(rule.id);
      rule.check(model, ctx, findings);
    }
  }

  IgnoreMap ignores;
  for (const auto& it : model.items) collect_ignores(ignores, it.id.value, it.ignore());
  for (const auto& a : model.assumptions) collect_ignores(ignores, a.id.value, a.ignore);
  for (const auto& f : model.factors) collect_ignores(ignores, f.id.value, f.ignore);

  std::vector<Diagnostic> kept;
  kept.reserve(all.size());
  for (Diagnostic& d : all) {
    if (!d.item.empty()) {
      auto it = ignores.find(d.item);
      if (it != ignores.end() && it->second.count(d.rule)) continue;
    }
    const Rule* rule = find_rule(d.rule);
    std::optional<Severity> severity = rule ? rule->severity : Severity::error;
    if (auto o = options.rules.overrides.find(d.rule); o != options.rules.overrides.end()) {
      severity = o->second;
    }
    if (!severity) continue;
    d.severity = *severity;
    kept.push_back(std::move(d));
  }
  std::sort(kept.begin(), kept.end(), diagnostic_less);
  return kept;
}

}  // namespace lmc
