// SPDX-License-Identifier: Apache-2.0
// The edit operations: each finds what it changes in the YAML tree of the current text (byte
// offsets of every node) and splices the text there, so every other byte stays as it was.
// After each operation the text is parsed again, so the next finds things where they are now.
#include "lmc/edit.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "edit/yaml_text.h"
#include "lmc/json_reader.h"
#include "lmc/load.h"
#include "lmc/model.h"
#include "load/document.h"
#include "load/format.h"

namespace lmc {

// Named, so a unity build's other files cannot collide with these helpers.
namespace edit_impl {
namespace {

using yaml::Document;
using yaml::kNoNode;
using yaml::NodeId;
using yaml::NodeKind;

// An operation that cannot apply: says why.
struct Refusal {
  std::string why;
};

class Editor {
 public:
  explicit Editor(std::string text) : text_(std::move(text)) {
    eol_ = text_.find("\r\n") != std::string::npos ? "\r\n" : "\n";
  }
  const std::string& text() const { return text_; }

  void apply(const EditOp& op) {
    Tree tree(text_);
    if (!tree.ok() || tree.kind(tree.doc().root()) != NodeKind::mapping) {
      throw Refusal{"the model cannot be read as YAML; fix it first (`lmc check` says where)"};
    }
    if (op.op == "add") return add(tree, op);
    if (op.op == "set") return set(tree, op);
    if (op.op == "link") return link(tree, op);
    if (op.op == "unlink") return unlink(tree, op);
    if (op.op == "rename") return rename(tree, op);
    if (op.op == "delete") return remove(tree, op);
    if (op.op == "add-assumption") return add_entry(tree, op, "assumptions");
    if (op.op == "add-factor") return add_entry(tree, op, "external_factors");
    if (op.op == "add-indicator") return add_indicator(tree, op);
    throw Refusal{fmt::format(
        "'{}' is not an operation (add, set, link, unlink, rename, delete, add-assumption, "
        "add-factor, add-indicator)",
        op.op)};
  }

 private:
  // Replaces bytes [from, to) of the text.
  void splice(std::size_t from, std::size_t to, std::string_view with) {
    text_.replace(from, to - from, with);
  }

  std::string line(std::size_t indent, std::string_view content) const {
    return std::string(indent, ' ') + std::string(content) + eol_;
  }

  static void need(const std::string& value, std::string_view name) {
    if (value.empty()) throw Refusal{fmt::format("'{}' is missing", name)};
  }

  static void need_id(std::string_view id) {
    if (id.empty()) throw Refusal{"'id' is missing"};
    if (!format::is_valid_id(id)) {
      throw Refusal{
          fmt::format("'{}' is not an id: lower-case letters, digits and single hyphens, such as "
                      "'peer-support'",
                      id)};
    }
  }

  // A term or a status as the format names them (term_name, status_name).
  static void need_term(std::string_view term) {
    for (const Term t : {Term::short_term, Term::medium_term, Term::long_term}) {
      if (term_name(t) == term) return;
    }
    throw Refusal{fmt::format("'{}' is not a term (short, medium, long)", term)};
  }
  static void need_status(std::string_view status) {
    for (const auto s : {AssumptionStatus::untested, AssumptionStatus::testing,
                         AssumptionStatus::holds, AssumptionStatus::fails}) {
      if (status_name(s) == status) return;
    }
    throw Refusal{fmt::format("'{}' is not a status (untested, testing, holds, fails)", status)};
  }

  static void unused(const Tree& tree, std::string_view id) {
    if (const auto f = tree.find(id); f.map != kNoNode) {
      throw Refusal{fmt::format("'{}' is already an id in {}", id, f.section)};
    }
  }

  static Tree::Found existing(const Tree& tree, std::string_view id) {
    if (id.empty()) throw Refusal{"'id' is missing"};
    const auto f = tree.find(id);
    if (f.map == kNoNode) throw Refusal{fmt::format("no item '{}' in the model", id)};
    return f;
  }

