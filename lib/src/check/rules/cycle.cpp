// SPDX-License-Identifier: Apache-2.0
// cycle: links that form a loop.
// Why: a logic model runs one way, from resources to impact; a loop ("A leads to B leads to A")
// hides which comes first and cannot be drawn left to right. Each loop is reported once, at
// the link that closes it, with its members listed.
#include <algorithm>

#include "check/rules/rules.h"

namespace lmc {

namespace {

// Strongly connected components (iterative Tarjan), each listed by node.
std::vector<std::vector<int>> components(const Graph& g, int n) {
  std::vector<int> index(n, -1), low(n, 0), stack;
  std::vector<bool> on_stack(n, false);
  std::vector<std::vector<int>> result;
  int counter = 0;
  struct Frame {
    int v;
    std::size_t next;
  };
  for (int root = 0; root < n; ++root) {
    if (index[root] >= 0) continue;
    std::vector<Frame> calls{{root, 0}};
    index[root] = low[root] = counter++;
    stack.push_back(root);
    on_stack[root] = true;
    while (!calls.empty()) {
      Frame& f = calls.back();
      const auto& succ = g.successors(f.v);
      if (f.next < succ.size()) {
        const int w = succ[f.next++];
        if (index[w] < 0) {
          index[w] = low[w] = counter++;
          stack.push_back(w);
          on_stack[w] = true;
          calls.push_back({w, 0});
        } else if (on_stack[w]) {
          low[f.v] = std::min(low[f.v], index[w]);
        }
        continue;
      }
      const int v = f.v;
      calls.pop_back();
      if (!calls.empty()) low[calls.back().v] = std::min(low[calls.back().v], low[v]);
      if (low[v] != index[v]) continue;
      std::vector<int> comp;
      int w;
      do {
        w = stack.back();
        stack.pop_back();
        on_stack[w] = false;
        comp.push_back(w);
      } while (w != v);
      result.push_back(std::move(comp));
    }
  }
  return result;
}

}  // namespace

void check_cycle(const Model& m, const RuleContext& ctx, Findings& out) {
  const Graph& g = ctx.graph;
  const int n = static_cast<int>(m.items.size());
  std::vector<int> component_of(n, -1);
  auto comps = components(g, n);
  for (std::size_t c = 0; c < comps.size(); ++c) {
    for (int v : comps[c]) component_of[v] = static_cast<int>(c);
  }
  for (std::size_t c = 0; c < comps.size(); ++c) {
    const auto& comp = comps[c];
    const int first = *std::min_element(comp.begin(), comp.end());
    if (comp.size() == 1 && !g.has_link(first, first)) continue;
    // The shortest loop through the member written first, found breadth-first.
    std::vector<int> parent(n, -2);
    std::vector<int> queue{first};
    int last = -1;
    for (std::size_t q = 0; q < queue.size() && last < 0; ++q) {
      const int v = queue[q];
      for (int w : g.successors(v)) {
        if (component_of[w] != static_cast<int>(c)) continue;
        if (w == first) {
          last = v;
          break;
        }
        if (parent[w] == -2) {
          parent[w] = v;
          queue.push_back(w);
        }
      }
    }
    std::vector<int> path;
    for (int v = last; v != first && v >= 0; v = parent[v]) path.push_back(v);
    path.push_back(first);
    std::reverse(path.begin(), path.end());
    std::string listed;
    for (int v : path) listed += m.items[v].id.value + " -> ";
    listed += m.items[first].id.value;
    const Ref* closing = nullptr;
    for (const Graph::Link& link : g.links()) {
      if (link.from == last && link.to == first) closing = link.ref;
    }
    const Item& holder = closing->kind == Ref::Kind::to ? m.items[last] : m.items[first];
    Diagnostic& d =
        out.add(closing->span, holder.id.value, fmt::format("links form a loop: {}", listed));
    for (int v : path) {
      d.related.push_back(Related{m.path, m.items[v].id.span,
                                  fmt::format("'{}' is in the loop", m.items[v].id.value)});
    }
  }
}

}  // namespace lmc
