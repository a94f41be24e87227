// SPDX-License-Identifier: Apache-2.0
// The band layout, ordering: the order of the boxes in each column (Graphviz's dot for a first
// order, then fewer crossings, keeping the previous drawing's order where it can).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "render/layout_steps.h"
#include "render/text_metrics.h"

namespace lmc::render {

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
