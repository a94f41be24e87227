// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lmc/source.h"

namespace lmc {

/// The five stages of the chain, in causal order.
enum class Stage : std::uint8_t { resource, activity, output, outcome, impact };
inline constexpr std::array kStages = {Stage::resource, Stage::activity, Stage::output,
                                       Stage::outcome, Stage::impact};

/// Outcome terms. `none` is an outcome without a term; it counts as medium.
enum class Term : std::uint8_t { none, short_term, medium_term, long_term };

enum class AssumptionStatus { untested, testing, holds, fails };

/// "resource", "activity", ... (singular, for messages).
std::string_view stage_name(Stage s);
/// "resources", "activities", ... (the section key in the file).
std::string_view stage_section(Stage s);
/// "Resources", "Activities", ... (column headers).
std::string_view stage_title(Stage s);
std::string_view term_name(Term t);
std::string_view status_name(AssumptionStatus s);

/// A scalar value with where it came from. `span` is unknown when the key was absent.
struct Text {
  std::string value;
  Span span;

  bool present() const { return span.known(); }
};

/// One reference written in `to`, `from`, `about` or `affects`.
struct Ref {
  enum class Kind : std::uint8_t { to, from, about, affects };
  std::string target;  ///< an id, or for about/affects possibly "a -> b"
  Span span;
  Kind kind = Kind::to;
};

struct Indicator {
  Text id, label, source, baseline, target, due, frequency;
  Text baseline_date;     ///< when the baseline was measured (YYYY-MM-DD)
  Span span;              ///< the indicator mapping
  bool doubtful = false;  ///< a field had an error the loader reported (a malformed due date)
};

/// What an item rarely has, kept out of line so a large model stays small in memory: most
/// items have none of it, and outcomes with indicators pay for one allocation.
struct ItemExtras {
  Text owner;
  std::vector<Text> tags;
  std::vector<Indicator> indicators;
  std::vector<Text> ignore;
  Text model;         ///< `model:` the path of the model that details this box, as written
  bool core = false;  ///< `core: true`: a component to keep wherever the model is adopted
  Span core_span;
};

/// A box in the diagram: a resource, activity, output, outcome or impact.
struct Item {
  Text id;  ///< empty value when the id was missing or malformed (already reported)
  Text label;
  Text detail;
  std::vector<Ref> links;              ///< `to` and `from` references in file order
  std::unique_ptr<ItemExtras> extras;  ///< owner, tags, indicators, ignore; null when none
  Span span;                           ///< the item mapping
  Span term_span;
  Stage stage = Stage::resource;
  Term term = Term::none;
  bool links_doubtful = false;       ///< `to`/`from` had an error the loader reported
  bool term_doubtful = false;        ///< `term` had an error the loader reported
  bool indicators_doubtful = false;  ///< `indicators` had errors and none could be read

