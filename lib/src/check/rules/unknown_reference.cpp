// SPDX-License-Identifier: Apache-2.0
// unknown-reference: `to`, `from`, `about` or `affects` names nothing.
// Why: a link to a misspelt id silently drops a step of the theory from the diagram.
#include <fmt/ranges.h>

#include "check/rules/rules.h"

namespace lmc {

namespace {

// For a link into another model whose id names nothing there and is close to nothing: the
// items of that model it could link to (forward along the chain), so a deleted or renamed
// target is easy to replace.
std::string candidates_in(const Graph& g, const Graph::BadRef& bad) {
  const Ref& ref = *bad.ref;
  if (!bad.file || (ref.kind != Ref::Kind::to && ref.kind != Ref::Kind::from)) return {};
  const int other = g.local_model(bad.file->model);
  const int self = g.find(bad.model, bad.holder);
  if (other < 0 || self < 0) return {};
  const Item& holder = g.item(self);
  std::vector<std::string> names;
  int more = 0;
  for (int v = g.first_node(other); v < g.first_node(other + 1); ++v) {
    const Item& it = g.item(v);
    if (!g.defines(v)) continue;
    const bool forward = ref.kind == Ref::Kind::to
                             ? link_goes_forward(holder.stage, holder.term, it.stage, it.term)
                             : link_goes_forward(it.stage, it.term, holder.stage, holder.term);
    if (!forward) continue;
    if (names.size() < 6) {
      names.push_back(g.name(v, bad.model));
    } else {
      ++more;
    }
  }
  if (names.empty()) return {};
  std::string list = fmt::format("'{}'", fmt::join(names, "', '"));
  if (more) list += fmt::format(" and {} more", more);
  return ref.kind == Ref::Kind::to
             ? fmt::format("if it was renamed or removed, link to what {} can lead to in {}: {}",
                           describe(holder), bad.path, list)
             : fmt::format("if it was renamed or removed, link from what can lead to {} in {}: {}",
                           describe(holder), bad.path, list);
}

}  // namespace

void check_unknown_reference(const RuleContext& ctx, Findings& out) {
  for (const Graph::BadRef& bad : ctx.graph.bad_refs()) {
    const Ref& ref = *bad.ref;
    const std::string_view key = key_name(ref.kind);
    std::string message;
    switch (bad.status) {
      case Graph::RefStatus::unknown:
        if (!bad.path.empty()) {
          message = fmt::format("'{}' in `{}` names nothing: {} has no item with that id",
                                ref.target, key, bad.path);
        } else {
          message =
              bad.syntax_hint.empty()
                  ? fmt::format("'{}' in `{}` names nothing: no item has that id", ref.target, key)
                  : fmt::format("'{}' in `{}` names nothing: it is read as one id", ref.target,
                                key);
        }
        break;
      case Graph::RefStatus::not_an_item:
        message =
            !bad.path.empty()
                ? fmt::format(
                      "'{}' in `{}` is an assumption or external factor of {}; another model "
                      "is linked through its boxes (resources to impacts), and each "
                      "assumption belongs to one model",
                      ref.target, key, bad.path)
                : fmt::format(
                      "'{}' in `{}` is an assumption or external factor, not an item; {} names "
                      "resources, activities, outputs, outcomes and impacts",
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
    Diagnostic& d = out.add_in(bad.model, ref.span, bad.holder, std::move(message));
    if (bad.status == Graph::RefStatus::no_such_link) {
      // Both ids are right: the link is what is missing, not a spelling.
      const auto link = parse_link_ref(ref.target);
      d.suggestion = fmt::format(
          "add the link {} -> {} (`to: [{}]` on '{}'), or attach the {} to a link the model has",
          link->first, link->second, link->second, link->first,
          ref.kind == Ref::Kind::affects ? "external factor" : "assumption");
    } else if (!bad.syntax_hint.empty()) {
      d.suggestion = bad.syntax_hint;
    } else if (!bad.suggestion.empty()) {
      suggest_replacement(d, ref.target, bad.suggestion);
    } else if (bad.status == Graph::RefStatus::unknown && !bad.path.empty()) {
      d.suggestion = candidates_in(ctx.graph, bad);
    }
  }
}

}  // namespace lmc
