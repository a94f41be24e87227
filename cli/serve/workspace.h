// SPDX-License-Identifier: Apache-2.0
// What `lmc serve` shows: the models under the path it serves, each checked and drawn, kept
// up to date as their files are saved. Thread-safe: the watcher refreshes while the server's
// threads read.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli.h"
#include "driver/config_cache.h"
#include "lmc/diagnostic.h"

namespace lmc::cli::serve {

/// One model as the page shows it.
struct ModelView {
  std::string path;            ///< under the served root, '/'-separated: its address
  std::filesystem::path file;  ///< on disk
  std::uint64_t version = 0;   ///< grows with every change
  std::string title;
  std::string svg;  ///< the last diagram that could be drawn; empty before one
  std::vector<std::vector<std::string>> order;  ///< its box order, kept across redraws
  nlohmann::json findings = nlohmann::json::array();
  Summary summary;
  nlohmann::json error;  ///< {line, column, message} while the file cannot be drawn; else null
  /// The real paths of the models it was checked with (it, and those it reaches through
  /// `model:` and PATH#id): a save of any of them redraws it.
  std::vector<std::filesystem::path> reaches;
};

class Workspace {
 public:
  /// Serves `root`: one model file, or every model in a directory tree (hidden entries and
  /// anything leading outside it skipped). Fails (error says why) when there is none.
  Workspace(std::filesystem::path root, std::string today, std::string* error);

  bool ok() const { return ok_; }
  /// The directories to watch.
  std::vector<std::filesystem::path> directories() const;

  /// Re-reads the models among `changed` (paths from the watcher), and looks again for models
  /// when a file or directory came or went. Returns the paths (addresses) of the models whose
  /// view changed; each change is also announced to wait_for_change().
  std::vector<std::string> refresh(const std::vector<std::filesystem::path>& changed);

  /// Whether `path` is the address of a model served.
  bool has_model(const std::string& path) const {
    std::lock_guard lock(mu_);
    return models_.count(path) > 0;
  }
  /// The file of the model at address `path`; nullopt when there is no such model.
  std::optional<std::filesystem::path> model_file(const std::string& path) const {
    std::lock_guard lock(mu_);
    const auto it = models_.find(path);
    if (it == models_.end()) return std::nullopt;
    return it->second.file;
  }
  /// The page's data: a model as JSON (nullopt when there is no such model), and the index.
  std::optional<std::string> model_json(const std::string& path) const;
  std::string index_json() const;

  /// Changes announced after `seen` (a sequence number), as JSON texts, waiting up to
  /// `timeout` for one (empty when none came). `seen` is moved on. nullopt after stop().
  std::optional<std::vector<std::string>> wait_for_change(std::uint64_t& seen,
                                                          std::chrono::milliseconds timeout);
  std::uint64_t sequence() const;
  void stop();

 private:
  void scan();
  void draw(ModelView& view);
  void announce(const std::string& path, std::uint64_t version);

  std::filesystem::path root_;  ///< canonical
  bool single_ = false;
  bool ok_ = false;
  std::string today_;
  std::uint32_t instance_;  ///< tells this server's versions from a restarted one's
  driver::ConfigCache configs_{config_printer(false)};

  mutable std::mutex mu_;
  std::map<std::string, ModelView> models_;
  std::vector<std::filesystem::path> dirs_;

  mutable std::mutex events_mu_;
  std::condition_variable events_cv_;
  std::vector<std::string> events_;  ///< announced changes; index + 1 is their sequence
  bool stopping_ = false;
};

}  // namespace lmc::cli::serve
