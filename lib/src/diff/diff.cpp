// SPDX-License-Identifier: Apache-2.0
// Model x Model -> ChangeSet: what changed in the theory.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <tuple>

#include "diff/identity.h"
#include "lmc/diff.h"
#include "lmc/graph.h"

namespace lmc {

using identity::indicator_key;
using identity::items_by_id;
using identity::normalized;

namespace {

std::optional<std::string> text_or_null(const Text& t) {
  return t.present() ? std::optional<std::string>(t.value) : std::nullopt;
}

std::optional<std::string> term_or_null(const Item& it) {
  return it.stage == Stage::outcome && it.term != Term::none
             ? std::optional<std::string>(std::string(term_name(it.term)))
             : std::nullopt;
}

std::string link_name(const std::string& a, const std::string& b) {
  return a + " -> " + b;
}

// Sound links as id pairs.
std::set<std::pair<std::string, std::string>> link_set(const Model& m) {
  std::set<std::pair<std::string, std::string>> out;
  const Graph g(m);
  for (const Graph::Link& l : g.links()) {
    // Identity is the id: a link from or to an item without one (itself an error) is not part
    // of what can be compared.
    const std::string& from = m.items[l.from].id.value;
    const std::string& to = m.items[l.to].id.value;
    if (!from.empty() && !to.empty()) out.emplace(from, to);
  }
  return out;
}

// A reference list as a canonical string, old ids mapped through renames.
std::string refs_key(const std::vector<Ref>& refs,
                     const std::map<std::string, std::string>& rename) {
  auto map_id = [&](const std::string& id) {
    auto it = rename.find(id);
    return it == rename.end() ? id : it->second;
  };
  std::set<std::string> keys;
  for (const Ref& r : refs) {
    if (auto link = parse_link_ref(r.target)) {
      keys.insert(link_name(map_id(link->first), map_id(link->second)));
    } else {
      keys.insert(map_id(r.target));
    }
  }
  std::string out;
  for (const auto& k : keys) out += (out.empty() ? "" : ", ") + k;
  return out;
}

std::string test_text(const AssumptionTest& t) {
  std::vector<std::string> parts;
  if (t.method.present()) parts.push_back("method: " + t.method.value);
  if (t.indicator.present()) parts.push_back("indicator: " + t.indicator.value);
  if (t.due.present()) parts.push_back("due: " + t.due.value);
  if (t.owner.present()) parts.push_back("owner: " + t.owner.value);
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out;
}

std::optional<std::string> nonempty(std::string s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(std::move(s));
}

class Differ {
 public:
  Differ(const Model& a, const Model& b) : a_(a), b_(b) {}

  ChangeSet run() {
    metadata();
    items();
    links();
    assumptions();
    factors();
    return std::move(out_);
  }

 private:
  void add(std::string kind, std::string item, std::optional<std::string> before,
           std::optional<std::string> after, std::string section) {
    out_.changes.push_back(Change{std::move(kind), std::move(item), std::move(before),
                                  std::move(after), std::move(section)});
  }

  void metadata() {
    for (const auto& [key, field] : kModelTexts) {
      const auto before = text_or_null(a_.*field), after = text_or_null(b_.*field);
      if (before != after) add("metadata-changed", std::string(key), before, after, "model");
    }
    auto page = [](const Model& m) -> std::optional<std::string> {
      if (!m.render.page && !m.render.portrait) return std::nullopt;
      std::string s;
      if (m.render.page) {
        constexpr const char* kNames[] = {"a5", "a4", "a3", "letter", "legal", "tabloid", "screen"};
        s = kNames[static_cast<int>(*m.render.page)];
      }
      if (m.render.portrait)
        s += std::string(s.empty() ? "" : " ") + (*m.render.portrait ? "portrait" : "landscape");
      return s;
    };
    if (page(a_) != page(b_)) add("metadata-changed", "render", page(a_), page(b_), "model");
  }

  void items() {
    const auto old_items = items_by_id(a_), new_items = items_by_id(b_);
    // Renames: an id gone and an id new, in one stage, with one label. Paired in file order.
    std::vector<const Item*> gone, fresh;
    for (const Item& it : a_.items) {
      if (!it.id.value.empty() && old_items.at(it.id.value) == &it &&
          !new_items.count(it.id.value)) {
        gone.push_back(&it);
      }
    }
    for (const Item& it : b_.items) {
      if (!it.id.value.empty() && new_items.at(it.id.value) == &it &&
          !old_items.count(it.id.value)) {
        fresh.push_back(&it);
      }
    }
    // New items by stage and label, each list in file order: a gone item takes the first new
    // one with its stage and label. Linear in the number of items, not their square.
    std::map<std::pair<Stage, std::string>, std::deque<const Item*>> fresh_by_label;
    for (const Item* f : fresh) fresh_by_label[{f->stage, normalized(f->label.value)}].push_back(f);
    std::set<const Item*> used;
    std::map<std::string, const Item*> renamed_from;  // new id -> the old item
    for (const Item* g : gone) {
      auto match = fresh_by_label.find({g->stage, normalized(g->label.value)});
      if (match == fresh_by_label.end() || match->second.empty()) continue;
      const Item* f = match->second.front();
      match->second.pop_front();
      used.insert(f);
      rename_[g->id.value] = f->id.value;
      renamed_from[f->id.value] = g;
      out_.renames.emplace_back(g->id.value, f->id.value);
    }
    for (const Item* g : gone) {
      if (rename_.count(g->id.value)) continue;
      add("item-removed", g->id.value, g->label.value, std::nullopt,
          std::string(stage_section(g->stage)));
    }
    for (const Item& it : b_.items) {
      if (it.id.value.empty() || new_items.at(it.id.value) != &it) continue;
      const std::string section(stage_section(it.stage));
      const Item* before = nullptr;
      if (auto o = old_items.find(it.id.value); o != old_items.end()) {
        before = o->second;
      } else if (used.count(&it)) {
        before = renamed_from.at(it.id.value);
        add("item-renamed", it.id.value, before->id.value, it.id.value, section);
      } else {
        add("item-added", it.id.value, std::nullopt, it.label.value, section);
        continue;
      }
      compare_item(*before, it, section);
    }
  }

