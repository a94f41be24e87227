// SPDX-License-Identifier: Apache-2.0
// Waiting for saves: inotify on directories, so editors that save by writing a temporary file
// and renaming it over the model are seen as well as those that write in place.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace lmc::driver {

class Watcher {
 public:
  Watcher();
  ~Watcher();
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  /// Whether inotify could be set up; when not, error() says why.
  bool ok() const { return inotify_ >= 0 && wake_ >= 0; }
  const std::string& error() const { return error_; }

  /// Watches a directory (not its subdirectories) for files written, moved in or out,
  /// created or deleted. Returns false (error() says why) when it cannot.
  bool watch(const std::filesystem::path& dir);

  /// Blocks until a file in a watched directory changes, then waits `settle` for the rest of
  /// the same save (an editor's temporary file, rename and attribute change arrive together)
  /// and returns every path that changed, each once. Returns empty when stop() was called.
  std::vector<std::filesystem::path> wait(std::chrono::milliseconds settle);

  /// Makes wait() return at once, now and from then on. Safe from a signal handler and from
  /// another thread.
  void stop();
  bool stopped() const;

 private:
  bool drain(std::vector<std::filesystem::path>& changed);

  int inotify_ = -1;
  int wake_ = -1;  ///< an eventfd stop() writes to
  std::map<int, std::filesystem::path> dirs_;
  std::string error_;
};

}  // namespace lmc::driver
