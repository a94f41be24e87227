// SPDX-License-Identifier: Apache-2.0
// GitHub workflow commands, JUnit XML and GitLab code quality (Code Climate) JSON.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "lmc/rules.h"
#include "report/ci_common.h"
#include "support/json.h"
#include "support/markup.h"

namespace lmc {

namespace {

// Workflow command data: '%', CR and LF escaped; property values also ':' and ','; other
// control characters shown escaped, as on a terminal (the log is one).
std::string github_escape(std::string_view raw, bool property) {
  const std::string s = printable(raw, true);
  std::string out;
  for (char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case '\t': out += ' '; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}

std::string_view github_command(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "notice";
  }
  return "error";
}

std::string finding_text(const Diagnostic& d, const std::string& path) {
  std::string text = fmt::format("{}:{}:{}: {}: {} [{}]", path, d.span.line, d.span.column,
                                 to_string(d.severity), d.message, d.rule);
  if (!d.suggestion.empty()) text += "\n  help: " + d.suggestion;
  return text;
}

std::string_view codeclimate_severity(Severity s) {
  switch (s) {
    case Severity::error: return "major";
    case Severity::warning: return "minor";
    case Severity::info: return "info";
  }
  return "major";
}

}  // namespace

std::vector<const Diagnostic*> most_severe_first(const std::vector<Diagnostic>& diags,
                                                 Severity shown, std::size_t* below) {
  std::vector<const Diagnostic*> out;
  for (const Diagnostic& d : diags) {
    if (d.severity >= shown) out.push_back(&d);
  }
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic* a, const Diagnostic* b) {
    return a->severity > b->severity;
  });
  if (below) *below = diags.size() - out.size();
  return out;
}

std::string left_out_line(std::size_t below, Severity shown) {
  if (below == 0) return {};
  return fmt::format("{} {} finding{} not listed (--min-severity info lists every finding)", below,
                     shown == Severity::error ? "warning and info" : "info", below == 1 ? "" : "s");
}

void write_github(std::ostream& out, const std::vector<CheckedFile>& files,
                  const std::vector<Diagnostic>& diags, Severity shown) {
  const auto paths = repo_paths(files);
  std::size_t below = 0;
  for (const Diagnostic* listed : most_severe_first(diags, shown, &below)) {
    const Diagnostic& d = *listed;
    const std::string message = message_with_suggestion(d);
    out << fmt::format("::{} file={},line={},col={},title={}::{}\n", github_command(d.severity),
                       github_escape(repo_path_of(paths, d.file), true), d.span.line, d.span.column,
                       github_escape("[" + d.rule + "]", true), github_escape(message, false));
  }
  const Summary s = summarize(diags);
  out << "lmc: " << summary_line(files.size(), s) << '\n';
  if (below > 0) out << "lmc: " << left_out_line(below, shown) << '\n';
  if (s.errors > 10 || s.warnings > 10) {
    out << "lmc: GitHub shows at most 10 errors and 10 warnings on a pull request, errors "
           "first; every one is listed above\n";
  }
}

void write_junit(std::ostream& out, const std::vector<CheckedFile>& files,
                 const std::vector<Diagnostic>& diags, const ReportContext& context) {
  const auto paths = repo_paths(files);
  std::string suites;
  int total_tests = 0, total_failures = 0;
  // Linked models are checked as one graph, so a file's own time cannot be told apart: each
  // suite gets an equal share of the run's, and the rules (one pass each) none of their own.
  const double share = files.empty() ? 0.0 : context.seconds / static_cast<double>(files.size());
  for (const CheckedFile& f : files) {
    const std::string path = f.repo_path.empty() ? f.path : f.repo_path;
    std::string cases;
    int tests = 0, failures = 0, skipped = 0;
    for (const Rule& r : all_rules()) {
      ++tests;
      std::string body, system_out;
      int failing = 0;
      const bool off = context.rules && context.rules->overrides.count(r.id) &&
                       !context.rules->overrides.find(r.id)->second;
      std::string first;  // the first failing finding, as the failure's message
      for (const Diagnostic& d : diags) {
        if (d.file != f.path || d.rule != r.id) continue;
        const bool fails = context.fail_on && d.severity >= *context.fail_on;
        (fails ? body : system_out) += finding_text(d, path) + "\n";
        if (fails && failing == 0) {
          first = fmt::format("line {}: {}", d.span.line, message_with_suggestion(d));
        }
        failing += fails;
      }
      std::string inner;
      if (off) {
        inner = "<skipped message=\"turned off in the configuration\"/>";
        ++skipped;
      } else if (failing > 0) {
        if (failing > 1) first += fmt::format(" (and {} more)", failing - 1);
        inner = fmt::format("<failure type=\"{}\" message=\"{}\">{}</failure>", xml_text(r.id),
                            xml_text(printable(first, true)), xml_text(body));
        ++failures;
      }
      if (!system_out.empty())
        inner += fmt::format("<system-out>{}</system-out>", xml_text(system_out));
      cases += fmt::format("    <testcase classname=\"{}\" name=\"{}\" time=\"0\">{}</testcase>\n",
                           xml_text(path), xml_text(r.id), inner);
    }
    total_tests += tests;
    total_failures += failures;
    suites += fmt::format(
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\" "
        "time=\"{:.3f}\">\n{}  </testsuite>\n",
        xml_text(path), tests, failures, skipped, share, cases);
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << fmt::format(
      "<testsuites name=\"lmc\" tests=\"{}\" failures=\"{}\" errors=\"0\" time=\"{:.3f}\">\n{}"
      "</testsuites>\n",
      total_tests, total_failures, context.seconds, suites);
}

void write_codeclimate(std::ostream& out, const std::vector<CheckedFile>& files,
                       const std::vector<Diagnostic>& diags) {
  const auto paths = repo_paths(files);
  Json issues = Json::array();
  std::set<std::string> seen;
  for (const Diagnostic& d : diags) {
    const std::string path = repo_path_of(paths, d.file);
    std::string print = fingerprint(d, path);
    // Two findings alike but for their numbers get distinct fingerprints, in order.
    for (int k = 2; !seen.insert(print).second; ++k)
      print = fingerprint(d, path + "#" + std::to_string(k));
    const std::string description = message_with_suggestion(d);
    issues.push_back(
        Json{{"type", "issue"},
             {"check_name", d.rule},
             {"description", description},
             {"categories", Json::array({"Bug Risk"})},
             {"severity", std::string(codeclimate_severity(d.severity))},
             {"fingerprint", print},
             {"location",
              {{"path", path},
               {"positions",
                {{"begin", {{"line", d.span.line}, {"column", d.span.column}}},
                 {"end", {{"line", d.span.line}, {"column", d.span.column + d.span.length}}}}}}}});
  }
  out << dump_json(issues);
}

}  // namespace lmc
