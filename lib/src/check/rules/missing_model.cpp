// SPDX-License-Identifier: Apache-2.0
// missing-model: a box's `model`, a PATH#id reference, or `adapts`, names a file that does not
// exist or is not a logic model.
// Why: a programme whose work-stream model cannot be found is checked, drawn and rolled up
// without it, silently; the links into it are lost.
#include "check/rules/blueprint.h"

namespace lmc {

namespace {

std::string why_not(const FileTarget& file) {
  return file.status == FileTarget::Status::not_a_model ? "it is not a logic model: " + file.reason
                                                        : file.reason;
}

}  // namespace

void check_missing_model(const RuleContext& ctx, Findings& out) {
  const Graph& g = ctx.graph;
  for (int i = 0; i < g.size(); ++i) {
    const Item& it = g.item(i);
    const Text* path = it.detail_model();
    if (!path) continue;
    const int m = g.model_of(i);
    const FileTarget* file = g.target(m, path->value);
    if (!file || file->status == FileTarget::Status::ok) continue;
    Diagnostic& d =
        out.add_in(m, path->span, it.id.value,
                   fmt::format("{} is detailed by '{}', which lmc cannot read as a model: {}",
                               describe(it), path->value, why_not(*file)));
    if (!file->suggestion.empty()) suggest_replacement(d, path->value, file->suggestion);
  }
  // An adaptation's blueprint, as a programme's work stream.
  for (int m = 0; m < g.model_count(); ++m) {
    const Adapts& adapts = g.model(m).adapts;
    if (adapts.model.value.empty()) continue;
    const FileTarget* file = g.target(m, adapts.model.value);
    if (file && file->status == FileTarget::Status::ok && lineage_loops(g, m)) {
      out.add_in(m, adapts.model.span, "",
                 fmt::format("this model adapts '{}', which descends from this model: a "
                             "lineage cannot loop, so nothing is compared",
                             adapts.model.value),
                 "name the model this one was adopted from");
      continue;
    }
    if (!file || file->status == FileTarget::Status::ok) continue;
    Diagnostic& d =
        out.add_in(m, adapts.model.span, "",
                   fmt::format("this model adapts '{}', which lmc cannot read as a model: {}",
                               adapts.model.value, why_not(*file)));
    if (!file->suggestion.empty()) suggest_replacement(d, adapts.model.value, file->suggestion);
  }
  for (const Graph::BadRef& bad : g.bad_refs()) {
    if (bad.status != Graph::RefStatus::missing_model || !bad.file) continue;
    const Ref& ref = *bad.ref;
    Diagnostic& d =
        out.add_in(bad.model, ref.span, bad.holder,
                   fmt::format("'{}' in `{}` names the model '{}', which lmc cannot read: {}",
                               ref.target, key_name(ref.kind), bad.path, why_not(*bad.file)));
    if (!bad.file->suggestion.empty()) {
      std::string meant = ref.target;
      meant.replace(meant.find(bad.path), bad.path.size(), bad.file->suggestion);
      suggest_replacement(d, ref.target, std::move(meant));
    }
  }
}

}  // namespace lmc
