// SPDX-License-Identifier: Apache-2.0
// The starter models of `lmc init`, compiled in from cli/templates/*.yaml
// (cmake/embed_files.cmake), so the binary writes exactly the files the source tree shows.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

namespace lmc::cli {

struct Template {
  std::string_view name;  ///< the file name without .yaml: blank, pacs, ...
  std::string_view text;
};

extern const Template kTemplates[];
extern const std::size_t kTemplatesCount;

inline std::span<const Template> templates() {
  return {kTemplates, kTemplatesCount};
}

/// What a template is, from its first line: "# Enhanced health in care homes (EHCH): ..."
/// gives "Enhanced health in care homes (EHCH)".
inline std::string_view template_summary(const Template& t) {
  std::string_view line = t.text.substr(0, t.text.find('\n'));
  if (line.starts_with("# ")) line.remove_prefix(2);
  return line.substr(0, line.find(':'));
}

}  // namespace lmc::cli
