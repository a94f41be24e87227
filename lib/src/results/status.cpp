// SPDX-License-Identifier: Apache-2.0
// What the chain says of the results, and `lmc status`'s text, Markdown and JSON.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>

#include "lmc/graph.h"
#include "lmc/model.h"
#include "lmc/results.h"
#include "support/markup.h"
#include "support/words.h"

namespace lmc {

namespace {

bool delivered(const std::optional<IndicatorStatus>& s) {
  return s == IndicatorStatus::on_track || s == IndicatorStatus::achieved;
}

std::string quoted(const Model& m, int i) {
  return fmt::format("'{}'", m.items[static_cast<std::size_t>(i)].id.value);
}

}  // namespace

std::string_view status_label(IndicatorStatus s) {
  switch (s) {
    case IndicatorStatus::achieved: return "✓ achieved";
    case IndicatorStatus::on_track: return "● on track";
    case IndicatorStatus::at_risk: return "▲ at risk";
    case IndicatorStatus::off_track: return "✗ off track";
    case IndicatorStatus::no_data: return "○ no data";
    case IndicatorStatus::untracked: return "– untracked";
  }
  return "";
}

std::string result_line(const IndicatorState& s) {
  std::string out(status_label(s.status));
  if (s.latest) out += fmt::format(": {} on {}", s.latest->value_text, s.latest->date);
  if (s.stale) out += " (stale)";
  return out;
}

std::vector<ChainFinding> diagnose_chain(const Model& model, const std::vector<ItemState>& items,
                                         const std::vector<IndicatorState>& indicators) {
  std::vector<ChainFinding> out;
  // Node i of a one-model Graph is model.items[i].
  const Graph graph(model);
  for (std::size_t i = 0; i < model.items.size(); ++i) {
    const Item& it = model.items[i];
    if (items[i].worst != IndicatorStatus::off_track) continue;
    const int me = static_cast<int>(i);
    if (it.stage == Stage::output) {
      ChainFinding f;
      f.kind = ChainFinding::Kind::delivery;
      f.item = me;
      std::vector<std::string> names;
      for (int p : graph.predecessors(me)) {
        if (model.items[static_cast<std::size_t>(p)].stage != Stage::activity) continue;
        f.causes.push_back(p);
        names.push_back(quoted(model, p));
      }
      f.message =
          fmt::format("output '{}' is off track: a delivery problem{}", it.id.value,
                      names.empty() ? std::string(" (no activity is written as producing it)")
                                    : fmt::format(" of the {} that produce{} it: {}",
                                                  names.size() == 1 ? "activity" : "activities",
                                                  names.size() == 1 ? "s" : "", list_of(names)));
      out.push_back(std::move(f));
      continue;
    }
    if (it.stage != Stage::outcome && it.stage != Stage::impact) continue;
    std::vector<int> on, off;
    for (int p : graph.predecessors(me)) {
      const auto& s = items[static_cast<std::size_t>(p)].worst;
      if (delivered(s)) on.push_back(p);
      if (s == IndicatorStatus::off_track || s == IndicatorStatus::at_risk) off.push_back(p);
    }
    if (!off.empty()) {
      ChainFinding f;
      f.kind = ChainFinding::Kind::upstream;
      f.item = me;
      f.causes = off;
      std::vector<std::string> names;
      for (int p : off) names.push_back(quoted(model, p));
      f.message = fmt::format(
          "'{}' is off track, and what leads to it is behind too ({}): the chain has not been "
          "delivered yet, so this says nothing of its theory",
          it.id.value, list_of(names));
      out.push_back(std::move(f));
      continue;
    }
    if (on.empty()) continue;
    ChainFinding f;
    f.kind = ChainFinding::Kind::theory;
    f.item = me;
    f.causes = on;
    std::vector<std::string> names, links;
    for (int p : on) {
      names.push_back(fmt::format("{} ({})", quoted(model, p),
                                  status_word(*items[static_cast<std::size_t>(p)].worst)));
      links.push_back(
          fmt::format("{} -> {}", model.items[static_cast<std::size_t>(p)].id.value, it.id.value));
    }
    std::vector<std::string> suspects;
    for (std::size_t a = 0; a < model.assumptions.size(); ++a) {
      const Assumption& as = model.assumptions[a];
      bool about = false;
      for (const Ref& r : as.about) {
        if (r.target == it.id.value) about = true;
        const auto link = parse_link_ref(r.target);
        if (!link || link->second != it.id.value) continue;
        for (int p : on) {
          if (model.items[static_cast<std::size_t>(p)].id.value == link->first) about = true;
        }
      }
      if (!about) continue;
      f.assumptions.push_back(static_cast<int>(a));
      std::string evidence;
      for (const Text& e : as.evidence) evidence += (evidence.empty() ? "" : "; ") + e.value;
      suspects.push_back(
          fmt::format("'{}' ({}{})", as.id.value.empty() ? as.text.value : as.id.value,
                      status_name(as.status), evidence.empty() ? "" : ", " + evidence));
    }
    // What the off-track indicators did: "Type 1 A&E attendances per 1,000 people went from
    // 310 to 319, away from 285".
    std::vector<std::string> moved;
    for (const IndicatorState& s : indicators) {
      if (s.item != me || s.status != IndicatorStatus::off_track || !s.latest) continue;
      const Indicator& ind = it.indicators()[static_cast<std::size_t>(s.index)];
      moved.push_back(
          fmt::format("{} {} {}, target {} by {}", ind.label.value,
                      s.progress < 0 ? "moved away from its target: now" : "fell short: now",
                      s.latest->value_text, ind.target.value, ind.due.value));
    }
    f.message = fmt::format(
        "{} {} delivered, yet '{}' is off track{}: the theory of {} is in doubt here{}",
        list_of(names), on.size() == 1 ? "was" : "were", it.id.value,
        moved.empty() ? std::string() : " (" + list_of(moved) + ")", list_of(links),
        suspects.empty()
            ? std::string("; no assumption is written about these links: write what the theory "
                          "rests on, and test it")
            : fmt::format("; the assumption{} {} {} in doubt", suspects.size() == 1 ? "" : "s",
                          list_of(suspects), suspects.size() == 1 ? "is" : "are"));
    out.push_back(std::move(f));
  }
  return out;
}

StatusReport make_status(const Model& model, std::string path, const Results* results,
                         std::string today) {
  StatusReport r;
  r.model = &model;
  r.path = std::move(path);
  r.today = std::move(today);
  static const Results kNone;
  const Results& given = results ? *results : kNone;
  r.results_path = results ? results->path : "";
  r.indicators = indicator_states(model, given, r.today);
  r.items = item_states(model, r.indicators);
  r.chain = diagnose_chain(model, r.items, r.indicators);
  return r;
}

namespace {

const Indicator& indicator_of(const Model& m, const IndicatorState& s) {
  return m.items[static_cast<std::size_t>(s.item)].indicators()[static_cast<std::size_t>(s.index)];
}

std::string latest_text(const IndicatorState& s) {
  if (!s.latest) return "no results";
  return fmt::format("{} on {}", s.latest->value_text, s.latest->date);
}

std::string_view kind_word(ChainFinding::Kind k) {
  switch (k) {
    case ChainFinding::Kind::theory: return "theory";
    case ChainFinding::Kind::delivery: return "delivery";
    case ChainFinding::Kind::upstream: return "upstream";
  }
  return "theory";
}

std::string_view kind_heading(ChainFinding::Kind k) {
  switch (k) {
    case ChainFinding::Kind::theory: return "Theory in doubt";
    case ChainFinding::Kind::delivery: return "Behind on delivery";
    case ChainFinding::Kind::upstream: return "Not delivered yet";
  }
  return "";
}

void write_text(std::ostream& out, const StatusReport& r, bool markdown) {
  const Model& m = *r.model;
  const std::string title = m.title.value.empty() ? r.path : m.title.value;
  if (markdown) {
    out << fmt::format("## {}\n\n`{}`, results from `{}`, on {}.\n\n", title, r.path,
                       r.results_path.empty() ? "(none)" : r.results_path, r.today);
    out << "| Item | Indicator | Latest | Status | Why |\n|---|---|---|---|---|\n";
  } else {
    out << fmt::format("{}: {} (results: {}; today {})\n", r.path, title,
                       r.results_path.empty() ? "none" : r.results_path, r.today);
  }
  int last_item = -1;
  for (const IndicatorState& s : r.indicators) {
    const Item& it = m.items[static_cast<std::size_t>(s.item)];
    const Indicator& ind = indicator_of(m, s);
    const std::string status =
        std::string(status_label(s.status)) + (s.stale ? " (stale: no recent result)" : "");
    if (markdown) {
      auto cell = [](std::string v) {
        std::string o;
        for (char c : v) {
          if (c == '|')
            o += "\\|";
          else if (c == '\n')
            o += ' ';
          else
            o += c;
        }
        return o;
      };
      out << fmt::format("| {} ({}) | {} | {} | {} | {} |\n", cell(it.label.value), it.id.value,
                         cell(ind.label.value), latest_text(s), status, cell(s.why));
      continue;
    }
    if (s.item != last_item) {
      const ItemState& is = r.items[static_cast<std::size_t>(s.item)];
      out << fmt::format("  {} '{}' {}: {}\n", stage_name(it.stage), it.id.value, it.label.value,
                         is.worst ? std::string(status_label(*is.worst)) : "");
      last_item = s.item;
    }
    out << fmt::format("    {}{}: {}: {}{}\n", ind.label.value,
                       ind.id.value.empty() ? "" : " [" + ind.id.value + "]", latest_text(s),
                       status, s.why.empty() ? "" : " (" + s.why + ")");
  }
  if (markdown) out << "\n";
  if (!r.chain.empty()) {
    out << (markdown ? "### The chain\n\n" : "  The chain:\n");
    for (const ChainFinding& f : r.chain) {
      if (markdown) {
        out << fmt::format("- **{}**: {}\n", kind_heading(f.kind), f.message);
      } else {
        out << fmt::format("    {}: {}\n", kind_heading(f.kind), f.message);
      }
    }
    if (markdown) out << "\n";
  }
}

nlohmann::ordered_json json_of(const StatusReport& r) {
  using J = nlohmann::ordered_json;
  const Model& m = *r.model;
  J indicators = J::array();
  for (const IndicatorState& s : r.indicators) {
    const Item& it = m.items[static_cast<std::size_t>(s.item)];
    const Indicator& ind = indicator_of(m, s);
    J o = {{"item", it.id.value},      {"indicator", ind.id.value},
           {"label", ind.label.value}, {"status", status_word(s.status)},
           {"stale", s.stale},         {"results", s.count}};
    if (s.latest) {
      o["latest"] = {{"date", s.latest->date},
                     {"value", s.latest->value},
                     {"text", s.latest->value_text},
                     {"note", s.latest->note}};
    } else {
      o["latest"] = nullptr;
    }
    if (s.status != IndicatorStatus::no_data && s.status != IndicatorStatus::untracked) {
      o["progress"] = s.progress;
      o["expected"] = s.expected;
    }
    o["why"] = s.why;
    indicators.push_back(std::move(o));
  }
  J items = J::array();
  for (const ItemState& is : r.items) {
    if (!is.worst) continue;
    const Item& it = m.items[static_cast<std::size_t>(is.item)];
    items.push_back({{"id", it.id.value},
                     {"stage", stage_name(it.stage)},
                     {"status", status_word(*is.worst)},
                     {"stale", is.stale}});
  }
  J chain = J::array();
  for (const ChainFinding& f : r.chain) {
    J causes = J::array(), suspects = J::array();
    for (int c : f.causes) causes.push_back(m.items[static_cast<std::size_t>(c)].id.value);
    for (int a : f.assumptions) {
      suspects.push_back(m.assumptions[static_cast<std::size_t>(a)].id.value);
    }
    chain.push_back({{"kind", kind_word(f.kind)},
                     {"item", m.items[static_cast<std::size_t>(f.item)].id.value},
                     {"causes", causes},
                     {"assumptions", suspects},
                     {"message", f.message}});
  }
  return {{"model", r.path},
          {"title", m.title.value},
          {"results", r.results_path.empty() ? J(nullptr) : J(r.results_path)},
          {"today", r.today},
          {"indicators", indicators},
          {"items", items},
          {"chain", chain}};
}

// The board's page: one self-contained HTML file, readable on a projector and printed.
void write_html(std::ostream& out, const std::vector<StatusReport>& reports) {
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<title>Status</title>\n<style>\n"
         "body{font:16px/1.45 'DejaVu Sans','Noto Sans',system-ui,sans-serif;color:#1a1a1a;"
         "max-width:64em;margin:2em auto;padding:0 1em}\n"
         "h1{font-size:1.6em}h2{font-size:1.3em;border-bottom:1px solid #ccc;margin-top:2em}"
         "h3{font-size:1.05em}\n"
         "table{border-collapse:collapse;margin:.5em 0;width:100%}th,td{text-align:left;"
         "padding:.3em .6em;border-bottom:1px solid #ddd;vertical-align:top}"
         "td.n{white-space:nowrap;font-variant-numeric:tabular-nums}\n"
         ".status{font-weight:bold;white-space:nowrap}.achieved,.on-track{color:#1b5e20}"
         ".at-risk{color:#7a4f00}.off-track{color:#b3261e}.no-data,.untracked{color:#555}\n"
         ".why{color:#444;font-size:.9em}.item td{border-top:2px solid #bbb}\n"
         ".theory{background:#fdecea;border-left:4px solid #b3261e}.delivery{background:#fff4e0;"
         "border-left:4px solid #b36b00}.upstream{background:#f2f2f2;border-left:4px solid #777}"
         "\nul.chain{list-style:none;padding:0}ul.chain li{padding:.5em 1em;margin:.5em 0}\n"
         "@media print{body{margin:0;max-width:none}}\n</style>\n</head>\n<body>\n"
         "<h1>Status</h1>\n";
  for (const StatusReport& r : reports) {
    const Model& m = *r.model;
    const std::string title = m.title.value.empty() ? r.path : m.title.value;
    out << "<h2>" << xml_text(title) << "</h2>\n<p><code>" << xml_text(r.path)
        << "</code>, results from "
        << (r.results_path.empty() ? std::string("(none)")
                                   : "<code>" + xml_text(r.results_path) + "</code>")
        << ", on " << xml_text(r.today) << ".</p>\n";
    if (!r.chain.empty()) {
      out << "<h3>What the results say</h3>\n<ul class=\"chain\">\n";
      for (const ChainFinding& f : r.chain) {
        out << "<li class=\"" << kind_word(f.kind) << "\"><b>" << kind_heading(f.kind)
            << "</b>: " << xml_text(f.message) << "</li>\n";
      }
      out << "</ul>\n";
    }
    out << "<h3>Indicators</h3>\n<table>\n<tr><th>Item</th><th>Indicator</th><th>Latest</th>"
           "<th>Status</th></tr>\n";
    int last_item = -1;
    for (const IndicatorState& s : r.indicators) {
      const Item& it = m.items[static_cast<std::size_t>(s.item)];
      const Indicator& ind = indicator_of(m, s);
      const bool first = s.item != last_item;
      last_item = s.item;
      std::string item_cell;
      if (first) {
        const ItemState& is = r.items[static_cast<std::size_t>(s.item)];
        item_cell = fmt::format("{} <small>({} <code>{}</code>)</small>", xml_text(it.label.value),
                                stage_name(it.stage), xml_text(it.id.value));
        if (is.worst) {
          item_cell += fmt::format("<br><span class=\"status {}\">{}</span>",
                                   status_word(*is.worst), status_label(*is.worst));
        }
      }
      out << fmt::format(
          "<tr{}><td>{}</td><td>{}<div class=\"why\">{}</div></td><td class=\"n\">{}</td>"
          "<td class=\"status {}\">{}{}</td></tr>\n",
          first ? " class=\"item\"" : "", item_cell, xml_text(ind.label.value), xml_text(s.why),
          xml_text(latest_text(s)), status_word(s.status), status_label(s.status),
          s.stale ? "<br>stale: no recent result" : "");
    }
    out << "</table>\n";
  }
  out << "</body>\n</html>\n";
}

}  // namespace

std::vector<std::string> status_summary(const StatusReport& r) {
  std::array<int, 6> counts{};
  int stale = 0;
  for (const IndicatorState& s : r.indicators) {
    ++counts[static_cast<std::size_t>(s.status)];
    stale += s.stale;
  }
  std::string line =
      fmt::format("{} indicator{}", r.indicators.size(), r.indicators.size() == 1 ? "" : "s");
  std::string sep = ": ";
  for (IndicatorStatus s :
       {IndicatorStatus::achieved, IndicatorStatus::on_track, IndicatorStatus::at_risk,
        IndicatorStatus::off_track, IndicatorStatus::no_data, IndicatorStatus::untracked}) {
    if (const int n = counts[static_cast<std::size_t>(s)]; n > 0) {
      line += fmt::format("{}{} {}", sep, n, status_label(s));
      sep = ", ";
    }
  }
  if (stale > 0) line += fmt::format(" ({} stale)", stale);
  std::vector<std::string> out = {line};
  for (const ChainFinding& f : r.chain) {
    out.push_back(fmt::format("{}: {}", kind_heading(f.kind), f.message));
  }
  return out;
}

std::string status_json(const StatusReport& r) {
  return json_of(r).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

void write_status(std::ostream& out, const std::vector<StatusReport>& reports,
                  std::string_view format) {
  if (format == "html") {
    write_html(out, reports);
    return;
  }
  if (format == "json") {
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    for (const StatusReport& r : reports) all.push_back(json_of(r));
    out << nlohmann::ordered_json{{"version", 1}, {"models", all}}.dump(
               2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
        << "\n";
    return;
  }
  const bool markdown = format == "markdown";
  if (markdown) out << "# Status\n\n";
  for (std::size_t k = 0; k < reports.size(); ++k) {
    if (k && !markdown) out << "\n";
    write_text(out, reports[k], markdown);
  }
}

}  // namespace lmc
