// SPDX-License-Identifier: Apache-2.0
// make_spread: what became of each core component at each site, what else each site did, and
// each assumption site by site, on the cases a programme meets (renames, a component dropped
// as replaced, a link-only change, records that cover part of a change, assumptions carried
// over, reworded, dropped or added by one site).
#include <catch2/catch.hpp>

#include <sstream>

#include "lmc/load.h"
#include "lmc/spread.h"

using namespace lmc;

namespace {

const std::string kBlueprint = R"(logic_model: 1
title: Red bag
version: "2.1"
resources:
  - {id: bags, label: Red bags, core: true, to: [pack]}
  - {id: champions, label: Champions, to: [pack]}
activities:
  - {id: pack, label: Pack the bag, core: true, to: [travels]}
  - {id: returns, label: The ward returns the bag, core: true, to: [travels]}
outputs:
  - {id: travels, label: The bag travels, core: true, to: [shorter]}
outcomes:
  - {id: shorter, label: Shorter stays, term: short}
assumptions:
  - {id: staff-pack, text: Staff pack the bag, about: [pack], context: true, status: holds, evidence: [Sutton 2016]}
  - {id: helps, text: Papers shorten the stay, about: [shorter], status: holds, evidence: [NHSE 2018]}
)";

LoadResult load(const std::string& name, const std::string& text) {
  LoadResult r = load_model(name, text);
  REQUIRE(r.usable);
  return r;
}

const SpreadCell& cell(const SpreadReport& r, const std::string& id, std::size_t site) {
  for (const SpreadComponent& c : r.core) {
    if (c.id == id) return c.sites.at(site);
  }
  FAIL("no core component " << id);
  throw 0;
}

const SpreadAssumption& assumption(const SpreadReport& r, const std::string& id) {
  for (const SpreadAssumption& a : r.assumptions) {
    if (a.id == id) return a;
  }
  FAIL("no assumption " << id);
  throw 0;
}

}  // namespace

TEST_CASE("a faithful copy keeps every core component, and the same version carries over") {
  const LoadResult bp = load("bp.yaml", kBlueprint);
  const LoadResult site =
      load("site.yaml", kBlueprint + "adapts: {model: bp.yaml, version: \"2.1\"}\n");
  const SpreadReport r = make_spread(bp.model, "bp.yaml", {{&site.model, "site.yaml"}});
  REQUIRE(r.core.size() == 4);
  for (const SpreadComponent& c : r.core) {
    CHECK(c.sites.at(0).fate == CoreFate::kept);
    CHECK_FALSE(c.sites.at(0).unrecorded);
  }
  CHECK(r.sites.at(0).changes.empty());
  // The context assumption as the blueprint had it: carried over, not examined.
  CHECK(assumption(r, "staff-pack").sites.at(0).carried);
  CHECK_FALSE(assumption(r, "helps").sites.at(0).carried);  // not a context assumption
  CHECK(assumption(r, "staff-pack").summary() == "held in 1 site");
}

TEST_CASE("a core component renamed, relabelled, dropped as replaced, or changed by a link") {
  const LoadResult bp = load("bp.yaml", kBlueprint);
  const LoadResult site = load("site.yaml", R"(logic_model: 1
title: "Red bag: Northfield"
adapts: {model: bp.yaml, version: "2.0"}
resources:
  - {id: forms, label: Red bags, core: true, to: [pack]}
  - {id: champions, label: Transfer leads, to: [pack]}
  - {id: record, label: Shared record, to: [pack]}
activities:
  - {id: pack, label: Complete the e-form, core: true, to: [travels, check]}
  - {id: check, label: Pharmacist check, to: [travels]}
outputs:
  - {id: travels, label: The bag travels, core: true, to: [shorter]}
outcomes:
  - {id: shorter, label: Shorter stays, term: short}
assumptions:
  - {id: staff-pack, text: Staff pack the bag, about: [pack], context: true, status: fails, evidence: [Northfield audit 2026]}
  - {id: pharm, text: Pharmacists reach the homes, about: [check], status: testing}
adaptations:
  - {item: returns, change: replaced, reason: The e-form returns through the record}
  - {item: pack, change: modified}
  - {item: check, change: added, reason: Medicines errors, fidelity: consistent, planned: true}
)");
  const SpreadReport r = make_spread(bp.model, "bp.yaml", {{&site.model, "nf/site.yaml"}});
  CHECK(r.sites.at(0).name == "Northfield");  // the blueprint's title taken off

  // Renamed (same label, same stage): modified, its id named; nothing records it.
  const SpreadCell& bags = cell(r, "bags", 0);
  CHECK(bags.fate == CoreFate::modified);
  REQUIRE(bags.changes.size() == 1);
  CHECK(bags.changes[0] == "its id (was 'bags')");
  CHECK(bags.unrecorded);
  CHECK(bags.record == nullptr);

  // Dropped, with a record that says replaced.
  const SpreadCell& returns = cell(r, "returns", 0);
  CHECK(returns.fate == CoreFate::replaced);
  REQUIRE(returns.record != nullptr);
  CHECK(returns.record->reason.value == "The e-form returns through the record");
  CHECK_FALSE(returns.unrecorded);

  // Relabelled, a link added, one record of the item (without a reason) covers both.
  const SpreadCell& pack = cell(r, "pack", 0);
  CHECK(pack.fate == CoreFate::modified);
  CHECK(pack.changes.size() == 3);  // its label, and links from record and to check
  CHECK_FALSE(pack.unrecorded);
  REQUIRE(pack.record != nullptr);
  CHECK(pack.record->item.value == "pack");

  // Changed only by a link from an added item: covered by that item's record.
  const SpreadCell& travels = cell(r, "travels", 0);
  CHECK(travels.fate == CoreFate::modified);
  REQUIRE(travels.changes.size() == 1);
  CHECK(travels.changes[0] == "a link check -> travels added");
  REQUIRE(travels.record != nullptr);
  CHECK(travels.record->item.value == "check");

  // Besides: champions relabelled (unrecorded), record and check added; no link listed twice
  // (the links of added items go with them; those of core components are in their cells).
  const std::vector<SpreadChange>& changes = r.sites.at(0).changes;
  std::vector<std::string> seen;
  for (const SpreadChange& c : changes) seen.push_back(c.kind + " " + c.item);
  CHECK(seen == std::vector<std::string>{"modified champions", "added record", "added check",
                                         "dropped helps", "added pharm"});
  CHECK(changes[0].detail == "its label, now 'Transfer leads'");
  CHECK(changes[0].record == nullptr);
  CHECK(changes[2].record != nullptr);

  // Assumptions: the blueprint's with their status here; the dropped one not adopted; the
  // site's own after them.
  const SpreadAssumption& staff = assumption(r, "staff-pack");
  CHECK(staff.sites.at(0).status == AssumptionStatus::fails);
  CHECK_FALSE(staff.sites.at(0).carried);
  CHECK(staff.summary() == "failed in 1 site");
  CHECK(assumption(r, "helps").summary() == "not adopted in 1 site");
  const SpreadAssumption& pharm = assumption(r, "pharm");
  CHECK(pharm.origin == 0);
  CHECK(pharm.summary() == "being tested in 1 site");
}

