// SPDX-License-Identifier: Apache-2.0
// `lmc explain RULE`: a rule's page (why it matters, an example, the fix), as in docs/rules.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli.h"
#include "lmc/rules.h"
#include "lmc/suggest.h"

namespace lmc::cli {

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
