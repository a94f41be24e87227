// SPDX-License-Identifier: Apache-2.0
// Lists in sentences, as the messages and reports write them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lmc {

/// "a", "a and b", "a, b and c" (or with `last` " or ").
inline std::string list_of(const std::vector<std::string>& parts, std::string_view last = " and ") {
  std::string out;
  for (std::size_t k = 0; k < parts.size(); ++k) {
    if (k) out += k + 1 == parts.size() ? std::string(last) : ", ";
    out += parts[k];
  }
  return out;
}

}  // namespace lmc
