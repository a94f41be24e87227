// SPDX-License-Identifier: Apache-2.0
// Finds, reads and remembers the `.lmc.yaml` that applies to each directory.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "lmc/check.h"
#include "lmc/diagnostic.h"

namespace lmc::driver {

/// One configuration as the CLI uses it.
struct LoadedConfig {
  RuleConfig rules;
  std::vector<std::string> exclude;
  std::filesystem::path base;  ///< the directory exclude patterns are relative to
};

/// What is wrong with a configuration file, as the cache found it (once a file).
struct ConfigProblem {
  enum class Kind {
    unreadable,  ///< cannot be read (missing, a directory, too large...): `message` says why
    invalid,     ///< read, with problems: `diagnostics`
    ignored,     ///< another user owns it and others can write it: passed over
  };
  Kind kind = Kind::invalid;
  std::filesystem::path file;           ///< as found
  std::string display;                  ///< as messages name it
  std::string message;                  ///< a sentence about the file
  std::vector<Diagnostic> diagnostics;  ///< located, in the file (Kind::invalid)
};

/// Finds, reads and remembers configurations. Never prints: each problem is handed once to the
/// reporter the front end gives (the command line prints it, the language server publishes it
/// on the file).
class ConfigCache {
 public:
  using Reporter = std::function<void(const ConfigProblem&)>;
  explicit ConfigCache(Reporter reporter) : report_(std::move(reporter)) {}

  /// Uses this file for every model (`--config`). False, with the problem reported, when it
  /// cannot be read or has problems.
  bool force(const std::string& path);
  /// The configuration for a model or walk in `dir`: the forced one, else the nearest
  /// `.lmc.yaml` at or above it, else the defaults. Null when that file has problems (reported
  /// once).
  const LoadedConfig* for_directory(const std::filesystem::path& dir);
  /// The configuration files read so far (real paths), with or without problems.
  std::vector<std::filesystem::path> files_read() const;

 private:
  const LoadedConfig* read(const std::filesystem::path& file);

  Reporter report_;
  const LoadedConfig* forced_ = nullptr;
  LoadedConfig defaults_;
  std::map<std::string, std::unique_ptr<LoadedConfig>> loaded_;  // null entry: broken file
  std::map<std::string, const LoadedConfig*> by_directory_;      // directory -> its config
  std::set<std::string> warned_;  // unsafe configurations already mentioned
};

}  // namespace lmc::driver
