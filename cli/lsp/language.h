// SPDX-License-Identifier: Apache-2.0
// What the language server knows about a place in a model: the id or rule under the cursor,
// what it names, and which ids may be written there.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lmc/model_set.h"

namespace lmc::cli::lsp {

/// A word of id characters (letters, digits, '-', '_', '.', '/', '#') in one line: its text and
/// its bytes [begin, end) in the line.
struct Word {
  std::string text;
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// The word at byte `at` of `line` (touching it on either side); nullopt on none.
std::optional<Word> word_at(std::string_view line, std::size_t at);

/// The key whose value the cursor is in, for completion: "to", "from", "about", "affects", or
/// "ignore" (also inside `# lmc: ignore[...]`); empty elsewhere. Works on text being typed, so
/// it reads the lines, not the parsed model.
std::string value_key_at(const SourceText& source, std::uint32_t line1, std::size_t byte);

/// What an id written in model 0 of `set` names.
struct Target {
  enum class Kind { item, assumption, factor };
  Kind kind = Kind::item;
  int model = 0;          ///< index in set.models
  std::size_t index = 0;  ///< in that model's items, assumptions or factors
};
std::optional<Target> resolve(const ModelSet& set, int model, std::string_view reference);

/// Where a target's id is written.
Span target_span(const ModelSet& set, const Target& t);

/// Markdown describing a target (its kind, stage, term, label or statement, and model when it
/// is another), or a rule (`id` a rule id): for hover.
std::string describe(const ModelSet& set, int from_model, const Target& t);
std::string describe_rule(std::string_view id);

/// What the blueprint model `model` adapts says of `id` (an item or assumption written here, or
/// one of the blueprint's this model dropped), and what became of it here, as Markdown for
/// hover; empty when the model adapts no blueprint that loaded, or the id is in neither.
std::string describe_in_blueprint(const ModelSet& set, int model, std::string_view id);

/// A completion: the text to insert and what it names.
struct Completion {
  std::string label;
  std::string detail;         ///< "outcome (short term)"
  std::string documentation;  ///< the label or statement
  int kind = 18;              ///< LSP CompletionItemKind: 18 reference, 12 value (rule ids)
};

/// The ids that may be written as a value of `key` in model `model`: its own items (and
/// assumptions and factors are not: they are not link ends), the items of the models it
/// already names as PATH#id, and for `ignore`, the rule ids. In an adaptation's records,
/// `item` takes its items and assumptions and the blueprint's it no longer has, each with
/// what the blueprint says of it; `change` and `fidelity` their words.
std::vector<Completion> completions(const ModelSet& set, int model, std::string_view key);

}  // namespace lmc::cli::lsp
