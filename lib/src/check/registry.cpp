// SPDX-License-Identifier: Apache-2.0
// The check of each rule that has one, by id (sorted), for check.cpp to run. The rules with
// none are reported by the loader while it reads the file; what every rule is called and how
// severe it is lives in the table (lib/src/rules/table.cpp).
#include <span>

#include "check/rules/rules.h"

namespace lmc {

namespace {

constexpr RuleCheck kChecks[] = {
    {"adaptation-without-reason", &check_adaptation_without_reason, nullptr},
    {"blueprint-drift", &check_blueprint_drift, nullptr},
    {"context-assumption-unexamined", &check_context_assumption_unexamined, nullptr},
    {"core-dropped", &check_core_dropped, nullptr},
    {"core-modified", &check_core_modified, nullptr},
    {"cycle", nullptr, &check_cycle},
    {"disconnected-model", nullptr, &check_disconnected_model},
    {"duplicate-id", &check_duplicate_id, nullptr},
    {"failed-assumption", &check_failed_assumption, nullptr},
    {"incomplete-indicator", &check_incomplete_indicator, nullptr},
    {"long-label", &check_long_label, nullptr},
    {"misordered-link", nullptr, &check_misordered_link},
    {"missing-model", nullptr, &check_missing_model},
    {"missing-term", &check_missing_term, nullptr},
    {"orphan-output", nullptr, &check_orphan_output},
    {"overdue-test", &check_overdue_test, nullptr},
    {"page-overflow", &check_page_overflow, nullptr},
    {"skipped-stage", nullptr, &check_skipped_stage},
    {"stale-indicator", &check_stale_indicator, nullptr},
    {"stranded-outcome", nullptr, &check_stranded_outcome},
    {"unattached-assumption", &check_unattached_assumption, nullptr},
    {"unattached-factor", &check_unattached_factor, nullptr},
    {"unknown-reference", nullptr, &check_unknown_reference},
    {"unlinked-activity", nullptr, &check_unlinked_activity},
    {"unmeasured-outcome", &check_unmeasured_outcome, nullptr},
    {"unproduced-output", nullptr, &check_unproduced_output},
    {"unrecorded-adaptation", &check_unrecorded_adaptation, nullptr},
    {"unresourced-activity", nullptr, &check_unresourced_activity},
    {"unsupported-outcome", nullptr, &check_unsupported_outcome},
    {"untested-assumption", &check_untested_assumption, nullptr},
    {"unused-resource", nullptr, &check_unused_resource},
};

}  // namespace

std::span<const RuleCheck> rule_checks() {
  return kChecks;
}

}  // namespace lmc
