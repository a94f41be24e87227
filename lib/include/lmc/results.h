// SPDX-License-Identifier: Apache-2.0
// Results over time: the measured values of a model's indicators (a CSV of
// indicator,date,value[,note]), each indicator's status against its baseline, target and due
// date, each item's worst, and what the chain says of them: an outcome off track while what
// leads to it is delivered puts the theory of those links in doubt (Suchman's and Weiss's
// theory failure); an output off track is a delivery problem of the activities producing it
// (implementation failure).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "lmc/diagnostic.h"
#include "lmc/model.h"

namespace lmc {

/// The largest results file read, and the most rows it may hold.
inline constexpr std::size_t kMaxResultsBytes = 16u << 20;
inline constexpr std::size_t kMaxResultsRows = 1'000'000;

/// One measured value.
struct ResultRow {
  std::string indicator;  ///< as written: an id, or ITEM/INDICATOR
  std::string date;       ///< YYYY-MM-DD
  double value = 0;
  std::string value_text;  ///< as written ("12.5%")
  std::string note;
  std::uint32_t line = 0;  ///< in the CSV
  int item = -1;           ///< the indicator's item and its index there
  int index = -1;
};

/// A results file, read against its model.
struct Results {
  std::string path;             ///< the CSV, as findings name it
  std::vector<ResultRow> rows;  ///< the rows that were read, in file order
  /// Rows that could not be read or name no indicator, located in the CSV: unknown-indicator
  /// (error) and invalid-value (error: a bad header, date or number, a date after today).
  std::vector<Diagnostic> problems;
};

/// Reads results text (UTF-8, with or without a byte-order mark; RFC 4180 quoting; LF or CRLF)
/// for `model`, on `today` (YYYY-MM-DD). `path` names the file in findings.
Results read_results(std::string_view path, std::string_view text, const Model& model,
                     std::string_view today);

/// An indicator's status (spec, "Results").
enum class IndicatorStatus { achieved, on_track, at_risk, off_track, no_data, untracked };
/// "achieved", "on-track", "at-risk", "off-track", "no-data", "untracked".
std::string_view status_word(IndicatorStatus s);
/// A status as a person reads it, a symbol and words, never colour alone: "✓ achieved",
/// "● on track", "▲ at risk", "✗ off track", "○ no data", "– untracked".
std::string_view status_label(IndicatorStatus s);
/// How bad a status is, for an item's worst: off-track 5, at-risk 4, no-data 3, untracked 2,
/// on-track 1, achieved 0.
int status_rank(IndicatorStatus s);

/// A number as indicators and results write them: "42", "-3.5", "12.5%", "1,200"; nullopt
/// for anything else ("1-3", "about 40").
std::optional<double> parse_measure(std::string_view text);

/// Days from 1970-01-01 of a valid YYYY-MM-DD date.
std::int64_t day_number(std::string_view date);

/// What the results say of one indicator.
struct IndicatorState {
  int item = -1, index = -1;          ///< in model.items, and in the item's indicators
  const ResultRow* latest = nullptr;  ///< the last value by date (the last written of a day)
  std::size_t count = 0;              ///< its results
  IndicatorStatus status = IndicatorStatus::no_data;
  bool stale = false;   ///< the latest is older than two periods of its frequency
  double progress = 0;  ///< p: (v - baseline) / (target - baseline)
  double expected = 0;  ///< e: the share of the time to `due` passed at the latest date
  std::string why;      ///< a sentence: "12 of the way from 42 to 35, 0.40 expected by ..."
};

/// The status of every indicator of `model` (item order, then indicator order).
std::vector<IndicatorState> indicator_states(const Model& model, const Results& results,
                                             std::string_view today);

/// What a drawing writes under an indicator: its status in a symbol and words, and its latest
/// value and date: "✗ off track: 38% on 2026-10-31", "○ no data", "● on track: 74% on
/// 2026-11-30 (stale)".
std::string result_line(const IndicatorState& s);

/// An item's worst status over its indicators (nullopt when it has none).
struct ItemState {
  int item = -1;
  std::optional<IndicatorStatus> worst;
  bool stale = false;
};
std::vector<ItemState> item_states(const Model& model, const std::vector<IndicatorState>& states);

/// One conclusion the chain allows.
struct ChainFinding {
  enum class Kind {
    theory,    ///< an outcome off track while what leads to it is on track or achieved
    delivery,  ///< an output off track: the activities producing it
    upstream,  ///< an outcome off track because what leads to it is off track too
  } kind = Kind::theory;
  int item = -1;                 ///< the outcome or output
  std::vector<int> causes;       ///< the items leading to it (on track; or off track)
  std::vector<int> assumptions;  ///< theory: the assumptions about those links or the item
  std::string message;           ///< in plain words, as status prints it
};
std::vector<ChainFinding> diagnose_chain(const Model& model, const std::vector<ItemState>& items,
                                         const std::vector<IndicatorState>& indicators);

/// `lmc status` for one model: text, markdown, json or html.
struct StatusReport {
  const Model* model = nullptr;
  std::string path;          ///< the model's file
  std::string results_path;  ///< empty: no results
  std::string today;
  std::vector<IndicatorState> indicators;
  std::vector<ItemState> items;
  std::vector<ChainFinding> chain;
};
StatusReport make_status(const Model& model, std::string path, const Results* results,
                         std::string today);
void write_status(std::ostream& out, const std::vector<StatusReport>& reports,
                  std::string_view format);

/// The status in brief, for `lmc report`: "6 indicators: 1 achieved, 2 on track, 1 at risk,
/// 2 off track (2 stale)"; then a line a conclusion of the chain, "Theory in doubt: ...".
std::vector<std::string> status_summary(const StatusReport& r);
/// `lmc status --format json`'s object for one model, as text (report's JSON embeds it).
std::string status_json(const StatusReport& r);

}  // namespace lmc
