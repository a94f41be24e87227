// SPDX-License-Identifier: Apache-2.0
// A model's history in git: each commit that touched it (newest first, following renames),
// compared with its parent as `lmc diff` compares two revisions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "lmc/diff.h"

namespace lmc::driver {

/// The commits of `path` in the repository that holds the current directory, each with the
/// changes to the theory it made. Nullopt, with why in `error`, when git cannot tell (not a
/// repository, or `path` never committed). A commit whose model cannot be read keeps its
/// place with `error` set; a shallow clone's oldest commit is marked `history_cut`.
std::optional<std::vector<HistoryEntry>> model_history(const std::string& path, std::string& error);

}  // namespace lmc::driver
