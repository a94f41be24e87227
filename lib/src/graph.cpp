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

bool Graph::entry_less(const Entry& a, const Entry& b) {
  return a.model != b.model ? a.model < b.model : a.id < b.id;
}

Graph::Graph(const Model& model)
    : Graph(std::span<const GraphModel>(std::vector<GraphModel>{{&model, nullptr, true}})) {}

Graph::Graph(std::span<const GraphModel> models, std::span<const int> local)
    : models_(models.begin(), models.end()), local_(local.begin(), local.end()) {
  const int model_count = static_cast<int>(models_.size());
  starts_.assign(model_count + 1, 0);
  for (int m = 0; m < model_count; ++m) {
    starts_[m + 1] =
        starts_[m] + (models_[m].usable ? static_cast<int>(models_[m].model->items.size()) : 0);
  }
  const std::size_t n = static_cast<std::size_t>(starts_.back());
  in_doubt_.assign(n, false);

  // Ids: the first definition of each in its model wins; duplicates are duplicate-id's.
  index_.reserve(n);
  for (int m = 0; m < model_count; ++m) {
    for (int i = starts_[m]; i < starts_[m + 1]; ++i) {
      const Item& it = item(i);
      if (!it.id.value.empty()) index_.push_back(Entry{m, it.id.value, i});
    }
  }
  auto same_key = [](const Entry& a, const Entry& b) { return a.model == b.model && a.id == b.id; };
  std::stable_sort(index_.begin(), index_.end(), entry_less);
  index_.erase(std::unique(index_.begin(), index_.end(), same_key), index_.end());
  defines_.assign(n, false);
  for (const Entry& e : index_) defines_[e.node] = true;
  for (int m = 0; m < model_count; ++m) {
    if (!models_[m].usable) continue;
    const Model& mm = *models_[m].model;
    for (const auto& a : mm.assumptions) {
      if (!a.id.value.empty()) others_.push_back(Entry{m, a.id.value, -1});
    }
    for (const auto& f : mm.factors) {
      if (!f.id.value.empty()) others_.push_back(Entry{m, f.id.value, -1});
    }
    for (const std::string& id : mm.rejected_ids) rejected_.push_back(Entry{m, id, -1});
  }
  std::sort(others_.begin(), others_.end(), entry_less);
  std::sort(rejected_.begin(), rejected_.end(), entry_less);

  // Suggestions are looked for only when a reference names nothing: most models need none.
  std::vector<std::optional<Suggester>> suggesters(model_count);
  std::vector<std::vector<std::string_view>> suggester_ids(model_count);
  auto nearest_in = [&](int m, std::string_view word) -> std::string {
    if (m < 0 || !models_[m].usable) return {};
    if (!suggesters[m]) {
      auto& ids = suggester_ids[m];  // in file order
      for (int i = starts_[m]; i < starts_[m + 1]; ++i) {
        if (defines_[i]) ids.push_back(item(i).id.value);
      }
      suggesters[m].emplace(ids);
    }
    return suggesters[m]->nearest(word);
  };
  // The nearest to what a reference names, written as the reference would be.
  auto nearest = [&](const Resolved& r) -> std::string {
    std::string near = nearest_in(r.model, r.id);
    if (near.empty() || r.path.empty()) return near;
    return fmt::format("{}#{}", r.path, near);
  };
  // "a, b" whose parts are all ids of model m: a list written without brackets. Empty
  // otherwise.
  auto list_in_text = [&](int m, std::string_view text) {
    std::vector<std::string_view> parts;
    if (text.find(',') == std::string_view::npos) return parts;
    for (std::size_t at = 0; at <= text.size();) {
      std::size_t end = std::min(text.find(',', at), text.size());
      std::string_view part = text.substr(at, end - at);
      while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
      while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
      if (part.empty() || resolve(m, part).node < 0) return std::vector<std::string_view>{};
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
  // Fills in what a reference that names no node is.
  auto explain = [&](const Resolved& r, BadRef& bad) {
    bad.status = r.status;
    bad.file = r.file;
    bad.path = std::string(r.path);
    if (r.status == RefStatus::unknown) bad.suggestion = nearest(r);
  };

  std::size_t written = 0;
  for (int m = 0; m < model_count; ++m) {
    if (!models_[m].usable) continue;
    for (const Item& it : models_[m].model->items) written += it.links.size();
  }
  std::vector<std::pair<int, int>> edges;  // sound links, in file order, with repeats
  std::vector<const Ref*> edge_refs;
  edges.reserve(written);
  edge_refs.reserve(written);
  std::vector<std::pair<int, int>> extra;  // what bad references evidently meant
  std::vector<std::pair<int, int>> misordered;
  for (int m = 0; m < model_count; ++m) {
    for (int i = starts_[m]; i < starts_[m + 1]; ++i) {
      const Item& it = item(i);
      const int self = it.id.value.empty() ? i : find(m, it.id.value);
      if (it.links_doubtful) in_doubt_[self] = true;
      for (const Ref& ref : it.links) {
        const Resolved r = resolve(m, ref.target);
        const int other = r.node;
        if (other < 0) {
          BadRef bad{&ref, it.id.value, m, RefStatus::unknown, -1, -1, {}, {}, nullptr, {}};
          in_doubt_[self] = true;
          explain(r, bad);
          if (bad.status == RefStatus::unknown) {
            const std::vector<std::string_view> parts = list_in_text(m, ref.target);
            if (!parts.empty()) {
              // "a, b" where [a, b] was meant: say so, and take the links as meant.
              bad.suggestion.clear();
              bad.syntax_hint =
                  fmt::format("a list is written in brackets: `{}: [{}]`",
                              ref.kind == Ref::Kind::to ? "to" : "from", fmt::join(parts, ", "));
              for (std::string_view part : parts) {
                const int meant = resolve(m, part).node;
                in_doubt_[meant] = true;
                extra.push_back(ref.kind == Ref::Kind::to ? std::pair{self, meant}
                                                          : std::pair{meant, self});
              }
            } else if (const int meant = resolve(m, bad.suggestion).node;
                       !bad.suggestion.empty() && meant >= 0) {
              in_doubt_[meant] = true;
              extra.push_back(ref.kind == Ref::Kind::to ? std::pair{self, meant}
                                                        : std::pair{meant, self});
            }
          }
          bad_refs_.push_back(std::move(bad));
          continue;
        }
        const int from = ref.kind == Ref::Kind::to ? self : other;
        const int to = ref.kind == Ref::Kind::to ? other : self;
        const Item& a = item(from);
        const Item& b = item(to);
        const bool doubtful_terms = a.term_doubtful || b.term_doubtful;
        if (!doubtful_terms && !link_goes_forward(a.stage, a.term, b.stage, b.term)) {
          in_doubt_[from] = in_doubt_[to] = true;
          extra.emplace_back(from, to);
          extra.emplace_back(to, from);
          misordered.emplace_back(from, to);
          bad_refs_.push_back(
              BadRef{&ref, it.id.value, m, RefStatus::misordered, from, to, {}, {}, nullptr, {}});
          continue;
        }
        edges.emplace_back(from, to);
        edge_refs.push_back(&ref);
      }
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
  // The links of each model: counted, then placed (a stable counting sort by model).
  held_starts_.assign(models_.size() + 1, 0);
  std::vector<int> written_in(links_.size());
  for (std::size_t k = 0; k < links_.size(); ++k) {
    const Link& l = links_[k];
    written_in[k] = model_of(l.ref && l.ref->kind == Ref::Kind::from ? l.to : l.from);
    ++held_starts_[written_in[k] + 1];
  }
  for (std::size_t m = 0; m < models_.size(); ++m) held_starts_[m + 1] += held_starts_[m];
  held_.resize(links_.size());
  {
    std::vector<int> next(held_starts_.begin(), held_starts_.end() - 1);
    for (std::size_t k = 0; k < links_.size(); ++k)
      held_[next[written_in[k]]++] = static_cast<int>(k);
  }
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
  auto check_refs = [&](int m, const std::vector<Ref>& refs, const std::string& holder) {
    for (const Ref& ref : refs) {
      BadRef bad{&ref, holder, m, RefStatus::ok, -1, -1, {}, {}, nullptr, {}};
      if (auto link = parse_link_ref(ref.target)) {
        const Resolved ra = resolve(m, link->first), rb = resolve(m, link->second);
        const int from = ra.node, to = rb.node;
        if (from >= 0 && to >= 0) {
          if (has_link(from, to) || contains(misordered, {from, to})) continue;
          bad.status = RefStatus::no_such_link;
          if (has_link(to, from)) {
            bad.suggestion = fmt::format("{} -> {}", link->second, link->first);
          }
        } else {
          // The first end that names nothing says why.
          explain(from < 0 ? ra : rb, bad);
          if (bad.status == RefStatus::unknown) {
            std::string a = from >= 0 ? link->first : nearest(ra);
            std::string b = to >= 0 ? link->second : nearest(rb);
            bad.suggestion = !a.empty() && !b.empty() ? fmt::format("{} -> {}", a, b) : "";
          }
        }
      } else if (const Resolved r = resolve(m, ref.target); r.node >= 0) {
        continue;
      } else {
        explain(r, bad);
        if (bad.status == RefStatus::unknown) {
          if (auto arrow = link_in_text(ref.target);
              arrow && resolve(m, arrow->first).node >= 0 && resolve(m, arrow->second).node >= 0) {
            bad.suggestion.clear();
            bad.syntax_hint = fmt::format("a link is written with '->': \"{} -> {}\"", arrow->first,
                                          arrow->second);
          } else if (const auto parts = list_in_text(m, ref.target); !parts.empty()) {
            bad.suggestion.clear();
            bad.syntax_hint =
                fmt::format("a list is written in brackets: `[{}]`", fmt::join(parts, ", "));
          }
        }
      }
      bad_refs_.push_back(std::move(bad));
    }
  };
  for (int m = 0; m < model_count; ++m) {
    if (!models_[m].usable) continue;
    for (const auto& a : models_[m].model->assumptions) check_refs(m, a.about, a.id.value);
    for (const auto& f : models_[m].model->factors) check_refs(m, f.affects, f.id.value);
  }
}

Graph::Resolved Graph::resolve(int m, std::string_view target) const {
  Resolved r;
  r.model = m;
  r.id = target;
  if (auto parts = split_file_ref(target)) {
    r.path = parts->first;
    r.id = parts->second;
    const FileTarget* file = this->target(m, r.path);
    if (!file) {
      r.status = RefStatus::external;
      r.model = -1;
      return r;
    }
    r.file = file;
    r.model = file->status == FileTarget::Status::ok ? local_model(file->model) : -1;
    if (file->status != FileTarget::Status::ok) {
      r.status = RefStatus::missing_model;
      return r;
    }
    if (r.model < 0 || !models_[r.model].usable) {
      r.status = RefStatus::rejected;  // a model that could not be read: reported there
      r.model = -1;
      return r;
    }
  }
  r.node = find(r.model, r.id);
  if (r.node >= 0) return r;
  if (is_rejected(r.model, r.id)) {
    r.status = RefStatus::rejected;
  } else if (is_assumption_or_factor(r.model, r.id)) {
    r.status = RefStatus::not_an_item;
  } else {
    r.status = RefStatus::unknown;
  }
  return r;
}

const Item& Graph::item(int node) const {
  const int m = model_of(node);
  return models_[m].model->items[node - starts_[m]];
}

int Graph::model_of(int node) const {
  if (models_.size() == 1) return 0;
  return static_cast<int>(std::upper_bound(starts_.begin(), starts_.end(), node) -
                          starts_.begin()) -
         1;
}

std::string Graph::name(int node, int from) const {
  const int m = model_of(node);
  const std::string& id = item(node).id.value;
  if (m == from) return id;
  return fmt::format("{}#{}", path_from(model(from).path, model(m).path), id);
}

const FileTarget* Graph::target(int m, std::string_view path) const {
  const FileTargets* targets = models_[m].targets;
  if (!targets) return nullptr;
  auto it = targets->find(path);
  return it == targets->end() ? nullptr : &it->second;
}

int Graph::local_model(int set_index) const {
  if (local_.empty()) return set_index < model_count() ? set_index : -1;
  return set_index >= 0 && set_index < static_cast<int>(local_.size()) ? local_[set_index] : -1;
}

int Graph::detail_model(int node) const {
  const Text* path = item(node).detail_model();
  if (!path) return -1;
  const FileTarget* file = target(model_of(node), path->value);
  if (!file || file->status != FileTarget::Status::ok) return -1;
  return local_model(file->model);
}

bool Graph::is_rejected(int m, std::string_view id) const {
  return std::binary_search(rejected_.begin(), rejected_.end(), Entry{m, id, -1}, entry_less);
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

int Graph::find(int m, std::string_view id) const {
  auto it = std::lower_bound(index_.begin(), index_.end(), Entry{m, id, -1}, entry_less);
  return it != index_.end() && it->model == m && it->id == id ? it->node : -1;
}

bool Graph::is_assumption_or_factor(int m, std::string_view id) const {
  return std::binary_search(others_.begin(), others_.end(), Entry{m, id, -1}, entry_less);
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
