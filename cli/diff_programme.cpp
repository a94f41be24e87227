// SPDX-License-Identifier: Apache-2.0
// `lmc diff OLD_DIR NEW_DIR` (and `REV:DIR` in git): two revisions of a programme's folder,
// compared model by model, with the models added and removed and the links across files added
// and removed.
#include "diff_programme.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "git_source.h"
#include "lmc/check.h"
#include "lmc/diff.h"
#include "lmc/load.h"
#include "lmc/model_set.h"
#include "lmc/source.h"

namespace lmc::cli {

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

bool read_disk_tree(const std::string& spec, Tree& tree) {
  tree.disk = spec;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(spec, fs::directory_options::skip_permission_denied, ec),
       end;
       !ec && it != end; it.increment(ec)) {
    const fs::path rel = it->path().lexically_relative(spec);
    if (hidden(rel)) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (!is_yaml_name(rel) || !it->is_regular_file(ec)) continue;
    std::string text, why;
    if (read_file(it->path(), text, &why) != ReadError::none) {
      print_error("'" + it->path().string() + "' " + why);
      return false;
    }
    if (classify_yaml(text) != YamlFile::other) {
      tree.files.emplace(rel.generic_string(), std::move(text));
    }
  }
  if (ec) {
    print_error("'" + spec + "' cannot be read: " + ec.message());
    return false;
  }
  return true;
}

