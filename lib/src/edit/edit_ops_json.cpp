// SPDX-License-Identifier: Apache-2.0
// Edit operations as JSON, the form `lmc edit --ops`, the server and scripts give them in:
// read with the nesting bounded (json_reader.h), every field checked for its type, an unknown
// field refused by name.
#include <fmt/format.h>

#include <map>

#include "lmc/edit.h"
#include "lmc/json_reader.h"

namespace lmc {

namespace {

// The string fields of an operation by their JSON names (to, about, affects, evidence and
// value are lists, or strings, and read apart).
const std::map<std::string_view, std::string EditOp::*>& string_fields() {
  static const std::map<std::string_view, std::string EditOp::*> kStrings = {
      {"op", &EditOp::op},         {"section", &EditOp::section},   {"id", &EditOp::id},
      {"label", &EditOp::label},   {"term", &EditOp::term},         {"field", &EditOp::field},
      {"from", &EditOp::from},     {"text", &EditOp::text},         {"item", &EditOp::item},
      {"status", &EditOp::status}, {"detail", &EditOp::detail},     {"owner", &EditOp::owner},
      {"source", &EditOp::source}, {"baseline", &EditOp::baseline}, {"target", &EditOp::target},
      {"due", &EditOp::due}};
  return kStrings;
}

}  // namespace

std::string edit_ops_json(std::span<const EditOp> ops) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const EditOp& op : ops) {
    nlohmann::ordered_json o = nlohmann::ordered_json::object();
    o["op"] = op.op;
    for (const auto& [key, field] : string_fields()) {
      if (key != "op" && !(op.*field).empty()) o[std::string(key)] = op.*field;
    }
    if (op.op == "add-assumption" && !op.links.empty()) {
      o["about"] = op.links;
    } else if (op.op == "add-factor" && !op.links.empty()) {
      o["affects"] = op.links;
    } else if (!op.to.empty()) {
      o["to"] = op.to;
    } else if (!op.links.empty()) {
      o["to"] = op.links;
    }
    if (!op.evidence.empty()) o["evidence"] = op.evidence;
    if (op.value) {
      o["value"] = *op.value;
    } else if (!op.value_list.empty()) {
      o["value"] = op.value_list;
    }
    list.push_back(std::move(o));
  }
  return list.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::optional<std::vector<EditOp>> parse_edit_ops(std::string_view json, std::string& error) {
  auto parsed = read_json<nlohmann::ordered_json>(json, error);
  if (!parsed) {
    error = "the operations are not JSON: " + error;
    return std::nullopt;
  }
  nlohmann::ordered_json list = *parsed;
  if (list.is_object()) list = nlohmann::ordered_json::array({list});
  if (!list.is_array()) {
    error = "the operations must be a JSON list of objects ([{\"op\": \"add\", ...}])";
    return std::nullopt;
  }
  if (list.size() > kMaxEditOps) {
    error = fmt::format("{} operations in one change; at most {}", list.size(), kMaxEditOps);
    return std::nullopt;
  }
  std::vector<EditOp> ops;
  for (std::size_t k = 0; k < list.size(); ++k) {
    const nlohmann::ordered_json& o = list[k];
    const std::string where = fmt::format("operation {}", k + 1);
    if (!o.is_object()) {
      error = where + " is not an object";
      return std::nullopt;
    }
    EditOp op;
    const auto& kStrings = string_fields();
    for (auto it = o.begin(); it != o.end(); ++it) {
      const std::string& key = it.key();
      const nlohmann::ordered_json& v = it.value();
      auto strings = [&](std::vector<std::string>& out) {
        if (v.is_string()) {
          out.push_back(v.get<std::string>());
          return true;
        }
        if (!v.is_array()) return false;
        for (const auto& s : v) {
          if (!s.is_string()) return false;
          out.push_back(s.get<std::string>());
        }
        return true;
      };
      bool good = true;
      if (key == "to") {
        // add: the boxes it links to; link, unlink, rename: one id.
        if (v.is_string()) {
          op.to = v.get<std::string>();
          op.links.push_back(op.to);
        } else {
          good = strings(op.links);
        }
      } else if (key == "about" || key == "affects") {
        good = strings(op.links);
      } else if (key == "evidence") {
        good = strings(op.evidence);
      } else if (key == "value") {
        if (v.is_string())
          op.value = v.get<std::string>();
        else
          good = strings(op.value_list);
      } else if (const auto s = kStrings.find(key); s != kStrings.end()) {
        if (v.is_string())
          op.*(s->second) = v.get<std::string>();
        else
          good = false;
      } else {
        error = fmt::format("{}: '{}' is not a field of an operation", where, key);
        return std::nullopt;
      }
      if (!good) {
        error = fmt::format(
            "{}: '{}' must be {}", where, key,
            key == "to" || key == "about" || key == "affects" || key == "evidence" || key == "value"
                ? "a string or a list of strings"
                : "a string");
        return std::nullopt;
      }
    }
    if (op.op.empty()) {
      error = where + ": 'op' is missing";
      return std::nullopt;
    }
    ops.push_back(std::move(op));
  }
  return ops;
}

}  // namespace lmc
