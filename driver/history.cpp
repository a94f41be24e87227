// SPDX-License-Identifier: Apache-2.0
#include "driver/history.h"

#include <memory>
#include <set>
#include <sstream>

#include "driver/files.h"
#include "driver/git.h"
#include "lmc/load.h"

namespace lmc::driver {

namespace {

// `git log --follow --name-status`, one record a commit.
struct Commit {
  std::string id, short_id, date, subject;
  char status = 'M';           ///< A added, M modified, R renamed (or moved), D deleted
  std::string old_path, path;  ///< from the repository's root
};

std::vector<Commit> parse_log(const std::string& text) {
  std::vector<Commit> commits;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] == '\x1e') {
      Commit c;
      std::vector<std::string> fields;
      std::size_t at = 1;
      for (std::size_t next; (next = line.find('\x1f', at)) != std::string::npos; at = next + 1) {
        fields.push_back(line.substr(at, next - at));
      }
      fields.push_back(line.substr(at));
      if (fields.size() < 4) continue;
      c.id = fields[0];
      c.short_id = fields[1];
      c.date = fields[2];
      c.subject = fields[3];
      commits.push_back(std::move(c));
      continue;
    }
    if (line.empty() || commits.empty()) continue;
    // "M\tpath", "A\tpath", "R100\told\tnew"
    const auto tab = line.find('\t');
    if (tab == std::string::npos) continue;
    Commit& c = commits.back();
    c.status = line[0];
    const std::string rest = line.substr(tab + 1);
    if (c.status == 'R' || c.status == 'C') {
      const auto second = rest.find('\t');
      c.old_path = rest.substr(0, second);
      c.path = second == std::string::npos ? rest : rest.substr(second + 1);
    } else {
      c.old_path = c.path = rest;
    }
  }
  return commits;
}

// The model at REV:PATH, or an empty model when `absent`; null (said in `why`) when it is not
// a model lmc can read.
std::unique_ptr<LoadResult> model_at(const std::string& spec, bool absent, std::string& why) {
  if (absent) return std::make_unique<LoadResult>(empty_model(spec));
  std::string text, error;
  bool missing = false;
  if (!read_git_blob(spec, text, error, &missing)) {
    if (missing) return model_at(spec, true, why);
    why = error;
    return nullptr;
  }
  auto loaded = std::make_unique<LoadResult>(load_model(spec, std::move(text)));
  if (!loaded->usable) {
    why = "not a logic model lmc can read at this commit";
    return nullptr;
  }
  return loaded;
}

// The commits where a shallow clone's history is cut: git lists them in the repository's
// `shallow` file. Empty in a full clone.
std::set<std::string> shallow_boundaries() {
  std::string where, error;
  std::set<std::string> cut;
  if (run_git({"rev-parse", "--git-path", "shallow"}, where, error) != 0) return cut;
  while (!where.empty() && (where.back() == '\n' || where.back() == '\r')) where.pop_back();
  std::string list;
  if (where.empty() ||
      read_file(where, list, nullptr, nullptr, Overwrite::allowed) != ReadError::none) {
    return cut;
  }
  std::istringstream lines(list);
  for (std::string id; std::getline(lines, id);) {
    if (!id.empty()) cut.insert(id);
  }
  return cut;
}

}  // namespace

std::optional<std::vector<HistoryEntry>> model_history(const std::string& path,
                                                       std::string& error) {
  std::string out;
  if (run_git({"log", "--follow", "--name-status", "--date=short",
               "--format=%x1e%H%x1f%h%x1f%ad%x1f%s", "--end-of-options", "HEAD", "--", path},
              out, error) != 0) {
    error = "cannot be read from git: " + error;
    return std::nullopt;
  }
  const std::vector<Commit> commits = parse_log(out);
  if (commits.empty()) {
    error = "has no history in git (is it committed?)";
    return std::nullopt;
  }
  const std::set<std::string> cut = shallow_boundaries();
  std::vector<HistoryEntry> history;
  history.reserve(commits.size());
  for (const Commit& c : commits) {
    HistoryEntry e;
    e.id = c.id;
    e.short_id = c.short_id;
    e.date = c.date;
    e.subject = c.subject;
    e.old_path = c.old_path;
    e.path = c.path;
    e.old_spec = c.id + "^:" + c.old_path;
    e.new_spec = c.id + ":" + c.path;
    // A shallow clone's oldest commit has no parent to compare with: what it "added" was
    // there before, in history this clone does not hold.
    e.history_cut = c.status == 'A' && cut.contains(c.id);
    const auto before = model_at(e.old_spec, c.status == 'A', e.error);
    const auto after = before ? model_at(e.new_spec, c.status == 'D', e.error) : nullptr;
    if (before && after && !e.history_cut) {
      e.changes = diff_models(before->model, after->model, {}, {});
    }
    history.push_back(std::move(e));
  }
  return history;
}

}  // namespace lmc::driver