  // The indentation of a block sequence's entries: where their dash stands and where their
  // keys start. From the last entry when there is one, else `fallback_dash` and two more.
  std::pair<std::size_t, std::size_t> entry_indent(const Tree& tree, NodeId seq,
                                                   std::size_t fallback_dash) const {
    const auto kids = tree.doc().children(seq);
    for (auto it = kids.rbegin(); it != kids.rend(); ++it) {
      if (tree.kind(*it) != NodeKind::mapping || tree.flow(*it)) continue;
      const std::size_t p = tree.pos(*it), b = line_begin(text_, p);
      const std::size_t dash = text_.rfind('-', p);
      if (dash != std::string::npos && dash >= b) return {dash - b, p - b};
    }
    return {fallback_dash, fallback_dash + 2};
  }

  // Where a new entry of a top-level block sequence goes: after its last entry.
  std::size_t after_last_entry(const Tree& tree, NodeId seq, std::size_t dash) const {
    const auto kids = tree.doc().children(seq);
    if (kids.empty()) return next_line(text_, tree.pos(seq));
    return block_end(text_, line_begin(text_, tree.pos(kids.back())), dash);
  }

  // Adds a block-style entry (its lines, first "- ") to the top-level sequence `section`,
  // making the section when there is none (before the next one in the usual order).
  void append_entry(const Tree& tree, std::string_view section,
                    const std::vector<std::pair<std::string, std::string>>& fields) {
    const NodeId root = tree.doc().root();
    const NodeId seq = tree.get(root, section);
    auto entry = [&](std::size_t dash, std::size_t keys) {
      std::string out;
      for (std::size_t k = 0; k < fields.size(); ++k) {
        const std::string kv = fields[k].first + ": " + fields[k].second;
        out += k == 0 ? line(dash, "- " + std::string(keys - dash - 2, ' ') + kv) : line(keys, kv);
      }
      return out;
    };
    if (tree.kind(seq) == NodeKind::sequence && !tree.flow(seq)) {
      const auto [dash, keys] = entry_indent(tree, seq, 2);
      splice(after_last_entry(tree, seq, dash), after_last_entry(tree, seq, dash),
             entry(dash, keys));
      return;
    }
    // A new list follows the file's other lists: its dash where theirs stand.
    std::pair<std::size_t, std::size_t> style{2, 4};
    for (std::string_view other : kTopOrder) {
      const NodeId list = tree.get(root, other);
      if (tree.kind(list) == NodeKind::sequence && !tree.flow(list) &&
          !tree.doc().children(list).empty()) {
        style = entry_indent(tree, list, 2);
        break;
      }
    }
    const NodeId key = tree.key_of(root, section);
    if (key != kNoNode) {
      // `section: []` or `section:` with nothing: the value becomes a block of one entry.
      if (tree.kind(seq) == NodeKind::sequence && !tree.doc().children(seq).empty()) {
        throw Refusal{
            fmt::format("'{}' is written in flow style ([...]); lmc edit adds to a "
                        "block list only",
                        section)};
      }
      const std::size_t b = line_begin(text_, tree.pos(key));
      splice(b, next_line(text_, b),
             line(0, std::string(section) + ":") + entry(style.first, style.second));
      return;
    }
    // A new section, before the first that comes after it in the usual order.
    const auto at = std::find(kTopOrder.begin(), kTopOrder.end(), section);
    std::size_t where = text_.size();
    for (auto it = at + 1; it != kTopOrder.end(); ++it) {
      const NodeId later = tree.key_of(root, *it);
      if (later != kNoNode) {
        where = line_begin(text_, tree.pos(later));
        break;
      }
    }
    std::string block = line(0, std::string(section) + ":") + entry(style.first, style.second);
    if (where == text_.size()) {
      if (!text_.empty() && text_.back() != '\n') block = eol_ + block;
      block = eol_ + block;
    } else {
      block += eol_;
    }
    splice(where, where, block);
  }

