// SPDX-License-Identifier: Apache-2.0
// The diff's three reports: text for a terminal, markdown for a pull request, JSON for tools.
#include <fmt/format.h>

#include <algorithm>
#include <sstream>

#include <map>

#include "lmc/diff.h"
#include "report/diff_json.h"
#include "support/markup.h"

namespace lmc {

namespace {

constexpr std::pair<std::string_view, std::string_view> kSections[] = {
    {"model", "Model"},
    {"resources", "Resources"},
    {"activities", "Activities"},
    {"outputs", "Outputs"},
    {"outcomes", "Outcomes"},
    {"impacts", "Impacts"},
    {"links", "Links"},
    {"assumptions", "Assumptions"},
    {"external_factors", "External factors"}};

char marker(const Change& c) {
  if (c.kind.ends_with("-added")) return '+';
  if (c.kind.ends_with("-removed")) return '-';
  return '~';
}

std::string quote(const std::optional<std::string>& v) {
  return v ? fmt::format("\"{}\"", *v) : "(none)";
}

// What a change says, in a line: "huddles: label "A" -> "B"".
std::string describe(const Change& c) {
  const std::string& k = c.kind;
  if (k == "item-added" || k == "assumption-added" || k == "factor-added") {
    return fmt::format("{}  {}", c.item, quote(c.after));
  }
  if (k == "item-removed" || k == "assumption-removed" || k == "factor-removed") {
    return fmt::format("{}  {}", c.item, quote(c.before));
  }
  if (k == "item-renamed") return fmt::format("{} renamed to {}", *c.before, *c.after);
  if (k == "link-added" || k == "link-removed") return c.item;
  if (k == "indicator-added") return fmt::format("{}: indicator {} added", c.item, quote(c.after));
  if (k == "indicator-removed") {
    return fmt::format("{}: indicator {} removed", c.item, quote(c.before));
  }
  if (k == "stage-changed")
    return fmt::format("{}: moved from {} to {}", c.item, *c.before, *c.after);
  if (k == "metadata-changed")
    return fmt::format("{}: {} -> {}", c.item, quote(c.before), quote(c.after));
  // label-changed, detail-changed, term-changed, indicator-changed, assumption-*-changed,
  // factor-changed
  std::string what = k.substr(0, k.size() - std::string_view("-changed").size());
  if (what.starts_with("assumption-")) what.erase(0, std::string_view("assumption-").size());
  if (what == "factor") what = "text";
  return fmt::format("{}: {} {} -> {}", c.item, what, quote(c.before), quote(c.after));
}

std::string summary_line(const ChangeSet& cs) {
  if (cs.changes.empty()) return "no change to the theory";
  return fmt::format("{} added, {} removed, {} changed", cs.added(), cs.removed(), cs.changed());
}

std::string finding_line(const Diagnostic& d) {
  return fmt::format("{}:{}:{}: {}: {} [{}]", d.file, d.span.line, d.span.column,
                     to_string(d.severity), d.message, d.rule);
}

std::string kind_title(const std::string& kind) {
  std::string t = kind;
  for (char& c : t) {
    if (c == '-') c = ' ';
  }
  t[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(t[0])));
  return t;
}

}  // namespace

void write_diff_text(std::ostream& out, const ChangeSet& cs, const std::string& old_label,
                     const std::string& new_label, bool color) {
  const char* green = color ? "\x1b[32m" : "";
  const char* red = color ? "\x1b[31m" : "";
  const char* amber = color ? "\x1b[33m" : "";
  const char* bold = color ? "\x1b[1m" : "";
  const char* reset = color ? "\x1b[0m" : "";
  out << fmt::format("{}{} -> {}{}: {}\n", bold, printable(old_label), printable(new_label), reset,
                     summary_line(cs));
  for (const auto& [section, title] : kSections) {
    bool header = false;
    for (const Change& c : cs.changes) {
      if (c.section != section) continue;
      if (!header) {
        out << fmt::format("\n{}{}{}\n", bold, title, reset);
        header = true;
      }
      const char m = marker(c);
      out << fmt::format("  {}{} {}{}\n",
                         m == '+'   ? green
                         : m == '-' ? red
                                    : amber,
                         m, printable(describe(c)), reset);
    }
  }
  if (!cs.introduced.empty()) {
    out << fmt::format("\n{}Findings introduced{} ({})\n", bold, reset, cs.introduced.size());
    for (const auto& d : cs.introduced) out << "  + " << printable(finding_line(d)) << '\n';
  }
  if (!cs.resolved.empty()) {
    out << fmt::format("\n{}Findings resolved{} ({})\n", bold, reset, cs.resolved.size());
    for (const auto& d : cs.resolved) out << "  - " << printable(finding_line(d)) << '\n';
  }
}

