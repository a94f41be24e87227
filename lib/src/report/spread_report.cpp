// SPDX-License-Identifier: Apache-2.0
// `lmc spread` as text (a terminal), Markdown (a pull request or a wiki), HTML (a page for a
// programme board: the matrix of core components by site) and JSON (with its schema).
#include <fmt/format.h>

#include <algorithm>

#include "lmc/source.h"
#include "lmc/spread.h"
#include "support/json.h"
#include "support/markup.h"
#include "support/words.h"

namespace lmc {

namespace {

// "planned, decided by the steering group, 2026-03-01, fidelity consistent".
std::string record_words(const Adaptation& a) {
  std::vector<std::string> parts;
  if (a.planned) parts.push_back(*a.planned ? "planned" : "unplanned");
  if (!a.decided_by.value.empty()) parts.push_back("decided by " + a.decided_by.value);
  if (!a.date.value.empty()) parts.push_back(a.date.value);
  if (a.fidelity != Adaptation::Fidelity::unknown) {
    parts.push_back(fmt::format("fidelity {}", fidelity_name(a.fidelity)));
  }
  return list_of(parts, ", ");
}

// Why, as a sentence after the state: the reason and the record's particulars, or that
// nothing records it.
std::string why_words(const Adaptation* a, bool unrecorded) {
  if (!a) return unrecorded ? "not recorded" : "";
  std::string out = a->reason.value.empty() ? "recorded without a reason" : a->reason.value;
  if (const std::string more = record_words(*a); !more.empty()) out += " (" + more + ")";
  if (unrecorded) out += "; not every change is recorded";
  return out;
}

std::string cell_words(const SpreadCell& c) {
  std::string out(fate_name(c.fate));
  if (!c.changes.empty()) out += ": " + list_of(c.changes, "; ");
  return out;
}

std::string status_words(const SpreadAssumption& a, const SpreadStatus& s) {
  if (!s.present) return std::string(a.absent_word());
  std::string out(status_name(s.status));
  if (s.carried) out += ", carried over from the blueprint unexamined";
  if (s.reworded) out += ", worded differently";
  return out;
}

std::string evidence_words(const SpreadStatus& s) {
  std::vector<std::string> parts;
  if (!s.evidence.empty()) parts.push_back("evidence: " + list_of(s.evidence, "; "));
  if (!s.test.empty()) parts.push_back("test: " + s.test);
  if (s.record) {
    parts.push_back(
        fmt::format("recorded {}: {}", change_name(s.record->change),
                    s.record->reason.value.empty() ? "no reason given" : s.record->reason.value));
  }
  return list_of(parts, "; ");
}

std::string origin_words(const SpreadReport& r, const SpreadAssumption& a) {
  const std::string where = a.origin < 0 ? "at the origin" : "added at " + r.sites[a.origin].name;
  std::string out = fmt::format("{}: {}", where, status_name(a.status));
  if (!a.evidence.empty()) out += " (" + list_of(a.evidence, "; ") + ")";
  return out;
}

// The id after what a change is about ("(med-check)"); nothing for a link, which names itself.
template <typename Escape>
std::string item_suffix(const SpreadChange& c, std::string_view before, std::string_view after,
                        Escape escape) {
  if (c.item.find("->") != std::string::npos) return "";
  return std::string(before) + escape(c.item) + std::string(after);
}

std::string title_of(const SpreadReport& r) {
  return r.blueprint->title.value.empty() ? r.path : r.blueprint->title.value;
}

std::string adopted_words(const SpreadReport& r, const SpreadSite& s) {
  const std::string& adopted = s.model->adapts.version.value;
  const std::string& now = r.blueprint->version.value;
  if (adopted.empty()) return "version adopted not said";
  if (!now.empty() && adopted != now) {
    return fmt::format("adopted version {} (the blueprint is now {})", adopted, now);
  }
  return "adopted version " + adopted;
}

void write_text(std::ostream& out, const SpreadReport& r) {
  const Model& bp = *r.blueprint;
  out << fmt::format("Spread of '{}' ({}{}) to {} site{}\n", printable(title_of(r)),
                     printable(r.path),
                     bp.version.value.empty() ? "" : ", version " + printable(bp.version.value),
                     r.sites.size(), r.sites.size() == 1 ? "" : "s");
  std::size_t w = 0;
  for (const SpreadSite& s : r.sites) w = std::max(w, utf8_length(printable(s.name)));
  auto pad = [&](const std::string& name) {
    const std::string p = printable(name);
    return p + std::string(w - std::min(w, utf8_length(p)) + 2, ' ');
  };
  for (const SpreadSite& s : r.sites) {
    out << fmt::format("  {}{}, {}\n", pad(s.name), printable(s.path),
                       printable(adopted_words(r, s)));
  }
  out << "\nCore components";
  if (r.core.empty()) {
    out << ": the blueprint names none (`core: true` on the items every site must keep)\n";
  } else {
    out << "\n";
  }
  for (const SpreadComponent& c : r.core) {
    out << fmt::format("  {} {}: {}\n", stage_name(c.stage), printable(c.id), printable(c.label));
    for (std::size_t k = 0; k < c.sites.size(); ++k) {
      const SpreadCell& cell = c.sites[k];
      out << fmt::format("    {}{}\n", pad(r.sites[k].name), printable(cell_words(cell)));
      if (const std::string why = why_words(cell.record, cell.unrecorded); !why.empty()) {
        out << fmt::format("    {}  why: {}\n", std::string(w, ' '), printable(why));
      }
    }
  }
  out << "\nWhat each site added or changed besides\n";
  for (const SpreadSite& s : r.sites) {
    out << fmt::format("  {}{}\n", printable(s.name), s.changes.empty() ? ": nothing" : "");
    for (const SpreadChange& c : s.changes) {
      out << fmt::format(
          "    {} {}{}{}\n", c.kind, printable(c.what),
          item_suffix(c, " (", ")", [](const std::string& v) { return printable(v); }),
          c.detail.empty() ? "" : ": " + printable(c.detail));
      out << fmt::format("      why: {}\n", printable(why_words(c.record, c.record == nullptr)));
    }
  }
  out << "\nAssumptions\n";
  if (r.assumptions.empty()) out << "  none, in the blueprint or at a site\n";
  for (const SpreadAssumption& a : r.assumptions) {
    out << fmt::format("  {}{}: {}\n", printable(a.id), a.context ? " (context)" : "",
                       printable(a.text));
    out << fmt::format("    {}\n", printable(origin_words(r, a)));
    out << fmt::format("    {}\n", a.summary());
    for (std::size_t k = 0; k < a.sites.size(); ++k) {
      const SpreadStatus& s = a.sites[k];
      const std::string more = evidence_words(s);
      out << fmt::format("    {}{}{}\n", pad(r.sites[k].name), printable(status_words(a, s)),
                         more.empty() ? "" : "; " + printable(more));
    }
  }
}

void write_markdown(std::ostream& out, const SpreadReport& r) {
  const Model& bp = *r.blueprint;
  out << fmt::format("# Spread of {}\n\n", md_cell(title_of(r)));
  out << fmt::format("Blueprint `{}`{}, adopted at {} site{}.\n\n", md_cell(r.path),
                     bp.version.value.empty() ? "" : ", version " + md_cell(bp.version.value),
                     r.sites.size(), r.sites.size() == 1 ? "" : "s");
  if (!r.sites.empty()) {
    out << "| Site | Model | Version |\n|---|---|---|\n";
    for (const SpreadSite& s : r.sites) {
      out << fmt::format("| {} | `{}` | {} |\n", md_cell(s.name), md_cell(s.path),
                         md_cell(adopted_words(r, s)));
    }
    out << "\n";
  }
  out << "## Core components\n\n";
  if (r.core.empty()) {
    out << "The blueprint names none (`core: true` on the items every site must keep).\n\n";
  } else {
    out << "| Component |";
    for (const SpreadSite& s : r.sites) out << " " << md_cell(s.name) << " |";
    out << "\n|---|";
    for (std::size_t k = 0; k < r.sites.size(); ++k) out << "---|";
    out << "\n";
    for (const SpreadComponent& c : r.core) {
      out << fmt::format("| **{}** (`{}`, {}) |", md_cell(c.label), md_cell(c.id),
                         stage_name(c.stage));
      for (const SpreadCell& cell : c.sites) {
        std::string text = fate_name(cell.fate) == std::string_view("kept")
                               ? std::string("kept")
                               : "**" + std::string(fate_name(cell.fate)) + "**";
        if (!cell.changes.empty()) text += ": " + md_cell(list_of(cell.changes, "; "));
        if (const std::string why = why_words(cell.record, cell.unrecorded); !why.empty()) {
          text += "<br>*Why:* " + md_cell(why);
        }
        out << " " << text << " |";
      }
      out << "\n";
    }
    out << "\n";
  }
  out << "## What each site added or changed besides\n\n";
  for (const SpreadSite& s : r.sites) {
    out << fmt::format("### {}\n\n", md_cell(s.name));
    if (s.changes.empty()) out << "Nothing.\n";
    for (const SpreadChange& c : s.changes) {
      out << fmt::format("- {} {}{}{}. *Why:* {}\n", c.kind, md_cell(c.what),
                         item_suffix(c, " (`", "`)", md_cell),
                         c.detail.empty() ? "" : ": " + md_cell(c.detail),
                         md_cell(why_words(c.record, c.record == nullptr)));
    }
    out << "\n";
  }
  out << "## Assumptions\n\n";
  if (r.assumptions.empty()) {
    out << "None, in the blueprint or at a site.\n";
    return;
  }
  out << "| Assumption | Across the sites |";
  for (const SpreadSite& s : r.sites) out << " " << md_cell(s.name) << " |";
  out << "\n|---|---|";
  for (std::size_t k = 0; k < r.sites.size(); ++k) out << "---|";
  out << "\n";
  for (const SpreadAssumption& a : r.assumptions) {
    out << fmt::format("| **{}** (`{}`{})<br>{} | {} |", md_cell(a.text), md_cell(a.id),
                       a.context ? ", context" : "", md_cell(origin_words(r, a)),
                       md_cell(a.summary()));
    for (const SpreadStatus& s : a.sites) {
      std::string text = md_cell(status_words(a, s));
      if (const std::string more = evidence_words(s); !more.empty()) {
        text += "<br>" + md_cell(more);
      }
      out << " " << text << " |";
    }
    out << "\n";
  }
}

void write_html(std::ostream& out, const SpreadReport& r) {
  const Model& bp = *r.blueprint;
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Spread of "
      << xml_text(title_of(r))
      << "</title>\n<style>\n"
         "body{font:16px/1.45 'DejaVu Sans','Noto Sans',system-ui,sans-serif;color:#1a1a1a;"
         "max-width:72em;margin:2em auto;padding:0 1em}\n"
         "h1{font-size:1.6em}h2{font-size:1.3em;border-bottom:1px solid #ccc;margin-top:2em}"
         "h3{font-size:1.05em}\n"
         "table{border-collapse:collapse;margin:.5em 0;width:100%}th,td{text-align:left;"
         "padding:.4em .6em;border:1px solid #ddd;vertical-align:top}th{background:#f4f4f4}\n"
         ".fate{font-weight:bold;white-space:nowrap}.kept{color:#1b5e20}"
         ".modified{color:#7a4f00}.replaced{color:#0d47a1}.dropped{color:#b3261e}\n"
         "td.kept{background:#f1f8f1}td.modified{background:#fff8e6}td.replaced{background:"
         "#eef3fb}td.dropped{background:#fdecea}\n"
         ".why{color:#333;font-size:.9em;margin-top:.2em}.unrecorded{color:#b3261e;"
         "font-weight:bold}.small{font-size:.85em;color:#444}\n"
         ".holds{color:#1b5e20}.fails{color:#b3261e}.testing{color:#7a4f00}"
         ".untested,.absent{color:#555}\n"
         "@media print{body{margin:0;max-width:none}}\n</style>\n</head>\n<body>\n";
  out << "<h1>Spread of " << xml_text(title_of(r)) << "</h1>\n<p>Blueprint <code>"
      << xml_text(r.path) << "</code>"
      << (bp.version.value.empty() ? "" : ", version " + xml_text(bp.version.value))
      << fmt::format(", adopted at {} site{}.</p>\n", r.sites.size(),
                     r.sites.size() == 1 ? "" : "s");
  if (!r.sites.empty()) {
    out << "<table>\n<tr><th>Site</th><th>Model</th><th>Version</th></tr>\n";
    for (const SpreadSite& s : r.sites) {
      out << "<tr><td>" << xml_text(s.name) << "</td><td><code>" << xml_text(s.path)
          << "</code></td><td>" << xml_text(adopted_words(r, s)) << "</td></tr>\n";
    }
    out << "</table>\n";
  }
  out << "<h2>Core components</h2>\n";
  if (r.core.empty()) {
    out << "<p>The blueprint names none (<code>core: true</code> on the items every site must "
           "keep).</p>\n";
  } else {
    out << "<table class=\"matrix\">\n<tr><th>Component</th>";
    for (const SpreadSite& s : r.sites) out << "<th>" << xml_text(s.name) << "</th>";
    out << "</tr>\n";
    for (const SpreadComponent& c : r.core) {
      out << "<tr><td><b>" << xml_text(c.label) << "</b><div class=\"small\">"
          << stage_name(c.stage) << " <code>" << xml_text(c.id) << "</code></div></td>";
      for (const SpreadCell& cell : c.sites) {
        const std::string_view fate = fate_name(cell.fate);
        out << "<td class=\"" << fate << "\"><span class=\"fate " << fate << "\">" << fate
            << "</span>";
        if (!cell.changes.empty()) {
          out << "<div class=\"small\">" << xml_text(list_of(cell.changes, "; ")) << "</div>";
        }
        if (cell.record) {
          out << "<div class=\"why\">" << xml_text(why_words(cell.record, false)) << "</div>";
        }
        if (cell.unrecorded) out << "<div class=\"unrecorded\">not recorded</div>";
        out << "</td>";
      }
      out << "</tr>\n";
    }
    out << "</table>\n";
  }
  out << "<h2>What each site added or changed besides</h2>\n";
  for (const SpreadSite& s : r.sites) {
    out << "<h3>" << xml_text(s.name) << "</h3>\n";
    if (s.changes.empty()) {
      out << "<p>Nothing.</p>\n";
      continue;
    }
    out << "<ul>\n";
    for (const SpreadChange& c : s.changes) {
      out << "<li>" << xml_text(c.kind) << " " << xml_text(c.what)
          << item_suffix(c, " <code>", "</code>", xml_text)
          << (c.detail.empty() ? "" : ": " + xml_text(c.detail)) << ". ";
      if (c.record) {
        out << "<span class=\"why\">" << xml_text(why_words(c.record, false)) << "</span>";
      } else {
        out << "<span class=\"unrecorded\">not recorded</span>";
      }
      out << "</li>\n";
    }
    out << "</ul>\n";
  }
  out << "<h2>Assumptions</h2>\n";
  if (r.assumptions.empty()) {
    out << "<p>None, in the blueprint or at a site.</p>\n";
  } else {
    out << "<table class=\"assumptions\">\n<tr><th>Assumption</th><th>Across the sites</th>";
    for (const SpreadSite& s : r.sites) out << "<th>" << xml_text(s.name) << "</th>";
    out << "</tr>\n";
    for (const SpreadAssumption& a : r.assumptions) {
      out << "<tr><td><b>" << xml_text(a.text) << "</b><div class=\"small\"><code>"
          << xml_text(a.id) << "</code>" << (a.context ? ", context" : "") << "</div>"
          << "<div class=\"why\">" << xml_text(origin_words(r, a)) << "</div></td><td>"
          << xml_text(a.summary()) << "</td>";
      for (const SpreadStatus& s : a.sites) {
        const std::string cls = s.present ? std::string(status_name(s.status)) : "absent";
        out << "<td><span class=\"fate " << cls << "\">" << xml_text(status_words(a, s))
            << "</span>";
        if (const std::string more = evidence_words(s); !more.empty()) {
          out << "<div class=\"why\">" << xml_text(more) << "</div>";
        }
        out << "</td>";
      }
      out << "</tr>\n";
    }
    out << "</table>\n";
  }
  out << "</body>\n</html>\n";
}

Json record_json(const Adaptation* a) {
  if (!a) return nullptr;
  return {{"item", a->item.value},
          {"change", change_name(a->change)},
          {"reason", a->reason.value.empty() ? Json(nullptr) : Json(a->reason.value)},
          {"planned", a->planned ? Json(*a->planned) : Json(nullptr)},
          {"decided_by", a->decided_by.value.empty() ? Json(nullptr) : Json(a->decided_by.value)},
          {"date", a->date.value.empty() ? Json(nullptr) : Json(a->date.value)},
          {"fidelity", fidelity_name(a->fidelity)}};
}

void write_json(std::ostream& out, const SpreadReport& r) {
  const Model& bp = *r.blueprint;
  auto text_or_null = [](const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); };
  Json sites = Json::array();
  for (const SpreadSite& s : r.sites) {
    Json changes = Json::array();
    for (const SpreadChange& c : s.changes) {
      changes.push_back({{"change", c.kind},
                         {"item", c.item},
                         {"what", c.what},
                         {"detail", text_or_null(c.detail)},
                         {"record", record_json(c.record)}});
    }
    sites.push_back({{"model", s.path},
                     {"name", s.name},
                     {"title", text_or_null(s.model->title.value)},
                     {"adapts_version", text_or_null(s.model->adapts.version.value)},
                     {"changes", changes}});
  }
  Json core = Json::array();
  for (const SpreadComponent& c : r.core) {
    Json cells = Json::array();
    for (std::size_t k = 0; k < c.sites.size(); ++k) {
      const SpreadCell& cell = c.sites[k];
      cells.push_back({{"model", r.sites[k].path},
                       {"fate", fate_name(cell.fate)},
                       {"changes", cell.changes},
                       {"recorded", !cell.unrecorded},
                       {"record", record_json(cell.record)}});
    }
    core.push_back(
        {{"id", c.id}, {"label", c.label}, {"stage", stage_name(c.stage)}, {"sites", cells}});
  }
  Json assumptions = Json::array();
  for (const SpreadAssumption& a : r.assumptions) {
    Json cells = Json::array();
    for (std::size_t k = 0; k < a.sites.size(); ++k) {
      const SpreadStatus& s = a.sites[k];
      cells.push_back({{"model", r.sites[k].path},
                       {"adopted", s.present},
                       {"status", s.present ? Json(status_name(s.status)) : Json(nullptr)},
                       {"evidence", s.evidence},
                       {"test", text_or_null(s.test)},
                       {"carried_over", s.carried},
                       {"reworded", s.reworded},
                       {"record", record_json(s.record)}});
    }
    assumptions.push_back({{"id", a.id},
                           {"text", a.text},
                           {"context", a.context},
                           {"from", a.origin < 0 ? Json(nullptr) : Json(r.sites[a.origin].path)},
                           {"status", status_name(a.status)},
                           {"evidence", a.evidence},
                           {"summary", a.summary()},
                           {"sites", cells}});
  }
  out << dump_json({{"version", 1},
                    {"blueprint",
                     {{"model", r.path},
                      {"title", text_or_null(bp.title.value)},
                      {"version", text_or_null(bp.version.value)}}},
                    {"sites", sites},
                    {"core", core},
                    {"assumptions", assumptions}});
}

}  // namespace

