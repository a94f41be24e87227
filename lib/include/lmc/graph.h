// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lmc/model.h"

namespace lmc {

/// The model's links resolved: which references name what, which links are sound, and the
/// adjacency the rules walk. Nodes are indices into Model::items (first definition of an id).
class Graph {
 public:
  /// What a reference in `to`/`from`/`about`/`affects` turned out to name.
  enum class RefStatus {
    ok,            ///< names an item (or, in about/affects, an existing link)
    unknown,       ///< names nothing
    not_an_item,   ///< names an assumption or external factor where an item is needed
    no_such_link,  ///< "a -> b" where both exist but no such link does
    misordered,    ///< a link that goes backward along the chain
    rejected,      ///< names an id the loader already rejected: reported there, not again
  };

  struct Link {
    int from = -1;
    int to = -1;
    const Ref* ref = nullptr;  ///< the first reference that made it
  };

  struct BadRef {
    const Ref* ref = nullptr;
    std::string holder;  ///< id of the item, assumption or factor that wrote it
    RefStatus status = RefStatus::unknown;
    int from = -1, to = -1;  ///< for misordered links
    std::string suggestion;  ///< nearest valid target, when one is close
    /// The syntax the writer evidently meant, when the text is a list or a link written
    /// wrongly ("a, b" for [a, b]; "a => b" for "a -> b"); empty otherwise.
    std::string syntax_hint;
  };

  explicit Graph(const Model& model);

  /// Index of the item with this id (first definition), or -1.
  int find(std::string_view id) const;
  /// Whether the item has an id and is its first definition (a duplicate is duplicate-id's
  /// to report, and takes part in nothing else).
  bool defines(int item) const { return defines_[item]; }
  bool is_assumption_or_factor(std::string_view id) const;

  /// Sound links, deduplicated, in the order first written.
  const std::vector<Link>& links() const { return links_; }
  std::span<const int> successors(int item) const { return out_.of(item); }
  std::span<const int> predecessors(int item) const { return in_.of(item); }
  bool has_link(int from, int to) const;
  /// References that are wrong, in file order.
  const std::vector<BadRef>& bad_refs() const { return bad_refs_; }

  /// Items whose links are in doubt because of an error already reported (a bad reference
  /// they wrote or that was meant for them). Structural warnings skip these.
  bool in_doubt(int item) const { return in_doubt_[item]; }
  /// Successors including the links the writer evidently meant: misordered links both ways
  /// and unknown references taken as their suggestion. Rules about reachability walk these,
  /// so one typo does not cascade into warnings downstream.
  std::span<const int> meant_successors(int item) const {
    return meant_same_ ? out_.of(item) : meant_out_.of(item);
  }
  std::span<const int> meant_predecessors(int item) const {
    return meant_same_ ? in_.of(item) : meant_in_.of(item);
  }

  /// The strongly connected components of the sound links, each as its items: a loop is a
  /// component of more than one item, or of one that links to itself.
  std::vector<std::vector<int>> components() const;

  /// Items reachable along meant links from any item in `start` (start included).
  std::vector<bool> reach_forward(const std::vector<int>& start) const;
  std::vector<bool> reach_backward(const std::vector<int>& start) const;

 private:
  // Compressed rows: the neighbours of v are targets[offsets[v] .. offsets[v + 1]), in the
  // order the links were written. Four small arrays instead of a vector per item.
  struct Adjacency {
    std::vector<std::uint32_t> offsets;
    std::vector<int> targets;
    void build(std::size_t nodes, const std::vector<std::pair<int, int>>& edges, bool reverse);
    std::span<const int> of(int v) const {
      return std::span<const int>(targets).subspan(offsets[v], offsets[v + 1] - offsets[v]);
    }
  };

  std::vector<std::pair<std::string_view, int>> index_;  // sorted by id; first definitions
  std::vector<std::string_view> others_;                 // sorted assumption and factor ids
  std::vector<Link> links_;
  Adjacency out_, in_, meant_out_, meant_in_;  // meant_*: empty when meant_same_
  bool meant_same_ = true;
  std::vector<BadRef> bad_refs_;
  std::vector<bool> in_doubt_;
  std::vector<bool> defines_;
};

}  // namespace lmc
