// SPDX-License-Identifier: Apache-2.0
// untested-assumption: no evidence, no test method, and status untested or testing.
// Why: surfacing and challenging assumptions is the point of a logic model; one nobody plans
// to test is where the red-bag pathway failed when it spread.
#include "check/rules/rules.h"

namespace lmc {

void check_untested_assumption(const Model& m, const RuleContext&, Findings& out) {
  for (const Assumption& a : m.assumptions) {
    if (a.id.value.empty() || a.status_doubtful) continue;
    if (a.status != AssumptionStatus::untested && a.status != AssumptionStatus::testing) continue;
    if (!a.evidence.empty() || !a.test.method.value.empty()) continue;
    out.add(a.id.span, a.id.value,
            fmt::format("assumption '{}' is {} with no evidence and no test method", a.id.value,
                        status_name(a.status)));
  }
}

}  // namespace lmc
