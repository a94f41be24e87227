// SPDX-License-Identifier: Apache-2.0
// The only file that includes yaml-cpp: its events become a Document, its exceptions become
// yaml-syntax diagnostics, and its 0-based byte marks become 1-based character spans here.
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <fmt/format.h>

#include <optional>

#include <algorithm>
#include <istream>
#include <memory>
#include <streambuf>
#include <unordered_map>

#include "load/document.h"

namespace lmc::yaml {

namespace {

// Reads a string in place: yaml-cpp wants an istream, and a copy of the file would double the
// loader's memory.
class ViewBuf : public std::streambuf {
 public:
  explicit ViewBuf(std::string_view s) {
    char* p = const_cast<char*>(s.data());
    setg(p, p, p + s.size());
  }
};

struct TooManyDocuments {
  YAML::Mark mark;
};

// yaml-cpp accepts a quoted scalar that runs to the end of the file without its closing quote.
struct UnclosedQuote {
  YAML::Mark mark;
};

// Maps with more keys than this find duplicates through a hash map instead of a scan.
constexpr std::size_t kLinearKeyScan = 16;

}  // namespace

class Builder : public YAML::EventHandler {
 public:
  Builder(const SourceText& source, Document& doc) : source_(source), doc_(doc) {}

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++documents_ > 1) throw TooManyDocuments{mark};
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override {
    Node n;
    n.kind = NodeKind::null;
    // yaml-cpp marks an empty value at the next token; the key is where people look.
    if (!frames_.empty() && frames_.back().map &&
        (pending_.size() - frames_.back().start) % 2 == 1) {
      n.pos = doc_.nodes_[pending_.back()].pos;
    } else {
      place(n, mark);
    }
    add(n);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    Node n;
    n.kind = NodeKind::alias;
    place(n, mark);
    add(n);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                const std::string& value) override {
    Node n;
    n.kind = NodeKind::scalar;
    n.plain = tag == "?";
    place(n, mark);
    n.count = static_cast<std::uint32_t>(value.size());
    // Most values stand in the file as they are (a plain word, a quoted text without
    // escapes): point at them instead of keeping a copy.
    const std::string_view text = source_.text();
    const std::size_t at = n.pos + (n.plain ? 0 : 1);
    if (at + value.size() <= text.size() && text.compare(at, value.size(), value) == 0) {
      n.in_source = true;
      n.first = static_cast<std::uint32_t>(at);
    } else {
      n.first = static_cast<std::uint32_t>(doc_.pool_.size());
      doc_.pool_ += value;
    }
    const NodeId id = add(n);
    if (!n.plain) measure_quoted(id, mark, value);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    open(mark, NodeKind::sequence);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    open(mark, NodeKind::mapping);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    NodeId node;
    std::size_t start;  // first pending child of this frame
    bool map;
    std::unique_ptr<std::unordered_map<std::string, NodeId>> keys;  // only for large maps
  };

  // Finds where a quoted scalar ends in the source: to report one that never closes, and to
  // underline the whole token when escapes make it longer than its value.
  void measure_quoted(NodeId id, const YAML::Mark& mark, const std::string& value) {
    const std::string_view text = source_.text();
    const auto start = static_cast<std::size_t>(std::max(mark.pos, 0));
    if (start >= text.size() || (text[start] != '"' && text[start] != '\'')) return;
    const char quote = text[start];
    std::size_t i = start + 1;
    for (; i < text.size(); ++i) {
      if (quote == '"' && text[i] == '\\') {
        ++i;
      } else if (text[i] == quote) {
        if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
          ++i;
        } else {
          break;
        }
      }
    }
    if (i >= text.size()) throw UnclosedQuote{mark};
    const std::string_view token = text.substr(start, i + 1 - start);
    if (token.size() == value.size() + 2) return;
    const std::size_t line_end = token.find_first_of("\r\n");
    doc_.token_lengths_.emplace_back(
        id, static_cast<std::uint32_t>(utf8_length(token.substr(0, line_end))));
  }

  static void place(Node& n, const YAML::Mark& mark) {
    n.pos = static_cast<std::uint32_t>(std::max(mark.pos, 0));
  }

  void open(const YAML::Mark& mark, NodeKind kind) {
    Node n;
    n.kind = kind;
    place(n, mark);
    const NodeId id = add(n);
    frames_.push_back(Frame{id, pending_.size(), kind == NodeKind::mapping, nullptr});
  }

  void close() {
    Frame& f = frames_.back();
    Node& n = doc_.nodes_[f.node];
    n.first = static_cast<std::uint32_t>(doc_.slots_.size());
    for (std::size_t i = f.start; i < pending_.size(); i += f.map ? 2 : 1) {
      if (f.map && doc_.nodes_[pending_[i]].duplicate) continue;
      doc_.slots_.push_back(pending_[i]);
      if (f.map) doc_.slots_.push_back(i + 1 < pending_.size() ? pending_[i + 1] : kNoNode);
    }
    n.count = static_cast<std::uint32_t>(doc_.slots_.size() - n.first);
    pending_.resize(f.start);
    frames_.pop_back();
  }

  NodeId add(const Node& n) {
    const auto id = static_cast<NodeId>(doc_.nodes_.size());
    doc_.nodes_.push_back(n);
    if (frames_.empty()) {
      doc_.root_ = id;
      return id;
    }
    Frame& f = frames_.back();
    if (f.map && (pending_.size() - f.start) % 2 == 0) note_key(f, id);
    pending_.push_back(id);
    return id;
  }

  void note_key(Frame& f, NodeId id) {
    if (doc_.nodes_[id].kind != NodeKind::scalar) return;
    const std::string_view text = doc_.scalar(id);
    const std::size_t keys = (pending_.size() - f.start) / 2;
    if (!f.keys && keys < kLinearKeyScan) {
      for (std::size_t i = f.start; i < pending_.size(); i += 2) {
        const NodeId other = pending_[i];
        if (doc_.nodes_[other].kind == NodeKind::scalar && !doc_.nodes_[other].duplicate &&
            doc_.scalar(other) == text) {
          mark_duplicate(id, other);
          return;
        }
      }
      return;
    }
    if (!f.keys) {
      f.keys = std::make_unique<std::unordered_map<std::string, NodeId>>();
      for (std::size_t i = f.start; i < pending_.size(); i += 2) {
        const NodeId other = pending_[i];
        if (doc_.nodes_[other].kind == NodeKind::scalar && !doc_.nodes_[other].duplicate) {
          f.keys->emplace(std::string(doc_.scalar(other)), other);
        }
      }
    }
    auto [it, inserted] = f.keys->emplace(std::string(text), id);
    if (!inserted) mark_duplicate(id, it->second);
  }

  void mark_duplicate(NodeId key, NodeId first) {
    doc_.nodes_[key].duplicate = true;
    doc_.duplicates_.push_back(DuplicateKey{key, first});
  }

  const SourceText& source_;
  Document& doc_;
  std::vector<Frame> frames_;
  std::vector<NodeId> pending_;
  int documents_ = 0;
};

