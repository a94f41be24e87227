// SPDX-License-Identifier: Apache-2.0
// `lmc diff` of two revisions of a programme's folder.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "driver/config_cache.h"
#include "driver/session.h"
#include "lmc/diff.h"

namespace lmc::driver {

/// Whether a side of `lmc diff` is a folder: one on disk, or REV:DIR naming a tree in git.
bool is_folder_side(const std::string& spec);

/// Compares every model under two folders (on disk, or REV:DIR in git; a revision before the
/// folder existed is empty): per model its changes, the models added and removed, and the
/// links across models added and removed. Folders on disk are walked as `lmc check` walks them
/// (their `.lmc.yaml`'s exclude applies). Nullopt when a side cannot be read: `problems` says
/// why (a configuration's problems go to the cache's reporter).
std::optional<FolderDiff> compare_folders(const std::string& old_spec, const std::string& new_spec,
                                          const std::string& today_date, ConfigCache& configs,
                                          std::vector<std::string>& problems);

}  // namespace lmc::driver
