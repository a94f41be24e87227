// SPDX-License-Identifier: Apache-2.0
// The check function of every rule that looks at the typed model; one file each.
#pragma once

#include <fmt/format.h>

#include "lmc/check.h"
#include "lmc/graph.h"
#include "lmc/model.h"
#include "lmc/rules.h"

namespace lmc {

void check_cycle(const Model& m, const RuleContext& ctx, Findings& out);
void check_duplicate_id(const Model& m, const RuleContext& ctx, Findings& out);
void check_failed_assumption(const Model& m, const RuleContext& ctx, Findings& out);
void check_incomplete_indicator(const Model& m, const RuleContext& ctx, Findings& out);
void check_long_label(const Model& m, const RuleContext& ctx, Findings& out);
void check_misordered_link(const Model& m, const RuleContext& ctx, Findings& out);
void check_missing_term(const Model& m, const RuleContext& ctx, Findings& out);
void check_orphan_output(const Model& m, const RuleContext& ctx, Findings& out);
void check_overdue_test(const Model& m, const RuleContext& ctx, Findings& out);
void check_page_overflow(const Model& m, const RuleContext& ctx, Findings& out);
void check_skipped_stage(const Model& m, const RuleContext& ctx, Findings& out);
void check_stranded_outcome(const Model& m, const RuleContext& ctx, Findings& out);
void check_unattached_assumption(const Model& m, const RuleContext& ctx, Findings& out);
void check_unattached_factor(const Model& m, const RuleContext& ctx, Findings& out);
void check_unknown_reference(const Model& m, const RuleContext& ctx, Findings& out);
void check_unlinked_activity(const Model& m, const RuleContext& ctx, Findings& out);
void check_unmeasured_outcome(const Model& m, const RuleContext& ctx, Findings& out);
void check_unresourced_activity(const Model& m, const RuleContext& ctx, Findings& out);
void check_unsupported_outcome(const Model& m, const RuleContext& ctx, Findings& out);
void check_untested_assumption(const Model& m, const RuleContext& ctx, Findings& out);
void check_unused_resource(const Model& m, const RuleContext& ctx, Findings& out);

/// "activity 'mdt-huddles'": how messages name an item.
inline std::string describe(const Item& it) {
  return fmt::format("{} '{}'", stage_name(it.stage), it.id.value);
}

}  // namespace lmc