bool read_git_tree(const std::string& spec, Tree& tree) {
  std::string names, error;
  if (run_git({"ls-tree", "-r", "--name-only", "--end-of-options", spec}, names, error) != 0) {
    // A revision before the folder existed: an empty side, everything in the other added.
    std::string ignored, why;
    const std::string rev = spec.substr(0, spec.find(':'));
    if (run_git({"rev-parse", "--verify", "--quiet", "--end-of-options", rev + "^{commit}"},
                ignored, why) == 0) {
      return true;
    }
    print_error("'" + spec + "': " + error);
    return false;
  }
  const std::string base = spec.back() == ':' || spec.back() == '/' ? spec : spec + "/";
  std::istringstream lines(names);
  for (std::string name; std::getline(lines, name);) {
    if (name.empty() || hidden(name) || !is_yaml_name(name)) continue;
    std::string text;
    if (!read_git_blob(base + name, text, error)) {
      print_error("'" + base + name + "': " + error);
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

int diff_folders(const std::string& old_spec, const std::string& new_spec,
                 const std::string& format, bool color, bool quiet, const std::string& today_date) {
  Tree trees[2];
  const std::string specs[2] = {old_spec, new_spec};
  for (int k = 0; k < 2; ++k) {
    trees[k].label = specs[k];
    std::error_code ec;
    const bool on_disk = fs::is_directory(specs[k], ec);
    if (!(on_disk ? read_disk_tree(specs[k], trees[k]) : read_git_tree(specs[k], trees[k]))) {
      return 2;
    }
  }
  const CheckedTree before = check_tree(trees[0], 0, today_date);
  const CheckedTree after = check_tree(trees[1], 1, today_date);

  std::set<std::string> paths;
  for (const auto& [p, m] : before.by_path) paths.insert(p);
  for (const auto& [p, m] : after.by_path) paths.insert(p);
  std::vector<std::pair<std::string, std::string>> added, removed;  // path, title
  std::vector<std::pair<std::string, ChangeSet>> changed;
  for (const std::string& p : paths) {
    const auto a = before.by_path.find(p);
    const auto b = after.by_path.find(p);
    if (a == before.by_path.end()) {
      added.emplace_back(p, title_of(after, b->second));
      continue;
    }
    if (b == after.by_path.end()) {
      removed.emplace_back(p, title_of(before, a->second));
      continue;
    }
    ChangeSet changes =
        diff_models(before.set.models[a->second]->model, after.set.models[b->second]->model,
                    findings_of(before, a->second), findings_of(after, b->second));
    if (!changes.changes.empty() || !changes.introduced.empty() || !changes.resolved.empty()) {
      changed.emplace_back(p, std::move(changes));
    }
  }
  const std::set<std::string> links_before = cross_links(before), links_after = cross_links(after);
  std::vector<std::string> links_added, links_removed;
  std::set_difference(links_after.begin(), links_after.end(), links_before.begin(),
                      links_before.end(), std::back_inserter(links_added));
  std::set_difference(links_before.begin(), links_before.end(), links_after.begin(),
                      links_after.end(), std::back_inserter(links_removed));
  const bool same = added.empty() && removed.empty() && links_added.empty() &&
                    links_removed.empty() &&
                    std::all_of(changed.begin(), changed.end(),
                                [](const auto& c) { return c.second.changes.empty(); });
  if (quiet) return same ? 0 : 1;

  std::ostream& out = std::cout;
  if (format == "json") {
    nlohmann::ordered_json j;
    j["version"] = 1;
    j["old"] = old_spec;
    j["new"] = new_spec;
    auto models = [](const auto& list) {
      nlohmann::ordered_json a = nlohmann::ordered_json::array();
      for (const auto& [p, title] : list) a.push_back({{"path", p}, {"title", title}});
      return a;
    };
    auto links = [](const std::vector<std::string>& list) {
      nlohmann::ordered_json a = nlohmann::ordered_json::array();
      for (const std::string& l : list) {
        const auto arrow = l.find(" -> ");
        a.push_back({{"from", l.substr(0, arrow)}, {"to", l.substr(arrow + 4)}});
      }
      return a;
    };
    j["models_added"] = models(added);
    j["models_removed"] = models(removed);
    j["cross_links_added"] = links(links_added);
    j["cross_links_removed"] = links(links_removed);
    nlohmann::ordered_json per = nlohmann::ordered_json::array();
    for (const auto& [p, changes] : changed) {
      std::ostringstream one;
      write_diff_json(one, changes, old_spec + "/" + p, new_spec + "/" + p);
      per.push_back({{"path", p}, {"diff", nlohmann::ordered_json::parse(one.str())}});
    }
    j["models"] = per;
    out << j.dump(2) << "\n";
    return same ? 0 : 1;
  }
  const bool md = format == "markdown";
  const std::string h = md ? "## " : "";
  // Paths and links as a person reads them: control characters escaped; in Markdown a code
  // span, a backtick in it written as a quote.
  auto name = [&](const std::string& text) {
    std::string shown = printable(text);
    if (!md) return shown;
    std::replace(shown.begin(), shown.end(), '`', '\'');
    return "`" + shown + "`";
  };
  out << (md ? "# " : "") << "Programme diff: " << name(old_spec) << " -> " << name(new_spec)
      << "\n";
  if (same) {
    out << "\nSame theory: no model, link or finding changed.\n";
    return 0;
  }
  auto list = [&](const std::string& heading, const auto& items, auto show) {
    if (items.empty()) return;
    out << "\n" << h << heading << "\n" << (md ? "\n" : "");
    for (const auto& item : items) out << (md ? "- " : "  ") << show(item) << "\n";
  };
  auto model_line = [&](const std::pair<std::string, std::string>& m) {
    return m.second.empty() ? name(m.first) : name(m.first) + " (" + printable(m.second) + ")";
  };
  list("Models added", added, model_line);
  list("Models removed", removed, model_line);
  list("Links across models added", links_added, name);
  list("Links across models removed", links_removed, name);
  for (const auto& [p, changes] : changed) {
    std::ostringstream one;
    if (md) {
      write_diff_markdown(one, changes, old_spec + "/" + p, new_spec + "/" + p);
    } else {
      write_diff_text(one, changes, old_spec + "/" + p, new_spec + "/" + p, color);
    }
    out << "\n" << h << name(p) << "\n\n" << one.str();
  }
  return 1;
}

}  // namespace lmc::cli
