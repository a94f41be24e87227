// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "lmc/check.h"
#include "lmc/diagnostic.h"

namespace lmc {

/// The name of the per-repository configuration file.
inline constexpr const char* kConfigFileName = ".lmc.yaml";

/// Parses a `.lmc.yaml`:
///   rules:
///     unresourced-activity: off
///     unmeasured-outcome: error
/// Problems (unknown rule, bad severity, bad YAML) come back as error diagnostics with
/// positions; the config is then not to be used.
struct ConfigResult {
  RuleConfig rules;
  std::vector<Diagnostic> problems;
};
ConfigResult parse_config(const std::string& path, std::string text);

/// The nearest `.lmc.yaml` in `dir` or any directory above it; nullopt when there is none.
std::optional<std::filesystem::path> find_config(const std::filesystem::path& dir);

}  // namespace lmc