void write_spread(std::ostream& out, const SpreadReport& report, std::string_view format) {
  if (format == "json") return write_json(out, report);
  if (format == "markdown") return write_markdown(out, report);
  if (format == "html") return write_html(out, report);
  write_text(out, report);
}

std::string spread_schema() {
  return R"({
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://lmc.invalid/schemas/spread.schema.json",
  "title": "lmc spread --format json",
  "description": "The sites that adapt a blueprint side by side: what became of each core component at each site, what else each site changed, and each assumption's status and evidence site by site.",
  "type": "object",
  "required": ["version", "blueprint", "sites", "core", "assumptions"],
  "additionalProperties": false,
  "definitions": {
    "text": {"type": ["string", "null"]},
    "record": {
      "description": "The adaptation's record (`adaptations:`) that says why; null when none does.",
      "oneOf": [
        {"type": "null"},
        {
          "type": "object",
          "required": ["item", "change", "reason", "planned", "decided_by", "date", "fidelity"],
          "additionalProperties": false,
          "properties": {
            "item": {"type": "string", "description": "An id, or a link \"a -> b\"."},
            "change": {"enum": ["dropped", "modified", "added", "replaced"]},
            "reason": {"$ref": "#/definitions/text"},
            "planned": {"type": ["boolean", "null"]},
            "decided_by": {"$ref": "#/definitions/text"},
            "date": {"$ref": "#/definitions/text"},
            "fidelity": {"enum": ["consistent", "inconsistent", "unknown"]}
          }
        }
      ]
    }
  },
  "properties": {
    "version": {"const": 1},
    "blueprint": {
      "type": "object",
      "required": ["model", "title", "version"],
      "additionalProperties": false,
      "properties": {
        "model": {"type": "string", "description": "The blueprint's file, as given."},
        "title": {"$ref": "#/definitions/text"},
        "version": {"$ref": "#/definitions/text"}
      }
    },
    "sites": {
      "type": "array",
      "items": {
        "type": "object",
        "required": ["model", "name", "title", "adapts_version", "changes"],
        "additionalProperties": false,
        "properties": {
          "model": {"type": "string", "description": "The adaptation's file, as found."},
          "name": {"type": "string", "description": "Its title less the blueprint's, else its file."},
          "title": {"$ref": "#/definitions/text"},
          "adapts_version": {"$ref": "#/definitions/text"},
          "changes": {
            "description": "What the site added, dropped or changed besides the core components.",
            "type": "array",
            "items": {
              "type": "object",
              "required": ["change", "item", "what", "detail", "record"],
              "additionalProperties": false,
              "properties": {
                "change": {"enum": ["added", "dropped", "modified"]},
                "item": {"type": "string"},
                "what": {"type": "string"},
                "detail": {"$ref": "#/definitions/text"},
                "record": {"$ref": "#/definitions/record"}
              }
            }
          }
        }
      }
    },
    "core": {
      "description": "The blueprint's core components (`core: true`), each with its fate at every site.",
      "type": "array",
      "items": {
        "type": "object",
        "required": ["id", "label", "stage", "sites"],
        "additionalProperties": false,
        "properties": {
          "id": {"type": "string"},
          "label": {"type": "string"},
          "stage": {"enum": ["resource", "activity", "output", "outcome", "impact"]},
          "sites": {
            "type": "array",
            "items": {
              "type": "object",
              "required": ["model", "fate", "changes", "recorded", "record"],
              "additionalProperties": false,
              "properties": {
                "model": {"type": "string"},
                "fate": {"enum": ["kept", "modified", "replaced", "dropped"]},
                "changes": {"type": "array", "items": {"type": "string"}},
                "recorded": {"type": "boolean", "description": "Whether records cover every change."},
                "record": {"$ref": "#/definitions/record"}
              }
            }
          }
        }
      }
    },
    "assumptions": {
      "description": "The blueprint's assumptions, then those a site added, with their status at every site.",
      "type": "array",
      "items": {
        "type": "object",
        "required": ["id", "text", "context", "from", "status", "evidence", "summary", "sites"],
        "additionalProperties": false,
        "properties": {
          "id": {"type": "string"},
          "text": {"type": "string"},
          "context": {"type": "boolean"},
          "from": {"type": ["string", "null"], "description": "null: the blueprint's; else the site that added it."},
          "status": {"enum": ["untested", "testing", "holds", "fails"]},
          "evidence": {"type": "array", "items": {"type": "string"}},
          "summary": {"type": "string", "description": "\"held in 3 sites, failed in 2, untested in 1\"."},
          "sites": {
            "type": "array",
            "items": {
              "type": "object",
              "required": ["model", "adopted", "status", "evidence", "test", "carried_over", "reworded", "record"],
              "additionalProperties": false,
              "properties": {
                "model": {"type": "string"},
                "adopted": {"type": "boolean"},
                "status": {"enum": ["untested", "testing", "holds", "fails", null]},
                "evidence": {"type": "array", "items": {"type": "string"}},
                "test": {"$ref": "#/definitions/text"},
                "carried_over": {"type": "boolean", "description": "A context assumption as the blueprint has it: not examined here."},
                "reworded": {"type": "boolean"},
                "record": {"$ref": "#/definitions/record"}
              }
            }
          }
        }
      }
    }
  }
}
)";
}

}  // namespace lmc
