// SPDX-License-Identifier: Apache-2.0
// The band layout, placing: every box, header, band and row on the page at the text size the
// fit chose; then the links are routed.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "render/layout_steps.h"
#include "render/text_metrics.h"

namespace lmc::render {

Placed place(const Diagram& d, const PageGeometry& page, double f, const BadgeRoom& badge_room,
             bool badges) {
  Frame fr = frame(d, page, f, badge_room);
  const Sizes& s = fr.s;
  Placed p;
  p.s = s;
  p.page = page;
  p.portrait = fr.portrait;
  const double m = page.margin;
  double y = m;
  p.title = Rect{m, y, fr.width, title_block(d, s, fr.width, &p.title_lines, &p.fact_lines)};
  y += p.title.h + s.section_gap();
  const double bottom = m + fr.height - fr.bottom_h;  // where the bands of rows begin
  p.boxes.resize(d.boxes.size());
  p.box_text = std::move(fr.texts);
  if (!fr.portrait) {
    const double band_top = y + fr.header_h + s.f * 0.25;
    p.headers = landscape_headers(d, fr.column_ws, fr.gaps, s, m, y, band_top);
    for (Header& h : p.headers) {
      if (!h.sub) h.rect.h = fr.header_h;
    }
    double x = m;
    for (std::size_t k = 0; k < d.columns.size(); ++k) {
      const double w = fr.column_ws[k];
      p.bands.push_back(Rect{x, band_top, w, std::max(bottom - band_top, 0.0)});
      double at =
          band_top + s.band_pad() + (d.columns[k].stage == Stage::outcome ? s.subheader_h() : 0);
      const std::vector<double> gaps = stack_gaps(d, d.columns[k], s, false);
      for (std::size_t j = 0; j < d.columns[k].boxes.size(); ++j) {
        const int box = d.columns[k].boxes[j];
        at += gaps[j];
        p.boxes[box] = Rect{x + s.band_pad(), at, w - 2 * s.band_pad(), fr.box_h[box]};
        at += fr.box_h[box];
      }
      if (k < fr.gaps.size()) x += w + fr.gaps[k];
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
      const std::vector<double> gaps = stack_gaps(d, d.columns[k], s, true);
      for (std::size_t j = 0; j < d.columns[k].boxes.size(); ++j) {
        const int box = d.columns[k].boxes[j];
        at += gaps[j];
        p.boxes[box] = Rect{at, y + s.band_pad(), fr.column_w, fr.box_h[box]};
        at += fr.column_w;
      }
      if (k < fr.gaps.size()) y += h + gap + (fr.gaps[k] - fr.gap);
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
  route_links(d, p, badges);
  return p;
}

}  // namespace lmc::render
