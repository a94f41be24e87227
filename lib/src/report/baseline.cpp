// SPDX-License-Identifier: Apache-2.0
#include "lmc/baseline.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "lmc/json_reader.h"
#include "report/ci_common.h"
#include "support/json.h"

namespace lmc {

namespace {

constexpr int kBaselineVersion = 1;

}  // namespace

std::string finding_content(std::string_view rule, std::string_view message) {
  std::string key(rule);
  key += '\x1f';
  for (const char c : message) {
    if (!std::isdigit(static_cast<unsigned char>(c))) key += c;
  }
  return key;
}

std::string baseline_json(const std::vector<CheckedFile>& files,
                          const std::vector<Diagnostic>& diags) {
  const auto paths = repo_paths(files);
  std::map<std::string, std::string> titles;  // of the files with findings, by path
  for (const CheckedFile& f : files) {
    titles.emplace(f.repo_path.empty() ? f.path : f.repo_path, f.title);
  }
  Json entries = Json::array();  // in the findings' order: by file, line, column, rule
  Json models = Json::object();
  for (const Diagnostic& d : diags) {
    const std::string path = repo_path_of(paths, d.file);
    if (const auto t = titles.find(path); t != titles.end() && !models.contains(path)) {
      models[path] = Json{{"title", t->second}};
    }
    // The rule, path and message are for people reading the file (and its diffs in review);
    // only the fingerprint is matched.
    entries.push_back(Json{{"fingerprint", fingerprint(d, path)},
                           {"rule", d.rule},
                           {"path", path},
                           {"line", d.span.line},
                           {"message", d.message}});
  }
  const Json doc{{"lmc_baseline", kBaselineVersion},
                 {"comment",
                  "Findings lmc reported when this baseline was written; `lmc check --baseline "
                  "FILE` reports only others. Matched by fingerprint, not line; a model "
                  "moved is known by its title."},
                 {"models", std::move(models)},
                 {"findings", std::move(entries)}};
  return dump_json(doc);
}

std::optional<Baseline> parse_baseline(const std::string& text, std::string& error) {
  std::string why;
  const std::optional<Json> read = read_json<Json>(text, why);
  if (!read) {
    error = fmt::format("not a baseline lmc can read: {}", why);
    return std::nullopt;
  }
  const Json& doc = *read;
  if (!doc.is_object() || !doc.contains("lmc_baseline")) {
    error = "not an lmc baseline (no \"lmc_baseline\" key): write one with --write-baseline";
    return std::nullopt;
  }
  if (doc["lmc_baseline"] != kBaselineVersion) {
    error = fmt::format("baseline version {} is not one this lmc reads ({})",
                        doc["lmc_baseline"].dump(), kBaselineVersion);
    return std::nullopt;
  }
  const Json& findings = doc.contains("findings") ? doc["findings"] : Json();
  if (!findings.is_array()) {
    error = "\"findings\" is not a list";
    return std::nullopt;
  }
  Baseline b;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const Json& f = findings[i];
    if (!f.is_object() || !f.contains("fingerprint") || !f["fingerprint"].is_string()) {
      error = fmt::format("findings[{}] has no \"fingerprint\" string", i);
      return std::nullopt;
    }
    auto field = [&](const char* key) {
      return f.contains(key) && f[key].is_string() ? f[key].get<std::string>() : std::string();
    };
    b.entries.push_back({f["fingerprint"].get<std::string>(), field("path"),
                         finding_content(field("rule"), field("message"))});
    ++b.size;
  }
  if (doc.contains("models") && doc["models"].is_object()) {
    for (const auto& [path, model] : doc["models"].items()) {
      if (model.is_object() && model.contains("title") && model["title"].is_string()) {
        b.titles.emplace(path, model["title"].get<std::string>());
      }
    }
  }
  return b;
}

