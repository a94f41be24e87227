// SPDX-License-Identifier: Apache-2.0
// The writers of `lmc log`: a model's history, each commit with the changes to the theory it
// made, in the diff's own words.
#include <sstream>

#include "report/diff_json.h"

namespace lmc {

void write_history_text(std::ostream& out, const std::string& path,
                        const std::vector<HistoryEntry>& history, bool markdown) {
  const std::string indent = markdown ? "" : "  ";
  if (markdown) out << "# History of `" << path << "`\n";
  bool first = true;
  for (const HistoryEntry& c : history) {
    out << (first ? "" : "\n");
    first = false;
    out << (markdown ? "\n## " : "") << c.short_id << " " << c.date << " " << c.subject << "\n";
    if (markdown) out << "\n";
    if (c.old_path != c.path) out << indent << "moved from " << c.old_path << "\n";
    if (c.history_cut) {
      out << indent
          << "the history is cut here (a shallow clone): the model was already there; "
             "`git fetch --unshallow` brings its earlier history\n";
      continue;
    }
    if (!c.changes) {
      out << indent << "the model could not be compared: " << c.error << "\n";
      continue;
    }
    if (!c.theory_changed()) {
      out << indent << "no change to the theory (formatting, comments or order)\n";
      continue;
    }
    std::ostringstream diff;
    if (markdown) {
      write_diff_markdown(diff, *c.changes, c.old_spec, c.new_spec);
    } else {
      write_diff_text(diff, *c.changes, c.old_spec, c.new_spec, false);
    }
    // The diff's own first line names the two sides; the commit line above says it better.
    std::string body = diff.str();
    body.erase(0, body.find('\n') + 1);
    while (!body.empty() && body.front() == '\n') body.erase(0, 1);
    std::istringstream lines(body);
    for (std::string l; std::getline(lines, l);) out << (l.empty() ? "" : indent) << l << "\n";
  }
}

void write_history_json(std::ostream& out, const std::string& path,
                        const std::vector<HistoryEntry>& history) {
  Json commits = Json::array();
  for (const HistoryEntry& c : history) {
    commits.push_back(
        Json{{"commit", c.id},
             {"short", c.short_id},
             {"date", c.date},
             {"subject", c.subject},
             {"path", c.path},
             {"old_path", c.old_path},
             {"theory_changed", c.theory_changed()},
             {"history_cut", c.history_cut},
             {"error", c.error.empty() ? Json(nullptr) : Json(c.error)},
             {"changes", c.changes ? diff_json(*c.changes, c.old_spec, c.new_spec)["changes"]
                                   : Json::array()}});
  }
  out << dump_json(Json{{"version", 1}, {"path", path}, {"commits", std::move(commits)}});
}

}  // namespace lmc