  void compare_item(const Item& a, const Item& b, const std::string& section) {
    const std::string& id = b.id.value;
    if (a.label.value != b.label.value)
      add("label-changed", id, a.label.value, b.label.value, section);
    if (text_or_null(a.detail) != text_or_null(b.detail)) {
      add("detail-changed", id, text_or_null(a.detail), text_or_null(b.detail), section);
    }
    const auto owner = [](const Item& it) {
      return it.extras ? text_or_null(it.extras->owner) : std::nullopt;
    };
    if (owner(a) != owner(b)) add("owner-changed", id, owner(a), owner(b), section);
    const auto detail_model = [](const Item& it) -> std::optional<std::string> {
      const Text* m = it.detail_model();
      return m ? std::optional<std::string>(m->value) : std::nullopt;
    };
    if (detail_model(a) != detail_model(b)) {
      add("model-changed", id, detail_model(a), detail_model(b), section);
    }
    const auto tags = [](const Item& it) -> std::optional<std::string> {
      if (!it.extras || it.extras->tags.empty()) return std::nullopt;
      std::vector<std::string> t;
      for (const Text& tag : it.extras->tags) t.push_back(tag.value);
      std::sort(t.begin(), t.end());
      return fmt::format("{}", fmt::join(t, ", "));
    };
    if (tags(a) != tags(b)) add("tags-changed", id, tags(a), tags(b), section);
    if (a.stage != b.stage) {
      add("stage-changed", id, std::string(stage_name(a.stage)), std::string(stage_name(b.stage)),
          section);
    } else if (term_or_null(a) != term_or_null(b)) {
      add("term-changed", id, term_or_null(a), term_or_null(b), section);
    }
    std::map<std::string, const Indicator*> before, after;
    for (const Indicator& ind : a.indicators()) before.emplace(indicator_key(ind), &ind);
    for (const Indicator& ind : b.indicators()) after.emplace(indicator_key(ind), &ind);
    for (const auto& [key, ind] : before) {
      if (!after.count(key)) add("indicator-removed", id, ind->label.value, std::nullopt, section);
    }
    for (const auto& [key, ind] : after) {
      auto o = before.find(key);
      if (o == before.end()) {
        add("indicator-added", id, std::nullopt, ind->label.value, section);
        continue;
      }
      const std::pair<const char*, const Text Indicator::*> kFields[] = {
          {"label", &Indicator::label},       {"source", &Indicator::source},
          {"baseline", &Indicator::baseline}, {"target", &Indicator::target},
          {"due", &Indicator::due},           {"frequency", &Indicator::frequency}};
      for (const auto& kv : kFields) {
        // Not a structured binding: clang 14 cannot capture one in the lambda below.
        const char* field = kv.first;
        const auto member = kv.second;
        const auto x = text_or_null(o->second->*member), y = text_or_null(ind->*member);
        if (x == y) continue;
        // One change per field: "target: 360" -> "target: 340", under the indicator's label.
        // Named, so a change is clear when the item has several: by its id, else its label.
        const std::string name =
            !ind->id.value.empty() ? ind->id.value : fmt::format("'{}'", o->second->label.value);
        auto show = [&](const std::optional<std::string>& v) -> std::optional<std::string> {
          return v ? std::optional<std::string>(fmt::format("{} {}: {}", name, field, *v))
                   : std::nullopt;
        };
        add("indicator-changed", id, show(x), show(y), section);
      }
    }
  }

  void links() {
    std::set<std::pair<std::string, std::string>> before;
    for (const auto& [from, to] : link_set(a_)) before.emplace(mapped(from), mapped(to));
    const auto after = link_set(b_);
    std::vector<std::pair<std::string, std::string>> removed, added;
    std::set_difference(before.begin(), before.end(), after.begin(), after.end(),
                        std::back_inserter(removed));
    std::set_difference(after.begin(), after.end(), before.begin(), before.end(),
                        std::back_inserter(added));
    for (const auto& [x, y] : removed)
      add("link-removed", link_name(x, y), std::nullopt, std::nullopt, "links");
    for (const auto& [x, y] : added)
      add("link-added", link_name(x, y), std::nullopt, std::nullopt, "links");
  }

