// SPDX-License-Identifier: Apache-2.0
#include <iostream>
#include <memory>

#include "cli.h"
#include "lmc/export.h"
#include "lmc/schema.h"

namespace lmc::cli {

Runner setup_schema(CLI::App& app) {
  auto exported = std::make_shared<bool>(false);
  app.add_flag("--export", *exported,
               "The schema of `lmc export --format json` instead of the model format's");
  return [exported] {
    std::cout << (*exported ? export_schema() : json_schema());
    return kExitOk;
  };
}

}  // namespace lmc::cli
