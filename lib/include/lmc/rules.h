// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <span>
#include <string_view>

#include "lmc/diagnostic.h"

namespace lmc {

class Graph;
struct Model;
class Findings;

/// What a rule's check sees besides the model.
struct RuleContext {
  const Graph& graph;
  std::string_view today;  ///< YYYY-MM-DD
};

using CheckFn = void (*)(const Model&, const RuleContext&, Findings&);

/// One rule: its stable id, default severity, one-line summary, the usual fix, and the check
/// that finds it (null for the rules the loader reports while reading the file).
struct Rule {
  std::string_view id;
  Severity severity;
  std::string_view summary;
  std::string_view fix;
  CheckFn check;
};

/// Every rule, sorted by id. The only list: the CLI, docs, config and report formats read it.
std::span<const Rule> all_rules();
/// The rule with this id, or null.
const Rule* find_rule(std::string_view id);
/// The rule's documentation page (docs/rules/<id>.md, compiled in); empty if it has none.
std::string_view rule_doc(std::string_view id);

}  // namespace lmc
