// SPDX-License-Identifier: Apache-2.0
// Test helpers: load and check models from text or from the repository's files, and read the
// `# expect: rule[, rule]` marks a test model carries on the lines its findings must point at.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "lmc/check.h"
#include "lmc/load.h"
#include "lmc/model_set.h"

namespace lmc::test {

/// The date rule tests run on, so overdue-test does not drift with the calendar.
inline constexpr const char* kToday = "2026-11-22";

/// Loads and checks text as a model named "model.yaml".
std::vector<Diagnostic> check_text(const std::string& text, const RuleConfig& rules = {});

/// (line, rule) pairs, sorted.
using Marks = std::vector<std::pair<unsigned, std::string>>;

/// The marks written as `# expect: a, b` comments in text.
Marks expected_marks(const std::string& text);
/// The (line, rule) of each finding, sorted.
Marks actual_marks(const std::vector<Diagnostic>& diags);

std::string read_file(const std::filesystem::path& p);

/// Loads the model files `given` (and every model they reach) from disk and checks each group
/// of linked models together, as `lmc check` does with --follow: the findings of every model.
std::vector<Diagnostic> check_files(const std::vector<std::filesystem::path>& given);
/// The YAML files under a directory, at any depth, sorted.
std::vector<std::filesystem::path> yaml_files_under(const std::filesystem::path& dir);
/// The .yaml files directly in a directory of the source tree, sorted.
std::vector<std::filesystem::path> yaml_files(const std::string& dir_in_source);

}  // namespace lmc::test

#include <catch2/catch.hpp>

namespace Catch {
template <>
struct StringMaker<lmc::Span> {
  static std::string convert(const lmc::Span& s) {
    return "{line " + std::to_string(s.line) + ", column " + std::to_string(s.column) +
           ", length " + std::to_string(s.length) + "}";
  }
};
template <>
struct StringMaker<std::pair<unsigned, std::string>> {
  static std::string convert(const std::pair<unsigned, std::string>& m) {
    return std::to_string(m.first) + ":" + m.second;
  }
};
}  // namespace Catch
