// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "lmc/diagnostic.h"
#include "lmc/results.h"

namespace lmc {

class Graph;
struct Model;
class Findings;

/// What a rule's check sees besides the model.
struct RuleContext {
  const Graph& graph;                ///< every model checked together, as one graph
  std::string_view today;            ///< YYYY-MM-DD
  int model = 0;                     ///< for a per-model check: the model it is given, in graph
  const Results* results = nullptr;  ///< for a per-model check: its results, when it has any
  /// The graph node of the given model's item i.
  int node(std::size_t i) const;
};

/// What a rule is about: how the file is written (`format`), how the chain holds together
/// (`logic`), or what an evaluator needs to test the theory (`evaluation`). SARIF tags.
enum class Category { format, logic, evaluation };
std::string_view to_string(Category c);

/// One rule: its stable id, default severity, category, one-line summary and the usual fix.
/// Data only: the check that finds it is the checker's (check/registry.cpp), so the loader, the
/// configuration and the reports read the table without depending on the checks.
struct Rule {
  std::string_view id;
  Severity severity;
  Category category;
  std::string_view summary;
  std::string_view fix;
};

/// Every rule, sorted by id (lib/src/rules/table.cpp): the CLI, docs, config, loader, checker
/// and report formats read it.
std::span<const Rule> all_rules();
/// The rule with this id, or null.
const Rule* find_rule(std::string_view id);
/// The rule's documentation page (docs/rules/<id>.md, compiled in); empty if it has none.
std::string_view rule_doc(std::string_view id);
/// Where that page is published (the repository's docs/rules/<id>.md).
std::string rule_page_url(std::string_view id);

}  // namespace lmc
