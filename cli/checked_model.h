// SPDX-License-Identifier: Apache-2.0
// One model read, loaded and checked, for the commands that work on single models.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config_cache.h"
#include "lmc/diagnostic.h"
#include "lmc/load.h"

namespace lmc::cli {

struct CheckedModel {
  std::unique_ptr<LoadResult> loaded;  ///< owned apart, so findings' sources stay put
  std::vector<Diagnostic> findings;
};

/// Loads and checks `text` (shown as `display`) under `config`, printing nothing: whether the
/// model could be read is `loaded->usable`, and why not is in the findings.
CheckedModel check_text(const std::string& display, std::string text, const LoadedConfig& config,
                        const std::string& today_date);

/// Loads and checks `text` (shown as `display`) under the configuration for `dir`. When that
/// configuration is broken, or the text is not a model lmc can read, prints why on stderr
/// ("'x' <consequence>: ...") and returns nullopt.
std::optional<CheckedModel> load_checked(const std::string& display, std::string text,
                                         const std::filesystem::path& dir, ConfigCache& configs,
                                         const std::string& today_date,
                                         std::string_view consequence);

/// The date for overdue-test: `arg` when given (printing an error and returning false if it is
/// not YYYY-MM-DD), else today's local date.
bool resolve_today(const std::string& arg, std::string& date);

}  // namespace lmc::cli
