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

class Graph;

/// What `lmc render` can write.
enum class OutputFormat { svg, pdf, png, dot };

/// "svg", "pdf", "png" or "dot".
std::string_view to_string(OutputFormat f);
/// Parses "svg", "pdf", "png" or "dot".
std::optional<OutputFormat> parse_output_format(std::string_view name);
/// Parses "a4", "letter", ... (the names the format's `render.page` takes).
std::optional<PageSize> parse_page_size(std::string_view name);

/// "A4", "Letter", ... as a page is named to a person.
std::string_view page_name(PageSize size);

/// Margin left blank around the drawing on every side of paper, in points (10 mm).
inline constexpr double kPageMargin = 72.0 * 10.0 / 25.4;
/// A screen's margin (4 mm of a 16:9 slide): a projector's picture has no printer's edge.
inline constexpr double kScreenMargin = 72.0 * 4.0 / 25.4;

/// A page in points (1/72 inch), portrait or landscape, and the margin left blank on each side.
struct PageGeometry {
  double width = 0, height = 0;
  double margin = kPageMargin;
  bool screen = false;  ///< a 16:9 slide, for a projector
};
PageGeometry page_geometry(PageSize size, bool portrait);

/// The page a model is drawn on, the one rule for render, diff --render, serve and
/// page-overflow: the size given (a flag), else the model's `render.page`, else A4; portrait
/// when asked (a flag: true portrait, false landscape), else as the model's `render` says,
/// else landscape.
PageGeometry model_page(const Model& model, std::optional<PageSize> size = std::nullopt,
                        std::optional<bool> portrait = std::nullopt);

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

/// An item of another model that this one links to or from (`PATH#id`), drawn as a stub box
/// at the edge of its column, marked with the other model's title.
struct StubItem {
  std::string ref;  ///< the reference as written: "../programme.yaml#fewer-admissions"
  std::string label, model_title;
  Stage stage = Stage::resource;
  Term term = Term::none;
  std::string href;  ///< where the stub links to (SVG): the other model's diagram; may be empty
};

/// The drill-down mark of a box whose `model:` details it.
struct DrillDown {
  std::string name;  ///< the detail model as the box names it: its path from this model
  std::string href;  ///< its diagram (SVG), or empty
  int page = 0;      ///< its page in a book (PDF), or 0
};

/// A finding as the findings band lists it: its marker (0 for a finding about the whole
/// model), severity, rule and message.
struct FindingNote {
  int marker = 0;
  Severity severity = Severity::error;
  std::string rule, message;
};

/// Extra marks drawn on top of the model: outlines on items and links, numbered markers, ghosts
/// of what was removed, marked assumptions and indicators, and a key explaining them. Items and
/// links are named by id ("a -> b" for a link is the pair {a, b}).
struct Decorations {
  using Link = std::pair<std::string, std::string>;
  std::map<std::string, Highlight, std::less<>> items;
  std::map<Link, Highlight> links;
  /// Assumptions and factors (by id) whose rows in the band are marked.
  std::map<std::string, Highlight, std::less<>> rows;
  /// --annotate: marker numbers on items, links and band rows, and the findings they list.
  std::map<std::string, int, std::less<>> item_markers;
  std::map<Link, int> link_markers;
  std::vector<FindingNote> findings;
  /// Visual diff: item id -> index of an indicator of that item -> what it said before.
  std::map<std::string, std::map<std::size_t, std::string>, std::less<>> indicator_was;
  /// --results: item id -> index of an indicator -> its latest result and status, drawn under
  /// it (result_line(): "✗ off track: 38% on 2026-10-31").
  std::map<std::string, std::map<std::size_t, std::string>, std::less<>> indicator_results;
  std::vector<GhostItem> ghost_items;
  std::vector<Link> ghost_links;
  Highlight ghost;  ///< how ghosts are drawn
  /// Programmes: the items of other models this one links to, and the boxes detailed by a
  /// model of their own (by item id).
  std::vector<StubItem> stubs;
  std::map<std::string, DrillDown, std::less<>> drill;
  /// Lines of the key, each a highlight and what it means.
  std::vector<std::pair<Highlight, std::string>> key;
};

/// Marks every item, link, assumption and factor that has a finding with a numbered marker
/// (red and solid outline for errors, amber and dashed for warnings) and lists the findings, so
/// a printout says what is wrong as well as where. `findings` are those of `model`.
Decorations annotate_findings(const Model& model, const std::vector<Diagnostic>& findings);
/// The same, with the model's Graph already built (drawing builds it once for both steps).
Decorations annotate_findings(const Model& model, const Graph& graph,
                              const std::vector<Diagnostic>& findings);

/// One line of an indicator as the diagram shows it: "label: baseline → target by due".
std::string indicator_text(const Indicator& indicator);

/// How large the box text of a model prints on a page: the largest size, up to the renderer's
/// cap, at which the whole diagram fits inside the margins, and what stops it growing.
/// page-overflow and the renderer both use this, so they agree.
struct PageFit {
  double text_size = 0;  ///< points, as printed
  std::string limit;     ///< what fills the page at that size ("the outputs column, 14 boxes")
  Span limit_span;       ///< the section key of that column, when a column is the limit
};

