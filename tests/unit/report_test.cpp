// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sstream>

#include "expectations.h"
#include "lmc/report.h"

using namespace lmc;

namespace {

struct Fixture {
  LoadResult loaded = load_model("models/x.yaml",
                                 "logic_model: 1\ntitle: T\nactivities:\n"
                                 "  - {id: \"a<&>\\\"b\", label: \"Gofal ŵyr 🏡\"}\n"
                                 "  - {id: huddles, label: H, to: care-plan}\n");
  std::vector<Diagnostic> diags = check(loaded, CheckOptions{{}, lmc::test::kToday});
  std::vector<CheckedFile> files = [this] {
    std::vector<CheckedFile> f{{"models/x.yaml", &loaded.source}};
    f[0].items = 2;
    return f;
  }();
};

}  // namespace

TEST_CASE("text: compiler-style lines, the source line, a caret, help and a summary") {
  Fixture f;
  std::ostringstream out;
  write_text(out, f.files, f.diags, TextStyle{false, false});
  CHECK(out.str() ==
        "models/x.yaml:4:10: error: 'a<&>\"b' is not a valid id: an id starts with a letter and "
        "has only letters, digits, '-' and '_' [invalid-value]\n"
        " 4 |   - {id: \"a<&>\\\"b\", label: \"Gofal ŵyr 🏡\"}\n"
        "   |          ^~~~~~~~~\n"
        "  help: write the value as the format describes (`lmc explain invalid-value`)\n"
        "models/x.yaml:5:33: error: 'care-plan' in `to` names nothing: no item has that id "
        "[unknown-reference]\n"
        " 5 |   - {id: huddles, label: H, to: care-plan}\n"
        "   |                                 ^~~~~~~~~\n"
        "  help: fix the id's spelling, or add the item it names\n"
        "1 model checked: 2 errors, 0 warnings, 0 infos\n");
}

TEST_CASE("text: the caret stands under wide characters and tabs correctly") {
  const LoadResult loaded = load_model("w.yaml",
                                       "logic_model: 1\ntitle: T\nactivities:\n"
                                       "  - {label: 中文🏡, id: a, to: [zz]}\n");
  const auto diags = check(loaded, CheckOptions{{}, lmc::test::kToday});
  std::ostringstream out;
  write_text(out, {{"w.yaml", &loaded.source}}, diags, TextStyle{false, true});
  CHECK(out.str() ==
        "w.yaml:4:30: error: 'zz' in `to` names nothing: no item has that id "
        "[unknown-reference]\n");
  std::ostringstream full;
  write_text(full, {{"w.yaml", &loaded.source}}, diags, TextStyle{false, false});
  // 中, 文 and 🏡 take two cells each: the caret moves three cells right of the column.
  CHECK(full.str().find("\n   |                                 ^~\n") != std::string::npos);
}

TEST_CASE("text: colour only when asked, and quiet is one line a finding") {
  Fixture f;
  std::ostringstream colored, quiet;
  write_text(colored, f.files, f.diags, TextStyle{true, false});
  write_text(quiet, f.files, f.diags, TextStyle{false, true});
  CHECK(colored.str().find("\x1b[1;31merror") != std::string::npos);
  const std::string q = quiet.str();
  CHECK(std::count(q.begin(), q.end(), '\n') == 2);
  std::ostringstream clean;
  write_text(clean, f.files, {}, TextStyle{false, false});
  CHECK(clean.str() == "1 model checked: no problems found\n");
}

TEST_CASE("json: exactly the documented shape, with text escaped") {
  Fixture f;
  std::ostringstream out;
  write_json(out, f.files, f.diags);
  const auto j = nlohmann::json::parse(out.str());
  CHECK(j["version"] == 1);
  CHECK(j["files"] == nlohmann::json::parse(R"([{"path":"models/x.yaml","items":2,"links":0}])"));
  REQUIRE(j["diagnostics"].size() == 2);
  const auto& d = j["diagnostics"][0];
  std::vector<std::string> keys;
  for (auto it = d.begin(); it != d.end(); ++it) keys.push_back(it.key());
  std::sort(keys.begin(), keys.end());
  CHECK(keys == std::vector<std::string>{"column", "file", "item", "line", "message", "related",
                                         "rule", "severity", "suggestion"});
  CHECK(d["line"] == 4);
  CHECK(d["column"] == 10);
  CHECK(d["severity"] == "error");
  CHECK(d["item"].is_null());
  CHECK(d["suggestion"].is_null());
  CHECK(d["message"].get<std::string>().starts_with("'a<&>\"b' is not a valid id"));
  CHECK(j["diagnostics"][1]["item"] == "huddles");
  CHECK(j["summary"] == nlohmann::json::parse(R"({"errors":2,"warnings":0,"infos":0})"));
  // Keys come in the documented order.
  CHECK(out.str().find("\"version\"") < out.str().find("\"files\""));
  CHECK(out.str().find("\"files\"") < out.str().find("\"diagnostics\""));
  CHECK(out.str().find("\"diagnostics\"") < out.str().find("\"summary\""));
}
