// SPDX-License-Identifier: Apache-2.0
// Every report format carries every finding of the text format, with the same file, line,
// column, rule and severity; text that needs escaping survives each format.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <regex>
#include <set>
#include <sstream>

#include "expectations.h"
#include "lmc/baseline.h"
#include "lmc/report.h"
#include "lmc/rules.h"

using namespace lmc;
using namespace lmc::test;

namespace {

using Key = std::tuple<std::string, unsigned, unsigned, std::string, std::string>;

struct Fixture {
  std::vector<std::unique_ptr<LoadResult>> loaded;
  std::vector<CheckedFile> files;
  std::vector<Diagnostic> diags;

  Fixture() {
    std::vector<std::filesystem::path> paths = yaml_files("examples/broken");
    paths.push_back(std::filesystem::path(LMC_SOURCE_DIR) / "tests/render/hostile.yaml");
    for (const auto& p : paths) {
      const std::string name = "models/" + p.filename().string();
      loaded.push_back(std::make_unique<LoadResult>(load_model(name, read_file(p))));
      files.emplace_back(name, &loaded.back()->source);
      auto d = check(*loaded.back(), CheckOptions{{}, kToday});
      diags.insert(diags.end(), d.begin(), d.end());
    }
    std::sort(diags.begin(), diags.end(), diagnostic_less);
  }

  std::set<Key> expected() const {
    std::set<Key> out;
    for (const auto& d : diags) {
      out.emplace(d.file, d.span.line, d.span.column, d.rule, std::string(to_string(d.severity)));
    }
    return out;
  }
};

std::string sarif_severity(const std::string& level) {
  return level == "note" ? "info" : level;
}

std::string codeclimate_severity(const std::string& s) {
  return s == "major" ? "error" : s == "minor" ? "warning" : "info";
}

}  // namespace

TEST_CASE("SARIF carries every finding, with rules, locations and fingerprints") {
  Fixture f;
  std::ostringstream out;
  ReportContext context;
  context.root_uri = "file:///repo/";
  write_sarif(out, f.files, f.diags, context);
  const auto doc = nlohmann::json::parse(out.str());
  CHECK(doc["version"] == "2.1.0");
  const auto& run = doc["runs"][0];
  CHECK(run["tool"]["driver"]["rules"].size() == all_rules().size());
  CHECK(run["automationDetails"]["id"] == "lmc/");
  CHECK(run["tool"]["driver"]["fullName"].get<std::string>().starts_with("lmc "));
  // Every rule has a name that is not its id in any letter case (SARIF1001), and one tag.
  std::set<std::string> tags;
  for (const auto& rule : run["tool"]["driver"]["rules"]) {
    std::string id = rule["id"], name = rule["name"];
    std::transform(name.begin(), name.end(), name.begin(), ::tolower);
    INFO(rule["id"]);
    CHECK(name != id);
    REQUIRE(rule["properties"]["tags"].size() == 1);
    tags.insert(rule["properties"]["tags"][0].get<std::string>());
  }
  CHECK(tags == std::set<std::string>{"evaluation", "format", "logic"});
  CHECK(run["tool"]["driver"]["rules"][0]["name"] == "AdaptationWithoutReason");
  std::set<Key> got;
  for (const auto& r : run["results"]) {
    const auto& loc = r["locations"][0]["physicalLocation"];
    CHECK(loc["artifactLocation"]["uriBaseId"] == "SRCROOT");
    CHECK(run["tool"]["driver"]["rules"][r["ruleIndex"].get<int>()]["id"] == r["ruleId"]);
    CHECK(r["partialFingerprints"]["lmcFinding/v1"].get<std::string>().size() == 16);
    got.emplace(loc["artifactLocation"]["uri"], loc["region"]["startLine"],
                loc["region"]["startColumn"], r["ruleId"], sarif_severity(r["level"]));
  }
  CHECK(got == f.expected());
}

TEST_CASE("fingerprints stay the same when unrelated lines move") {
  const std::string model =
      "logic_model: 1\ntitle: T\nactivities:\n  - {id: a, label: A}\n  - {id: a, label: Again}\n";
  const auto before = check_text(model);
  const auto after = check_text("# a comment\n\n" + model);
  REQUIRE(before.size() == after.size());
  for (std::size_t k = 0; k < before.size(); ++k) {
    CHECK(before[k].span.line + 2 == after[k].span.line);
    CHECK(fingerprint(before[k], "m.yaml") == fingerprint(after[k], "m.yaml"));
  }
}

