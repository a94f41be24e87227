// SPDX-License-Identifier: Apache-2.0
#include "support/json.h"

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

}  // namespace lmc
