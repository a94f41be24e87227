// SPDX-License-Identifier: Apache-2.0
#include "lmc/render.h"

namespace lmc {

std::string_view to_string(OutputFormat f) {
  switch (f) {
    case OutputFormat::svg: return "svg";
    case OutputFormat::pdf: return "pdf";
    case OutputFormat::png: return "png";
    case OutputFormat::dot: return "dot";
  }
  return "svg";
}

std::optional<OutputFormat> parse_output_format(std::string_view name) {
  for (OutputFormat f :
       {OutputFormat::svg, OutputFormat::pdf, OutputFormat::png, OutputFormat::dot}) {
    if (to_string(f) == name) return f;
  }
  return std::nullopt;
}

std::optional<PageSize> parse_page_size(std::string_view name) {
  if (name == "a5") return PageSize::a5;
  if (name == "a4") return PageSize::a4;
  if (name == "a3") return PageSize::a3;
  if (name == "letter") return PageSize::letter;
  if (name == "legal") return PageSize::legal;
  if (name == "tabloid") return PageSize::tabloid;
  if (name == "screen") return PageSize::screen;
  return std::nullopt;
}

std::string_view page_name(PageSize p) {
  switch (p) {
    case PageSize::a5: return "A5";
    case PageSize::a4: return "A4";
    case PageSize::a3: return "A3";
    case PageSize::letter: return "Letter";
    case PageSize::legal: return "Legal";
    case PageSize::tabloid: return "Tabloid";
    case PageSize::screen: return "a 16:9 screen";
  }
  return "A4";
}

PageGeometry page_geometry(PageSize size, bool portrait) {
  constexpr double kMm = 72.0 / 25.4;
  double w = 0, h = 0;  // portrait
  switch (size) {
    case PageSize::a5: w = 148 * kMm, h = 210 * kMm; break;
    case PageSize::a4: w = 210 * kMm, h = 297 * kMm; break;
    case PageSize::a3: w = 297 * kMm, h = 420 * kMm; break;
    case PageSize::letter: w = 8.5 * 72, h = 11 * 72; break;
    case PageSize::legal: w = 8.5 * 72, h = 14 * 72; break;
    case PageSize::tabloid: w = 11 * 72, h = 17 * 72; break;
    case PageSize::screen: w = 5.625 * 72, h = 10 * 72; break;
  }
  const bool screen = size == PageSize::screen;
  const double margin = screen ? kScreenMargin : kPageMargin;
  return portrait ? PageGeometry{w, h, margin, screen} : PageGeometry{h, w, margin, screen};
}

PageGeometry model_page(const Model& model, std::optional<PageSize> size,
                        std::optional<bool> portrait) {
  return page_geometry(size.value_or(model.render.page.value_or(PageSize::a4)),
                       portrait.value_or(model.render.portrait.value_or(false)));
}

}  // namespace lmc