  void add(const Tree& tree, const EditOp& op) {
    if (std::find(kSections.begin(), kSections.end(), op.section) == kSections.end()) {
      throw Refusal{fmt::format(
          "'{}' is not a section (resources, activities, outputs, outcomes, impacts)", op.section)};
    }
    need_id(op.id);
    unused(tree, op.id);
    need(op.label, "label");
    std::vector<std::pair<std::string, std::string>> fields = {{"id", op.id},
                                                               {"label", scalar(op.label)}};
    if (!op.detail.empty()) fields.emplace_back("detail", scalar(op.detail));
    if (!op.term.empty()) {
      if (op.section != "outcomes") throw Refusal{"only outcomes have a term"};
      need_term(op.term);
      fields.emplace_back("term", op.term);
    }
    if (!op.owner.empty()) fields.emplace_back("owner", scalar(op.owner));
    for (const std::string& to : op.links) existing(tree, to);
    if (!op.links.empty()) fields.emplace_back("to", flow_list(op.links));
    append_entry(tree, op.section, fields);
  }

  void add_entry(const Tree& tree, const EditOp& op, std::string_view section) {
    need_id(op.id);
    unused(tree, op.id);
    need(op.text, "text");
    std::vector<std::pair<std::string, std::string>> fields = {{"id", op.id},
                                                               {"text", scalar(op.text)}};
    const bool assumption = section == "assumptions";
    for (const std::string& ref : op.links) {
      // "a -> b" names a link; each end must be a box.
      if (const auto link = parse_link_ref(ref)) {
        existing(tree, link->first);
        existing(tree, link->second);
      } else {
        existing(tree, ref);
      }
    }
    if (op.links.empty()) {
      throw Refusal{assumption ? "'about' is missing: the boxes or links it is about"
                               : "'affects' is missing: the boxes or links it affects"};
    }
    fields.emplace_back(assumption ? "about" : "affects", flow_list(op.links));
    if (assumption) {
      if (!op.status.empty()) {
        need_status(op.status);
        fields.emplace_back("status", op.status);
      }
      if (!op.evidence.empty()) fields.emplace_back("evidence", flow_list(op.evidence));
    }
    append_entry(tree, section, fields);
  }

  // Where a mapping entry's lines end (the mapping in a block sequence: its dash's indent).
  std::size_t entry_end(const Tree& tree, NodeId map) const {
    const std::size_t p = tree.pos(map), b = line_begin(text_, p);
    return block_end(text_, b, p - b - 1);
  }

  // Sets `key` of a block mapping to the already-formatted `value`.
  void set_key(const Tree& tree, NodeId map, std::string_view key, const std::string& value) {
    if (tree.flow(map)) {
      throw Refusal{
          "the item is written in flow style ({...}); lmc edit changes block-style "
          "items only"};
    }
    const std::size_t keys = tree.pos(map) - line_begin(text_, tree.pos(map));
    const NodeId k = tree.key_of(map, key);
    if (k == kNoNode) {
      const std::size_t at = entry_end(tree, map);
      splice(at, at, line(keys, std::string(key) + ": " + value));
      return;
    }
    const NodeId v = tree.get(map, key);
    const std::size_t colon = text_.find(':', tree.token_end(k));
    // The old value: to the end of the key's line, and any lines below it more indented (a
    // block list or a long text), but not a comment that ends the line.
    std::size_t from = colon + 1, to = line_end(text_, from);
    if (tree.kind(v) == NodeKind::scalar &&
        line_begin(text_, tree.pos(v)) == line_begin(text_, tree.pos(k))) {
      to = tree.token_end(v);
    }
    if (tree.kind(v) == NodeKind::sequence && tree.flow(v)) {
      // [..] on the key's line: to its closing bracket.
      to = tree.pos(v);
      int depth = 0;
      for (; to < text_.size(); ++to) {
        if (text_[to] == '[') ++depth;
        if (text_[to] == ']' && --depth == 0) {
          ++to;
          break;
        }
      }
    }
    const std::size_t after =
        block_end(text_, line_begin(text_, colon), tree.pos(k) - line_begin(text_, tree.pos(k)));
    if (after > next_line(text_, colon)) {
      // A block below the key: replaced whole.
      to = after;
      splice(from, to, " " + value + eol_);
      return;
    }
    splice(from, to, " " + value);
  }

