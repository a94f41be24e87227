// SPDX-License-Identifier: Apache-2.0
// `lmc diff` of two revisions of a programme's folder.
#pragma once

#include <string>

#include "cli.h"
#include "model_group.h"

namespace lmc::cli {

/// Whether a side of `lmc diff` is a folder: one on disk, or REV:DIR naming a tree in git.
bool is_folder_side(const std::string& spec);

/// Compares every model under two folders (on disk, or REV:DIR in git; a revision before the
/// folder existed is empty): per model its changes, the models added and removed, and the
/// links across models added and removed. Exit code as `lmc diff`: 0 same theory, 1 different,
/// 2 trouble. Folders on disk are walked as `lmc check` walks them (their `.lmc.yaml`'s
/// `exclude` applies).
int diff_folders(const std::string& old_spec, const std::string& new_spec,
                 const std::string& format, bool color, bool quiet, const std::string& today_date,
                 ConfigCache& configs);

}  // namespace lmc::cli