/// How a diagram is drawn: the page (portrait when taller than wide), indicators under the
/// boxes, and the order the boxes had in the previous drawing, so an edit does not reshuffle it.
struct DiagramOptions {
  PageGeometry page = page_geometry(PageSize::a4, false);
  bool indicators = false;
  /// The title's facts and the bands under the columns (assumptions, factors, findings); off
  /// for the projector, whose page lists them beside the diagram.
  bool bands = true;
  /// Item ids column by column, as the drawing this one replaces placed them (see
  /// read_layout_memo); empty when none is known.
  std::vector<std::vector<std::string>> previous_order;
  /// When set, told the box text size the drawing was fitted at and what limits it (with the
  /// marks and bands it carries, which fit_page() does not see).
  PageFit* fitted = nullptr;
};

/// With `at_least`: answers only whether the model fits at that size, quickly, and when it
/// does returns that size (the text may print larger).
/// `stubs`: the items of other models the diagram draws beside the model's own (a programme's
/// work stream links into the programme).
PageFit fit_page(const Model& model, const PageGeometry& page,
                 std::optional<double> at_least = std::nullopt,
                 const std::vector<StubItem>& stubs = {});

/// The box text size the page must allow: below it the page is too small (`page-overflow`,
/// and render's warning for a page given by flags).
inline constexpr double kMinTextSize = 7.0;
/// The box text size `--page auto` chooses a page for.
inline constexpr double kGoodTextSize = 10.0;

/// A standard page and the size the model's box text prints at on it.
struct PageChoice {
  PageSize size = PageSize::a4;
  double text_size = 0;
};
/// The standard pages of `like`'s series, smallest first: A5, A4, A3; or Letter, Legal,
/// Tabloid.
std::vector<PageSize> page_series(PageSize like);
/// A printed text size as lmc says it: "6.9" (rounded down), "0.08", "less than 0.1".
std::string printed_size(double points);

/// The smallest standard page of `like`'s series (A5, A4, A3; or Letter, Legal, Tabloid) on
/// which the model's box text prints at `at_least` points or more, in the orientation given;
/// nullopt when even the largest is too small.
std::optional<PageChoice> smallest_page(const Model& model, PageSize like, bool portrait,
                                        double at_least, const std::vector<StubItem>& stubs = {});
/// What to do about a model whose text is too small on `size`: "at A3 the boxes print at
/// 11.4 pt", or, when no page of the series holds it at 7 pt, "split the work streams into
/// models (on A3 the boxes would print at 5.2 pt)".
std::string page_advice(const Model& model, PageSize size, bool portrait,
                        const std::vector<StubItem>& stubs = {});

/// The most boxes lmc lays out in one column (or row): many times what any page holds legibly
/// (about 60 on A4 and 170 on A0 at 7 pt), and few enough that the layout's ordering phase,
/// whose memory grows with the square of a column, stays small. Graphviz is never handed more.
inline constexpr std::size_t kMaxColumnBoxes = 1000;

/// Why a model cannot be laid out at all, as a located sentence ("m.yaml:5:1: the Outputs
/// column has 46500 boxes; ..."), or nullopt when it can. to_dot() draws nothing for such a
/// model; callers ask first and say this instead.
std::optional<std::string> too_large_to_draw(const Model& model,
                                             const std::vector<StubItem>& stubs = {});

/// The DOT text `lmc render` draws: every box, header, band and link placed on the page (the
/// order within columns from Graphviz's dot, the positions and the routes lmc's own), ready for
/// Graphviz's nop2 layout. Deterministic, every user text escaped, node names from the model's
/// ids. Carries a layout memo (the order of the boxes) that read_layout_memo() finds again in
/// anything render_dot() makes of it. Empty for a model too_large_to_draw() refuses.
std::string to_dot(const Model& model, const Decorations& decorations = {},
                   const DiagramOptions& options = {});
/// The same, with the model's Graph already built.
std::string to_dot(const Model& model, const Graph& graph, const Decorations& decorations,
                   const DiagramOptions& options);

/// The box order a diagram lmc drew (SVG, PDF, PNG or DOT, as bytes) was laid out with; empty
/// when the bytes hold none.
std::vector<std::vector<std::string>> read_layout_memo(std::string_view drawing);

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

/// One page of a book: a diagram's DOT from to_dot(), and its page.
struct BookPage {
  std::string dot;
  PageGeometry page;
  PageFit fit;  ///< the size its box text was fitted at, and why no larger
};

/// Renders diagrams as the pages of one PDF, in order (a programme's book). A box drawn with
/// a page number to go to (a drill-down mark) links to that page.
RenderResult render_book(const std::vector<BookPage>& pages);

/// Renders DOT from to_dot() with Graphviz in this process (nop2: every position is given) to
/// one page; DOT of any other shape is laid out by dot and scaled into the margins. One render
/// at a time (Graphviz keeps global state). Never throws.
RenderResult render_dot(const std::string& dot, const RenderOptions& options);

}  // namespace lmc
