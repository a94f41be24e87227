// SPDX-License-Identifier: Apache-2.0
#include "lmc/diagnostic.h"

#include <tuple>

namespace lmc {

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "info";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view s) {
  if (s == "error") return Severity::error;
  if (s == "warning") return Severity::warning;
  if (s == "info") return Severity::info;
  return std::nullopt;
}

void suggest_replacement(Diagnostic& d, std::string written, std::string meant) {
  d.suggestion = "did you mean '" + meant + "'?";
  d.fix_from = std::move(written);
  d.fix_to = std::move(meant);
}

std::string message_with_suggestion(const Diagnostic& d) {
  return d.suggestion.empty() ? d.message : d.message + " (" + d.suggestion + ")";
}

bool diagnostic_less(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.file, a.span.line, a.span.column, a.rule, a.item, a.message) <
         std::tie(b.file, b.span.line, b.span.column, b.rule, b.item, b.message);
}

Summary summarize(const std::vector<Diagnostic>& diags) {
  Summary s;
  for (const auto& d : diags) {
    switch (d.severity) {
      case Severity::error: ++s.errors; break;
      case Severity::warning: ++s.warnings; break;
      case Severity::info: ++s.infos; break;
    }
  }
  return s;
}

}  // namespace lmc
