// SPDX-License-Identifier: Apache-2.0
// The subcommands: each has a setup (declares its options on the CLI11 app) and a run.
#pragma once

#include <CLI/CLI.hpp>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace lmc::cli {

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
Runner setup_serve(CLI::App& app);
/// `serve` in lmc's own command list: lmc-serve runs it (see main.cpp).
Runner setup_serve_listing(CLI::App& app);
Runner setup_report(CLI::App& app);
Runner setup_trace(CLI::App& app);
Runner setup_log(CLI::App& app);
Runner setup_lsp(CLI::App& app);
Runner setup_completion(CLI::App& app);
/// Hidden: the build writes the manual pages with it.
Runner setup_man_pages(CLI::App& app);

/// Runs task(0) .. task(count - 1), on as many threads as there are cores (one when there is
/// one core or one task). Tasks must not share anything they change.
void run_parallel(std::size_t count, const std::function<void(std::size_t)>& task);

/// Why a file could not be read.
enum class ReadError { none, unreadable, not_regular, too_large };

/// Whether lmc may write over a file it reads: never over a model or a configuration
/// (output_file.h's guard), only over a baseline it is asked to refresh.
enum class Overwrite { never, allowed };

/// Reads a whole regular file into `out`, in one allocation of its exact size. Looks before it
/// reads: a file larger than kMaxModelBytes is not read (`size` says how large it is), and a
/// directory, device, pipe or socket is refused without blocking. `error` says why it failed,
/// as a sentence about the file ("cannot be read: Permission denied"). Unless `overwrite` says
/// otherwise, the file is remembered, and no output of this run is written over it. `opened`
/// receives where the file read really is (links resolved, from the open file itself, so a
/// link swapped in between a check and the read cannot mislead the caller).
ReadError read_file(const std::filesystem::path& path, std::string& out,
                    std::string* error = nullptr, std::uintmax_t* size = nullptr,
                    Overwrite overwrite = Overwrite::never,
                    std::filesystem::path* opened = nullptr);

/// Reads `fd` to its end into `out`, stopping as soon as it holds more than `limit` bytes
/// (then false, with `out` empty): a stream is never held whole before its size is known.
bool read_limited(int fd, std::size_t limit, std::string& out);
/// Standard input, up to kMaxModelBytes; beyond that, says so and returns false.
bool read_standard_input(std::string& out);

/// The first 64 KiB of a file: enough to tell whether it is a model (looks_like_model).
std::string read_head(const std::filesystem::path& path);

/// A model file found on the command line or in a directory.
struct InputFile {
  std::string display;             ///< the path as reports show it
  std::filesystem::path location;  ///< where it is on disk; empty for stdin
  std::string text;
  std::uintmax_t oversize = 0;  ///< not read: its size, over kMaxModelBytes
};

struct LoadedConfig;
/// The models under one directory, found as every command finds them: hidden entries and
/// linked directories skipped, the configuration's `exclude` applied below `dir`, `.yaml` and
/// `.yml` of any case, each file read (up to kMaxModelBytes) and kept when it may be a model
/// (a top-level `logic_model`, or text that is not UTF-8). Never prints: `problems` are
/// sentences about the paths that could not be read.
struct Walk {
  std::vector<InputFile> files;  ///< sorted by display path
  std::vector<std::string> problems;
  std::vector<std::filesystem::path> directories;  ///< every directory walked, `dir` first
  std::size_t excluded_yaml = 0;                   ///< YAML files the patterns left out
};
Walk walk_models(const std::filesystem::path& dir, const LoadedConfig& config);

/// Expands PATH arguments: files as given, directories recursively (`.yaml`/`.yml` files whose
/// top level has `logic_model`; hidden entries and the configuration's `exclude` skipped),
/// `-` as stdin. Problems (missing path,
/// unreadable file, a directory with no models) are printed to stderr and make ok false.
struct Discovered {
  std::vector<InputFile> files;
  bool ok = true;
};
class ConfigCache;
/// With `models_only`, files named on the command line that are not logic models are skipped
/// too (for hooks that pass every changed YAML file).
Discovered discover(const std::vector<std::string>& paths, const std::string& stdin_name,
                    ConfigCache& configs, bool models_only = false);

/// Whether to colour output written to stdout: `mode` is auto, always or never.
bool use_color(const std::string& mode);
/// Today's local date as YYYY-MM-DD.
std::string today();
/// The local time now, formatted by strftime's `format` ("%H:%M:%S").
std::string local_time(const char* format);
/// Prints "lmc: error: message" to stderr.
void print_error(const std::string& message);

struct ConfigProblem;
/// How the command line tells a configuration's problem: its findings and a one-line error,
/// or a note for a file passed over. Give it to a ConfigCache.
std::function<void(const ConfigProblem&)> config_printer(bool color);

}  // namespace lmc::cli
