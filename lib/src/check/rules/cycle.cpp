// SPDX-License-Identifier: Apache-2.0
// cycle: links that form a loop, or models that detail each other in a loop.
// Why: a logic model runs one way, from resources to impact; a loop ("A leads to B leads to A")
// hides which comes first and cannot be drawn left to right. Each loop is reported once, at
// the link that closes it, with its members listed; a loop through several models is one
// finding, its members named by file and id. A chain of `model:` references that comes back
// to where it started is reported at the reference that closes it.
#include <algorithm>

#include "check/rules/rules.h"

namespace lmc {

namespace {

void link_loops(const Graph& g, Findings& out) {
  const int n = g.size();
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
    const Graph::Link* closing = nullptr;
    for (const Graph::Link& link : g.links()) {
      if (link.from == last && link.to == first) closing = &link;
    }
    const int where = holder_model(g, *closing);
    std::string listed;
    for (int v : path) listed += g.name(v, where) + " -> ";
    listed += g.name(first, where);
    const int holder = closing->ref->kind == Ref::Kind::to ? last : first;
    Diagnostic& d = out.add_in(where, closing->ref->span, g.item(holder).id.value,
                               fmt::format("links form a loop: {}", listed));
    for (int v : path) {
      d.related.push_back(Related{out.file(g.model_of(v)), g.item(v).id.span,
                                  fmt::format("'{}' is in the loop", g.name(v, where))});
    }
  }
}

// Models whose boxes' `model:` lead back to a model on the way: depth first from each model in
// order, each reference that returns to a model being visited closes a loop.
void model_loops(const Graph& g, Findings& out) {
  const int models = g.model_count();
  std::vector<std::vector<int>> details(models);  // per model: its boxes that name a model
  for (int i = 0; i < g.size(); ++i) {
    if (g.detail_model(i) >= 0) details[g.model_of(i)].push_back(i);
  }
  enum : char { unseen, open, done };
  std::vector<char> state(models, unseen);
  std::vector<int> on_path;  // models being visited, in order
  struct Frame {
    int model;
    std::size_t next;
  };
  for (int root = 0; root < models; ++root) {
    if (state[root] != unseen) continue;
    std::vector<Frame> stack{{root, 0}};
    state[root] = open;
    on_path.push_back(root);
    while (!stack.empty()) {
      Frame& f = stack.back();
      if (f.next == details[f.model].size()) {
        state[f.model] = done;
        on_path.pop_back();
        stack.pop_back();
        continue;
      }
      const int box = details[f.model][f.next++];
      const int to = g.detail_model(box);
      if (state[to] == unseen) {
        state[to] = open;
        on_path.push_back(to);
        stack.push_back({to, 0});
      } else if (state[to] == open) {
        const int m = f.model;
        const auto start = std::find(on_path.begin(), on_path.end(), to);
        std::string listed;
        for (auto it = start; it != on_path.end(); ++it) {
          listed += path_from(g.model(m).path, g.model(*it).path) + " -> ";
        }
        listed += path_from(g.model(m).path, g.model(to).path);
        const Item& it = g.item(box);
        Diagnostic& d = out.add_in(
            m, it.detail_model()->span, it.id.value,
            to == m ? fmt::format("{} is detailed by the model it is in: {}", describe(it), listed)
                    : fmt::format("models detail each other in a loop: {}", listed),
            "a work stream's model details one box of the programme; it does not name the "
            "programme with `model:` (link into it with `to: [PATH#id]` instead)");
        for (auto p = start; p != on_path.end(); ++p) {
          d.related.push_back(Related{out.file(*p), Span{1, 1, 0}, "in the loop"});
        }
      }
    }
  }
}

}  // namespace

void check_cycle(const RuleContext& ctx, Findings& out) {
  link_loops(ctx.graph, out);
  model_loops(ctx.graph, out);
}

}  // namespace lmc
