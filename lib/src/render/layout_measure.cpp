// SPDX-License-Identifier: Apache-2.0
// The band layout, measuring: how large each box, header, title block and band of rows is at a
// text size, and the pieces of text they hold.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "render/layout_steps.h"
#include "render/text_metrics.h"

namespace lmc::render {

double wrapped_height(const std::vector<std::string>& lines, double size) {
  return static_cast<double>(lines.size()) * line_height(size);
}

// Wrapped label, badges and indicators of one box at inner width `inner`.
BoxText box_text(const Box& b, const Sizes& s, double inner) {
  BoxText t;
  t.label = wrap_text(b.label, inner, s.f);
  if (!b.note.empty()) t.note = wrap_text(b.note, inner, s.small(), Face::regular, Breaks::code);
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
    IndicatorText it{wrap_text(ind.text, inner, s.small()), {}, {}};
    if (!ind.was.empty()) it.was = wrap_text("was " + ind.was, inner, s.small());
    if (!ind.result.empty()) it.result = wrap_text(ind.result, inner, s.small(), Face::bold);
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
      h += wrapped_height(ind.lines, s.small()) + wrapped_height(ind.was, s.small()) +
           wrapped_height(ind.result, s.small());
    }
  }
  return h;
}

// Label of a link: its badges and marker stacked, one to a line.
std::optional<std::pair<double, double>> edge_label_size(const Edge& e, const Sizes& s,
                                                         bool compact) {
  if (e.badges.empty() && e.marker == 0) return std::nullopt;
  // Drawn tight (dot_writer.cpp gives each cell exactly this size): the text, a point of
  // padding and the border on each side.
  const double size = s.tiny();
  auto cell_w = [&](std::string_view text) {
    return text_width(text, size, Face::bold) * 1.03 + 5;
  };
  double w = 0, h = 0;
  for (const Badge& b : e.badges) {
    const std::vector<std::string> lines = link_badge_lines(b, compact);
    for (const std::string& part : lines) w = std::max(w, cell_w(part));
    h += line_height(size) * static_cast<double>(lines.size()) + 4;
  }
  if (e.marker > 0) {
    w = std::max(w, cell_w(std::to_string(e.marker)));
    h += line_height(size) + 4;
  }
  return std::pair{w + 2, h + 2};
}

// The gap between bands: room for the links' curves, and for their labels up to a point (a
// label may also stand in a band's free space).
double flow_gap(const Diagram& d, const Sizes& s, bool portrait) {
  double gap = s.f * 1.6;
  for (const Edge& e : d.edges) {
    if (auto size = edge_label_size(e, s)) {
      const double need = (portrait ? size->second : size->first) - 2 * s.band_pad() + 2;
      gap = std::max(gap, std::min(need, s.f * 2.0));
      // Whatever the cap, room for the badge's id (and marker) beside the arrowhead.
      const auto small = edge_label_size(e, s, true);
      gap = std::max(
          gap, (portrait ? small->second : small->first) + 3 + s.arrow() * 0.6 - 2 * s.band_pad());
    }
  }
  return gap;
}

std::vector<double> flow_gaps(const Diagram& d, const Sizes& s, bool portrait,
                              const BadgeRoom& badge_room) {
  const double gap = flow_gap(d, s, portrait);
  const std::size_t n = d.columns.size();
  std::vector<double> gaps(n > 0 ? n - 1 : 0, gap);
  std::vector<int> loops(n, 0), through(n, 0);
  std::vector<double> badge(n, 0);  // the widest badge id on a link across the gap
  for (const Edge& e : d.edges) {
    const int a = d.boxes[e.from].column, b = d.boxes[e.to].column;
    if (e.kind != EdgeKind::same) {
      const auto size = badge_room.some ? edge_label_size(e, s, true)
                                        : std::optional<std::pair<double, double>>();
      for (int k = std::min(a, b); k < std::max(a, b); ++k) {
        ++through[k];
        if (size) badge[k] = std::max(badge[k], portrait ? size->second : size->first);
      }
      continue;
    }
    const auto& boxes = d.columns[a].boxes;
    const auto slot_a = std::find(boxes.begin(), boxes.end(), e.from);
    const auto slot_b = std::find(boxes.begin(), boxes.end(), e.to);
    if (std::abs(slot_a - slot_b) != 1) ++loops[a];
  }
  // A gap a loop runs down (route_links draws the n-th loop 0.6 + 0.5 n ems out) holds the
  // loops, then each link across it on a track of its own, within the middle four-fifths.
  for (std::size_t k = 0; k < gaps.size(); ++k) {
    if (badge[k] > 0 && through[k] > 1) {
      gaps[k] = std::max(gaps[k], std::min(badge[k] + kTrackApart * 2 + s.f * 0.6, gap * 1.25));
    }
    if (loops[k] == 0) continue;
    const double need = s.f * (0.6 + 0.5 * loops[k]) + s.f * 0.5 +
                        kTrackApart * static_cast<double>(std::max(through[k], 1));
    gaps[k] = std::max(gaps[k], need / 0.9);
  }
  for (std::size_t k = 0; k < gaps.size() && k < badge_room.extra.size(); ++k) {
    gaps[k] += badge_room.extra[k];
  }
  return gaps;
}