TEST_CASE("Code Climate carries every finding with a unique fingerprint") {
  Fixture f;
  std::ostringstream out;
  write_codeclimate(out, f.files, f.diags);
  const auto doc = nlohmann::json::parse(out.str());
  REQUIRE(doc.is_array());
  std::set<Key> got;
  std::set<std::string> prints;
  for (const auto& i : doc) {
    CHECK(i["type"] == "issue");
    CHECK(!i["description"].get<std::string>().empty());
    prints.insert(i["fingerprint"]);
    const auto& begin = i["location"]["positions"]["begin"];
    got.emplace(i["location"]["path"], begin["line"], begin["column"], i["check_name"],
                codeclimate_severity(i["severity"]));
  }
  CHECK(prints.size() == doc.size());
  CHECK(got == f.expected());
}

TEST_CASE("GitHub annotations and the Markdown summary: errors first, notes counted") {
  // GitHub shows ten annotations of a kind on a pull request: errors come first, and notes
  // are folded into a count unless asked for (issue #20 item 14).
  Fixture f;
  const Summary all = summarize(f.diags);
  REQUIRE(all.infos > 0);
  REQUIRE(all.errors > 0);
  std::ostringstream out;
  write_github(out, f.files, f.diags);
  std::vector<std::string> kinds;
  std::istringstream lines(out.str());
  std::string folded;
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with("::")) kinds.push_back(line.substr(2, line.find(' ') - 2));
    if (line.find("not listed") != std::string::npos) folded = line;
  }
  CHECK(std::count(kinds.begin(), kinds.end(), "notice") == 0);
  CHECK(std::is_sorted(kinds.begin(), kinds.end(), [](const std::string& a, const std::string& b) {
    return a == "error" && b != "error";
  }));
  CHECK(kinds.front() == "error");
  CHECK(folded == fmt::format("lmc: {} info finding{} not listed (--min-severity info lists every "
                              "finding)",
                              all.infos, all.infos == 1 ? "" : "s"));
  std::ostringstream md;
  write_markdown(md, f.files, f.diags);
  CHECK(md.str().find("ℹ️ info") == std::string::npos);
  CHECK(md.str().find("info finding") != std::string::npos);
  const auto first_warning = md.str().find("| ⚠️ warning |");
  const auto last_error = md.str().rfind("| ❌ error |");
  CHECK(last_error < first_warning);
  std::ostringstream errors_only;
  write_github(errors_only, f.files, f.diags, Severity::error);
  CHECK(errors_only.str().find("::warning") == std::string::npos);
  CHECK(errors_only.str().find("warning and info findings not listed") != std::string::npos);
}

TEST_CASE("GitHub workflow commands carry every finding, escaped") {
  Fixture f;
  std::ostringstream out;
  write_github(out, f.files, f.diags, Severity::info);
  static const std::regex kLine(
      "^::(error|warning|notice) file=([^,]*),line=(\\d+),col=(\\d+),title=\\[([a-z-]+)\\]::(.*)$");
  std::set<Key> got;
  std::istringstream lines(out.str());
  std::string summary;
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (!std::regex_match(line, m, kLine)) {
      if (summary.empty()) summary = line;
      continue;
    }
    CHECK(m[6].str().find('\n') == std::string::npos);
    const std::string level = m[1] == "notice" ? "info" : m[1].str();
    got.emplace(m[2], std::stoul(m[3]), std::stoul(m[4]), m[5], level);
  }
  CHECK(got == f.expected());
  CHECK(summary.starts_with(fmt::format("lmc: {} models checked: ", f.files.size())));
  // '%', ':' and ',' in a path are escaped as properties need.
  std::vector<CheckedFile> odd{{"a%b:c,d.yaml", nullptr}};
  Diagnostic d;
  d.file = "a%b:c,d.yaml";
  d.span = {1, 1, 0};
  d.rule = "yaml-syntax";
  d.message = "100% broken\nsecond line";
  std::ostringstream escaped;
  write_github(escaped, odd, {d});
  CHECK(escaped.str().starts_with(
      "::error file=a%25b%3Ac%2Cd.yaml,line=1,col=1,title=[yaml-syntax]::100%25 broken%0Asecond "
      "line\n"));
}

