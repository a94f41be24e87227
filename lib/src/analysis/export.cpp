// SPDX-License-Identifier: Apache-2.0
#include "lmc/export.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>

#include "analysis/rollup_json.h"
#include "lmc/rollup.h"
#include "lmc/source.h"
#include "support/json.h"

namespace lmc {

namespace {

// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
std::string csv_field(std::string_view text) {
  // Control characters shown escaped (\x1b), as in every output; line breaks kept.
  const std::string s = printable(text, true);
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

// The measurement plan is written for Excel, which reads a CSV file as UTF-8 only when it
// starts with a byte-order mark ("£45", not "Â£45"); Python's csv (utf-8-sig), LibreOffice
// and pandas read it too.
constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kPlanHeader =
    "item_id,item_label,stage,indicator_id,indicator,source,baseline,target,due,frequency\r\n";

// The measurement plan's rows of one model of `graph`: one row per indicator, its items named
// PATH#id when `prefix` is a path, after a `model` column when one is given.
void plan_rows(std::ostream& out, const Graph& graph, int model, const std::string& prefix,
               const std::string* model_column) {
  for (int i = graph.first_node(model); i < graph.first_node(model + 1); ++i) {
    const Item& it = graph.item(i);
    if (!graph.defines(i)) continue;
    const std::string id = prefix.empty() ? it.id.value : prefix + "#" + it.id.value;
    for (const Indicator& ind : it.indicators()) {
      const std::array<std::string_view, 10> row = {id,
                                                    it.label.value,
                                                    stage_name(it.stage),
                                                    ind.id.value,
                                                    ind.label.value,
                                                    ind.source.value,
                                                    ind.baseline.value,
                                                    ind.target.value,
                                                    ind.due.value,
                                                    ind.frequency.value};
      if (model_column) out << csv_field(*model_column) << ",";
      for (std::size_t k = 0; k < row.size(); ++k) out << (k ? "," : "") << csv_field(row[k]);
      out << "\r\n";
    }
  }
}

// The measurement plan: one row per indicator; for a programme, the work streams' indicators
// follow the programme's, their items named PATH#id.
void write_csv(std::ostream& out, const Model& m, const Graph& g, const ProgrammeExport& p) {
  out << kBom << kPlanHeader;
  if (!p.graph) {
    plan_rows(out, g, 0, {}, nullptr);
    return;
  }
  plan_rows(out, *p.graph, p.rollup->root, {}, nullptr);
  for (int other = 0; other < p.graph->model_count(); ++other) {
    if (other == p.rollup->root || !p.graph->usable(other)) continue;
    plan_rows(out, *p.graph, other, path_from(m.path, p.graph->model(other).path), nullptr);
  }
}

// The columns of the diagram: a stage each, outcomes by term.
struct Column {
  std::string key, title;
};

Column column_of(const Item& it) {
  if (it.stage != Stage::outcome) {
    return {std::string(stage_section(it.stage)), std::string(stage_title(it.stage))};
  }
  switch (it.term) {
    case Term::short_term: return {"outcomes_short", "Outcomes: short term"};
    case Term::long_term: return {"outcomes_long", "Outcomes: long term"};
    default: return {"outcomes_medium", "Outcomes: medium term"};
  }
}

// Mermaid label text: in double quotes, with quotes and the characters Mermaid reads as markup
// written as entity codes.
std::string mermaid_text(std::string_view text) {
  std::string out;
  for (char c : printable(text, false)) {
    switch (c) {
      case '"': out += "#quot;"; break;
      case '<': out += "#lt;"; break;
      case '>': out += "#gt;"; break;
      case '#': out += "#35;"; break;
      case '\n':
      case '\r':
      case '\t': out += ' '; break;
      default: out += c;
    }
  }
  return out;
}

void write_mermaid(std::ostream& out, const Model& m, const Graph& g) {
  // The title goes in YAML front matter, single-quoted (a quote doubled), on one line.
  std::string title;
  for (char c : printable(m.title.value, false)) {
    if (c == '\'')
      title += "''";
    else if (c == '\n' || c == '\r' || c == '\t')
      title += ' ';
    else
      title += c;
  }
  out << "---\ntitle: '" << title << "'\n---\nflowchart LR\n";
  // Node names are generated (n0, n1, ...): an id like "end" or "a-b" would confuse Mermaid.
  std::map<int, std::string> names;
  std::vector<std::string> order;
  std::map<std::string, std::vector<int>> columns;
  std::map<std::string, std::string> titles;
  for (std::size_t i = 0; i < m.items.size(); ++i) {
    const Item& it = m.items[i];
    if (!g.defines(static_cast<int>(i))) continue;
    names[static_cast<int>(i)] = "n" + std::to_string(i);
    const Column c = column_of(it);
    if (!columns.count(c.key)) order.push_back(c.key);
    columns[c.key].push_back(static_cast<int>(i));
    titles[c.key] = c.title;
  }
  // Columns in the order of the chain.
  const std::array<std::string_view, 7> chain = {
      "resources",       "activities",    "outputs", "outcomes_short",
      "outcomes_medium", "outcomes_long", "impacts"};
  for (std::string_view key : chain) {
    const auto c = columns.find(std::string(key));
    if (c == columns.end()) continue;
    out << fmt::format("  subgraph {}[\"{}\"]\n", key, mermaid_text(titles[c->first]));
    for (int i : c->second) {
      out << fmt::format("    {}[\"{}\"]\n", names[i], mermaid_text(m.items[i].label.value));
    }
    out << "  end\n";
  }
  for (const Graph::Link& link : g.links()) {
    out << fmt::format("  {} --> {}\n", names[link.from], names[link.to]);
  }
  for (const char* cls : {"resources", "activities", "outputs", "impacts"}) {
    if (columns.count(cls)) out << "  style " << cls << " fill:#f6f6f6,stroke:#ccc\n";
  }
}

std::string md(std::string_view text) {
  std::string out;
  for (char c : printable(text, true)) {
    if (c == '\n' || c == '\r') {
      out += ' ';
      continue;
    }
    if (std::string_view("\\`*_[]<>|#").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

void write_markdown(std::ostream& out, const Model& m, const Graph& g) {
  out << "# " << md(m.title.value) << "\n\n";
  const std::pair<const char*, const Text Model::*> kFacts[] = {
      {"Programme", &Model::programme}, {"Population", &Model::population},
      {"Problem", &Model::problem},     {"Owner", &Model::owner},
      {"Version", &Model::version},     {"Updated", &Model::updated}};
  for (const auto& [name, field] : kFacts) {
    if (!(m.*field).value.empty()) out << "- **" << name << ":** " << md((m.*field).value) << "\n";
  }
  for (Stage stage : kStages) {
    bool any = false;
    for (std::size_t i = 0; i < m.items.size(); ++i) {
      const Item& it = m.items[i];
      if (it.stage != stage || !g.defines(static_cast<int>(i))) {
        continue;
      }
      if (!any) out << "\n## " << stage_title(stage) << "\n\n";
      any = true;
      out << "- **" << md(it.label.value) << "** (`" << it.id.value << "`)";
      if (stage == Stage::outcome && it.term != Term::none)
        out << ", " << term_name(it.term) << " term";
      std::string to;
      for (int w : g.successors(static_cast<int>(i))) {
        to += (to.empty() ? "" : ", ") + std::string("`") + m.items[w].id.value + "`";
      }
      if (!to.empty()) out << " → " << to;
      out << "\n";
      if (!it.detail.value.empty()) out << "  " << md(it.detail.value) << "\n";
      for (const Indicator& ind : it.indicators()) {
        out << "  - Indicator: " << md(ind.label.value);
        std::vector<std::string> parts;
        if (!ind.baseline.value.empty() || !ind.target.value.empty()) {
          parts.push_back(md(ind.baseline.value.empty() ? "?" : ind.baseline.value) + " → " +
                          md(ind.target.value.empty() ? "?" : ind.target.value));
        }
        if (!ind.due.value.empty()) parts.push_back("by " + ind.due.value);
        if (!ind.source.value.empty()) parts.push_back("source: " + md(ind.source.value));
        for (std::size_t k = 0; k < parts.size(); ++k) out << (k ? "; " : " (") << parts[k];
        out << (parts.empty() ? "" : ")") << "\n";
      }
    }
  }
  // A reference as written, in a code span: control characters escaped, and a backtick (which
  // would end the span) written as a quote.
  auto refs = [](const std::vector<Ref>& rs) {
    std::string s;
    for (const Ref& r : rs) {
      std::string text = printable(r.target, false);
      std::replace(text.begin(), text.end(), '`', '\'');
      s += (s.empty() ? "" : ", ") + std::string("`") + text + "`";
    }
    return s;
  };
  if (!m.assumptions.empty()) out << "\n## Assumptions\n\n";
  for (const Assumption& a : m.assumptions) {
    out << "- **" << md(a.text.value) << "** (`" << a.id.value << "`, " << status_name(a.status)
        << ")";
    if (!a.about.empty()) out << ", about " << refs(a.about);
    out << "\n";
    for (const Text& e : a.evidence) out << "  - Evidence: " << md(e.value) << "\n";
    if (!a.test.method.value.empty()) {
      out << "  - Test: " << md(a.test.method.value);
      if (!a.test.due.value.empty()) out << ", due " << a.test.due.value;
      out << "\n";
    }
  }
  if (!m.factors.empty()) out << "\n## External factors\n\n";
  for (const ExternalFactor& f : m.factors) {
    out << "- **" << md(f.text.value) << "** (`" << f.id.value << "`)";
    if (!f.affects.empty()) out << ", affects " << refs(f.affects);
    out << "\n";
  }
}

Json text_json(const Text& t) {
  return t.value.empty() ? Json(nullptr) : Json(t.value);
}

Json refs_json(const std::vector<Ref>& refs, const Graph& g) {
  Json out = Json::array();
  for (const Ref& r : refs) {
    if (auto link = parse_link_ref(r.target)) {
      if (g.find(link->first) >= 0 && g.find(link->second) >= 0) {
        out.push_back(Json{{"link", Json{{"from", link->first}, {"to", link->second}}}});
      }
    } else if (g.find(r.target) >= 0) {
      out.push_back(Json{{"item", r.target}});
    }
  }
  return out;
}

void write_json(std::ostream& out, const Model& m, const Graph& g, const ProgrammeExport& p) {
  Json j;
  j["version"] = 1;
  j["path"] = m.path;
  // "version" is the format's; the model's own version is "model_version".
  for (const auto& [key, field] : kModelTexts) {
    j[key == "version" ? std::string("model_version") : std::string(key)] = text_json(m.*field);
  }
  Json items = Json::array();
  for (std::size_t i = 0; i < m.items.size(); ++i) {
    const Item& it = m.items[i];
    if (!g.defines(static_cast<int>(i))) continue;
    Json indicators = Json::array();
    for (const Indicator& ind : it.indicators()) {
      indicators.push_back(Json{{"id", text_json(ind.id)},
                                {"label", ind.label.value},
                                {"source", text_json(ind.source)},
                                {"baseline", text_json(ind.baseline)},
                                {"target", text_json(ind.target)},
                                {"due", text_json(ind.due)},
                                {"frequency", text_json(ind.frequency)}});
    }
    Json tags = Json::array();
    if (it.extras) {
      for (const Text& t : it.extras->tags) tags.push_back(t.value);
    }
    items.push_back(
        Json{{"id", it.id.value},
             {"stage", stage_name(it.stage)},
             {"label", it.label.value},
             {"detail", text_json(it.detail)},
             {"term", it.stage == Stage::outcome && it.term != Term::none ? Json(term_name(it.term))
                                                                          : Json(nullptr)},
             {"owner", it.extras ? text_json(it.extras->owner) : Json(nullptr)},
             {"tags", tags},
             {"indicators", indicators}});
  }
  j["items"] = items;
  Json links = Json::array();
  for (const Graph::Link& link : g.links()) {
    links.push_back(Json{{"from", m.items[link.from].id.value}, {"to", m.items[link.to].id.value}});
  }
  j["links"] = links;
  Json assumptions = Json::array();
  for (const Assumption& a : m.assumptions) {
    if (a.id.value.empty()) continue;
    Json evidence = Json::array();
    for (const Text& e : a.evidence) evidence.push_back(e.value);
    Json test = nullptr;
    if (a.test.span.known()) {
      test = Json{{"method", text_json(a.test.method)},
                  {"indicator", text_json(a.test.indicator)},
                  {"due", text_json(a.test.due)},
                  {"owner", text_json(a.test.owner)}};
    }
    assumptions.push_back(Json{{"id", a.id.value},
                               {"text", a.text.value},
                               {"status", status_name(a.status)},
                               {"about", refs_json(a.about, g)},
                               {"evidence", evidence},
                               {"test", test}});
  }
  j["assumptions"] = assumptions;
  Json factors = Json::array();
  for (const ExternalFactor& f : m.factors) {
    if (f.id.value.empty()) continue;
    factors.push_back(
        Json{{"id", f.id.value}, {"text", f.text.value}, {"affects", refs_json(f.affects, g)}});
  }
  j["external_factors"] = factors;
  if (p.rollup) j["roll_up"] = roll_up_value(*p.graph, *p.rollup);
  out << dump_json(j);
}

}  // namespace

void write_export(std::ostream& out, const Model& model, const Graph& graph, ExportFormat format,
                  const ProgrammeExport& programme) {
  switch (format) {
    case ExportFormat::csv: write_csv(out, model, graph, programme); return;
    case ExportFormat::mermaid: write_mermaid(out, model, graph); return;
    case ExportFormat::markdown:
      write_markdown(out, model, graph);
      if (programme.rollup) {
        write_roll_up(out, *programme.graph, *programme.rollup, RollUpFormat::markdown);
      }
      return;
    case ExportFormat::json: write_json(out, model, graph, programme); return;
  }
}

void write_exports(std::ostream& out, const std::vector<const Model*>& models,
                   ExportFormat format) {
  if (format == ExportFormat::csv) {
    out << kBom << "model," << kPlanHeader;
    for (const Model* m : models) {
      const Graph graph(*m);
      plan_rows(out, graph, 0, {}, &m->path);
    }
    return;
  }
  bool first = true;
  for (const Model* m : models) {
    if (!first) out << "\n";
    first = false;
    write_export(out, *m, Graph(*m), format);
  }
}

std::string export_schema() {
  return R"({
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://lmc.invalid/schemas/export.schema.json",
  "title": "lmc export --format json",
  "description": "A logic model with its links resolved, as `lmc export --format json` writes it.",
  "type": "object",
  "required": ["version", "path", "title", "items", "links", "assumptions", "external_factors"],
  "additionalProperties": false,
  "definitions": {
    "text": {"type": ["string", "null"]},
    "ref": {
      "oneOf": [
        {"type": "object", "required": ["item"], "additionalProperties": false,
         "properties": {"item": {"type": "string"}}},
        {"type": "object", "required": ["link"], "additionalProperties": false,
         "properties": {"link": {"$ref": "#/definitions/link"}}}
      ]
    },
    "link": {
      "type": "object", "required": ["from", "to"], "additionalProperties": false,
      "properties": {"from": {"type": "string"}, "to": {"type": "string"}}
    }
  },
  "properties": {
    "version": {"const": 1},
    "path": {"type": "string"},
    "title": {"$ref": "#/definitions/text"},
    "problem": {"$ref": "#/definitions/text"},
    "description": {"$ref": "#/definitions/text"},
    "programme": {"$ref": "#/definitions/text"},
    "population": {"$ref": "#/definitions/text"},
    "owner": {"$ref": "#/definitions/text"},
    "model_version": {"$ref": "#/definitions/text"},
    "updated": {"$ref": "#/definitions/text"},
    "results": {"$ref": "#/definitions/text"},
    "items": {
      "type": "array",
      "items": {
        "type": "object",
        "required": ["id", "stage", "label", "detail", "term", "owner", "tags", "indicators"],
        "additionalProperties": false,
        "properties": {
          "id": {"type": "string"},
          "stage": {"enum": ["resource", "activity", "output", "outcome", "impact"]},
          "label": {"type": "string"},
          "detail": {"$ref": "#/definitions/text"},
          "term": {"enum": ["short", "medium", "long", null]},
          "owner": {"$ref": "#/definitions/text"},
          "tags": {"type": "array", "items": {"type": "string"}},
          "indicators": {
            "type": "array",
            "items": {
              "type": "object",
              "required": ["id", "label", "source", "baseline", "target", "due", "frequency"],
              "additionalProperties": false,
              "properties": {
                "id": {"$ref": "#/definitions/text"},
                "label": {"type": "string"},
                "source": {"$ref": "#/definitions/text"},
                "baseline": {"$ref": "#/definitions/text"},
                "target": {"$ref": "#/definitions/text"},
                "due": {"$ref": "#/definitions/text"},
                "frequency": {"$ref": "#/definitions/text"}
              }
            }
          }
        }
      }
    },
    "links": {"type": "array", "items": {"$ref": "#/definitions/link"}},
    "assumptions": {
      "type": "array",
      "items": {
        "type": "object",
        "required": ["id", "text", "status", "about", "evidence", "test"],
        "additionalProperties": false,
        "properties": {
          "id": {"type": "string"},
          "text": {"type": "string"},
          "status": {"enum": ["untested", "testing", "holds", "fails"]},
          "about": {"type": "array", "items": {"$ref": "#/definitions/ref"}},
          "evidence": {"type": "array", "items": {"type": "string"}},
          "test": {
            "oneOf": [
              {"type": "null"},
              {"type": "object", "required": ["method", "indicator", "due", "owner"],
               "additionalProperties": false,
               "properties": {"method": {"$ref": "#/definitions/text"},
                              "indicator": {"$ref": "#/definitions/text"},
                              "due": {"$ref": "#/definitions/text"},
                              "owner": {"$ref": "#/definitions/text"}}}
            ]
          }
        }
      }
    },
    "external_factors": {
      "type": "array",
      "items": {
        "type": "object",
        "required": ["id", "text", "affects"],
        "additionalProperties": false,
        "properties": {
          "id": {"type": "string"},
          "text": {"type": "string"},
          "affects": {"type": "array", "items": {"$ref": "#/definitions/ref"}}
        }
      }
    },
    "roll_up": {
      "description": "For a programme (a model whose boxes name work-stream models): for each of its outcomes and impacts, the work streams that contribute to it and through which of their items; its outcomes no work stream carries; indicators measured in several models.",
      "type": "object",
      "required": ["programme", "targets", "uncarried_outcomes", "shared_indicators"],
      "additionalProperties": false,
      "properties": {
        "programme": {"type": "string"},
        "targets": {
          "type": "array",
          "items": {
            "type": "object",
            "required": ["id", "label", "stage", "work_streams"],
            "additionalProperties": false,
            "properties": {
              "id": {"type": "string"}, "label": {"type": "string"},
              "stage": {"enum": ["outcome", "impact"]},
              "work_streams": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": ["model", "title", "through"],
                  "additionalProperties": false,
                  "properties": {
                    "model": {"type": "string"}, "title": {"type": "string"},
                    "through": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "required": ["id", "label", "stage", "indicators"],
                        "additionalProperties": false,
                        "properties": {
                          "id": {"type": "string"}, "label": {"type": "string"},
                          "stage": {"enum": ["resource", "activity", "output", "outcome", "impact"]},
                          "indicators": {
                            "type": "array",
                            "items": {
                              "type": "object", "required": ["label"], "additionalProperties": false,
                              "properties": {"id": {"type": "string"}, "label": {"type": "string"}}
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        },
        "uncarried_outcomes": {"type": "array", "items": {"type": "string"}},
        "shared_indicators": {
          "type": "array",
          "items": {
            "type": "object",
            "required": ["indicator", "measured_in"],
            "additionalProperties": false,
            "properties": {
              "indicator": {"type": "string"},
              "measured_in": {
                "type": "array",
                "items": {
                  "type": "object", "required": ["model", "item"], "additionalProperties": false,
                  "properties": {"model": {"type": "string"}, "item": {"type": "string"}}
                }
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
