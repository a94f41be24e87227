// SPDX-License-Identifier: Apache-2.0
#include "lmc/graph.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <optional>

#include "lmc/suggest.h"

namespace lmc {

namespace {

bool contains(const std::vector<std::pair<int, int>>& sorted, std::pair<int, int> edge) {
  return std::binary_search(sorted.begin(), sorted.end(), edge);
}

}  // namespace

void Graph::Adjacency::build(std::size_t nodes, const std::vector<std::pair<int, int>>& edges,
                             bool reverse) {
  offsets.assign(nodes + 1, 0);
  for (const auto& [a, b] : edges) ++offsets[(reverse ? b : a) + 1];
  for (std::size_t v = 0; v < nodes; ++v) offsets[v + 1] += offsets[v];
  targets.resize(edges.size());
  std::vector<std::uint32_t> next(offsets.begin(), offsets.end() - 1);
  for (const auto& [a, b] : edges) targets[next[reverse ? b : a]++] = reverse ? a : b;
}

Graph::Graph(const Model& model) {
  const auto& items = model.items;
  const std::size_t n = items.size();
  in_doubt_.assign(n, false);

  // Ids: the first definition of each wins; duplicates are duplicate-id's to report.
  index_.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (!items[i].id.value.empty()) index_.emplace_back(items[i].id.value, static_cast<int>(i));
  }
  std::stable_sort(index_.begin(), index_.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  index_.erase(std::unique(index_.begin(), index_.end(),
                           [](const auto& a, const auto& b) { return a.first == b.first; }),
               index_.end());
  defines_.assign(n, false);
  for (const auto& [id, i] : index_) defines_[i] = true;
  for (const auto& a : model.assumptions) {
    if (!a.id.value.empty()) others_.push_back(a.id.value);
  }
  for (const auto& f : model.factors) {
    if (!f.id.value.empty()) others_.push_back(f.id.value);
  }
  std::sort(others_.begin(), others_.end());
  std::vector<std::string_view> rejected(model.rejected_ids.begin(), model.rejected_ids.end());
  std::sort(rejected.begin(), rejected.end());
  auto is_rejected = [&](std::string_view id) {
    return std::binary_search(rejected.begin(), rejected.end(), id);
  };
  // Suggestions are looked for only when a reference names nothing: most models need none.
  std::optional<Suggester> suggester;
  auto nearest = [&](std::string_view word) {
    if (!suggester) {
      std::vector<std::string_view> ids;  // in file order
      ids.reserve(index_.size());
      for (std::size_t i = 0; i < n; ++i) {
        if (defines_[i]) {
          ids.push_back(items[i].id.value);
        }
      }
      suggester.emplace(std::move(ids));
    }
    return suggester->nearest(word);
  };
  // "a, b" whose parts are all ids: a list written without brackets. Empty otherwise.
  auto list_in_text = [&](std::string_view text) {
    std::vector<std::string_view> parts;
    if (text.find(',') == std::string_view::npos) return parts;
    for (std::size_t at = 0; at <= text.size();) {
      std::size_t end = std::min(text.find(',', at), text.size());
      std::string_view part = text.substr(at, end - at);
      while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
      while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
      if (part.empty() || find(part) < 0) return std::vector<std::string_view>{};
      parts.push_back(part);
      at = end + 1;
    }
    return parts;
  };
  // "a => b", "a > b", "a → b", "a - > b": a link written with another arrow.
  auto link_in_text =
      [](std::string_view text) -> std::optional<std::pair<std::string, std::string>> {
    for (std::string_view arrow : {"=>", "- >", "-->", "→", "—>", "–>", ">", "=", "<-"}) {
      const auto at = text.find(arrow);
      if (at == std::string_view::npos) continue;
      std::string a(text.substr(0, at)), b(text.substr(at + arrow.size()));
      auto trim = [](std::string& t) {
        while (!t.empty() && (t.front() == ' ' || t.front() == '-')) t.erase(0, 1);
        while (!t.empty() && (t.back() == ' ' || t.back() == '-')) t.pop_back();
      };
      trim(a);
      trim(b);
      if (a.empty() || b.empty()) continue;
      if (arrow == "<-") std::swap(a, b);
      return std::pair{a, b};
    }
    return std::nullopt;
  };

  std::size_t written = 0;
  for (const Item& it : items) written += it.links.size();
  std::vector<std::pair<int, int>> edges;  // sound links, in file order, with repeats
  std::vector<const Ref*> edge_refs;
  edges.reserve(written);
  edge_refs.reserve(written);
  std::vector<std::pair<int, int>> extra;  // what bad references evidently meant
  std::vector<std::pair<int, int>> misordered;
  for (std::size_t i = 0; i < n; ++i) {
    const Item& it = items[i];
    const int self = it.id.value.empty() ? static_cast<int>(i) : find(it.id.value);
    if (it.links_doubtful) in_doubt_[self] = true;
    for (const Ref& ref : it.links) {
      const int other = find(ref.target);
      if (other < 0) {
        BadRef bad{&ref, it.id.value, RefStatus::unknown, -1, -1, {}, {}};
        in_doubt_[self] = true;
        if (is_rejected(ref.target)) {
          bad.status = RefStatus::rejected;
        } else if (is_assumption_or_factor(ref.target)) {
          bad.status = RefStatus::not_an_item;
        } else {
          const std::vector<std::string_view> parts = list_in_text(ref.target);
          if (!parts.empty()) {
            // "a, b" where [a, b] was meant: say so, and take the links as meant.
            bad.syntax_hint =
                fmt::format("a list is written in brackets: `{}: [{}]`",
                            ref.kind == Ref::Kind::to ? "to" : "from", fmt::join(parts, ", "));
            for (std::string_view part : parts) {
              const int meant = find(part);
              in_doubt_[meant] = true;
              extra.push_back(ref.kind == Ref::Kind::to ? std::pair{self, meant}
                                                        : std::pair{meant, self});
            }
          } else {
            bad.suggestion = nearest(ref.target);
            if (const int meant = find(bad.suggestion); meant >= 0) {
              in_doubt_[meant] = true;
              extra.push_back(ref.kind == Ref::Kind::to ? std::pair{self, meant}
                                                        : std::pair{meant, self});
            }
          }
        }
        bad_refs_.push_back(std::move(bad));
        continue;
      }
      const int from = ref.kind == Ref::Kind::to ? self : other;
      const int to = ref.kind == Ref::Kind::to ? other : self;
      const Item& a = items[from];
      const Item& b = items[to];
      const bool doubtful_terms = a.term_doubtful || b.term_doubtful;
      if (!doubtful_terms && !link_goes_forward(a.stage, a.term, b.stage, b.term)) {
        in_doubt_[from] = in_doubt_[to] = true;
        extra.emplace_back(from, to);
        extra.emplace_back(to, from);
        misordered.emplace_back(from, to);
        bad_refs_.push_back(BadRef{&ref, it.id.value, RefStatus::misordered, from, to, {}, {}});
        continue;
      }
      edges.emplace_back(from, to);
      edge_refs.push_back(&ref);
    }
  }

  // Keep the first reference of each link (`to` on one side and `from` on the other is one
  // link), in the order written.
  std::vector<std::pair<int, int>> unique_edges;
  {
    std::vector<std::uint32_t> order(edges.size());
    for (std::uint32_t k = 0; k < order.size(); ++k) order[k] = k;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t x, std::uint32_t y) { return edges[x] < edges[y]; });
    std::vector<bool> keep(edges.size(), false);
    std::size_t kept = 0;
    for (std::size_t k = 0; k < order.size(); ++k) {
      keep[order[k]] = k == 0 || edges[order[k]] != edges[order[k - 1]];
      kept += keep[order[k]];
    }
    links_.reserve(kept);
    unique_edges.reserve(kept);
    for (std::size_t k = 0; k < edges.size(); ++k) {
      if (!keep[k]) continue;
      links_.push_back(Link{edges[k].first, edges[k].second, edge_refs[k]});
      unique_edges.push_back(edges[k]);
    }
  }
  edges = {};
  edge_refs = {};
  out_.build(n, unique_edges, false);
  in_.build(n, unique_edges, true);
  // The meant links differ from the sound ones only when a reference went wrong.
  meant_same_ = extra.empty();
  if (!meant_same_) {
    std::vector<std::pair<int, int>> meant = std::move(unique_edges);
    meant.insert(meant.end(), extra.begin(), extra.end());
    meant_out_.build(n, meant, false);
    meant_in_.build(n, meant, true);
  }

  std::sort(misordered.begin(), misordered.end());
  auto check_refs = [&](const std::vector<Ref>& refs, const std::string& holder) {
    for (const Ref& ref : refs) {
      BadRef bad{&ref, holder, RefStatus::ok, -1, -1, {}, {}};
      if (auto link = parse_link_ref(ref.target)) {
        const int from = find(link->first), to = find(link->second);
        if (from >= 0 && to >= 0) {
          if (has_link(from, to) || contains(misordered, {from, to})) continue;
          bad.status = RefStatus::no_such_link;
          if (has_link(to, from)) {
            bad.suggestion = fmt::format("{} -> {}", link->second, link->first);
          }
        } else if ((from < 0 && is_rejected(link->first)) ||
                   (to < 0 && is_rejected(link->second))) {
          bad.status = RefStatus::rejected;
        } else {
          bad.status = RefStatus::unknown;
          std::string a = from >= 0 ? link->first : nearest(link->first);
          std::string b = to >= 0 ? link->second : nearest(link->second);
          if (!a.empty() && !b.empty()) bad.suggestion = fmt::format("{} -> {}", a, b);
        }
      } else if (find(ref.target) >= 0) {
        continue;
      } else if (is_rejected(ref.target)) {
        bad.status = RefStatus::rejected;
      } else if (is_assumption_or_factor(ref.target)) {
        bad.status = RefStatus::not_an_item;
      } else {
        bad.status = RefStatus::unknown;
        if (auto arrow = link_in_text(ref.target);
            arrow && find(arrow->first) >= 0 && find(arrow->second) >= 0) {
          bad.syntax_hint =
              fmt::format("a link is written with '->': \"{} -> {}\"", arrow->first, arrow->second);
        } else if (const auto parts = list_in_text(ref.target); !parts.empty()) {
          bad.syntax_hint =
              fmt::format("a list is written in brackets: `[{}]`", fmt::join(parts, ", "));
        } else {
          bad.suggestion = nearest(ref.target);
        }
      }
      bad_refs_.push_back(std::move(bad));
    }
  };
  for (const auto& a : model.assumptions) check_refs(a.about, a.id.value);
  for (const auto& f : model.factors) check_refs(f.affects, f.id.value);
}

