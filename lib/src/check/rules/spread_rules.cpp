// SPDX-License-Identifier: Apache-2.0
// The spread rules (spec, "Spread"): an adaptation checked against its blueprint through the
// diff engine (identity by id, renames included), each finding in the adaptation's file.
// core-dropped: a core item of the blueprint is missing and no adaptation records it.
// core-modified: a core item's label, stage, term or links changed without a record.
// unrecorded-adaptation: any other difference in the chain without a record.
// adaptation-without-reason: a record that does not say why.
// context-assumption-unexamined: a context assumption carried over as the blueprint had it.
// blueprint-drift: the blueprint's version is newer than the one adopted.
// Why: a model copied without saying what was kept, changed and re-tested spreads the form and
// loses the function (the red bag pathway, copied without being adapted).
#include <fmt/format.h>

#include <cstdlib>
#include <map>
#include <set>

#include "check/rules/blueprint.h"
#include "support/words.h"

namespace lmc {

namespace {

// Where a finding about item `id` of the adaptation goes: its id, else the `adapts` key.
Span at_item(const Model& m, std::string_view id) {
  const Item* it = find_item(m, id);
  return it && it->id.span.known() ? it->id.span : m.adapts.span;
}

// The blueprint id a change is about, and the adaptation's id for it; for a link, both ends.
struct About {
  std::vector<std::string> blueprint_ids;
  std::string here;  ///< the adaptation's item to point at
};

std::optional<About> about(const Change& c) {
  if (c.kind == "label-changed" || c.kind == "stage-changed" || c.kind == "term-changed") {
    return About{{c.item}, c.item};
  }
  if (c.kind == "item-renamed") return About{{c.before.value_or("")}, c.item};
  if (c.kind == "link-added" || c.kind == "link-removed") {
    const auto link = parse_link_ref(c.item);
    if (!link) return std::nullopt;
    return About{{link->first, link->second}, link->first};
  }
  return std::nullopt;
}

// "2.10" after "2.9": numbers compared as numbers, part by part; other text as text.
bool version_before(std::string_view a, std::string_view b) {
  auto part = [](std::string_view& s) {
    const auto dot = s.find('.');
    std::string_view p = s.substr(0, dot);
    s = dot == std::string_view::npos ? std::string_view() : s.substr(dot + 1);
    return p;
  };
  while (!a.empty() || !b.empty()) {
    const std::string_view x = part(a), y = part(b);
    const bool numbers = !x.empty() && !y.empty() &&
                         x.find_first_not_of("0123456789") == std::string_view::npos &&
                         y.find_first_not_of("0123456789") == std::string_view::npos;
    if (numbers) {
      const auto nx = std::strtoull(std::string(x).c_str(), nullptr, 10);
      const auto ny = std::strtoull(std::string(y).c_str(), nullptr, 10);
      if (nx != ny) return nx < ny;
    } else if (x != y) {
      return x < y;
    }
  }
  return false;
}

}  // namespace

void check_core_dropped(const Model& m, const RuleContext& ctx, Findings& out) {
  const auto l = lineage_of(m, ctx);
  if (!l) return;
  for (const Change& c : l->changes.changes) {
    if (c.kind != "item-removed" || !l->core(c.item) || l->covers(c.item)) continue;
    out.add(m.adapts.span, c.item,
            fmt::format("core component '{}' ({}) of the blueprint '{}' is not here, and no "
                        "adaptation records why",
                        c.item, c.before.value_or(""), m.adapts.model.value),
            fmt::format("keep it; or record under `adaptations:` `item: {}`, `change: dropped` "
                        "(or `replaced`) and the reason",
                        c.item));
  }
}

void check_core_modified(const Model& m, const RuleContext& ctx, Findings& out) {
  const auto l = lineage_of(m, ctx);
  if (!l) return;
  // Each core item once, with everything about it that changed unrecorded.
  std::map<std::string, std::pair<std::string, std::vector<std::string>>> changed;
  for (const Change& c : l->changes.changes) {
    const auto a = about(c);
    if (!a || l->covers(c.item) || l->with_removed_end(c)) continue;
    for (const std::string& id : a->blueprint_ids) {
      if (!l->core(id)) continue;
      // A renamed core item is recorded by its old id or its new one.
      if (c.kind == "item-renamed" && l->covers(a->here)) continue;
      auto& entry = changed[id];
      entry.first = c.kind == "item-renamed" || a->blueprint_ids.size() == 1 ? a->here : id;
      entry.second.push_back(what_changed(c));
    }
  }
  for (const auto& [id, entry] : changed) {
    out.add(at_item(m, entry.first), entry.first,
            fmt::format("core component '{}' of the blueprint is changed here ({}), and no "
                        "adaptation records why",
                        id, list_of(entry.second)),
            fmt::format("keep it as the blueprint has it; or record under `adaptations:` `item: "
                        "{}`, `change: modified` and the reason",
                        entry.first));
  }
}

void check_unrecorded_adaptation(const Model& m, const RuleContext& ctx, Findings& out) {
  const auto l = lineage_of(m, ctx);
  if (!l) return;
  for (const Change& c : l->changes.changes) {
    if (l->covers(c.item) || l->with_removed_end(c)) continue;
    if (c.kind == "item-added") {
      out.add(
          at_item(m, c.item), c.item,
          fmt::format("'{}' is not in the blueprint, and no adaptation records it", c.item),
          fmt::format("record under `adaptations:` `item: {}`, `change: added` and why", c.item));
    } else if (c.kind == "item-removed") {
      if (l->core(c.item)) continue;  // core-dropped
      out.add(
          m.adapts.span, c.item,
          fmt::format("'{}' ({}) of the blueprint is not here, and no adaptation records it",
                      c.item, c.before.value_or("")),
          fmt::format("record under `adaptations:` `item: {}`, `change: dropped` and why", c.item));
    } else if (const auto a = about(c)) {
      bool core = false;
      for (const std::string& id : a->blueprint_ids) core = core || l->core(id);
      if (core) continue;  // core-modified
      if (c.kind == "item-renamed" && l->covers(a->here)) continue;
      out.add(
          at_item(m, a->here), a->here,
          fmt::format("{} differs from the blueprint ({}), and no adaptation records it",
                      c.kind.starts_with("link") ? "a link" : "'" + a->here + "'", what_changed(c)),
          fmt::format("record under `adaptations:` `item: {}` with its change and why",
                      c.kind.starts_with("link") ? "\"" + c.item + "\"" : a->here));
    }
  }
}

void check_adaptation_without_reason(const Model& m, const RuleContext&, Findings& out) {
  for (const Adaptation& a : m.adaptations) {
    if (a.item.value.empty() || !a.reason.value.empty()) continue;
    out.add(a.item.span, "",
            fmt::format("the adaptation of '{}' ({}) does not say why", a.item.value,
                        change_name(a.change)),
            "add `reason:`: what about this site made the change necessary");
  }
}

void check_context_assumption_unexamined(const Model& m, const RuleContext& ctx, Findings& out) {
  const auto l = lineage_of(m, ctx);
  if (!l) return;
  auto texts = [](const std::vector<Text>& v) {
    std::vector<std::string> values;
    for (const Text& t : v) values.push_back(t.value);
    return values;
  };
  for (const Assumption& origin : l->blueprint->assumptions) {
    if (!origin.context) continue;
    for (const Assumption& here : m.assumptions) {
      if (here.id.value != origin.id.value) continue;
      const bool same = here.status == origin.status &&
                        texts(here.evidence) == texts(origin.evidence) &&
                        here.test.method.value == origin.test.method.value &&
                        here.test.due.value == origin.test.due.value;
      if (!same) continue;
      out.add(here.id.span, here.id.value,
              fmt::format("context assumption '{}' is carried over as the blueprint has it "
                          "(status {}{}): what held there is not known to hold here",
                          here.id.value, status_name(here.status),
                          origin.evidence.empty() ? "" : ", the blueprint's evidence"),
              "set `status: untested` and give it a local `test`, or local `evidence`");
    }
  }
}

void check_blueprint_drift(const Model& m, const RuleContext& ctx, Findings& out) {
  const auto l = lineage_of(m, ctx);
  if (!l) return;
  const std::string& adopted = m.adapts.version.value;
  const std::string& now = l->blueprint->version.value;
  if (adopted.empty() || now.empty() || !version_before(adopted, now)) return;
  out.add(m.adapts.version.span, "",
          fmt::format("the blueprint '{}' is now version {}; this model adapts version {}",
                      m.adapts.model.value, now, adopted),
          fmt::format("compare them (`lmc diff`), take what applies here, and set `version: "
                      "\"{}\"`",
                      now));
}

}  // namespace lmc
