// SPDX-License-Identifier: Apache-2.0
// What the commands share that prints or chooses for the user: loading a model named on the
// command line (saying why it cannot be), writing a result to a file or standard output, and
// the date of --today. The workspace layer (driver/) does the work and never prints.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "driver/checked_model.h"
#include "driver/session.h"
#include "format_table.h"
#include "lmc/render.h"
#include "lmc/results.h"

namespace lmc::cli {

using namespace ::lmc::driver;

/// One model named on the command line (`path`), loaded with every model it reaches and
/// checked with them. When a configuration is broken, or the model is not one lmc can read,
/// prints why on stderr ("'x' <consequence>: ...") and returns nullopt. The model is
/// `set.models[0]`.
std::optional<CheckedSet> load_programme(const std::string& path, const std::string& config,
                                         const std::string& today_arg,
                                         std::string_view consequence);

/// Says on stderr why a model cannot be used: its findings, then "'x' <consequence>: it is not
/// a logic model lmc can read".
void say_unreadable(const std::string& display, const SourceText& source,
                    const std::vector<Diagnostic>& findings, std::string_view consequence);

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

/// Writes a command's result to `path`, or standard output for "-": the driver's all-or-nothing
/// write, with its guard. Returns why not, or empty.
std::string write_to(const std::string& path, std::string_view data);

/// write_output for a command's result: on failure the reason is printed (lmc: error: ...)
/// and false returned, for the command to exit 2.
bool emit_output(const std::string& path, std::string_view data);

/// A workbook (or other bytes that are not text) is not shown on a terminal: false, said on
/// stderr with how to name its file (`example`, "registers.xlsx"), when `path` is "-" and
/// standard output is one.
bool binary_output_allowed(const std::string& path, std::string_view example);

/// Writes a drawing to `path` (- for standard output) atomically, after Graphviz's messages;
/// false (said on stderr) when it could not be drawn or written.
bool write_drawing(const RenderResult& r, const std::string& path);

/// The formats a drawing is written in (render, diff --render): the value is what the
/// renderer is told.
const FormatTable<OutputFormat>& drawing_formats();

/// --results names one model's results: false (said on stderr) when `given` is set and more
/// than one model was asked for.
bool results_for_one_model(const std::string& given, std::size_t models);

/// The results of the model shown as `display` (`given`, a --results FILE, else the model's
/// `results:`), read on `today`; null when neither names one. A file that cannot be read is
/// said on stderr and `ok` made false; rows that cannot be read are said where they are in
/// the CSV, as check says findings, and `problems` made true.
std::unique_ptr<Results> model_results(const std::string& display, const Model& model,
                                       const std::string& given, const std::string& today, bool& ok,
                                       bool& problems);

/// How many findings of each severity, as "2 errors, 1 warning, 0 infos".
std::string count_findings(const std::vector<Diagnostic>& findings);

}  // namespace lmc::cli
