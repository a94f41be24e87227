// SPDX-License-Identifier: Apache-2.0
// `lmc report` and `lmc trace` as text, Markdown, JSON and one self-contained HTML file.
#include <fmt/format.h>

#include <cmath>
#include <ostream>

#include "analysis/rollup_json.h"
#include "lmc/evaluate.h"
#include "lmc/paths.h"
#include "lmc/results.h"
#include "lmc/rollup.h"
#include "lmc/source.h"
#include "support/json.h"
#include "support/markup.h"

namespace lmc {

namespace {

// A count of paths: exact while a double holds it exactly, else rounded.
std::string count(double n) {
  if (n < 9.0e15) {
    std::string digits = fmt::format("{:.0f}", n);
    for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3) digits.insert(at, ",");
    return digits;
  }
  return fmt::format("about {:.3g}", n);
}

std::string percent(double part, double whole) {
  if (whole <= 0) return "-";
  const double p = 100.0 * part / whole;
  if (p > 0 && p < 1) return "<1%";
  if (p < 100 && p > 99) return ">99%";
  return fmt::format("{:.0f}%", p);
}

std::string status_of(const Model& m, int a) {
  return std::string(status_name(m.assumptions[a].status));
}

// Markdown table cell: no pipe or line break may end the cell early.
std::string cell(std::string_view text) {
  std::string out;
  for (char c : printable(text, true)) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n' || c == '\r')
      out += ' ';
    else
      out += c;
  }
  return out;
}

std::string title_of(const Model& m) {
  return m.title.value.empty() ? m.path : m.title.value;
}

Json report_json(const Model& m, const Evaluation& e) {
  Json j;
  j["path"] = m.path;
  j["title"] = m.title.value;
  j["measurement"] = Json{{"outcomes_and_impacts", e.outcomes_and_impacts},
                          {"with_indicator", e.with_indicator},
                          {"with_complete_indicator", e.with_complete_indicator}};
  Json status = Json::object();
  for (AssumptionStatus s : {AssumptionStatus::untested, AssumptionStatus::testing,
                             AssumptionStatus::holds, AssumptionStatus::fails}) {
    status[std::string(status_name(s))] = e.by_status[static_cast<std::size_t>(s)];
  }
  Json overdue = Json::array();
  for (int a : e.overdue) {
    overdue.push_back(
        Json{{"id", m.assumptions[a].id.value}, {"due", m.assumptions[a].test.due.value}});
  }
  j["assumptions"] =
      Json{{"total", m.assumptions.size()}, {"by_status", status}, {"overdue_tests", overdue}};
  Json loops = Json::array();
  for (int v : e.loop_items) loops.push_back(m.items[v].id.value);
  j["paths"] = Json{{"to_impacts", e.paths}, {"not_counted_in_loops", loops}};
  Json critical = Json::array();
  for (int a : e.critical) critical.push_back(m.assumptions[a].id.value);
  j["critical_assumptions"] = critical;
  Json shares = Json::array();
  for (const AssumptionShare& s : e.shares) {
    const Assumption& a = m.assumptions[s.assumption];
    shares.push_back(Json{{"id", a.id.value},
                          {"status", status_of(m, s.assumption)},
                          {"text", a.text.value},
                          {"paths", s.paths},
                          {"share", s.share}});
  }
  j["assumption_shares"] = shares;
  return j;
}

