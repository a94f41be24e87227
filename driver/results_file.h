// SPDX-License-Identifier: Apache-2.0
// A model's results file: where it is (--results, else the model's `results:` key, relative to
// the model), read within its limit and against the model.
#pragma once

#include <optional>
#include <string>

#include "lmc/model.h"
#include "lmc/results.h"

namespace lmc::driver {

/// The results file of the model at `model_path`: `given` when not empty, else its `results:`
/// relative to the model's folder; empty when neither names one.
std::string results_path(const std::string& model_path, const Model& model,
                         const std::string& given);

/// Reads and checks the results at `path` for `model` on `today`; nullopt (and `why`, a
/// sentence about the file) when it cannot be read or is larger than kMaxResultsBytes.
/// `text` receives the file's text, for excerpts of its problems.
std::optional<Results> load_results(const std::string& path, const Model& model,
                                    const std::string& today, std::string& why,
                                    std::string* text = nullptr);

}  // namespace lmc::driver