  void set(const Tree& tree, const EditOp& op) {
    const auto f = existing(tree, op.id);
    need(op.field, "field");
    // What each kind of entry lets `set` change.
    struct Settable {
      std::string_view noun;
      std::vector<std::string_view> fields;
    };
    const Settable settable =
        f.section == "assumptions" ? Settable{"the assumption", {"text", "status", "evidence"}}
        : f.section == "external_factors"
            ? Settable{"the factor", {"text"}}
            : Settable{"the box", {"label", "detail", "term", "owner", "model"}};
    if (std::find(settable.fields.begin(), settable.fields.end(), op.field) ==
        settable.fields.end()) {
      throw Refusal{fmt::format("'{}' cannot be set on {} '{}' ({})", op.field, settable.noun,
                                op.id, fmt::join(settable.fields, ", "))};
    }
    if (op.field == "evidence") {
      std::vector<std::string> list = op.value_list;
      if (list.empty() && op.value) list.push_back(*op.value);
      return set_key(tree, f.map, "evidence", flow_list(list));
    }
    if (!op.value) throw Refusal{"'value' is missing"};
    if (op.field == "term" && f.section != "outcomes") throw Refusal{"only outcomes have a term"};
    if (op.field == "term") need_term(*op.value);
    if (op.field == "status") need_status(*op.value);
    if ((op.field == "label" || op.field == "text") && op.value->empty()) {
      throw Refusal{fmt::format("the {} cannot be empty", op.field)};
    }
    set_key(tree, f.map, op.field, scalar(*op.value));
  }

  // The element of a list value `key` of `map` whose value is `target`, if any.
  NodeId element(const Tree& tree, NodeId map, std::string_view key,
                 std::string_view target) const {
    const NodeId list = tree.get(map, key);
    if (tree.kind(list) == NodeKind::scalar && tree.value(list) == target) return list;
    if (tree.kind(list) != NodeKind::sequence) return kNoNode;
    for (NodeId e : tree.doc().children(list)) {
      if (tree.value(e) == target) return e;
    }
    return kNoNode;
  }

  // Removes one element of a list (flow or block); a list left empty goes with its key.
  void remove_element(const Tree& tree, NodeId map, std::string_view key, NodeId e) {
    const NodeId list = tree.get(map, key);
    const NodeId k = tree.key_of(map, key);
    const bool alone = tree.kind(list) == NodeKind::scalar || tree.doc().children(list).size() == 1;
    if (alone) {
      // The whole `key: ...` entry goes.
      const std::size_t b = line_begin(text_, tree.pos(k));
      const std::size_t indent = tree.pos(k) - b;
      std::size_t end = block_end(text_, b, indent);
      if (tree.pos(k) != b + (indent_at(text_, b) == std::string::npos ? 0 : indent_at(text_, b))) {
        // The key shares its line with the entry's dash ("- to: [x]"): keep the line, drop
        // the key (not expected of lmc's own files, but refuse rather than damage).
        throw Refusal{fmt::format("'{}' starts its entry's line; change it by hand", key)};
      }
      splice(b, end, "");
      return;
    }
    if (tree.flow(list)) {
      std::size_t from = tree.pos(e), to = tree.token_end(e);
      // With the comma and space after it, or, for the last, the ones before it.
      std::size_t after = to;
      while (after < text_.size() && text_[after] == ' ') ++after;
      if (after < text_.size() && text_[after] == ',') {
        to = after + 1;
        while (to < text_.size() && text_[to] == ' ') ++to;
      } else {
        while (from > 0 && text_[from - 1] == ' ') --from;
        if (from > 0 && text_[from - 1] == ',') --from;
      }
      splice(from, to, "");
      return;
    }
    const std::size_t b = line_begin(text_, tree.pos(e));
    splice(b, next_line(text_, b), "");
  }

