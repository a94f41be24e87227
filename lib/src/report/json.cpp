// SPDX-License-Identifier: Apache-2.0
#include "lmc/report.h"
#include "report/json_util.h"

namespace lmc {

namespace {

Json optional_string(const std::string& s) {
  return s.empty() ? Json(nullptr) : Json(s);
}

}  // namespace

Json diagnostic_json(const Diagnostic& d) {
  Json related = Json::array();
  for (const Related& r : d.related) {
    related.push_back(Json{{"file", r.file},
                           {"line", r.span.line},
                           {"column", r.span.column},
                           {"message", r.message}});
  }
  return Json{{"file", d.file},
              {"line", d.span.line},
              {"column", d.span.column},
              {"severity", std::string(to_string(d.severity))},
              {"rule", d.rule},
              {"item", optional_string(d.item)},
              {"message", d.message},
              {"related", std::move(related)},
              {"suggestion", optional_string(d.suggestion)}};
}

std::string dump_json(const Json& j) {
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

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
  for (const Diagnostic& d : diags) jdiags.push_back(diagnostic_json(d));
  doc["diagnostics"] = std::move(jdiags);
  const Summary s = summarize(diags);
  doc["summary"] = Json{{"errors", s.errors}, {"warnings", s.warnings}, {"infos", s.infos}};
  out << dump_json(doc);
}

}  // namespace lmc
