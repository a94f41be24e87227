// SPDX-License-Identifier: Apache-2.0
#include "lmc/check.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "check/rules/rules.h"
#include "check/suppressions.h"
#include "lmc/graph.h"
#include "lmc/rules.h"

namespace lmc {

Diagnostic& Findings::add_in(int model, Span span, std::string item, std::string message,
                             std::string suggestion) {
  Diagnostic d;
  d.file = files_[model];
  d.span = span;
  d.rule = rule_;
  d.item = std::move(item);
  d.message = std::move(message);
  d.suggestion = std::move(suggestion);
  out_.push_back(std::move(d));
  return out_.back();
}

int RuleContext::node(std::size_t i) const {
  return graph.first_node(model) + static_cast<int>(i);
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
  const CheckInput input{&loaded, nullptr, &options.rules, options.report_unused_suppressions,
                         options.results};
  std::vector<int> counts;
  auto found = check(std::span(&input, 1), options.today, links ? &counts : nullptr);
  if (links) *links = counts[0];
  return found;
}

std::vector<Diagnostic> check(std::span<const CheckInput> models, std::string_view today,
                              std::vector<int>* links, std::span<const int> local) {
  std::vector<Diagnostic> all;
  std::vector<GraphModel> graph_models;
  std::vector<std::string> files;
  for (const CheckInput& in : models) {
    all.insert(all.end(), in.loaded->diagnostics.begin(), in.loaded->diagnostics.end());
    graph_models.push_back(GraphModel{&in.loaded->model, in.targets, in.loaded->usable});
    // A model that could not be read may have no path yet: its findings name the source.
    files.push_back(in.loaded->source.path());
  }
  const Graph graph(graph_models, local);
  if (links) {
    links->assign(models.size(), 0);
    for (std::size_t m = 0; m < models.size(); ++m) {
      (*links)[m] = static_cast<int>(graph.links_written_in(static_cast<int>(m)).size());
    }
  }
  Findings findings(files, all);
  for (const RuleCheck& rule : rule_checks()) {
    findings.rule_ = std::string(rule.id);
    if (rule.check_graph) {
      const RuleContext ctx{graph, today, 0};
      rule.check_graph(ctx, findings);
    }
    if (!rule.check) continue;
    for (std::size_t m = 0; m < models.size(); ++m) {
      if (!models[m].loaded->usable) continue;
      findings.model_ = static_cast<int>(m);
      const RuleContext ctx{graph, today, static_cast<int>(m), models[m].results};
      rule.check(models[m].loaded->model, ctx, findings);
    }
  }

  // Each finding is judged by the file it lands in: its `ignore:` and its configuration.
  std::map<std::string_view, std::size_t> model_of_file;
  for (std::size_t m = models.size(); m-- > 0;) model_of_file[files[m]] = m;
  std::vector<IgnoreMap> ignores(models.size());
  for (std::size_t m = 0; m < models.size(); ++m) {
    const Model& model = models[m].loaded->model;
    for (const auto& it : model.items) collect_ignores(ignores[m], it.id.value, it.ignore());
    for (const auto& a : model.assumptions) collect_ignores(ignores[m], a.id.value, a.ignore);
    for (const auto& f : model.factors) collect_ignores(ignores[m], f.id.value, f.ignore);
  }

  // The comments that suppress findings; a rule id in one that is no rule is a finding.
  std::vector<std::vector<Suppression>> suppressions(models.size());
  for (std::size_t m = 0; m < models.size(); ++m) {
    suppressions[m] = read_suppressions(models[m].loaded->source, all);
  }

  std::vector<Diagnostic> kept;
  kept.reserve(all.size());
  auto keep = [&](Diagnostic& d, std::size_t m) {
    const Rule* rule = find_rule(d.rule);
    std::optional<Severity> severity = rule ? rule->severity : Severity::error;
    if (const RuleConfig* config = models[m].rules) {
      if (auto o = config->overrides.find(d.rule); o != config->overrides.end()) {
        severity = o->second;
      }
    }
    if (!severity) return;
    d.severity = *severity;
    kept.push_back(std::move(d));
  };
  for (Diagnostic& d : all) {
    const auto where = model_of_file.find(d.file);
    const std::size_t m = where == model_of_file.end() ? 0 : where->second;
    if (!d.item.empty()) {
      auto it = ignores[m].find(d.item);
      if (it != ignores[m].end() && it->second.count(d.rule)) continue;
    }
    if (suppressed(suppressions[m], d)) continue;
    keep(d, m);
  }
  // The rows of a model's results that cannot be read, in the CSV, under the model's
  // configuration (a CSV has no `ignore:` and no comments).
  for (std::size_t m = 0; m < models.size(); ++m) {
    if (!models[m].results) continue;
    for (Diagnostic d : models[m].results->problems) keep(d, m);
  }
  for (std::size_t m = 0; m < models.size(); ++m) {
    if (!models[m].report_unused_suppressions) continue;
    for (const Suppression& s : suppressions[m]) {
      if (s.used) continue;
      Diagnostic d;
      d.file = files[m];
      d.span = s.span;
      d.rule = "unused-suppression";
      d.message = s.whole_file
                      ? fmt::format(
                            "`ignore-file[{}]` suppresses nothing: no {} finding in the "
                            "file",
                            s.rule, s.rule)
                      : fmt::format("`ignore[{}]` suppresses nothing: no {} finding on {}", s.rule,
                                    s.rule, s.own_line ? "the next line" : "this line");
      d.suggestion = "delete it: the finding it was for is gone";
      keep(d, m);
    }
  }
  std::sort(kept.begin(), kept.end(), diagnostic_less);
  return kept;
}

std::vector<Diagnostic> check_set(const ModelSet& set, std::span<const RuleConfig* const> rules,
                                  std::string_view today, std::vector<int>* links,
                                  const ParallelFn& parallel, bool report_unused_suppressions,
                                  std::span<const Results* const> results) {
  const std::size_t n = set.models.size();
  const std::vector<std::vector<int>> groups = set.groups();
  std::vector<std::vector<Diagnostic>> found(groups.size());
  std::vector<int> counts(n, 0);
  auto one = [&](std::size_t g) {
    const std::vector<int>& members = groups[g];
    std::vector<CheckInput> inputs;
    bool named = false;
    for (int m : members) {
      inputs.push_back(CheckInput{set.models[m].get(), &set.targets[m],
                                  m < static_cast<int>(rules.size()) ? rules[m] : nullptr,
                                  report_unused_suppressions,
                                  m < static_cast<int>(results.size()) ? results[m] : nullptr});
      named = named || !set.targets[m].empty();
    }
    // FileTarget names models by their index in the set: where they stand in this group.
    std::vector<int> local;
    if (named) {
      local.assign(n, -1);
      for (std::size_t k = 0; k < members.size(); ++k) local[members[k]] = static_cast<int>(k);
    }
    std::vector<int> group_links;
    found[g] = check(inputs, today, &group_links, local);
    for (std::size_t k = 0; k < members.size(); ++k) counts[members[k]] = group_links[k];
  };
  if (parallel) {
    parallel(groups.size(), one);
  } else {
    for (std::size_t g = 0; g < groups.size(); ++g) one(g);
  }
  std::vector<Diagnostic> all;
  for (auto& f : found) std::move(f.begin(), f.end(), std::back_inserter(all));
  std::sort(all.begin(), all.end(), diagnostic_less);
  if (links) *links = std::move(counts);
  return all;
}

}  // namespace lmc
