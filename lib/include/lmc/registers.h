// SPDX-License-Identifier: Apache-2.0
// The registers an evaluator keeps in a spreadsheet, across every model given: the measurement
// plan (an indicator a row, with its latest result and status, and a row for each outcome or
// impact nobody measures), the assumptions and how each is tested, the findings of check, and
// the results. Each sheet is a table of typed cells: a workbook writer (`lmc export --format
// xlsx`) writes numbers as numbers, dates as dates and everything else as text, so a target of
// "1-3" is never read as a date.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lmc/diagnostic.h"
#include "lmc/model.h"
#include "lmc/results.h"

namespace lmc {

struct Cell {
  enum class Kind {
    empty,
    text,     ///< `text`, as written
    number,   ///< `number`; `text` as written ("1,200")
    percent,  ///< `number` a fraction (0.125); `text` as written ("12.5%")
    date,     ///< `text` YYYY-MM-DD, a valid date
  };
  Kind kind = Kind::empty;
  std::string text;
  double number = 0;
  int decimals = 0;  ///< percent: the decimals written ("12.5%": 1)

  static Cell of_text(std::string_view text);
  /// A number or percentage when the whole text is one ("42", "-3.5", "1,200", "12.5%"), a
  /// text otherwise ("1-3", "£45", "about 40").
  static Cell measure(std::string_view text);
  /// A date when the text is a valid YYYY-MM-DD, a text otherwise.
  static Cell date(std::string_view text);
};

struct Sheet {
  std::string name;                     ///< at most 31 characters (Excel's limit)
  std::vector<std::string> columns;     ///< the header row
  std::vector<std::vector<Cell>> rows;  ///< as many cells as columns
};

/// One model in the registers.
struct RegisterModel {
  const Model* model = nullptr;
  std::string path;                  ///< the model column: the model's file as given
  const Results* results = nullptr;  ///< null: the model has no results
  std::vector<Diagnostic> findings;  ///< check's findings in it (and in its results)
};

/// The sheets "Measurement plan", "Assumptions", "Findings" and, when any model has results,
/// "Results"; `today` (YYYY-MM-DD) decides statuses and which tests are overdue.
std::vector<Sheet> registers(const std::vector<RegisterModel>& models, std::string_view today);

}  // namespace lmc
