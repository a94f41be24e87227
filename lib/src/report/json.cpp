// SPDX-License-Identifier: Apache-2.0
#include <nlohmann/json.hpp>

#include "lmc/report.h"

namespace lmc {

namespace {

using Json = nlohmann::ordered_json;

Json optional_string(const std::string& s) {
  return s.empty() ? Json(nullptr) : Json(s);
}

}  // namespace

void write_json(std::ostream& out, const std::vector<CheckedFile>& files,
                const std::vector<Diagnostic>& diags) {
  Json doc;
  doc["version"] = 1;
  Json jfiles = Json::array();
  for (const auto& f : files) {
    jfiles.push_back(Json{{"path", f.path}, {"items", f.items}, {"links", f.links}});
  }
  doc["files"] = std::move(jfiles);
  Json jdiags = Json::array();
  for (const Diagnostic& d : diags) {
    Json related = Json::array();
    for (const Related& r : d.related) {
      related.push_back(Json{{"file", r.file},
                             {"line", r.span.line},
                             {"column", r.span.column},
                             {"message", r.message}});
    }
    jdiags.push_back(Json{{"file", d.file},
                          {"line", d.span.line},
                          {"column", d.span.column},
                          {"severity", std::string(to_string(d.severity))},
                          {"rule", d.rule},
                          {"item", optional_string(d.item)},
                          {"message", d.message},
                          {"related", std::move(related)},
                          {"suggestion", optional_string(d.suggestion)}});
  }
  doc["diagnostics"] = std::move(jdiags);
  const Summary s = summarize(diags);
  doc["summary"] = Json{{"errors", s.errors}, {"warnings", s.warnings}, {"infos", s.infos}};
  out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace lmc