  std::span<const Indicator> indicators() const {
    return extras ? std::span<const Indicator>(extras->indicators) : std::span<const Indicator>();
  }
  std::span<const Text> ignore() const {
    return extras ? std::span<const Text>(extras->ignore) : std::span<const Text>();
  }
  /// `core: true`: a core component of a blueprint (spec, "Spread").
  bool core() const { return extras && extras->core; }
  /// The `model:` of this box (the model that details it); null when it has none.
  const Text* detail_model() const {
    return extras && extras->model.present() ? &extras->model : nullptr;
  }
  /// The out-of-line fields, allocated on first use.
  ItemExtras& extra() {
    if (!extras) extras = std::make_unique<ItemExtras>();
    return *extras;
  }
};

struct AssumptionTest {
  Text method, indicator, due, owner;
  Span span;  ///< the `test` key; unknown when absent
};

struct Assumption {
  Text id, text;
  std::vector<Ref> about;
  AssumptionStatus status = AssumptionStatus::untested;
  Span status_span;
  std::vector<Text> evidence;
  AssumptionTest test;
  std::vector<Text> ignore;
  Span span;
  /// `context: true`: true only where the local context makes it so; an adaptation re-tests it.
  bool context = false;
  Span context_span;
  bool status_doubtful = false;  ///< `status` had an error the loader reported
  bool about_doubtful = false;   ///< `about` had an error the loader reported
};

struct ExternalFactor {
  Text id, text;
  std::vector<Ref> affects;
  std::vector<Text> ignore;
  Span span;
  bool affects_doubtful = false;  ///< `affects` had an error the loader reported
};

/// `adapts:` the blueprint a model adapts (spec, "Spread"): its path relative to this model,
/// and the blueprint's `version` when it was adopted.
struct Adapts {
  Text model, version;
  Span span;  ///< the `adapts` key; unknown when the model adapts nothing
  bool present() const { return span.known(); }
};

/// One deliberate change from the blueprint, recorded under `adaptations:` (after FRAME,
/// Wiltsey Stirman et al. 2019).
struct Adaptation {
  enum class Change : std::uint8_t { dropped, modified, added, replaced };
  enum class Fidelity : std::uint8_t { unknown, consistent, inconsistent };
  Text item;  ///< an id, or a link "a -> b"
  Change change = Change::modified;
  Text reason, decided_by, date;
  std::optional<bool> planned;
  Fidelity fidelity = Fidelity::unknown;
  Span span;         ///< the record
  Span change_span;  ///< its `change`
};
std::string_view change_name(Adaptation::Change c);
std::string_view fidelity_name(Adaptation::Fidelity f);

/// Page sizes a diagram can be drawn on.
/// Paper sizes, and `screen`: a 16:9 slide (10 by 5.625 inches), for a projector.
enum class PageSize { a5, a4, a3, letter, legal, tabloid, screen };

struct RenderSettings {
  std::optional<PageSize> page;
  std::optional<bool> portrait;
};

/// A logic model as written, with the source position of everything a finding can point at.
/// Items keep file order; nothing here is resolved (see Graph for links).
struct Model {
  std::string path;
  Text title, problem, description, programme, population, owner, version, updated;
  Text results;   ///< `results:` the CSV of measured values, relative to the model
  Adapts adapts;  ///< the blueprint this model adapts; absent for most models
  std::vector<Adaptation> adaptations;
  RenderSettings render;
  std::vector<Item> items;
  std::vector<Assumption> assumptions;
  std::vector<ExternalFactor> factors;
  /// The key of each stage's section (`resources:` ...), indexed by Stage; unknown when absent.
  std::array<Span, 5> section_spans{};
  /// Ids that were written but rejected by the loader (malformed): references to them are
  /// not reported again.
  std::vector<std::string> rejected_ids;
};

/// The top-level texts of a model with their keys in the file, for what lists them all (the
/// diff, the JSON export).
inline constexpr std::pair<std::string_view, Text Model::*> kModelTexts[] = {
    {"title", &Model::title},
    {"problem", &Model::problem},
    {"description", &Model::description},
    {"programme", &Model::programme},
    {"population", &Model::population},
    {"owner", &Model::owner},
    {"version", &Model::version},
    {"updated", &Model::updated},
    {"results", &Model::results}};

/// Splits a reference to another model's item, "PATH#id", into PATH and id; nullopt when the
/// text has no '#' (an id of this model).
std::optional<std::pair<std::string_view, std::string_view>> split_file_ref(std::string_view text);

/// Why a path written in `model:` or before '#' is not one lmc follows ("it is a URL: ..."),
/// or empty when it is a relative path written with forward slashes.
std::string bad_model_path(std::string_view path);

/// Splits "a -> b" into its two ids; nullopt when the text is not a link reference.
std::optional<std::pair<std::string, std::string>> parse_link_ref(std::string_view text);

/// The item of `m` with this id, or null.
const Item* find_item(const Model& m, std::string_view id);

/// Whether a link from one item to another goes forward along the chain.
bool link_goes_forward(Stage from, Term from_term, Stage to, Term to_term);

}  // namespace lmc
