// SPDX-License-Identifier: Apache-2.0
// How large a model's text prints on a page, and which page would hold it: the one answer
// page-overflow, render's warnings and `--page auto` share with the layout itself.
#include <fmt/format.h>

#include <cmath>

#include "lmc/graph.h"
#include "lmc/render.h"
#include "render/layout.h"

namespace lmc {

PageFit fit_page(const Model& model, const PageGeometry& page, std::optional<double> at_least,
                 const std::vector<StubItem>& stubs) {
  PageFit fit;
  // Columns counted from the model first: a model far too large for a page is answered
  // without laying out a diagram of it.
  const auto& columns = render::column_defs();
  std::vector<std::size_t> counts(columns.size(), 0);
  for (const Item& it : model.items) ++counts[render::column_of(it.stage, it.term)];
  for (const StubItem& stub : stubs) ++counts[render::column_of(stub.stage, stub.term)];
  int crowded = -1;
  if (const auto bound = render::crowded_bound(counts, page, &crowded)) {
    fit.text_size = *bound;
    fit.limit = fmt::format("the {} {} ({} boxes)", columns[crowded].title,
                            page.width >= page.height ? "column" : "row", counts[crowded]);
    fit.limit_span = model.section_spans[static_cast<int>(columns[crowded].stage)];
    return fit;
  }
  const Graph graph(model);
  Decorations marks;
  marks.stubs = stubs;
  const render::Diagram diagram = render::build_diagram(model, graph, marks, false);
  if (at_least && render::fits_at(diagram, page, *at_least)) {
    fit.text_size = *at_least;
    return fit;
  }
  int column = -1;
  fit.text_size = render::fit_text_size(diagram, page, &fit.limit, &column);
  if (column >= 0)
    fit.limit_span = model.section_spans[static_cast<int>(diagram.columns[column].stage)];
  return fit;
}

std::vector<PageSize> page_series(PageSize like) {
  if (like == PageSize::letter || like == PageSize::legal || like == PageSize::tabloid) {
    return {PageSize::letter, PageSize::legal, PageSize::tabloid};
  }
  if (like == PageSize::screen) return {PageSize::screen};
  return {PageSize::a5, PageSize::a4, PageSize::a3};
}

std::string printed_size(double size) {
  return size >= 1     ? fmt::format("{:.1f}", std::floor(size * 10) / 10)
         : size >= 0.1 ? fmt::format("{:.2f}", std::floor(size * 100) / 100)
                       : std::string("less than 0.1");
}

std::optional<PageChoice> smallest_page(const Model& model, PageSize like, bool portrait,
                                        double at_least, const std::vector<StubItem>& stubs) {
  for (PageSize size : page_series(like)) {
    const PageFit fit = fit_page(model, page_geometry(size, portrait), std::nullopt, stubs);
    if (fit.text_size >= at_least) return PageChoice{size, fit.text_size};
  }
  return std::nullopt;
}

std::string page_advice(const Model& model, PageSize size, bool portrait,
                        const std::vector<StubItem>& stubs) {
  const auto series = page_series(size);
  for (PageSize bigger : series) {
    if (page_geometry(bigger, false).width <= page_geometry(size, false).width) continue;
    const PageFit fit = fit_page(model, page_geometry(bigger, portrait), std::nullopt, stubs);
    if (fit.text_size >= kMinTextSize) {
      return fmt::format("at {} the boxes print at {} pt", page_name(bigger),
                         printed_size(fit.text_size));
    }
  }
  // Turned the other way, the page may hold it.
  const PageFit turned = fit_page(model, page_geometry(size, !portrait), std::nullopt, stubs);
  if (turned.text_size >= kMinTextSize) {
    return fmt::format("on {} {} the boxes print at {} pt", page_name(size),
                       portrait ? "landscape" : "portrait", printed_size(turned.text_size));
  }
  const PageSize largest = series.back();
  const PageFit fit = fit_page(model, page_geometry(largest, portrait), std::nullopt, stubs);
  return fmt::format(
      "split the work streams into models of their own, linked from this one with `model:` "
      "(on {} the boxes would print at {} pt)",
      page_name(largest), printed_size(fit.text_size));
}

}  // namespace lmc