  // Adds `target` to the list `key` of `map` (made when there is none).
  void add_element(const Tree& tree, NodeId map, std::string_view key, std::string_view target) {
    const NodeId list = tree.get(map, key);
    if (tree.key_of(map, key) == kNoNode || tree.kind(list) == NodeKind::null) {
      return set_key(tree, map, key, flow_list({std::string(target)}));
    }
    if (tree.kind(list) == NodeKind::scalar) {
      return set_key(tree, map, key,
                     flow_list({std::string(tree.value(list)), std::string(target)}));
    }
    const auto kids = tree.doc().children(list);
    if (tree.flow(list)) {
      std::size_t close = kids.empty() ? tree.pos(list) + 1 : tree.token_end(kids.back());
      while (close < text_.size() && text_[close] != ']') ++close;
      splice(close, close, (kids.empty() ? "" : ", ") + scalar(target));
      return;
    }
    const NodeId last = kids.back();
    const std::size_t b = line_begin(text_, tree.pos(last));
    const std::string head(text_, b, tree.pos(last) - b);  // "    - "
    const std::size_t at = next_line(text_, tree.pos(last));
    splice(at, at, head + scalar(target) + eol_);
  }

  void link(const Tree& tree, const EditOp& op) {
    const auto a = existing(tree, op.from), b = existing(tree, op.to);
    for (const auto* f : {&a, &b}) {
      if (std::find(kSections.begin(), kSections.end(), f->section) == kSections.end()) {
        throw Refusal{
            fmt::format("'{}' is not a box: links join boxes", f == &a ? op.from : op.to)};
      }
    }
    if (op.from == op.to) throw Refusal{"a box cannot link to itself"};
    if (element(tree, a.map, "to", op.to) != kNoNode ||
        element(tree, b.map, "from", op.from) != kNoNode) {
      throw Refusal{fmt::format("'{}' already links to '{}'", op.from, op.to)};
    }
    add_element(tree, a.map, "to", op.to);
  }

  void unlink(const Tree& tree, const EditOp& op) {
    const auto a = existing(tree, op.from), b = existing(tree, op.to);
    if (const NodeId e = element(tree, a.map, "to", op.to); e != kNoNode) {
      return remove_element(tree, a.map, "to", e);
    }
    if (const NodeId e = element(tree, b.map, "from", op.from); e != kNoNode) {
      return remove_element(tree, b.map, "from", e);
    }
    throw Refusal{fmt::format("'{}' does not link to '{}'", op.from, op.to)};
  }

  // Every reference to `id` in the model: (list key's map, key, element), in file order.
  struct Reference {
    NodeId map;
    std::string_view key;
    NodeId element;
    bool in_link;  // "a -> b": the id is one end of a link written as text
  };
  std::vector<Reference> references(const Tree& tree, std::string_view id) const {
    std::vector<Reference> out;
    for (std::string_view section : kTopOrder) {
      const NodeId seq = tree.get(tree.doc().root(), section);
      if (tree.kind(seq) != NodeKind::sequence) continue;
      for (NodeId m : tree.doc().children(seq)) {
        if (tree.kind(m) != NodeKind::mapping) continue;
        for (std::string_view key : {"to", "from", "about", "affects"}) {
          const NodeId list = tree.get(m, key);
          std::vector<NodeId> elements;
          if (tree.kind(list) == NodeKind::scalar) elements.push_back(list);
          if (tree.kind(list) == NodeKind::sequence) {
            for (NodeId e : tree.doc().children(list)) elements.push_back(e);
          }
          for (NodeId e : elements) {
            const std::string_view v = tree.value(e);
            if (v == id) {
              out.push_back({m, key, e, false});
            } else if (const auto link = parse_link_ref(v);
                       link && (link->first == id || link->second == id)) {
              out.push_back({m, key, e, true});
            }
          }
        }
      }
    }
    return out;
  }

