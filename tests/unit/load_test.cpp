// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "expectations.h"

#include "lmc/load.h"

using namespace lmc;

namespace {

struct Found {
  std::string rule;
  unsigned line, column;
  std::string message;
  bool operator==(const Found&) const = default;
};

std::vector<Found> loader_findings(const std::string& text) {
  std::vector<Found> out;
  auto diags = load_model("m.yaml", text).diagnostics;
  std::sort(diags.begin(), diags.end(), diagnostic_less);
  for (const auto& d : diags) {
    out.push_back({d.rule, d.span.line, d.span.column, d.message});
  }
  return out;
}

const std::string kMinimal = "logic_model: 1\ntitle: T\n";

}  // namespace

namespace Catch {
template <>
struct StringMaker<Found> {
  static std::string convert(const Found& f) {
    return f.rule + "@" + std::to_string(f.line) + ":" + std::to_string(f.column) + " " + f.message;
  }
};
}  // namespace Catch

TEST_CASE("items keep their stage, links and the position of their id") {
  const auto r = load_model("m.yaml", kMinimal +
                                          "activities:\n"
                                          "  - id: huddles\n"
                                          "    label: MDT huddles\n"
                                          "    to: [plans, reviews]\n"
                                          "outputs:\n"
                                          "  - {id: plans, label: Plans, from: huddles}\n");
  REQUIRE(r.diagnostics.empty());
  REQUIRE(r.usable);
  REQUIRE(r.model.items.size() == 2);
  const Item& a = r.model.items[0];
  CHECK(a.stage == Stage::activity);
  CHECK(a.id.value == "huddles");
  CHECK(a.id.span == Span{4, 9, 7});
  CHECK(a.label.value == "MDT huddles");
  REQUIRE(a.links.size() == 2);
  CHECK(a.links[1].target == "reviews");
  CHECK(a.links[1].span == Span{6, 17, 7});
  const Item& o = r.model.items[1];
  CHECK(o.stage == Stage::output);
  CHECK(o.id.span == Span{8, 10, 5});
  REQUIRE(o.links.size() == 1);
  CHECK(o.links[0].kind == Ref::Kind::from);
  CHECK(o.links[0].span == Span{8, 37, 7});
  CHECK(r.model.section_spans[static_cast<int>(Stage::activity)] == Span{3, 1, 10});
}

TEST_CASE("a byte-order mark and CRLF line ends keep positions right") {
  const std::string text =
      "\xEF\xBB\xBF"
      "logic_model: 1\r\ntitle: T\r\nactivities:\r\n  - id: huddles\r\n"
      "    lable: x\r\n    tag: y\r\n";
  // A misspelt label is one finding (the unknown key), not also a missing label.
  CHECK(loader_findings(text) ==
        std::vector<Found>{{"unknown-key", 5, 5, "unknown key 'lable' in an activity"},
                           {"unknown-key", 6, 5, "unknown key 'tag' in an activity"}});
}

TEST_CASE("columns count characters, not bytes: Welsh, Urdu and emoji before a value") {
  const auto r = load_model("m.yaml", kMinimal +
                                          "activities:\n"
                                          "  - {label: \"Gofal ŵyr 🏡 اردو\", id: huddles}\n");
  REQUIRE(r.model.items.size() == 1);
  CHECK(r.model.items[0].label.value == "Gofal ŵyr 🏡 اردو");
  // The id value stands after 32 characters of the line (more than 40 bytes).
  CHECK(r.model.items[0].id.span == Span{4, 37, 7});
}

TEST_CASE("duplicate keys are found in block and flow mappings, the first value kept") {
  const auto r = load_model("m.yaml", kMinimal +
                                          "title: Second\n"
                                          "activities:\n"
                                          "  - {id: a, label: A, id: b}\n");
  REQUIRE(r.diagnostics.size() == 2);
  CHECK(r.diagnostics[0].rule == "duplicate-key");
  CHECK(r.diagnostics[0].span == Span{3, 1, 5});
  CHECK(r.diagnostics[0].message ==
        "key 'title' appears twice in this mapping; the first value is used and this one is "
        "ignored");
  REQUIRE(r.diagnostics[0].related.size() == 1);
  CHECK(r.diagnostics[0].related[0].span == Span{2, 1, 5});
  CHECK(r.diagnostics[1].span == Span{5, 23, 2});
  CHECK(r.model.title.value == "T");
  CHECK(r.model.items[0].id.value == "a");
}

