// SPDX-License-Identifier: Apache-2.0
// Reading model files and walking folders for models, as every command and server does.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace lmc::driver {

struct LoadedConfig;

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

/// The first 64 KiB of a file: enough to tell whether it is a model (looks_like_model).
std::string read_head(const std::filesystem::path& path);

/// Whether a file or folder is hidden (its name starts with '.'): walks pass it over.
bool is_hidden(const std::filesystem::path& path);
/// A path as reports show it: "dir/sub/x.yaml", no "./" in front, in forward slashes.
std::string display_path(const std::filesystem::path& path);

/// A model file found on the command line or in a directory.
struct InputFile {
  std::string display;             ///< the path as reports show it
  std::filesystem::path location;  ///< where it is on disk; empty for stdin
  std::string text;
  std::uintmax_t oversize = 0;  ///< not read: its size, over kMaxModelBytes
};

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

/// One file under two names (a hard link, or a symbolic link beside the file) is one model:
/// keeps the first name of each file in `files` and returns, for each other name dropped,
/// {that name, the first name} when the two differ.
std::vector<std::pair<std::string, std::string>> drop_linked_names(std::vector<InputFile>& files);

}  // namespace lmc::driver
