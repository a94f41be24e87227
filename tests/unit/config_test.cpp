// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "lmc/config.h"

using namespace lmc;

TEST_CASE("a configuration maps rules to severities or off") {
  const auto r = parse_config(".lmc.yaml",
                              "rules:\n  unresourced-activity: off\n  unmeasured-outcome: error\n");
  REQUIRE(r.problems.empty());
  REQUIRE(r.rules.overrides.size() == 2);
  CHECK_FALSE(r.rules.overrides.at("unresourced-activity").has_value());
  CHECK(r.rules.overrides.at("unmeasured-outcome") == Severity::error);
}

TEST_CASE("configuration mistakes are located and come with a suggestion") {
  const auto r = parse_config(".lmc.yaml", "rules:\n  unmeasured-outcomes: error\n  cycle: loud\n");
  REQUIRE(r.problems.size() == 2);
  CHECK(r.problems[0].span == Span{2, 3, 19});
  CHECK(r.problems[0].message == "'unmeasured-outcomes' is not a rule id");
  CHECK(r.problems[0].suggestion == "did you mean 'unmeasured-outcome'?");
  CHECK(r.problems[1].span == Span{3, 10, 4});
  CHECK(r.problems[1].message == "'loud' is not a severity: use error, warning, info or off");
  const auto bad = parse_config(".lmc.yaml", "rulez: {}\n");
  REQUIRE(bad.problems.size() == 1);
  CHECK(bad.problems[0].suggestion == "did you mean 'rules'?");
  CHECK(parse_config(".lmc.yaml", "").problems.empty());
}

TEST_CASE("find_config walks up from the model's directory") {
  namespace fs = std::filesystem;
  const fs::path root = fs::temp_directory_path() / "lmc-config-test";
  fs::remove_all(root);
  fs::create_directories(root / "a" / "b");
  std::ofstream(root / kConfigFileName) << "rules: {}\n";
  const auto found = find_config(root / "a" / "b");
  REQUIRE(found.file.has_value());
  CHECK(fs::equivalent(*found.file, root / kConfigFileName));
  CHECK(found.unsafe.empty());

  // The repository's root stops the walk: a configuration above it is not this repository's.
  fs::create_directories(root / "repo" / ".git");
  fs::create_directories(root / "repo" / "models");
  CHECK_FALSE(find_config(root / "repo" / "models").file.has_value());
  std::ofstream(root / "repo" / kConfigFileName) << "rules: {}\n";
  CHECK(find_config(root / "repo" / "models").file == root / "repo" / kConfigFileName);
  fs::remove_all(root);
}
