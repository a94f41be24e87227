// SPDX-License-Identifier: Apache-2.0
// A checked model drawn as `lmc render` draws it: for render, render --watch and serve.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "checked_model.h"
#include "lmc/render.h"

namespace lmc::cli {

struct DrawSettings {
  OutputFormat format = OutputFormat::svg;
  std::optional<PageSize> page;  ///< unset: the model's render.page, else A4
  bool portrait = false;         ///< forced portrait
  bool landscape = false;        ///< forced landscape (else the model's render block decides)
  bool annotate = false;
  bool indicators = false;
  int dpi = 150;
  /// The box order of the drawing this one replaces (read_layout_memo), to keep it.
  std::vector<std::vector<std::string>> previous_order;
};

/// The diagram's bytes, or an error; Graphviz's own messages beside them.
RenderResult draw(const CheckedModel& c, const DrawSettings& settings);

/// How many findings of each severity, as "2 errors, 1 warning, 0 infos".
std::string count_findings(const std::vector<Diagnostic>& findings);

}  // namespace lmc::cli
