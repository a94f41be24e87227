// SPDX-License-Identifier: Apache-2.0
// The steps of the band layout, shared between its phases (as Graphviz's dotgen is split into
// rank, mincross, position and splines): measure (layout_measure.cpp), fit (layout_fit.cpp),
// order (layout_order.cpp), place (layout_place.cpp) and route (layout_route.cpp). Landscape
// pages run the chain left to right: a title block, one row of column headers, the columns as
// bands of one width with their boxes stacked from the top, then the bands of rows
// (assumptions and factors, findings). Portrait pages run it top to bottom: the columns become
// rows with their headers on the left. Positions are worked out in "flow" coordinates (u along
// the chain, v across it) so routing is written once for both. Internal to lib/src/render.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "render/layout.h"

namespace lmc::render {

// Measure.

/// The widest a box label may be before it wraps, in ems, when a column is wide: narrower
/// than this and words break mid-way.
constexpr double kMinInnerEms = 5.5;

struct BandMetrics {
  double height = 0;
  int subcolumns = 1;
};

double wrapped_height(const std::vector<std::string>& lines, double size);
BoxText box_text(const Box& b, const Sizes& s, double inner);
double box_height(const BoxText& t, const Sizes& s);
std::optional<std::pair<double, double>> edge_label_size(const Edge& e, const Sizes& s,
                                                         bool compact = false);
double flow_gap(const Diagram& d, const Sizes& s, bool portrait);
/// The gap after each column but the last: the flow gap, wider where links loop back into a
/// column through it (room for the loops and a track for each link across it), and with
/// `badge_room` where a link with a badge crosses it beside others (room for the badge's id
/// clear of their tracks).
std::vector<double> flow_gaps(const Diagram& d, const Sizes& s, bool portrait,
                              const BadgeRoom& badge_room);
/// How far apart, at least, two links run side by side through a gap (points).
constexpr double kTrackApart = 2.5;
/// The gap before each box of column `c` (the first's is 0): the stack gap, or room for the
/// badge of a link between the two boxes, drawn straight across that gap.
std::vector<double> stack_gaps(const Diagram& d, const Column& c, const Sizes& s, bool portrait);
double widest_word(const Box& b, double size);
void row_cells(const std::vector<BandRow>& rows, const Sizes& s, double w, RowBlock& b);
double row_height(const BandRow& r, const RowBlock& b, const Sizes& s,
                  std::vector<std::string>* text_lines, std::vector<std::string>* note_lines);
std::vector<RowBlock> arrange_rows(const std::vector<BandRow>& rows, const Sizes& s, double width);
double blocks_height(const std::vector<RowBlock>& blocks);
double title_block(const Diagram& d, const Sizes& s, double width,
                   std::vector<std::string>* title_lines,
                   std::vector<std::vector<std::string>>* fact_lines);
std::string capitalized_term(Term t);
std::vector<Header> landscape_headers(const Diagram& d, const std::vector<double>& widths,
                                      const std::vector<double>& gaps, const Sizes& s, double x0,
                                      double y, double band_top);

// Fit.

struct Frame {
  Sizes s{10};
  bool portrait = false;
  double width = 0, height = 0;  // inside the margins
  double title_h = 0, header_h = 0;
  double gap = 0;                 // between two columns
  std::vector<double> gaps;       // after each column but the last: `gap`, or wider for loops
  double column_w = 0;            // portrait: a box's width
  std::vector<double> column_ws;  // landscape: each column's width
  double gutter = 0;              // portrait: the header column's width
  std::vector<BoxText> texts;
  std::vector<double> box_h;
  std::vector<double> band_len;  // landscape: each column's stacked height; portrait: row height
  std::vector<RowBlock> panel, findings;
  double bottom_h = 0;  // the bands of rows and the gaps above them
  bool too_narrow = false;
  double needed = 0;  // height everything needs
};

/// The frame of a page at box text size `f`; `fit_only` stops as soon as the columns are
/// too narrow for their words (it cannot fit), before any text is wrapped.
Frame frame(const Diagram& d, const PageGeometry& page, double f, const BadgeRoom& badge_room = {},
            bool fit_only = false);
bool fits(const Frame& fr);
std::string describe_limit(const Diagram& d, const Frame& fr, int* limit_column);

// Route.

/// Routes every link of a placed diagram (its lanes, ports and, with `badges`, the places of
/// its badges).
void route_links(const Diagram& d, Placed& p, bool badges = true);

}  // namespace lmc::render
