// SPDX-License-Identifier: Apache-2.0
// An adaptation against its blueprint (the diff engine and the records), and the sites of one
// blueprint side by side: the fate of each core component, what else each site changed, and
// each assumption's status site by site.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>

#include "lmc/spread.h"
#include "support/words.h"

namespace lmc {

bool Lineage::covers(std::string_view item) const {
  return record_of(item) != nullptr;
}

const Adaptation* Lineage::record_of(std::string_view item) const {
  if (!adaptation) return nullptr;
  const auto link = parse_link_ref(item);
  auto find = [&](auto&& matches) -> const Adaptation* {
    for (const Adaptation& a : adaptation->adaptations) {
      if (matches(a.item.value)) return &a;
    }
    return nullptr;
  };
  if (link) {
    const std::string name = link->first + " -> " + link->second;
    if (const Adaptation* a = find([&](const std::string& v) {
          const auto l = parse_link_ref(v);
          return l && l->first + " -> " + l->second == name;
        })) {
      return a;
    }
    return find([&](const std::string& v) { return v == link->first || v == link->second; });
  }
  return find([&](const std::string& v) { return v == item; });
}

bool Lineage::with_removed_end(const Change& c) const {
  if (!c.kind.starts_with("link-")) return false;
  const auto link = parse_link_ref(c.item);
  return link && (removed.count(link->first) || removed.count(link->second));
}

bool Lineage::core(std::string_view id) const {
  const Item* it = blueprint ? find_item(*blueprint, id) : nullptr;
  return it && it->core();
}

Lineage compare_with_blueprint(const Model& blueprint, const Model& adaptation) {
  Lineage l;
  l.blueprint = &blueprint;
  l.adaptation = &adaptation;
  l.changes = diff_models(blueprint, adaptation, {}, {});
  for (const Change& c : l.changes.changes) {
    if (c.kind == "item-removed") l.removed.insert(c.item);
    if (c.kind == "item-added") l.added.insert(c.item);
  }
  return l;
}

std::string what_changed(const Change& c) {
  if (c.kind == "label-changed") return "its label";
  if (c.kind == "stage-changed") return "its stage";
  if (c.kind == "term-changed") return "its term";
  if (c.kind == "item-renamed") return fmt::format("its id (was '{}')", c.before.value_or(""));
  if (c.kind == "link-added") return fmt::format("a link {} added", c.item);
  if (c.kind == "link-removed") return fmt::format("the link {} dropped", c.item);
  return c.kind;
}

std::string_view fate_name(CoreFate f) {
  switch (f) {
    case CoreFate::kept: return "kept";
    case CoreFate::modified: return "modified";
    case CoreFate::replaced: return "replaced";
    case CoreFate::dropped: return "dropped";
  }
  return "kept";
}

namespace {

const Assumption* find_assumption(const Model& m, std::string_view id) {
  for (const Assumption& a : m.assumptions) {
    if (a.id.value == id) return &a;
  }
  return nullptr;
}

std::vector<std::string> texts_of(const std::vector<Text>& v) {
  std::vector<std::string> out;
  for (const Text& t : v) out.push_back(t.value);
  return out;
}

std::string test_of(const AssumptionTest& t) {
  std::vector<std::string> parts;
  if (!t.method.value.empty()) parts.push_back(t.method.value);
  if (!t.indicator.value.empty()) parts.push_back("indicator " + t.indicator.value);
  if (!t.due.value.empty()) parts.push_back("due " + t.due.value);
  if (!t.owner.value.empty()) parts.push_back("by " + t.owner.value);
  return list_of(parts, ", ");
}

// One site against the blueprint: the fate of each core component, and the rest of what
// differs, as the spread rules see them (a link to an item the site dropped goes with it).
class SiteComparison {
 public:
  SiteComparison(const Model& blueprint, const Model& site)
      : lineage_(compare_with_blueprint(blueprint, site)) {
    for (const auto& [from, to] : lineage_.changes.renames) renamed_[from] = to;
  }

  // The site's id as the blueprint wrote it (the old id of a renamed item).
  std::string there(const std::string& id) const {
    for (const auto& [from, to] : renamed_) {
      if (to == id) return from;
    }
    return id;
  }

