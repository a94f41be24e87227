// SPDX-License-Identifier: Apache-2.0
// unknown-reference: `to`, `from`, `about` or `affects` names nothing.
// Why: a link to a misspelt id silently drops a step of the theory from the diagram.
#include "check/rules/rules.h"

namespace lmc {

namespace {

std::string_view key_name(Ref::Kind k) {
  switch (k) {
    case Ref::Kind::to: return "to";
    case Ref::Kind::from: return "from";
    case Ref::Kind::about: return "about";
    case Ref::Kind::affects: return "affects";
  }
  return "to";
}

}  // namespace

void check_unknown_reference(const Model&, const RuleContext& ctx, Findings& out) {
  for (const Graph::BadRef& bad : ctx.graph.bad_refs()) {
    const Ref& ref = *bad.ref;
    const std::string_view key = key_name(ref.kind);
    std::string message;
    switch (bad.status) {
      case Graph::RefStatus::unknown:
        message =
            bad.syntax_hint.empty()
                ? fmt::format("'{}' in `{}` names nothing: no item has that id", ref.target, key)
                : fmt::format("'{}' in `{}` names nothing: it is read as one id", ref.target, key);
        break;
      case Graph::RefStatus::not_an_item:
        message = fmt::format(
            "'{}' in `{}` is an assumption or external factor, not an item; {} names resources, "
            "activities, outputs, outcomes and impacts",
            ref.target, key, key);
        break;
      case Graph::RefStatus::no_such_link: {
        const auto link = parse_link_ref(ref.target);
        message = fmt::format(
            "'{}' in `{}` names a link the model does not have: '{}' does not "
            "link to '{}'",
            ref.target, key, link->first, link->second);
        break;
      }
      default: continue;
    }
    std::string suggestion;
    if (!bad.syntax_hint.empty()) {
      suggestion = bad.syntax_hint;
    } else if (!bad.suggestion.empty()) {
      suggestion = fmt::format("did you mean '{}'?", bad.suggestion);
    }
    out.add(ref.span, bad.holder, std::move(message), std::move(suggestion));
  }
}

}  // namespace lmc
