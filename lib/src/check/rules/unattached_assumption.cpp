// SPDX-License-Identifier: Apache-2.0
// unattached-assumption: an assumption with no `about`.
// Why: an assumption is only useful when it says which step of the chain it holds up.
#include "check/rules/rules.h"

namespace lmc {

void check_unattached_assumption(const Model& m, const RuleContext&, Findings& out) {
  for (const Assumption& a : m.assumptions) {
    if (a.id.value.empty() || !a.about.empty() || a.about_doubtful) continue;
    out.add(a.id.span, a.id.value,
            fmt::format("assumption '{}' is not about any item or link", a.id.value));
  }
}

}  // namespace lmc
