// SPDX-License-Identifier: Apache-2.0
// The subcommands: each has a setup (declares its options on the CLI11 app) and a run.
#pragma once

#include <CLI/CLI.hpp>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "driver/config_cache.h"
#include "driver/files.h"

namespace lmc::cli {

// The commands use the workspace layer as their own.
using namespace ::lmc::driver;

/// Exit codes shared by every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;

/// Registers a subcommand; the returned function runs it after parsing and gives the exit code.
using Runner = std::function<int()>;
Runner setup_check(CLI::App& app);
Runner setup_rules(CLI::App& app);
Runner setup_explain(CLI::App& app);
Runner setup_render(CLI::App& app);
Runner setup_export(CLI::App& app);
Runner setup_diff(CLI::App& app);
Runner setup_schema(CLI::App& app);
Runner setup_init(CLI::App& app);
Runner setup_adapt(CLI::App& app);
Runner setup_spread(CLI::App& app);
Runner setup_serve(CLI::App& app);
/// `serve` in lmc's own command list: lmc-serve runs it (see main.cpp).
Runner setup_serve_listing(CLI::App& app);
Runner setup_report(CLI::App& app);
Runner setup_trace(CLI::App& app);
Runner setup_status(CLI::App& app);
Runner setup_edit(CLI::App& app);
Runner setup_log(CLI::App& app);
Runner setup_lsp(CLI::App& app);
Runner setup_completion(CLI::App& app);
/// Hidden: the build writes the manual pages with it.
Runner setup_man_pages(CLI::App& app);

/// Standard input, up to kMaxModelBytes; beyond that, says so and returns false.
bool read_standard_input(std::string& out);

/// Expands PATH arguments: files as given, directories recursively (`.yaml`/`.yml` files whose
/// top level has `logic_model`; hidden entries and the configuration's `exclude` skipped),
/// `-` as stdin. Problems (missing path,
/// unreadable file, a directory with no models) are printed to stderr and make ok false.
struct Discovered {
  std::vector<InputFile> files;
  bool ok = true;
};
/// With `models_only`, files named on the command line that are not logic models are skipped
/// too (for hooks that pass every changed YAML file).
Discovered discover(const std::vector<std::string>& paths, const std::string& stdin_name,
                    ConfigCache& configs, bool models_only = false);
/// The files found that can be read whole: one too large is said ("'x' is too large to
/// <verb>") and `found.ok` made false.
std::vector<InputFile> readable_files(Discovered& found, std::string_view verb);

/// Whether to colour output written to stdout: `mode` is auto, always or never.
bool use_color(const std::string& mode);
/// Today's local date as YYYY-MM-DD.
std::string today();
/// The local time now, formatted by strftime's `format` ("%H:%M:%S").
std::string local_time(const char* format);
/// Prints "lmc: error: message" to stderr.
void print_error(const std::string& message);
/// "lmc: warning: <message>" on stderr: something the user should know; the command goes on.
void print_warning(const std::string& message);

/// How the command line tells a configuration's problem: its findings and a one-line error,
/// or a note for a file passed over. Give it to a ConfigCache.
std::function<void(const ConfigProblem&)> config_printer(bool color);

}  // namespace lmc::cli
