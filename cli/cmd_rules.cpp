// SPDX-License-Identifier: Apache-2.0
// `lmc rules`: every rule, its default severity and what it finds.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli.h"
#include "lmc/rules.h"

namespace lmc::cli {

Runner setup_rules(CLI::App&) {
  return [] {
    std::size_t width = 0;
    for (const Rule& r : all_rules()) width = std::max(width, r.id.size());
    for (const Rule& r : all_rules()) {
      std::cout << fmt::format("{:<{}}  {:<7}  {}\n", r.id, width, to_string(r.severity),
                               r.summary);
    }
    std::cout << "\nRun `lmc explain RULE` for a rule's rationale, an example and the fix.\n";
    return kExitOk;
  };
}

}  // namespace lmc::cli
