// SPDX-License-Identifier: Apache-2.0
// The band layout, routing: each link's way from box to box through the gaps between columns,
// in lanes that do not share a track, its ports spread along the box's edge, and the place
// of its badge.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "render/layout_steps.h"
#include "render/text_metrics.h"

namespace lmc::render {

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

void route_links(const Diagram& d, Placed& p) {
  Router(d, p).run();
}

}  // namespace lmc::render
