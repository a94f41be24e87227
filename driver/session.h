// SPDX-License-Identifier: Apache-2.0
// Models read from the command line with every model they reach (a programme and its work
// streams), checked together: what check, render, report, export and serve start from.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "driver/config_cache.h"
#include "driver/files.h"
#include "lmc/diagnostic.h"
#include "lmc/model_set.h"
#include "lmc/results.h"

namespace lmc::driver {

/// A given model's results, read for check (`results:`).
struct ResultsFile {
  int model = -1;    ///< in the set
  std::string text;  ///< the CSV as read, for excerpts of its findings
  Results results;   ///< path, rows, and the rows that cannot be read
};

struct CheckedSet {
  ModelSet set;
  /// With `with_results`: each model's results that its `results:` names.
  std::vector<std::unique_ptr<ResultsFile>> results;
  std::vector<Diagnostic> findings;  ///< of every model, sorted
  std::vector<int> links;            ///< per model: the sound links written in it
  bool configs_ok = true;  ///< false when a model's .lmc.yaml had problems (told the reporter)

  /// The findings in one model's file.
  std::vector<Diagnostic> findings_in(int model) const;
};

/// Reads files for load_model_set() as read_file() does.
ReadFileFn model_file_reader();

/// Loads `files` and every model they reach through `model:` and PATH#id, and checks each
/// group of linked models as one graph, each model under the configuration of its folder.
/// The models reached are read with `read` (the language server reads the editor's unsaved
/// text); by default, from disk. With `with_results`, each model (given or reached) whose
/// `results:` names a CSV has it read and checked with it (stale-indicator, and its rows that
/// cannot be read); one that cannot be read at all is an invalid-value finding at the key.
CheckedSet load_and_check(std::vector<InputFile> files, ConfigCache& configs,
                          const std::string& today_date, const ReadFileFn& read = {},
                          bool report_unused_suppressions = false, bool with_results = false);

/// One model file named by `path` (a command's argument), read from disk with the size limit
/// and loaded and checked as load_and_check() does; the model is `models[0]`. Nullopt, with
/// why in `error` ("does not exist", ...), when the file cannot be read.
std::optional<CheckedSet> load_file_and_check(const std::string& path, ConfigCache& configs,
                                              const std::string& today_date, std::string& error);

/// The models a programme's boxes detail, depth first in the order written, each once,
/// starting with `root`: the pages of its book.
std::vector<int> book_order(const ModelSet& set, int root);

}  // namespace lmc::driver
