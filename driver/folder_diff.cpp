// SPDX-License-Identifier: Apache-2.0
// `lmc diff OLD_DIR NEW_DIR` (and `REV:DIR` in git): two revisions of a programme's folder,
// compared model by model, with the models added and removed and the links across files added
// and removed.
#include "driver/folder_diff.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "driver/config_cache.h"
#include "driver/git.h"
#include "lmc/check.h"
#include "lmc/diff.h"
#include "lmc/load.h"
#include "lmc/model_set.h"
#include "lmc/source.h"

namespace lmc::driver {

namespace fs = std::filesystem;

namespace {

// The models under a folder, by their path inside it, at one revision.
struct Tree {
  std::string label;
  std::map<std::string, std::string> files;  // path inside the folder -> text
  fs::path disk;                             // the folder on disk; empty for a git revision
};

bool hidden(const fs::path& rel) {
  return std::any_of(rel.begin(), rel.end(),
                     [](const fs::path& part) { return part.string().starts_with("."); });
}

// The models under a folder on disk, as every command walks one (exclude, hidden entries,
// encodings).
bool read_disk_tree(const std::string& spec, Tree& tree, ConfigCache& configs,
                    std::vector<std::string>& problems) {
  tree.disk = spec;
  const LoadedConfig* config = configs.for_directory(spec);
  if (!config) return false;  // the configuration's problem is reported by the cache
  Walk walk = walk_models(spec, *config);
  problems.insert(problems.end(), walk.problems.begin(), walk.problems.end());
  if (!walk.problems.empty()) return false;
  for (InputFile& f : walk.files) {
    if (f.oversize) {
      problems.push_back("'" + f.display + "' is too large to compare (over 64 MB)");
      return false;
    }
    tree.files.emplace(f.location.lexically_relative(spec).generic_string(), std::move(f.text));
  }
  return true;
}

bool read_git_tree(const std::string& spec, Tree& tree, std::vector<std::string>& problems) {
  std::string names, error;
  if (run_git({"ls-tree", "-r", "--name-only", "--end-of-options", spec}, names, error) != 0) {
    // A revision before the folder existed: an empty side, everything in the other added.
    std::string ignored, why;
    const std::string rev = spec.substr(0, spec.find(':'));
    if (run_git({"rev-parse", "--verify", "--quiet", "--end-of-options", rev + "^{commit}"},
                ignored, why) == 0) {
      return true;
    }
    problems.push_back("'" + spec + "': " + error);
    return false;
  }
  const std::string base = spec.back() == ':' || spec.back() == '/' ? spec : spec + "/";
  std::istringstream lines(names);
  for (std::string name; std::getline(lines, name);) {
    if (name.empty() || hidden(name) || !is_yaml_name(name)) continue;
    std::string text;
    if (!read_git_blob(base + name, text, error)) {
      problems.push_back("'" + base + name + "': " + error);
      return false;
    }
    if (classify_yaml(text) != YamlFile::other) tree.files.emplace(name, std::move(text));
  }
  return true;
}

// Every model of the tree, checked together with what they reach. Models are shown by their
// path inside the folder.
struct CheckedTree {
  ModelSet set;
  std::vector<Diagnostic> findings;
  std::map<std::string, int> by_path;  // path inside the folder -> model
};

CheckedTree check_tree(const Tree& tree, int side, const std::string& today_date) {
  // A git revision has no folder on disk: its files are named under a root of their own.
  const fs::path root = tree.disk.empty() ? fs::path(fmt::format("/.lmc-revision-{}", side))
                                          : fs::absolute(tree.disk);
  std::map<fs::path, const std::string*> texts;
  std::vector<ModelSource> sources;
  for (const auto& [path, text] : tree.files) {
    const fs::path at = (root / path).lexically_normal();
    texts.emplace(at, &text);
    sources.push_back(ModelSource{path, at, text, 0});
  }
  const ReadFileFn disk = model_file_reader();
  ReadFileFn read = [&](const fs::path& p, std::string& text, std::string& why,
                        std::uintmax_t& oversize) {
    if (auto found = texts.find(p.lexically_normal()); found != texts.end()) {
      text = *found->second;
      return true;
    }
    if (tree.disk.empty()) {
      why = "there is no such file at this revision";
      return false;
    }
    return disk(p, text, why, oversize);
  };
  CheckedTree out;
  out.set = load_model_set(std::move(sources), read, run_parallel);
  for (std::size_t m = 0; m < out.set.given; ++m) {
    out.by_path.emplace(out.set.models[m]->source.path(), static_cast<int>(m));
  }
  out.findings = check_set(out.set, {}, today_date);
  return out;
}

std::vector<Diagnostic> findings_of(const CheckedTree& t, int m) {
  std::vector<Diagnostic> out;
  for (const Diagnostic& d : t.findings) {
    if (d.file == t.set.models[m]->source.path()) out.push_back(d);
  }
  return out;
}

// The links from one model into another, as "from-file#id -> to-file#id", by the paths
// inside the folder.
std::set<std::string> cross_links(const CheckedTree& t) {
  std::set<std::string> out;
  for (const auto& [path, m] : t.by_path) {
    const Model& model = t.set.models[m]->model;
    for (const Item& it : model.items) {
      for (const Ref& ref : it.links) {
        const auto parts = split_file_ref(ref.target);
        if (!parts || it.id.value.empty()) continue;
        const std::string other = (fs::path(path).parent_path() / fs::path(parts->first))
                                      .lexically_normal()
                                      .generic_string();
        const std::string self = path + "#" + it.id.value;
        const std::string target = other + "#" + std::string(parts->second);
        out.insert(ref.kind == Ref::Kind::to ? self + " -> " + target : target + " -> " + self);
      }
    }
  }
  return out;
}

std::string title_of(const CheckedTree& t, int m) {
  const Model& model = t.set.models[m]->model;
  return model.title.value;
}

}  // namespace

bool is_folder_side(const std::string& spec) {
  std::error_code ec;
  if (fs::is_directory(spec, ec)) return true;
  if (spec.find(':') == std::string::npos || fs::exists(spec, ec)) return false;
  std::string type, error;
  if (run_git({"cat-file", "-t", "--end-of-options", spec}, type, error) == 0) {
    return type.starts_with("tree");
  }
  // REV:DIR where the revision has no such path: a folder when the other side is one.
  return false;
}

std::optional<FolderDiff> compare_folders(const std::string& old_spec, const std::string& new_spec,
                                          const std::string& today_date, ConfigCache& configs,
                                          std::vector<std::string>& problems) {
  Tree trees[2];
  const std::string specs[2] = {old_spec, new_spec};
  for (int k = 0; k < 2; ++k) {
    trees[k].label = specs[k];
    std::error_code ec;
    const bool on_disk = fs::is_directory(specs[k], ec);
    if (!(on_disk ? read_disk_tree(specs[k], trees[k], configs, problems)
                  : read_git_tree(specs[k], trees[k], problems))) {
      return std::nullopt;
    }
  }
  const CheckedTree before = check_tree(trees[0], 0, today_date);
  const CheckedTree after = check_tree(trees[1], 1, today_date);

  FolderDiff diff;
  diff.old_label = old_spec;
  diff.new_label = new_spec;
  std::set<std::string> paths;
  for (const auto& [p, m] : before.by_path) paths.insert(p);
  for (const auto& [p, m] : after.by_path) paths.insert(p);
  for (const std::string& p : paths) {
    const auto a = before.by_path.find(p);
    const auto b = after.by_path.find(p);
    if (a == before.by_path.end()) {
      diff.added.emplace_back(p, title_of(after, b->second));
      continue;
    }
    if (b == after.by_path.end()) {
      diff.removed.emplace_back(p, title_of(before, a->second));
      continue;
    }
    ChangeSet changes =
        diff_models(before.set.models[a->second]->model, after.set.models[b->second]->model,
                    findings_of(before, a->second), findings_of(after, b->second));
    if (!changes.changes.empty() || !changes.introduced.empty() || !changes.resolved.empty()) {
      diff.changed.emplace_back(p, std::move(changes));
    }
  }
  const std::set<std::string> links_before = cross_links(before), links_after = cross_links(after);
  std::set_difference(links_after.begin(), links_after.end(), links_before.begin(),
                      links_before.end(), std::back_inserter(diff.links_added));
  std::set_difference(links_before.begin(), links_before.end(), links_after.begin(),
                      links_after.end(), std::back_inserter(diff.links_removed));
  return diff;
}

}  // namespace lmc::driver
