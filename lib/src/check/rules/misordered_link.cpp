// SPDX-License-Identifier: Apache-2.0
// misordered-link: a link goes backward along the chain.
// Why: a logic model is a causal chain; an output that "leads to" an activity, or a long-term
// outcome that brings about a short-term one, reads the theory backwards.
#include "check/rules/rules.h"

namespace lmc {

namespace {

std::string describe_with_term(const Graph& g, int node, int from) {
  const Item& it = g.item(node);
  if (it.stage == Stage::outcome && it.term != Term::none) {
    return fmt::format("{}-term outcome '{}'", term_name(it.term), g.name(node, from));
  }
  return describe(g, node, from);
}

}  // namespace

void check_misordered_link(const RuleContext& ctx, Findings& out) {
  const Graph& g = ctx.graph;
  for (const Graph::BadRef& bad : g.bad_refs()) {
    if (bad.status != Graph::RefStatus::misordered) continue;
    const Item& from = g.item(bad.from);
    const Item& to = g.item(bad.to);
    const int m = bad.model;
    std::string message;
    if (from.stage == Stage::outcome && to.stage == Stage::outcome) {
      message = fmt::format("{} links back to {}: outcomes lead from short to medium to long term",
                            describe_with_term(g, bad.from, m), describe_with_term(g, bad.to, m));
    } else if (from.stage == to.stage) {
      message = fmt::format(
          "{} links to {}, in the same column: links go forward, from {} to "
          "later stages",
          describe(g, bad.from, m), describe(g, bad.to, m), stage_section(from.stage));
    } else {
      message = fmt::format(
          "{} links back to {}: links go forward, resources -> activities -> "
          "outputs -> outcomes -> impacts",
          describe(g, bad.from, m), describe(g, bad.to, m));
    }
    std::string suggestion;
    // An output that links to an activity while another activity produces it: "the people
    // found then get an assessment". Reversing the arrow would say the activity produces the
    // output, which is false: sequence the activities, or lead the output on. (With no
    // producer, the arrow was most likely written the wrong way round, and reversing it is
    // the fix.)
    std::string producer;
    if (from.stage == Stage::output && to.stage == Stage::activity) {
      for (int p : g.predecessors(bad.from)) {
        if (g.item(p).stage == Stage::activity && p != bad.to) {
          producer = g.name(p, m);
          break;
        }
      }
    }
    if (!producer.empty()) {
      suggestion = fmt::format(
          "to say that {} follows on from '{}', put the activities in sequence: `to: [{}]` on "
          "activity '{}', which produces '{}'; or link '{}' forward to the outcome it leads to "
          "(writing `from` instead would say that '{}' produces '{}')",
          describe(g, bad.to, m), g.name(bad.from, m), g.name(bad.to, m), producer,
          g.name(bad.from, m), g.name(bad.from, m), g.name(bad.to, m), g.name(bad.from, m));
    } else if (from.stage == to.stage && from.stage != Stage::outcome) {
      // Swapping `to` and `from` cannot help within one column.
      suggestion = fmt::format(
          "link both to an item of a later stage instead, or move one of them to the stage it "
          "belongs to");
    } else if (link_goes_forward(to.stage, to.term, from.stage, from.term)) {
      suggestion =
          fmt::format("did you mean '{} -> {}'? write `{}` instead of `{}`", g.name(bad.to, m),
                      g.name(bad.from, m), bad.ref->kind == Ref::Kind::to ? "from" : "to",
                      bad.ref->kind == Ref::Kind::to ? "to" : "from");
    }
    out.add_in(m, bad.ref->span, bad.holder, std::move(message), std::move(suggestion));
  }
}

}  // namespace lmc
