// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "lmc/check.h"
#include "lmc/diagnostic.h"
#include "lmc/load.h"

namespace lmc {

/// One checked file, for reports that list files.
struct CheckedFile {
  CheckedFile() = default;
  CheckedFile(std::string p, const SourceText* s) : path(std::move(p)), source(s) {}

  std::string path;
  int items = 0;
  int links = 0;
  const SourceText* source = nullptr;  ///< for source excerpts; may be null
  std::string repo_path;  ///< relative to the repository root, '/'-separated; empty: as `path`
  std::string title;      ///< the model's title: a baseline knows a moved model by it
};

/// What the CI reports need besides the findings.
struct ReportContext {
  std::string root_uri;  ///< file:// URI of the repository root, ending in '/' (SARIF)
  std::optional<Severity> fail_on = Severity::error;  ///< at or above: a failed test (JUnit)
  const RuleConfig* rules = nullptr;  ///< rules turned off are skipped test cases (JUnit)
  double seconds = 0;                 ///< how long reading and checking took (JUnit `time`)
  /// SARIF `run.automationDetails`: its id ("lmc/" when empty) and properties (an Azure
  /// pipeline's build definition and phase, which GitHub Advanced Security for Azure DevOps
  /// requires).
  std::string automation_id;
  std::map<std::string, std::string> automation_properties;
};

/// SARIF 2.1.0 for code scanning: every rule with its docs, results with repository-relative
/// locations and fingerprints that survive unrelated lines moving.
void write_sarif(std::ostream& out, const std::vector<CheckedFile>& files,
                 const std::vector<Diagnostic>& diags, const ReportContext& context);
/// GitHub Actions workflow commands, one a finding at or above `shown` (errors first, then
/// warnings, then notes: GitHub shows the first ten of each kind on a pull request), a summary
/// line of every finding, and a line counting those below `shown`.
void write_github(std::ostream& out, const std::vector<CheckedFile>& files,
                  const std::vector<Diagnostic>& diags, Severity shown = Severity::warning);
/// JUnit XML: a test suite per model, a test case per rule.
void write_junit(std::ostream& out, const std::vector<CheckedFile>& files,
                 const std::vector<Diagnostic>& diags, const ReportContext& context);
/// GitLab code quality (Code Climate) JSON.
void write_codeclimate(std::ostream& out, const std::vector<CheckedFile>& files,
                       const std::vector<Diagnostic>& diags);

/// A file:// URI for an absolute directory, percent-encoded, ending in '/'.
std::string directory_uri(std::string_view absolute_dir);
/// A file:// URI for an absolute path, percent-encoded (SARIF, the language server).
std::string file_uri(std::string_view absolute_path);

/// A finding's stable fingerprint: its rule, file, item and message with numbers taken out,
/// so it does not change when unrelated lines move. 16 hex digits.
std::string fingerprint(const Diagnostic& d, const std::string& path);

struct TextStyle {
  bool color = false;
  bool quiet = false;   ///< one line a finding: no excerpt, help or summary
  bool summary = true;  ///< the "N models checked" line (not for findings in a data file)
};

/// "4 models checked: 1 error, 2 warnings, 0 infos", or "... checked: no problems found".
std::string summary_line(std::size_t models, const Summary& summary);

/// Text output lists at most this many findings of one file, then says how many more there are.
inline constexpr std::size_t kMaxTextFindingsPerFile = 200;

/// Compiler-style text: `path:line:col: severity: message [rule]`, the source line, a caret,
/// `help:` with the fix, then a summary line.
void write_text(std::ostream& out, const std::vector<CheckedFile>& files,
                const std::vector<Diagnostic>& diags, const TextStyle& style);

/// A Markdown report lists at most this many findings (a GitHub step summary holds 1 MiB).
inline constexpr std::size_t kMaxMarkdownFindings = 1000;

/// Markdown for a pull request comment or a step summary: a heading with the summary line of
/// every finding, then a table of those at or above `shown`, errors first (severity,
/// `path:line:col`, message with its fix, rule linked to its page), and a line counting the
/// others.
void write_markdown(std::ostream& out, const std::vector<CheckedFile>& files,
                    const std::vector<Diagnostic>& diags, Severity shown = Severity::warning);

/// The findings at or above `shown`, most severe first, in their order otherwise; `below`
/// receives how many were left out.
std::vector<const Diagnostic*> most_severe_first(const std::vector<Diagnostic>& diags,
                                                 Severity shown, std::size_t* below = nullptr);

/// The JSON report of `lmc check --format json` (see docs/output.md).
void write_json(std::ostream& out, const std::vector<CheckedFile>& files,
                const std::vector<Diagnostic>& diags);

}  // namespace lmc
