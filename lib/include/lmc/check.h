// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "lmc/diagnostic.h"
#include "lmc/load.h"

namespace lmc {

/// Severity overrides for rules: a rule mapped to nullopt is off.
struct RuleConfig {
  std::map<std::string, std::optional<Severity>, std::less<>> overrides;
};

struct CheckOptions {
  RuleConfig rules;
  std::string today;  ///< YYYY-MM-DD, for overdue-test
};

/// Runs every rule over a loaded model and returns all findings (the loader's included) with
/// their severities decided, `ignore:` and the config applied, sorted. When `links` is given,
/// it receives the number of sound links (0 for a model that could not be read).
std::vector<Diagnostic> check(const LoadResult& loaded, const CheckOptions& options,
                              int* links = nullptr);

/// Collects one rule's findings; given to each rule's check function.
class Findings {
 public:
  /// A finding at `span` about `item` (may be empty) with a plain-language message and an
  /// optional concrete suggestion.
  Diagnostic& add(Span span, std::string item, std::string message, std::string suggestion = {});

 private:
  friend std::vector<Diagnostic> check(const LoadResult&, const CheckOptions&, int*);
  Findings(std::string file, std::vector<Diagnostic>& out) : file_(std::move(file)), out_(out) {}
  std::string file_;
  std::string rule_;
  std::vector<Diagnostic>& out_;
};

}  // namespace lmc
