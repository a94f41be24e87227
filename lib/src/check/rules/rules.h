// SPDX-License-Identifier: Apache-2.0
// The check function of every rule that looks at the typed model; one file each.
#pragma once

#include <fmt/format.h>

#include <span>

#include "lmc/check.h"
#include "lmc/graph.h"
#include "lmc/model.h"
#include "lmc/rules.h"

namespace lmc {

/// A rule about one model at a time (its findings land in that model's file).
using CheckFn = void (*)(const Model&, const RuleContext&, Findings&);
/// A rule about the graph of every model checked together: it says where each finding lands.
using GraphCheckFn = void (*)(const RuleContext&, Findings&);

/// The check of one rule (one of the two set), by the rule's id in the table.
struct RuleCheck {
  std::string_view id;
  CheckFn check = nullptr;
  GraphCheckFn check_graph = nullptr;
};
/// Every rule's check, sorted by id (check/registry.cpp); the rules the loader reports while
/// reading the file have none.
std::span<const RuleCheck> rule_checks();

// Rules about the graph of every model checked together.
void check_cycle(const RuleContext& ctx, Findings& out);
void check_disconnected_model(const RuleContext& ctx, Findings& out);
void check_misordered_link(const RuleContext& ctx, Findings& out);
void check_missing_model(const RuleContext& ctx, Findings& out);
void check_orphan_output(const RuleContext& ctx, Findings& out);
void check_skipped_stage(const RuleContext& ctx, Findings& out);
void check_stranded_outcome(const RuleContext& ctx, Findings& out);
void check_unknown_reference(const RuleContext& ctx, Findings& out);
void check_unlinked_activity(const RuleContext& ctx, Findings& out);
void check_unproduced_output(const RuleContext& ctx, Findings& out);
void check_unresourced_activity(const RuleContext& ctx, Findings& out);
void check_unsupported_outcome(const RuleContext& ctx, Findings& out);
void check_unused_resource(const RuleContext& ctx, Findings& out);

// Rules about one model at a time.
void check_duplicate_id(const Model& m, const RuleContext& ctx, Findings& out);
void check_failed_assumption(const Model& m, const RuleContext& ctx, Findings& out);
void check_incomplete_indicator(const Model& m, const RuleContext& ctx, Findings& out);
void check_long_label(const Model& m, const RuleContext& ctx, Findings& out);
void check_missing_term(const Model& m, const RuleContext& ctx, Findings& out);
void check_overdue_test(const Model& m, const RuleContext& ctx, Findings& out);
// The spread rules (spread_rules.cpp): an adaptation against its blueprint.
void check_adaptation_without_reason(const Model& m, const RuleContext& ctx, Findings& out);
void check_blueprint_drift(const Model& m, const RuleContext& ctx, Findings& out);
void check_context_assumption_unexamined(const Model& m, const RuleContext& ctx, Findings& out);
void check_core_dropped(const Model& m, const RuleContext& ctx, Findings& out);
void check_core_modified(const Model& m, const RuleContext& ctx, Findings& out);
void check_unrecorded_adaptation(const Model& m, const RuleContext& ctx, Findings& out);
void check_stale_indicator(const Model& m, const RuleContext& ctx, Findings& out);
void check_page_overflow(const Model& m, const RuleContext& ctx, Findings& out);
void check_unattached_assumption(const Model& m, const RuleContext& ctx, Findings& out);
void check_unattached_factor(const Model& m, const RuleContext& ctx, Findings& out);
void check_unmeasured_outcome(const Model& m, const RuleContext& ctx, Findings& out);
void check_untested_assumption(const Model& m, const RuleContext& ctx, Findings& out);

/// "activity 'mdt-huddles'": how messages name an item.
inline std::string describe(const Item& it) {
  return fmt::format("{} '{}'", stage_name(it.stage), it.id.value);
}

/// How a message about model `from` names a node: "activity 'mdt-huddles'", or "outcome
/// '../programme.yaml#fewer-admissions'" when it is another model's.
inline std::string describe(const Graph& g, int node, int from) {
  return fmt::format("{} '{}'", stage_name(g.item(node).stage), g.name(node, from));
}

/// "to", "from", "about" or "affects": the key a reference is written under.
inline std::string_view key_name(Ref::Kind k) {
  switch (k) {
    case Ref::Kind::to: return "to";
    case Ref::Kind::from: return "from";
    case Ref::Kind::about: return "about";
    case Ref::Kind::affects: return "affects";
  }
  return "to";
}

/// The model a reference is written in: where a finding about it lands.
inline int holder_model(const Graph& g, const Graph::Link& link) {
  return g.model_of(link.ref->kind == Ref::Kind::from ? link.to : link.from);
}

}  // namespace lmc
