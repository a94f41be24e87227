// SPDX-License-Identifier: Apache-2.0
#include "diff/identity.h"

#include <cctype>

namespace lmc::identity {

std::string normalized(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

std::map<std::string, const Item*> items_by_id(const Model& m) {
  std::map<std::string, const Item*> out;
  for (const Item& it : m.items) {
    if (!it.id.value.empty()) out.emplace(it.id.value, &it);
  }
  return out;
}

std::string indicator_key(const Indicator& ind) {
  return ind.id.present() ? "id:" + ind.id.value : "label:" + normalized(ind.label.value);
}

}  // namespace lmc::identity
