// SPDX-License-Identifier: Apache-2.0
// What makes two revisions' items, labels and indicators the same one: shared by the diff
// (lib/src/diff) and the visual diff's marks (lib/src/render/diff_decorations.cpp).
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "lmc/model.h"

namespace lmc::identity {

/// A label as compared for renames: case and runs of white space do not count.
std::string normalized(std::string_view s);

/// The first definition of each valid id, by id.
std::map<std::string, const Item*> items_by_id(const Model& m);

/// An indicator's identity across revisions: its id, else its normalized label.
std::string indicator_key(const Indicator& ind);

}  // namespace lmc::identity
