// SPDX-License-Identifier: Apache-2.0
// The table of rules, sorted by id: what each is called, how severe it is by default, what it
// finds and how to fix it. Data only: the loader, the configuration, the checks and every
// report read it; the checks themselves are in check/registry.cpp.
#include <algorithm>

#include "lmc/rules.h"
#include "rules/rule_docs.h"

namespace lmc {

namespace {

constexpr Rule kRules[] = {
    {"adaptation-without-reason", Severity::warning, Category::evaluation,
     "a recorded adaptation does not say why it was made",
     "add `reason:`: what about this site made the change necessary"},
    {"blueprint-drift", Severity::info, Category::evaluation,
     "the blueprint's version is newer than the version this model adapts",
     "compare the two versions, take what applies here, and update `adapts.version`"},
    {"context-assumption-unexamined", Severity::warning, Category::evaluation,
     "a context assumption is carried over with the blueprint's status and evidence, and no "
     "local evidence or test",
     "set `status: untested` and give it a local `test`, or local `evidence`"},
    {"core-dropped", Severity::error, Category::logic,
     "a core item of the blueprint is missing and no adaptation records it",
     "keep the core component, or record its dropping with the reason under `adaptations:`"},
    {"core-modified", Severity::warning, Category::logic,
     "a core item's label, stage or links changed without a record",
     "keep it as the blueprint has it, or record the change with the reason under "
     "`adaptations:`"},
    {"cycle", Severity::warning, Category::logic, "links form a loop",
     "break the loop: a logic model runs one way, from resources to impact"},
    {"disconnected-model", Severity::warning, Category::logic,
     "a model detailed by a box's `model` has no link to or from the model that names it",
     "link the work stream's outputs or outcomes to what they serve in the programme, with "
     "`to: [../programme.yaml#id]`"},
    {"duplicate-id", Severity::error, Category::format, "two items share an id",
     "give each item, assumption and external factor its own id"},
    {"duplicate-key", Severity::error, Category::format, "one mapping has the same key twice",
     "keep one of the two keys and delete the other"},
    {"failed-assumption", Severity::warning, Category::evaluation,
     "an assumption with status `fails` is still attached to the model",
     "revise the items and links that rest on it, or mark the assumption as it now stands"},
    {"incomplete-indicator", Severity::info, Category::evaluation,
     "an indicator has no baseline, target, source or due date: it cannot show change",
     "add what is missing: where the figure starts (`baseline`), where it should get to "
     "(`target`), where it comes from (`source`), and by when (`due`)"},
    {"invalid-value", Severity::error, Category::format,
     "wrong type, unknown enum value, malformed id or date",
     "write the value as the format describes (`lmc explain invalid-value`)"},
    {"long-label", Severity::info, Category::format, "a label is longer than 80 characters",
     "shorten the label and move the rest into `detail`"},
    {"misordered-link", Severity::error, Category::logic, "a link goes backward along the chain",
     "point the link forward (resources -> activities -> outputs -> outcomes -> impacts), or use "
     "`from` instead of `to`"},
    {"missing-field", Severity::error, Category::format, "a required key is missing",
     "add the missing key"},
    {"missing-model", Severity::error, Category::logic,
     "a box's `model`, a PATH#id reference or `adapts`, names a file that does not exist or is "
     "not a logic model",
     "fix the path (relative to the file it is written in, with '/'), or create the model"},
    {"missing-term", Severity::info, Category::logic, "an outcome has no `term`",
     "add `term: short`, `term: medium` or `term: long`"},
    {"orphan-output", Severity::warning, Category::logic, "an output links to no outcome or impact",
     "link the output to the outcome it contributes to, with `to: [outcome-id]`"},
    {"overdue-test", Severity::info, Category::evaluation,
     "an assumption's test was due before today and its status is still untested or testing",
     "record the test's result in `status` and `evidence`, or set a new `due` date"},
    {"page-overflow", Severity::warning, Category::format,
     "drawn on its page, the box text would print below 7 pt: it will not fit one legible page",
     "merge boxes, or move the detail into a nested model for the work stream"},
    {"skipped-stage", Severity::warning, Category::logic,
     "a resource links straight to an output, outcome or impact, or an activity straight to an "
     "impact",
     "link through the missing stage: a resource to the activity that uses it, an activity to "
     "the output and outcome that lead to the impact"},
    {"stale-indicator", Severity::warning, Category::evaluation,
     "an indicator's latest result is older than two periods of its `frequency`",
     "add the results since (a row `indicator,date,value` a period to the results CSV), or "
     "change `frequency` to how often it is really measured"},
    {"stranded-outcome", Severity::warning, Category::logic,
     "an outcome from which no path reaches an impact (when the model has impacts)",
     "link the outcome to the later outcome or impact it leads to, with `to: [id]`"},
    {"unattached-assumption", Severity::warning, Category::evaluation,
     "an assumption has no `about`",
     "say which items or links (\"a -> b\") it is about, with `about: [...]`"},
    {"unattached-factor", Severity::info, Category::evaluation,
     "an external factor has no `affects`",
     "say which items or links it affects, with `affects: [...]`"},
    {"unknown-indicator", Severity::error, Category::evaluation,
     "a row of the results CSV names no indicator of the model",
     "write the indicator's id as the model has it (ITEM/INDICATOR when ids repeat), or add the "
     "indicator to the model"},
    {"unknown-key", Severity::error, Category::format, "a key the format does not have",
     "fix the key's spelling, or remove it"},
    {"unknown-reference", Severity::error, Category::logic,
     "`to`, `from`, `about` or `affects` names nothing",
     "fix the id's spelling, or add the item it names"},
    {"unlinked-activity", Severity::warning, Category::logic,
     "an activity links to nothing downstream",
     "link the activity to the output it produces, with `to: [output-id]`"},
    {"unmeasured-outcome", Severity::warning, Category::evaluation, "an outcome has no indicator",
     "add an indicator: what will be measured, from which source, against which baseline"},
    {"unproduced-output", Severity::warning, Category::logic,
     "no activity links to an output: nothing produces it",
     "link the activity that delivers it to the output (`to: [output-id]`), and the output on "
     "to the outcome it leads to"},
    {"unrecorded-adaptation", Severity::info, Category::evaluation,
     "an item or link differs from the blueprint without a record",
     "record the change with the reason under `adaptations:`"},
    {"unresourced-activity", Severity::info, Category::logic,
     "no resource links to an activity, directly or through the activities before it",
     "link the resource that pays for or staffs the activity, with `to: [activity-id]`"},
    {"unsupported-outcome", Severity::warning, Category::logic,
     "no activity reaches an outcome or impact",
     "link it from the outputs or outcomes that bring it about"},
    {"unsupported-version", Severity::error, Category::format, "`logic_model` is missing or not 1",
     "start the file with `logic_model: 1`"},
    {"untested-assumption", Severity::warning, Category::evaluation,
     "an assumption has no evidence, no test method, and status untested or testing",
     "add `evidence`, or a `test` with a `method` saying how it will be tested"},
    {"unused-resource", Severity::warning, Category::logic, "a resource feeds no activity",
     "link the resource to the activity it pays for or staffs, or remove it"},
    {"unused-suppression", Severity::warning, Category::format,
     "a `# lmc: ignore[rule]` comment suppresses no finding (reported with "
     "--report-unused-ignores)",
     "delete the comment, or the rule id in it that no longer fires"},
    {"yaml-syntax", Severity::error, Category::format, "the file is not valid YAML",
     "fix the YAML at the position shown"},
};

}  // namespace

std::string_view to_string(Category c) {
  switch (c) {
    case Category::format: return "format";
    case Category::logic: return "logic";
    case Category::evaluation: return "evaluation";
  }
  return "logic";
}

std::span<const Rule> all_rules() {
  return kRules;
}

const Rule* find_rule(std::string_view id) {
  const auto* it = std::lower_bound(std::begin(kRules), std::end(kRules), id,
                                    [](const Rule& r, std::string_view key) { return r.id < key; });
  return it != std::end(kRules) && it->id == id ? it : nullptr;
}

std::string rule_page_url(std::string_view id) {
  return std::string(LMC_HOMEPAGE) + "/blob/main/docs/rules/" + std::string(id) + ".md";
}

std::string_view rule_doc(std::string_view id) {
  for (std::size_t i = 0; i < kRuleDocsCount; ++i) {
    if (kRuleDocs[i].id == id) return kRuleDocs[i].text;
  }
  return {};
}

}  // namespace lmc