TEST_CASE("assumptions across several sites are counted, first with its unit") {
  const LoadResult bp = load("bp.yaml", kBlueprint);
  auto with_status = [](const std::string& status, const std::string& text) {
    std::string s = kBlueprint + "adapts: {model: bp.yaml, version: \"2.1\"}\n";
    const std::string from = "context: true, status: holds, evidence: [Sutton 2016]}";
    s.replace(s.find(from), from.size(), "context: true, status: " + status + "}");
    const std::string said = "text: Staff pack the bag,";
    s.replace(s.find(said), said.size(), "text: " + text + ",");
    return s;
  };
  const LoadResult a = load("a.yaml", with_status("holds", "Staff pack the bag"));
  const LoadResult b = load("b.yaml", with_status("holds", "Staff pack the bag"));
  const LoadResult c = load("c.yaml", with_status("fails", "Night staff pack the bag"));
  const LoadResult d = load("d.yaml", with_status("untested", "Staff pack the bag"));
  const SpreadReport r = make_spread(
      bp.model, "bp.yaml",
      {{&a.model, "a.yaml"}, {&b.model, "b.yaml"}, {&c.model, "c.yaml"}, {&d.model, "d.yaml"}});
  const SpreadAssumption& staff = assumption(r, "staff-pack");
  CHECK(staff.summary() == "held in 2 sites, failed in 1, untested in 1");
  CHECK_FALSE(staff.sites.at(0).carried);  // its evidence is gone: examined
  CHECK(staff.sites.at(2).reworded);
  CHECK_FALSE(staff.sites.at(3).reworded);
}

TEST_CASE("every format names the sites' states; the json and the sheets agree") {
  const LoadResult bp = load("bp.yaml", kBlueprint);
  std::string text = kBlueprint + "adapts: {model: bp.yaml, version: \"2.0\"}\n";
  text.replace(text.find("  - {id: returns"), text.find("outputs:") - text.find("  - {id: returns"),
               "");
  text += "adaptations:\n  - {item: returns, change: dropped, reason: \"No ward | returns\"}\n";
  const LoadResult site = load("site.yaml", text);
  const SpreadReport r = make_spread(bp.model, "bp.yaml", {{&site.model, "site.yaml"}});
  CHECK(cell(r, "returns", 0).fate == CoreFate::dropped);
  for (const char* format : {"text", "markdown", "html", "json"}) {
    std::ostringstream out;
    write_spread(out, r, format);
    INFO(format << ":\n" << out.str());
    CHECK(out.str().find("dropped") != std::string::npos);
    CHECK(out.str().find("returns") != std::string::npos);
  }
  std::ostringstream md;
  write_spread(md, r, "markdown");
  CHECK(md.str().find("No ward \\| returns") != std::string::npos);  // a pipe kept in its cell
  const std::vector<Sheet> sheets = spread_sheets(r);
  REQUIRE(sheets.size() == 5);
  CHECK(sheets[0].name == "Core components");
  CHECK(sheets[0].columns.back() == "site.yaml");  // the blueprint's title: the file says which
  for (const Sheet& s : sheets) {
    CHECK(s.name.size() <= 31);
    for (const auto& row : s.rows) CHECK(row.size() == s.columns.size());
  }
}
