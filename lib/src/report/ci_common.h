// SPDX-License-Identifier: Apache-2.0
// What the CI reports share: the path a finding's file has in the repository.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "lmc/report.h"

namespace lmc {

/// Display path -> repository-relative path, from the files checked.
inline std::map<std::string, std::string> repo_paths(const std::vector<CheckedFile>& files) {
  std::map<std::string, std::string> out;
  for (const CheckedFile& f : files) out[f.path] = f.repo_path.empty() ? f.path : f.repo_path;
  return out;
}

inline std::string repo_path_of(const std::map<std::string, std::string>& paths,
                                const std::string& file) {
  auto it = paths.find(file);
  return it == paths.end() ? file : it->second;
}

/// "6 findings below warning not listed (--min-severity info lists every finding)"; empty when
/// none were left out.
std::string left_out_line(std::size_t below, Severity shown);

}  // namespace lmc
