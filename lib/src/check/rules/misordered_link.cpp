// SPDX-License-Identifier: Apache-2.0
// misordered-link: a link goes backward along the chain.
// Why: a logic model is a causal chain; an output that "leads to" an activity, or a long-term
// outcome that brings about a short-term one, reads the theory backwards.
#include "check/rules/rules.h"

namespace lmc {

namespace {

std::string describe_with_term(const Item& it) {
  if (it.stage == Stage::outcome && it.term != Term::none) {
    return fmt::format("{}-term outcome '{}'", term_name(it.term), it.id.value);
  }
  return describe(it);
}

}  // namespace

void check_misordered_link(const Model& m, const RuleContext& ctx, Findings& out) {
  for (const Graph::BadRef& bad : ctx.graph.bad_refs()) {
    if (bad.status != Graph::RefStatus::misordered) continue;
    const Item& from = m.items[bad.from];
    const Item& to = m.items[bad.to];
    std::string message;
    if (from.stage == Stage::outcome && to.stage == Stage::outcome) {
      message = fmt::format("{} links back to {}: outcomes lead from short to medium to long term",
                            describe_with_term(from), describe_with_term(to));
    } else if (from.stage == to.stage) {
      message = fmt::format(
          "{} links to {}, in the same column: links go forward, from {} to "
          "later stages",
          describe(from), describe(to), stage_section(from.stage));
    } else {
      message = fmt::format(
          "{} links back to {}: links go forward, resources -> activities -> "
          "outputs -> outcomes -> impacts",
          describe(from), describe(to));
    }
    std::string suggestion;
    if (from.stage == to.stage && from.stage != Stage::outcome) {
      // Swapping `to` and `from` cannot help within one column.
      suggestion = fmt::format(
          "link both to an item of a later stage instead, or move one of them to the stage it "
          "belongs to");
    } else if (link_goes_forward(to.stage, to.term, from.stage, from.term)) {
      suggestion = fmt::format("did you mean '{} -> {}'? write `{}` instead of `{}`", to.id.value,
                               from.id.value, bad.ref->kind == Ref::Kind::to ? "from" : "to",
                               bad.ref->kind == Ref::Kind::to ? "to" : "from");
    }
    out.add(bad.ref->span, bad.holder, std::move(message), std::move(suggestion));
  }
}

}  // namespace lmc
