// SPDX-License-Identifier: Apache-2.0
// Finds, reads and remembers the `.lmc.yaml` that applies to each directory.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "lmc/check.h"

namespace lmc::cli {

/// One configuration as the CLI uses it.
struct LoadedConfig {
  RuleConfig rules;
  std::vector<std::string> exclude;
  std::filesystem::path base;  ///< the directory exclude patterns are relative to
};

class ConfigCache {
 public:
  explicit ConfigCache(bool color) : color_(color) {}

  /// Uses this file for every model (`--config`). False, with the problems printed, when it
  /// cannot be read or has problems.
  bool force(const std::string& path);
  /// The configuration for a model or walk in `dir`: the forced one, else the nearest
  /// `.lmc.yaml` at or above it, else the defaults. Null when that file has problems (printed
  /// once).
  const LoadedConfig* for_directory(const std::filesystem::path& dir);

 private:
  const LoadedConfig* read(const std::filesystem::path& file);

  bool color_;
  const LoadedConfig* forced_ = nullptr;
  LoadedConfig defaults_;
  std::map<std::string, std::unique_ptr<LoadedConfig>> loaded_;  // null entry: broken file
  std::map<std::string, const LoadedConfig*> by_directory_;      // directory -> its config
  std::set<std::string> warned_;  // unsafe configurations already mentioned
};

}  // namespace lmc::cli
