// SPDX-License-Identifier: Apache-2.0
// Results: the CSV read and located, every status at and either side of its threshold, stale
// results, and the chain's three conclusions with their near misses.
#include <catch2/catch.hpp>

#include "lmc/load.h"
#include "lmc/results.h"

using namespace lmc;

namespace {

// One output and one outcome it leads to, each with one indicator: baseline 0, target 100,
// from 2026-01-01 to 2026-01-11 (ten days: the fifth day is half the time).
std::string model_text(const std::string& extra_indicator = "",
                       const std::string& frequency = "monthly") {
  return R"(logic_model: 1
title: T
activities:
  - id: act
    label: Act
    to: [out]
outputs:
  - id: out
    label: Out
    indicators:
      - id: delivered
        label: Delivered
        baseline: 0
        baseline_date: 2026-01-01
        target: 100
        due: 2026-01-11
        frequency: )" +
         frequency + R"(
    to: [change]
outcomes:
  - id: change
    label: Change
    term: short
    indicators:
      - id: changed
        label: Changed
        baseline: 0%
        baseline_date: 2026-01-01
        target: 100%
        due: 2026-01-11
)" + extra_indicator +
         R"(assumptions:
  - id: works
    text: It works
    about: ["out -> change"]
    status: holds
    evidence: [A trial]
)";
}

struct Run {
  LoadResult loaded;
  Results results;
  std::vector<IndicatorState> states;
};

Run run(const std::string& csv, const std::string& today = "2026-01-06",
        const std::string& model = model_text()) {
  Run r{load_model("m.yaml", model), {}, {}};
  REQUIRE(r.loaded.usable);
  r.results = read_results("r.csv", csv, r.loaded.model, today);
  r.states = indicator_states(r.loaded.model, r.results, today);
  return r;
}

IndicatorStatus status_of(const std::string& value, const std::string& date = "2026-01-06",
                          const std::string& today = "2026-01-06") {
  const Run r = run("indicator,date,value\ndelivered," + date + "," + value + "\n", today);
  INFO(value << " on " << date);
  REQUIRE(r.results.problems.empty());
  return r.states.at(0).status;
}

}  // namespace

TEST_CASE("numbers are read as indicators and results write them, and nothing else") {
  CHECK(parse_measure("42") == 42);
  CHECK(parse_measure("-3.5") == -3.5);
  CHECK(parse_measure("12.5%") == 12.5);
  CHECK(parse_measure(" 1,200 ") == 1200);
  CHECK(parse_measure("12,345,678.5") == 12345678.5);
  CHECK(parse_measure(".5") == 0.5);
  CHECK_FALSE(parse_measure("1-3"));
  CHECK_FALSE(parse_measure("£45"));
  CHECK_FALSE(parse_measure("about 40"));
  CHECK_FALSE(parse_measure("1,20"));
  CHECK_FALSE(parse_measure("1234,567"));
  CHECK_FALSE(parse_measure(""));
  CHECK_FALSE(parse_measure("%"));
  CHECK_FALSE(parse_measure("1e400"));
}

TEST_CASE("achieved at the target, not a hair below") {
  CHECK(status_of("100") == IndicatorStatus::achieved);
  CHECK(status_of("120") == IndicatorStatus::achieved);
  CHECK(status_of("99.9") == IndicatorStatus::on_track);
}

TEST_CASE("off track below the baseline; at the baseline early on, on track") {
  CHECK(status_of("-0.1", "2026-01-01") == IndicatorStatus::off_track);
  CHECK(status_of("0", "2026-01-01") == IndicatorStatus::on_track);
  CHECK(status_of("0.1", "2026-01-01") == IndicatorStatus::on_track);
}

TEST_CASE("on track at the expected share less a tenth; at risk below it") {
  // Half the time has passed on 2026-01-06: on track from 40.
  CHECK(status_of("40") == IndicatorStatus::on_track);
  CHECK(status_of("41") == IndicatorStatus::on_track);
  CHECK(status_of("39.9") == IndicatorStatus::at_risk);
  CHECK(status_of("1") == IndicatorStatus::at_risk);
}

