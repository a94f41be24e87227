// SPDX-License-Identifier: Apache-2.0
#include "driver/checked_model.h"

#include <iostream>
#include <sstream>

#include "driver/files.h"
#include "lmc/check.h"
#include "lmc/report.h"

namespace lmc::driver {

CheckedModel check_text(const std::string& display, std::string text, const LoadedConfig& config,
                        const std::string& today_date) {
  CheckedModel c;
  c.loaded = std::make_unique<LoadResult>(load_model(display, std::move(text)));
  c.findings = check(*c.loaded, CheckOptions{config.rules, today_date});
  return c;
}

}  // namespace lmc::driver
