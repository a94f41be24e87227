// SPDX-License-Identifier: Apache-2.0
// overdue-test: an assumption's test was due before today and it is still untested or testing.
// Why: a live model records what the tests found; an overdue test means the theory has not
// been revisited.
#include "check/rules/rules.h"
#include "lmc/evaluate.h"

namespace lmc {

void check_overdue_test(const Model& m, const RuleContext& ctx, Findings& out) {
  if (ctx.today.empty()) return;
  for (const Assumption& a : m.assumptions) {
    if (a.id.value.empty() || a.status_doubtful || !test_overdue(a, ctx.today)) continue;
    out.add(a.id.span, a.id.value,
            fmt::format("the test of assumption '{}' was due on {} and its status is still {}",
                        a.id.value, a.test.due.value, status_name(a.status)));
  }
}

}  // namespace lmc
