// SPDX-License-Identifier: Apache-2.0
// JSON shared by the library's writers (reports, exports, the schema), so a finding looks the
// same in every output and invalid UTF-8 never aborts one.
#pragma once

#include <nlohmann/json.hpp>

#include "lmc/diagnostic.h"

namespace lmc {

using Json = nlohmann::ordered_json;

/// A finding as `lmc check --format json` writes it.
Json diagnostic_json(const Diagnostic& d);

/// Serializes with two-space indentation and a final newline; invalid UTF-8 is replaced.
std::string dump_json(const Json& j);

}  // namespace lmc
