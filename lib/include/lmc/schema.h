// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

namespace lmc {

/// The JSON Schema (draft-07) of the model format, built from the same key table the loader
/// reads, with a description on every key for editors' hover help. Deterministic text ending
/// in a newline; schemas/logic-model.schema.json is a copy.
std::string json_schema();

}  // namespace lmc
