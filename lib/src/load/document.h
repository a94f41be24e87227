// SPDX-License-Identifier: Apache-2.0
// A compact YAML document tree with positions, built in one pass from yaml-cpp's events.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lmc/diagnostic.h"
#include "lmc/source.h"

namespace lmc::yaml {

enum class NodeKind : std::uint8_t { null, scalar, sequence, mapping, alias };

using NodeId = std::uint32_t;
inline constexpr NodeId kNoNode = UINT32_MAX;

/// One node: 16 bytes, so a model's tree stays a small multiple of its text. Positions are
/// byte offsets; lines and columns are worked out only for the nodes a finding or the model
/// needs.
struct Node {
  NodeKind kind = NodeKind::null;
  bool plain : 1 = true;       ///< a plain (unquoted, untagged) scalar: number, date or null
  bool duplicate : 1 = false;  ///< a mapping key that repeats an earlier key of its mapping
  bool in_source : 1 = false;  ///< a scalar whose value is its source text, not copied
  std::uint32_t pos = 0;       ///< byte offset in the source text (a null value: its key's)
  std::uint32_t first = 0;     ///< scalar: offset of its value; collection: first child slot
  std::uint32_t count = 0;     ///< scalar: byte length; collection: child slots (2 per entry)
};
static_assert(sizeof(Node) == 16);

/// A duplicate key: the second occurrence and the first.
struct DuplicateKey {
  NodeId key, first;
};

class Document {
 public:
  NodeId root() const { return root_; }
  /// The source text the document was parsed from.
  std::string_view text() const { return source_->text(); }
  const Node& node(NodeId id) const { return nodes_[id]; }
  std::string_view scalar(NodeId id) const {
    const Node& n = nodes_[id];
    return (n.in_source ? source_->text() : std::string_view(pool_)).substr(n.first, n.count);
  }
  /// Children of a sequence; key, value pairs of a mapping (duplicates dropped).
  std::span<const NodeId> children(NodeId id) const {
    const Node& n = nodes_[id];
    return std::span<const NodeId>(slots_).subspan(n.first, n.count);
  }
  /// The node's position; for a scalar, its length covers the whole token.
  Span span(NodeId id) const;
  const std::vector<DuplicateKey>& duplicate_keys() const { return duplicates_; }
  /// The mapping's value for `key`, or kNoNode.
  NodeId get(NodeId map, std::string_view key) const;

 private:
  friend class Builder;
  friend struct ParseResult parse(const SourceText& source);
  const SourceText* source_ = nullptr;
  std::vector<Node> nodes_;
  std::vector<NodeId> slots_;
  std::string pool_;  // scalar values that differ from their source text (escapes, folding)
  std::vector<DuplicateKey> duplicates_;
  // Source lengths, in characters, of quoted scalars whose text is not simply their value in
  // quotes (escapes, line breaks); sorted by node.
  std::vector<std::pair<NodeId, std::uint32_t>> token_lengths_;
  NodeId root_ = kNoNode;
};

/// Result of parsing: the tree (root kNoNode when the stream held no document) and problems
/// (rule yaml-syntax: bad UTF-8, a parse error, several documents, nesting too deep).
struct ParseResult {
  Document doc;
  std::vector<Diagnostic> problems;
};

/// Parses `source` with yaml-cpp's event parser. The document refers to `source`, which must
/// outlive it.
ParseResult parse(const SourceText& source);

}  // namespace lmc::yaml