void write_diff_markdown(std::ostream& out, const ChangeSet& cs, const std::string& old_label,
                         const std::string& new_label) {
  out << fmt::format("**Logic model changes** {} → {}: {}", md_code_cell(old_label),
                     md_code_cell(new_label), summary_line(cs));
  if (!cs.introduced.empty() || !cs.resolved.empty()) {
    out << fmt::format("; {} finding{} introduced, {} resolved", cs.introduced.size(),
                       cs.introduced.size() == 1 ? "" : "s", cs.resolved.size());
  }
  out << ".\n";
  // One table per kind of change, in the order kinds first appear.
  std::vector<std::string> kinds;
  for (const Change& c : cs.changes) {
    if (std::find(kinds.begin(), kinds.end(), c.kind) == kinds.end()) kinds.push_back(c.kind);
  }
  for (const std::string& kind : kinds) {
    out << fmt::format("\n#### {}\n\n| Item | Before | After |\n|---|---|---|\n", kind_title(kind));
    for (const Change& c : cs.changes) {
      if (c.kind != kind) continue;
      out << fmt::format("| {} | {} | {} |\n", md_code_cell(c.item),
                         c.before ? md_cell(*c.before) : "", c.after ? md_cell(*c.after) : "");
    }
  }
  for (const auto& [title, list] : {std::pair{"Findings introduced", &cs.introduced},
                                    std::pair{"Findings resolved", &cs.resolved}}) {
    if (list->empty()) continue;
    out << fmt::format(
        "\n#### {}\n\n| Severity | Rule | Item | Message | Where |\n|---|---|---|---|---|\n",
        title);
    for (const Diagnostic& d : *list) {
      out << fmt::format("| {} | {} | {} | {} | {} |\n", to_string(d.severity),
                         md_code_cell(d.rule), d.item.empty() ? "" : md_code_cell(d.item),
                         md_cell(d.message),
                         md_code_cell(fmt::format("{}:{}:{}", d.file, d.span.line, d.span.column)));
    }
  }
}

Json diff_json(const ChangeSet& cs, const std::string& old_label, const std::string& new_label) {
  Json doc;
  doc["version"] = 1;
  doc["old"] = old_label;
  doc["new"] = new_label;
  Json changes = Json::array();
  for (const Change& c : cs.changes) {
    changes.push_back(Json{{"change", c.kind},
                           {"item", c.item},
                           {"before", c.before ? Json(*c.before) : Json(nullptr)},
                           {"after", c.after ? Json(*c.after) : Json(nullptr)}});
  }
  doc["changes"] = std::move(changes);
  Json introduced = Json::array(), resolved = Json::array();
  for (const auto& d : cs.introduced) introduced.push_back(diagnostic_json(d));
  for (const auto& d : cs.resolved) resolved.push_back(diagnostic_json(d));
  doc["findings"] = Json{{"introduced", std::move(introduced)}, {"resolved", std::move(resolved)}};
  doc["summary"] =
      Json{{"added", cs.added()}, {"removed", cs.removed()}, {"changed", cs.changed()}};
  return doc;
}

void write_diff_json(std::ostream& out, const ChangeSet& cs, const std::string& old_label,
                     const std::string& new_label) {
  out << dump_json(diff_json(cs, old_label, new_label));
}

bool FolderDiff::same() const {
  return added.empty() && removed.empty() && links_added.empty() && links_removed.empty() &&
         std::all_of(changed.begin(), changed.end(),
                     [](const auto& c) { return c.second.changes.empty(); });
}

void write_folder_diff_json(std::ostream& out, const FolderDiff& diff) {
  Json j;
  j["version"] = 1;
  j["old"] = diff.old_label;
  j["new"] = diff.new_label;
  auto models = [](const auto& list) {
    Json a = Json::array();
    for (const auto& [p, title] : list) a.push_back({{"path", p}, {"title", title}});
    return a;
  };
  auto links = [](const std::vector<std::string>& list) {
    Json a = Json::array();
    for (const std::string& l : list) {
      const auto arrow = l.find(" -> ");
      a.push_back({{"from", l.substr(0, arrow)}, {"to", l.substr(arrow + 4)}});
    }
    return a;
  };
  j["models_added"] = models(diff.added);
  j["models_removed"] = models(diff.removed);
  j["cross_links_added"] = links(diff.links_added);
  j["cross_links_removed"] = links(diff.links_removed);
  Json per = Json::array();
  for (const auto& [p, changes] : diff.changed) {
    per.push_back(
        {{"path", p},
         {"diff", diff_json(changes, diff.old_label + "/" + p, diff.new_label + "/" + p)}});
  }
  j["models"] = std::move(per);
  out << dump_json(j);
}

void write_folder_diff_text(std::ostream& out, const FolderDiff& diff, bool color, bool markdown) {
  const bool md = markdown;
  const std::string h = md ? "## " : "";
  // Paths and links as a person reads them: control characters escaped; in Markdown a code
  // span, a backtick in it written as a quote.
  auto name = [&](const std::string& text) {
    std::string shown = printable(text);
    if (!md) return shown;
    std::replace(shown.begin(), shown.end(), '`', '\'');
    return "`" + shown + "`";
  };
  out << (md ? "# " : "") << "Programme diff: " << name(diff.old_label) << " -> "
      << name(diff.new_label) << "\n";
  if (diff.same()) {
    out << "\nSame theory: no model, link or finding changed.\n";
    return;
  }
  auto list = [&](const std::string& heading, const auto& items, auto show) {
    if (items.empty()) return;
    out << "\n" << h << heading << "\n" << (md ? "\n" : "");
    for (const auto& item : items) out << (md ? "- " : "  ") << show(item) << "\n";
  };
  auto model_line = [&](const std::pair<std::string, std::string>& m) {
    return m.second.empty() ? name(m.first) : name(m.first) + " (" + printable(m.second) + ")";
  };
  list("Models added", diff.added, model_line);
  list("Models removed", diff.removed, model_line);
  list("Links across models added", diff.links_added, name);
  list("Links across models removed", diff.links_removed, name);
  for (const auto& [p, changes] : diff.changed) {
    std::ostringstream one;
    if (md) {
      write_diff_markdown(one, changes, diff.old_label + "/" + p, diff.new_label + "/" + p);
    } else {
      write_diff_text(one, changes, diff.old_label + "/" + p, diff.new_label + "/" + p, color);
    }
    out << "\n" << h << name(p) << "\n\n" << one.str();
  }
}

}  // namespace lmc
