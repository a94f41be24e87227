// SPDX-License-Identifier: Apache-2.0
#include "checked_model.h"

#include <iostream>
#include <sstream>

#include "cli.h"
#include "lmc/check.h"
#include "lmc/report.h"

namespace lmc::cli {

CheckedModel check_text(const std::string& display, std::string text, const LoadedConfig& config,
                        const std::string& today_date) {
  CheckedModel c;
  c.loaded = std::make_unique<LoadResult>(load_model(display, std::move(text)));
  c.findings = check(*c.loaded, CheckOptions{config.rules, today_date});
  return c;
}

std::optional<CheckedModel> load_checked(const std::string& display, std::string text,
                                         const std::filesystem::path& dir, ConfigCache& configs,
                                         const std::string& today_date,
                                         std::string_view consequence) {
  const LoadedConfig* config = configs.for_directory(dir.empty() ? "." : dir);
  if (!config) return std::nullopt;
  CheckedModel c = check_text(display, std::move(text), *config, today_date);
  if (!c.loaded->usable) {
    std::ostringstream out;
    write_text(out, {{display, &c.loaded->source}}, c.findings, TextStyle{false, true});
    std::cerr << out.str();
    print_error("'" + display + "' " + std::string(consequence) +
                ": it is not a logic model lmc can read");
    return std::nullopt;
  }
  return c;
}

bool resolve_today(const std::string& arg, std::string& date) {
  if (arg.empty()) {
    date = today();
    return true;
  }
  if (!is_valid_date(arg)) {
    print_error("--today '" + arg + "' is not a date: write it as YYYY-MM-DD");
    return false;
  }
  date = arg;
  return true;
}

}  // namespace lmc::cli
