// SPDX-License-Identifier: Apache-2.0
#include <iostream>

#include "cli.h"
#include "lmc/schema.h"

namespace lmc::cli {

Runner setup_schema(CLI::App&) {
  return [] {
    std::cout << json_schema();
    return kExitOk;
  };
}

}  // namespace lmc::cli
