// SPDX-License-Identifier: Apache-2.0
#include "support/json.h"
#include "lmc/report.h"

namespace lmc {

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
