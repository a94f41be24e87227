// SPDX-License-Identifier: Apache-2.0
// The starter models of `lmc init`, compiled in from cli/templates/*.yaml
// (cmake/embed_files.cmake), so the binary writes exactly the files the source tree shows.
#pragma once

#include <cstddef>
#include <string_view>

namespace lmc::cli {

struct Template {
  std::string_view name;  ///< the file name without .yaml: blank, pacs, ...
  std::string_view text;
};

extern const Template kTemplates[];
extern const std::size_t kTemplatesCount;

}  // namespace lmc::cli
