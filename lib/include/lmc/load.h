// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
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

/// Whether a file's name says YAML: `.yaml` or `.yml`, in any case (`Frailty.YAML`).
bool is_yaml_name(const std::filesystem::path& path);

/// What a walk through a folder makes of a YAML file: a model; a file that is none, passed
/// over; or one that cannot be read as UTF-8 text (saved as UTF-16, bytes that are not UTF-8,
/// a NUL), or that names `logic_model` where no top-level key is found, which may be a model
/// and so is checked (it gets a located finding), never passed over without a word.
enum class YamlFile { model, other, unreadable };
YamlFile classify_yaml(std::string_view text);

}  // namespace lmc
