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
enum class MapKind { top, render, item, indicator, assumption, test, factor, adapts, adaptation };

/// Bit set of the stages a key is valid in (items only).
inline constexpr unsigned kAllStages = 0x1F;
constexpr unsigned stage_bit(Stage s) {
  return 1u << static_cast<unsigned>(s);
}

/// What a key's value is, for the JSON Schema (the loader checks the same in code).
enum class ValueType {
  version,        ///< the integer 1
  text,           ///< any single value
  date,           ///< YYYY-MM-DD
  id,             ///< [A-Za-z][A-Za-z0-9_-]*
  ids,            ///< an id or a list of ids (to, from); an id may be PATH#id
  references,     ///< a list of ids or "a -> b" links (about, affects); ids may be PATH#id
  model_path,     ///< a path relative to the file, written with '/'
  term,           ///< short | medium | long
  status,         ///< untested | testing | holds | fails
  page,           ///< a5 | a4 | a3 | letter | legal | tabloid | screen
  orientation,    ///< landscape | portrait
  texts,          ///< a list of single values (tags)
  text_or_texts,  ///< a value or a list of them (evidence)
  rule_ids,       ///< a list of rule ids (ignore)
  indicators,     ///< a list of indicators
  test,           ///< an assumption's test
  render,         ///< the render block
  items,          ///< a list of items of the section's stage
  assumptions,
  factors,
  boolean,      ///< true | false
  adapts,       ///< the adapts block: model, version
  adaptations,  ///< a list of adaptation records
  change,       ///< dropped | modified | added | replaced
  fidelity,     ///< consistent | inconsistent | unknown
};

struct KeySpec {
  std::string_view name;
  std::string_view description;
  ValueType type = ValueType::text;
  bool required = false;
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