void text_report(std::ostream& out, const Model& m, const Evaluation& e, bool markdown) {
  const std::string h1 = markdown ? "## " : "", h2 = markdown ? "### " : "",
                    li = markdown ? "- " : "  ";
  out << h1 << (markdown ? cell(title_of(m)) : printable(title_of(m))) << " (" << m.path << ")\n";
  if (!markdown)
    out << std::string(std::min<std::size_t>(utf8_length(title_of(m)) + m.path.size() + 3, 100),
                       '=')
        << "\n";
  out << "\n" << h2 << "Measurement\n";
  if (markdown) out << "\n";
  out << li
      << fmt::format("outcomes and impacts with an indicator: {} of {} ({})\n", e.with_indicator,
                     e.outcomes_and_impacts, percent(e.with_indicator, e.outcomes_and_impacts));
  out << li
      << fmt::format("with a complete one (baseline, target, source, due): {} of {} ({})\n",
                     e.with_complete_indicator, e.outcomes_and_impacts,
                     percent(e.with_complete_indicator, e.outcomes_and_impacts));
  out << "\n" << h2 << "Assumptions\n";
  if (markdown) out << "\n";
  out << li
      << fmt::format("{} in all: {} untested, {} testing, {} holds, {} fails\n",
                     m.assumptions.size(), e.by_status[0], e.by_status[1], e.by_status[2],
                     e.by_status[3]);
  if (e.overdue.empty()) {
    out << li << "no test is overdue\n";
  } else {
    for (int a : e.overdue) {
      out << li
          << fmt::format("test overdue: {} (due {}, still {})\n", m.assumptions[a].id.value,
                         m.assumptions[a].test.due.value, status_of(m, a));
    }
  }
  out << "\n" << h2 << "What the theory rests on\n\n";
  out << fmt::format("{} path{} {} to an impact.", count(e.paths), e.paths == 1 ? "" : "s",
                     path_start(m));
  if (!e.loop_items.empty()) {
    std::string names;
    for (int v : e.loop_items) names += (names.empty() ? "" : ", ") + m.items[v].id.value;
    out << fmt::format(
        " Not counted: the paths through {}, which are in a loop (lmc check lists it).", names);
  }
  out << "\n\n";
  if (e.critical.empty()) {
    out << (e.paths > 0 ? "Critical assumptions: none. No untested, testing or failed assumption "
                          "lies on every path.\n"
                        : "Critical assumptions: none (there is no path to count).\n");
  } else {
    out << "Critical assumptions: untested, testing or failed, and on every path:\n";
    if (markdown) out << "\n";
    for (int a : e.critical) {
      out << li
          << fmt::format("{} ({}): {}\n", m.assumptions[a].id.value, status_of(m, a),
                         markdown ? cell(m.assumptions[a].text.value)
                                  : printable(m.assumptions[a].text.value));
    }
  }
  if (e.shares.empty()) return;
  out << "\n";
  if (markdown) {
    out << "| share of paths | paths | assumption | status | text |\n|---:|---:|---|---|---|\n";
    for (const AssumptionShare& s : e.shares) {
      const Assumption& a = m.assumptions[s.assumption];
      out << fmt::format("| {} | {} | {} | {} | {} |\n", percent(s.paths, e.paths), count(s.paths),
                         cell(a.id.value), status_of(m, s.assumption), cell(a.text.value));
    }
  } else {
    out << "Share of the paths that rest on each assumption:\n";
    for (const AssumptionShare& s : e.shares) {
      const Assumption& a = m.assumptions[s.assumption];
      out << fmt::format("  {:>5}  {:<24} {:<9} {}\n", percent(s.paths, e.paths),
                         printable(a.id.value), status_of(m, s.assumption),
                         printable(a.text.value));
    }
  }
}

// What the model's results say, in brief (`lmc status` says it in full).
void status_section(std::ostream& out, const StatusReport& r, ReportFormat format) {
  const std::vector<std::string> lines = status_summary(r);
  const std::string from = fmt::format("from {}, on {}", r.results_path, r.today);
  switch (format) {
    case ReportFormat::html:
      out << "<h3>Results</h3>\n<p>" << xml_text(lines[0]) << " <small>(" << xml_text(from)
          << "; <code>lmc status</code> has each)</small></p>\n";
      if (lines.size() > 1) {
        out << "<ul>\n";
        for (std::size_t k = 1; k < lines.size(); ++k)
          out << "<li>" << xml_text(lines[k]) << "</li>\n";
        out << "</ul>\n";
      }
      return;
    case ReportFormat::markdown:
      out << "\n### Results\n\n" << lines[0] << " (" << from << "; `lmc status` has each)\n\n";
      for (std::size_t k = 1; k < lines.size(); ++k) out << "- " << lines[k] << "\n";
      if (lines.size() > 1) out << "\n";
      return;
    default:
      out << "\nResults (" << from << "):\n  " << lines[0] << "\n";
      for (std::size_t k = 1; k < lines.size(); ++k) out << "  " << lines[k] << "\n";
      return;
  }
}

