// SPDX-License-Identifier: Apache-2.0
// One model read, loaded and checked, for the commands that work on single models.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "driver/config_cache.h"
#include "lmc/diagnostic.h"
#include "lmc/load.h"

namespace lmc::driver {

struct CheckedModel {
  std::unique_ptr<LoadResult> loaded;  ///< owned apart, so findings' sources stay put
  std::vector<Diagnostic> findings;
};

/// Loads and checks `text` (shown as `display`) under `config`, printing nothing: whether the
/// model could be read is `loaded->usable`, and why not is in the findings.
CheckedModel check_text(const std::string& display, std::string text, const LoadedConfig& config,
                        const std::string& today_date);

}  // namespace lmc::driver
