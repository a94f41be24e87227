// SPDX-License-Identifier: Apache-2.0
#include "lsp/language.h"

#include <fmt/format.h>

#include <cctype>

#include "lmc/rules.h"

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

std::vector<Completion> completions(const ModelSet& set, int model, std::string_view key) {
  std::vector<Completion> out;
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
