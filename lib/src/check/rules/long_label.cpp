// SPDX-License-Identifier: Apache-2.0
// long-label: a label longer than 80 characters.
// Why: a box on a one-page diagram holds a phrase, not a paragraph; the rest belongs in
// `detail`.
#include "check/rules/rules.h"

namespace lmc {

namespace {

constexpr std::size_t kMaxLabel = 80;

}  // namespace

void check_long_label(const Model& m, const RuleContext&, Findings& out) {
  auto visit = [&](const Text& label, const std::string& item, const std::string& what) {
    const std::size_t n = utf8_length(label.value);
    if (!label.present() || n <= kMaxLabel) return;
    out.add(label.span, item,
            fmt::format("the label of {} is {} characters long; over {} it will not fit its box",
                        what, n, kMaxLabel));
  };
  for (const Item& it : m.items) {
    visit(it.label, it.id.value, describe(it));
    for (const Indicator& ind : it.indicators()) {
      visit(ind.label, it.id.value, fmt::format("an indicator of {}", describe(it)));
    }
  }
}

}  // namespace lmc
