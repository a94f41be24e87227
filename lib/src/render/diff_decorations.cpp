// SPDX-License-Identifier: Apache-2.0
// ChangeSet -> Decorations: how the visual diff marks what changed between two revisions.
#include <map>
#include <set>

#include "diff/identity.h"
#include "lmc/diff.h"

namespace lmc {

using identity::indicator_key;
using identity::items_by_id;

Decorations diff_decorations(const Model& before, const Model& after, const ChangeSet& cs) {
  const Highlight added{"#228833", false}, changed{"#EE7733", true}, removed{"#CC3311", true};
  Decorations d;
  d.ghost = removed;
  const auto old_items = items_by_id(before);
  std::set<std::string> removed_ids;
  for (const Change& c : cs.changes) {
    if (c.kind == "item-added") {
      d.items[c.item] = added;
    } else if (c.kind == "item-removed") {
      const Item& it = *old_items.at(c.item);
      d.ghost_items.push_back(GhostItem{it.id.value, it.label.value, it.stage, it.term});
      removed_ids.insert(c.item);
    } else if (c.kind == "link-added") {
      if (const auto link = parse_link_ref(c.item)) d.links[{link->first, link->second}] = added;
    } else if (c.kind == "link-removed") {
      if (const auto link = parse_link_ref(c.item)) {
        d.ghost_links.emplace_back(link->first, link->second);
      }
    } else if (c.section == "assumptions" || c.section == "external_factors") {
      const bool is_new = c.kind.ends_with("-added");
      if (!c.kind.ends_with("-removed") && (is_new || !d.rows.count(c.item))) {
        d.rows[c.item] = is_new ? added : changed;
      }
    } else if (c.section != "model" && c.section != "links" && !d.items.count(c.item)) {
      d.items[c.item] = changed;
    }
  }
  // Indicators whose values changed show what they said before (with --indicators).
  std::map<std::string, std::string> old_name;  // new id -> old id
  for (const auto& [from, to] : cs.renames) old_name[to] = from;
  for (const Item& it : after.items) {
    if (it.id.value.empty()) continue;
    auto renamed = old_name.find(it.id.value);
    auto old = old_items.find(renamed == old_name.end() ? it.id.value : renamed->second);
    if (old == old_items.end()) continue;
    std::map<std::string, const Indicator*> was;
    for (const Indicator& ind : old->second->indicators()) was.emplace(indicator_key(ind), &ind);
    for (std::size_t k = 0; k < it.indicators().size(); ++k) {
      auto o = was.find(indicator_key(it.indicators()[k]));
      if (o == was.end()) continue;
      std::string before_text = indicator_text(*o->second);
      if (before_text == indicator_text(it.indicators()[k])) continue;
      // Under the same label, only the values it had: "was 420 → 380 by 2018-03-31".
      const std::string label = o->second->label.value + ": ";
      if (o->second->label.value == it.indicators()[k].label.value &&
          before_text.starts_with(label)) {
        before_text.erase(0, label.size());
      }
      d.indicator_was[it.id.value][k] = before_text;
    }
  }
  std::vector<std::pair<Highlight, std::string>> key = {
      {added, "added"}, {changed, "changed"}, {removed, "removed (as it was)"}};
  d.key = std::move(key);
  return d;
}

}  // namespace lmc
