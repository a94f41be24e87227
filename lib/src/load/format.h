// SPDX-License-Identifier: Apache-2.0
// The keys of the model format, version 1: one table the loader, its suggestions and the JSON
// Schema all read.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "lmc/model.h"

namespace lmc::format {

/// The kinds of mapping the format has.
enum class MapKind { top, render, item, indicator, assumption, test, factor };

/// Bit set of the stages a key is valid in (items only).
inline constexpr unsigned kAllStages = 0x1F;
constexpr unsigned stage_bit(Stage s) {
  return 1u << static_cast<unsigned>(s);
}

struct KeySpec {
  std::string_view name;
  std::string_view description;
  unsigned stages = kAllStages;
};

/// The keys a mapping of this kind may have, in the order the docs list them.
std::span<const KeySpec> keys_of(MapKind kind);
/// The key's spec in a mapping of this kind, or null.
const KeySpec* find_key(MapKind kind, std::string_view name);
/// The names of the keys valid in this kind (for an item: at this stage).
std::vector<std::string_view> key_names(MapKind kind, Stage stage = Stage::resource);

/// Whether text is a valid id: [A-Za-z][A-Za-z0-9_-]*.
bool is_valid_id(std::string_view text);

}  // namespace lmc::format
