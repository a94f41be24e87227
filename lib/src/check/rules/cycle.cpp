// SPDX-License-Identifier: Apache-2.0
// cycle: links that form a loop.
// Why: a logic model runs one way, from resources to impact; a loop ("A leads to B leads to A")
// hides which comes first and cannot be drawn left to right. Each loop is reported once, at
// the link that closes it, with its members listed.
#include <algorithm>

#include "check/rules/rules.h"

namespace lmc {

void check_cycle(const Model& m, const RuleContext& ctx, Findings& out) {
  const Graph& g = ctx.graph;
  const int n = static_cast<int>(m.items.size());
  std::vector<int> component_of(n, -1);
  const auto comps = g.components();
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