std::vector<double> stack_gaps(const Diagram& d, const Column& c, const Sizes& s, bool portrait) {
  std::vector<double> gaps(c.boxes.size(), s.stack_gap());
  if (!gaps.empty()) gaps[0] = 0;
  for (const Edge& e : d.edges) {
    if (e.kind != EdgeKind::same) continue;
    const auto a = std::find(c.boxes.begin(), c.boxes.end(), e.from);
    const auto b = std::find(c.boxes.begin(), c.boxes.end(), e.to);
    if (a == c.boxes.end() || b == c.boxes.end() || std::abs(a - b) != 1) continue;
    if (const auto size = edge_label_size(e, s, true)) {
      const std::size_t after = static_cast<std::size_t>(std::max(a, b) - c.boxes.begin());
      const double need = (portrait ? size->first : size->second) + s.arrow() + 4;
      gaps[after] = std::max(gaps[after], need);
    }
  }
  return gaps;
}

// The widest word of any box label: narrower boxes would break it (up to a limit: a very long
// word breaks whatever the size).
double widest_word(const Box& b, double size) {
  // A column is widened to hold its widest unbreakable piece before any word is hyphenated,
  // up to nine ems: a longer word ("telerehabilitation") is hyphenated where the patterns
  // allow rather than widen its column past the others.
  return std::min(widest_unbreakable(b.label, size), size * 9);
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
  // Each of the four cells has 1 point of padding on each side.
  const double rest = std::max(w - b.tag_w - b.pill_w - 10, size * 6);
  // The note ("About: a -> b") gets a third, or more, up to half, so that no id in it breaks
  // ("referrals-m-ade"): ids do not wrap at spaces the way text does.
  double widest_id = 0;
  for (const BandRow& r : rows) {
    for (std::size_t k = 0; k < r.note.size();) {
      const std::size_t end = std::min(r.note.find(' ', k), r.note.size());
      widest_id = std::max(widest_id,
                           text_width(std::string_view(r.note).substr(k, end - k), s.band_small()));
      k = end + 1;
    }
  }
  b.note_w = std::clamp(widest_id + size * 0.6 + 1, rest * 0.34, rest * 0.5);
  b.ids_fit = b.note_w >= widest_id + size * 0.6;
  b.text_w = rest - b.note_w;
}

double row_height(const BandRow& r, const RowBlock& b, const Sizes& s,
                  std::vector<std::string>* text_lines, std::vector<std::string>* note_lines) {
  const double size = s.band();
  const double pad = std::max(size * 0.3, 2.5);  // the cells' padding, and a little air
  if (r.heading) {
    if (text_lines) *text_lines = {r.text};
    if (note_lines) note_lines->clear();
    return line_height(size) + pad;
  }
  auto text = wrap_text(r.text, b.text_w - size * 0.6, size);
  auto note = wrap_text(r.note, b.note_w - size * 0.6, s.band_small(), Face::regular, Breaks::code);
  double h = std::max(wrapped_height(text, size), wrapped_height(note, s.band_small()));
  if (r.pill) h = std::max(h, line_height(s.band_small()) + 6);
  h += pad;
  if (text_lines) *text_lines = std::move(text);
  if (note_lines) *note_lines = std::move(note);
  return h;
}

// Splits rows into sub-columns of about equal height, in order (down the first, then the next).
namespace {

std::vector<RowBlock> arrange_rows_in(const std::vector<BandRow>& rows, const Sizes& s,
                                      double width, int k) {
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

}  // namespace

std::vector<RowBlock> arrange_rows(const std::vector<BandRow>& rows, const Sizes& s, double width) {
  if (rows.empty()) return {};
  // One, two or three sub-columns side by side, whichever is lowest; a sub-column narrower
  // than 30 ems of its text would wrap every row.
  std::vector<RowBlock> best = arrange_rows_in(rows, s, width, 1);
  for (int k = 2; k <= 3 && rows.size() >= static_cast<std::size_t>(2 * k); ++k) {
    if ((width - (k - 1) * s.f * 1.2) / k < s.band() * 30) break;
    std::vector<RowBlock> next = arrange_rows_in(rows, s, width, k);
    // Not so narrow that an id in "About" would be cut.
    if (!next.front().ids_fit && best.front().ids_fit) break;
    if (blocks_height(next) < blocks_height(best) - 0.5) best = std::move(next);
  }
  return best;
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
  // Graphviz measures with the font itself: a line our widths say just fits may not, so the
  // block is wrapped a little narrower than the page.
  width *= 0.97;
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
                                      const std::vector<double>& gaps, const Sizes& s, double x0,
                                      double y, double band_top) {
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
          span += widths[j] + (j > k ? gaps[j - 1] : 0);
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
    if (k < gaps.size()) x += w + gaps[k];
  }
  return out;
}

// Everything that decides whether the diagram fits at one size, and where things go.

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

}  // namespace lmc::render