  // The blueprint's id as the site writes it.
  std::string here(const std::string& id) const {
    const auto r = renamed_.find(id);
    return r == renamed_.end() ? id : r->second;
  }

  bool core_here(const std::string& site_id) const {
    for (const Item& it : lineage_.blueprint->items) {
      if (it.core() && here(it.id.value) == site_id) return true;
    }
    return false;
  }

  SpreadCell cell(const Item& component) const {
    SpreadCell cell;
    const std::string& id = component.id.value;
    const std::string now = here(id);
    for (const Change& c : lineage_.changes.changes) {
      if (c.kind == "item-removed" && c.item == id) {
        cell.fate = CoreFate::dropped;
        cell.record = lineage_.record_of(id);
        cell.unrecorded = cell.record == nullptr;
        if (cell.record && cell.record->change == Adaptation::Change::replaced) {
          cell.fate = CoreFate::replaced;
        }
        return cell;
      }
    }
    const Adaptation* link_record = nullptr;
    for (const Change& c : lineage_.changes.changes) {
      bool about = false, covered = false;
      if (c.kind == "item-renamed" && c.before == id) {
        about = true;
        covered = lineage_.covers(id) || lineage_.covers(now);
      } else if ((c.kind == "label-changed" || c.kind == "stage-changed" ||
                  c.kind == "term-changed") &&
                 c.item == now) {
        about = true;
        covered = lineage_.covers(now) || lineage_.covers(id);
      } else if (c.kind == "link-added" || c.kind == "link-removed") {
        const auto link = parse_link_ref(c.item);
        about =
            link && (link->first == now || link->second == now) && !lineage_.with_removed_end(c);
        if (about) {
          const Adaptation* r = lineage_.record_of(c.item);
          covered = r != nullptr;
          if (!link_record) link_record = r;
        }
      }
      if (!about) continue;
      cell.changes.push_back(c.kind == "label-changed"
                                 ? fmt::format("its label, now '{}'", c.after.value_or(""))
                                 : what_changed(c));
      cell.unrecorded = cell.unrecorded || !covered;
    }
    if (cell.changes.empty()) return cell;
    cell.fate = CoreFate::modified;
    cell.record = lineage_.record_of(now);
    if (!cell.record) cell.record = lineage_.record_of(id);
    if (!cell.record) cell.record = link_record;
    if (cell.record && cell.record->change == Adaptation::Change::replaced) {
      cell.fate = CoreFate::replaced;
    }
    return cell;
  }

  // What else differs: items and links that are not about a core component, and assumptions.
  std::vector<SpreadChange> other_changes() const {
    const Model& bp = *lineage_.blueprint;
    const Model& site = *lineage_.adaptation;
    std::vector<SpreadChange> out;
    auto item_words = [](const Item* it, const std::string& fallback) {
      return it ? fmt::format("{} '{}'", stage_name(it->stage), it->label.value)
                : "'" + fallback + "'";
    };
    std::map<std::string, std::size_t> modified;  // one entry an item
    for (const Change& c : lineage_.changes.changes) {
      SpreadChange s;
      s.item = c.item;
      if (c.kind == "item-added") {
        s.kind = "added";
        s.what = item_words(find_item(site, c.item), c.item);
      } else if (c.kind == "item-removed") {
        const Item* it = find_item(bp, c.item);
        if (it && it->core()) continue;
        s.kind = "dropped";
        s.what = item_words(it, c.item);
      } else if (c.kind == "label-changed" || c.kind == "stage-changed" ||
                 c.kind == "term-changed" || c.kind == "item-renamed") {
        if (core_here(c.item)) continue;
        const std::string words = c.kind == "label-changed"
                                      ? fmt::format("its label, now '{}'", c.after.value_or(""))
                                      : what_changed(c);
        if (const auto at = modified.find(c.item); at != modified.end()) {
          out[at->second].detail += "; " + words;
          continue;
        }
        const Item* it = find_item(site, c.item);
        s.kind = "modified";
        s.what = fmt::format(
            "{} '{}'", it ? stage_name(it->stage) : "item",
            c.before && c.kind == "label-changed" ? *c.before : (it ? it->label.value : ""));
        s.detail = words;
        modified[c.item] = out.size();
      } else if (c.kind == "link-added" || c.kind == "link-removed") {
        const auto link = parse_link_ref(c.item);
        // A link to an item added or dropped goes with the item; one to a core component is
        // in the component's cell.
        if (!link || lineage_.with_removed_end(c) || lineage_.added.count(link->first) ||
            lineage_.added.count(link->second) || core_here(link->first) ||
            core_here(link->second)) {
          continue;
        }
        s.kind = c.kind == "link-added" ? "added" : "dropped";
        s.what = "the link " + c.item;
      } else if (c.kind == "assumption-added" || c.kind == "assumption-removed") {
        s.kind = c.kind == "assumption-added" ? "added" : "dropped";
        s.what = fmt::format("assumption '{}'", c.kind == "assumption-added"
                                                    ? c.after.value_or(c.item)
                                                    : c.before.value_or(c.item));
      } else if (c.kind == "factor-added" || c.kind == "factor-removed") {
        s.kind = c.kind == "factor-added" ? "added" : "dropped";
        s.what = fmt::format("external factor '{}'", c.kind == "factor-added"
                                                         ? c.after.value_or(c.item)
                                                         : c.before.value_or(c.item));
      } else {
        continue;
      }
      s.record = lineage_.record_of(c.item);
      out.push_back(std::move(s));
    }
    return out;
  }

