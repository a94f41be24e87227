// SPDX-License-Identifier: Apache-2.0
// The band layout, fitting: the frame of a page at a text size (columns, bands, what each
// needs), whether it fits, and the largest text size at which the page holds the diagram.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "render/layout_steps.h"
#include "render/text_metrics.h"

namespace lmc::render {

Frame frame(const Diagram& d, const PageGeometry& page, double f, const BadgeRoom& badge_room,
            bool fit_only) {
  Frame fr;
  fr.s = Sizes{f};
  const Sizes& s = fr.s;
  fr.portrait = page.height > page.width;
  fr.width = page.width - 2 * page.margin;
  fr.height = page.height - 2 * page.margin;
  fr.title_h = title_block(d, s, fr.width, nullptr, nullptr);
  fr.gap = flow_gap(d, s, fr.portrait);
  fr.gaps = flow_gaps(d, s, fr.portrait, badge_room);
  double gaps_sum = 0;
  for (double g : fr.gaps) gaps_sum += g;
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
      double least = words + pads;
      // A term's sub-header ("Medium term") prints at 7 pt or more whatever the box text: its
      // column is at least that wide.
      if (c.stage == Stage::outcome) {
        least = std::max(
            least, text_width(capitalized_term(c.term), s.subheader(), Face::bold) + s.f * 0.6 + 4);
      }
      need.push_back(least);
      text.push_back(amount);
      need_sum += need.back();
      text_sum += amount;
    }
    const double spare = fr.width - gaps_sum - need_sum;
    fr.too_narrow = spare < 0;
    if (fit_only && fr.too_narrow) return fr;
    // The spare width goes where it shortens the page: a few steps of it at a time to the
    // column that stands tallest, so columns with few boxes lend their width to crowded ones.
    fr.column_ws = need;
    std::vector<std::vector<double>> column_gaps;
    for (const Column& c : d.columns) column_gaps.push_back(stack_gaps(d, c, s, false));
    auto stacked = [&](std::size_t k) {
      const Column& c = d.columns[k];
      const double w = std::max(fr.column_ws[k] - pads, s.f);
      double len = c.stage == Stage::outcome ? s.subheader_h() : 0;
      for (std::size_t j = 0; j < c.boxes.size(); ++j) {
        len += box_height(box_text(d.boxes[c.boxes[j]], s, w), s) + column_gaps[k][j];
      }
      return len;
    };
    if (spare > 0 && !d.columns.empty()) {
      constexpr int kSteps = 16;
      // A tenth is shared by how much text each column holds, so no column is left narrow.
      for (std::size_t k = 0; k < d.columns.size(); ++k) {
        fr.column_ws[k] += spare * 0.1 * (text_sum > 0 ? text[k] / text_sum : 1.0 / n);
      }
      const double step = spare * 0.9 / kSteps;
      std::vector<double> len(d.columns.size());
      for (std::size_t k = 0; k < d.columns.size(); ++k) len[k] = stacked(k);
      for (int i = 0; i < kSteps; ++i) {
        const std::size_t tallest =
            static_cast<std::size_t>(std::max_element(len.begin(), len.end()) - len.begin());
        fr.column_ws[tallest] += step;
        len[tallest] = stacked(tallest);
      }
    }
    for (std::size_t k = 0; k < d.columns.size(); ++k) inners.push_back(fr.column_ws[k] - pads);
    for (const Header& h : landscape_headers(d, fr.column_ws, fr.gaps, s, 0, 0, 0)) {
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
    // One box width for every row: what the most crowded row leaves each of its boxes.
    const double len = fr.width - fr.gutter - s.f * 0.4 - 2 * s.band_pad();
    fr.column_w = len;
    for (const Column& c : d.columns) {
      if (c.boxes.empty()) continue;
      double gaps = 0;
      for (double g : stack_gaps(d, c, s, true)) gaps += g;
      fr.column_w = std::min(fr.column_w, (len - gaps) / static_cast<double>(c.boxes.size()));
    }
    inner = fr.column_w - 2 * s.pad_x();
    double words = kMinInnerEms * s.f;
    for (const Box& b : d.boxes) words = std::max(words, widest_word(b, s.f));
    fr.too_narrow = inner < words;
    if (fit_only && fr.too_narrow) return fr;
  }
  fr.texts.reserve(d.boxes.size());
  for (const Box& b : d.boxes) {
    const double w = fr.portrait ? inner : inners[b.column];
    fr.texts.push_back(box_text(b, s, std::max(w, s.f)));
    fr.box_h.push_back(box_height(fr.texts.back(), s));
  }
  // Links that pass a column run along it between its boxes, each on a lane of its own: in
  // landscape a column is long enough for them kTrackApart apart, beyond the room its stack
  // gaps already give (route_links' lanes).
  std::vector<int> passing(d.columns.size(), 0);
  for (const Edge& e : d.edges) {
    if (fr.portrait || e.kind == EdgeKind::same) continue;
    const int a = d.boxes[e.from].column, b = d.boxes[e.to].column;
    for (int k = std::min(a, b) + 1; k < std::max(a, b); ++k)
      ++passing[static_cast<std::size_t>(k)];
  }
  for (std::size_t col = 0; col < d.columns.size(); ++col) {
    const Column& c = d.columns[col];
    double len = 0, free = 0;
    const std::vector<double> gaps = stack_gaps(d, c, s, fr.portrait);
    for (std::size_t k = 0; k < c.boxes.size(); ++k) {
      const double h = fr.box_h[c.boxes[k]];
      len = fr.portrait ? std::max(len, h) : len + h + gaps[k];
      if (k > 0) free += std::max(0.0, gaps[k] - s.f * 0.6);
    }
    if (!fr.portrait && passing[col] > 0) {
      len += std::max(0.0, kTrackApart * (passing[col] + 1) + s.f * 0.6 - free);
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
    for (double g : fr.gaps) body += g;
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

bool fits_at(const Diagram& d, const PageGeometry& page, double f) {
  return fits(frame(d, page, f, {}, true));
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
    bound = (page.height - 2 * page.margin) / (m * (1.2 + 0.8 + 0.75) + 4);
  } else {
    // Side by side: at least kMinInnerEms and the padding a box.
    bound = (page.width - 2 * page.margin) / (m * (kMinInnerEms + 0.9 + 0.75) + 8);
  }
  if (bound >= 2.0) return std::nullopt;
  if (column) *column = at;
  return bound;
}

double fit_text_size(const Diagram& d, const PageGeometry& page, std::string* limit,
                     int* limit_column, BadgeRoom* badge_room) {
  if (badge_room) *badge_room = {};
  const double plain = fit_text_size(d, page, limit, limit_column);
  if (!badge_room) return plain;
  // Room for badges beside the other links' tracks when it costs the boxes at most a
  // twentieth of their size (on a page whose text is below the 7 pt floor already, which
  // render says is too small and names a page that fits, three twentieths: what it draws is
  // still read right), never below the 10 pt a workshop model prints at or the 7 pt
  // floor, and nothing on a projector's slide (its box text is what the room reads from the
  // back, docs/workshops.md): a quarter more than the flow gap where a badge crosses it
  // beside others, then as much as a drawing shows they are short of, while it fits.
  const double floor = page.screen                ? plain
                       : plain >= 10              ? 10.0
                       : plain >= kMinPrintedSize ? kMinPrintedSize
                                                  : 0.0;
  const double least = std::max(plain * (plain < kMinPrintedSize ? 0.85 : 0.95), floor);
  if (least > plain || d.edges.empty()) return plain;
  // Each round draws the page with the room taken so far and adds what its gaps are short
  // of (a wider gap moves the boxes, and the links' tracks with them), while it still fits.
  // Where a quarter more wherever a badge crosses does not fit, only what the gaps are short
  // of.
  BadgeRoom clear{true, {}};
  if (!fits(frame(d, page, least, clear, true))) clear.some = false;
  bool at_plain = false, taken = false;
  for (int round = 0; round < 3; ++round) {
    // More room never fits where less did not: past a round short of plain, only least.
    const bool whole = (round == 0 || at_plain) && fits(frame(d, page, plain, clear, true));
    if (!whole && !fits(frame(d, page, least, clear, true))) break;
    *badge_room = clear;
    taken = true;
    at_plain = whole;
    const std::vector<double> short_of =
        place(d, page, whole ? plain : least, clear, false).gap_short;
    if (std::none_of(short_of.begin(), short_of.end(), [](double x) { return x > 0.5; })) break;
    BadgeRoom next = clear;
    next.extra.resize(short_of.size(), 0);
    for (std::size_t k = 0; k < short_of.size(); ++k) next.extra[k] += short_of[k];
    if (!fits(frame(d, page, least, next, true))) {
      // Not all of it: the gaps one at a time, the smallest shortfall first, while it fits.
      next = clear;
      next.extra.resize(short_of.size(), 0);
      std::vector<std::size_t> order(short_of.size());
      for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
      std::stable_sort(order.begin(), order.end(),
                       [&](std::size_t a, std::size_t b) { return short_of[a] < short_of[b]; });
      bool widened = false;
      for (const std::size_t k : order) {
        if (short_of[k] <= 0.5) continue;
        next.extra[k] += short_of[k];
        if (fits(frame(d, page, least, next, true))) {
          widened = true;
        } else {
          next.extra[k] -= short_of[k];
        }
      }
      if (!widened) break;
    }
    clear = std::move(next);
  }
  if (!taken || at_plain) return plain;
  double lo = least, hi = plain;
  for (int k = 0; k < 6; ++k) {
    const double mid = (lo + hi) / 2;
    (fits(frame(d, page, mid, *badge_room, true)) ? lo : hi) = mid;
  }
  return std::floor(lo * 100) / 100;
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
  if (!fits(frame(d, page, lo, {}, true))) {
    if (limit) *limit = describe_limit(d, frame(d, page, lo), limit_column);
    return lo;
  }
  for (int k = 0; k < 11; ++k) {  // to about a hundredth of a point
    const double mid = (lo + hi) / 2;
    if (fits(frame(d, page, mid, {}, true))) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
  lo = std::floor(lo * 100) / 100;
  if (limit) *limit = describe_limit(d, frame(d, page, hi), limit_column);
  return lo;
}

}  // namespace lmc::render
