// SPDX-License-Identifier: Apache-2.0
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli.h"
#include "lmc/rules.h"
#include "lmc/suggest.h"

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

Runner setup_explain(CLI::App& app) {
  auto rule = std::make_shared<std::string>();
  app.add_option("rule", *rule, "The rule id, as `lmc rules` lists it")
      ->required()
      ->type_name("RULE");
  return [rule] {
    const Rule* r = find_rule(*rule);
    if (!r) {
      std::vector<std::string_view> ids;
      for (const Rule& each : all_rules()) ids.push_back(each.id);
      const std::string near = nearest(*rule, ids);
      print_error("no rule '" + *rule + "'" +
                  (near.empty() ? "; `lmc rules` lists them" : "; did you mean '" + near + "'?"));
      return kExitUsage;
    }
    std::cout << rule_doc(r->id);
    return kExitOk;
  };
}

}  // namespace lmc::cli
