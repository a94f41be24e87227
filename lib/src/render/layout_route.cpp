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

  void run(bool badges) {
    position_in_column();
    const std::size_t n = d_.edges.size();
    plans_.resize(n);
    for (std::size_t e = 0; e < n; ++e) plan(static_cast<int>(e));
    spread_lanes();
    assign_ports();
    separate_swaps();
    p_.routes.resize(n);
    p_.gap_short.assign(d_.columns.empty() ? 0 : d_.columns.size() - 1, 0);
    // Built twice: the first time to learn which links cross each gap, so each can be given
    // a track of its own there; the second with those tracks.
    for (std::size_t e = 0; e < n; ++e) build(static_cast<int>(e));
    assign_bends();
    for (std::size_t e = 0; e < n; ++e) build(static_cast<int>(e));
    if (badges) place_labels();
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
    // The gap between two boxes joined by a link with a badge is that badge's: no other link
    // passes through it.
    for (const Edge& e : d_.edges) {
      if (e.kind != EdgeKind::same || (e.badges.empty() && e.marker == 0)) continue;
      if (std::abs(slot_[e.from] - slot_[e.to]) != 1) continue;
      blocked_.insert({d_.boxes[e.from].column, std::max(slot_[e.from], slot_[e.to])});
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
        // Full when one more link could not run a clear track from the others through it.
        const int users = lanes_used_[{k, static_cast<int>(j)}];
        const bool full = (width - 2 * margin) / (users + 2) < kTrackApart;
        // Past full, one more link would run within a point and a half of another, whatever
        // spread_lanes does: any way round is better.
        const bool crammed = width / (users + 2) < 1.5;
        const double cost = std::abs(at - target) + (width < p_.s.f * 0.5 ? 1e6 : 0) +
                            (full ? p_.s.f * 20 : 0) + (crammed ? 1e5 : 0) +
                            (blocked_.count({k, static_cast<int>(j)}) ? 1e7 : 0);
        if (cost < best_cost) best_cost = cost, best = static_cast<int>(j);
      }
      ++lanes_used_[{k, best}];
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
      double margin = std::min(p_.s.f * 0.3, width / 2);
      double step = (width - 2 * margin) / static_cast<double>(lanes.size() + 1);
      // A stretch too narrow for its lanes kTrackApart apart inside its margins (a stack gap)
      // spreads them over all of it: closer to the boxes, apart from each other.
      if (step < kTrackApart) margin = 0, step = width / static_cast<double>(lanes.size() + 1);
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
      // How far each end may move along the side and keep its place among the others.
      const double room =
          ends.size() == 1 ? (hi - lo) * 0.2 : span / static_cast<double>(ends.size() - 1) / 3;
      for (const End& end : ends) port_room_[{end.edge, end.tail}] = room;
    }
  }

  // Two links that swap places across a gap, one arriving at the level where the other leaves
  // and leaving where the other arrives, would run along one of those levels together, which
  // ever turns first. Their ends move apart, as far as their places among the other ends on
  // their boxes' sides allow: the arriving one toward where it comes from, the leaving one
  // the other way, so the two cross square.
  void separate_swaps() {
    struct Way {
      int edge;
      double pv, v;     // where it enters the gap and where it leaves it, across the flow
      bool tail, head;  // whether pv is its tail port, whether v is its head port
    };
    std::map<int, std::vector<Way>> gaps;
    for (std::size_t e = 0; e < d_.edges.size(); ++e) {
      const Plan& pl = plans_[e];
      if (d_.edges[e].kind == EdgeKind::same) continue;
      const int from = d_.boxes[d_.edges[e].from].column;
      double pv = pl.tail_v;
      int column = from;
      for (std::size_t k = 0; k <= pl.lanes.size(); ++k) {
        const double v = k < pl.lanes.size() ? pl.lanes[k].v : pl.head_v;
        column += pl.dir;
        gaps[pl.dir > 0 ? column : column + 1].push_back(
            Way{static_cast<int>(e), pv, v, k == 0, k == pl.lanes.size()});
        pv = v;
      }
    }
    const double margin = p_.s.f * 0.3;
    for (auto& [gap, ways] : gaps) {
      for (const Way& a : ways) {
        for (const Way& b : ways) {
          if (a.edge == b.edge || !a.head || !b.tail || std::abs(a.v - a.pv) < margin ||
              std::abs(a.v - b.pv) >= margin || std::abs(b.v - a.pv) >= margin) {
            continue;
          }
          double& head_room = port_room_[{a.edge, false}];
          double& tail_room = port_room_[{b.edge, true}];
          const double toward = a.v > a.pv ? -1 : 1;
          const double apart = std::min({margin, head_room, tail_room});
          plans_[a.edge].head_v = a.v + toward * apart;
          plans_[b.edge].tail_v = b.pv - toward * apart;
          head_room = tail_room = 0;  // moved once
        }
      }
    }
  }

  void line_to(Route& r, Point q) {
    const Point p = r.points.back();
    r.points.push_back({p.x + (q.x - p.x) / 3, p.y + (q.y - p.y) / 3});
    r.points.push_back({p.x + 2 * (q.x - p.x) / 3, p.y + 2 * (q.y - p.y) / 3});
    r.points.push_back(q);
  }

  // A quarter turn from the current end, level, to `q`, as a cubic Bezier.
  void corner_to(Route& r, Point q, bool level_first) {
    constexpr double kappa = 0.5523;  // a circle's quarter as a cubic
    const Point p = r.points.back();
    if (level_first == !fl_.portrait) {
      r.points.push_back({p.x + (q.x - p.x) * kappa, p.y});
      r.points.push_back({q.x, q.y - (q.y - p.y) * kappa});
    } else {
      r.points.push_back({p.x, p.y + (q.y - p.y) * kappa});
      r.points.push_back({q.x - (q.x - p.x) * kappa, q.y});
    }
    r.points.push_back(q);
  }

  // Across a gap, from the current end to (u, v), leaving and arriving level: along, a rounded
  // turn, straight across the flow, a rounded turn, along. It turns at its own place across
  // the gap (assign_bends), so links crossing one gap run apart there and cross square. `gap`
  // is the column after the gap, `near` where the gap starts on the link's way.
  void curve_to(Route& r, int gap, double near, double u, double v) {
    const Point p = r.points.back();
    const double pu = fl_.portrait ? p.y : p.x, pv = fl_.portrait ? p.x : p.y;
    const auto key = std::pair{building_, curve_++};
    crossings_[gap].push_back(Crossing{key, pv, v});
    // Where to turn, as a share of the gap up to where the first link leaves it (some stop
    // short of its far side, at an arrowhead): the same share is the same place for every link
    // crossing it.
    gap_start_[gap] = near;
    const auto [it, fresh] = gap_end_.try_emplace(gap, u);
    double& far = it->second;
    if (!fresh) far = (u - pu) * (far - pu) > 0 && std::abs(u - pu) < std::abs(far - pu) ? u : far;
    const auto bend = bends_.find(key);
    const double t = bend == bends_.end() ? 0.5 : bend->second;
    const double at =
        std::clamp(near + (far - near) * t, std::min(pu, u) + 0.5, std::max(pu, u) - 0.5);
    const double across = v - pv;
    if (std::abs(across) < 1) {
      line_to(r, fl_.xy(u, v));
      return;
    }
    const double du = u > pu ? 1 : -1, dv = across > 0 ? 1 : -1;
    const auto spacing = spacing_.find(gap);
    const double radius =
        std::min({p_.s.f * 0.6, std::abs(across) / 2, std::abs(at - pu), std::abs(u - at),
                  spacing == spacing_.end() ? p_.s.f : spacing->second * 0.8});
    if (std::abs(at - du * radius - pu) > 0.01) line_to(r, fl_.xy(at - du * radius, pv));
    corner_to(r, fl_.xy(at, pv + dv * radius), true);
    if (std::abs(across) - 2 * radius > 0.01) line_to(r, fl_.xy(at, v - dv * radius));
    corner_to(r, fl_.xy(at + du * radius, v), false);
    if (std::abs(u - at - du * radius) > 0.01) line_to(r, fl_.xy(u, v));
  }

  // Where the tracks of one gap stand across its room (`total` wide, with `before` and
  // `after` more up to the gap's sides), from half the width of the badge each carries:
  // evenly spaced (one direction: from one side of the room to the other; both: each in the
  // middle of its share, so the two directions stay a share apart; a lone track in the
  // middle); but a track with a badge stands half the badge's width and a point and a half
  // from its neighbours and the gap's sides, so the badge covers no other link nor a box. The
  // other steps close up to make that room, down to kTrackApart; past that the badges give
  // up what they must. `short_of`: how much more room would let every badge stand clear.
  struct Ladder {
    std::vector<double> at;  // from the start of the room
    double closest = 0;      // the closest two tracks
    double short_of = 0;
  };
  static Ladder space_ladder(const std::vector<double>& half, bool both, double total,
                             double before, double after) {
    const std::size_t n = half.size();
    Ladder out;
    if (n == 0) return out;
    // Steps: before the first track, between each two, after the last.
    std::vector<double> need(n + 1, 0), weight(n + 1, 1);
    weight[0] = weight[n] = both || n == 1 ? 0.5 : 0;
    for (std::size_t k = 0; k <= n; ++k) {
      const double h = (k > 0 ? half[k - 1] : 0) + (k < n ? half[k] : 0);
      if (h > 0) need[k] = h + 1.5 - (k == 0 ? before : k == n ? after : 0);
    }
    double weights = 0;
    for (const double w : weight) weights += w;
    const double unit = total / weights;
    auto sum = [&](double share, double give) {
      double s = 0;
      for (std::size_t k = 0; k <= n; ++k) s += std::max(need[k] * give, weight[k] * share);
      return s;
    };
    const double least = std::min(unit, kTrackApart);
    out.short_of = std::max(0.0, sum(kTrackApart, 1) - total);
    double share = least, give = 1;
    if (sum(least, 1) <= total) {
      double lo = least, hi = unit;  // the widest share that fits
      for (int i = 0; i < 30; ++i) {
        const double mid = (lo + hi) / 2;
        (sum(mid, 1) <= total ? lo : hi) = mid;
      }
      share = lo;
    } else {
      double lo = 0, hi = 1;  // as much of the badges' room as fits
      for (int i = 0; i < 30; ++i) {
        const double mid = (lo + hi) / 2;
        (sum(least, mid) <= total ? lo : hi) = mid;
      }
      give = lo;
    }
    auto step = [&](std::size_t k) { return std::max(need[k] * give, weight[k] * share); };
    out.at.push_back(step(0));
    out.closest = total;
    for (std::size_t k = 1; k < n; ++k) {
      out.at.push_back(out.at.back() + step(k));
      out.closest = std::min(out.closest, step(k));
    }
    return out;
  }

  // Where each link turns in each gap: links going the same way across it turn one after
  // another, the one that starts farther along their way first, so they neither cross nor
  // share a track; links that hardly move go straight through the middle.
  void assign_bends() {
    for (auto& [gap, list] : crossings_) {
      std::vector<Crossing*> down, up;
      for (Crossing& c : list) {
        if (std::abs(c.v - c.pv) < 1) continue;
        (c.v > c.pv ? down : up).push_back(&c);
      }
      // Down: the one starting lowest turns first; up: the one starting highest.
      std::stable_sort(down.begin(), down.end(),
                       [](const Crossing* a, const Crossing* b) { return a->pv > b->pv; });
      std::stable_sort(up.begin(), up.end(),
                       [](const Crossing* a, const Crossing* b) { return a->pv < b->pv; });
      // Only links whose turns overlap across the flow need tracks apart: each link takes the
      // track after the last one taken by a link before it (in the order above) that it
      // overlaps, and the tracks are spread over the middle four-fifths of the gap.
      const double margin = p_.s.f * 0.3;
      // A loop back into the same column runs down the first part of its gap: the others
      // turn after it.
      const auto loop = looped_.find(gap);
      const double width = std::abs(gap_end_[gap] - gap_start_[gap]);
      const double start = loop == looped_.end() || width <= 0
                               ? 0.1
                               : std::clamp((loop->second + p_.s.f * 0.5) / width, 0.1, 0.6),
                   room = 0.9 - start;
      // Links going one way turn in the first part of the gap, links going the other way in the
      // last part, so two going opposite ways cross rather than run side by side. The tracks
      // of both directions are one ladder, evenly spaced over the room: one direction's, then
      // the other's, so the last track of one and the first of the other are as far apart as
      // any two (they may run side by side across the flow, in a narrow room).
      // Which direction turns first: a link that arrives at the level where another leaves (or
      // within a track of it) must turn after it, or the two run along that level together;
      // down first unless more links going down arrive where links going up leave than the
      // other way round.
      int down_after = 0, up_after = 0;
      for (const Crossing* d : down) {
        for (const Crossing* u : up) {
          down_after += std::abs(d->v - u->pv) < margin;
          up_after += std::abs(u->v - d->pv) < margin;
        }
      }
      const bool up_first = down_after > up_after;
      std::vector<int> tracks_of[2];
      int ladder = 0;
      for (int g : {up_first ? 1 : 0, up_first ? 0 : 1}) {
        const std::vector<Crossing*>& group = g == 0 ? down : up;
        std::vector<int>& track = tracks_of[g];
        track.assign(group.size(), 0);
        int tracks = group.empty() ? 0 : 1;
        for (std::size_t i = 0; i < group.size(); ++i) {
          const Crossing& c = *group[i];
          for (std::size_t j = 0; j < i; ++j) {
            const Crossing& o = *group[j];
            if (std::max(c.pv, c.v) + margin > std::min(o.pv, o.v) &&
                std::max(o.pv, o.v) + margin > std::min(c.pv, c.v)) {
              track[i] = std::max(track[i], track[j] + 1);
            }
          }
          tracks = std::max(tracks, track[i] + 1);
        }
        for (int& t : track) t += ladder;
        ladder += tracks;
      }
      const bool both = !down.empty() && !up.empty();
      std::vector<double> half(static_cast<std::size_t>(ladder), 0);
      for (int g = 0; g < 2; ++g) {
        const std::vector<Crossing*>& group = g == 0 ? down : up;
        for (std::size_t i = 0; i < group.size(); ++i) {
          double& h = half[static_cast<std::size_t>(tracks_of[g][i])];
          h = std::max(h, badge_half(group[i]->key.first, group[i]->key.second));
        }
      }
      const Ladder lad = space_ladder(half, both, room * width, start * width, 0.1 * width);
      // What the gap is short of, for a drawing that can give it (fit_text_size): its room
      // grows by four-fifths of what the gap grows by, or more beside a loop.
      if (lad.short_of > 0 && gap >= 1 && static_cast<std::size_t>(gap - 1) < p_.gap_short.size()) {
        double& short_of = p_.gap_short[static_cast<std::size_t>(gap - 1)];
        short_of = std::max(short_of, lad.short_of / 0.8);
      }
      // A turn's corner stays within the space between two tracks, so a link crossing another
      // near its turn crosses its straight part, square, not its curve at a slant.
      if (ladder > 1) spacing_[gap] = lad.closest;
      for (int g = 0; g < 2; ++g) {
        const std::vector<Crossing*>& group = g == 0 ? down : up;
        for (std::size_t i = 0; i < group.size(); ++i) {
          const int k = tracks_of[g][i];
          bends_[group[i]->key] =
              width > 0 ? start + lad.at[static_cast<std::size_t>(k)] / width : start + room / 2;
        }
      }
    }
    crossings_.clear();
  }

  // Half the width of the badge (its ids) along the flow of a link, on its `curve`-th crossing
  // of a gap: the room its track needs on each side across the gap, for its badge to stand
  // there. A link from one column to the next needs it on its one crossing. A link across
  // several columns finds room for its badge along a lane between boxes where one is wide
  // enough; where none is, its first crossing keeps room for it.
  double badge_half(int e, int curve) const {
    const auto size = edge_label_size(d_.edges[e], p_.s, true);
    if (!size) return 0;
    const Plan& pl = plans_[e];
    if (!pl.lanes.empty()) {
      if (curve != 0) return 0;
      const double across = fl_.portrait ? size->first : size->second;
      for (const Lane& l : pl.lanes) {
        const auto iv = intervals(l.band)[static_cast<std::size_t>(l.interval)];
        if (iv.second - iv.first >= across + 4 * kTrackApart) return 0;
      }
    }
    return (fl_.portrait ? size->second : size->first) / 2;
  }

  void build(int e) {
    const Edge& edge = d_.edges[e];
    const Plan& pl = plans_[e];
    Route& r = p_.routes[e];
    building_ = e;
    curve_ = 0;
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
      double& deepest = looped_[d_.boxes[edge.from].column + 1];
      deepest = std::max(deepest, out - fl_.u1(band));
      const double across = pl.head_v - pl.tail_v, dv = across > 0 ? 1 : -1;
      const double radius = std::min({p_.s.f * 0.4, std::abs(across) / 2, out - fl_.u1(a)});
      r.points = {fl_.xy(fl_.u1(a), pl.tail_v)};
      line_to(r, fl_.xy(out - radius, pl.tail_v));
      corner_to(r, fl_.xy(out, pl.tail_v + dv * radius), true);
      line_to(r, fl_.xy(out, pl.head_v - dv * radius));
      corner_to(r, fl_.xy(out - radius, pl.head_v), false);
      line_to(r, fl_.xy(fl_.u1(b) + arrow, pl.head_v));
      r.tip = fl_.xy(fl_.u1(b), pl.head_v);
      return;
    }
    const int dir = pl.dir;
    auto exit_u = [&](const Rect& box) { return dir > 0 ? fl_.u1(box) : fl_.u0(box); };
    auto entry_u = [&](const Rect& box) { return dir > 0 ? fl_.u0(box) : fl_.u1(box); };
    const Rect& band_a = p_.bands[d_.boxes[edge.from].column];
    const Rect& band_b = p_.bands[d_.boxes[edge.to].column];
    const int to = d_.boxes[edge.to].column;
    r.points = {fl_.xy(exit_u(a), pl.tail_v)};
    if (std::abs(exit_u(band_a) - exit_u(a)) > 1) line_to(r, fl_.xy(exit_u(band_a), pl.tail_v));
    // A gap by the column after it.
    auto gap = [&](int column) { return dir > 0 ? column : column + 1; };
    for (const Lane& l : pl.lanes) {
      const Rect& band = p_.bands[l.band];
      curve_to(r, gap(l.band), exit_u(p_.bands[l.band - dir]), entry_u(band), l.v);
      line_to(r, fl_.xy(exit_u(band), l.v));
    }
    const double end_u = entry_u(b) - dir * arrow;
    if (std::abs(entry_u(b) - entry_u(band_b)) > arrow + 1) {
      curve_to(r, gap(to), exit_u(p_.bands[to - dir]), entry_u(band_b), pl.head_v);
      line_to(r, fl_.xy(end_u, pl.head_v));
    } else {
      curve_to(r, gap(to), exit_u(p_.bands[to - dir]), end_u, pl.head_v);
    }
    r.tip = fl_.xy(entry_u(b), pl.head_v);
  }

  // A route as a polyline, finely enough that its curves are followed within a point.
  static std::vector<Point> polyline(const Route& r) {
    std::vector<Point> out;
    for (std::size_t seg = 0; seg + 3 < r.points.size(); seg += 3) {
      for (int i = seg == 0 ? 0 : 1; i <= 16; ++i) out.push_back(bezier(&r.points[seg], i / 16.0));
    }
    out.push_back(r.tip);
    return out;
  }

  // Whether segment p-q passes through rectangle r (Liang-Barsky clipping).
  static bool crosses(Point p, Point q, const Rect& r) {
    double t0 = 0, t1 = 1;
    const double dx = q.x - p.x, dy = q.y - p.y;
    const double edges[4][2] = {
        {-dx, p.x - r.x}, {dx, r.x + r.w - p.x}, {-dy, p.y - r.y}, {dy, r.y + r.h - p.y}};
    for (const auto& [a, b] : edges) {
      if (a == 0) {
        if (b < 0) return false;
        continue;
      }
      const double t = b / a;
      if (a < 0) {
        t0 = std::max(t0, t);
      } else {
        t1 = std::min(t1, t);
      }
      if (t0 > t1) return false;
    }
    return true;
  }

  // From a rectangle's edge to the nearest point of a polyline (0 when one lies inside it).
  static double gap_to(const Rect& rect, const std::vector<Point>& line) {
    double best = 1e18;
    for (const Point& q : line) {
      const double dx = std::max({rect.x - q.x, 0.0, q.x - (rect.x + rect.w)});
      const double dy = std::max({rect.y - q.y, 0.0, q.y - (rect.y + rect.h)});
      best = std::min(best, std::hypot(dx, dy));
    }
    return best;
  }

  static double distance(Point c, const std::vector<Point>& line) {
    double best = 1e18;
    for (std::size_t k = 0; k + 1 < line.size(); ++k) {
      const Point a = line[k], b = line[k + 1];
      const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
      const double t =
          len2 > 0 ? std::clamp(((c.x - a.x) * dx + (c.y - a.y) * dy) / len2, 0.0, 1.0) : 0;
      best = std::min(best, std::hypot(c.x - (a.x + t * dx), c.y - (a.y + t * dy)));
    }
    return best;
  }

  // Labels (badges, markers) stand on their own link: centred on it where nothing else is, or
  // just beside it; never over a box, a header, the title, a band of rows or another label;
  // crossed by no other link; and nearer to their own link than to any other. The full label
  // where one fits, else the badges' ids alone (the band says which link they are on).
  void place_labels() {
    std::vector<Rect> taken(p_.boxes.begin(), p_.boxes.end());
    for (const Header& h : p_.headers) taken.push_back(h.rect);
    taken.push_back(p_.title);
    for (const auto* blocks : {&p_.panel, &p_.findings}) {
      for (const RowBlock& b : *blocks) {
        taken.push_back(Rect{b.rect.x + p_.page.margin, b.rect.y, b.rect.w, b.rect.h});
      }
    }
    // Arrowheads: their points, from halfway along the head to the tip (a badge may touch the
    // base of its own link's head, in a narrow gap).
    for (const Route& r : p_.routes) {
      if (r.points.empty()) continue;
      const Point b = r.tip;
      const Point a{(r.points.back().x + b.x) / 2, (r.points.back().y + b.y) / 2};
      const double half = p_.s.arrow() * 0.3;
      taken.push_back(Rect{std::min(a.x, b.x) - half, std::min(a.y, b.y) - half,
                           std::abs(b.x - a.x) + 2 * half, std::abs(b.y - a.y) + 2 * half});
    }
    std::vector<std::vector<Point>> lines(d_.edges.size());
    for (std::size_t e = 0; e < d_.edges.size(); ++e) lines[e] = polyline(p_.routes[e]);
    const Rect page{p_.page.margin / 2, p_.page.margin / 2, p_.page.width - p_.page.margin,
                    p_.page.height - p_.page.margin};
    for (std::size_t e = 0; e < d_.edges.size(); ++e) {
      const auto size = edge_label_size(d_.edges[e], p_.s);
      if (!size) continue;
      Route& r = p_.routes[e];
      // How far a tier lets a label stray: strict, crossed by no other link and clearly
      // nearer to its own (centre and edge); near, a little farther from its own link and
      // only just nearer to it than to any other; loose, clear of boxes, text and other labels
      // with up to `allowed` other links through it.
      struct Tier {
        double reach;         // how far from its own link the label's edge may stand
        double centre, edge;  // how much nearer its own link than any other (centre, edge)
        bool loose = false;
        int allowed = 0;  // loose: how many other links may pass through it
      };
      Tier tier{2.5, 2, 1};
      auto good = [&](const Rect& rect) {
        if (rect.x < page.x || rect.y < page.y || rect.x + rect.w > page.x + page.w ||
            rect.y + rect.h > page.y + page.h) {
          return false;
        }
        const Rect padded{rect.x - 1, rect.y - 1, rect.w + 2, rect.h + 2};
        if (std::any_of(taken.begin(), taken.end(),
                        [&](const Rect& t) { return t.overlaps(padded); })) {
          return false;
        }
        // Within a few points of its own link.
        const double own_gap = gap_to(rect, lines[e]);
        if (own_gap > tier.reach) return false;
        const Point c{rect.cx(), rect.cy()};
        const double own = distance(c, lines[e]);
        int crossed = 0;  // other links passing through it
        for (std::size_t o = 0; o < lines.size(); ++o) {
          if (o == e) continue;
          for (std::size_t k = 0; k + 1 < lines[o].size(); ++k) {
            if (crosses(lines[o][k], lines[o][k + 1], padded)) {
              ++crossed;
              break;
            }
          }
          if (tier.loose) continue;
          // Crossed by none, and nearer its own link than any other: centre to line, and
          // edge to line as a reader sees it.
          if (crossed > 0 || distance(c, lines[o]) < own + tier.centre ||
              gap_to(rect, lines[o]) < own_gap + tier.edge) {
            return false;
          }
        }
        return crossed <= tier.allowed;
      };
      std::optional<Rect> chosen = spot_on(lines[e], size->first, size->second, good);
      if (!chosen) {
        const auto small = edge_label_size(d_.edges[e], p_.s, true);
        chosen = spot_on(lines[e], small->first, small->second, good);
        // A little farther out, still nearer its own link than any other.
        tier = Tier{3.5, 0.5, 0.5};
        for (const double beside : {1.5, 2.5}) {
          if (!chosen) chosen = spot_on(lines[e], small->first, small->second, good, beside);
        }
        r.compact_label = chosen.has_value();
        if (!chosen) {
          // No spot other links leave clear: the ids alone, on the link where they cover
          // nothing else.
          tier = Tier{2.5, 0, 0, true};
          for (tier.allowed = 1; tier.allowed <= 3 && !chosen; ++tier.allowed) {
            chosen = spot_on(lines[e], small->first, small->second, good);
          }
          // Still nowhere: a little farther from the link rather than over a box's text.
          for (tier.reach = 6, tier.allowed = 1; tier.allowed <= 6 && !chosen; ++tier.allowed) {
            chosen = spot_on(lines[e], small->first, small->second, good, 4.0);
          }
          r.compact_label = chosen.has_value();
        }
        if (!chosen) {
          // Nowhere clear: the ids alone, on the link's middle.
          const Point c = bezier(&r.points[0], 0.5);
          chosen =
              Rect{c.x - small->first / 2, c.y - small->second / 2, small->first, small->second};
          r.compact_label = true;
        }
      }
      r.label = chosen;
      taken.push_back(*r.label);
    }
  }

  // The first place for a w x h label along `line` that `good` accepts: centred on the line,
  // then just beside it, trying the middle of the link first and working out to its ends.
  template <typename Good>
  static std::optional<Rect> spot_on(const std::vector<Point>& line, double w, double h,
                                     const Good& good, double beside = 1.5) {
    if (line.size() < 2) return std::nullopt;
    std::vector<double> at(line.size(), 0);
    for (std::size_t k = 1; k < line.size(); ++k) {
      at[k] = at[k - 1] + std::hypot(line[k].x - line[k - 1].x, line[k].y - line[k - 1].y);
    }
    const double length = at.back();
    // Not over the arrowhead, nor the first points leaving the box.
    const double lo = std::min(6.0, length / 2), hi = std::max(length - 10.0, length / 2);
    std::vector<double> stations;
    for (double d = 0; d <= (hi - lo) / 2 + 1e-9; d += 1) {
      stations.push_back(length / 2 + d);
      if (d > 0) stations.push_back(length / 2 - d);
    }
    for (const double pos : stations) {
      if (pos < lo || pos > hi) continue;
      const std::size_t k =
          static_cast<std::size_t>(std::upper_bound(at.begin(), at.end(), pos) - at.begin());
      const std::size_t i = std::clamp<std::size_t>(k, 1, line.size() - 1);
      const Point a = line[i - 1], b = line[i];
      const double seg = std::max(at[i] - at[i - 1], 1e-9), t = (pos - at[i - 1]) / seg;
      const Point c{a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t};
      // Across the line: the unit normal, and how far the label's edge is from its centre.
      const double nx = -(b.y - a.y) / seg, ny = (b.x - a.x) / seg;
      const double half = std::abs(nx) * w / 2 + std::abs(ny) * h / 2;
      for (const double off : {0.0, half + beside, -(half + beside)}) {
        const Rect rect{c.x + nx * off - w / 2, c.y + ny * off - h / 2, w, h};
        if (good(rect)) return rect;
      }
    }
    return std::nullopt;
  }

  const Diagram& d_;
  Placed& p_;
  Flow fl_;
  std::vector<int> slot_;
  std::set<std::pair<int, int>> blocked_;          // (column, interval) a badge holds
  std::map<std::pair<int, int>, int> lanes_used_;  // (column, interval) -> links through it
  std::vector<Plan> plans_;
  std::map<int, int> loops_;
  // The curves across each gap (by the column after it) and where each turns.
  struct Crossing {
    std::pair<int, int> key;  // (edge, its n-th curve)
    double pv, v;
  };
  std::map<int, std::vector<Crossing>> crossings_;
  std::map<std::pair<int, int>, double> bends_;
  std::map<int, double> looped_;     // gaps (by the column after them) a loop runs down: how far
  std::map<int, double> gap_start_;  // gaps: where their near side is
  std::map<int, double> gap_end_;    // gaps: where their far side is
  std::map<int, double> spacing_;    // gaps: how far apart their tracks are
  std::map<std::pair<int, bool>, double> port_room_;  // (link, tail end): how far it may move
  int building_ = 0, curve_ = 0;
};

}  // namespace

void route_links(const Diagram& d, Placed& p, bool badges) {
  Router(d, p).run(badges);
}

}  // namespace lmc::render
