// SPDX-License-Identifier: Apache-2.0
// Quick fixes: for each finding whose repair is a choice, the operations that make it.
#include "lmc/quick_fix.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>

#include "lmc/graph.h"

namespace lmc {

namespace {

// How a box is named on a button: its label, shortened, in quotes.
std::string named(const Item& it) {
  std::string label = it.label.value.empty() ? it.id.value : it.label.value;
  if (label.size() > 48) {
    std::size_t cut = 45;
    while (cut > 0 && (static_cast<unsigned char>(label[cut]) & 0xC0) == 0x80) --cut;
    label = label.substr(0, cut) + "...";
  }
  return "'" + label + "'";
}

bool links_to(const Item& from, const Item& to) {
  for (const Ref& r : from.links) {
    if (r.kind == Ref::Kind::to && r.target == to.id.value) return true;
  }
  for (const Ref& r : to.links) {
    if (r.kind == Ref::Kind::from && r.target == from.id.value) return true;
  }
  return false;
}

// A link from the finding's box to each box that `fits` (or from each such box to it, when
// `inward`), in file order, at most kMaxQuickFixes.
std::vector<QuickFix> link_fixes(const Model& model, const Item& box, bool inward,
                                 const std::function<bool(const Item&)>& fits) {
  std::vector<QuickFix> out;
  for (const Item& other : model.items) {
    if (out.size() == kMaxQuickFixes) break;
    if (&other == &box || other.id.value.empty() || !fits(other)) continue;
    if (inward ? links_to(other, box) : links_to(box, other)) continue;
    EditOp op;
    op.op = "link";
    op.from = inward ? other.id.value : box.id.value;
    op.to = inward ? box.id.value : other.id.value;
    out.push_back({inward ? fmt::format("Link {} to it", named(other))
                          : fmt::format("Link it to {}", named(other)),
                   {std::move(op)},
                   {}});
  }
  return out;
}

// The boxes reached by following the links the rules follow (Graph's meant links), forward
// from the boxes that `start` (when `forward`) or backward to them; the start boxes included.
// Node i of a one-model Graph is model.items[i].
std::vector<bool> reached(const Model& model, bool forward,
                          const std::function<bool(const Item&)>& start) {
  const Graph graph(model);
  std::vector<bool> seen(model.items.size(), false);
  std::vector<int> stack;
  for (std::size_t i = 0; i < model.items.size(); ++i) {
    if (start(model.items[i])) {
      seen[i] = true;
      stack.push_back(static_cast<int>(i));
    }
  }
  while (!stack.empty()) {
    const int i = stack.back();
    stack.pop_back();
    for (const int j : forward ? graph.meant_successors(i) : graph.meant_predecessors(i)) {
      if (j >= 0 && static_cast<std::size_t>(j) < seen.size() &&
          !seen[static_cast<std::size_t>(j)]) {
        seen[static_cast<std::size_t>(j)] = true;
        stack.push_back(j);
      }
    }
  }
  return seen;
}

bool is_in(const Model& model, const std::vector<bool>& set, const Item& it) {
  return set[static_cast<std::size_t>(&it - model.items.data())];
}

int term_rank(Term t) {
  switch (t) {
    case Term::short_term: return 1;
    case Term::none:
    case Term::medium_term: return 2;
    case Term::long_term: return 3;
  }
  return 2;
}

}  // namespace

std::vector<QuickFix> quick_fixes(const Model& model, const Diagnostic& d) {
  if (d.item.empty()) return {};
  const auto found = std::find_if(model.items.begin(), model.items.end(),
                                  [&](const Item& it) { return it.id.value == d.item; });
  if (found == model.items.end()) return {};
  const Item& box = *found;
  auto stage_is = [](Stage s) { return [s](const Item& it) { return it.stage == s; }; };
  const std::string& rule = d.rule;
  if (rule == "unused-resource" && box.stage == Stage::resource) {
    return link_fixes(model, box, false, stage_is(Stage::activity));
  }
  if (rule == "unresourced-activity" && box.stage == Stage::activity) {
    return link_fixes(model, box, true, stage_is(Stage::resource));
  }
  if (rule == "unlinked-activity" && box.stage == Stage::activity) {
    return link_fixes(model, box, false, stage_is(Stage::output));
  }
  if (rule == "unproduced-output" && box.stage == Stage::output) {
    return link_fixes(model, box, true, stage_is(Stage::activity));
  }
  if (rule == "orphan-output" && box.stage == Stage::output) {
    return link_fixes(model, box, false, stage_is(Stage::outcome));
  }
  if (rule == "unsupported-outcome" &&
      (box.stage == Stage::outcome || box.stage == Stage::impact)) {
    // From a box an activity reaches: the link makes the chain reach this one.
    const auto from_activity =
        reached(model, true, [](const Item& it) { return it.stage == Stage::activity; });
    return link_fixes(model, box, true, [&](const Item& it) {
      if (!is_in(model, from_activity, it)) return false;
      if (it.stage == Stage::output) return true;
      if (box.stage == Stage::impact) return it.stage == Stage::outcome;
      return it.stage == Stage::outcome && term_rank(it.term) < term_rank(box.term);
    });
  }
  if (rule == "stranded-outcome" && box.stage == Stage::outcome) {
    // To a box from which an impact is reached.
    const auto to_impact =
        reached(model, false, [](const Item& it) { return it.stage == Stage::impact; });
    return link_fixes(model, box, false, [&](const Item& it) {
      if (!is_in(model, to_impact, it)) return false;
      if (it.stage == Stage::impact) return true;
      return it.stage == Stage::outcome && term_rank(it.term) > term_rank(box.term);
    });
  }
  if (rule == "missing-term" && box.stage == Stage::outcome) {
    std::vector<QuickFix> out;
    for (const Term t : {Term::short_term, Term::medium_term, Term::long_term}) {
      EditOp op;
      op.op = "set";
      op.id = box.id.value;
      op.field = "term";
      op.value = std::string(term_name(t));
      out.push_back({fmt::format("Make it a {}-term outcome", term_name(t)), {std::move(op)}, {}});
    }
    return out;
  }
  if (rule == "unmeasured-outcome" && (box.stage == Stage::outcome || box.stage == Stage::impact)) {
    EditOp op;
    op.op = "add-indicator";
    op.item = box.id.value;
    return {{"Add an indicator", {std::move(op)}, "the indicator's label"}};
  }
  return {};
}

}  // namespace lmc
