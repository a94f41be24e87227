// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include "lmc/diagnostic.h"
#include "lmc/model.h"
#include "lmc/source.h"

namespace lmc {

/// Largest model file lmc reads, in bytes.
inline constexpr std::size_t kMaxModelBytes = 64u << 20;

/// What loading a file gives: the model (as much as could be read), the loader's findings
/// (severity not yet decided: check() applies the rule table and config), and whether the
/// model is sound enough for the graph rules to run.
struct LoadResult {
  SourceText source;
  Model model;
  std::vector<Diagnostic> diagnostics;
  bool usable = false;
};

/// Parses YAML text into a Model. Never throws on bad input: every problem becomes a
/// diagnostic with a 1-based position. `path` is used in diagnostics only.
LoadResult load_model(std::string path, std::string text);

/// A model with nothing in it and no findings: what a revision where the file did not exist
/// yet (or `/dev/null`) is compared as.
LoadResult empty_model(std::string path);

/// What load_model() says of a file of `bytes` bytes, over kMaxModelBytes, without its text:
/// one located finding. Lets a reader refuse a huge file before reading it.
LoadResult oversized_model(std::string path, std::uintmax_t bytes);

/// Whether text is a real calendar date written YYYY-MM-DD.
bool is_valid_date(std::string_view text);

/// Whether the text's top level is a mapping with a `logic_model` key. Cheap enough to run on
/// every YAML file in a tree; a file that does not parse counts when a line starts with
/// `logic_model:`.
bool looks_like_model(std::string_view text);

}  // namespace lmc