void html_report(std::ostream& out, const std::vector<EvaluatedModel>& models) {
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<title>Evaluability report</title>\n<style>\n"
         "body{font:16px/1.45 'DejaVu Sans','Noto Sans',system-ui,sans-serif;color:#1a1a1a;"
         "max-width:60em;margin:2em auto;padding:0 1em}\n"
         "h1{font-size:1.6em}h2{font-size:1.3em;border-bottom:1px solid #ccc;margin-top:2em}"
         "h3{font-size:1.05em}\n"
         "table{border-collapse:collapse;margin:.5em 0}th,td{text-align:left;padding:.3em .7em;"
         "border-bottom:1px solid #ddd;vertical-align:top}td.n{text-align:right;"
         "font-variant-numeric:tabular-nums}\n"
         ".status{font-weight:bold}.fails{color:#b3261e}.untested,.testing{color:#8a5a00}"
         ".holds{color:#2e7d32}\n.critical{background:#fdecea;padding:.5em 1em;border-left:4px "
         "solid #b3261e}\n"
         "@media print{body{margin:0;max-width:none}}\n</style>\n</head>\n<body>\n"
         "<h1>Evaluability report</h1>\n";
  for (const EvaluatedModel& em : models) {
    const Model& m = *em.model;
    const Evaluation& e = em.evaluation;
    out << "<h2>" << xml_text(title_of(m)) << " <small>(" << xml_text(m.path) << ")</small></h2>\n";
    out << "<h3>Measurement</h3>\n<table>\n";
    out << fmt::format(
        "<tr><td>Outcomes and impacts with an indicator</td><td class=\"n\">{} of {}</td><td "
        "class=\"n\">{}</td></tr>\n",
        e.with_indicator, e.outcomes_and_impacts,
        percent(e.with_indicator, e.outcomes_and_impacts));
    out << fmt::format(
        "<tr><td>with a complete one (baseline, target, source, due)</td><td class=\"n\">{} of "
        "{}</td><td class=\"n\">{}</td></tr>\n",
        e.with_complete_indicator, e.outcomes_and_impacts,
        percent(e.with_complete_indicator, e.outcomes_and_impacts));
    out << "</table>\n<h3>Assumptions</h3>\n<table>\n";
    for (AssumptionStatus s : {AssumptionStatus::untested, AssumptionStatus::testing,
                               AssumptionStatus::holds, AssumptionStatus::fails}) {
      out << fmt::format("<tr><td class=\"status {0}\">{0}</td><td class=\"n\">{1}</td></tr>\n",
                         status_name(s), e.by_status[static_cast<std::size_t>(s)]);
    }
    out << "</table>\n";
    for (int a : e.overdue) {
      out << "<p>Test overdue: <b>" << xml_text(m.assumptions[a].id.value) << "</b> (due "
          << xml_text(m.assumptions[a].test.due.value) << ", still " << status_of(m, a)
          << ")</p>\n";
    }
    out << "<h3>What the theory rests on</h3>\n<p>" << count(e.paths) << " path"
        << (e.paths == 1 ? "" : "s") << " " << path_start(m) << " to an impact.";
    if (!e.loop_items.empty()) {
      out << " Not counted: the paths through";
      for (std::size_t k = 0; k < e.loop_items.size(); ++k) {
        out << (k ? ", " : " ") << xml_text(m.items[e.loop_items[k]].id.value);
      }
      out << ", which are in a loop.";
    }
    out << "</p>\n";
    if (!e.critical.empty()) {
      out << "<div class=\"critical\"><p><b>Critical assumptions</b>: untested, testing or failed, "
             "and on every path.</p><ul>\n";
      for (int a : e.critical) {
        out << "<li><b>" << xml_text(m.assumptions[a].id.value) << "</b> (" << status_of(m, a)
            << "): " << xml_text(m.assumptions[a].text.value) << "</li>\n";
      }
      out << "</ul></div>\n";
    } else {
      out << "<p>Critical assumptions: none.</p>\n";
    }
    if (!e.shares.empty()) {
      out << "<table>\n<tr><th>Share of "
             "paths</th><th>Paths</th><th>Assumption</th><th>Status</th><th>Text</th></tr>\n";
      for (const AssumptionShare& s : e.shares) {
        const Assumption& a = m.assumptions[s.assumption];
        out << fmt::format(
            "<tr><td class=\"n\">{0}</td><td class=\"n\">{1}</td><td>{2}</td><td class=\"status "
            "{3}\">{3}</td><td>{4}</td></tr>\n",
            percent(s.paths, e.paths), count(s.paths), xml_text(a.id.value),
            status_of(m, s.assumption), xml_text(a.text.value));
      }
      out << "</table>\n";
    }
    if (em.rollup) write_roll_up(out, *em.programme, *em.rollup, RollUpFormat::html);
    if (em.status) status_section(out, *em.status, ReportFormat::html);
  }
  out << "</body>\n</html>\n";
}

}  // namespace

