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

/// A parsed `.lmc.yaml`:
///   rules:
///     unresourced-activity: off
///     unmeasured-outcome: error
///   exclude: [fixtures, "drafts/*.yaml"]
/// Problems (unknown rule, bad severity, bad YAML) come back as error diagnostics with
/// positions; the config is then not to be used.
struct ConfigResult {
  RuleConfig rules;
  /// Glob patterns, relative to the file's directory, of paths a directory walk skips.
  std::vector<std::string> exclude;
  std::vector<Diagnostic> problems;
};
ConfigResult parse_config(const std::string& path, std::string text);

/// Whether `relative` (a path below the config's directory, with '/' separators) matches one
/// of the exclude patterns: a pattern matches the path itself or any directory above it that
/// is longer than `keep` characters (the directory a walk started from is never excluded).
bool is_excluded(const std::vector<std::string>& patterns, const std::string& relative,
                 std::size_t keep = 0);

/// An exclude pattern that matches no file or directory below `base`, and a path below it
/// the writer may have meant (empty when none): `drafts` for a folder at `models/drafts`.
struct UnmatchedExclude {
  std::string pattern;
  std::string suggestion;
};
/// The patterns that match nothing, found with glob(3) from `base` (as is_excluded matches
/// them); the suggestion comes from a bounded search of the folders below.
std::vector<UnmatchedExclude> unmatched_excludes(const std::vector<std::string>& patterns,
                                                 const std::filesystem::path& base);

/// Where the configuration for a directory was found, and the files passed over on the way.
struct ConfigLookup {
  std::optional<std::filesystem::path> file;
  /// `.lmc.yaml` files not used because another user owns them and others may write them
  /// (anyone could turn rules off for this repository), as git passes over unsafe directories.
  std::vector<std::filesystem::path> unsafe;
};

/// The nearest `.lmc.yaml` in `dir` or a directory above it, up to the repository's root (the
/// directory that holds `.git`) or the file system's root, whichever comes first.
ConfigLookup find_config(const std::filesystem::path& dir);

}  // namespace lmc
