// SPDX-License-Identifier: Apache-2.0
#include "drawing.h"

#include <fmt/format.h>

namespace lmc::cli {

RenderResult draw(const CheckedModel& c, const DrawSettings& settings) {
  const Model& model = c.loaded->model;
  RenderOptions options;
  options.format = settings.format;
  options.dpi = settings.dpi;
  const PageSize page = settings.page.value_or(model.render.page.value_or(PageSize::a4));
  const bool portrait =
      settings.portrait || (!settings.landscape && model.render.portrait.value_or(false));
  options.page = page_geometry(page, portrait);

  DiagramOptions diagram;
  diagram.page = options.page;
  diagram.indicators = settings.indicators;
  diagram.previous_order = settings.previous_order;
  std::string dot = to_dot(
      model, settings.annotate ? annotate_findings(model, c.findings) : Decorations{}, diagram);
  if (settings.format == OutputFormat::dot) {
    RenderResult r;
    r.data = std::move(dot);
    return r;
  }
  return render_dot(dot, options);
}

std::string count_findings(const std::vector<Diagnostic>& findings) {
  const Summary s = summarize(findings);
  auto n = [](int count, std::string_view what) {
    return fmt::format("{} {}{}", count, what, count == 1 ? "" : "s");
  };
  return fmt::format("{}, {}, {}", n(s.errors, "error"), n(s.warnings, "warning"),
                     n(s.infos, "info"));
}

}  // namespace lmc::cli
