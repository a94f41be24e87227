// SPDX-License-Identifier: Apache-2.0
// Baselines: the findings a repository already had when it adopted lmc, so that CI fails on
// new ones only. Findings are matched by their SARIF partial fingerprints (rule, repository
// path, item and message without numbers), so lines moving does not bring them back.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "lmc/diagnostic.h"
#include "lmc/report.h"

namespace lmc {

/// A baseline as read: its findings, and the title of each model they are in.
struct Baseline {
  struct Entry {
    std::string fingerprint;
    std::string path;     ///< repository-relative, as written
    std::string content;  ///< what a finding says, its path aside: how a moved one is known
  };
  std::vector<Entry> entries;
  std::map<std::string, std::string, std::less<>> titles;  ///< by path; older baselines: none
  std::size_t size = 0;
};

/// What a finding says, its file aside: its rule and message, numbers left out (they are line
/// numbers and counts). A finding moved with its file (`git mv`) says the same.
std::string finding_content(std::string_view rule, std::string_view message);

/// The baseline file for these findings (JSON, one entry a finding, sorted; see docs/ci.md).
std::string baseline_json(const std::vector<CheckedFile>& files,
                          const std::vector<Diagnostic>& diags);

/// Reads a baseline file's text; nullopt with `error` set (saying where) when it is not one.
std::optional<Baseline> parse_baseline(const std::string& text, std::string& error);

/// What the baseline does to a run's findings.
struct BaselineMatch {
  std::vector<Diagnostic> fresh;  ///< not in the baseline: reported
  std::size_t known = 0;          ///< in the baseline: not reported
  std::size_t fixed = 0;          ///< in the baseline but no longer found
  /// Findings that followed their model to a new path.
  struct Move {
    std::string from, to;
    std::size_t findings = 0;
  };
  std::vector<Move> moves;
};

/// Splits findings into those the baseline holds and new ones. A fingerprint the baseline
/// holds n times hides n findings; an (n+1)th like it is new. A model moved (its old path not
/// checked in this run, its new path not in the baseline) is known by its title, or, in a
/// baseline without titles, as the one new file whose findings say what the old file's did:
/// its findings match those of its old path by what they say.
BaselineMatch match_baseline(const Baseline& baseline, const std::vector<CheckedFile>& files,
                             std::vector<Diagnostic> diags);

}  // namespace lmc
