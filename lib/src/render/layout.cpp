// SPDX-License-Identifier: Apache-2.0
// The band layout. Landscape pages run the chain left to right: a title block, one row of
// column headers, the columns as bands of one width with their boxes stacked from the top,
// then the bands of rows (assumptions and factors, findings). Portrait pages run it top to
// bottom: the columns become rows with their headers on the left. Positions are worked out in
// "flow" coordinates (u along the chain, v across it) so routing is written once for both.
#include "render/layout.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "render/text_metrics.h"

namespace lmc::render {

namespace {

// The widest a box label may be before it wraps, in ems, when a column is wide.
constexpr double kMinInnerEms = 5.5;  // narrower than this and words break mid-way

struct BandMetrics {
  double height = 0;
  int subcolumns = 1;
};

double wrapped_height(const std::vector<std::string>& lines, double size) {
  return static_cast<double>(lines.size()) * line_height(size);
}

// Wrapped label, badges and indicators of one box at inner width `inner`.
BoxText box_text(const Box& b, const Sizes& s, double inner) {
  BoxText t;
  t.label = wrap_text(b.label, inner, s.f);
  if (!b.note.empty()) t.note = wrap_text(b.note, inner, s.small());
  double line_w = 0;
  for (std::size_t k = 0; k < b.badges.size(); ++k) {
    const double w = pill_width(s, b.badges[k]);
    if (t.badge_lines.empty() || (line_w > 0 && line_w + 3 + w > inner)) {
      t.badge_lines.emplace_back();
      line_w = 0;
    }
    t.badge_lines.back().push_back(static_cast<int>(k));
    line_w += (line_w > 0 ? 3 : 0) + w;
  }
  for (const IndicatorLine& ind : b.indicators) {
    IndicatorText it{wrap_text(ind.text, inner, s.small()), {}};
    if (!ind.was.empty()) it.was = wrap_text("was " + ind.was, inner, s.small());
    t.indicators.push_back(std::move(it));
  }
  return t;
}

double box_height(const BoxText& t, const Sizes& s) {
  double h = 2 * s.pad_y() + wrapped_height(t.label, s.f) + wrapped_height(t.note, s.small());
  if (!t.badge_lines.empty()) {
    h += s.f * 0.3 + static_cast<double>(t.badge_lines.size()) * (s.pill_h() + 4);
  }
  if (!t.indicators.empty()) {
    h += s.f * 0.3;
    for (const auto& ind : t.indicators) {
      h += wrapped_height(ind.lines, s.small()) + wrapped_height(ind.was, s.small());
    }
  }
  return h;
}

// Label of a link: its badges and marker stacked, one to a line.
std::optional<std::pair<double, double>> edge_label_size(const Edge& e, const Sizes& s,
                                                         bool compact = false) {
  if (e.badges.empty() && e.marker == 0) return std::nullopt;
  double w = 0, h = 0;
  for (const Badge& b : e.badges) {
    const std::vector<std::string> lines = link_badge_lines(b, compact);
    for (const std::string& part : lines) {
      w = std::max(w, pill_width(s, Badge{part, ""}, s.tiny()));
    }
    h += line_height(s.tiny()) * static_cast<double>(lines.size()) + 6;
  }
  if (e.marker > 0) {
    w = std::max(w, pill_width(s, Badge{std::to_string(e.marker), ""}, s.tiny()));
    h += line_height(s.tiny()) + 6;
  }
  return std::pair{w + 2, h + 2};
}

// The gap between bands: room for the links' curves, and for their labels up to a point (a
// label may also stand in a band's free space).
double flow_gap(const Diagram& d, const Sizes& s, bool portrait) {
  double gap = s.f * 1.8;
  for (const Edge& e : d.edges) {
    if (auto size = edge_label_size(e, s)) {
      const double need = (portrait ? size->second : size->first) - 2 * s.band_pad() + 2;
      gap = std::max(gap, std::min(need, s.f * 2.6));
    }
  }
  return gap;
}

// The widest word of any box label: narrower boxes would break it (up to a limit: a very long
// word breaks whatever the size).
double widest_word(const Box& b, double size) {
  double widest = 0;
  std::size_t k = 0;
  const std::string& t = b.label;
  while (k < t.size()) {
    const std::size_t end = std::min(t.find_first_of(" \t\n\r", k), t.size());
    if (end > k) {
      widest = std::max(widest, text_width(std::string_view(t).substr(k, end - k), size));
    }
    k = end + 1;
  }
  return std::min(widest, size * 7);
}

// Rows under the columns, in `k` sub-columns of width `w`: widths of the four cells.
void row_cells(const std::vector<BandRow>& rows, const Sizes& s, double w, RowBlock& b) {
  const double size = s.band();
  b.tag_w = 0;
  b.pill_w = 0;
  for (const BandRow& r : rows) {
    if (r.heading) continue;
    b.tag_w = std::max(b.tag_w, text_width(r.tag, size, Face::bold) + size * 0.8);
    if (r.pill) b.pill_w = std::max(b.pill_w, text_width(r.pill->text, size) + size * 0.8);
  }
  // Each of the four cells has 2 points of padding on each side.
  const double rest = std::max(w - b.tag_w - b.pill_w - 18, size * 6);
  // The note ("About: a -> b") gets a third, or more, up to half, so that no id in it breaks
  // ("referrals-m-ade"): ids do not wrap at spaces the way text does.
  double widest_id = 0;
  for (const BandRow& r : rows) {
    for (std::size_t k = 0; k < r.note.size();) {
      const std::size_t end = std::min(r.note.find(' ', k), r.note.size());
      widest_id =
          std::max(widest_id, text_width(std::string_view(r.note).substr(k, end - k), size * 0.9));
      k = end + 1;
    }
  }
  b.note_w = std::clamp(widest_id + size * 0.6 + 1, rest * 0.34, rest * 0.5);
  b.text_w = rest - b.note_w;
}

double row_height(const BandRow& r, const RowBlock& b, const Sizes& s,
                  std::vector<std::string>* text_lines, std::vector<std::string>* note_lines) {
  const double size = s.band();
  const double pad = std::max(size * 0.5, 5.0);
  if (r.heading) {
    if (text_lines) *text_lines = {r.text};
    if (note_lines) note_lines->clear();
    return line_height(size) + pad;
  }
  auto text = wrap_text(r.text, b.text_w - size * 0.6, size);
  auto note = wrap_text(r.note, b.note_w - size * 0.6, size * 0.9);
  double h = std::max(wrapped_height(text, size), wrapped_height(note, size * 0.9));
  if (r.pill) h = std::max(h, line_height(size * 0.9) + 6);
  h += pad;
  if (text_lines) *text_lines = std::move(text);
  if (note_lines) *note_lines = std::move(note);
  return h;
}

// Splits rows into sub-columns of about equal height, in order (down the first, then the next).
std::vector<RowBlock> arrange_rows(const std::vector<BandRow>& rows, const Sizes& s, double width) {
  if (rows.empty()) return {};
  const int k = rows.size() > 4 ? (rows.size() > 14 && width / 3 > s.band() * 24 ? 3 : 2) : 1;
  const double gap = s.f * 1.2;
  const double w = (width - (k - 1) * gap) / k;
  RowBlock proto;
  row_cells(rows, s, w, proto);
  std::vector<double> heights;
  double total = 0;
  for (const BandRow& r : rows) {
    heights.push_back(row_height(r, proto, s, nullptr, nullptr));
    total += heights.back();
  }
  std::vector<RowBlock> blocks;
  double used = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const bool start =
        blocks.empty() || (static_cast<int>(blocks.size()) < k &&
                           used >= total * static_cast<double>(blocks.size()) / k - 1e-9 &&
                           !blocks.back().rows.empty());
    if (start) {
      RowBlock b = proto;
      b.rect.w = w;
      blocks.push_back(std::move(b));
    }
    RowBlock& b = blocks.back();
    std::vector<std::string> text, note;
    b.rect.h += row_height(rows[i], b, s, &text, &note);
    b.rows.push_back(static_cast<int>(i));
    b.text_lines.push_back(std::move(text));
    b.note_lines.push_back(std::move(note));
    used += heights[i];
  }
  for (std::size_t j = 0; j < blocks.size(); ++j) {
    blocks[j].rect.x = static_cast<double>(j) * (w + gap);
  }
  return blocks;
}

double blocks_height(const std::vector<RowBlock>& blocks) {
  double h = 0;
  for (const RowBlock& b : blocks) h = std::max(h, b.rect.h);
  return h;
}

// The title block's lines and height across `width`.
double title_block(const Diagram& d, const Sizes& s, double width,
                   std::vector<std::string>* title_lines,
                   std::vector<std::vector<std::string>>* fact_lines) {
  auto title = wrap_text(d.title, width, s.title(), Face::bold);
  double h = wrapped_height(title, s.title());
  std::vector<std::vector<std::string>> facts;
  for (const std::string& fact : d.facts) {
    facts.push_back(wrap_text(fact, width, s.facts()));
    h += wrapped_height(facts.back(), s.facts());
  }
  if (!d.key.empty()) h += s.pill_h() + 4;
  if (title_lines) *title_lines = std::move(title);
  if (fact_lines) *fact_lines = std::move(facts);
  return h;
}

std::string capitalized_term(Term t) {
  std::string out = fmt::format("{} term", term_name(t));
  if (!out.empty()) out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

// The landscape header row: one header a column, but one "Outcomes" header over the outcome
// columns, with a sub-header for each term at the top of its column. `x0` is the left margin,
// `y` the row's top and `band_top` where the columns begin.
std::vector<Header> landscape_headers(const Diagram& d, const std::vector<double>& widths,
                                      double gap, const Sizes& s, double x0, double y,
                                      double band_top) {
  std::vector<Header> out;
  double x = x0;
  for (std::size_t k = 0; k < d.columns.size(); ++k) {
    const Column& c = d.columns[k];
    const double w = widths[k];
    if (c.stage != Stage::outcome) {
      out.push_back(Header{Rect{x, y, w, 0},
                           wrap_text(c.title, w - s.f * 0.6, s.header(), Face::bold), c.key,
                           c.stage, false});
    } else {
      if (k == 0 || d.columns[k - 1].stage != Stage::outcome) {
        double span = 0;
        for (std::size_t j = k; j < d.columns.size() && d.columns[j].stage == Stage::outcome; ++j) {
          span += widths[j] + (j > k ? gap : 0);
        }
        out.push_back(Header{Rect{x, y, span, 0},
                             wrap_text("Outcomes", span - s.f * 0.6, s.header(), Face::bold),
                             "outcomes", Stage::outcome, false});
      }
      out.push_back(
          Header{Rect{x, band_top, w, s.subheader_h()},
                 wrap_text(capitalized_term(c.term), w - s.f * 0.6, s.subheader(), Face::bold),
                 c.key, c.stage, true});
    }
    x += w + gap;
  }
  return out;
}

// Everything that decides whether the diagram fits at one size, and where things go.
struct Frame {
  Sizes s{10};
  bool portrait = false;
  double width = 0, height = 0;  // inside the margins
  double title_h = 0, header_h = 0, gap = 0;
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

Frame frame(const Diagram& d, const PageGeometry& page, double f) {
  Frame fr;
  fr.s = Sizes{f};
  const Sizes& s = fr.s;
  fr.portrait = page.height > page.width;
  fr.width = page.width - 2 * kPageMargin;
  fr.height = page.height - 2 * kPageMargin;
  fr.title_h = title_block(d, s, fr.width, nullptr, nullptr);
  fr.gap = flow_gap(d, s, fr.portrait);
  const double n = static_cast<double>(std::max<std::size_t>(d.columns.size(), 1));
  double inner = 0;
  std::vector<double> inners;  // landscape: each column's inner box width
  if (!fr.portrait) {
    // Each column gets what its widest word needs, and the rest of the width is shared half
    // equally, half by how much text each column holds, so no column grows far taller.
    const double pads = 2 * s.band_pad() + 2 * s.pad_x();
    std::vector<double> need, text;
    double need_sum = 0, text_sum = 0;
    for (const Column& c : d.columns) {
      double words = kMinInnerEms * s.f, amount = 0;
      for (int b : c.boxes) {
        words = std::max(words, widest_word(d.boxes[b], s.f));
        // A badge does not wrap: the column is at least as wide as the widest.
        for (const Badge& badge : d.boxes[b].badges) words = std::max(words, pill_width(s, badge));
        amount += text_width(d.boxes[b].label, s.f) + s.f * 4 * d.boxes[b].badges.size();
      }
      need.push_back(words + pads);
      text.push_back(amount);
      need_sum += need.back();
      text_sum += amount;
    }
    const double spare = fr.width - (n - 1) * fr.gap - need_sum;
    fr.too_narrow = spare < 0;
    for (std::size_t k = 0; k < d.columns.size(); ++k) {
      const double share = 0.5 / n + (text_sum > 0 ? 0.5 * text[k] / text_sum : 0.5 / n);
      fr.column_ws.push_back(need[k] + std::max(spare, 0.0) * share);
      inners.push_back(fr.column_ws.back() - pads);
    }
    for (const Header& h : landscape_headers(d, fr.column_ws, fr.gap, s, 0, 0, 0)) {
      if (!h.sub) {
        fr.header_h = std::max(fr.header_h, wrapped_height(h.lines, s.header()) + s.f * 0.7);
      }
    }
  } else {
    // The header column: wide enough for the longest word of any header.
    fr.gutter = s.f * 6.5;
    for (const Column& c : d.columns) {
      std::size_t k = 0;
      while (k < c.title.size()) {
        const std::size_t end = std::min(c.title.find(' ', k), c.title.size());
        const std::string_view word = std::string_view(c.title).substr(k, end - k);
        fr.gutter = std::max(fr.gutter, text_width(word, s.header(), Face::bold) * 1.05 + s.f);
        k = end + 1;
      }
    }
    std::size_t most = 1;
    for (const Column& c : d.columns) most = std::max(most, c.boxes.size());
    const double len = fr.width - fr.gutter - s.f * 0.4 - 2 * s.band_pad();
    const double m = static_cast<double>(most);
    fr.column_w = (len - (m - 1) * s.stack_gap()) / m;
    inner = fr.column_w - 2 * s.pad_x();
    double words = kMinInnerEms * s.f;
    for (const Box& b : d.boxes) words = std::max(words, widest_word(b, s.f));
    fr.too_narrow = inner < words;
  }
  fr.texts.reserve(d.boxes.size());
  for (const Box& b : d.boxes) {
    const double w = fr.portrait ? inner : inners[b.column];
    fr.texts.push_back(box_text(b, s, std::max(w, s.f)));
    fr.box_h.push_back(box_height(fr.texts.back(), s));
  }
  for (const Column& c : d.columns) {
    double len = 0;
    for (std::size_t k = 0; k < c.boxes.size(); ++k) {
      const double h = fr.box_h[c.boxes[k]];
      len = fr.portrait ? std::max(len, h) : len + h + (k > 0 ? s.stack_gap() : 0);
    }
    if (!fr.portrait && c.stage == Stage::outcome) len += s.subheader_h();
    fr.band_len.push_back(len + 2 * s.band_pad());
  }
  fr.panel = arrange_rows(d.panel, s, fr.width);
  fr.findings = arrange_rows(d.findings, s, fr.width);
  for (const auto* blocks : {&fr.panel, &fr.findings}) {
    if (!blocks->empty()) fr.bottom_h += s.section_gap() + blocks_height(*blocks);
  }
  double body = 0;
  if (!fr.portrait) {
    for (double len : fr.band_len) body = std::max(body, len);
    body += fr.header_h + s.f * 0.25;
  } else {
    for (double len : fr.band_len) body += len;
    body += (static_cast<double>(fr.band_len.size()) - 1) * fr.gap;
  }
  fr.needed = fr.title_h + s.section_gap() + body + fr.bottom_h;
  return fr;
}

bool fits(const Frame& fr) {
  return !fr.too_narrow && fr.needed <= fr.height;
}

std::string describe_limit(const Diagram& d, const Frame& fr, int* limit_column) {
  if (d.columns.empty()) return "the title and the bands under the columns";
  if (fr.too_narrow) {
    if (!fr.portrait) return fmt::format("{} columns across the page", d.columns.size());
    std::size_t most = 0;
    int col = 0;
    for (std::size_t k = 0; k < d.columns.size(); ++k) {
      if (d.columns[k].boxes.size() > most) most = d.columns[k].boxes.size(), col = int(k);
    }
    if (limit_column) *limit_column = col;
    return fmt::format("the row of {} ({} boxes side by side)", d.columns[col].title, most);
  }
  const double rows_h = fr.bottom_h;
  if (!fr.portrait) {
    int col = 0;
    for (std::size_t k = 0; k < fr.band_len.size(); ++k) {
      if (fr.band_len[k] > fr.band_len[col]) col = static_cast<int>(k);
    }
    if (rows_h > fr.band_len[col]) {
      return fmt::format("the {} rows of assumptions, factors and findings under the columns",
                         d.panel.size() + d.findings.size());
    }
    if (limit_column) *limit_column = col;
    return fmt::format("the {} column ({} boxes)", d.columns[col].title,
                       d.columns[col].boxes.size());
  }
  return fmt::format("{} rows down the page", d.columns.size());
}

}  // namespace

double Sizes::line_height_small() const {
  return line_height(small());
}

double Sizes::line_height_sub() const {
  return line_height(subheader());
}

std::vector<std::string> link_badge_lines(const Badge& b, bool compact) {
  // Compact: "A1" alone, for a link with no room for more (the band lists its status).
  if (compact) return {b.text.substr(0, b.text.find(' '))};
  // "A1 ○ untested" -> "A1 ○" over "untested", so a badge fits the gap between columns.
  const auto second = b.text.find(' ', b.text.find(' ') + 1);
  if (second == std::string::npos) return {b.text};
  return {b.text.substr(0, second), b.text.substr(second + 1)};
}

double pill_width(const Sizes& s, const Badge& b, std::optional<double> size) {
  // Graphviz pads a cell by 1 point and borders it by 1 on each side; pango's bold runs a
  // little wider than the advance widths.
  const double at = size.value_or(s.small());
  return text_width(b.text, at, Face::bold) * 1.05 + at * 0.5 + 4;
}

bool fits_at(const Diagram& d, const PageGeometry& page, double f) {
  return fits(frame(d, page, f));
}

std::optional<double> crowded_bound(const std::vector<std::size_t>& counts,
                                    const PageGeometry& page, int* column) {
  std::size_t most = 0;
  int at = -1;
  for (std::size_t k = 0; k < counts.size(); ++k) {
    if (counts[k] > most) most = counts[k], at = static_cast<int>(k);
  }
  if (most == 0) return std::nullopt;
  const double m = static_cast<double>(most);
  double bound = 0;
  if (page.width >= page.height) {
    // Stacked: at least a line, the padding and the gap a box, in ems.
    bound = (page.height - 2 * kPageMargin) / (m * (1.2 + 0.8 + 0.75) + 4);
  } else {
    // Side by side: at least kMinInnerEms and the padding a box.
    bound = (page.width - 2 * kPageMargin) / (m * (kMinInnerEms + 0.9 + 0.75) + 8);
  }
  if (bound >= 2.0) return std::nullopt;
  if (column) *column = at;
  return bound;
}

double fit_text_size(const Diagram& d, const PageGeometry& page, std::string* limit,
                     int* limit_column) {
  if (limit_column) *limit_column = -1;
  // A very large model stops at a quick bound, before any text is wrapped.
  std::vector<std::size_t> counts;
  for (const Column& c : d.columns) counts.push_back(c.boxes.size());
  int crowded = -1;
  if (const auto bound = crowded_bound(counts, page, &crowded)) {
    if (limit_column) *limit_column = crowded;
    if (limit) {
      *limit = fmt::format("the {} {} ({} boxes)", d.columns[crowded].title,
                           page.width >= page.height ? "column" : "row", counts[crowded]);
    }
    return *bound;
  }
  Frame best = frame(d, page, kMaxTextSize);
  if (fits(best)) {
    if (limit) *limit = "the largest text size lmc draws";
    return kMaxTextSize;
  }
  double lo = 2.0, hi = kMaxTextSize;
  if (!fits(frame(d, page, lo))) {
    if (limit) *limit = describe_limit(d, frame(d, page, lo), limit_column);
    return lo;
  }
  for (int k = 0; k < 11; ++k) {  // to about a hundredth of a point
    const double mid = (lo + hi) / 2;
    if (fits(frame(d, page, mid))) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
  lo = std::floor(lo * 100) / 100;
  if (limit) *limit = describe_limit(d, frame(d, page, hi), limit_column);
  return lo;
}

namespace {

// Points in flow coordinates: u along the chain, v across it.
struct Flow {
  bool portrait;
  Point xy(double u, double v) const { return portrait ? Point{v, u} : Point{u, v}; }
  double u0(const Rect& r) const { return portrait ? r.y : r.x; }
  double u1(const Rect& r) const { return portrait ? r.y + r.h : r.x + r.w; }
  double v0(const Rect& r) const { return portrait ? r.x : r.y; }
  double v1(const Rect& r) const { return portrait ? r.x + r.w : r.y + r.h; }
};

Point bezier(const Point* p, double t) {
  const double a = (1 - t) * (1 - t) * (1 - t), b = 3 * (1 - t) * (1 - t) * t,
               c = 3 * (1 - t) * t * t, e = t * t * t;
  return {a * p[0].x + b * p[1].x + c * p[2].x + e * p[3].x,
          a * p[0].y + b * p[1].y + c * p[2].y + e * p[3].y};
}

class Router {
 public:
  Router(const Diagram& d, Placed& p) : d_(d), p_(p), fl_{p.portrait} {}

  void run() {
    position_in_column();
    const std::size_t n = d_.edges.size();
    plans_.resize(n);
    for (std::size_t e = 0; e < n; ++e) plan(static_cast<int>(e));
    spread_lanes();
    assign_ports();
    p_.routes.resize(n);
    for (std::size_t e = 0; e < n; ++e) build(static_cast<int>(e));
    place_labels();
  }

 private:
  struct Lane {
    int band;
    int interval;
    double target;  // where the straight line would cross
    double v = 0;
  };
  struct Plan {
    std::vector<Lane> lanes;  // bands passed through, in travel order
    double tail_v = 0, head_v = 0;
    bool adjacent_same = false;  // within one column, next to each other
    int dir = 1;                 // +1 along the flow, -1 against it
    int loop = 0;                // same column, not adjacent: how far out the loop goes
  };

  void position_in_column() {
    slot_.assign(d_.boxes.size(), 0);
    for (const Column& c : d_.columns) {
      for (std::size_t k = 0; k < c.boxes.size(); ++k) slot_[c.boxes[k]] = static_cast<int>(k);
    }
  }

  double vc(int box) const {
    const Rect& r = p_.boxes[box];
    return (fl_.v0(r) + fl_.v1(r)) / 2;
  }

  // Free stretches across band `b`: above, between and below its boxes.
  std::vector<std::pair<double, double>> intervals(int b) const {
    std::vector<std::pair<double, double>> out;
    const Rect& band = p_.bands[b];
    // Not through a term's sub-header at the top of an outcome column.
    double at = fl_.v0(band) +
                (!p_.portrait && d_.columns[b].stage == Stage::outcome ? p_.s.subheader_h() : 0);
    for (int box : d_.columns[b].boxes) {
      out.emplace_back(at, fl_.v0(p_.boxes[box]));
      at = fl_.v1(p_.boxes[box]);
    }
    out.emplace_back(at, fl_.v1(band));
    return out;
  }

  void plan(int e) {
    const Edge& edge = d_.edges[e];
    Plan& pl = plans_[e];
    const int a = d_.boxes[edge.from].column, b = d_.boxes[edge.to].column;
    if (edge.kind == EdgeKind::same) {
      pl.adjacent_same = std::abs(slot_[edge.from] - slot_[edge.to]) == 1;
      if (!pl.adjacent_same) pl.loop = ++loops_[a];
      return;
    }
    pl.dir = b > a ? 1 : -1;
    const double va = vc(edge.from), vb = vc(edge.to);
    for (int k = a + pl.dir; k != b; k += pl.dir) {
      const double t = static_cast<double>(k - a) / (b - a);
      const double target = va + (vb - va) * t;
      const auto iv = intervals(k);
      int best = 0;
      double best_cost = 1e18;
      for (std::size_t j = 0; j < iv.size(); ++j) {
        const double lo = iv[j].first, hi = iv[j].second, width = hi - lo;
        const double margin = std::min(p_.s.f * 0.3, width / 2);
        const double at = std::clamp(target, lo + margin, hi - margin);
        const double cost = std::abs(at - target) + (width < p_.s.f * 0.5 ? 1e6 : 0);
        if (cost < best_cost) best_cost = cost, best = static_cast<int>(j);
      }
      pl.lanes.push_back(Lane{k, best, target});
    }
  }

  // Links through one free stretch share it evenly, in the order they cross it.
  void spread_lanes() {
    std::map<std::pair<int, int>, std::vector<Lane*>> groups;
    for (Plan& pl : plans_) {
      for (Lane& l : pl.lanes) groups[{l.band, l.interval}].push_back(&l);
    }
    for (auto& [key, lanes] : groups) {
      const auto iv = intervals(key.first)[key.second];
      std::stable_sort(lanes.begin(), lanes.end(),
                       [](const Lane* x, const Lane* y) { return x->target < y->target; });
      const double width = iv.second - iv.first;
      const double margin = std::min(p_.s.f * 0.3, width / 2);
      const double step = (width - 2 * margin) / static_cast<double>(lanes.size() + 1);
      const bool wide =
          step > p_.s.f * 0.5 || key.second == static_cast<int>(d_.columns[key.first].boxes.size());
      for (std::size_t k = 0; k < lanes.size(); ++k) {
        if (wide && iv.second - iv.first > p_.s.f * 3 && lanes.size() == 1) {
          lanes[k]->v = std::clamp(lanes[k]->target, iv.first + margin, iv.second - margin);
        } else {
          lanes[k]->v = iv.first + margin + step * static_cast<double>(k + 1);
        }
      }
    }
  }

  // The v where a link leaves (or reaches) a box: links on one face spread over its middle,
  // in the order of where they go, so they do not cross at the box.
  void assign_ports() {
    struct End {
      int edge;
      bool tail;
      double toward;
    };
    std::map<std::pair<int, int>, std::vector<End>> faces;  // (box, face) -> ends
    for (std::size_t e = 0; e < d_.edges.size(); ++e) {
      const Edge& edge = d_.edges[e];
      Plan& pl = plans_[e];
      if (pl.adjacent_same) continue;
      const double first = pl.lanes.empty() ? vc(edge.to) : pl.lanes.front().v;
      const double last = pl.lanes.empty() ? vc(edge.from) : pl.lanes.back().v;
      // Face 1 is the downstream side of a box, 0 the upstream one.
      const int tail_face = edge.kind == EdgeKind::same ? 1 : (pl.dir > 0 ? 1 : 0);
      const int head_face = edge.kind == EdgeKind::same ? 1 : (pl.dir > 0 ? 0 : 1);
      faces[{edge.from, tail_face}].push_back(End{static_cast<int>(e), true, first});
      faces[{edge.to, head_face}].push_back(End{static_cast<int>(e), false, last});
    }
    for (auto& [key, ends] : faces) {
      std::stable_sort(ends.begin(), ends.end(),
                       [](const End& x, const End& y) { return x.toward < y.toward; });
      const Rect& r = p_.boxes[key.first];
      const double lo = fl_.v0(r), hi = fl_.v1(r);
      const double span = (hi - lo) * 0.6;
      for (std::size_t k = 0; k < ends.size(); ++k) {
        const double v = ends.size() == 1 ? (lo + hi) / 2
                                          : lo + (hi - lo - span) / 2 +
                                                span * static_cast<double>(k) /
                                                    static_cast<double>(ends.size() - 1);
        (ends[k].tail ? plans_[ends[k].edge].tail_v : plans_[ends[k].edge].head_v) = v;
      }
    }
  }

  void line_to(Route& r, Point q) {
    const Point p = r.points.back();
    r.points.push_back({p.x + (q.x - p.x) / 3, p.y + (q.y - p.y) / 3});
    r.points.push_back({p.x + 2 * (q.x - p.x) / 3, p.y + 2 * (q.y - p.y) / 3});
    r.points.push_back(q);
  }

  // An S-curve across a gap, from the current end to (u, v), leaving and arriving level.
  void curve_to(Route& r, double u, double v) {
    const Point p = r.points.back();
    const double pu = fl_.portrait ? p.y : p.x, pv = fl_.portrait ? p.x : p.y;
    const double d = (u - pu) / 2;
    r.points.push_back(fl_.xy(pu + d, pv));
    r.points.push_back(fl_.xy(u - d, v));
    r.points.push_back(fl_.xy(u, v));
  }

  void build(int e) {
    const Edge& edge = d_.edges[e];
    const Plan& pl = plans_[e];
    Route& r = p_.routes[e];
    const Rect& a = p_.boxes[edge.from];
    const Rect& b = p_.boxes[edge.to];
    const double arrow = p_.s.arrow();
    if (pl.adjacent_same) {
      // Straight down the stack (across the row in portrait), from one box to the next.
      const double u = (std::max(fl_.u0(a), fl_.u0(b)) + std::min(fl_.u1(a), fl_.u1(b))) / 2;
      const bool down = fl_.v0(b) > fl_.v0(a);
      const double from = down ? fl_.v1(a) : fl_.v0(a);
      const double to = down ? fl_.v0(b) : fl_.v1(b);
      r.tip = fl_.xy(u, to);
      r.points = {fl_.xy(u, from)};
      line_to(r, fl_.xy(u, to + (down ? -1 : 1) * std::min(arrow, std::abs(to - from) * 0.6)));
      return;
    }
    if (edge.kind == EdgeKind::same) {
      // A loop out into the gap after the column, back into the other box's same side.
      const Rect& band = p_.bands[d_.boxes[edge.from].column];
      const double out = fl_.u1(band) + p_.s.f * (0.6 + 0.5 * pl.loop);
      r.points = {fl_.xy(fl_.u1(a), pl.tail_v)};
      r.points.push_back(fl_.xy(out, pl.tail_v));
      r.points.push_back(fl_.xy(out, pl.head_v));
      r.points.push_back(fl_.xy(fl_.u1(b) + arrow, pl.head_v));
      r.tip = fl_.xy(fl_.u1(b), pl.head_v);
      return;
    }
    const int dir = pl.dir;
    auto exit_u = [&](const Rect& box) { return dir > 0 ? fl_.u1(box) : fl_.u0(box); };
    auto entry_u = [&](const Rect& box) { return dir > 0 ? fl_.u0(box) : fl_.u1(box); };
    const Rect& band_a = p_.bands[d_.boxes[edge.from].column];
    const Rect& band_b = p_.bands[d_.boxes[edge.to].column];
    r.points = {fl_.xy(exit_u(a), pl.tail_v)};
    if (std::abs(exit_u(band_a) - exit_u(a)) > 1) line_to(r, fl_.xy(exit_u(band_a), pl.tail_v));
    for (const Lane& l : pl.lanes) {
      const Rect& band = p_.bands[l.band];
      curve_to(r, entry_u(band), l.v);
      line_to(r, fl_.xy(exit_u(band), l.v));
    }
    const double end_u = entry_u(b) - dir * arrow;
    if (std::abs(entry_u(b) - entry_u(band_b)) > arrow + 1) {
      curve_to(r, entry_u(band_b), pl.head_v);
      line_to(r, fl_.xy(end_u, pl.head_v));
    } else {
      curve_to(r, end_u, pl.head_v);
    }
    r.tip = fl_.xy(entry_u(b), pl.head_v);
  }

  // Labels (badges, markers) on their link, where they cover no box, header or other label:
  // along the curves of the route first, then nudged across the flow beside them.
  void place_labels() {
    std::vector<Rect> taken(p_.boxes.begin(), p_.boxes.end());
    for (const Header& h : p_.headers) taken.push_back(h.rect);
    taken.push_back(p_.title);
    auto free = [&](const Rect& rect) {
      return std::none_of(taken.begin(), taken.end(),
                          [&](const Rect& t) { return t.overlaps(rect); });
    };
    for (std::size_t e = 0; e < d_.edges.size(); ++e) {
      const auto size = edge_label_size(d_.edges[e], p_.s);
      if (!size) continue;
      Route& r = p_.routes[e];
      // The full label where it finds room; else the badges' ids alone; else the full label
      // at the middle of the link.
      std::optional<Rect> chosen = free_spot(r, size->first, size->second, free);
      if (!chosen) {
        const auto small = edge_label_size(d_.edges[e], p_.s, true);
        chosen = free_spot(r, small->first, small->second, free);
        r.compact_label = chosen.has_value();
      }
      if (!chosen) {
        const Point c = bezier(&r.points[0], 0.5);
        chosen = Rect{c.x - size->first / 2, c.y - size->second / 2, size->first, size->second};
      }
      r.label = chosen;
      taken.push_back(*r.label);
    }
  }

  // The first place for a w x h label on route r that `free` accepts: along the curves of
  // the route, then nudged across the flow and along it.
  template <typename Free>
  std::optional<Rect> free_spot(const Route& r, double w, double h, const Free& free) const {
    auto at = [&](Point c) { return Rect{c.x - w / 2, c.y - h / 2, w, h}; };
    std::vector<Point> middles, candidates;
    for (std::size_t seg = 0; seg + 3 < r.points.size(); seg += 3) {
      const Point& a = r.points[seg];
      const Point& b = r.points[seg + 3];
      if (std::hypot(b.x - a.x, b.y - a.y) < std::min(w, h)) continue;  // a stub
      middles.push_back(bezier(&r.points[seg], 0.5));
      for (double t : {0.5, 0.4, 0.6, 0.3, 0.7}) candidates.push_back(bezier(&r.points[seg], t));
    }
    if (middles.empty()) middles.push_back(bezier(&r.points[0], 0.5));
    for (const Point& c : middles) {
      for (int k = 1; k <= 6; ++k) {
        for (int sign : {1, -1}) {
          const double shift = sign * k * (p_.portrait ? w : h) * 0.5;
          candidates.push_back(p_.portrait ? Point{c.x + shift, c.y} : Point{c.x, c.y + shift});
          // Along the flow too: a link between neighbours of one row or column has no room
          // beside it.
          const double along = sign * k * (p_.portrait ? h : w) * 0.5;
          candidates.push_back(p_.portrait ? Point{c.x, c.y + along} : Point{c.x + along, c.y});
        }
      }
    }
    for (const Point& c : candidates) {
      if (free(at(c))) return at(c);
    }
    return std::nullopt;
  }

  const Diagram& d_;
  Placed& p_;
  Flow fl_;
  std::vector<int> slot_;
  std::vector<Plan> plans_;
  std::map<int, int> loops_;
};

}  // namespace

Placed place(const Diagram& d, const PageGeometry& page, double f) {
  Frame fr = frame(d, page, f);
  const Sizes& s = fr.s;
  Placed p;
  p.s = s;
  p.page = page;
  p.portrait = fr.portrait;
  const double m = kPageMargin;
  double y = m;
  p.title = Rect{m, y, fr.width, title_block(d, s, fr.width, &p.title_lines, &p.fact_lines)};
  y += p.title.h + s.section_gap();
  const double bottom = m + fr.height - fr.bottom_h;  // where the bands of rows begin
  p.boxes.resize(d.boxes.size());
  p.box_text = std::move(fr.texts);
  if (!fr.portrait) {
    const double band_top = y + fr.header_h + s.f * 0.25;
    p.headers = landscape_headers(d, fr.column_ws, fr.gap, s, m, y, band_top);
    for (Header& h : p.headers) {
      if (!h.sub) h.rect.h = fr.header_h;
    }
    double x = m;
    for (std::size_t k = 0; k < d.columns.size(); ++k) {
      const double w = fr.column_ws[k];
      p.bands.push_back(Rect{x, band_top, w, std::max(bottom - band_top, 0.0)});
      double at =
          band_top + s.band_pad() + (d.columns[k].stage == Stage::outcome ? s.subheader_h() : 0);
      for (int box : d.columns[k].boxes) {
        p.boxes[box] = Rect{x + s.band_pad(), at, w - 2 * s.band_pad(), fr.box_h[box]};
        at += fr.box_h[box] + s.stack_gap();
      }
      x += w + fr.gap;
    }
  } else {
    // Spare height widens the gaps between rows (room for the links), up to three times.
    double spare = bottom - y - (fr.needed - fr.title_h - s.section_gap() - fr.bottom_h);
    double gap = fr.gap;
    if (d.columns.size() > 1 && spare > 0) {
      gap += std::min(spare / static_cast<double>(d.columns.size() - 1), fr.gap * 2);
    }
    const double band_x = m + fr.gutter + s.f * 0.4;
    const double band_w = fr.width - fr.gutter - s.f * 0.4;
    for (std::size_t k = 0; k < d.columns.size(); ++k) {
      const double h = fr.band_len[k];
      p.headers.push_back(
          Header{Rect{m, y, fr.gutter, h},
                 wrap_text(d.columns[k].title, fr.gutter - s.f * 0.6, s.header(), Face::bold),
                 d.columns[k].key, d.columns[k].stage, false});
      p.bands.push_back(Rect{band_x, y, band_w, h});
      double at = band_x + s.band_pad();
      for (int box : d.columns[k].boxes) {
        p.boxes[box] = Rect{at, y + s.band_pad(), fr.column_w, fr.box_h[box]};
        at += fr.column_w + s.stack_gap();
      }
      y += h + gap;
    }
  }
  double rows_y = bottom;
  for (auto [blocks, out] : {std::pair{&fr.panel, &p.panel}, {&fr.findings, &p.findings}}) {
    if (blocks->empty()) continue;
    rows_y += s.section_gap();
    for (RowBlock& b : *blocks) {
      b.rect.x += m;
      b.rect.y = rows_y;
    }
    rows_y += blocks_height(*blocks);
    *out = std::move(*blocks);
  }
  Router(d, p).run();
  return p;
}

int count_crossings(const Diagram& d, const std::vector<std::vector<int>>& order) {
  std::vector<int> column(d.boxes.size(), -1), slot(d.boxes.size(), 0);
  for (std::size_t c = 0; c < order.size(); ++c) {
    for (std::size_t k = 0; k < order[c].size(); ++k) {
      column[order[c][k]] = static_cast<int>(c);
      slot[order[c][k]] = static_cast<int>(k);
    }
  }
  // Links between neighbouring columns, as (left slot, right slot) per gap.
  std::map<int, std::vector<std::pair<int, int>>> gaps;
  for (const Edge& e : d.edges) {
    int a = e.from, b = e.to;
    if (column[a] > column[b]) std::swap(a, b);
    if (column[a] < 0 || column[b] != column[a] + 1) continue;
    gaps[column[a]].emplace_back(slot[a], slot[b]);
  }
  int crossings = 0;
  for (const auto& [gap, links] : gaps) {
    for (std::size_t i = 0; i < links.size(); ++i) {
      for (std::size_t j = i + 1; j < links.size(); ++j) {
        const long x = links[i].first - links[j].first, y = links[i].second - links[j].second;
        crossings += x * y < 0;
      }
    }
  }
  return crossings;
}

std::pair<long, long> count_flips(const std::vector<std::vector<std::string>>& before,
                                  const std::vector<std::vector<std::string>>& now) {
  std::map<std::string, std::pair<std::size_t, std::size_t>> old_place;  // id -> (column, slot)
  for (std::size_t c = 0; c < before.size(); ++c) {
    for (std::size_t k = 0; k < before[c].size(); ++k) old_place[before[c][k]] = {c, k};
  }
  long flipped = 0, pairs = 0;
  for (const auto& column : now) {
    std::vector<std::pair<std::size_t, std::size_t>> kept;  // old places, in new order
    for (const std::string& id : column) {
      if (auto it = old_place.find(id); it != old_place.end()) kept.push_back(it->second);
    }
    for (std::size_t i = 0; i < kept.size(); ++i) {
      for (std::size_t j = i + 1; j < kept.size(); ++j) {
        if (kept[i].first != kept[j].first) continue;
        ++pairs;
        flipped += kept[i].second > kept[j].second;
      }
    }
  }
  return {flipped, pairs};
}

std::vector<std::vector<std::string>> order_ids(const Diagram& d) {
  std::vector<std::vector<std::string>> out;
  for (const Column& c : d.columns) {
    out.emplace_back();
    for (int b : c.boxes) {
      const Box& box = d.boxes[b];
      if (!box.ghost && !box.stub && !box.id.empty()) out.back().push_back(box.id);
    }
  }
  return out;
}

std::vector<std::vector<int>> reference_order(
    const Diagram& d, const std::vector<std::vector<std::string>>& previous) {
  std::map<std::string, std::size_t> rank;
  std::size_t n = 0;
  for (const auto& column : previous) {
    for (const std::string& id : column) rank.emplace(id, n++);
  }
  auto known = [&](int box) {
    const Box& x = d.boxes[box];
    return x.ghost || x.stub ? rank.end() : rank.find(x.id);
  };
  // Boxes the previous drawing had, in its order; the others in file order.
  std::vector<std::vector<int>> out;
  for (const Column& c : d.columns) {
    std::vector<int> boxes = c.boxes;
    std::stable_sort(boxes.begin(), boxes.end(), [&](int a, int b) {
      auto key = [&](int box) {
        auto it = known(box);
        return it == rank.end() ? std::pair{n, d.boxes[box].file_order} : std::pair{it->second, 0};
      };
      return key(a) < key(b);
    });
    out.push_back(std::move(boxes));
  }
  if (previous.empty()) return out;
  // A box the previous drawing did not have goes where its links pull it: at the mean height
  // of the boxes it links to, so a new box adds few crossings and moves nothing else.
  std::vector<double> where(d.boxes.size(), -1);
  for (const auto& column : out) {
    std::size_t kept = 0;
    for (int b : column) kept += known(b) != rank.end();
    std::size_t k = 0;
    for (int b : column) {
      if (known(b) != rank.end()) where[b] = (k++ + 0.5) / static_cast<double>(kept);
    }
  }
  for (auto& column : out) {
    std::vector<int> old_boxes, new_boxes;
    for (int b : column) (known(b) != rank.end() ? old_boxes : new_boxes).push_back(b);
    if (new_boxes.empty()) continue;
    std::vector<std::pair<double, int>> placed;
    for (std::size_t k = 0; k < old_boxes.size(); ++k) {
      placed.emplace_back(where[old_boxes[k]], old_boxes[k]);
    }
    for (int b : new_boxes) {
      double sum = 0;
      int count = 0;
      for (const Edge& e : d.edges) {
        const int other = e.from == b ? e.to : e.to == b ? e.from : -1;
        if (other >= 0 && where[other] >= 0) sum += where[other], ++count;
      }
      placed.emplace_back(count > 0 ? sum / count : 2.0, b);
    }
    std::stable_sort(placed.begin(), placed.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    column.clear();
    for (const auto& [at, b] : placed) column.push_back(b);
  }
  return out;
}

namespace {

// Pairs of boxes in one column drawn in the other order than `reference` has them.
long disagreements(const std::vector<std::vector<int>>& order,
                   const std::vector<std::vector<int>>& reference, std::size_t boxes) {
  std::vector<std::size_t> ref_slot(boxes, 0);
  for (const auto& column : reference) {
    for (std::size_t k = 0; k < column.size(); ++k) ref_slot[column[k]] = k;
  }
  long out = 0;
  for (const auto& column : order) {
    for (std::size_t i = 0; i < column.size(); ++i) {
      for (std::size_t j = i + 1; j < column.size(); ++j) {
        out += ref_slot[column[i]] > ref_slot[column[j]];
      }
    }
  }
  return out;
}

// After an edit, one crossing is worth moving this many pairs of boxes out of the order they
// stood in.
constexpr double kMoveWeight = 1.25;

// Local search over box orders for the score crossings + weight x disagreements with the
// reference: every box is tried at every place in its column, and moved where the score is
// lowest, until nothing improves. Crossings are counted in the two gaps beside the column
// only. Bounded, for large models.
class OrderSearch {
 public:
  OrderSearch(const Diagram& d, const std::vector<std::vector<int>>& reference)
      : d_(d), column_(d.boxes.size(), -1), ref_slot_(d.boxes.size(), 0) {
    for (std::size_t c = 0; c < reference.size(); ++c) {
      for (std::size_t k = 0; k < reference[c].size(); ++k) {
        column_[reference[c][k]] = static_cast<int>(c);
        ref_slot_[reference[c][k]] = static_cast<int>(k);
      }
    }
    gap_links_.resize(reference.size());
    for (const Edge& e : d.edges) {
      int a = e.from, b = e.to;
      if (column_[a] > column_[b]) std::swap(a, b);
      if (column_[a] >= 0 && column_[b] == column_[a] + 1)
        gap_links_[column_[a]].emplace_back(a, b);
    }
  }

  double score(const std::vector<std::vector<int>>& order, double weight) {
    set_slots(order);
    double total = 0;
    for (std::size_t c = 0; c < order.size(); ++c) {
      total += gap_crossings(static_cast<int>(c)) + weight * disagreements(order[c]);
    }
    return total;
  }

  void improve(std::vector<std::vector<int>>& order, double weight) {
    if (d_.boxes.size() > 300) return;
    set_slots(order);
    for (int pass = 0; pass < 6; ++pass) {
      bool improved = false;
      for (std::size_t c = 0; c < order.size(); ++c) {
        auto& column = order[c];
        const int ci = static_cast<int>(c);
        auto local = [&] {
          for (std::size_t k = 0; k < column.size(); ++k) slot_[column[k]] = static_cast<int>(k);
          return gap_crossings(ci - 1) + gap_crossings(ci) + weight * disagreements(column);
        };
        for (std::size_t i = 0; i < column.size(); ++i) {
          const int box = column[i];
          double best = local();
          std::size_t best_at = i;
          column.erase(column.begin() + static_cast<long>(i));
          for (std::size_t at = 0; at <= column.size(); ++at) {
            if (at == i) continue;
            column.insert(column.begin() + static_cast<long>(at), box);
            const double now = local();
            if (now < best - 1e-9) best = now, best_at = at;
            column.erase(column.begin() + static_cast<long>(at));
          }
          column.insert(column.begin() + static_cast<long>(best_at), box);
          improved |= best_at != i;
        }
        local();
      }
      if (!improved) break;
    }
  }

 private:
  void set_slots(const std::vector<std::vector<int>>& order) {
    slot_.assign(d_.boxes.size(), 0);
    for (const auto& column : order) {
      for (std::size_t k = 0; k < column.size(); ++k) slot_[column[k]] = static_cast<int>(k);
    }
  }

  double gap_crossings(int gap) const {
    if (gap < 0 || gap >= static_cast<int>(gap_links_.size())) return 0;
    const auto& links = gap_links_[gap];
    int n = 0;
    for (std::size_t i = 0; i < links.size(); ++i) {
      for (std::size_t j = i + 1; j < links.size(); ++j) {
        const long x = slot_[links[i].first] - slot_[links[j].first];
        const long y = slot_[links[i].second] - slot_[links[j].second];
        n += x * y < 0;
      }
    }
    return n;
  }

  double disagreements(const std::vector<int>& column) const {
    int n = 0;
    for (std::size_t i = 0; i < column.size(); ++i) {
      for (std::size_t j = i + 1; j < column.size(); ++j) {
        n += ref_slot_[column[i]] > ref_slot_[column[j]];
      }
    }
    return n;
  }

  const Diagram& d_;
  std::vector<int> column_, ref_slot_, slot_;
  std::vector<std::vector<std::pair<int, int>>> gap_links_;
};

}  // namespace

void order_columns(Diagram& d, const std::vector<std::vector<std::string>>& previous) {
  const auto reference = reference_order(d, previous);
  auto order = dot_order(d, reference);
  auto mirror = order;
  for (auto& column : mirror) std::reverse(column.begin(), column.end());
  if (disagreements(mirror, reference, d.boxes.size()) <
      disagreements(order, reference, d.boxes.size())) {
    order = std::move(mirror);
  }
  if (previous.empty()) {
    // A first drawing: dot's order, with any box moved that crosses fewer links elsewhere. It
    // is then a local optimum, so drawing the same model over it again changes nothing.
    OrderSearch search(d, order);
    search.improve(order, 0);
  } else {
    // After an edit, the order that best balances crossings against boxes moved from where
    // they stood (a crossing is worth kMoveWeight moved pairs), from dot's order or from the
    // previous one; the previous one as it is when nothing in it can be bettered.
    OrderSearch search(d, reference);
    auto kept = reference;
    search.improve(kept, kMoveWeight);
    search.improve(order, kMoveWeight);
    if (kept == reference || search.score(kept, kMoveWeight) <= search.score(order, kMoveWeight)) {
      order = kept;
    }
  }
  // Items of other models stand at the edge of their column, after the model's own.
  for (auto& column : order) {
    std::stable_partition(column.begin(), column.end(), [&](int b) { return !d.boxes[b].stub; });
  }
  for (std::size_t c = 0; c < d.columns.size(); ++c) d.columns[c].boxes = order[c];
}

}  // namespace lmc::render