Span Document::span(NodeId id) const {
  const Node& n = nodes_[id];
  Span s = source_->span_at_offset(n.pos);
  if (n.kind == NodeKind::scalar) {
    s.length = static_cast<std::uint32_t>(utf8_length(scalar(id))) + (n.plain ? 0 : 2);
    const auto it = std::lower_bound(token_lengths_.begin(), token_lengths_.end(),
                                     std::pair<NodeId, std::uint32_t>{id, 0});
    if (it != token_lengths_.end() && it->first == id) s.length = it->second;
  }
  return s;
}

NodeId Document::get(NodeId map, std::string_view key) const {
  if (map == kNoNode || nodes_[map].kind != NodeKind::mapping) return kNoNode;
  const auto kids = children(map);
  for (std::size_t i = 0; i + 1 < kids.size(); i += 2) {
    if (nodes_[kids[i]].kind == NodeKind::scalar && scalar(kids[i]) == key) return kids[i + 1];
  }
  return kNoNode;
}

namespace {

Diagnostic syntax_problem(const SourceText& source, Span span, std::string message) {
  Diagnostic d;
  d.file = source.path();
  d.span = span;
  d.rule = "yaml-syntax";
  d.message = std::move(message);
  return d;
}

// yaml-cpp's messages name its grammar; people need to know what to look for.
std::string plain_message(const std::string& msg) {
  static const std::pair<std::string_view, std::string_view> kPlain[] = {
      {YAML::ErrorMsg::END_OF_SEQ_FLOW, "a list opened with '[' is not closed with ']'"},
      {YAML::ErrorMsg::END_OF_MAP_FLOW, "a mapping opened with '{' is not closed with '}'"},
      {YAML::ErrorMsg::END_OF_SEQ, "a list entry ('- ') is not indented like the others"},
      {YAML::ErrorMsg::END_OF_MAP,
       "a key is not indented like the others of its mapping (check the spaces before it)"},
      {YAML::ErrorMsg::EOF_IN_SCALAR, "a quoted text is not closed before the end of the file"},
      {YAML::ErrorMsg::MAP_VALUE,
       "a ': ' is not allowed here: text with a colon needs quotes, or a key is mis-indented"},
      {YAML::ErrorMsg::BLOCK_ENTRY,
       "a list entry ('- ') is not allowed here: check its indentation"},
      {YAML::ErrorMsg::MAP_KEY, "a key is not allowed here: check its indentation"},
      {YAML::ErrorMsg::FLOW_END, "a ']' or '}' closes nothing"},
      {YAML::ErrorMsg::UNKNOWN_ANCHOR, "an alias (*name) refers to an anchor that is not defined"},
  };
  for (const auto& [raw, plain] : kPlain) {
    if (msg == raw) return fmt::format("{} (YAML: {})", plain, raw);
  }
  if (msg.find("tab") != std::string::npos) {
    return fmt::format("a tab indents this line: indent with spaces (YAML: {})", msg);
  }
  if (msg.starts_with(YAML::ErrorMsg::INVALID_ESCAPE)) {
    // yaml-cpp names the character after the backslash by its first byte only, which may be
    // part of a character: say what to do instead, and name no bytes.
    return "a backslash in double quotes starts an escape, and this is not one YAML knows: "
           "write \\\\ for a backslash, or put the text in single quotes (YAML: unknown escape "
           "character)";
  }
  // Whatever else yaml-cpp says stays valid UTF-8 in every report.
  return printable(msg);
}

// The first space-like character other than a space or tab in the indentation of a line at or
// before `limit` (a byte offset; negative: the whole text): its offset and code point.
std::optional<std::pair<std::size_t, char32_t>> odd_indent_space(std::string_view text, int limit) {
  const std::size_t end = limit < 0 ? text.size() : std::min(text.size(), std::size_t(limit) + 1);
  std::size_t line = 0;
  while (line < end) {
    std::size_t at = line;
    while (at < text.size()) {
      if (text[at] == ' ' || text[at] == '\t') {
        ++at;
        continue;
      }
      // U+00A0 (C2 A0), U+2000-U+200B, U+202F, U+205F (E2 80/81 xx), U+3000 (E3 80 80).
      const auto b = [&](std::size_t k) {
        return at + k < text.size() ? static_cast<unsigned char>(text[at + k]) : 0;
      };
      if (b(0) == 0xC2 && b(1) == 0xA0) return std::pair{at, char32_t{0xA0}};
      if (b(0) == 0xE2 && b(1) == 0x80 && (b(2) <= 0x8B || b(2) == 0xAF)) {
        return std::pair{at, static_cast<char32_t>(0x2000 + (b(2) - 0x80))};
      }
      if (b(0) == 0xE2 && b(1) == 0x81 && b(2) == 0x9F) return std::pair{at, char32_t{0x205F}};
      if (b(0) == 0xE3 && b(1) == 0x80 && b(2) == 0x80) return std::pair{at, char32_t{0x3000}};
      break;
    }
    const std::size_t next = text.find('\n', at);
    if (next == std::string_view::npos) break;
    line = next + 1;
  }
  return std::nullopt;
}

}  // namespace

