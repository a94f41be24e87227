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

/// A baseline as read: how many findings of each fingerprint it holds.
struct Baseline {
  std::map<std::string, int, std::less<>> counts;
  std::size_t size = 0;
};

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
};

/// Splits findings into those the baseline holds and new ones. A fingerprint the baseline
/// holds n times hides n findings; an (n+1)th like it is new.
BaselineMatch match_baseline(const Baseline& baseline, const std::vector<CheckedFile>& files,
                             std::vector<Diagnostic> diags);

}  // namespace lmc
