// SPDX-License-Identifier: Apache-2.0
// The page of `lmc serve` (HTML, CSS, script), compiled in from cli/serve/page/
// (cmake/embed_files.cmake): no CDN, no internet, no JavaScript build step.
#pragma once

#include <cstddef>
#include <string_view>

namespace lmc::cli::serve {

struct Asset {
  std::string_view name;  ///< the file name: page.html, page.css, page.js
  std::string_view text;
};

extern const Asset kAssets[];
extern const std::size_t kAssetsCount;

}  // namespace lmc::cli::serve
