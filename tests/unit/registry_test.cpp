// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>

#include "check/rules/rules.h"
#include "expectations.h"
#include "lmc/rules.h"

using namespace lmc;

TEST_CASE("the rule table is sorted, complete and documented") {
  const auto rules = all_rules();
  // Every rule has a page in docs/rules, and nothing else is there.
  std::size_t pages = 0;
  for (const auto& e :
       std::filesystem::directory_iterator(std::string(LMC_SOURCE_DIR) + "/docs/rules")) {
    pages += e.path().extension() == ".md";
  }
  REQUIRE(rules.size() == pages);
  REQUIRE(rules.size() >= 31);
  for (std::size_t i = 1; i < rules.size(); ++i) CHECK(rules[i - 1].id < rules[i].id);
  for (const Rule& r : rules) {
    INFO(r.id);
    CHECK(find_rule(r.id) == &r);
    CHECK_FALSE(r.summary.empty());
    CHECK_FALSE(r.fix.empty());
    const std::string_view doc = rule_doc(r.id);
    CHECK(doc.starts_with("# " + std::string(r.id) + "\n"));
    CHECK(doc.find("## Why it matters") != std::string_view::npos);
    CHECK(doc.find("## Example") != std::string_view::npos);
    CHECK(doc.find("## The fix") != std::string_view::npos);
    CHECK(doc.find("**Default severity:** " + std::string(to_string(r.severity))) !=
          std::string_view::npos);
  }
  CHECK(find_rule("no-such-rule") == nullptr);
}

TEST_CASE("each rule page's example fires its rule") {
  // A page's first YAML block is the model; a later block that starts `# file: PATH` is the
  // model at PATH beside it (a work stream's, for the programme rules).
  const auto dir = std::filesystem::temp_directory_path() / "lmc-rule-pages";
  for (const Rule& r : all_rules()) {
    const std::string doc(rule_doc(r.id));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    std::size_t begin = doc.find("```yaml\n");
    REQUIRE(begin != std::string::npos);
    for (bool first = true; begin != std::string::npos; first = false) {
      const auto end = doc.find("```", begin + 8);
      const std::string block = doc.substr(begin + 8, end - begin - 8);
      std::filesystem::path path = dir / "model.yaml";
      if (!first) {
        if (!block.starts_with("# file: ")) break;
        path = dir / block.substr(8, block.find('\n') - 8);
        std::filesystem::create_directories(path.parent_path());
      }
      std::ofstream(path, std::ios::binary) << block;
      begin = doc.find("```yaml\n", end + 3);
    }
    // A ```csv block is the results the model's `results:` names.
    if (const auto csv = doc.find("```csv\n"); csv != std::string::npos) {
      const std::string model = doc.substr(doc.find("```yaml\n") + 8);
      const auto key = model.find("\nresults: ");
      REQUIRE(key != std::string::npos);
      const std::string name = model.substr(key + 10, model.find('\n', key + 1) - key - 10);
      const auto end = doc.find("```", csv + 7);
      std::ofstream(dir / name, std::ios::binary) << doc.substr(csv + 7, end - csv - 7);
    }
    const auto diags = lmc::test::check_files({dir / "model.yaml"});
    std::set<std::string> fired;
    for (const auto& d : diags) fired.insert(d.rule);
    INFO(r.id << ": the example fires " << diags.size() << " findings");
    // page-overflow's example is abridged (it shows 1 of 13 activities).
    if (r.id != "page-overflow") CHECK(fired.count(std::string(r.id)) == 1);
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("docs/rules holds exactly one page per rule") {
  std::set<std::string> pages;
  for (const auto& e :
       std::filesystem::directory_iterator(std::filesystem::path(LMC_SOURCE_DIR) / "docs/rules")) {
    pages.insert(e.path().stem().string());
  }
  std::set<std::string> ids;
  for (const Rule& r : all_rules()) ids.insert(std::string(r.id));
  CHECK(pages == ids);
}

TEST_CASE("every check belongs to a rule of the table, in order") {
  const auto checks = rule_checks();
  REQUIRE(!checks.empty());
  for (std::size_t i = 0; i < checks.size(); ++i) {
    INFO(checks[i].id);
    CHECK(find_rule(checks[i].id) != nullptr);
    CHECK((checks[i].check != nullptr) != (checks[i].check_graph != nullptr));
    if (i > 0) CHECK(checks[i - 1].id < checks[i].id);
  }
}
