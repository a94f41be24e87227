// SPDX-License-Identifier: Apache-2.0
#include "lmc/paths.h"

#include <algorithm>
#include <functional>
#include <set>

namespace lmc {

Attachments::Attachments(const Model& model, const Graph& graph)
    : item_assumptions(model.items.size()), item_factors(model.items.size()) {
  auto attach = [&](const std::vector<Ref>& refs, int holder, std::vector<std::vector<int>>& items,
                    std::vector<std::pair<std::pair<int, int>, int>>& links) {
    std::set<int> seen_items;
    std::set<std::pair<int, int>> seen_links;
    for (const Ref& ref : refs) {
      if (auto link = parse_link_ref(ref.target)) {
        const int from = graph.find(link->first), to = graph.find(link->second);
        if (from >= 0 && to >= 0 && graph.has_link(from, to) &&
            seen_links.insert({from, to}).second) {
          links.push_back({{from, to}, holder});
        }
      } else if (const int item = graph.find(ref.target);
                 item >= 0 && seen_items.insert(item).second) {
        items[item].push_back(holder);
      }
    }
  };
  for (std::size_t a = 0; a < model.assumptions.size(); ++a) {
    attach(model.assumptions[a].about, static_cast<int>(a), item_assumptions, link_assumptions);
  }
  for (std::size_t f = 0; f < model.factors.size(); ++f) {
    attach(model.factors[f].affects, static_cast<int>(f), item_factors, link_factors);
  }
}

namespace {

std::vector<int> on_link(const std::vector<std::pair<std::pair<int, int>, int>>& links, int from,
                         int to) {
  std::vector<int> out;
  for (const auto& [link, holder] : links) {
    if (link.first == from && link.second == to) out.push_back(holder);
  }
  return out;
}

}  // namespace

std::vector<int> Attachments::assumptions_on_link(int from, int to) const {
  return on_link(link_assumptions, from, to);
}

std::vector<int> Attachments::factors_on_link(int from, int to) const {
  return on_link(link_factors, from, to);
}

std::string path_start(const Model& model) {
  Stage first = Stage::impact;
  for (const Item& item : model.items) first = std::min(first, item.stage);
  switch (first) {
    case Stage::resource: return "from the resources and activities";
    case Stage::activity: return "from the activities";
    case Stage::output: return "from the outputs";
    case Stage::outcome: return "from the outcomes";
    case Stage::impact: break;
  }
  return "from the impacts";
}

Paths::Paths(const Model& model, const Graph& graph) : graph_(graph) {
  const std::size_t n = model.items.size();
  // Items in a loop of sound links: paths through them cannot be counted.
  std::vector<bool> loop(n, false);
  for (const std::vector<int>& component : graph.components()) {
    if (component.size() > 1 || graph.has_link(component[0], component[0])) {
      for (int v : component) loop[v] = true;
    }
  }
  // Paths start at the resources and activities, or at the first stage a model without them
  // has: every stage up to the later of the activities and that first stage.
  Stage first = Stage::impact;
  for (std::size_t v = 0; v < n; ++v) {
    if (graph.defines(static_cast<int>(v))) first = std::min(first, model.items[v].stage);
  }
  const Stage last_start = std::max(first, Stage::activity);
  auto starts = [&](int v) { return model.items[v].stage <= last_start; };
  member_.assign(n, false);
  root_.assign(n, false);
  end_.assign(n, false);
  for (std::size_t v = 0; v < n; ++v) {
    const int i = static_cast<int>(v);
    if (loop[v]) {
      loop_items_.push_back(i);
      continue;
    }
    // Only the first definition of an id takes part (a duplicate is an error reported
    // elsewhere).
    if (!graph.defines(i)) continue;
    member_[v] = true;
    end_[v] = model.items[v].stage == Stage::impact;
  }
  // A path starts where the programme's input enters: at a start item no other start item
  // feeds.
  for (std::size_t v = 0; v < n; ++v) {
    if (!member_[v] || !starts(static_cast<int>(v))) continue;
    bool fed = false;
    for (int p : graph.predecessors(static_cast<int>(v))) fed = fed || (member_[p] && starts(p));
    root_[v] = !fed;
  }
  // A topological order of the members (Kahn), along the links a path may take.
  std::vector<int> indegree(n, 0);
  for (std::size_t v = 0; v < n; ++v) {
    for (int w : graph.successors(static_cast<int>(v))) {
      if (usable(static_cast<int>(v), w)) ++indegree[w];
    }
  }
  std::vector<int> ready;
  for (std::size_t v = 0; v < n; ++v) {
    if (member_[v] && indegree[v] == 0) ready.push_back(static_cast<int>(v));
  }
  while (!ready.empty()) {
    const int v = ready.back();
    ready.pop_back();
    order_.push_back(v);
    for (int w : graph.successors(v)) {
      if (usable(v, w) && --indegree[w] == 0) ready.push_back(w);
    }
  }
  before_.assign(n, 0);
  after_.assign(n, 0);
  for (int v : order_) {
    before_[v] += root_[v] ? 1 : 0;
    for (int w : graph.successors(v)) {
      if (usable(v, w)) before_[w] += before_[v];
    }
  }
  for (auto it = order_.rbegin(); it != order_.rend(); ++it) {
    const int v = *it;
    if (end_[v]) {
      after_[v] = 1;
      continue;
    }
    for (int w : graph.successors(v)) {
      if (usable(v, w)) after_[v] += after_[w];
    }
  }
  for (int v : order_) {
    if (root_[v]) total_ += after_[v];
  }
}

// A path goes along a link between two members, and stops at the first impact.
bool Paths::usable(int from, int to) const {
  return member_[from] && member_[to] && !end_[from];
}

double Paths::through(int item) const {
  return item >= 0 && static_cast<std::size_t>(item) < before_.size() ? before_[item] * after_[item]
                                                                      : 0;
}

double Paths::touching(const std::vector<int>& items,
                       const std::vector<std::pair<int, int>>& links) const {
  std::vector<bool> blocked(member_.size(), false);
  for (int v : items) blocked[v] = true;
  std::set<std::pair<int, int>> cut(links.begin(), links.end());
  std::vector<double> avoid(member_.size(), 0);
  double avoiding = 0;
  for (auto it = order_.rbegin(); it != order_.rend(); ++it) {
    const int v = *it;
    if (blocked[v]) continue;
    if (end_[v]) {
      avoid[v] = 1;
    } else {
      for (int w : graph_.successors(v)) {
        if (usable(v, w) && !cut.count({v, w})) avoid[v] += avoid[w];
      }
    }
    if (root_[v]) avoiding += avoid[v];
  }
  return total_ - avoiding;
}

std::vector<std::vector<int>> Paths::list_through(int item, std::size_t limit) const {
  std::vector<std::vector<int>> out;
  if (through(item) <= 0 || limit == 0) return out;
  // Up to `limit` ways in (from a root to the item) and out (from the item to an impact).
  std::vector<std::vector<int>> ins, outs;
  std::vector<int> current{item};
  std::function<void(int)> back = [&](int v) {
    if (ins.size() >= limit) return;
    if (root_[v]) {
      ins.emplace_back(current.rbegin(), current.rend());
    }
    for (int p : graph_.predecessors(v)) {
      if (ins.size() >= limit) return;
      if (!usable(p, v) || before_[p] <= 0) continue;
      current.push_back(p);
      back(p);
      current.pop_back();
    }
  };
  back(item);
  current = {item};
  std::function<void(int)> forward = [&](int v) {
    if (outs.size() >= limit) return;
    if (end_[v]) {
      outs.push_back(current);
      return;
    }
    for (int w : graph_.successors(v)) {
      if (outs.size() >= limit) return;
      if (!usable(v, w) || after_[w] <= 0) continue;
      current.push_back(w);
      forward(w);
      current.pop_back();
    }
  };
  forward(item);
  for (const auto& in : ins) {
    for (const auto& tail : outs) {
      if (out.size() >= limit) return out;
      std::vector<int> path = in;
      path.insert(path.end(), tail.begin() + 1, tail.end());
      out.push_back(std::move(path));
    }
  }
  return out;
}

}  // namespace lmc
