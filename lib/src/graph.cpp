// SPDX-License-Identifier: Apache-2.0
#include "lmc/graph.h"

#include <fmt/format.h>

#include <unordered_set>

#include "lmc/suggest.h"

namespace lmc {

namespace {

std::uint64_t pair_key(int a, int b) {
  return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(a)) << 32) |
         static_cast<std::uint32_t>(b);
}

}  // namespace

Graph::Graph(const Model& model) : model_(&model) {
  const auto& items = model.items;
  const std::size_t n = items.size();
  out_.resize(n);
  in_.resize(n);
  meant_out_.resize(n);
  meant_in_.resize(n);
  in_doubt_.assign(n, false);

  for (std::size_t i = 0; i < n; ++i) {
    if (!items[i].id.value.empty()) index_.emplace(items[i].id.value, static_cast<int>(i));
  }
  for (const auto& a : model.assumptions) {
    if (!a.id.value.empty()) others_.emplace(a.id.value, 0);
  }
  for (const auto& f : model.factors) {
    if (!f.id.value.empty()) others_.emplace(f.id.value, 0);
  }
  const std::unordered_set<std::string_view> rejected(model.rejected_ids.begin(),
                                                      model.rejected_ids.end());
  std::vector<std::string_view> ids;
  ids.reserve(index_.size());
  for (const auto& it : items) {
    if (!it.id.value.empty() && find(it.id.value) >= 0) ids.push_back(it.id.value);
  }

  std::unordered_set<std::uint64_t> seen, misordered;
  for (std::size_t i = 0; i < n; ++i) {
    const Item& it = items[i];
    const int self = it.id.value.empty() ? static_cast<int>(i) : find(it.id.value);
    if (it.links_doubtful) in_doubt_[self] = true;
    for (const Ref& ref : it.links) {
      const int other = find(ref.target);
      if (other < 0) {
        BadRef bad{&ref, it.id.value, RefStatus::unknown, -1, -1, {}};
        in_doubt_[self] = true;
        if (rejected.count(ref.target)) {
          bad.status = RefStatus::rejected;
        } else if (others_.count(ref.target)) {
          bad.status = RefStatus::not_an_item;
        } else {
          bad.suggestion = nearest(ref.target, ids);
          if (const int meant = find(bad.suggestion); meant >= 0) {
            in_doubt_[meant] = true;
            if (ref.kind == Ref::Kind::to) add_meant(self, meant); else add_meant(meant, self);
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
        BadRef bad{&ref, it.id.value, RefStatus::misordered, from, to, {}};
        in_doubt_[from] = in_doubt_[to] = true;
        add_meant(from, to);
        add_meant(to, from);
        misordered.insert(pair_key(from, to));
        bad_refs_.push_back(std::move(bad));
        continue;
      }
      if (seen.insert(pair_key(from, to)).second) add_link(from, to, &ref);
    }
  }

  auto check_refs = [&](const std::vector<Ref>& refs, const std::string& holder) {
    for (const Ref& ref : refs) {
      BadRef bad{&ref, holder, RefStatus::ok, -1, -1, {}};
      if (auto link = parse_link_ref(ref.target)) {
        const int from = find(link->first), to = find(link->second);
        if (from >= 0 && to >= 0) {
          if (has_link(from, to) || misordered.count(pair_key(from, to))) continue;
          bad.status = RefStatus::no_such_link;
          if (has_link(to, from)) {
            bad.suggestion = fmt::format("{} -> {}", link->second, link->first);
          }
        } else if ((from < 0 && rejected.count(link->first)) ||
                   (to < 0 && rejected.count(link->second))) {
          bad.status = RefStatus::rejected;
        } else {
          bad.status = RefStatus::unknown;
          std::string a = from >= 0 ? link->first : nearest(link->first, ids);
          std::string b = to >= 0 ? link->second : nearest(link->second, ids);
          if (!a.empty() && !b.empty()) bad.suggestion = fmt::format("{} -> {}", a, b);
        }
      } else if (find(ref.target) >= 0) {
        continue;
      } else if (rejected.count(ref.target)) {
        bad.status = RefStatus::rejected;
      } else if (others_.count(ref.target)) {
        bad.status = RefStatus::not_an_item;
      } else {
        bad.status = RefStatus::unknown;
        bad.suggestion = nearest(ref.target, ids);
      }
      bad_refs_.push_back(std::move(bad));
    }
  };
  for (const auto& a : model.assumptions) check_refs(a.about, a.id.value);
  for (const auto& f : model.factors) check_refs(f.affects, f.id.value);
}

int Graph::find(std::string_view id) const {
  auto it = index_.find(id);
  return it == index_.end() ? -1 : it->second;
}

bool Graph::is_assumption_or_factor(std::string_view id) const { return others_.count(id) > 0; }

bool Graph::has_link(int from, int to) const {
  for (int s : out_[from]) {
    if (s == to) return true;
  }
  return false;
}

void Graph::add_link(int from, int to, const Ref* ref) {
  links_.push_back(Link{from, to, ref});
  out_[from].push_back(to);
  in_[to].push_back(from);
  add_meant(from, to);
}

void Graph::add_meant(int from, int to) {
  meant_out_[from].push_back(to);
  meant_in_[to].push_back(from);
}

namespace {

std::vector<bool> reach(const std::vector<std::vector<int>>& adj, const std::vector<int>& start) {
  std::vector<bool> seen(adj.size(), false);
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
    for (int w : adj[v]) {
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
  return reach(meant_out_, start);
}

std::vector<bool> Graph::reach_backward(const std::vector<int>& start) const {
  return reach(meant_in_, start);
}

}  // namespace lmc