  SpreadStatus status(const Assumption& origin) const {
    SpreadStatus s;
    s.record = lineage_.record_of(origin.id.value);
    const Assumption* a = find_assumption(*lineage_.adaptation, origin.id.value);
    if (!a) return s;
    s.present = true;
    s.status = a->status;
    s.evidence = texts_of(a->evidence);
    s.test = test_of(a->test);
    s.carried = origin.context && a->status == origin.status &&
                s.evidence == texts_of(origin.evidence) &&
                a->test.method.value == origin.test.method.value &&
                a->test.due.value == origin.test.due.value;
    for (const Change& c : lineage_.changes.changes) {
      if (c.item == origin.id.value &&
          (c.kind == "assumption-text-changed" || c.kind == "assumption-about-changed")) {
        s.reworded = true;
      }
    }
    return s;
  }

  const Lineage& lineage() const { return lineage_; }

 private:
  Lineage lineage_;
  std::map<std::string, std::string> renamed_;
};

// What a site is called in the columns: its title less the blueprint's ("Red bag: Northfield"
// is Northfield), else its file when it has no title or the blueprint's own.
std::string site_name(const Model& blueprint, const Model& site, const std::string& path) {
  const std::string& bt = blueprint.title.value;
  std::string t = site.title.value;
  if (!bt.empty() && t.size() > bt.size() + 2 && t.starts_with(bt) &&
      t.compare(bt.size(), 2, ": ") == 0) {
    t = t.substr(bt.size() + 2);
  }
  return t.empty() || t == bt ? path : t;
}

}  // namespace

std::string SpreadAssumption::summary() const {
  std::array<int, 4> counts{};
  int absent = 0;
  for (const SpreadStatus& s : sites) {
    if (s.present) {
      ++counts[static_cast<std::size_t>(s.status)];
    } else {
      ++absent;
    }
  }
  constexpr std::pair<AssumptionStatus, std::string_view> kWords[] = {
      {AssumptionStatus::holds, "held"},
      {AssumptionStatus::fails, "failed"},
      {AssumptionStatus::testing, "being tested"},
      {AssumptionStatus::untested, "untested"}};
  // "held in 3 sites, failed in 2, untested in 1": the first count says what it counts.
  std::vector<std::string> parts;
  auto add = [&](std::string_view word, int n) {
    if (n <= 0) return;
    parts.push_back(parts.empty() ? fmt::format("{} in {} site{}", word, n, n == 1 ? "" : "s")
                                  : fmt::format("{} in {}", word, n));
  };
  for (const auto& [s, word] : kWords) add(word, counts[static_cast<std::size_t>(s)]);
  add(absent_word(), absent);
  if (parts.empty()) return "no sites";
  return list_of(parts, ", ");
}

std::optional<BlueprintView> blueprint_view(const Model& blueprint, const Model& adaptation,
                                            std::string_view id) {
  const SiteComparison compared(blueprint, adaptation);
  const std::string old_id = compared.there(std::string(id));
  BlueprintView v;
  v.id = old_id;
  v.record = compared.lineage().record_of(id);
  if (const Item* it = find_item(blueprint, old_id)) {
    v.kind = BlueprintView::Kind::item;
    v.there = it->label.value;
    v.stage = it->stage;
    v.core = it->core();
    v.cell = compared.cell(*it);
    if (!v.record) v.record = v.cell.record;
    return v;
  }
  if (const Assumption* a = find_assumption(blueprint, id)) {
    v.kind = BlueprintView::Kind::assumption;
    v.there = a->text.value;
    v.context = a->context;
    v.status = a->status;
    v.evidence = texts_of(a->evidence);
    v.here = compared.status(*a);
    return v;
  }
  if (find_item(adaptation, id) || find_assumption(adaptation, id)) return v;  // added here
  return std::nullopt;
}

SpreadReport make_spread(const Model& blueprint, std::string path,
                         const std::vector<SiteModel>& sites) {
  SpreadReport r;
  r.blueprint = &blueprint;
  r.path = std::move(path);
  std::vector<SiteComparison> compared;
  compared.reserve(sites.size());
  for (const SiteModel& s : sites) {
    compared.emplace_back(blueprint, *s.model);
    SpreadSite site;
    site.model = s.model;
    site.path = s.path;
    site.name = site_name(blueprint, *s.model, s.path);
    site.changes = compared.back().other_changes();
    r.sites.push_back(std::move(site));
  }
  for (const Item& it : blueprint.items) {
    if (!it.core() || it.id.value.empty()) continue;
    SpreadComponent c{it.id.value, it.label.value, it.stage, {}};
    for (const SiteComparison& s : compared) c.sites.push_back(s.cell(it));
    r.core.push_back(std::move(c));
  }
  for (const Assumption& a : blueprint.assumptions) {
    if (a.id.value.empty()) continue;
    SpreadAssumption row{a.id.value, a.text.value,         a.context, -1,
                         a.status,   texts_of(a.evidence), {}};
    for (const SiteComparison& s : compared) row.sites.push_back(s.status(a));
    r.assumptions.push_back(std::move(row));
  }
  // Each site's own assumptions: where another site has one of the same id, it is that one.
  std::set<std::string> seen;
  for (const Assumption& a : blueprint.assumptions) seen.insert(a.id.value);
  for (std::size_t k = 0; k < sites.size(); ++k) {
    for (const Assumption& a : sites[k].model->assumptions) {
      if (a.id.value.empty() || !seen.insert(a.id.value).second) continue;
      SpreadAssumption row{a.id.value, a.text.value,         a.context, static_cast<int>(k),
                           a.status,   texts_of(a.evidence), {}};
      for (const SpreadSite& site : r.sites) {
        SpreadStatus s;
        if (const Assumption* here = find_assumption(*site.model, a.id.value)) {
          s.present = true;
          s.status = here->status;
          s.evidence = texts_of(here->evidence);
          s.test = test_of(here->test);
        }
        row.sites.push_back(std::move(s));
      }
      r.assumptions.push_back(std::move(row));
    }
  }
  return r;
}

std::vector<Sheet> spread_sheets(const SpreadReport& r) {
  Sheet matrix{"Core components", {"Component", "Label", "Stage"}, {}};
  for (const SpreadSite& s : r.sites) matrix.columns.push_back(s.name);
  for (const SpreadComponent& c : r.core) {
    std::vector<Cell> row = {Cell::of_text(c.id), Cell::of_text(c.label),
                             Cell::of_text(stage_name(c.stage))};
    for (const SpreadCell& cell : c.sites) {
      row.push_back(Cell::of_text(std::string(fate_name(cell.fate)) +
                                  (cell.unrecorded ? " (not recorded)" : "")));
    }
    matrix.rows.push_back(std::move(row));
  }
  Sheet by_site{"Core by site",
                {"Component", "Label", "Site", "Model", "Fate", "What differs", "Recorded",
                 "Reason", "Planned", "Decided by", "Date", "Fidelity"},
                {}};
  for (const SpreadComponent& c : r.core) {
    for (std::size_t k = 0; k < c.sites.size(); ++k) {
      const SpreadCell& cell = c.sites[k];
      const Adaptation* a = cell.record;
      by_site.rows.push_back({Cell::of_text(c.id), Cell::of_text(c.label),
                              Cell::of_text(r.sites[k].name), Cell::of_text(r.sites[k].path),
                              Cell::of_text(fate_name(cell.fate)),
                              Cell::of_text(list_of(cell.changes, "; ")),
                              Cell::of_text(cell.fate == CoreFate::kept ? ""
                                            : cell.unrecorded           ? "no"
                                                                        : "yes"),
                              Cell::of_text(a ? a->reason.value : ""),
                              Cell::of_text(a && a->planned ? (*a->planned ? "yes" : "no") : ""),
                              Cell::of_text(a ? a->decided_by.value : ""),
                              Cell::date(a ? std::string_view(a->date.value) : std::string_view()),
                              Cell::of_text(a ? fidelity_name(a->fidelity) : "")});
    }
  }
  Sheet changes{"Site changes",
                {"Site", "Model", "Change", "Item", "What", "Detail", "Recorded", "Reason",
                 "Planned", "Decided by", "Date", "Fidelity"},
                {}};
  for (const SpreadSite& s : r.sites) {
    for (const SpreadChange& c : s.changes) {
      const Adaptation* a = c.record;
      changes.rows.push_back({Cell::of_text(s.name), Cell::of_text(s.path), Cell::of_text(c.kind),
                              Cell::of_text(c.item), Cell::of_text(c.what), Cell::of_text(c.detail),
                              Cell::of_text(a ? "yes" : "no"),
                              Cell::of_text(a ? a->reason.value : ""),
                              Cell::of_text(a && a->planned ? (*a->planned ? "yes" : "no") : ""),
                              Cell::of_text(a ? a->decided_by.value : ""),
                              Cell::date(a ? std::string_view(a->date.value) : std::string_view()),
                              Cell::of_text(a ? fidelity_name(a->fidelity) : "")});
    }
  }
  Sheet summary{"Assumptions",
                {"Assumption", "Text", "Context", "From", "Status there", "Evidence there",
                 "Across the sites"},
                {}};
  for (const SpreadSite& s : r.sites) summary.columns.push_back(s.name);
  Sheet detail{"Assumptions by site",
               {"Assumption", "Text", "Site", "Model", "Status", "Evidence", "Test",
                "Carried over unexamined", "Reworded", "Record"},
               {}};
  for (const SpreadAssumption& a : r.assumptions) {
    const std::string from = a.origin < 0 ? "blueprint" : r.sites[a.origin].name;
    std::vector<Cell> row = {Cell::of_text(a.id),
                             Cell::of_text(a.text),
                             Cell::of_text(a.context ? "yes" : "no"),
                             Cell::of_text(from),
                             Cell::of_text(status_name(a.status)),
                             Cell::of_text(list_of(a.evidence, "; ")),
                             Cell::of_text(a.summary())};
    for (std::size_t k = 0; k < a.sites.size(); ++k) {
      const SpreadStatus& s = a.sites[k];
      row.push_back(Cell::of_text(s.present ? status_name(s.status) : a.absent_word()));
      const Adaptation* rec = s.record;
      detail.rows.push_back(
          {Cell::of_text(a.id), Cell::of_text(a.text), Cell::of_text(r.sites[k].name),
           Cell::of_text(r.sites[k].path),
           Cell::of_text(s.present ? status_name(s.status) : a.absent_word()),
           Cell::of_text(list_of(s.evidence, "; ")), Cell::of_text(s.test),
           Cell::of_text(s.carried ? "yes" : "no"), Cell::of_text(s.reworded ? "yes" : "no"),
           Cell::of_text(rec ? fmt::format("{}: {}", change_name(rec->change), rec->reason.value)
                             : "")});
    }
    summary.rows.push_back(std::move(row));
  }
  return {matrix, by_site, changes, summary, detail};
}

}  // namespace lmc
