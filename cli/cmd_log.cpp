// SPDX-License-Identifier: Apache-2.0
// `lmc log PATH`: the theory's history in git. For each commit that touched the model (newest
// first, following renames), its id, date, subject and the changes to the theory it made, as
// `lmc diff` finds them between the commit's parent and the commit.
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli.h"
#include "driver/git.h"
#include "lmc/diff.h"
#include "lmc/load.h"

namespace lmc::cli {

namespace {

struct LogArgs {
  std::string path;
  std::string format = "text";
  bool theory_only = false;
};

struct Commit {
  std::string id, short_id, date, subject;
  char status = 'M';           ///< A added, M modified, R renamed (or moved), D deleted
  std::string old_path, path;  ///< from the repository's root
};

// `git log --follow --name-status`, one record a commit.
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

// The model at REV:PATH, or an empty model when `absent`; nullopt (said in `why`) when it is
// not a model lmc can read.
std::unique_ptr<LoadResult> model_at(const std::string& spec, bool absent, std::string& why) {
  if (absent) {
    return std::make_unique<LoadResult>(empty_model(spec));
  }
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

int run_log(const LogArgs& args) {
  std::string out, error;
  const int code =
      run_git({"log", "--follow", "--name-status", "--date=short",
               "--format=%x1e%H%x1f%h%x1f%ad%x1f%s", "--end-of-options", "HEAD", "--", args.path},
              out, error);
  if (code != 0) {
    print_error("'" + args.path + "': " + error);
    return kExitUsage;
  }
  const std::vector<Commit> commits = parse_log(out);
  if (commits.empty()) {
    print_error("'" + args.path + "' has no history in git (is it committed?)");
    return kExitUsage;
  }
  const std::set<std::string> cut = shallow_boundaries();
  nlohmann::ordered_json json_commits = nlohmann::ordered_json::array();
  std::ostringstream text;
  if (args.format == "markdown") text << "# History of `" << args.path << "`\n";
  bool first = true;
  for (const Commit& c : commits) {
    std::string why;
    // A shallow clone's oldest commit has no parent to compare with: what it "added" was
    // there before, in history this clone does not hold.
    const bool history_cut = c.status == 'A' && cut.contains(c.id);
    const std::string old_spec = c.id + "^:" + c.old_path, new_spec = c.id + ":" + c.path;
    const auto before = model_at(old_spec, c.status == 'A', why);
    const auto after = before ? model_at(new_spec, c.status == 'D', why) : nullptr;
    std::optional<ChangeSet> changes;
    if (before && after && !history_cut) {
      changes = diff_models(before->model, after->model, {}, {});
    }
    const bool theory = changes && !changes->changes.empty();
    if (args.theory_only && !theory && !history_cut) continue;
    std::string moved;
    if (c.old_path != c.path) moved = fmt::format("moved from {}", c.old_path);
    if (args.format == "json") {
      nlohmann::ordered_json entry = {
          {"commit", c.id},
          {"short", c.short_id},
          {"date", c.date},
          {"subject", c.subject},
          {"path", c.path},
          {"old_path", c.old_path},
          {"theory_changed", theory},
          {"history_cut", history_cut},
          {"error", why.empty() ? nullptr : nlohmann::ordered_json(why)}};
      nlohmann::ordered_json list = nlohmann::ordered_json::array();
      if (changes) {
        std::ostringstream diff;
        write_diff_json(diff, *changes, old_spec, new_spec);
        list = nlohmann::ordered_json::parse(diff.str())["changes"];
      }
      entry["changes"] = list;
      json_commits.push_back(std::move(entry));
      continue;
    }
    const bool markdown = args.format == "markdown";
    text << (first ? "" : "\n");
    first = false;
    text << (markdown ? "\n## " : "") << c.short_id << " " << c.date << " " << c.subject << "\n";
    if (markdown) text << "\n";
    if (!moved.empty()) text << (markdown ? "" : "  ") << moved << "\n";
    if (history_cut) {
      text << (markdown ? "" : "  ")
           << "the history is cut here (a shallow clone): the model was already there; "
              "`git fetch --unshallow` brings its earlier history\n";
      continue;
    }
    if (!changes) {
      text << (markdown ? "" : "  ") << "the model could not be compared: " << why << "\n";
      continue;
    }
    if (!theory) {
      text << (markdown ? "" : "  ") << "no change to the theory (formatting, comments or order)\n";
      continue;
    }
    std::ostringstream diff;
    if (markdown) {
      write_diff_markdown(diff, *changes, old_spec, new_spec);
    } else {
      write_diff_text(diff, *changes, old_spec, new_spec, false);
    }
    // The diff's own first line names the two sides; the commit line above says it better.
    std::string body = diff.str();
    body.erase(0, body.find('\n') + 1);
    while (!body.empty() && body.front() == '\n') body.erase(0, 1);
    std::istringstream lines(body);
    for (std::string l; std::getline(lines, l);) {
      text << (markdown || l.empty() ? "" : "  ") << l << "\n";
    }
  }
  if (args.format == "json") {
    std::cout << nlohmann::ordered_json{{"version", 1},
                                        {"path", args.path},
                                        {"commits", json_commits}}
                     .dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
              << "\n";
  } else {
    std::cout << text.str();
  }
  return kExitOk;
}

}  // namespace

Runner setup_log(CLI::App& app) {
  auto args = std::make_shared<LogArgs>();
  app.add_option("path", args->path, "A model file in a git repository")->required();
  app.add_option("--format", args->format, "text (default), markdown or json")
      ->check(CLI::IsMember({"text", "markdown", "json"}));
  app.add_flag("--theory-only", args->theory_only,
               "Leave out commits that changed only formatting, comments or order");
  return [args] { return run_log(*args); };
}

}  // namespace lmc::cli