  std::string mapped(const std::string& id) const {
    auto it = rename_.find(id);
    return it == rename_.end() ? id : it->second;
  }

  // Assumptions and factors are matched by id: the removed ones first, then the added ones
  // and `compare(before, after)` for those in both, in id order.
  template <typename T, typename Compare>
  void by_id(const std::vector<T>& old_list, const std::vector<T>& new_list, const char* noun,
             const char* section, Compare compare) {
    std::map<std::string, const T*> before, after;
    for (const T& x : old_list) {
      if (!x.id.value.empty()) before.emplace(x.id.value, &x);
    }
    for (const T& x : new_list) {
      if (!x.id.value.empty()) after.emplace(x.id.value, &x);
    }
    for (const auto& [id, x] : before) {
      if (!after.count(id))
        add(fmt::format("{}-removed", noun), id, x->text.value, std::nullopt, section);
    }
    for (const auto& [id, y] : after) {
      if (auto o = before.find(id); o != before.end()) {
        compare(id, *o->second, *y);
      } else {
        add(fmt::format("{}-added", noun), id, std::nullopt, y->text.value, section);
      }
    }
  }

  void assumptions() {
    const char* section = "assumptions";
    by_id(a_.assumptions, b_.assumptions, "assumption", section,
          [&](const std::string& id, const Assumption& x, const Assumption& y) {
            if (x.text.value != y.text.value) {
              add("assumption-text-changed", id, x.text.value, y.text.value, section);
            }
            if (x.status != y.status) {
              add("assumption-status-changed", id, std::string(status_name(x.status)),
                  std::string(status_name(y.status)), section);
            }
            const std::string ab = refs_key(x.about, rename_), aa = refs_key(y.about, {});
            if (ab != aa) add("assumption-about-changed", id, nonempty(ab), nonempty(aa), section);
            const auto evidence = [](const Assumption& as) {
              std::vector<std::string> e;
              for (const Text& t : as.evidence) e.push_back(t.value);
              return nonempty(fmt::format("{}", fmt::join(e, "; ")));
            };
            if (evidence(x) != evidence(y)) {
              add("assumption-evidence-changed", id, evidence(x), evidence(y), section);
            }
            const std::string tb = test_text(x.test), ta = test_text(y.test);
            if (tb != ta) add("assumption-test-changed", id, nonempty(tb), nonempty(ta), section);
          });
  }

  void factors() {
    const char* section = "external_factors";
    by_id(a_.factors, b_.factors, "factor", section,
          [&](const std::string& id, const ExternalFactor& x, const ExternalFactor& y) {
            if (x.text.value != y.text.value) {
              add("factor-changed", id, x.text.value, y.text.value, section);
            }
            const std::string ab = refs_key(x.affects, rename_), aa = refs_key(y.affects, {});
            if (ab != aa) add("factor-changed", id, "affects: " + ab, "affects: " + aa, section);
          });
  }

  const Model& a_;
  const Model& b_;
  std::map<std::string, std::string> rename_;
  ChangeSet out_;
};

// Findings compared by rule and item (old items under their new names); by rule and message
// where there is no item.
std::tuple<std::string, std::string, std::string> finding_key(
    const Diagnostic& d, const std::map<std::string, std::string>& rename) {
  if (d.item.empty()) return {d.rule, "", d.message};
  auto it = rename.find(d.item);
  return {d.rule, it == rename.end() ? d.item : it->second, ""};
}

}  // namespace

int ChangeSet::added() const {
  return static_cast<int>(std::count_if(
      changes.begin(), changes.end(), [](const Change& c) { return c.kind.ends_with("-added"); }));
}

int ChangeSet::removed() const {
  return static_cast<int>(std::count_if(changes.begin(), changes.end(), [](const Change& c) {
    return c.kind.ends_with("-removed");
  }));
}

int ChangeSet::changed() const {
  return static_cast<int>(changes.size()) - added() - removed();
}

ChangeSet diff_models(const Model& before, const Model& after,
                      const std::vector<Diagnostic>& before_findings,
                      const std::vector<Diagnostic>& after_findings) {
  ChangeSet cs = Differ(before, after).run();
  const std::map<std::string, std::string> rename(cs.renames.begin(), cs.renames.end());
  std::multiset<std::tuple<std::string, std::string, std::string>> old_keys, new_keys;
  for (const auto& d : before_findings) old_keys.insert(finding_key(d, rename));
  for (const auto& d : after_findings) new_keys.insert(finding_key(d, {}));
  for (const auto& d : after_findings) {
    auto it = old_keys.find(finding_key(d, {}));
    if (it == old_keys.end()) {
      cs.introduced.push_back(d);
    } else {
      old_keys.erase(it);
    }
  }
  for (const auto& d : before_findings) {
    auto it = new_keys.find(finding_key(d, rename));
    if (it == new_keys.end()) {
      cs.resolved.push_back(d);
    } else {
      new_keys.erase(it);
    }
  }
  return cs;
}

}  // namespace lmc
