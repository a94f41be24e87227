// SPDX-License-Identifier: Apache-2.0
// The format's key table -> JSON Schema draft-07, the draft YAML editors support best.
#include "lmc/schema.h"

#include "lmc/rules.h"
#include "load/format.h"
#include "support/json.h"

namespace lmc {

namespace {

using format::KeySpec;
using format::MapKind;
using format::ValueType;

Json enum_of(std::initializer_list<const char*> values) {
  Json e = Json::array();
  for (const char* v : values) e.push_back(v);
  return Json{{"type", "string"}, {"enum", std::move(e)}};
}

Json ref(const char* name) {
  return Json{{"$ref", std::string("#/definitions/") + name}};
}

// Any single value is text to lmc (a plain 2.3 is the text "2.3"), so the schema takes what
// the loader takes. An optional text may be left empty (null); a required one must hold more
// than spaces.
Json text(bool required = false) {
  if (!required) return Json{{"type", Json::array({"string", "number", "boolean", "null"})}};
  return Json{{"anyOf", Json::array({Json{{"type", "string"}, {"pattern", "\\S"}},
                                     Json{{"type", Json::array({"number", "boolean"})}}})}};
}

// One value, or a list of them: lmc takes both wherever a list is allowed.
Json one_or_list(Json one) {
  return Json{{"anyOf", Json::array({one, Json{{"type", "array"}, {"items", one}}})}};
}

Json value_schema(ValueType t, bool required) {
  switch (t) {
    case ValueType::version:
      return Json{{"const", 1},
                  {"description",
                   "The format version: the integer 1. (lmc also refuses 1.0, which YAML reads as "
                   "the same number, so no JSON Schema can tell them apart.)"}};
    case ValueType::text: return text(required);
    case ValueType::date: return ref("date");
    case ValueType::id: return ref("id");
    case ValueType::ids:
      return Json{{"oneOf", Json::array({ref("target"),
                                         Json{{"type", "array"}, {"items", ref("target")}}})}};
    case ValueType::references: return one_or_list(ref("reference"));
    case ValueType::model_path: return ref("model_path");
    case ValueType::term: return enum_of({"short", "medium", "long"});
    case ValueType::status: return enum_of({"untested", "testing", "holds", "fails"});
    case ValueType::page:
      return enum_of({"a5", "a4", "a3", "letter", "legal", "tabloid", "screen"});
    case ValueType::orientation: return enum_of({"landscape", "portrait"});
    case ValueType::texts:
    case ValueType::text_or_texts: return one_or_list(text());
    case ValueType::rule_ids: return one_or_list(ref("rule"));
    case ValueType::indicators: return Json{{"type", "array"}, {"items", ref("indicator")}};
    case ValueType::test: return ref("test");
    case ValueType::render: return ref("render");
    case ValueType::items:
      return Json{};  // set per section by the caller
    // An empty section (`assumptions:` with nothing under it) is allowed, as the loader does.
    case ValueType::assumptions:
      return Json{{"type", Json::array({"array", "null"})}, {"items", ref("assumption")}};
    case ValueType::factors:
      return Json{{"type", Json::array({"array", "null"})}, {"items", ref("external_factor")}};
    case ValueType::boolean: return Json{{"type", "boolean"}};
    case ValueType::adapts: return ref("adapts");
    case ValueType::adaptations:
      return Json{{"type", Json::array({"array", "null"})}, {"items", ref("adaptation")}};
    case ValueType::change: return enum_of({"dropped", "modified", "added", "replaced"});
    case ValueType::fidelity: return enum_of({"consistent", "inconsistent", "unknown"});
  }
  return Json{};
}

// An object with exactly these keys, each described.
Json object_schema(MapKind kind, std::string_view description, Stage stage = Stage::resource) {
  Json properties = Json::object(), required = Json::array();
  for (const KeySpec& k : format::keys_of(kind)) {
    if (kind == MapKind::item && !(k.stages & format::stage_bit(stage))) continue;
    Json p = value_schema(k.type, k.required);
    if (k.type == ValueType::items) {
      for (Stage s : kStages) {
        if (k.name == stage_section(s)) {
          p = Json{{"type", Json::array({"array", "null"})},
                   {"items", ref(std::string(stage_name(s)).c_str())}};
        }
      }
    }
    p["description"] = std::string(k.description);
    properties[std::string(k.name)] = std::move(p);
    if (k.required) required.push_back(std::string(k.name));
  }
  Json o{{"type", "object"}, {"description", std::string(description)}};
  if (!required.empty()) o["required"] = std::move(required);
  o["properties"] = std::move(properties);
  o["additionalProperties"] = false;
  return o;
}

}  // namespace

std::string json_schema() {
  Json rules = Json::array();
  for (const Rule& r : all_rules()) rules.push_back(std::string(r.id));
  Json definitions = Json::object();
  definitions["id"] = Json{{"type", "string"},
                           {"pattern", "^[A-Za-z][A-Za-z0-9_-]*$"},
                           {"description", "A letter, then letters, digits, '-' or '_'."}};
  // Days the calendar has: 31 in January, 30 in April, 29 February in leap years only.
  const std::string day =
      "(?:[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|"
      "(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|"
      "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|"
      "(?:[02468][048]|[13579][26])00)-02-29)";
  definitions["date"] = Json{{"type", "string"},
                             {"pattern", "^" + day + "$"},
                             {"description", "A day of the calendar, written YYYY-MM-DD."}};
  // A path as lmc follows it: relative, with '/', not a URL (see bad_model_path()).
  const std::string id = "[A-Za-z][A-Za-z0-9_-]*";
  const std::string path_no_arrow = R"((?![A-Za-z]:)(?:(?!->|://)[^\\#])+)";
  definitions["model_path"] =
      Json{{"type", "string"},
           {"pattern", R"(^(?![A-Za-z]:)(?!.*://)[^/\\][^\\]*$)"},
           {"description",
            "A model file, by its path relative to this file, written with '/' (no URL)."}};
  // Whether an id names an item is for lmc to say (unknown-reference, with the nearest id), as
  // it does in an editor through `lmc lsp`; the schema refuses only what lmc refuses as
  // written: a PATH#id whose PATH is not one lmc follows or whose id is not an id.
  const std::string file_ref = "\\s*(?![/\\s])" + path_no_arrow + "#" + id + "\\s*";
  const std::string end = "(?:(?:(?!->)[^#])*|" + file_ref + ")";
  definitions["target"] =
      Json{{"type", "string"},
           {"pattern", "^(?:[^#]*|" + file_ref + ")$"},
           {"description", "An item's id, or PATH#id: the item `id` of the model at PATH."}};
  definitions["reference"] =
      Json{{"type", "string"},
           {"pattern", "^" + end + "(?:->" + end + ")?$"},
           {"description",
            "An item's id, or a link written \"from-id -> to-id\"; an id may be PATH#id."}};
  definitions["rule"] = Json{{"type", "string"},
                             {"enum", std::move(rules)},
                             {"description", "A rule id, as `lmc rules` lists them."}};
  for (Stage s : kStages) {
    definitions[std::string(stage_name(s))] = object_schema(
        MapKind::item, std::string("One of the model's ") + std::string(stage_section(s)) + ".", s);
  }
  definitions["indicator"] =
      object_schema(MapKind::indicator, "How an output, outcome or impact is measured.");
  definitions["test"] = object_schema(MapKind::test, "How an assumption will be tested.");
  definitions["render"] = object_schema(MapKind::render, "Defaults for `lmc render`.");
  definitions["assumption"] = object_schema(MapKind::assumption, "A belief the chain rests on.");
  definitions["external_factor"] =
      object_schema(MapKind::factor, "Something outside the programme that can swamp it.");
  definitions["adapts"] = object_schema(MapKind::adapts, "The blueprint this model adapts.");
  definitions["adaptation"] =
      object_schema(MapKind::adaptation, "A deliberate change from the blueprint, and why.");

  Json schema{{"$schema", "http://json-schema.org/draft-07/schema#"},
              {"title", "Logic model (lmc format version 1)"}};
  Json top = object_schema(MapKind::top,
                           "A programme logic model: resources, activities, outputs, outcomes "
                           "and impacts, with the assumptions and external factors they rest on.");
  for (auto& [key, value] : top.items()) schema[key] = value;
  schema["definitions"] = std::move(definitions);
  return dump_json(schema);
}

}  // namespace lmc
