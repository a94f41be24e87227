// SPDX-License-Identifier: Apache-2.0
#include "lmc/adapt.h"

#include <fmt/format.h>

#include <vector>

#include "lmc/edit.h"
#include "lmc/load.h"

namespace lmc {

namespace {

// A YAML double-quoted scalar (JSON's escapes are YAML's).
std::string yaml_quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

// The text without the top-level key `key` and its block (a blueprint that is itself an
// adaptation gives its `adapts:` and `adaptations:` way to the new ones).
std::string without_top_key(std::string_view text, std::string_view key) {
  std::string out;
  bool skipping = false;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find('\n', at);
    end = end == std::string_view::npos ? text.size() : end + 1;
    const std::string_view line = text.substr(at, end - at);
    at = end;
    const bool top = !line.empty() && line[0] != ' ' && line[0] != '\t' && line[0] != '#' &&
                     line[0] != '\n' && line[0] != '\r';
    if (top) skipping = line.starts_with(key) && line.substr(key.size()).starts_with(":");
    if (!skipping) out += line;
  }
  return out;
}

std::string wrapped_list(const std::vector<std::string>& ids, std::string_view indent) {
  std::string out, line(indent);
  for (std::size_t k = 0; k < ids.size(); ++k) {
    const std::string word = ids[k] + (k + 1 < ids.size() ? "," : "");
    if (line.size() + word.size() + 1 > 94 && line.size() > indent.size()) {
      out += line + "\n";
      line = std::string(indent);
    }
    line += (line.size() > indent.size() ? " " : "") + word;
  }
  return out + line + "\n";
}

}  // namespace

AdaptResult adapt_blueprint(const AdaptRequest& request) {
  AdaptResult result;
  const LoadResult loaded = load_model("blueprint.yaml", std::string(request.blueprint_text));
  if (!loaded.usable) {
    result.error = "it is not a logic model lmc can read (`lmc check` says why)";
    return result;
  }
  const Model& bp = loaded.model;
  const std::string origin =
      bp.version.value.empty()
          ? fmt::format("the blueprint, {}", request.blueprint_path)
          : fmt::format("the blueprint, {} version {}", request.blueprint_path, bp.version.value);

  // Each context assumption starts untested here, what held at the origin kept as a note.
  std::vector<EditOp> ops;
  std::vector<std::string> context, core;
  for (const Assumption& a : bp.assumptions) {
    if (!a.context || a.id.value.empty()) continue;
    context.push_back(a.id.value);
    EditOp status;
    status.op = "set";
    status.id = a.id.value;
    status.field = "status";
    status.value = "untested";
    ops.push_back(status);
    if (!a.evidence.empty()) {
      EditOp evidence;
      evidence.op = "set";
      evidence.id = a.id.value;
      evidence.field = "evidence";
      const std::string_view held = a.status == AssumptionStatus::holds     ? "Held at the origin"
                                    : a.status == AssumptionStatus::fails   ? "Failed at the origin"
                                    : a.status == AssumptionStatus::testing ? "Tested at the origin"
                                                                            : "At the origin";
      const std::string version =
          bp.version.value.empty() ? "" : fmt::format(" (blueprint {})", bp.version.value);
      for (const Text& e : a.evidence) {
        evidence.value_list.push_back(fmt::format("{}{}: {}", held, version, e.value));
      }
      ops.push_back(evidence);
    }
  }
  for (const Item& it : bp.items) {
    if (it.core() && !it.id.value.empty()) core.push_back(it.id.value);
  }
  std::string text(request.blueprint_text);
  if (!ops.empty()) {
    const EditResult edited = apply_edits(text, ops);
    if (!edited.ok) {
      result.error = "its context assumptions cannot be reset: " + edited.error;
      return result;
    }
    text = edited.text;
  }
  text = without_top_key(without_top_key(text, "adapts"), "adaptations");

  // The site in the title: the title's value replaced where it is written, when it is one line.
  if (!request.site.empty()) {
    const LoadResult again = load_model("adaptation.yaml", text);
    if (again.model.title.span.known() && again.model.title.span.length > 0) {
      const auto [offset, bytes] = again.source.byte_range(again.model.title.span);
      // A title written as a block (`>` or `|` and lines below) is left as it is.
      if (offset < text.size() && text[offset] != '>' && text[offset] != '|') {
        text.replace(offset, bytes,
                     yaml_quoted(fmt::format("{}: {}", bp.title.value, request.site)));
      }
    }
  }

  if (!text.empty() && text.back() != '\n') text += '\n';
  std::string tail = fmt::format(
      "\n# Adapted from {}\n# by `lmc adapt` on {}{}.\n"
      "# What the workshop decides before the model is used here:\n",
      origin, request.today, request.site.empty() ? "" : " for " + request.site);
  if (!core.empty()) {
    tail +=
        "# - The core components (core: true) are what the blueprint's evidence says makes it "
        "work.\n#   Keep each; or record under `adaptations:` why this site drops, modifies or "
        "replaces it:\n" +
        wrapped_list(core, "#     ");
  }
  if (!context.empty()) {
    tail +=
        "# - The context assumptions held at the origin because of its context: each is now "
        "untested\n#   here, its evidence a note of what held there. Give each a local `test` "
        "(method, due,\n#   owner) and record what the test finds:\n" +
        wrapped_list(context, "#     ");
  }
  tail +=
      "# - Every other change from the blueprint (an item or link added, dropped or changed): "
      "record\n#   it under `adaptations:` with its reason. `lmc check` lists what is "
      "unrecorded.\n";
  tail += fmt::format("adapts:\n  model: {}\n", yaml_quoted(request.blueprint_path));
  if (!bp.version.value.empty())
    tail += fmt::format("  version: {}\n", yaml_quoted(bp.version.value));
  tail +=
      "adaptations:\n"
      "  # - item: an-id                # or a link: \"a -> b\"\n"
      "  #   change: added              # dropped, modified, added or replaced\n"
      "  #   reason: what about this site made it necessary\n"
      "  #   planned: true              # planned before adoption, or made on the way\n"
      "  #   decided_by: who decided\n"
      "  #   date: YYYY-MM-DD\n"
      "  #   fidelity: consistent       # consistent, inconsistent or unknown\n";
  text += tail;
  const LoadResult out = load_model("adaptation.yaml", text);
  if (!out.usable) {
    result.error = "the adaptation would not be a model lmc can read";
    return result;
  }
  result.ok = true;
  result.text = std::move(text);
  return result;
}

}  // namespace lmc
