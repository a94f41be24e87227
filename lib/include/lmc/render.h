// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lmc/diagnostic.h"
#include "lmc/model.h"

namespace lmc {

/// What `lmc render` can write.
enum class OutputFormat { svg, pdf, png, dot };

/// "svg", "pdf", "png" or "dot".
std::string_view to_string(OutputFormat f);
/// Parses "svg", "pdf", "png" or "dot".
std::optional<OutputFormat> parse_output_format(std::string_view name);
/// Parses "a4", "letter", ... (the names the format's `render.page` takes).
std::optional<PageSize> parse_page_size(std::string_view name);

/// A page in points (1/72 inch), portrait or landscape.
struct PageGeometry {
  double width = 0, height = 0;
};
PageGeometry page_geometry(PageSize size, bool portrait);

/// Margin left blank around the drawing on every side, in points (10 mm).
inline constexpr double kPageMargin = 72.0 * 10.0 / 25.4;

/// How one item or link is marked on the diagram (annotations, diffs).
struct Highlight {
  std::string color;    ///< an outline colour, "#RRGGBB"
  bool dashed = false;  ///< dashed as well as coloured, so colour is never the only cue
};

/// An item of another revision, drawn as a ghost where it stood (the visual diff).
struct GhostItem {
  std::string id, label;
  Stage stage = Stage::resource;
  Term term = Term::none;
};

/// Extra marks drawn on top of the model: outlines on items and links, ghosts of what was
/// removed, and a key explaining them. Items and links are named by id ("a -> b" for a link
/// is the pair {a, b}).
struct Decorations {
  std::map<std::string, Highlight, std::less<>> items;
  std::map<std::pair<std::string, std::string>, Highlight> links;
  std::vector<GhostItem> ghost_items;
  std::vector<std::pair<std::string, std::string>> ghost_links;
  Highlight ghost;  ///< how ghosts are drawn
  /// Lines of the key, each a highlight and what it means.
  std::vector<std::pair<Highlight, std::string>> key;
};

/// Outlines items with findings: red and solid for errors, amber and dashed for warnings.
Decorations annotate_findings(const std::vector<Diagnostic>& findings);

/// The DOT text `lmc render` lays out: deterministic (the same model gives the same bytes),
/// every user text escaped, node names from the model's ids.
std::string to_dot(const Model& model, const Decorations& decorations = {});

/// What rendering produced: the output's bytes, or an error; and Graphviz's own messages.
struct RenderResult {
  std::string data;
  std::string error;  ///< empty when it worked
  std::vector<std::string> messages;
};

struct RenderOptions {
  OutputFormat format = OutputFormat::svg;
  PageGeometry page = page_geometry(PageSize::a4, false);
  int dpi = 150;  ///< PNG only
};

/// Lays out DOT with Graphviz's dot engine in this process and renders it to one page: the
/// drawing is scaled to fit inside the margins and centred. One render at a time (Graphviz
/// keeps global state). Never throws.
RenderResult render_dot(const std::string& dot, const RenderOptions& options);

}  // namespace lmc
