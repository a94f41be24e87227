// SPDX-License-Identifier: Apache-2.0
// A ChangeSet as the JSON of `lmc diff --format json`: shared by the file diff, the folder
// diff and the history of `lmc log`.
#pragma once

#include <string>

#include "lmc/diff.h"
#include "support/json.h"

namespace lmc {

Json diff_json(const ChangeSet& cs, const std::string& old_label, const std::string& new_label);

}  // namespace lmc
