// SPDX-License-Identifier: Apache-2.0
#include "lmc/model_set.h"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <set>

#include "lmc/suggest.h"

namespace lmc {

namespace fs = std::filesystem;

namespace {

// The real path of a file, symlinks followed; the lexically normal path when it does not exist.
fs::path real_path(const fs::path& p) {
  std::error_code ec;
  fs::path real = fs::canonical(p, ec);
  if (ec) real = fs::weakly_canonical(p, ec);
  if (ec) real = fs::absolute(p, ec).lexically_normal();
  return real;
}

// The folder a model's relative paths start from.
fs::path base_of(const fs::path& location, const std::string& display) {
  if (!location.empty()) return location.parent_path();
  return fs::path(display).parent_path();
}

// The nearest model file to a missing one, among the YAML files of the folder it would be in,
// written as `written` was.
std::string nearest_file(const fs::path& missing, std::string_view written) {
  std::error_code ec;
  std::vector<std::string> names;
  for (fs::directory_iterator it(missing.parent_path(), ec), end; !ec && it != end;
       it.increment(ec)) {
    if (is_yaml_name(it->path()) && it->is_regular_file(ec)) {
      names.push_back(it->path().filename().string());
    }
    if (names.size() > 10'000) break;
  }
  std::sort(names.begin(), names.end());
  const std::vector<std::string_view> candidates(names.begin(), names.end());
  const std::string near = nearest(missing.filename().string(), candidates);
  if (near.empty()) return {};
  const auto slash = written.rfind('/');
  return std::string(slash == std::string_view::npos ? "" : written.substr(0, slash + 1)) + near;
}

}  // namespace

std::vector<std::string> named_files(const Model& model) {
  std::vector<std::string> out;
  std::set<std::string_view> seen;
  auto add = [&](std::string_view path) {
    if (!bad_model_path(path).empty() || !seen.insert(path).second) return;
    out.emplace_back(path);
  };
  auto refs = [&](const std::vector<Ref>& list) {
    for (const Ref& r : list) {
      std::string_view text = r.target;
      const auto arrow = text.find("->");
      for (std::string_view end :
           {text.substr(0, arrow),
            arrow == std::string_view::npos ? std::string_view() : text.substr(arrow + 2)}) {
        if (auto parts = split_file_ref(end)) add(parts->first);
      }
    }
  };
  // The blueprint an adaptation adapts is checked with it (spec, "Spread").
  if (!model.adapts.model.value.empty()) add(model.adapts.model.value);
  for (const Item& it : model.items) {
    if (const Text* m = it.detail_model()) add(m->value);
    refs(it.links);
  }
  for (const Assumption& a : model.assumptions) refs(a.about);
  for (const ExternalFactor& f : model.factors) refs(f.affects);
  return out;
}

std::string path_from(const std::string& from, const std::string& other) {
  const fs::path rel = fs::path(other).lexically_relative(fs::path(from).parent_path());
  return rel.empty() ? other : rel.generic_string();
}

ModelSet load_model_set(std::vector<ModelSource> given, const ReadFileFn& read,
                        const ParallelFn& parallel) {
  ModelSet set;
  std::map<fs::path, int> by_real;
  std::vector<ModelSource> wave;
  auto admit = [&](ModelSource source, fs::path real) {
    const int index = static_cast<int>(set.models.size());
    if (!real.empty()) by_real.emplace(real, index);
    set.models.push_back(nullptr);
    set.targets.emplace_back();
    set.real.push_back(std::move(real));
    wave.push_back(std::move(source));
    return index;
  };
  for (ModelSource& source : given) {
    fs::path real = source.location.empty() ? fs::path() : real_path(source.location);
    if (!real.empty() && by_real.count(real)) continue;
    admit(std::move(source), std::move(real));
  }
  set.given = set.models.size();

  std::size_t first = 0;  // the first model of the wave being loaded
  while (!wave.empty()) {
    std::vector<ModelSource> loading = std::move(wave);
    wave.clear();
    parallel(loading.size(), [&](std::size_t k) {
      ModelSource& s = loading[k];
      set.models[first + k] =
          std::make_unique<LoadResult>(s.oversize ? oversized_model(s.display, s.oversize)
                                                  : load_model(s.display, std::move(s.text)));
    });
    const std::size_t end = first + loading.size();
    // What the wave names, in model order: files seen before are the same model; new files
    // are read here (in order, so the indices do not depend on timing) and loaded next wave.
    for (std::size_t m = first; m < end; ++m) {
      const ModelSource& s = loading[m - first];
      const fs::path base = base_of(s.location, s.display);
      for (const std::string& written : named_files(set.models[m]->model)) {
        FileTarget target;
        const fs::path at = base / fs::path(written);
        const fs::path real = real_path(at);
        set.named.insert(real);
        if (auto known = by_real.find(real); known != by_real.end()) {
          target.model = known->second;
        } else {
          std::string text, why;
          std::uintmax_t oversize = 0;
          std::error_code ec;
          if (!read(at, text, why, oversize) && !oversize) {
            target.status = FileTarget::Status::missing;
            target.reason = why;
            if (!fs::exists(at, ec)) target.suggestion = nearest_file(at, written);
          } else if (!oversize && classify_yaml(text) == YamlFile::other) {
            target.status = FileTarget::Status::not_a_model;
            target.reason = "it has no top-level `logic_model` key";
          } else {
            const std::string display = (fs::path(s.display).parent_path() / fs::path(written))
                                            .lexically_normal()
                                            .generic_string();
            target.model = admit(ModelSource{display, at, std::move(text), oversize}, real);
          }
        }
        set.targets[m].emplace(written, std::move(target));
      }
    }
    first = end;
  }
  return set;
}

int ModelSet::blueprint_of(int m) const {
  if (m < 0 || static_cast<std::size_t>(m) >= models.size()) return -1;
  const Model& model = models[static_cast<std::size_t>(m)]->model;
  if (model.adapts.model.value.empty()) return -1;
  const FileTargets& named_here = targets[static_cast<std::size_t>(m)];
  const auto t = named_here.find(model.adapts.model.value);
  if (t == named_here.end() || t->second.status != FileTarget::Status::ok) return -1;
  return t->second.model;
}

bool ModelSet::depends_on(const fs::path& file) const {
  if (file.empty()) return false;
  return named.count(file) > 0 ||
         (real.size() > 1 && std::find(real.begin() + 1, real.end(), file) != real.end());
}

std::vector<std::vector<int>> ModelSet::groups() const {
  const int n = static_cast<int>(models.size());
  std::vector<int> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  auto root = [&](int v) {
    while (parent[v] != v) v = parent[v] = parent[parent[v]];
    return v;
  };
  for (int m = 0; m < n; ++m) {
    for (const auto& [path, t] : targets[m]) {
      if (t.model < 0) continue;
      const int a = root(m), b = root(t.model);
      if (a != b) parent[std::max(a, b)] = std::min(a, b);
    }
  }
  std::vector<std::vector<int>> out;
  std::vector<int> slot(n, -1);
  for (int m = 0; m < n; ++m) {
    const int r = root(m);
    if (slot[r] < 0) {
      slot[r] = static_cast<int>(out.size());
      out.emplace_back();
    }
    out[slot[r]].push_back(m);
  }
  return out;
}

}  // namespace lmc
