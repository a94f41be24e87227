// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lmc/source.h"

namespace lmc {

/// How serious a finding is. Ordered: info < warning < error.
enum class Severity { info, warning, error };

/// "error", "warning" or "info".
std::string_view to_string(Severity s);
/// Parses "error", "warning" or "info"; nullopt for anything else.
std::optional<Severity> parse_severity(std::string_view s);

/// A secondary place that explains a finding ("first defined here").
struct Related {
  std::string file;
  Span span;
  std::string message;
};

/// One finding: where, how serious, which rule, what is wrong and how to fix it.
struct Diagnostic {
  std::string file;
  Span span;
  Severity severity = Severity::error;
  std::string rule;
  std::string message;
  std::string item;  ///< the model id the finding is about; empty when none
  std::vector<Related> related;
  std::string suggestion;  ///< a concrete fix ("did you mean 'x'?"); empty when none
  /// The suggestion as an edit an editor can apply: within `span`, the text `fix_from` becomes
  /// `fix_to`. Both empty when the fix needs a person.
  std::string fix_from;
  std::string fix_to;
};

/// Suggests that `written`, in the finding's span, be `meant`: the suggestion "did you mean
/// 'meant'?", and the same as a fix an editor can apply.
void suggest_replacement(Diagnostic& d, std::string written, std::string meant);

/// The message, then the suggestion in brackets when there is one: a finding on one line, as
/// annotations, SARIF, Markdown and editors show it.
std::string message_with_suggestion(const Diagnostic& d);

/// Orders findings by file, line, column, then rule.
bool diagnostic_less(const Diagnostic& a, const Diagnostic& b);

/// Totals of a set of findings by severity.
struct Summary {
  int errors = 0;
  int warnings = 0;
  int infos = 0;
};
Summary summarize(const std::vector<Diagnostic>& diags);

}  // namespace lmc