void write_report(std::ostream& out, const std::vector<EvaluatedModel>& models,
                  ReportFormat format) {
  switch (format) {
    case ReportFormat::json: {
      Json all = Json::array();
      for (const EvaluatedModel& em : models) {
        all.push_back(report_json(*em.model, em.evaluation));
        if (em.rollup) all.back()["roll_up"] = roll_up_value(*em.programme, *em.rollup);
        if (em.status) all.back()["status"] = Json::parse(status_json(*em.status));
      }
      out << dump_json(Json{{"version", 1}, {"models", all}});
      return;
    }
    case ReportFormat::html: html_report(out, models); return;
    case ReportFormat::markdown: out << "# Evaluability report\n\n"; [[fallthrough]];
    case ReportFormat::text:
      for (std::size_t k = 0; k < models.size(); ++k) {
        if (k) out << "\n";
        text_report(out, *models[k].model, models[k].evaluation, format == ReportFormat::markdown);
        if (models[k].status) status_section(out, *models[k].status, format);
        if (models[k].rollup) {
          write_roll_up(
              out, *models[k].programme, *models[k].rollup,
              format == ReportFormat::markdown ? RollUpFormat::markdown : RollUpFormat::text);
        }
      }
      return;
  }
}

void write_trace(std::ostream& out, const Model& m, const Graph& g, const Trace& t, bool json) {
  const Attachments on(m, g);
  const Item& item = m.items[t.item];
  auto attached = [&](const std::vector<int>& path) {
    Json steps = Json::array();
    for (std::size_t k = 0; k < path.size(); ++k) {
      auto add = [&](Json on_what, const std::vector<int>& as, const std::vector<int>& fs) {
        if (as.empty() && fs.empty()) return;
        Json a = Json::array(), f = Json::array();
        for (int x : as)
          a.push_back(Json{{"id", m.assumptions[x].id.value}, {"status", status_of(m, x)}});
        for (int x : fs) f.push_back(m.factors[x].id.value);
        steps.push_back(Json{{"on", std::move(on_what)}, {"assumptions", a}, {"factors", f}});
      };
      add(m.items[path[k]].id.value, on.item_assumptions[path[k]], on.item_factors[path[k]]);
      if (k + 1 < path.size()) {
        add(m.items[path[k]].id.value + " -> " + m.items[path[k + 1]].id.value,
            on.assumptions_on_link(path[k], path[k + 1]), on.factors_on_link(path[k], path[k + 1]));
      }
    }
    return steps;
  };
  if (json) {
    Json paths = Json::array();
    for (const auto& p : t.shown) {
      Json ids = Json::array();
      for (int v : p) ids.push_back(m.items[v].id.value);
      paths.push_back(Json{{"items", ids}, {"rests_on", attached(p)}});
    }
    out << dump_json(Json{{"version", 1},
                          {"item", item.id.value},
                          {"stage", stage_name(item.stage)},
                          {"label", item.label.value},
                          {"paths", t.count},
                          {"shown", t.shown.size()},
                          {"list", paths}});
    return;
  }
  out << fmt::format("{} '{}' ({}): {} path{} {} to an impact pass through it",
                     stage_name(item.stage), printable(item.id.value), printable(item.label.value),
                     count(t.count), t.count == 1 ? "" : "s", path_start(m));
  if (t.count > static_cast<double>(t.shown.size()))
    out << fmt::format("; the first {}", t.shown.size());
  out << "\n";
  for (std::size_t k = 0; k < t.shown.size(); ++k) {
    std::string chain;
    for (int v : t.shown[k])
      chain += (chain.empty() ? "" : " -> ") + printable(m.items[v].id.value);
    out << fmt::format("\n{:>3}. {}\n", k + 1, chain);
    for (const Json& step : attached(t.shown[k])) {
      std::string what;
      for (const Json& a : step["assumptions"]) {
        what += (what.empty() ? "" : "; ") + fmt::format("assumption {} ({})",
                                                         a["id"].get<std::string>(),
                                                         a["status"].get<std::string>());
      }
      for (const Json& f : step["factors"]) {
        what += (what.empty() ? "" : "; ") + fmt::format("factor {}", f.get<std::string>());
      }
      out << fmt::format("       {}: {}\n", printable(step["on"].get<std::string>()),
                         printable(what));
    }
  }
}

}  // namespace lmc