TEST_CASE("JUnit has a suite per model and a case per rule, failures carrying the findings") {
  Fixture f;
  std::ostringstream out;
  RuleConfig off;
  off.overrides["long-label"] = std::nullopt;
  ReportContext context;
  context.fail_on = Severity::info;
  context.rules = &off;
  context.seconds = 0.25;
  write_junit(out, f.files, f.diags, context);
  const std::string xml = out.str();
  CHECK(xml.find("<testsuites name=\"lmc\" tests=") != std::string::npos);
  CHECK(xml.find("errors=\"0\" time=\"0.250\">") != std::string::npos);
  // A failure's message is its first finding, and says how many more there are.
  static const std::regex kFailure("<failure type=\"([a-z-]+)\" message=\"line \\d+: [^\"]+\">");
  CHECK(std::distance(std::sregex_iterator(xml.begin(), xml.end(), kFailure),
                      std::sregex_iterator()) > 3);
  CHECK(xml.find("<failure type=\"unlinked-activity\" message=\"1 finding") == std::string::npos);
  CHECK(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"lmc\""));
  CHECK(std::count(xml.begin(), xml.end(), '\n') > 26 * 25);
  std::size_t suites = 0;
  for (std::size_t at = 0; (at = xml.find("<testsuite ", at)) != std::string::npos; ++at) ++suites;
  CHECK(suites == f.files.size());
  CHECK(xml.find("<skipped message=\"turned off in the configuration\"/>") != std::string::npos);
  // Every finding's line, as text shows it, escaped for XML.
  static const std::regex kFinding(
      "(models/[^:\"<>]+):(\\d+):(\\d+): (error|warning|info): .*? \\[([a-z-]+)\\]");
  std::set<Key> got;
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), kFinding);
       it != std::sregex_iterator(); ++it) {
    got.emplace((*it)[1], std::stoul((*it)[2]), std::stoul((*it)[3]), (*it)[5], (*it)[4]);
  }
  // The rule turned off is a skipped case; its findings (which check() would have dropped)
  // are not listed.
  auto want = f.expected();
  std::erase_if(want, [](const Key& k) { return std::get<3>(k) == "long-label"; });
  for (const auto& k : want) {
    INFO(std::get<0>(k) << ":" << std::get<1>(k) << ":" << std::get<2>(k) << " " << std::get<3>(k));
    CHECK(got.count(k) == 1);
  }
  CHECK(got.size() == want.size());
  CHECK(xml.find("<script>") == std::string::npos);
}

TEST_CASE("a baseline hides the findings it holds, however their lines moved, and no more") {
  const std::string model =
      "logic_model: 1\ntitle: T\nactivities:\n  - {id: a, label: A}\n  - {id: a, label: Again}\n"
      "outputs:\n  - {id: o, label: O, from: [a]}\n";
  const auto before = check_text(model);
  REQUIRE(!before.empty());
  const std::vector<CheckedFile> files{CheckedFile("m.yaml", nullptr)};
  std::string error;
  const auto baseline = parse_baseline(baseline_json(files, before), error);
  REQUIRE(baseline);
  CHECK(baseline->size == before.size());

  // The same findings two lines lower: all known.
  const auto moved = check_text("# a comment\n\n" + model);
  auto match = match_baseline(*baseline, files, moved);
  CHECK(match.fresh.empty());
  CHECK(match.known == before.size());
  CHECK(match.fixed == 0);

  // A third activity with the same id is one more duplicate-id finding, like the one the
  // baseline holds but not covered by it; the fixed count stays zero.
  const auto more = check_text(model + "  - {id: z, label: Z, to: [nowhere]}\n");
  match = match_baseline(*baseline, files, more);
  REQUIRE(match.fresh.size() == 1);
  CHECK(match.fresh[0].rule == "unknown-reference");
  CHECK(match.fixed == 0);

  // Findings fixed since: counted, not reported.
  match = match_baseline(*baseline, files, {});
  CHECK(match.fixed == before.size());
}

TEST_CASE("a file that is not a baseline is refused with the reason") {
  std::string error;
  CHECK_FALSE(parse_baseline("{", error));
  CHECK(error.starts_with("not a baseline lmc can read: "));
  CHECK_FALSE(parse_baseline("{\"findings\": []}", error));
  CHECK(error.find("--write-baseline") != std::string::npos);
  CHECK_FALSE(parse_baseline("{\"lmc_baseline\": 2, \"findings\": []}", error));
  CHECK_FALSE(parse_baseline("{\"lmc_baseline\": 1, \"findings\": [{\"rule\": \"x\"}]}", error));
  CHECK(error == "findings[0] has no \"fingerprint\" string");
  CHECK(parse_baseline("{\"lmc_baseline\": 1, \"findings\": []}", error));
}

TEST_CASE("Markdown lists each finding with its place and its rule's page, markup escaped") {
  Fixture f;
  std::ostringstream out;
  write_markdown(out, f.files, f.diags, Severity::info);
  const std::string md = out.str();
  CHECK(md.starts_with("### lmc: " + summary_line(f.files.size(), summarize(f.diags)) + "\n"));
  const auto rows = std::count(md.begin(), md.end(), '\n');
  CHECK(static_cast<std::size_t>(rows) == f.diags.size() + 4);
  CHECK(md.find("| ❌ error | `models/unknown-reference.yaml:") != std::string::npos);
  CHECK(md.find("/docs/rules/unknown-reference.md)") != std::string::npos);
  CHECK(md.find("<script") == std::string::npos);  // hostile.yaml's labels stay text
}
