// SPDX-License-Identifier: Apache-2.0
// The rule pages compiled in from docs/rules (see cmake/embed_files.cmake).
#pragma once

#include <cstddef>
#include <string_view>

namespace lmc {

struct RuleDoc {
  std::string_view id;
  std::string_view text;
};

extern const RuleDoc kRuleDocs[];
extern const std::size_t kRuleDocsCount;

}  // namespace lmc
