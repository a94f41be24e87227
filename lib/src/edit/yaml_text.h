// SPDX-License-Identifier: Apache-2.0
// The YAML text the edit operations change: lines and their indentation, scalars written so
// they read back as the same string, and the parsed tree with every node's byte offset.
#pragma once

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "lmc/load.h"
#include "lmc/source.h"
#include "load/document.h"

namespace lmc::edit_impl {

using yaml::Document;
using yaml::kNoNode;
using yaml::NodeId;
using yaml::NodeKind;

inline constexpr std::array<std::string_view, 5> kSections = {"resources", "activities", "outputs",
                                                              "outcomes", "impacts"};
inline constexpr std::array<std::string_view, 8> kTopOrder = {
    "resources", "activities",  "outputs",          "outcomes",
    "impacts",   "assumptions", "external_factors", "results"};

// ---- Text helpers ----------------------------------------------------------------------------

inline std::size_t line_begin(std::string_view t, std::size_t pos) {
  const auto nl = t.rfind('\n', pos == 0 ? 0 : pos - 1);
  return pos == 0 || nl == std::string_view::npos ? 0 : nl + 1;
}

inline std::size_t line_end(std::string_view t, std::size_t pos) {  // at '\n' (or the end)
  const auto nl = t.find('\n', pos);
  return nl == std::string_view::npos ? t.size() : nl;
}

inline std::size_t next_line(std::string_view t, std::size_t pos) {
  const auto e = line_end(t, pos);
  return e == t.size() ? e : e + 1;
}

// The column (in bytes) of the first character that is not a space, or npos for a blank line.
inline std::size_t indent_at(std::string_view t, std::size_t begin) {
  std::size_t k = begin;
  while (k < t.size() && t[k] == ' ') ++k;
  if (k >= t.size() || t[k] == '\n' || t[k] == '\r') return std::string_view::npos;
  return k - begin;
}

// Whether a string can be written as a plain YAML scalar and read back as the same string.
inline bool plain_ok(std::string_view s) {
  if (s.empty() || s.front() == ' ' || s.back() == ' ') return false;
  if (std::string_view("-?:,[]{}#&*!|>'\"%@`").find(s.front()) != std::string_view::npos)
    return false;
  // Written in a flow list too ([a, b]): none of its punctuation.
  if (s.find_first_of(",[]{}") != std::string_view::npos) return false;
  if (s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos ||
      s.back() == ':')
    return false;
  for (char c : s) {
    if (c == '\n' || c == '\r' || c == '\t' || static_cast<unsigned char>(c) < 0x20) return false;
  }
  // Words YAML reads as something other than a string.
  std::string lower;
  for (char c : s) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view w : {"true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"}) {
    if (lower == w) return false;
  }
  const bool numeric = s.find_first_not_of("0123456789+-.eE_:") == std::string_view::npos;
  return !numeric && !is_valid_date(s);
}

// A string as a scalar: plain when it reads back the same, else double-quoted. A JSON string
// is a YAML double-quoted scalar, so JSON's escaping (every control character) serves.
inline std::string scalar(std::string_view s) {
  if (plain_ok(s)) return std::string(s);
  return nlohmann::json(std::string(s))
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// A value the loader reads as text whatever its form (a baseline, a target): a number stays
// plain, as people write it.
inline std::string loose_scalar(std::string_view s) {
  const bool number = !s.empty() && s.find_first_not_of("0123456789.") == std::string_view::npos &&
                      std::count(s.begin(), s.end(), '.') <= 1 && s.front() != '.' &&
                      s.back() != '.';
  return number ? std::string(s) : scalar(s);
}

inline std::string flow_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t k = 0; k < items.size(); ++k) out += (k ? ", " : "") + scalar(items[k]);
  return out + "]";
}

// ---- The tree --------------------------------------------------------------------------------

class Tree {
 public:
  explicit Tree(std::string_view text) : source_("", std::string(text)) {
    parsed_ = yaml::parse(source_);
  }
  const Document& doc() const { return parsed_.doc; }
  std::string_view text() const { return source_.text(); }
  bool ok() const { return parsed_.problems.empty() && doc().root() != kNoNode; }

  std::size_t pos(NodeId n) const { return doc().node(n).pos; }
  // Where a scalar's token ends (after a closing quote).
  std::size_t token_end(NodeId n) const {
    const Span s = doc().span(n);
    std::size_t at = pos(n);
    for (std::uint32_t chars = 0; chars < s.length && at < text().size(); ++chars) {
      ++at;
      while (at < text().size() && (static_cast<unsigned char>(text()[at]) & 0xC0) == 0x80) ++at;
    }
    return at;
  }
  NodeId get(NodeId map, std::string_view key) const { return doc().get(map, key); }
  NodeId key_of(NodeId map, std::string_view key) const {
    const auto kids = doc().children(map);
    for (std::size_t i = 0; i + 1 < kids.size(); i += 2) {
      if (doc().node(kids[i]).kind == NodeKind::scalar && doc().scalar(kids[i]) == key)
        return kids[i];
    }
    return kNoNode;
  }
  NodeKind kind(NodeId n) const { return n == kNoNode ? NodeKind::null : doc().node(n).kind; }
  std::string_view value(NodeId n) const {
    return kind(n) == NodeKind::scalar ? doc().scalar(n) : std::string_view();
  }
  // Whether a collection is written in flow style ([...] or {...}).
  bool flow(NodeId n) const {
    const char c = text()[pos(n)];
    return c == '[' || c == '{';
  }

  // The entity (box, assumption or factor) with this id: its mapping and section.
  struct Found {
    NodeId map = kNoNode;
    std::string_view section;
  };
  Found find(std::string_view id) const {
    for (std::string_view section : kTopOrder) {
      const NodeId seq = get(doc().root(), section);
      if (kind(seq) != NodeKind::sequence) continue;
      for (NodeId m : doc().children(seq)) {
        if (kind(m) == NodeKind::mapping && value(get(m, "id")) == id) return {m, section};
      }
    }
    return {};
  }

 private:
  SourceText source_;
  yaml::ParseResult parsed_;
};

// A block collection entry's extent: from its line to where the next line as little indented
// as `indent` (or less) starts; blank lines at its end are left to what follows.
inline std::size_t block_end(std::string_view t, std::size_t from, std::size_t indent) {
  std::size_t at = next_line(t, from), last = at;
  while (at < t.size()) {
    const auto i = indent_at(t, at);
    if (i != std::string_view::npos && i <= indent) break;
    at = next_line(t, at);
    if (i != std::string_view::npos) last = at;
  }
  return last;
}

}  // namespace lmc::edit_impl
