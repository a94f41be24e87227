// SPDX-License-Identifier: Apache-2.0
// Places a Diagram on a page: the box text size that fills it, every box, header, band and
// text block as a rectangle in points, and every link as a route of cubic Bézier segments.
// Pure arithmetic on text widths (text_metrics.h): no Graphviz here, so page-overflow can ask
// the same question the renderer does.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "lmc/render.h"
#include "render/diagram.h"

namespace lmc::render {

struct Point {
  double x = 0, y = 0;
};

/// A rectangle on the page, from its top-left corner, y down, in points.
struct Rect {
  double x = 0, y = 0, w = 0, h = 0;
  double cx() const { return x + w / 2; }
  double cy() const { return y + h / 2; }
  bool overlaps(const Rect& o) const {
    return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
  }
};

/// No text on the page prints smaller than this (points), whatever the box text's size.
inline constexpr double kMinPrintedSize = 7.0;

/// Every size on the page, from the size of the box text. The other texts follow it down to
/// kMinPrintedSize and stop there; the bands, the title block and the badges stop growing
/// early, so the room they would take goes to the boxes.
struct Sizes {
  double f;  ///< box text, points
  static double floor(double v) { return std::max(v, kMinPrintedSize); }
  double small() const { return floor(std::min(f * 0.8, 9.0)); }  ///< indicators, pills
  double tiny() const { return floor(f * 0.7); }                  ///< badges on links
  double band() const { return floor(std::min(f * 0.85, 8.0)); }  ///< rows under the columns
  double band_small() const { return floor(band() * 0.9); }       ///< "About" in those rows
  double header() const { return f; }                             ///< column headers (bold)
  double subheader() const { return floor(f * 0.85); }            ///< terms under "Outcomes" (bold)
  double subheader_h() const { return line_height_sub() + f * 0.4; }
  double line_height_sub() const;
  double title() const { return std::max(std::min(f * 1.4, 15.0), 11.0); }
  double facts() const { return floor(std::min(f * 0.85, 8.0)); }
  double pad_x() const { return f * 0.45; }
  double pad_y() const { return f * 0.32; }
  double band_pad() const { return f * 0.3; }
  double stack_gap() const { return f * 0.6; }  ///< between boxes of a column
  double section_gap() const { return f * 0.6; }
  double arrow() const { return f * 0.6; }  ///< arrowhead length
  double pill_h() const { return line_height_small() + 3; }
  double line_height_small() const;
};

/// A band of rows (assumptions and factors, or findings) as sub-columns side by side.
struct RowBlock {
  Rect rect;
  std::vector<int> rows;  ///< indices into the Diagram's rows
  double tag_w = 0, pill_w = 0, text_w = 0, note_w = 0;
  bool ids_fit = true;  ///< the note cell holds the longest id in the notes whole
  std::vector<std::vector<std::string>> text_lines, note_lines;  ///< per row, wrapped
};

/// A link's route: Bézier points (3n + 1) from its tail to the base of its arrowhead, the tip,
/// and where its label (badges, marker) stands.
struct Route {
  std::vector<Point> points;
  Point tip;
  std::optional<Rect> label;
  bool compact_label = false;  ///< the label shows its badges' ids alone (no room for more)
};

struct IndicatorText {
  std::vector<std::string> lines, was, result;
};

struct BoxText {
  std::vector<std::string> label;
  std::vector<std::string> note;              ///< Box::note, wrapped
  std::vector<std::vector<int>> badge_lines;  ///< indices into Box::badges
  std::vector<IndicatorText> indicators;
};

/// A column header (landscape: one row at the top, the outcome columns under one "Outcomes"
/// header with a sub-header each; portrait: the left-hand column).
struct Header {
  Rect rect;
  std::vector<std::string> lines;
  std::string key;  ///< the column's key, or "outcomes" for the header over the outcome columns
  Stage stage = Stage::resource;
  bool sub = false;  ///< a term's sub-header inside its outcome column
};

struct Placed {
  Sizes s{10};
  PageGeometry page;
  bool portrait = false;
  Rect title;
  std::vector<std::string> title_lines;
  std::vector<std::vector<std::string>> fact_lines;
  std::vector<Rect> bands;
  std::vector<Header> headers;
  std::vector<Rect> boxes;
  std::vector<BoxText> box_text;
  std::vector<Route> routes;
  std::vector<RowBlock> panel, findings;
  /// How much wider each gap between columns would have to be for its tracks to stand
  /// kTrackApart apart and every badge on them clear of the other links' tracks (route_links).
  std::vector<double> gap_short;
};

/// How much room the gaps between columns take for the badges of links crossing them beside
/// others: with `some`, up to a quarter more than the flow gap (room for a badge's id beside
/// the arrowheads); and `extra` more for each gap, what a first drawing found it short of.
struct BadgeRoom {
  bool some = false;
  std::vector<double> extra;
};

/// The largest box text size (at most kMaxTextSize) at which the diagram fits the page, and
/// a plain description of what fills the page at that size.
double fit_text_size(const Diagram& d, const PageGeometry& page, std::string* limit = nullptr,
                     int* limit_column = nullptr);
/// The same, and how much room the gaps take for badges beside other links' tracks
/// (`badge_room`): the most that keeps the boxes within a twentieth of that size (three
/// twentieths on a page already below kMinPrintedSize, which render says is too small) and at
/// 10 pt or more where they printed so.
double fit_text_size(const Diagram& d, const PageGeometry& page, std::string* limit,
                     int* limit_column, BadgeRoom* badge_room);

/// Whether everything fits the page at box text size `f`.
bool fits_at(const Diagram& d, const PageGeometry& page, double f);

/// For a model whose columns hold `counts` boxes: an upper bound on the box text size, when
/// that alone shows the text would print below 2 pt (`column` is the crowded one); nullopt
/// otherwise. Needs no text, so page-overflow answers at once for a model of 100,000 items.
std::optional<double> crowded_bound(const std::vector<std::size_t>& counts,
                                    const PageGeometry& page, int* column);

/// Box text never grows past this, however much room there is.
inline constexpr double kMaxTextSize = 14.0;

/// What marks the box order in a drawing lmc made: "lmc-layout/1 [".
std::string_view layout_memo_tag();

/// Places everything at box text size `f`, the columns' boxes in the order they list them,
/// and routes every link; with `badges`, places their badges too.
Placed place(const Diagram& d, const PageGeometry& page, double f, const BadgeRoom& badge_room = {},
             bool badges = true);

/// A badge on a link is drawn in two lines, "A1 ○" over "untested"; compact, "A1" alone.
std::vector<std::string> link_badge_lines(const Badge& b, bool compact = false);

/// Width of a badge pill, at the small size unless `size` says otherwise.
double pill_width(const Sizes& s, const Badge& b, std::optional<double> size = std::nullopt);

/// Crossings between links of neighbouring columns when each column is drawn in `order`
/// (a list of box indices per column).
int count_crossings(const Diagram& d, const std::vector<std::vector<int>>& order);

/// Pairs of boxes, both in `now` and in `before` and in one column, drawn in the opposite order:
/// how much a drawing reshuffled. Returns {flipped, pairs}.
std::pair<long, long> count_flips(const std::vector<std::vector<std::string>>& before,
                                  const std::vector<std::vector<std::string>>& now);

/// The reference order of each column: the previous drawing's, boxes it did not have after
/// them in file order; or file order when there is no previous drawing.
std::vector<std::vector<int>> reference_order(
    const Diagram& d, const std::vector<std::vector<std::string>>& previous);

/// Box ids per column in the diagram's current order (ghosts and boxes without ids left out).
std::vector<std::vector<std::string>> order_ids(const Diagram& d);

/// Puts each column's boxes in drawing order: dot's order (fewest crossings), or its mirror
/// image when that keeps the previous drawing's order better, or the previous drawing's order
/// itself when it crosses no more. Graphviz's dot does the ordering (gvc_backend.cpp).
void order_columns(Diagram& d, const std::vector<std::vector<std::string>>& previous);

/// dot's own order for the columns, nodes given in `reference` order (gvc_backend.cpp).
std::vector<std::vector<int>> dot_order(const Diagram& d,
                                        const std::vector<std::vector<int>>& reference);

}  // namespace lmc::render
