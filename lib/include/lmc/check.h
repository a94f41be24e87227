// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "lmc/diagnostic.h"
#include "lmc/load.h"
#include "lmc/model_set.h"
#include "lmc/results.h"

namespace lmc {

/// Severity overrides for rules: a rule mapped to nullopt is off.
struct RuleConfig {
  std::map<std::string, std::optional<Severity>, std::less<>> overrides;
};

struct CheckOptions {
  RuleConfig rules;
  std::string today;  ///< YYYY-MM-DD, for overdue-test
  /// Report each `# lmc: ignore[...]` that suppresses nothing (unused-suppression).
  bool report_unused_suppressions = false;
  /// The model's results: stale-indicator, and the CSV rows that cannot be read (CheckInput).
  const Results* results = nullptr;
};

/// Runs every rule over a loaded model and returns all findings (the loader's included) with
/// their severities decided, `ignore:` and the config applied, sorted. When `links` is given,
/// it receives the number of sound links (0 for a model that could not be read). PATH#id
/// references are not followed.
std::vector<Diagnostic> check(const LoadResult& loaded, const CheckOptions& options,
                              int* links = nullptr);

/// One model of several checked together.
struct CheckInput {
  const LoadResult* loaded = nullptr;
  const FileTargets* targets = nullptr;     ///< the files it names; null: not followed
  const RuleConfig* rules = nullptr;        ///< its configuration; null: the defaults
  bool report_unused_suppressions = false;  ///< its unused `# lmc: ignore[...]` are findings
  /// Its results (the CSV its `results:` names): stale-indicator looks at them, and the rows
  /// that cannot be read (Results::problems, unknown-indicator and invalid-value, located in
  /// the CSV) are findings under its configuration. Null: it has none.
  const Results* results = nullptr;
};

/// Checks models as one graph (a programme and its work streams): every rule sees the links
/// across files, and each finding lands in the file where its node or reference is written,
/// under that file's configuration, `ignore:` and suppression comments (`# lmc: ignore[rule]`
/// on the finding's line or alone on the line before it; `# lmc: ignore-file[rule]`). `local` maps
/// FileTarget model indices to indices in `models` (empty when they are the same). `links`, when
/// given, receives each model's number of sound links written in it.
std::vector<Diagnostic> check(std::span<const CheckInput> models, std::string_view today,
                              std::vector<int>* links = nullptr, std::span<const int> local = {});

/// Checks every model of a set, each group of linked models (ModelSet::groups) as one graph,
/// the groups possibly at once through `parallel` (one after another when it is empty).
/// `rules[m]` is model m's configuration (null: the defaults); `links`, when given, receives
/// each model's number of sound links written in it. Findings sorted, the same whatever ran
/// in parallel.
/// `results[m]` is model m's results (null, or past the end: none).
std::vector<Diagnostic> check_set(const ModelSet& set, std::span<const RuleConfig* const> rules,
                                  std::string_view today, std::vector<int>* links = nullptr,
                                  const ParallelFn& parallel = {},
                                  bool report_unused_suppressions = false,
                                  std::span<const Results* const> results = {});

/// Collects one rule's findings; given to each rule's check function.
class Findings {
 public:
  /// A finding in the model being checked at `span` about `item` (may be empty) with a
  /// plain-language message and an optional concrete suggestion.
  Diagnostic& add(Span span, std::string item, std::string message, std::string suggestion = {}) {
    return add_in(model_, span, std::move(item), std::move(message), std::move(suggestion));
  }
  /// A finding in model `model` (an index in the graph).
  Diagnostic& add_in(int model, Span span, std::string item, std::string message,
                     std::string suggestion = {});
  /// The file of model `model`, for related locations.
  const std::string& file(int model) const { return files_[model]; }

 private:
  friend std::vector<Diagnostic> check(std::span<const CheckInput>, std::string_view,
                                       std::vector<int>*, std::span<const int>);
  Findings(std::vector<std::string> files, std::vector<Diagnostic>& out)
      : files_(std::move(files)), out_(out) {}
  std::vector<std::string> files_;
  int model_ = 0;
  std::string rule_;
  std::vector<Diagnostic>& out_;
};

}  // namespace lmc
