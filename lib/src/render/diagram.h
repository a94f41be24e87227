// SPDX-License-Identifier: Apache-2.0
// What the one-page diagram shows, before anything is placed: the columns and their boxes, the
// links, the title block, and the bands under the columns (assumptions and factors, findings).
// Model + Decorations -> Diagram is pure; layout.h places it on a page.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lmc/graph.h"
#include "lmc/model.h"
#include "lmc/render.h"

namespace lmc::render {

/// A status badge, "A1 ○ untested", drawn as a small filled pill.
struct Badge {
  std::string text;
  std::string fill;
};

/// One line under a box's label with --indicators; `was` is its old value in a visual diff.
struct IndicatorLine {
  std::string text;
  std::string was;
  std::string result;  ///< --results: its latest value and status
};

struct Box {
  std::string id;    ///< the model id; empty for an item without a valid one
  std::string node;  ///< DOT node name, unique
  std::string label, tooltip;
  Stage stage = Stage::resource;
  int column = 0;  ///< index into Diagram::columns
  int file_order = 0;
  std::vector<Badge> badges;
  std::vector<IndicatorLine> indicators;
  int marker = 0;  ///< --annotate marker, 0 for none
  std::optional<Highlight> highlight;
  bool ghost = false;  ///< an item of the old revision (visual diff)
  bool stub = false;   ///< an item of another model (PATH#id), drawn at the column's edge
  std::string note;    ///< a small line under the label: the drill-down mark, a stub's model
  std::string href;    ///< SVG: where the box links to
  int page = 0;        ///< PDF book: the page the box links to
};

enum class EdgeKind {
  forward,   ///< to a later column
  backward,  ///< to an earlier column: misordered, drawn against the flow
  same,      ///< within one column (activity sequencing, outcomes of one term)
};

struct Edge {
  int from = 0, to = 0;  ///< indices into Diagram::boxes
  EdgeKind kind = EdgeKind::forward;
  bool misordered = false;
  std::vector<Badge> badges;
  int marker = 0;
  std::optional<Highlight> highlight;
  bool ghost = false;
};

struct Column {
  Stage stage = Stage::resource;
  Term term = Term::none;
  std::string key, title;
  std::vector<int> boxes;  ///< in drawing order, top to bottom (left to right in portrait)
};

/// A row of the band under the columns: an assumption, an external factor or a finding.
struct BandRow {
  std::string tag;            ///< "A1", "E2", or a finding's marker number
  std::optional<Badge> pill;  ///< status, or severity
  std::string text, note;     ///< what it says; "About: ..." or the rule id
  std::optional<Highlight> highlight;
  bool heading = false;  ///< "Assumptions", "External factors", "Findings"
};

struct Diagram {
  std::string title;
  std::vector<std::string> facts;  ///< programme, population, problem, then version/updated
  std::vector<std::pair<Highlight, std::string>> key;
  std::vector<Column> columns;  ///< the columns that have boxes, left to right
  std::vector<Box> boxes;
  std::vector<Edge> edges;
  std::vector<BandRow> panel;     ///< assumptions then external factors
  std::vector<BandRow> findings;  ///< --annotate
  bool indicators = false;
};

/// Everything the diagram shows of the model, with the decorations. Columns list their boxes
/// in file order; order_columns() (gvc_backend.cpp) puts them in drawing order. Without
/// `bands`, the title alone above the columns and nothing under them (a screen's view, whose
/// page lists the assumptions beside the diagram).
Diagram build_diagram(const Model& model, const Graph& graph, const Decorations& decorations,
                      bool indicators, bool bands = true);

/// One of the seven columns of the diagram, left to right: its stage and term (outcomes only),
/// its key (DOT names, SVG ids) and its header.
struct ColumnDef {
  Stage stage;
  Term term;
  std::string_view key, title;
};
const std::array<ColumnDef, 7>& column_defs();

/// The index in column_defs() of an item's column (an outcome without a term: medium).
int column_of(Stage stage, Term term);

/// The status pill of an assumption: symbol and word, and a fill.
Badge status_badge(std::string tag, AssumptionStatus status);

}  // namespace lmc::render
