// SPDX-License-Identifier: Apache-2.0
#include "load/format.h"

#include "lmc/load.h"

#include <cctype>

namespace lmc::format {

namespace {

constexpr unsigned kMeasured =
    stage_bit(Stage::output) | stage_bit(Stage::outcome) | stage_bit(Stage::impact);

constexpr KeySpec kTop[] = {
    {"logic_model", "Format version of this file. Must be the integer 1.", ValueType::version,
     true},
    {"title", "The programme's name, shown in the diagram's title block.", ValueType::text, true},
    {"problem", "The situation the programme exists to change.", ValueType::text, false},
    {"description", "A longer description of the programme.", ValueType::text, false},
    {"programme", "The programme or partnership this model belongs to.", ValueType::text, false},
    {"population", "The people the programme serves.", ValueType::text, false},
    {"owner", "Who owns this model (a board, a team, a person).", ValueType::text, false},
    {"version", "The model's own version, e.g. \"2.3\".", ValueType::text, false},
    {"updated", "When the model was last revised, as YYYY-MM-DD.", ValueType::date, false},
    {"results",
     "The CSV of measured values (indicator,date,value[,note]), relative to this file: `lmc "
     "status` and `check` read it.",
     ValueType::text, false},
    {"render", "Defaults for `lmc render`: page size and orientation.", ValueType::render, false},
    {"adapts",
     "The blueprint this model adapts: `model` (its path, relative to this file) and `version` "
     "(the blueprint's version when it was adopted).",
     ValueType::adapts, false},
    {"adaptations",
     "Each deliberate change from the blueprint: item, change, reason, planned, decided_by, "
     "date, fidelity.",
     ValueType::adaptations, false},
    {"resources", "Inputs the programme has: money, staff, estates, IT.", ValueType::items, false},
    {"activities", "What the programme does.", ValueType::items, false},
    {"outputs", "What the activities produce, countable: care plans agreed, patients seen.",
     ValueType::items, false},
    {"outcomes", "Changes for people the outputs should bring about, short, medium or long term.",
     ValueType::items, false},
    {"impacts", "The lasting change the programme exists for.", ValueType::items, false},
    {"assumptions", "Beliefs the chain rests on, each with a status and a way to test it.",
     ValueType::assumptions, false},
    {"external_factors", "Things outside the programme that can swamp it.", ValueType::factors,
     false},
};

constexpr KeySpec kRender[] = {
    {"page", "Paper size: a5, a4, a3, letter, legal or tabloid; screen: a 16:9 slide.",
     ValueType::page, false},
    {"orientation", "landscape (the default) or portrait.", ValueType::orientation, false},
};

constexpr KeySpec kItem[] = {
    {"id", "Unique id: a letter, then letters, digits, '-' or '_'. Links use it.", ValueType::id,
     true},
    {"label", "The short text in the box.", ValueType::text, true},
    {"detail", "Longer text for tooltips and exports; not drawn on the page.", ValueType::text,
     false},
    {"to",
     "Id or list of ids this item leads to (downstream); PATH#id names an item of another "
     "model.",
     ValueType::ids, false},
    {"from",
     "Id or list of ids that lead to this item (upstream); PATH#id names an item of another "
     "model.",
     ValueType::ids, false},
    {"term", "Outcomes only: short, medium or long.", ValueType::term, false,
     stage_bit(Stage::outcome)},
    {"indicators", "How this is measured: a list of indicators.", ValueType::indicators, false,
     kMeasured},
    {"owner", "Who is responsible for this item.", ValueType::text, false},
    {"tags", "Free-form tags.", ValueType::texts, false},
    {"core",
     "true: a core component, to keep wherever the model is adopted (an adaptation that drops "
     "or changes it says why).",
     ValueType::boolean, false},
    {"ignore", "Rule ids not to report for this item.", ValueType::rule_ids, false},
    {"model",
     "Path (relative to this file, with '/') of the model that details this box: a work "
     "stream's own logic model.",
     ValueType::model_path, false},
};

constexpr KeySpec kIndicator[] = {
    {"id", "Optional id of the indicator.", ValueType::id, false},
    {"label", "What is measured.", ValueType::text, true},
    {"source", "Where the data comes from.", ValueType::text, false},
    {"baseline", "The value before the programme.", ValueType::text, false},
    {"baseline_date", "When the baseline was measured, as YYYY-MM-DD.", ValueType::date, false},
    {"target", "The value the programme aims for.", ValueType::text, false},
    {"due", "When the target should be met, as YYYY-MM-DD.", ValueType::date, false},
    {"frequency", "How often it is measured.", ValueType::text, false},
};

constexpr KeySpec kAssumption[] = {
    {"id", "Unique id of the assumption.", ValueType::id, true},
    {"text", "What is assumed, in plain words.", ValueType::text, true},
    {"about",
     "The items or links (\"a -> b\") this assumption is about; PATH#id names an item of "
     "another model.",
     ValueType::references, false},
    {"status", "untested (the default), testing, holds or fails.", ValueType::status, false},
    {"evidence", "Evidence for or against: a string or a list of strings.",
     ValueType::text_or_texts, false},
    {"test", "How the assumption will be tested: method, indicator, due, owner.", ValueType::test,
     false},
    {"context",
     "true: it holds only where the local context makes it so; a site adopting the model "
     "re-tests it.",
     ValueType::boolean, false},
    {"ignore", "Rule ids not to report for this assumption.", ValueType::rule_ids, false},
};

constexpr KeySpec kTest[] = {
    {"method", "How the assumption will be tested.", ValueType::text, false},
    {"indicator", "The indicator that will show it.", ValueType::text, false},
    {"due", "When the test is due, as YYYY-MM-DD.", ValueType::date, false},
    {"owner", "Who runs the test.", ValueType::text, false},
};

constexpr KeySpec kFactor[] = {
    {"id", "Unique id of the external factor.", ValueType::id, true},
    {"text", "The factor, in plain words.", ValueType::text, true},
    {"affects",
     "The items or links (\"a -> b\") it affects; PATH#id names an item of another model.",
     ValueType::references, false},
    {"ignore", "Rule ids not to report for this factor.", ValueType::rule_ids, false},
};

constexpr KeySpec kAdapts[] = {
    {"model", "The blueprint: its path relative to this file, with '/'.", ValueType::model_path,
     true},
    {"version", "The blueprint's `version` when this model adopted it.", ValueType::text, false},
};

constexpr KeySpec kAdaptation[] = {
    {"item", "What changed: an item's id, or a link \"a -> b\".", ValueType::references, true},
    {"change", "dropped, modified, added or replaced.", ValueType::change, true},
    {"reason", "Why: what about this site made the change necessary.", ValueType::text, false},
    {"planned",
     "true when it was planned before the model was adopted, false when it was made "
     "on the way.",
     ValueType::boolean, false},
    {"decided_by", "Who decided it.", ValueType::text, false},
    {"date", "When, as YYYY-MM-DD.", ValueType::date, false},
    {"fidelity",
     "Whether it keeps to the blueprint's core functions: consistent, inconsistent or unknown.",
     ValueType::fidelity, false},
};

}  // namespace

std::span<const KeySpec> keys_of(MapKind kind) {
  switch (kind) {
    case MapKind::top: return kTop;
    case MapKind::render: return kRender;
    case MapKind::item: return kItem;
    case MapKind::indicator: return kIndicator;
    case MapKind::assumption: return kAssumption;
    case MapKind::test: return kTest;
    case MapKind::factor: return kFactor;
    case MapKind::adapts: return kAdapts;
    case MapKind::adaptation: return kAdaptation;
  }
  return {};
}

const KeySpec* find_key(MapKind kind, std::string_view name) {
  for (const KeySpec& k : keys_of(kind)) {
    if (k.name == name) return &k;
  }
  return nullptr;
}

std::vector<std::string_view> key_names(MapKind kind, Stage stage) {
  std::vector<std::string_view> names;
  for (const KeySpec& k : keys_of(kind)) {
    if (kind != MapKind::item || (k.stages & stage_bit(stage))) names.push_back(k.name);
  }
  return names;
}

bool is_valid_id(std::string_view text) {
  if (text.empty() || !std::isalpha(static_cast<unsigned char>(text[0]))) return false;
  for (char c : text) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
  }
  return true;
}

}  // namespace lmc::format

namespace lmc {

bool is_valid_date(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(t[i]))) return false;
  }
  const int y = std::stoi(std::string(t.substr(0, 4)));
  const int m = std::stoi(std::string(t.substr(5, 2)));
  const int d = std::stoi(std::string(t.substr(8, 2)));
  if (m < 1 || m > 12 || d < 1) return false;
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

}  // namespace lmc
