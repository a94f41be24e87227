// SPDX-License-Identifier: Apache-2.0
// unattached-factor: an external factor with no `affects`.
// Why: naming a factor helps most when the model says which outcomes it can swamp.
#include "check/rules/rules.h"

namespace lmc {

void check_unattached_factor(const Model& m, const RuleContext&, Findings& out) {
  for (const ExternalFactor& f : m.factors) {
    if (f.id.value.empty() || !f.affects.empty() || f.affects_doubtful) continue;
    out.add(f.id.span, f.id.value,
            fmt::format("external factor '{}' does not say which items or links it affects",
                        f.id.value));
  }
}

}  // namespace lmc
