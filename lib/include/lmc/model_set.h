// SPDX-License-Identifier: Apache-2.0
// Programmes: several models that name each other (`model: PATH` on a box, `PATH#id` in a
// reference), loaded once each and seen as one graph.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "lmc/load.h"

namespace lmc {

/// A file a model names, in `model:` or before '#': which loaded model it is, or why none is.
struct FileTarget {
  enum class Status : std::uint8_t { ok, missing, not_a_model };
  Status status = Status::ok;
  int model = -1;          ///< index in ModelSet::models when ok
  std::string reason;      ///< why not, as a clause: "there is no such file"
  std::string suggestion;  ///< the nearest model file, written as a path from the same file
};

/// The files one model names, by the path as written.
using FileTargets = std::map<std::string, FileTarget, std::less<>>;

/// A model given to load_model_set(): a file, or standard input (no location).
struct ModelSource {
  std::string display;             ///< the path as reports show it
  std::filesystem::path location;  ///< where it is on disk; empty for standard input
  std::string text;
  std::uintmax_t oversize = 0;  ///< not read: its size, over kMaxModelBytes
};

/// Models that name each other, each loaded once whatever the number of paths to it.
struct ModelSet {
  std::vector<std::unique_ptr<LoadResult>> models;  ///< the given ones first, then as reached
  std::vector<FileTargets> targets;                 ///< per model: the files it names
  std::vector<std::filesystem::path> real;          ///< per model; empty for standard input
  std::size_t given = 0;                            ///< models [0, given) were asked for
  /// The real path of every file a model here names, whether it loaded or not (missing, or not
  /// a model): a change to any of them may change what the set says, so a server that shows
  /// the set reads it again then.
  std::set<std::filesystem::path> named;

  /// Whether the set read, or tried to read, the file at `real` (a real path), other than the
  /// first given model's own.
  bool depends_on(const std::filesystem::path& real) const;

  /// The model that model `m` adapts (its `adapts:` blueprint), as an index here; -1 when it
  /// adapts none, or what it names did not load as a model.
  int blueprint_of(int m) const;

  /// The models linked by what they name, as groups of indices (each in index order, groups
  /// in order of their first member): what must be checked together.
  std::vector<std::vector<int>> groups() const;
};

/// Reads a whole file for load_model_set(): true with its text; false with why not ("there is
/// no such file", "it is a folder, not a file"), or with `oversize` set when it is too large
/// to read. Files need not be on disk (a revision in git).
using ReadFileFn = std::function<bool(const std::filesystem::path&, std::string& text,
                                      std::string& why, std::uintmax_t& oversize)>;
/// Runs task(0) .. task(count - 1), possibly at once on several threads.
using ParallelFn = std::function<void(std::size_t, const std::function<void(std::size_t)>&)>;

/// Loads the given models and every model they reach through `model:` and `PATH#id`, each file
/// once (by its real path: two spellings or a symlink of one file are one model), following
/// chains and loops of references once. Given sources that are one file are loaded once, as
/// the first of them. A reached model is shown by its path from the first model that named it
/// ("examples/programme/workstreams/frailty.yaml").
ModelSet load_model_set(std::vector<ModelSource> given, const ReadFileFn& read,
                        const ParallelFn& parallel);

/// The files a model names (its `adapts:` blueprint, `model:` and the PATH of each PATH#id),
/// each once, in the order written.
std::vector<std::string> named_files(const Model& model);

/// How `other` is written from `from` ("../programme.yaml", "workstreams/frailty.yaml"): the
/// display path of one model relative to the folder of another.
std::string path_from(const std::string& from, const std::string& other);

}  // namespace lmc