  void rename(const Tree& tree, const EditOp& op) {
    const auto f = existing(tree, op.id);
    need_id(op.to);
    if (op.to == op.id) return;
    unused(tree, op.to);
    // Every token naming it, replaced from the last to the first so offsets hold.
    std::vector<std::pair<NodeId, std::string>> tokens;
    // A token quoted before stays quoted.
    auto written = [&](NodeId node, std::string_view value) {
      const char first = text_[tree.pos(node)];
      std::string out = scalar(value);
      if ((first == '"' || first == '\'') && out.front() != '"') out = '"' + out + '"';
      return out;
    };
    tokens.emplace_back(tree.get(f.map, "id"), written(tree.get(f.map, "id"), op.to));
    for (const Reference& r : references(tree, op.id)) {
      const std::string_view v = tree.value(r.element);
      if (!r.in_link) {
        tokens.emplace_back(r.element, written(r.element, op.to));
        continue;
      }
      const auto [a, b] = *parse_link_ref(v);
      tokens.emplace_back(r.element,
                          written(r.element, fmt::format("{} -> {}", a == op.id ? op.to : a,
                                                         b == op.id ? op.to : b)));
    }
    std::sort(tokens.begin(), tokens.end(),
              [&](const auto& x, const auto& y) { return tree.pos(x.first) > tree.pos(y.first); });
    for (const auto& [node, with] : tokens) splice(tree.pos(node), tree.token_end(node), with);
  }

  void remove(const Tree& tree, const EditOp& op) {
    const auto f = existing(tree, op.id);
    // Its references first, from the last, then the entry itself (they are never inside it:
    // a box does not name itself).
    std::vector<Reference> refs = references(tree, op.id);
    const std::size_t begin = line_begin(text_, tree.pos(f.map));
    const std::size_t end = entry_end(tree, f.map);
    // Each reference removed against a fresh tree: lists shrink as their elements go.
    std::sort(refs.begin(), refs.end(), [&](const Reference& x, const Reference& y) {
      return tree.pos(x.element) > tree.pos(y.element);
    });
    std::size_t removed_before_entry = 0;  // bytes taken out above the entry
    for (const Reference& r : refs) {
      if (tree.pos(r.element) >= begin && tree.pos(r.element) < end) continue;
      const std::size_t size = text_.size();
      // The same list in the current text: its entry is where it was (edits so far were all
      // below it, or above the entry being deleted and accounted for).
      const Tree now(text_);
      const NodeId map = find_at(now, tree.pos(r.map));
      if (map == kNoNode) continue;
      const NodeId e = element(now, map, r.key, tree.value(r.element));
      if (e == kNoNode) continue;
      remove_element(now, map, r.key, e);
      if (tree.pos(r.element) < begin) removed_before_entry += size - text_.size();
    }
    // The entry, where it now stands.
    const std::size_t b = begin - removed_before_entry;
    const std::size_t e = end - removed_before_entry;
    splice(b, e, "");
  }

  // The mapping at byte offset `pos` of `tree`'s text (a top-level entry), if any.
  static NodeId find_at(const Tree& tree, std::size_t pos) {
    for (std::string_view section : kTopOrder) {
      const NodeId seq = tree.get(tree.doc().root(), section);
      if (tree.kind(seq) != NodeKind::sequence) continue;
      for (NodeId m : tree.doc().children(seq)) {
        if (tree.pos(m) == pos) return m;
      }
    }
    return kNoNode;
  }

