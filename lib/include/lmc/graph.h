// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lmc/model.h"
#include "lmc/model_set.h"

namespace lmc {

/// One model of those a Graph joins.
struct GraphModel {
  const Model* model = nullptr;
  /// The files it names, as load_model_set() found them; null when PATH#id references are not
  /// followed (a model read alone): they are then `external`.
  const FileTargets* targets = nullptr;
  /// False for a model that could not be read: it has no nodes, and references into it are
  /// not reported again.
  bool usable = true;
};

/// The models' links resolved: which references name what, which links are sound, and the
/// adjacency the rules walk. Nodes are the items of every model, model after model: for one
/// model, node i is Model::items[i].
class Graph {
 public:
  /// What a reference in `to`/`from`/`about`/`affects` turned out to name.
  enum class RefStatus {
    ok,             ///< names an item (or, in about/affects, an existing link)
    unknown,        ///< names nothing
    not_an_item,    ///< names an assumption or external factor where an item is needed
    no_such_link,   ///< "a -> b" where both exist but no such link does
    misordered,     ///< a link that goes backward along the chain
    rejected,       ///< names an id the loader already rejected: reported there, not again
    missing_model,  ///< PATH#id whose PATH is no file, or no logic model
    external,       ///< PATH#id of a model that was not loaded (a model read alone)
  };

  struct Link {
    int from = -1;
    int to = -1;
    const Ref* ref = nullptr;  ///< the first reference that made it
  };

  struct BadRef {
    const Ref* ref = nullptr;
    std::string holder;  ///< id of the item, assumption or factor that wrote it
    int model = 0;       ///< the model it is written in
    RefStatus status = RefStatus::unknown;
    int from = -1, to = -1;  ///< for misordered links
    std::string suggestion;  ///< nearest valid target, when one is close
    /// The syntax the writer evidently meant, when the text is a list or a link written
    /// wrongly ("a, b" for [a, b]; "a => b" for "a -> b"); empty otherwise.
    std::string syntax_hint;
    /// For missing_model, the file it names and why it is no model; for not_an_item, the
    /// model whose assumption or factor it names.
    const FileTarget* file = nullptr;
    std::string path;  ///< for missing_model: the PATH as written
  };

  /// One model alone: PATH#id references are `external`.
  explicit Graph(const Model& model);
  /// Several models as one graph. `local` maps the model indices of FileTarget to indices in
  /// `models` (-1 when not there); empty when they are the same.
  explicit Graph(std::span<const GraphModel> models, std::span<const int> local = {});

  /// How many nodes (items of every model) there are.
  int size() const { return static_cast<int>(in_doubt_.size()); }
  int model_count() const { return static_cast<int>(models_.size()); }
  const Model& model(int m) const { return *models_[m].model; }
  /// Whether model m could be read (a model that could not has no nodes).
  bool usable(int m) const { return models_[m].usable; }
  /// The item a node is, and the model it is written in.
  const Item& item(int node) const;
  int model_of(int node) const;
  /// The node of the model's first item.
  int first_node(int m) const { return starts_[m]; }
  /// How `node` is named in messages about model `from`: its id, or PATH#id when it is
  /// another model's.
  std::string name(int node, int from) const;
  /// The model a box's `model:` names (an index here), or -1 when it names none that loaded.
  int detail_model(int node) const;
  /// What a path model `m` names resolved to; null when it is not followed.
  const FileTarget* target(int m, std::string_view path) const;
  /// Index here of a model index of FileTarget (-1 when not joined).
  int local_model(int set_index) const;

  /// Index of the item with this id (first definition) in the first model, or -1.
  int find(std::string_view id) const { return find(0, id); }
  /// Node of the item with this id (first definition) in model m, or -1.
  int find(int m, std::string_view id) const;
  /// Whether the item has an id and is its first definition (a duplicate is duplicate-id's
  /// to report, and takes part in nothing else).
  bool defines(int item) const { return defines_[item]; }
  bool is_assumption_or_factor(std::string_view id) const { return is_assumption_or_factor(0, id); }
  bool is_assumption_or_factor(int m, std::string_view id) const;

  /// Sound links, deduplicated, in the order first written.
  const std::vector<Link>& links() const { return links_; }
  /// The links written in model `m` (indices into links(), in order): a rule about one model
  /// of many looks at its own links, not at every link of the programme.
  std::span<const int> links_written_in(int m) const {
    return {held_.data() + held_starts_[m], held_.data() + held_starts_[m + 1]};
  }
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

  struct Entry {
    int model;
    std::string_view id;
    int node;
  };
  // What a reference written in model m names: a node, or why none.
  struct Resolved {
    int node = -1;
    RefStatus status = RefStatus::ok;
    int model = -1;  // the model it names (for unknown ids: to look for the nearest there)
    std::string_view id;
    const FileTarget* file = nullptr;
    std::string_view path;
  };
  static bool entry_less(const Entry& a, const Entry& b);
  Resolved resolve(int m, std::string_view target) const;
  bool is_rejected(int m, std::string_view id) const;

  std::vector<GraphModel> models_;
  std::vector<int> starts_;    // first node of each model, and the total at the end
  std::vector<int> local_;     // FileTarget model index -> index here; empty: the same
  std::vector<Entry> index_;   // sorted by (model, id); first definitions
  std::vector<Entry> others_;  // sorted assumption and factor ids (node unused)
  std::vector<Entry> rejected_;
  std::vector<Link> links_;
  std::vector<int> held_;         ///< link indices, by the model each is written in
  std::vector<int> held_starts_;  ///< per model, where its links start in held_ (+1 at the end)
  Adjacency out_, in_, meant_out_, meant_in_;  // meant_*: empty when meant_same_
  bool meant_same_ = true;
  std::vector<BadRef> bad_refs_;
  std::vector<bool> in_doubt_;
  std::vector<bool> defines_;
};

}  // namespace lmc
