// SPDX-License-Identifier: Apache-2.0
#include <iostream>
#include <memory>

#include "cli.h"
#include "lmc/export.h"
#include "lmc/schema.h"
#include "lmc/spread.h"

namespace lmc::cli {

Runner setup_schema(CLI::App& app) {
  auto exported = std::make_shared<bool>(false);
  auto spread = std::make_shared<bool>(false);
  auto* e = app.add_flag("--export", *exported,
                         "The schema of `lmc export --format json` instead of the model format's");
  app.add_flag("--spread", *spread,
               "The schema of `lmc spread --format json` instead of the model format's")
      ->excludes(e);
  return [exported, spread] {
    std::cout << (*exported ? export_schema() : *spread ? spread_schema() : json_schema());
    return kExitOk;
  };
}

}  // namespace lmc::cli
