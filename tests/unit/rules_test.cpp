// SPDX-License-Identifier: Apache-2.0
// Every rule has test models that fire it and near misses that must stay quiet: each model's
// findings must be exactly the `# expect:` marks it carries, line for line.
#include <catch2/catch.hpp>

#include <set>

#include "expectations.h"
#include "lmc/results.h"
#include "lmc/rules.h"

using namespace lmc;
using namespace lmc::test;

namespace {

std::string show(const Marks& marks) {
  std::string s;
  for (const auto& [line, rule] : marks) s += "  line " + std::to_string(line) + ": " + rule + "\n";
  return s.empty() ? "  (none)\n" : s;
}

void check_marked(const std::filesystem::path& file) {
  const std::string text = read_file(file);
  const LoadResult loaded = load_model(file.filename().string(), text);
  // A model that names its results is checked with them; the CSV's rows carry their marks in
  // the note column.
  std::optional<Results> results;
  std::string csv_name, csv_text;
  if (loaded.usable && !loaded.model.results.value.empty()) {
    const auto csv = file.parent_path() / loaded.model.results.value;
    csv_name = csv.filename().string();
    csv_text = read_file(csv);
    results = read_results(csv_name, csv_text, loaded.model, kToday);
  }
  // unused-suppression on
  const auto diags = check(loaded, CheckOptions{{}, kToday, true, results ? &*results : nullptr});
  std::vector<Diagnostic> in_model, in_csv;
  for (const Diagnostic& d : diags)
    (d.file == csv_name && results ? in_csv : in_model).push_back(d);
  const Marks expected = expected_marks(text);
  const Marks actual = actual_marks(in_model);
  INFO(file.filename().string() << "\nexpected:\n"
                                << show(expected) << "actual:\n"
                                << show(actual));
  CHECK(actual == expected);
  if (results) {
    const Marks expected_csv = expected_marks(csv_text);
    const Marks actual_csv = actual_marks(in_csv);
    INFO(csv_name << "\nexpected:\n" << show(expected_csv) << "actual:\n" << show(actual_csv));
    CHECK(actual_csv == expected_csv);
  }
}

// Each folder under `dir` is a programme: its models are checked together, as `lmc check
// FOLDER` does, and each file's findings must be its marks.
void check_programmes(const std::string& dir) {
  for (const auto& e :
       std::filesystem::directory_iterator(std::filesystem::path(LMC_SOURCE_DIR) / dir)) {
    if (!e.is_directory()) continue;
    const auto files = yaml_files_under(e.path());
    std::vector<std::filesystem::path> models;
    for (const auto& f : files) {
      if (looks_like_model(read_file(f))) models.push_back(f);
    }
    const auto diags = check_files(models);
    for (const auto& f : files) {
      std::vector<Diagnostic> mine;
      for (const auto& d : diags) {
        if (std::filesystem::path(d.file).lexically_normal() == f.lexically_normal())
          mine.push_back(d);
      }
      const Marks expected = expected_marks(read_file(f));
      const Marks actual = actual_marks(mine);
      INFO(f.lexically_relative(LMC_SOURCE_DIR).string() << "\nexpected:\n"
                                                         << show(expected) << "actual:\n"
                                                         << show(actual));
      CHECK(actual == expected);
    }
  }
}

// The marks of every YAML file under dir, at any depth.
std::set<std::string> marked_rules(const std::string& dir) {
  std::set<std::string> fired;
  for (const auto& f : yaml_files_under(std::filesystem::path(LMC_SOURCE_DIR) / dir)) {
    for (const auto& [line, rule] : expected_marks(read_file(f))) fired.insert(rule);
  }
  // Results files: their rows' marks are in the note column.
  for (const auto& e :
       std::filesystem::recursive_directory_iterator(std::filesystem::path(LMC_SOURCE_DIR) / dir)) {
    if (e.path().extension() != ".csv") continue;
    for (const auto& [line, rule] : expected_marks(read_file(e.path()))) fired.insert(rule);
  }
  return fired;
}

}  // namespace

TEST_CASE("programmes in examples/broken and tests/rules: each file gives exactly its marks") {
  check_programmes("examples/broken");
  check_programmes("tests/rules");
}

TEST_CASE("examples/broken: each model gives exactly the findings it is marked with") {
  const auto files = yaml_files("examples/broken");
  REQUIRE(files.size() >= 25);
  for (const auto& f : files) check_marked(f);
}

TEST_CASE("tests/rules: fires where marked, quiet on the near misses") {
  const auto files = yaml_files("tests/rules");
  REQUIRE(files.size() >= 25);
  for (const auto& f : files) check_marked(f);
}

TEST_CASE("every rule fires in examples/broken and in tests/rules") {
  for (const char* dir : {"examples/broken", "tests/rules"}) {
    const std::set<std::string> fired = marked_rules(dir);
    for (const Rule& r : all_rules()) {
      INFO(dir << " has no model that fires " << r.id);
      CHECK(fired.count(std::string(r.id)) == 1);
    }
  }
}

TEST_CASE("examples/programme is clean checked together, from any of its files") {
  const auto files = yaml_files_under(std::filesystem::path(LMC_SOURCE_DIR) / "examples/programme");
  REQUIRE(files.size() >= 4);
  for (const auto& f : files) {
    const auto diags = check_files({f});
    INFO(f.filename().string() << " has " << diags.size() << " findings, first: "
                               << (diags.empty() ? "" : diags[0].rule + ": " + diags[0].message));
    CHECK(diags.empty());
  }
}

TEST_CASE("examples/ are clean: no finding of any severity") {
  const auto files = yaml_files("examples");
  REQUIRE(files.size() >= 4);
  for (const auto& f : files) {
    const auto diags =
        check(load_model(f.filename().string(), read_file(f)), CheckOptions{{}, kToday});
    INFO(f.filename().string() << " has " << diags.size() << " findings, first: "
                               << (diags.empty() ? "" : diags[0].rule + ": " + diags[0].message));
    CHECK(diags.empty());
  }
}