ParseResult parse(const SourceText& source) {
  ParseResult result;
  const std::string_view text = source.text();
  if (const std::string_view wide = wide_encoding(text); !wide.empty()) {
    result.problems.push_back(syntax_problem(
        source, Span{1, 1, 0},
        fmt::format("the file is saved as {}, not UTF-8: save it as UTF-8 (in Notepad: File, "
                    "Save as, Encoding: UTF-8)",
                    wide)));
    return result;
  }
  if (const auto bad = find_invalid_utf8(text); bad != std::string_view::npos) {
    result.problems.push_back(syntax_problem(
        source, source.span_at_offset(bad),
        fmt::format("the file is not valid UTF-8 (byte 0x{:02X}); save it with UTF-8 encoding",
                    static_cast<unsigned char>(text[bad]))));
    return result;
  }
  if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
    result.problems.push_back(
        syntax_problem(source, source.span_at_offset(nul),
                       "the file contains a NUL byte; if it is UTF-16, save it as UTF-8"));
    return result;
  }
  ViewBuf buf(text);
  std::istream in(&buf);
  result.doc.source_ = &source;
  Builder builder(source, result.doc);
  auto at = [&](const YAML::Mark& m) {
    if (m.is_null()) return Span{1, 1, 0};
    return source.span_at(static_cast<std::uint32_t>(std::max(m.line, 0)),
                          static_cast<std::uint32_t>(std::max(m.column, 0)));
  };
  try {
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(builder)) {
    }
  } catch (const TooManyDocuments& e) {
    result.problems.push_back(syntax_problem(
        source, at(e.mark),
        "a second YAML document starts here; a model file holds exactly one document"));
  } catch (const UnclosedQuote& e) {
    result.problems.push_back(syntax_problem(
        source, at(e.mark), "a quoted text opened here is not closed before the end of the file"));
  } catch (const YAML::DeepRecursion& e) {
    result.problems.push_back(
        syntax_problem(source, at(e.mark), "the YAML nests deeper than 500 levels"));
  } catch (const YAML::Exception& e) {
    // A space that is not a space (copied from a word processor) in an indentation is the
    // likely cause when a line does not line up: name it and where it is.
    if (const auto odd = odd_indent_space(text, e.mark.pos)) {
      result.problems.push_back(syntax_problem(
          source, source.span_at_offset(odd->first),
          fmt::format("the indentation holds a {} (U+{:04X}), not an ordinary space: YAML "
                      "indents with spaces only",
                      odd->second == 0xA0 ? "non-breaking space" : "special space",
                      static_cast<std::uint32_t>(odd->second))));
    } else {
      result.problems.push_back(syntax_problem(source, at(e.mark), plain_message(e.msg)));
    }
  }
  if (!result.problems.empty()) result.doc.root_ = kNoNode;
  // Growth by doubling leaves up to half of each list unused; the model is built next, while
  // the tree is alive, so give the slack back first.
  result.doc.nodes_.shrink_to_fit();
  result.doc.slots_.shrink_to_fit();
  result.doc.pool_.shrink_to_fit();
  return result;
}

}  // namespace lmc::yaml