  void add_indicator(const Tree& tree, const EditOp& op) {
    const auto f = existing(tree, op.item);
    if (f.section != "outputs" && f.section != "outcomes" && f.section != "impacts") {
      throw Refusal{fmt::format("'{}' is in {}: indicators measure outputs, outcomes and impacts",
                                op.item, f.section)};
    }
    need(op.label, "label");
    if (!op.id.empty()) need_id(op.id);
    std::vector<std::pair<std::string, std::string>> fields;
    if (!op.id.empty()) fields.emplace_back("id", op.id);
    fields.emplace_back("label", scalar(op.label));
    for (const auto& [k, v] : {std::pair{"source", &op.source},
                               {"baseline", &op.baseline},
                               {"target", &op.target},
                               {"due", &op.due}}) {
      if (!v->empty()) fields.emplace_back(k, k == std::string_view("due") ? *v : loose_scalar(*v));
    }
    if (!op.due.empty() && !is_valid_date(op.due)) {
      throw Refusal{fmt::format("'{}' is not a date (YYYY-MM-DD)", op.due)};
    }
    const NodeId list = tree.get(f.map, "indicators");
    const std::size_t keys = tree.pos(f.map) - line_begin(text_, tree.pos(f.map));
    auto entry = [&](std::size_t dash, std::size_t inner) {
      std::string out;
      for (std::size_t k = 0; k < fields.size(); ++k) {
        const std::string kv = fields[k].first + ": " + fields[k].second;
        out +=
            k == 0 ? line(dash, "- " + std::string(inner - dash - 2, ' ') + kv) : line(inner, kv);
      }
      return out;
    };
    if (tree.kind(list) == NodeKind::sequence && !tree.flow(list) &&
        !tree.doc().children(list).empty()) {
      const auto [dash, inner] = entry_indent(tree, list, keys + 2);
      const std::size_t at =
          block_end(text_, line_begin(text_, tree.pos(tree.doc().children(list).back())), dash);
      splice(at, at, entry(dash, inner));
      return;
    }
    if (tree.key_of(f.map, "indicators") != kNoNode) {
      throw Refusal{
          fmt::format("the indicators of '{}' are not a block list; add by hand", op.item)};
    }
    if (tree.flow(f.map)) {
      throw Refusal{
          "the item is written in flow style ({...}); lmc edit changes block-style "
          "items only"};
    }
    // A new `indicators:` after the item's label (or at its end).
    const NodeId label = tree.key_of(f.map, "label");
    std::size_t at = entry_end(tree, f.map);
    if (label != kNoNode) {
      at = block_end(text_, line_begin(text_, tree.pos(label)), keys);
    }
    splice(at, at, line(keys, "indicators:") + entry(keys + 2, keys + 4));
  }

  std::string text_;
  std::string eol_;
};

std::string op_name(const EditOp& op, std::size_t index) {
  return fmt::format("operation {} ({})", index, op.op.empty() ? "no op" : op.op);
}

}  // namespace
}  // namespace edit_impl

using edit_impl::Editor;
using edit_impl::op_name;
using edit_impl::Refusal;

EditResult apply_edits(std::string_view text, std::span<const EditOp> ops) {
  EditResult result;
  // What the loader says of the text before: a change must not add to it.
  auto problems = [](const std::string& t) {
    std::multiset<std::string> out;
    for (const Diagnostic& d : load_model("", t).diagnostics) out.insert(d.rule + ": " + d.message);
    return out;
  };
  // Each operation reads the whole text again: bounded before any is made.
  if (static_cast<double>(ops.size()) * static_cast<double>(text.size() + 1) >
      static_cast<double>(kMaxEditWork)) {
    result.error = fmt::format(
        "{} operations on a file of {} bytes is more than one change takes (at most {} MB "
        "read in all); split them into several",
        ops.size(), text.size(), kMaxEditWork >> 20);
    return result;
  }
  const std::string original(text);
  Editor editor(original);
  for (std::size_t k = 0; k < ops.size(); ++k) {
    try {
      editor.apply(ops[k]);
    } catch (const Refusal& r) {
      result.error = op_name(ops[k], k + 1) + ": " + r.why;
      result.failed = k + 1;
      return result;
    }
  }
  const auto before = problems(original);
  const LoadResult after = load_model("", editor.text());
  for (const Diagnostic& d : after.diagnostics) {
    if (!before.count(d.rule + ": " + d.message)) {
      result.error = fmt::format("the change would leave the model with a problem at line {}: {}",
                                 d.span.line, d.message);
      return result;
    }
  }
  result.ok = true;
  result.text = editor.text();
  return result;
}

}  // namespace lmc
