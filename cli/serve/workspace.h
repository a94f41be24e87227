// SPDX-License-Identifier: Apache-2.0
// What `lmc serve` shows: the models under the path it serves, each checked and drawn, kept
// up to date as their files are saved. Thread-safe: the watcher refreshes while the server's
// threads read.
#pragma once

#include <atomic>
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
  /// The same laid out for a 16:9 screen without the bands (the projector's), drawn once a
  /// page has asked for it; its box order kept apart.
  std::string screen_svg;
  std::vector<std::vector<std::string>> screen_order;
  /// What the page edits and traces: the boxes (id, label, column, term, links, indicators),
  /// the assumptions and the factors, as in the file.
  nlohmann::json structure;
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
  /// The page's data: a model as JSON (nullopt when there is no such model), its diagram for
  /// the page or, with `screen`, for the projector; and the index.
  std::optional<nlohmann::json> model_json(const std::string& path, bool screen = false);
  nlohmann::json index_json() const;

  /// Reads, checks and draws the model at `path` again now (after an edit made here), and
  /// announces it; looks for new models first when `path` is not one yet.
  void redraw(const std::filesystem::path& file);

  /// The directory served (empty when one file is); where a new model may be written.
  std::filesystem::path folder() const { return single_ ? std::filesystem::path() : root_; }

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
  std::uint32_t instance_;           ///< tells this server's versions from a restarted one's
  std::atomic<bool> screen_{false};  ///< a page has asked for the projector's diagram
  driver::ConfigCache configs_{config_printer(false)};

  std::mutex refresh_mu_;  ///< one refresh at a time (the watcher's, an edit's, a page's)
  mutable std::mutex mu_;
  std::map<std::string, ModelView> models_;
  std::vector<std::filesystem::path> dirs_;

  mutable std::mutex events_mu_;
  std::condition_variable events_cv_;
  std::vector<std::string> events_;  ///< announced changes; index + 1 is their sequence
  bool stopping_ = false;
};

}  // namespace lmc::cli::serve