TEST_CASE("duplicate keys in a mapping with many keys are found in linear time") {
  std::string text = kMinimal + "activities:\n  - id: a\n    label: A\n    tags: {";
  for (int i = 0; i < 20000; ++i) text += fmt::format("k{}: 1, ", i);
  text += "k7: 2}\n";
  const auto r = load_model("m.yaml", text);
  // tags is not a list of text, and one key repeats.
  int dups = 0;
  for (const auto& d : r.diagnostics) dups += d.rule == "duplicate-key";
  CHECK(dups == 1);
}

TEST_CASE("a quote that never closes is a syntax error, though yaml-cpp accepts it") {
  CHECK(loader_findings("logic_model: 1\ntitle: \"Open\nactivities: []\n") ==
        std::vector<Found>{{"yaml-syntax", 2, 8,
                            "a quoted text opened here is not closed before the end of the "
                            "file"}});
  CHECK(loader_findings("logic_model: 1\ntitle: 'It''s \"fine\"'\n").empty());
}

TEST_CASE("a quoted value with escapes is underlined whole") {
  const auto r = load_model("m.yaml",
                            "logic_model: 1\ntitle: T\nactivities:\n"
                            "  - {id: \"a\\\"b\", label: x}\n");
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].span == Span{4, 10, 6});
}

TEST_CASE("syntax errors become yaml-syntax findings where the parser stopped") {
  CHECK(loader_findings("logic_model: 1\ntitle: [a, b\nx: 1\n") ==
        std::vector<Found>{{"yaml-syntax", 3, 2,
                            "a list opened with '[' is not closed with ']' (YAML: end of "
                            "sequence flow not found)"}});
  CHECK(loader_findings("logic_model: 1\ntitle: T\n---\nlogic_model: 1\n") ==
        std::vector<Found>{{"yaml-syntax", 3, 1,
                            "a second YAML document starts here; a model file holds exactly one "
                            "document"}});
}

TEST_CASE("bytes that are not UTF-8, and UTF-16 files, are syntax errors with a position") {
  CHECK(loader_findings("logic_model: 1\ntitle: caf\xE9\n") ==
        std::vector<Found>{{"yaml-syntax", 2, 11,
                            "the file is not valid UTF-8 (byte 0xE9); save it with UTF-8 "
                            "encoding"}});
  CHECK(loader_findings(std::string("l\0o\0", 4)) ==
        std::vector<Found>{{"yaml-syntax", 1, 1,
                            "the file is saved as UTF-16LE, not UTF-8: save it as UTF-8 (in "
                            "Notepad: File, Save as, Encoding: UTF-8)"}});
  CHECK(loader_findings(std::string("lo\0g", 4)) ==
        std::vector<Found>{{"yaml-syntax", 1, 3,
                            "the file contains a NUL byte; if it is UTF-16, save it as UTF-8"}});
}

TEST_CASE("nesting past yaml-cpp's limit is said plainly") {
  std::string text = "logic_model: 1\ntitle: ";
  for (int i = 0; i < 2000; ++i) text += "[";
  const auto f = loader_findings(text);
  REQUIRE(f.size() == 1);
  CHECK(f[0].rule == "yaml-syntax");
  CHECK(f[0].message == "the YAML nests deeper than 500 levels");
}

TEST_CASE("aliases are refused where they are used, and an alias bomb costs nothing") {
  CHECK(loader_findings(kMinimal + "problem: &p Delays\ndescription: *p\n") ==
        std::vector<Found>{{"invalid-value", 4, 14,
                            "aliases (*name) are not supported in logic models; write the value "
                            "out"}});
  std::string bomb = kMinimal + "x0: &a0 [lol, lol]\n";
  for (int i = 1; i < 40; ++i) {
    bomb += fmt::format("x{0}: &a{0} [*a{1}, *a{1}]\n", i, i - 1);
  }
  const auto r = load_model("m.yaml", bomb);
  CHECK(r.diagnostics.size() == 40);  // 40 unknown keys; nothing expanded
}

