// SPDX-License-Identifier: Apache-2.0
#include "lsp/language.h"

#include <fmt/format.h>

#include <cctype>
#include <set>

#include "lmc/rules.h"
#include "lmc/spread.h"

namespace lmc::cli::lsp {

namespace {

bool id_char(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '-' || c == '_' || c == '.' || c == '/' || c == '#' || u >= 0x80;
}

std::size_t indent_of(std::string_view line) {
  std::size_t k = 0;
  while (k < line.size() && line[k] == ' ') ++k;
  return k;
}

// The last key written in `text`, the start of a line up to the cursor (`  to: [a, b`,
// `- {id: a, to: [b`), or empty.
std::string_view last_key(std::string_view text) {
  std::string_view found;
  for (std::size_t k = 0; k < text.size(); ++k) {
    if (text[k] != ':' || (k + 1 < text.size() && text[k + 1] != ' ')) continue;
    std::size_t start = k;
    while (start > 0 &&
           (std::isalnum(static_cast<unsigned char>(text[start - 1])) || text[start - 1] == '_')) {
      --start;
    }
    if (start < k) found = text.substr(start, k - start);
  }
  return found;
}

std::string_view stage_words(const Item& it, std::string& buffer) {
  buffer = std::string(stage_name(it.stage));
  if (it.stage == Stage::outcome && it.term != Term::none) {
    buffer += fmt::format(" ({} term)", term_name(it.term));
  }
  return buffer;
}

}  // namespace

std::optional<Word> word_at(std::string_view line, std::size_t at) {
  at = std::min(at, line.size());
  std::size_t begin = at, end = at;
  while (begin > 0 && id_char(line[begin - 1])) --begin;
  while (end < line.size() && id_char(line[end])) ++end;
  if (begin == end) return std::nullopt;
  return Word{std::string(line.substr(begin, end - begin)), begin, end};
}

std::string value_key_at(const SourceText& source, std::uint32_t line1, std::size_t byte) {
  const std::string_view line = source.line(line1);
  const std::string_view before = line.substr(0, std::min(byte, line.size()));
  // A suppression comment: `# lmc: ignore[rule, ...` or `ignore-file[`.
  if (const auto hash = before.rfind('#'); hash != std::string_view::npos) {
    const std::string_view comment = before.substr(hash);
    if (comment.find("lmc:") != std::string_view::npos &&
        comment.find('[') != std::string_view::npos &&
        comment.find(']') == std::string_view::npos) {
      return "ignore";
    }
  }
  // A key before the cursor on this line: its value is being written.
  if (const std::string_view key = last_key(before); !key.empty()) return std::string(key);
  // A line of a block list (`    - fewer-falls`): the key of the first line above it that is
  // indented less.
  const std::size_t indent = indent_of(line);
  if (indent < line.size() && line[indent] != '-') return {};
  for (std::uint32_t l = line1; l-- > 1;) {
    const std::string_view above = source.line(l);
    const std::size_t at = indent_of(above);
    if (at >= above.size() || above[at] == '#') continue;
    if (at < indent) return std::string(last_key(above));
  }
  return {};
}

std::optional<Target> resolve(const ModelSet& set, int model, std::string_view reference) {
  if (model < 0 || model >= static_cast<int>(set.models.size())) return std::nullopt;
  std::string_view id = reference;
  int m = model;
  if (const auto split = split_file_ref(reference)) {
    const auto t = set.targets[model].find(split->first);
    if (t == set.targets[model].end() || t->second.model < 0) return std::nullopt;
    m = t->second.model;
    id = split->second;
  }
  const LoadResult& loaded = *set.models[m];
  if (!loaded.usable) return std::nullopt;
  const Model& mo = loaded.model;
  for (std::size_t i = 0; i < mo.items.size(); ++i) {
    if (mo.items[i].id.value == id) return Target{Target::Kind::item, m, i};
  }
  // Assumptions and factors belong to their own model only.
  if (m != model) return std::nullopt;
  for (std::size_t i = 0; i < mo.assumptions.size(); ++i) {
    if (mo.assumptions[i].id.value == id) return Target{Target::Kind::assumption, m, i};
  }
  for (std::size_t i = 0; i < mo.factors.size(); ++i) {
    if (mo.factors[i].id.value == id) return Target{Target::Kind::factor, m, i};
  }
  return std::nullopt;
}

Span target_span(const ModelSet& set, const Target& t) {
  const Model& m = set.models[t.model]->model;
  switch (t.kind) {
    case Target::Kind::item: return m.items[t.index].id.span;
    case Target::Kind::assumption: return m.assumptions[t.index].id.span;
    case Target::Kind::factor: return m.factors[t.index].id.span;
  }
  return {};
}

std::string describe(const ModelSet& set, int from_model, const Target& t) {
  const Model& m = set.models[t.model]->model;
  std::string out;
  std::string buffer;
  switch (t.kind) {
    case Target::Kind::item: {
      const Item& it = m.items[t.index];
      out = fmt::format("**{}** `{}`\n\n{}", stage_words(it, buffer), it.id.value, it.label.value);
      if (!it.indicators().empty()) {
        out += fmt::format("\n\nMeasured by {} indicator{}", it.indicators().size(),
                           it.indicators().size() == 1 ? "" : "s");
        for (const Indicator& ind : it.indicators()) out += "\n- " + ind.label.value;
      }
      if (const Text* detail = it.detail_model()) out += "\n\nDetailed in `" + detail->value + "`";
      break;
    }
    case Target::Kind::assumption: {
      const Assumption& a = m.assumptions[t.index];
      out = fmt::format("**assumption** `{}` ({})\n\n{}", a.id.value, status_name(a.status),
                        a.text.value);
      break;
    }
    case Target::Kind::factor: {
      const ExternalFactor& f = m.factors[t.index];
      out = fmt::format("**external factor** `{}`\n\n{}", f.id.value, f.text.value);
      break;
    }
  }
  if (t.model != from_model) {
    out += fmt::format(
        "\n\nIn *{}* (`{}`)", m.title.value,
        path_from(set.models[from_model]->source.path(), set.models[t.model]->source.path()));
  }
  return out;
}

std::string describe_rule(std::string_view id) {
  const Rule* r = find_rule(id);
  if (!r) return {};
  return fmt::format("**{}** ({}, {}): {}\n\nFix: {}\n\n[The rule's page]({})", r->id,
                     to_string(r->severity), to_string(r->category), r->summary, r->fix,
                     rule_page_url(r->id));
}

namespace {

// The blueprint model `model` adapts, loaded; null when none.
const Model* blueprint_model(const ModelSet& set, int model) {
  const int b = set.blueprint_of(model);
  if (b < 0 || b == model || !set.models[static_cast<std::size_t>(b)]->usable) return nullptr;
  return &set.models[static_cast<std::size_t>(b)]->model;
}

std::string record_line(const Adaptation* a) {
  if (!a) return {};
  return fmt::format("\n\nRecorded ({}): {}", change_name(a->change),
                     a->reason.value.empty() ? "no reason given" : a->reason.value);
}

}  // namespace

std::string describe_in_blueprint(const ModelSet& set, int model, std::string_view id) {
  const Model* bp = blueprint_model(set, model);
  if (!bp) return {};
  const auto view = blueprint_view(*bp, set.models[static_cast<std::size_t>(model)]->model, id);
  if (!view) return {};
  const Model& here = set.models[static_cast<std::size_t>(model)]->model;
  const std::string origin =
      fmt::format("`{}`{}", here.adapts.model.value,
                  bp->version.value.empty() ? "" : ", version " + bp->version.value);
  using Kind = BlueprintView::Kind;
  if (view->kind == Kind::added) {
    return fmt::format("**Not in the blueprint** ({}): added here{}", origin,
                       view->record ? record_line(view->record)
                                    : "\n\nNot recorded: add it under `adaptations:` with why");
  }
  std::string out;
  if (view->kind == Kind::item) {
    out = fmt::format("**In the blueprint** ({}): {}{} `{}`, *{}*", origin,
                      view->core ? "core component, " : "", stage_name(view->stage), view->id,
                      view->there);
    const SpreadCell& c = view->cell;
    out += fmt::format("\n\nHere: **{}**", fate_name(c.fate));
    if (!c.changes.empty()) {
      std::string changes;
      for (const std::string& words : c.changes) changes += (changes.empty() ? "" : "; ") + words;
      out += ": " + changes;
    }
    out += record_line(view->record);
    if (c.unrecorded) out += "\n\nNot recorded: add it under `adaptations:` with why";
    return out;
  }
  out = fmt::format("**In the blueprint** ({}): {}assumption `{}`, {}", origin,
                    view->context ? "context " : "", view->id, status_name(view->status));
  for (const std::string& e : view->evidence) out += "\n- " + e;
  const SpreadStatus& h = view->here;
  if (!h.present) {
    out += "\n\nHere: not adopted" + record_line(h.record);
  } else if (h.carried) {
    out +=
        "\n\nHere: carried over as the blueprint has it: test it here (`status: untested` "
        "and a `test`), or give local `evidence`";
  } else {
    out += fmt::format("\n\nHere: {}{}", status_name(h.status),
                       h.reworded ? ", worded differently" : "");
  }
  return out;
}

std::vector<Completion> completions(const ModelSet& set, int model, std::string_view key) {
  std::vector<Completion> out;
  // The words of a record's `change` and `fidelity`, as the model names them, each with what
  // it means.
  if (key == "change") {
    using C = Adaptation::Change;
    constexpr std::pair<C, const char*> kChanges[] = {
        {C::dropped, "the blueprint's item is not here"},
        {C::modified, "changed here"},
        {C::added, "not in the blueprint"},
        {C::replaced, "something else does its job here"}};
    for (const auto& [c, about] : kChanges) {
      out.push_back(Completion{std::string(change_name(c)), about, about, 12});
    }
    return out;
  }
  if (key == "fidelity") {
    using F = Adaptation::Fidelity;
    constexpr std::pair<F, const char*> kFidelities[] = {
        {F::consistent, "keeps the blueprint's core function"},
        {F::inconsistent, "departs from the core function"},
        {F::unknown, "not yet known"}};
    for (const auto& [f, about] : kFidelities) {
      out.push_back(Completion{std::string(fidelity_name(f)), about, about, 12});
    }
    return out;
  }
  if (key == "item") {
    const Model* bp = blueprint_model(set, model);
    const Model& here = set.models[static_cast<std::size_t>(model)]->model;
    std::string buffer;
    std::set<std::string> seen;
    auto add = [&](const std::string& id, std::string detail) {
      if (id.empty() || !seen.insert(id).second) return;
      const std::string doc = describe_in_blueprint(set, model, id);
      out.push_back(Completion{id, std::move(detail), doc, 18});
    };
    for (const Item& it : here.items) add(it.id.value, std::string(stage_words(it, buffer)));
    for (const Assumption& a : here.assumptions) add(a.id.value, "assumption");
    if (bp) {
      for (const Item& it : bp->items) {
        add(it.id.value, std::string(stage_words(it, buffer)) + ", in the blueprint only");
      }
      for (const Assumption& a : bp->assumptions)
        add(a.id.value, "assumption, in the blueprint only");
    }
    return out;
  }
  if (key == "ignore") {
    for (const Rule& r : all_rules()) {
      out.push_back(Completion{std::string(r.id), std::string(to_string(r.severity)),
                               std::string(r.summary), 12});
    }
    return out;
  }
  if (key != "to" && key != "from" && key != "about" && key != "affects") return out;
  std::string buffer;
  auto add_items = [&](int m, const std::string& prefix) {
    if (!set.models[m]->usable) return;
    for (const Item& it : set.models[m]->model.items) {
      if (it.id.value.empty()) continue;
      out.push_back(Completion{prefix + it.id.value, std::string(stage_words(it, buffer)),
                               it.label.value, 18});
    }
  };
  add_items(model, "");
  for (const auto& [path, target] : set.targets[model]) {
    if (target.model >= 0 && target.model != model) add_items(target.model, path + "#");
  }
  return out;
}

}  // namespace lmc::cli::lsp
