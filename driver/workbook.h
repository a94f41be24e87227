// SPDX-License-Identifier: Apache-2.0
// Sheets of typed cells (lmc/registers.h) as an Excel workbook, through libxlsxwriter: a bold
// header row frozen above the rows, with a filter; columns sized to what they hold; numbers as
// numbers, percentages as percentages, dates as dates (yyyy-mm-dd), everything else as text.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "lmc/registers.h"

namespace lmc::driver {

/// The .xlsx file's bytes; nullopt, with why in `error`, when libxlsxwriter cannot make it
/// (its temporary file cannot be written). The caller writes them (write_output), so the
/// workbook is written whole or not at all, and never over a model.
std::optional<std::string> workbook(const std::vector<Sheet>& sheets, std::string& error);

}  // namespace lmc::driver