TEST_CASE("off track once the due date has passed unachieved, not on the day") {
  CHECK(status_of("95", "2026-01-11", "2026-01-11") == IndicatorStatus::on_track);
  CHECK(status_of("95", "2026-01-11", "2026-01-12") == IndicatorStatus::off_track);
  CHECK(status_of("100", "2026-01-11", "2026-01-12") == IndicatorStatus::achieved);
}

TEST_CASE("no data without results; untracked without a numeric baseline, target or due") {
  const Run none = run("indicator,date,value\n");
  CHECK(none.states.at(0).status == IndicatorStatus::no_data);
  CHECK(none.states.at(1).status == IndicatorStatus::no_data);
  std::string text = model_text();
  text.replace(text.find("        target: 100\n"), 20, "        target: more\n");
  const Run vague = run("indicator,date,value\ndelivered,2026-01-06,50\n", "2026-01-06", text);
  CHECK(vague.states.at(0).status == IndicatorStatus::untracked);
  REQUIRE(vague.states.at(0).latest);
  CHECK(vague.states.at(0).latest->value == 50);
}

TEST_CASE("the trajectory starts at the first result without a baseline date") {
  std::string text = model_text();
  text.erase(text.find("        baseline_date: 2026-01-01\n"), 34);
  // From 2026-01-03 (the first result) to 2026-01-11: on 2026-01-07 half the time passed.
  const Run r = run("indicator,date,value\ndelivered,2026-01-03,0\ndelivered,2026-01-07,39\n",
                    "2026-01-07", text);
  CHECK(r.states.at(0).expected == Approx(0.5));
  CHECK(r.states.at(0).status == IndicatorStatus::at_risk);
}

TEST_CASE("the latest result is the last by date, whatever the file's order") {
  const Run r =
      run("indicator,date,value\ndelivered,2026-01-06,80\ndelivered,2026-01-02,1\n"
          "delivered,2026-01-04,2\n");
  REQUIRE(r.states.at(0).latest);
  CHECK(r.states.at(0).latest->value == 80);
  CHECK(r.states.at(0).count == 3);
}

TEST_CASE("a result older than two periods of its frequency is stale") {
  auto stale = [](const std::string& frequency, const std::string& date, const std::string& today) {
    const Run r =
        run("indicator,date,value\ndelivered," + date + ",50\n", today, model_text("", frequency));
    return r.states.at(0).stale;
  };
  CHECK_FALSE(stale("monthly", "2026-01-31", "2026-03-31"));
  CHECK(stale("monthly", "2026-01-31", "2026-04-01"));
  CHECK_FALSE(stale("weekly", "2026-01-01", "2026-01-15"));
  CHECK(stale("weekly", "2026-01-01", "2026-01-16"));
  CHECK_FALSE(stale("quarterly", "2026-01-10", "2026-07-10"));
  CHECK(stale("quarterly", "2026-01-10", "2026-07-11"));
  CHECK_FALSE(stale("annually", "2026-01-10", "2028-01-10"));
  CHECK(stale("annually", "2026-01-10", "2028-01-11"));
  CHECK_FALSE(stale("whenever", "2020-01-10", "2028-01-11"));
}

TEST_CASE("each row is read, and what cannot be is said where it is") {
  const Run r =
      run("\xEF\xBB\xBFIndicator,Date,Value,Note\r\n"
          "delivered,2026-01-02,10,\"a note, with a comma\"\r\n"
          "deliverd,2026-01-02,10\r\n"
          "delivered,02/01/2026,10\r\n"
          "delivered,2026-01-09,10\r\n"
          "delivered,2026-01-03,1-3\r\n"
          "out/delivered,2026-01-04,\"1,200\"\r\n"
          "changed,2026-01-05,12.5%\r\n"
          "\r\n"
          "delivered,2026-01-05\r\n");
  REQUIRE(r.results.rows.size() == 3);
  CHECK(r.results.rows[0].note == "a note, with a comma");
  CHECK(r.results.rows[1].value == 1200);
  CHECK(r.results.rows[2].value == 12.5);
  std::vector<std::tuple<std::string, unsigned, unsigned>> got;
  for (const Diagnostic& d : r.results.problems) {
    CHECK(d.file == "r.csv");
    CHECK(d.severity == Severity::error);
    got.emplace_back(d.rule, d.span.line, d.span.column);
  }
  CHECK(got == std::vector<std::tuple<std::string, unsigned, unsigned>>{{"unknown-indicator", 3, 1},
                                                                        {"invalid-value", 4, 11},
                                                                        {"invalid-value", 5, 11},
                                                                        {"invalid-value", 6, 22},
                                                                        {"invalid-value", 10, 1}});
  CHECK(r.results.problems[2].message ==
        "2026-01-09 is after today (2026-01-06): a result "
        "cannot be measured yet");
}