TEST_CASE("what is not a model says so once") {
  CHECK(loader_findings("") ==
        std::vector<Found>{{"unsupported-version", 1, 1,
                            "the file is empty; a logic model starts with `logic_model: 1`"}});
  CHECK(loader_findings("# just a comment\n") == loader_findings(""));
  CHECK(loader_findings("- a\n- b\n") ==
        std::vector<Found>{{"unsupported-version", 1, 1,
                            "the file holds a list, not a logic model; a logic model is a mapping "
                            "that starts with `logic_model: 1`"}});
  CHECK(loader_findings("title: T\nfoo: 1\n") ==
        std::vector<Found>{{"unsupported-version", 1, 1,
                            "this file has no `logic_model` key; a logic model starts with "
                            "`logic_model: 1`"}});
  CHECK(loader_findings("logic_model: \"1\"\ntitle: T\n") ==
        std::vector<Found>{{"unsupported-version", 1, 14,
                            "logic_model is the text \"1\", in quotes: it must be the number 1"}});
}

TEST_CASE("flow style and block style load the same model") {
  const auto block = load_model("m.yaml", kMinimal +
                                              "outcomes:\n"
                                              "  - id: fewer-crises\n"
                                              "    label: Fewer crises\n"
                                              "    term: short\n"
                                              "    indicators:\n"
                                              "      - label: Calls\n"
                                              "        due: 2018-03-31\n");
  const auto flow =
      load_model("m.yaml",
                 "{logic_model: 1, title: T, outcomes: [{id: fewer-crises, label: Fewer crises, "
                 "term: short, indicators: [{label: Calls, due: 2018-03-31}]}]}");
  REQUIRE(block.diagnostics.empty());
  REQUIRE(flow.diagnostics.empty());
  const Item& a = block.model.items.at(0);
  const Item& b = flow.model.items.at(0);
  CHECK(a.id.value == b.id.value);
  CHECK(a.term == Term::short_term);
  CHECK(b.term == Term::short_term);
  CHECK(b.indicators()[0].due.value == "2018-03-31");
}

TEST_CASE("unknown keys suggest the nearest valid key for that kind of mapping") {
  const auto r = load_model("m.yaml", kMinimal +
                                          "external-factors: []\nactivities:\n"
                                          "  - {id: a, label: A, indicators: []}\n");
  REQUIRE(r.diagnostics.size() == 2);
  CHECK(r.diagnostics[0].suggestion == "did you mean 'external_factors'?");
  CHECK(r.diagnostics[1].message ==
        "'indicators' is not a key of an activity: only outputs, outcomes and impacts have it");
}

TEST_CASE("dates are real calendar dates") {
  CHECK(is_valid_date("2024-02-29"));
  CHECK_FALSE(is_valid_date("2023-02-29"));
  CHECK_FALSE(is_valid_date("2017-13-01"));
  CHECK_FALSE(is_valid_date("2017-3-01"));
  CHECK_FALSE(is_valid_date("31/03/2018"));
}

TEST_CASE("looks_like_model finds the logic_model key without parsing") {
  CHECK(looks_like_model("# c\nlogic_model: 1\n"));
  CHECK(looks_like_model("\xEF\xBB\xBFlogic_model : 1\r\n"));
  CHECK(looks_like_model("{logic_model: 1, title: T}"));
  CHECK_FALSE(looks_like_model("name: ci\njobs:\n  logic_model: 1\n"));
  CHECK_FALSE(looks_like_model("logic_models: 1\n"));
}

TEST_CASE("a walk passes over no YAML file that may be a model") {
  using namespace std::string_view_literals;
  CHECK(classify_yaml("logic_model: 1\ntitle: T\n") == YamlFile::model);
  CHECK(classify_yaml("name: ci\non: push\n") == YamlFile::other);
  CHECK(classify_yaml("\xFF\xFEl\0o\0"sv) == YamlFile::unreadable);    // UTF-16
  CHECK(classify_yaml("title: caf\xE9\n") == YamlFile::unreadable);    // Latin-1
  CHECK(classify_yaml("a: 1\n\0"sv) == YamlFile::unreadable);          // a NUL
  CHECK(classify_yaml("  logic_model: 1\n") == YamlFile::unreadable);  // indented
  CHECK(is_yaml_name("Frailty.YAML"));
  CHECK(is_yaml_name("a/b.Yml"));
  CHECK_FALSE(is_yaml_name("notes.yaml.txt"));
  CHECK_FALSE(is_yaml_name("yaml"));
}
