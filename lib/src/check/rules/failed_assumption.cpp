// SPDX-License-Identifier: Apache-2.0
// failed-assumption: an assumption with status `fails` that items or links still rest on.
// Why: when an assumption fails, the part of the theory it holds up must change.
#include "check/rules/rules.h"

namespace lmc {

void check_failed_assumption(const Model& m, const RuleContext&, Findings& out) {
  for (const Assumption& a : m.assumptions) {
    if (a.id.value.empty() || a.status != AssumptionStatus::fails || a.about.empty()) continue;
    std::string about;
    for (const Ref& r : a.about) about += (about.empty() ? "'" : ", '") + r.target + "'";
    out.add(a.id.span, a.id.value,
            fmt::format("assumption '{}' fails, yet the model still rests on it (it is about {})",
                        a.id.value, about));
  }
}

}  // namespace lmc