// Iterative Tarjan: no recursion, however long the chain.
std::vector<std::vector<int>> Graph::components() const {
  const int n = static_cast<int>(in_doubt_.size());
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
      const auto& succ = successors(f.v);
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

int Graph::find(std::string_view id) const {
  auto it =
      std::lower_bound(index_.begin(), index_.end(), id,
                       [](const auto& entry, std::string_view key) { return entry.first < key; });
  return it != index_.end() && it->first == id ? it->second : -1;
}

bool Graph::is_assumption_or_factor(std::string_view id) const {
  return std::binary_search(others_.begin(), others_.end(), id);
}

bool Graph::has_link(int from, int to) const {
  const auto succ = successors(from);
  return std::find(succ.begin(), succ.end(), to) != succ.end();
}

namespace {

template <typename Next>
std::vector<bool> reach(std::size_t n, const std::vector<int>& start, Next next) {
  std::vector<bool> seen(n, false);
  std::vector<int> stack;
  for (int s : start) {
    if (!seen[s]) {
      seen[s] = true;
      stack.push_back(s);
    }
  }
  while (!stack.empty()) {
    const int v = stack.back();
    stack.pop_back();
    for (int w : next(v)) {
      if (!seen[w]) {
        seen[w] = true;
        stack.push_back(w);
      }
    }
  }
  return seen;
}

}  // namespace

std::vector<bool> Graph::reach_forward(const std::vector<int>& start) const {
  return reach(in_doubt_.size(), start, [this](int v) { return meant_successors(v); });
}

std::vector<bool> Graph::reach_backward(const std::vector<int>& start) const {
  return reach(in_doubt_.size(), start, [this](int v) { return meant_predecessors(v); });
}

}  // namespace lmc
