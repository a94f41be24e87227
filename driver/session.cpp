// SPDX-License-Identifier: Apache-2.0
#include "driver/session.h"

#include <algorithm>
#include <atomic>
#include <iostream>
#include <sstream>
#include <thread>

#include <fmt/format.h>

#include "driver/checked_model.h"
#include "driver/results_file.h"
#include "lmc/check.h"
#include "lmc/report.h"

namespace lmc::driver {

namespace fs = std::filesystem;

void run_parallel(std::size_t count, const std::function<void(std::size_t)>& task) {
  const std::size_t threads =
      std::min<std::size_t>(count, std::max(1u, std::thread::hardware_concurrency()));
  if (threads <= 1) {
    for (std::size_t k = 0; k < count; ++k) task(k);
    return;
  }
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t k; (k = next.fetch_add(1)) < count;) task(k);
  };
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
}

ReadFileFn model_file_reader() {
  return [](const fs::path& p, std::string& text, std::string& why, std::uintmax_t& oversize) {
    std::error_code ec;
    if (!fs::exists(p, ec)) {
      why = "there is no such file";
      return false;
    }
    if (fs::is_directory(p, ec)) {
      why = "it is a folder, not a file";
      return false;
    }
    std::uintmax_t size = 0;
    const ReadError e = read_file(p, text, &why, &size);
    if (e == ReadError::too_large) oversize = size;
    if (e != ReadError::none && !why.empty()) why = "it " + why;
    return e == ReadError::none;
  };
}

std::vector<Diagnostic> CheckedSet::findings_in(int model) const {
  std::vector<Diagnostic> out;
  const std::string& path = set.models[model]->source.path();
  for (const Diagnostic& d : findings) {
    if (d.file == path) out.push_back(d);
  }
  return out;
}

CheckedSet load_and_check(std::vector<InputFile> files, ConfigCache& configs,
                          const std::string& today_date, const ReadFileFn& read,
                          bool report_unused_suppressions, bool with_results) {
  CheckedSet out;
  std::vector<ModelSource> sources;
  sources.reserve(files.size());
  for (InputFile& f : files) {
    sources.push_back(ModelSource{f.display, f.location, std::move(f.text), f.oversize});
  }
  out.set = load_model_set(std::move(sources), read ? read : model_file_reader(), run_parallel);
  const ModelSet& set = out.set;
  const std::size_t n = set.models.size();
  // Configurations are looked up first, in order (they print their problems once).
  std::vector<const RuleConfig*> rules(n, nullptr);
  for (std::size_t m = 0; m < n; ++m) {
    const fs::path dir = set.real[m].empty() ? fs::path(set.models[m]->source.path()).parent_path()
                                             : set.real[m].parent_path();
    const LoadedConfig* config = configs.for_directory(dir.empty() ? fs::path(".") : dir);
    if (config) {
      rules[m] = &config->rules;
    } else {
      out.configs_ok = false;
    }
  }
  // Each group of linked models is checked on its own, on every core; the findings are the
  // same byte for byte however many threads ran.
  std::vector<const Results*> results(n, nullptr);
  for (std::size_t m = 0; with_results && m < n; ++m) {
    const LoadResult& loaded = *set.models[m];
    if (!loaded.usable || loaded.model.results.value.empty()) continue;
    auto file = std::make_unique<ResultsFile>();
    file->model = static_cast<int>(m);
    const std::string path = results_path(loaded.source.path(), loaded.model, {});
    std::string why;
    if (auto read_results = load_results(path, loaded.model, today_date, why, &file->text)) {
      file->results = std::move(*read_results);
    } else {
      // Nothing to read: said at the key that names it.
      file->results.path = path;
      Diagnostic d;
      d.file = loaded.source.path();
      d.span = loaded.model.results.span;
      d.rule = "invalid-value";
      d.message = fmt::format("results: '{}' {}", loaded.model.results.value, why);
      d.suggestion = "name the results CSV, relative to this model";
      file->results.problems.push_back(std::move(d));
    }
    results[m] = &file->results;
    out.results.push_back(std::move(file));
  }
  out.findings = check_set(set, rules, today_date, &out.links, run_parallel,
                           report_unused_suppressions, results);
  return out;
}

std::optional<CheckedSet> load_file_and_check(const std::string& path, ConfigCache& configs,
                                              const std::string& today_date, std::string& error) {
  InputFile file{path, path, {}};
  std::uintmax_t size = 0;
  if (const ReadError e = read_file(path, file.text, &error, &size); e == ReadError::too_large) {
    file.oversize = size;
  } else if (e != ReadError::none) {
    return std::nullopt;
  }
  std::vector<InputFile> files;
  files.push_back(std::move(file));
  return load_and_check(std::move(files), configs, today_date);
}

std::vector<int> book_order(const ModelSet& set, int root) {
  std::vector<int> order;
  std::vector<bool> seen(set.models.size(), false);
  std::vector<int> stack{root};
  while (!stack.empty()) {
    const int m = stack.back();
    stack.pop_back();
    if (seen[m] || !set.models[m]->usable) continue;
    seen[m] = true;
    order.push_back(m);
    // Pushed in reverse, so the first box's model is drawn next.
    std::vector<int> details;
    for (const Item& it : set.models[m]->model.items) {
      const Text* path = it.detail_model();
      if (!path) continue;
      const auto t = set.targets[m].find(path->value);
      if (t != set.targets[m].end() && t->second.model >= 0) details.push_back(t->second.model);
    }
    for (auto d = details.rbegin(); d != details.rend(); ++d) stack.push_back(*d);
  }
  return order;
}

}  // namespace lmc::driver
