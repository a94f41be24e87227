// SPDX-License-Identifier: Apache-2.0
// `lmc check --format markdown`: the findings as a Markdown table, for a pull request comment
// or a GitHub step summary.
#include <fmt/format.h>

#include "lmc/rules.h"
#include "report/ci_common.h"
#include "support/markup.h"

namespace lmc {

namespace {

std::string_view badge(Severity s) {
  switch (s) {
    case Severity::error: return "❌ error";
    case Severity::warning: return "⚠️ warning";
    case Severity::info: return "ℹ️ info";
  }
  return "error";
}

}  // namespace

void write_markdown(std::ostream& out, const std::vector<CheckedFile>& files,
                    const std::vector<Diagnostic>& diags, Severity least) {
  const auto paths = repo_paths(files);
  out << "### lmc: " << summary_line(files.size(), summarize(diags)) << "\n";
  std::size_t below = 0;
  const std::vector<const Diagnostic*> listed = most_severe_first(diags, least, &below);
  if (!listed.empty()) out << "\n| Severity | Where | Finding | Rule |\n|---|---|---|---|\n";
  std::size_t shown = 0;
  for (const Diagnostic* each : listed) {
    const Diagnostic& d = *each;
    if (shown++ == kMaxMarkdownFindings) break;
    const std::string text = message_with_suggestion(d);
    const std::string where =
        fmt::format("{}:{}:{}", repo_path_of(paths, d.file), d.span.line, d.span.column);
    std::string rule = md_code_cell(d.rule);
    if (find_rule(d.rule)) {
      rule = fmt::format("[{}]({})", rule, rule_page_url(d.rule));
    }
    out << fmt::format("| {} | {} | {} | {} |\n", badge(d.severity), md_code_cell(where),
                       md_cell(text), rule);
  }
  if (listed.size() > kMaxMarkdownFindings) {
    out << fmt::format("\n…and {} more findings: run `lmc check` to see them all.\n",
                       listed.size() - kMaxMarkdownFindings);
  }
  if (below > 0) out << "\n" << left_out_line(below, least) << ".\n";
}

}  // namespace lmc