namespace {

// The new path of each model a baseline's findings were in that this run did not check: by
// title when the baseline has one, else the one new file whose findings say what the old
// file's did (and that no other old file's do).
std::map<std::string, std::string> moved_models(
    const Baseline& baseline, const std::vector<bool>& used,
    const std::map<std::string, std::vector<const Diagnostic*>>& pending,
    const std::set<std::string>& checked, const std::map<std::string, std::string>& titles) {
  std::set<std::string> known_paths;
  std::map<std::string, std::multiset<std::string>> left;  // old path -> what its rest say
  for (std::size_t e = 0; e < baseline.entries.size(); ++e) {
    const Baseline::Entry& entry = baseline.entries[e];
    known_paths.insert(entry.path);
    if (!used[e] && !entry.path.empty() && !checked.count(entry.path)) {
      left[entry.path].insert(entry.content);
    }
  }
  std::vector<std::string> fresh_files;  // files of this run the baseline does not know
  for (const auto& [path, findings] : pending) {
    if (!known_paths.count(path)) fresh_files.push_back(path);
  }
  auto overlaps = [&](const std::string& from, const std::string& to) {
    for (const Diagnostic* d : pending.at(to)) {
      if (left.at(from).count(finding_content(d->rule, d->message))) return true;
    }
    return false;
  };
  std::map<std::string, std::string> moves;
  std::map<std::string, int> claimed;  // new path -> how many old paths chose it
  for (const auto& [from, contents] : left) {
    std::vector<std::string> candidates;
    const auto title = baseline.titles.find(from);
    for (const std::string& to : fresh_files) {
      const bool same =
          title != baseline.titles.end()
              ? !title->second.empty() && titles.count(to) && titles.at(to) == title->second
              : overlaps(from, to);
      if (same) candidates.push_back(to);
    }
    if (candidates.size() == 1) {
      moves[from] = candidates[0];
      ++claimed[candidates[0]];
    }
  }
  std::erase_if(moves, [&](const auto& move) { return claimed[move.second] > 1; });
  return moves;
}

}  // namespace

BaselineMatch match_baseline(const Baseline& baseline, const std::vector<CheckedFile>& files,
                             std::vector<Diagnostic> diags) {
  const auto paths = repo_paths(files);
  std::map<std::string, std::vector<std::size_t>, std::less<>> by_print;
  for (std::size_t e = baseline.entries.size(); e-- > 0;) {
    by_print[baseline.entries[e].fingerprint].push_back(e);  // the first written, last
  }
  std::vector<bool> used(baseline.entries.size(), false);
  BaselineMatch out;
  // Found as it was: the same fingerprint (rule, path, item, message).
  std::vector<bool> matched(diags.size(), false);
  std::map<std::string, std::vector<const Diagnostic*>> pending;  // by repository path
  for (std::size_t k = 0; k < diags.size(); ++k) {
    const std::string path = repo_path_of(paths, diags[k].file);
    auto it = by_print.find(fingerprint(diags[k], path));
    if (it != by_print.end() && !it->second.empty()) {
      used[it->second.back()] = true;
      it->second.pop_back();
      matched[k] = true;
      ++out.known;
      continue;
    }
    pending[path].push_back(&diags[k]);
  }
  // Moved with its model: the same content, from the old path to the new.
  std::set<std::string> checked;
  std::map<std::string, std::string> titles;
  for (const CheckedFile& f : files) {
    const std::string path = f.repo_path.empty() ? f.path : f.repo_path;
    checked.insert(path);
    titles.emplace(path, f.title);
  }
  for (const auto& [from, to] : moved_models(baseline, used, pending, checked, titles)) {
    BaselineMatch::Move move{from, to, 0};
    for (const Diagnostic* d : pending[to]) {
      const std::string content = finding_content(d->rule, d->message);
      for (std::size_t e = 0; e < baseline.entries.size(); ++e) {
        const Baseline::Entry& entry = baseline.entries[e];
        if (used[e] || entry.path != from || entry.content != content) continue;
        used[e] = true;
        matched[static_cast<std::size_t>(d - diags.data())] = true;
        ++move.findings;
        ++out.known;
        break;
      }
    }
    if (move.findings > 0) out.moves.push_back(std::move(move));
  }
  for (std::size_t k = 0; k < diags.size(); ++k) {
    if (!matched[k]) out.fresh.push_back(std::move(diags[k]));
  }
  out.fixed = static_cast<std::size_t>(std::count(used.begin(), used.end(), false));
  return out;
}

}  // namespace lmc
