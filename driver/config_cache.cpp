// SPDX-License-Identifier: Apache-2.0
#include "driver/config_cache.h"

#include "driver/files.h"
#include "lmc/config.h"

namespace lmc::driver {

namespace fs = std::filesystem;

bool ConfigCache::force(const std::string& path) {
  forced_ = read(path);
  return forced_ != nullptr;
}

const LoadedConfig* ConfigCache::for_directory(const fs::path& dir) {
  if (forced_) return forced_;
  // Models in one directory share a configuration: look it up once a directory.
  const std::string key = dir.empty() ? "." : dir.string();
  if (auto it = by_directory_.find(key); it != by_directory_.end()) return it->second;
  const ConfigLookup found = find_config(key);
  for (const fs::path& unsafe : found.unsafe) {
    if (warned_.insert(unsafe.string()).second && report_) {
      report_(ConfigProblem{ConfigProblem::Kind::ignored,
                            unsafe,
                            unsafe.string(),
                            "another user owns it and others can write it",
                            {}});
    }
  }
  const LoadedConfig* config = found.file ? read(*found.file) : &defaults_;
  by_directory_.emplace(key, config);
  return config;
}

const LoadedConfig* ConfigCache::read(const fs::path& file) {
  std::error_code ec;
  const std::string key = fs::weakly_canonical(file, ec).string();
  if (auto it = loaded_.find(key); it != loaded_.end()) return it->second.get();
  std::unique_ptr<LoadedConfig>& slot = loaded_[key];
  std::string display = fs::relative(file, ec).generic_string();
  if (ec || display.empty() || display.starts_with("../../")) display = file.generic_string();
  // As a model is read: a directory, device or FIFO refused at once, the size limit checked
  // before reading, and the file kept from being written over.
  std::string text, why;
  if (read_file(file, text, &why) != ReadError::none) {
    if (report_) {
      report_(ConfigProblem{
          ConfigProblem::Kind::unreadable, file, display, "the configuration file " + why, {}});
    }
    return nullptr;
  }
  ConfigResult r = parse_config(display, text);
  if (!r.problems.empty()) {
    if (report_) {
      report_(
          ConfigProblem{ConfigProblem::Kind::invalid, file, display,
                        "the configuration '" + display + "' has problems; fix it and run again",
                        std::move(r.problems)});
    }
    return nullptr;
  }
  slot = std::make_unique<LoadedConfig>();
  slot->rules = std::move(r.rules);
  slot->exclude = std::move(r.exclude);
  slot->base = fs::absolute(file, ec).parent_path();
  return slot.get();
}

std::vector<fs::path> ConfigCache::files_read() const {
  std::vector<fs::path> out;
  for (const auto& [key, config] : loaded_) out.emplace_back(key);
  return out;
}

}  // namespace lmc::driver
