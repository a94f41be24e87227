// SPDX-License-Identifier: Apache-2.0
#include "driver/results_file.h"

#include <fmt/format.h>

#include <filesystem>

#include "driver/files.h"

namespace lmc::driver {

namespace fs = std::filesystem;

std::string results_path(const std::string& model_path, const Model& model,
                         const std::string& given) {
  if (!given.empty()) return given;
  if (model.results.value.empty()) return {};
  const fs::path written(model.results.value);
  if (written.is_absolute()) return written.string();
  return (fs::path(model_path).parent_path() / written).lexically_normal().string();
}

std::optional<Results> load_results(const std::string& path, const Model& model,
                                    const std::string& today, std::string& why,
                                    std::string* text_out) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (!ec && size > kMaxResultsBytes) {
    why = fmt::format("is {} MB; results files are read up to {} MB", size >> 20,
                      kMaxResultsBytes >> 20);
    return std::nullopt;
  }
  std::string text;
  if (read_file(path, text, &why, nullptr, Overwrite::allowed) != ReadError::none) {
    return std::nullopt;
  }
  if (text.size() > kMaxResultsBytes) {
    why = fmt::format("is larger than the {} MB results files are read up to",
                      kMaxResultsBytes >> 20);
    return std::nullopt;
  }
  Results results = read_results(path, text, model, today);
  if (text_out) *text_out = std::move(text);
  return results;
}

}  // namespace lmc::driver