TEST_CASE("an id two items use must be named with its item") {
  const std::string twice = model_text(R"(      - id: delivered
        label: Delivered again
)");
  const Run r = run("indicator,date,value\ndelivered,2026-01-02,1\nchange/delivered,2026-01-02,2\n",
                    "2026-01-06", twice);
  REQUIRE(r.results.problems.size() == 1);
  CHECK(r.results.problems[0].rule == "unknown-indicator");
  CHECK(r.results.problems[0].suggestion == "write ITEM/delivered");
  REQUIRE(r.results.rows.size() == 1);
  CHECK(r.results.rows[0].item == 2);
}

TEST_CASE("a file without the header, or empty, is refused at its first line") {
  CHECK(run("delivered,2026-01-02,1\n").results.problems.at(0).message ==
        "the first line must name the columns: indicator,date,value (and ,note)");
  CHECK(run("").results.problems.at(0).message == "the results file is empty");
  CHECK(run("indicator,date,value\n\"open,2026-01-02,1\n").results.problems.at(0).message ==
        "a quoted field is not closed");
}

namespace {

std::vector<ChainFinding> chain_of(const std::string& delivered, const std::string& changed,
                                   const std::string& today = "2026-01-06") {
  const Run r = run("indicator,date,value\ndelivered,2026-01-06," + delivered +
                        "\nchanged,2026-01-06," + changed + "\n",
                    today);
  return diagnose_chain(r.loaded.model, item_states(r.loaded.model, r.states), r.states);
}

}  // namespace

TEST_CASE("an outcome off track while its output is delivered: the theory is in doubt") {
  const auto chain = chain_of("60", "-5%");
  REQUIRE(chain.size() == 1);
  CHECK(chain[0].kind == ChainFinding::Kind::theory);
  CHECK(chain[0].item == 2);
  CHECK(chain[0].causes == std::vector<int>{1});
  CHECK(chain[0].assumptions == std::vector<int>{0});
  CHECK(chain[0].message ==
        "'out' (on-track) was delivered, yet 'change' is off track (Changed moved away from its "
        "target: now -5%, target 100% by 2026-01-11): the theory of out -> change is in doubt "
        "here; the assumption 'works' (holds, A trial) is in doubt");
}

TEST_CASE("near misses: an outcome at risk, or off track with its output off track too") {
  CHECK(chain_of("60", "20%").empty());  // at risk: not yet a conclusion
  const auto upstream = chain_of("-1", "-5%");
  REQUIRE(upstream.size() == 2);
  CHECK(upstream[0].kind == ChainFinding::Kind::delivery);
  CHECK(upstream[1].kind == ChainFinding::Kind::upstream);
  // At risk output: still not delivered, so no theory conclusion.
  const auto behind = chain_of("10", "-5%");
  REQUIRE(behind.size() == 1);
  CHECK(behind[0].kind == ChainFinding::Kind::upstream);
}

TEST_CASE("an output off track is a delivery problem of the activities producing it") {
  const auto chain = chain_of("-1", "50%");
  REQUIRE(chain.size() == 1);
  CHECK(chain[0].kind == ChainFinding::Kind::delivery);
  CHECK(chain[0].causes == std::vector<int>{0});
  CHECK(chain[0].message ==
        "output 'out' is off track: a delivery problem of the activity that produces it: 'act'");
  CHECK(chain_of("10", "50%").empty());  // at risk: not yet off track
}
