// SPDX-License-Identifier: Apache-2.0
// Spread (spec, "Spread"): an adaptation compared with its blueprint, and the sites that adopted
// a blueprint side by side (`lmc spread`): what became of each core component at each site,
// with the reasons recorded; what each site added or changed besides; and each assumption's
// status and evidence site by site, so that a programme learns where its theory holds.
#pragma once

#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "lmc/diff.h"
#include "lmc/model.h"
#include "lmc/registers.h"

namespace lmc {

/// An adaptation compared with its blueprint through the diff engine (identity by id, renames
/// included); its `adaptations:` records say which changes were meant.
struct Lineage {
  const Model* blueprint = nullptr;
  const Model* adaptation = nullptr;
  ChangeSet changes;  ///< blueprint -> adaptation
  /// The blueprint's items the adaptation no longer has, and the items it added.
  std::set<std::string, std::less<>> removed, added;

  /// Whether a record covers a change about `item` (an id, or "a -> b": a link is covered by a
  /// record of it or of either end).
  bool covers(std::string_view item) const;
  /// The record that covers `item` as covers() says (the record of the link itself before
  /// one of an end); null when none does.
  const Adaptation* record_of(std::string_view item) const;
  /// Whether `c` is a link to or from an item the adaptation dropped: it went with the item,
  /// and is said once, as the item's dropping.
  bool with_removed_end(const Change& c) const;
  /// Whether the blueprint marks its item `id` as a core component.
  bool core(std::string_view id) const;
};

Lineage compare_with_blueprint(const Model& blueprint, const Model& adaptation);

/// What a change of an item or link says of it, in a few words: "its label", "the link a -> b
/// dropped".
std::string what_changed(const Change& c);

/// What became of a core component at one site.
enum class CoreFate { kept, modified, replaced, dropped };
std::string_view fate_name(CoreFate f);

/// One core component at one site.
struct SpreadCell {
  CoreFate fate = CoreFate::kept;
  std::vector<std::string> changes;    ///< what differs ("its label (now 'An e-form')")
  const Adaptation* record = nullptr;  ///< the record that says why; null: none
  bool unrecorded = false;             ///< something differs that no record covers
};

struct SpreadComponent {
  std::string id, label;
  Stage stage = Stage::resource;
  std::vector<SpreadCell> sites;  ///< one per site, in the report's order
};

/// Something else a site did: an item or link added, or an item or link of the blueprint that
/// is not a core component's dropped or changed.
struct SpreadChange {
  std::string kind;    ///< "added", "dropped" or "modified"
  std::string item;    ///< an id, or "a -> b"
  std::string what;    ///< "activity 'A pharmacist checks the medicines'", "the link a -> b"
  std::string detail;  ///< modified: what differs ("its label, now 'A transfer lead'")
  const Adaptation* record = nullptr;
};

/// One assumption at one site.
struct SpreadStatus {
  bool present = false;  ///< false: the site has no such assumption (dropped, or not adopted)
  AssumptionStatus status = AssumptionStatus::untested;
  std::vector<std::string> evidence;
  std::string test;       ///< "Audit of 50 transfers, due 2027-06-30": how it is tested
  bool carried = false;   ///< a context assumption as the blueprint has it (unexamined)
  bool reworded = false;  ///< its text or what it is about differs from the blueprint's
  const Adaptation* record = nullptr;  ///< the record of it (absent, or changed), if any
};

struct SpreadAssumption {
  std::string id, text;
  bool context = false;
  int origin = -1;  ///< -1: the blueprint's; else the site (index) that added it
  AssumptionStatus status = AssumptionStatus::untested;  ///< where it comes from
  std::vector<std::string> evidence;                     ///< where it comes from
  std::vector<SpreadStatus> sites;                       ///< one per site

  /// "held in 3 sites, failed in 2, untested in 1" (and "not adopted in 1").
  std::string summary() const;
  /// A site without it: "not adopted" (the blueprint's), "absent" (a site's own).
  std::string_view absent_word() const { return origin < 0 ? "not adopted" : "absent"; }
};

struct SpreadSite {
  const Model* model = nullptr;
  std::string path;  ///< the model's file as given
  std::string name;  ///< its title less the blueprint's ("Northfield"), else its path
  std::vector<SpreadChange> changes;  ///< besides the core components, in the diff's order
};

struct SpreadReport {
  const Model* blueprint = nullptr;
  std::string path;  ///< the blueprint's file as given
  std::vector<SpreadSite> sites;
  std::vector<SpreadComponent> core;          ///< the blueprint's core items, in file order
  std::vector<SpreadAssumption> assumptions;  ///< the blueprint's, then each site's own
};

/// What the blueprint says of one id of an adaptation (for an editor's hover and completion):
/// the blueprint's item or assumption of that id (or the one renamed to it), and what became
/// of it here; or that the adaptation added it.
struct BlueprintView {
  enum class Kind { item, assumption, added } kind = Kind::added;
  std::string id;     ///< in the blueprint (the old id of a renamed item)
  std::string there;  ///< its label or statement in the blueprint
  Stage stage = Stage::resource;
  bool core = false;     ///< an item the blueprint marks `core: true`
  bool context = false;  ///< an assumption it marks `context: true`
  AssumptionStatus status = AssumptionStatus::untested;  ///< an assumption's, there
  std::vector<std::string> evidence;                     ///< an assumption's, there
  /// Here: an item's fate and what differs; an assumption's state here.
  SpreadCell cell;
  SpreadStatus here;
  const Adaptation* record = nullptr;  ///< the record of it, if any
};
/// Nullopt when `id` is neither the blueprint's nor an item or assumption of the adaptation.
std::optional<BlueprintView> blueprint_view(const Model& blueprint, const Model& adaptation,
                                            std::string_view id);

/// A model that adapts the blueprint, and its file as given.
struct SiteModel {
  const Model* model = nullptr;
  std::string path;
};

SpreadReport make_spread(const Model& blueprint, std::string path,
                         const std::vector<SiteModel>& sites);

/// `format`: text, markdown, json or html.
void write_spread(std::ostream& out, const SpreadReport& report, std::string_view format);

/// The sheets of `lmc spread --format xlsx`: "Core components" (a component a row, a site a
/// column), "Core by site", "Site changes", "Assumptions" and "Assumptions by site".
std::vector<Sheet> spread_sheets(const SpreadReport& report);

/// The JSON Schema (draft-07) of `lmc spread --format json`; schemas/spread.schema.json is a
/// copy.
std::string spread_schema();

}  // namespace lmc
