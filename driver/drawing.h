// SPDX-License-Identifier: Apache-2.0
// A checked model drawn as `lmc render` draws it: for render, render --watch and serve.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "driver/checked_model.h"
#include "lmc/model_set.h"
#include "lmc/render.h"
#include "lmc/results.h"

namespace lmc::driver {

struct DrawSettings {
  OutputFormat format = OutputFormat::svg;
  std::optional<PageSize> page;  ///< unset: the model's render.page, else A4
  bool auto_page = false;  ///< `--page auto`: the smallest standard page that holds it at 10 pt
  bool portrait = false;   ///< forced portrait
  bool landscape = false;  ///< forced landscape (else the model's render block decides)
  bool annotate = false;
  bool indicators = false;
  bool bands = true;  ///< the title's facts and the bands under the columns (off: a projector's)
  int dpi = 150;
  /// The box order of the drawing this one replaces (read_layout_memo), to keep it.
  std::vector<std::vector<std::string>> previous_order;
  /// In a programme: the items of other models this one links to, and the drill-down marks.
  std::vector<StubItem> stubs;
  std::map<std::string, DrillDown, std::less<>> drill;
  /// Marks to draw the model with instead of none (render --lineage: the visual diff against
  /// its blueprint); --annotate's are used when this is null.
  const Decorations* marks = nullptr;
  /// --results: the line under each indicator (item id -> indicator index -> result_line()).
  std::map<std::string, std::map<std::size_t, std::string>, std::less<>> results;
};

/// Draws each indicator's latest result and status from `results` under it (and the
/// indicators with it), judged on `today`.
void add_results(DrawSettings& settings, const Model& model, const Results& results,
                 const std::string& today);

/// The page the settings draw `model` on: the flags, else the model's `render` block, else A4
/// landscape; with auto_page, the smallest page of the series that prints the boxes at 10 pt
/// (the largest when none does).
PageGeometry drawing_page(const Model& model, const DrawSettings& settings,
                          PageSize* size = nullptr);

/// When the page drawn (`drawn`, what draw() fitted) prints the model's box text below 7 pt
/// and page-overflow does not say so (the flags chose the page, or --annotate or --indicators
/// added to the drawing): what to say, with the page that would do ("on A4 portrait the box
/// text prints at 5.6 pt, below 7 pt, because of ...; at A3 the boxes print at 8.2 pt").
/// Empty otherwise.
std::string page_warning(const Model& model, const DrawSettings& settings, const PageFit& drawn);

/// The diagram's bytes, or an error; Graphviz's own messages beside them.
/// With `fit`: told the size the box text was fitted at, and what limits it.
RenderResult draw(const Model& model, const std::vector<Diagnostic>& findings,
                  const DrawSettings& settings, PageFit* fit = nullptr);
inline RenderResult draw(const CheckedModel& c, const DrawSettings& settings) {
  return draw(c.loaded->model, c.findings, settings);
}
/// The DOT of the diagram draw() renders, and the page it is drawn on.
BookPage draw_dot(const Model& model, const std::vector<Diagnostic>& findings,
                  const DrawSettings& settings);

/// Fills in the stubs and drill-down marks of model `m` of a programme: `href(t)` is where a
/// link to model t's diagram goes (empty for none), `page(t)` its page in a book (0 for none).
void add_programme_marks(DrawSettings& settings, const ModelSet& set, int m,
                         const std::function<std::string(int)>& href,
                         const std::function<int(int)>& page);

}  // namespace lmc::driver
