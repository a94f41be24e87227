// SPDX-License-Identifier: Apache-2.0
// Document -> Model: checks the format (keys, types, enums, ids, dates) and keeps the position
// of everything a later finding can point at.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "lmc/load.h"
#include "lmc/rules.h"
#include "lmc/suggest.h"
#include "load/document.h"
#include "load/format.h"
#include "load/value_hints.h"

namespace lmc {

namespace {

using format::MapKind;
using yaml::Document;
using yaml::kNoNode;
using yaml::NodeId;
using yaml::NodeKind;

std::string_view kind_noun(NodeKind k) {
  switch (k) {
    case NodeKind::null: return "nothing";
    case NodeKind::scalar: return "a single value";
    case NodeKind::sequence: return "a list";
    case NodeKind::mapping: return "a mapping";
    case NodeKind::alias: return "an alias";
  }
  return "a value";
}

bool is_null_scalar(std::string_view s) {
  return s == "~" || s == "null" || s == "Null" || s == "NULL";
}

class ModelBuilder {
 public:
  ModelBuilder(const SourceText& source, const Document& doc, LoadResult& out)
      : source_(source), doc_(doc), out_(out), model_(out.model) {}

  void build() {
    model_.path = source_.path();
    for (const auto& dup : doc_.duplicate_keys()) {
      Diagnostic& d = report("duplicate-key", doc_.span(dup.key),
                             fmt::format("key '{}' appears twice in this mapping; the first "
                                         "value is used and this one is ignored",
                                         doc_.scalar(dup.key)));
      d.related.push_back(Related{source_.path(), doc_.span(dup.first), "first written here"});
    }
    const NodeId root = doc_.root();
    if (root == kNoNode || kind(root) == NodeKind::null) {
      report("unsupported-version", Span{1, 1, 0},
             "the file is empty; a logic model starts with `logic_model: 1`");
      return;
    }
    if (kind(root) != NodeKind::mapping) {
      report("unsupported-version", doc_.span(root),
             fmt::format("the file holds {}, not a logic model; a logic model is a mapping that "
                         "starts with `logic_model: 1`",
                         kind_noun(kind(root))));
      return;
    }
    if (!check_version(root)) return;
    out_.usable = true;
    build_top(root);
  }

 private:
  NodeKind kind(NodeId id) const { return doc_.node(id).kind; }

  Diagnostic& report(std::string_view rule, Span span, std::string message,
                     std::string suggestion = {}, std::string item = {}) {
    Diagnostic d;
    d.file = source_.path();
    d.span = span;
    d.rule = std::string(rule);
    d.message = std::move(message);
    d.suggestion = std::move(suggestion);
    d.item = std::move(item);
    out_.diagnostics.push_back(std::move(d));
    return out_.diagnostics.back();
  }

  bool check_version(NodeId root) {
    const NodeId v = doc_.get(root, "logic_model");
    if (v == kNoNode) {
      report("unsupported-version", Span{1, 1, 0},
             "this file has no `logic_model` key; a logic model starts with `logic_model: 1`",
             "add `logic_model: 1` as the first line");
      return false;
    }
    if (kind(v) == NodeKind::scalar && doc_.node(v).plain && doc_.scalar(v) == "1") return true;
    if (kind(v) == NodeKind::scalar && !doc_.node(v).plain && doc_.scalar(v) == "1") {
      report("unsupported-version", doc_.span(v),
             "logic_model is the text \"1\", in quotes: it must be the number 1",
             "write `logic_model: 1`, without quotes");
      return false;
    }
    std::string what = kind(v) == NodeKind::scalar ? fmt::format("'{}'", doc_.scalar(v))
                                                   : std::string(kind_noun(kind(v)));
    report("unsupported-version", doc_.span(v),
           fmt::format("logic_model is {}; this lmc reads format version 1 (the integer 1)", what),
           "write `logic_model: 1`");
    return false;
  }

  // The key node of `name` in a mapping, or kNoNode.
  NodeId key_of(NodeId map, std::string_view name) const {
    const auto kids = doc_.children(map);
    for (std::size_t i = 0; i + 1 < kids.size(); i += 2) {
      if (kind(kids[i]) == NodeKind::scalar && doc_.scalar(kids[i]) == name) return kids[i];
    }
    return kNoNode;
  }

  // Iterates a mapping's entries, reporting unknown keys, non-text keys and aliases. Calls
  // fn(key text, key node, value node) for each known key.
  template <typename Fn>
  std::vector<std::string> each_entry(NodeId map, MapKind mk, Stage stage, std::string_view where,
                                      std::string item, Fn fn) {
    // The keys the unknown ones probably meant: a misspelt `lable:` is then one finding, not
    // also a missing label.
    std::vector<std::string> meant;
    const auto kids = doc_.children(map);
    for (std::size_t i = 0; i + 1 < kids.size(); i += 2) {
      const NodeId k = kids[i], v = kids[i + 1];
      if (kind(k) != NodeKind::scalar) {
        report("invalid-value", doc_.span(k), "a key must be plain text, not a list or mapping", {},
               item);
        continue;
      }
      const std::string_view name = doc_.scalar(k);
      const format::KeySpec* spec = format::find_key(mk, name);
      if (!spec || (mk == MapKind::item && !(spec->stages & format::stage_bit(stage)))) {
        if (std::string near = unknown_key(k, name, mk, stage, where, item); !near.empty()) {
          meant.push_back(std::move(near));
        }
        continue;
      }
      if (kind(v) == NodeKind::alias) {
        report("invalid-value", doc_.span(v),
               "aliases (*name) are not supported in logic models; write the value out", {}, item);
        continue;
      }
      fn(name, k, v);
    }
    return meant;
  }

  // Whether a key stands right after a comma inside a `{...}` mapping, with no ': ' of its own
  // before the next comma or brace: the comma split a value ("label: a, b" reads as "label: a"
  // and a key "b").
  bool split_by_comma(NodeId k) const {
    const std::string_view text = doc_.text();
    std::size_t at = doc_.node(k).pos;
    if (at == 0 || at > text.size()) return false;
    std::size_t back = at;
    while (back > 0 && text[back - 1] == ' ') --back;
    if (back == 0 || text[back - 1] != ',') return false;
    // Inside braces: the nearest unmatched bracket before it on the line is '{'.
    for (std::size_t i = back - 1; i-- > 0 && text[i] != '\n';) {
      if (text[i] == '{') return true;
      if (text[i] == '}' || text[i] == '[' || text[i] == ']') return false;
    }
    return false;
  }

  // Reports an unknown key; returns the key it probably meant, if any.
  std::string unknown_key(NodeId k, std::string_view name, MapKind mk, Stage stage,
                          std::string_view where, const std::string& item) {
    if (mk == MapKind::item && format::find_key(mk, name)) {
      const std::string_view only = name == "term" ? "outcomes" : "outputs, outcomes and impacts";
      report("unknown-key", doc_.span(k),
             fmt::format("'{}' is not a key of {}: only {} have it", name, where, only), {}, item);
      return {};
    }
    const auto names = format::key_names(mk, stage);
    if (split_by_comma(k)) {
      report("unknown-key", doc_.span(k),
             fmt::format("unknown key '{}' in {}: the comma before it ended the value before it, "
                         "in a `{{...}}` mapping",
                         name, where),
             "put the value that has a comma in quotes: label: \"..., ...\"", item);
      return {};
    }
    std::string near = nearest(name, names);
    Diagnostic& d = report("unknown-key", doc_.span(k),
                           fmt::format("unknown key '{}' in {}", name, where), {}, item);
    if (!near.empty()) suggest_replacement(d, std::string(name), near);
    return near;
  }

  // Text values: any scalar is text. Returns false (and reports) for lists and mappings.
  bool read_text(NodeId k, NodeId v, Text& out, std::string_view what, const std::string& item,
                 bool required = false) {
    if (kind(v) == NodeKind::null ||
        (kind(v) == NodeKind::scalar && doc_.node(v).plain && is_null_scalar(doc_.scalar(v)))) {
      if (required) {
        report("missing-field", doc_.span(k), fmt::format("{} is empty", what), {}, item);
      }
      return false;
    }
    if (kind(v) != NodeKind::scalar) {
      report("invalid-value", doc_.span(v),
             fmt::format("{} should be text, not {}", what, kind_noun(kind(v))), {}, item);
      return false;
    }
    out.value = std::string(doc_.scalar(v));
    out.span = doc_.span(v);
    if (out.value.find('\0') != std::string::npos) {
      // A NUL (written "\0") ends text in the tools that read lmc's outputs: say so, and
      // carry the rest of the text without it.
      report("invalid-value", out.span,
             fmt::format("{} holds a NUL character (written \"\\0\"), which no output can carry",
                         what),
             "remove the \\0", item);
      std::erase(out.value, '\0');
    }
    // Spaces alone are no label either (and the JSON Schema says so too).
    if (required && out.value.find_first_not_of(" \t\r\n") == std::string::npos) {
      report("missing-field", doc_.span(k), fmt::format("{} is empty", what), {}, item);
      out.span = Span{};
      return false;
    }
    return true;
  }

  void read_date(NodeId k, NodeId v, Text& out, std::string_view what, const std::string& item) {
    if (!read_text(k, v, out, what, item)) return;
    if (!is_valid_date(out.value)) {
      Diagnostic& d =
          report("invalid-value", out.span, load::date_problem(what, out.value), {}, item);
      if (std::string iso = load::day_first_date(out.value); !iso.empty()) {
        suggest_replacement(d, out.value, iso);
      }
      out = Text{};
    }
  }

  // Reads an id value; a malformed id is reported and remembered so references to it are not
  // reported again.
  void read_id(NodeId k, NodeId v, Text& out, std::string_view what) {
    if (!read_text(k, v, out, what, {}, true)) return;
    if (!format::is_valid_id(out.value)) {
      Diagnostic& d =
          report("invalid-value", out.span,
                 fmt::format("'{}' is not a valid id: an id starts with a letter and has only "
                             "letters, digits, '-' and '_'",
                             out.value));
      if (std::string fixed = load::id_from_words(out.value); !fixed.empty()) {
        suggest_replacement(d, out.value, fixed);
      }
      model_.rejected_ids.push_back(out.value);
      out = Text{};
    }
  }

  // `true` and `false`, as YAML writes them.
  static constexpr std::pair<std::string_view, bool> kBooleans[] = {{"true", true},
                                                                    {"false", false}};

  template <typename Enum, std::size_t N>
  bool read_enum(NodeId k, NodeId v, const std::pair<std::string_view, Enum> (&choices)[N],
                 Enum& out, Span& span, std::string_view what, const std::string& item) {
    Text t;
    if (!read_text(k, v, t, what, item)) return kind(v) == NodeKind::null;
    std::vector<std::string_view> names;
    for (const auto& [name, value] : choices) {
      if (t.value == name) {
        out = value;
        span = t.span;
        return true;
      }
      names.push_back(name);
    }
    std::string near = nearest(t.value, names);
    if (near.empty()) {
      // "long-term", "Short term": the choice written as a word of a longer phrase.
      std::string first;
      for (const char c : t.value) {
        if (c == '-' || c == '_' || c == ' ') break;
        first += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
      for (const std::string_view name : names) {
        if (first == name) near = std::string(name);
      }
    }
    std::string list;
    for (std::size_t i = 0; i < names.size(); ++i) {
      list += fmt::format("{}{}", i == 0 ? "" : (i + 1 == names.size() ? " or " : ", "), names[i]);
    }
    Diagnostic& d = report("invalid-value", t.span,
                           fmt::format("{} '{}' is not one of {}", what, t.value, list), {}, item);
    if (!near.empty()) suggest_replacement(d, t.value, near);
    return false;
  }

  // Whether each PATH#id in a reference (either end of "a -> b") has a path lmc follows and an
  // id; reports the first that does not.
  bool file_refs_sound(const Ref& ref, std::string_view what, const std::string& item) {
    std::vector<std::string_view> ends{ref.target};
    if (ref.kind == Ref::Kind::about || ref.kind == Ref::Kind::affects) {
      if (const auto arrow = ref.target.find("->"); arrow != std::string::npos) {
        ends = {std::string_view(ref.target).substr(0, arrow),
                std::string_view(ref.target).substr(arrow + 2)};
      }
    }
    for (std::string_view end : ends) {
      const auto parts = split_file_ref(end);
      if (!parts) continue;
      std::string why = bad_model_path(parts->first);
      if (why.empty() && !format::is_valid_id(parts->second)) {
        why = parts->second.empty()
                  ? "no id is written after '#'"
                  : fmt::format("'{}' after '#' is not a valid id", parts->second);
      }
      if (why.empty()) continue;
      report("invalid-value", ref.span,
             fmt::format("'{}' in {} does not name an item of another model: {}", ref.target, what,
                         why),
             "write PATH#id, PATH relative to this file: `../programme.yaml#fewer-admissions`",
             item);
      return false;
    }
    return true;
  }

  // A scalar or a list of scalars (as `to: a` or `to: [a, b]`).
  bool read_refs(NodeId v, Ref::Kind rk, std::vector<Ref>& out, std::string_view what,
                 const std::string& item) {
    if (kind(v) == NodeKind::null) return true;
    auto one = [&](NodeId n) {
      if (kind(n) == NodeKind::scalar && !doc_.scalar(n).empty()) {
        Ref ref{std::string(doc_.scalar(n)), doc_.span(n), rk};
        if (!file_refs_sound(ref, what, item)) return false;
        out.push_back(std::move(ref));
        return true;
      }
      if (kind(n) == NodeKind::null) return true;
      report("invalid-value", doc_.span(n),
             fmt::format("each entry of {} should be an id, not {}", what, kind_noun(kind(n))), {},
             item);
      return false;
    };
    if (kind(v) == NodeKind::sequence) {
      bool ok = true;
      for (NodeId n : doc_.children(v)) ok = one(n) && ok;
      return ok;
    }
    if (kind(v) == NodeKind::scalar) return one(v);
    report("invalid-value", doc_.span(v),
           fmt::format("{} should be an id or a list of ids, not {}", what, kind_noun(kind(v))), {},
           item);
    return false;
  }

  // A string or a list of strings.
  void read_texts(NodeId k, NodeId v, std::vector<Text>& out, std::string_view what,
                  const std::string& item) {
    if (kind(v) == NodeKind::sequence) {
      for (NodeId n : doc_.children(v)) {
        Text t;
        if (read_text(k, n, t, fmt::format("each entry of {}", what), item)) out.push_back(t);
      }
      return;
    }
    Text t;
    if (read_text(k, v, t, what, item)) out.push_back(t);
  }

  void read_ignore(NodeId k, NodeId v, std::vector<Text>& out, const std::string& item) {
    std::vector<Text> raw;
    read_texts(k, v, raw, "'ignore'", item);
    std::vector<std::string_view> ids;
    for (const Rule& r : all_rules()) ids.push_back(r.id);
    for (Text& t : raw) {
      if (find_rule(t.value)) {
        out.push_back(std::move(t));
        continue;
      }
      std::string near = nearest(t.value, ids);
      Diagnostic& d = report("invalid-value", t.span, fmt::format("'{}' is not a rule id", t.value),
                             near.empty() ? "`lmc rules` lists them" : "", item);
      if (!near.empty()) suggest_replacement(d, t.value, near);
    }
  }

  void build_top(NodeId root) {
    // Reserve the model's lists exactly: growing them by doubling would cost more memory than
    // the document tree does.
    std::size_t items = 0;
    for (Stage st : kStages) items += element_count(doc_.get(root, stage_section(st)));
    model_.items.reserve(items);
    model_.assumptions.reserve(element_count(doc_.get(root, "assumptions")));
    model_.factors.reserve(element_count(doc_.get(root, "external_factors")));
    std::string item;
    bool has_title = false;
    each_entry(root, MapKind::top, Stage::resource, "the model", item,
               [&](std::string_view name, NodeId k, NodeId v) {
                 if (name == "logic_model") return;
                 if (name == "title") {
                   has_title = true;
                   read_text(k, v, model_.title, "the model's title", item, true);
                 } else if (name == "updated") {
                   read_date(k, v, model_.updated, "'updated'", item);
                 } else if (name == "render") {
                   build_render(v);
                 } else if (name == "adapts") {
                   build_adapts(k, v);
                 } else if (name == "adaptations") {
                   each_element(v, name, [&](NodeId n) { build_adaptation(n); });
                 } else if (name == "assumptions") {
                   each_element(v, name, [&](NodeId n) { build_assumption(n); });
                 } else if (name == "external_factors") {
                   each_element(v, name, [&](NodeId n) { build_factor(n); });
                 } else if (Text* t = meta_field(name)) {
                   read_text(k, v, *t, fmt::format("'{}'", name), item);
                 } else {
                   for (Stage s : kStages) {
                     if (name != stage_section(s)) continue;
                     model_.section_spans[static_cast<int>(s)] = doc_.span(k);
                     each_element(v, name, [&](NodeId n) { build_item(n, s); });
                   }
                 }
               });
    if (!has_title) {
      report("missing-field", Span{1, 1, 0}, "the model has no title", "add `title: ...`");
    }
  }

  std::size_t element_count(NodeId v) const {
    if (v == kNoNode) return 0;
    if (kind(v) == NodeKind::sequence) return doc_.children(v).size();
    return kind(v) == NodeKind::mapping ? 1 : 0;
  }

  Text* meta_field(std::string_view name) {
    if (name == "problem") return &model_.problem;
    if (name == "description") return &model_.description;
    if (name == "programme") return &model_.programme;
    if (name == "population") return &model_.population;
    if (name == "owner") return &model_.owner;
    if (name == "version") return &model_.version;
    if (name == "results") return &model_.results;
    return nullptr;
  }

  template <typename Fn>
  void each_element(NodeId v, std::string_view section, Fn fn) {
    if (kind(v) == NodeKind::null) return;
    if (kind(v) != NodeKind::sequence) {
      report("invalid-value", doc_.span(v),
             fmt::format("'{}' should be a list (each entry starting with '- '), not {}", section,
                         kind_noun(kind(v))));
      // One entry written without its '- ' is still read, so its ids do not cascade.
      if (kind(v) == NodeKind::mapping) fn(v);
      return;
    }
    for (NodeId n : doc_.children(v)) {
      if (kind(n) == NodeKind::mapping) {
        fn(n);
      } else if (kind(n) != NodeKind::null) {
        Diagnostic& d = report(
            "invalid-value", doc_.span(n),
            fmt::format("each entry of '{}' should be a mapping with keys such as {}, not {}",
                        section, section == "indicators" ? "label" : "id", kind_noun(kind(n))));
        if (section == "indicators" && kind(n) == NodeKind::scalar) {
          d.suggestion = fmt::format(
              "write it as `{{label: {}}}`, and add its baseline, target, "
              "source and due date",
              doc_.scalar(n));
        }
      }
    }
  }

  void build_render(NodeId v) {
    if (kind(v) == NodeKind::null) return;
    if (kind(v) != NodeKind::mapping) {
      report("invalid-value", doc_.span(v),
             fmt::format("'render' should be a mapping with page and orientation, not {}",
                         kind_noun(kind(v))));
      return;
    }
    static constexpr std::pair<std::string_view, PageSize> kPages[] = {
        {"a5", PageSize::a5},         {"a4", PageSize::a4},       {"a3", PageSize::a3},
        {"letter", PageSize::letter}, {"legal", PageSize::legal}, {"tabloid", PageSize::tabloid}};
    static constexpr std::pair<std::string_view, bool> kOrientations[] = {{"landscape", false},
                                                                          {"portrait", true}};
    each_entry(v, MapKind::render, Stage::resource, "'render'", {},
               [&](std::string_view name, NodeId k, NodeId val) {
                 Span span;
                 if (name == "page") {
                   PageSize p{};
                   if (read_enum(k, val, kPages, p, span, "page", {}) && span.known()) {
                     model_.render.page = p;
                   }
                 } else {
                   bool portrait = false;
                   if (read_enum(k, val, kOrientations, portrait, span, "orientation", {}) &&
                       span.known()) {
                     model_.render.portrait = portrait;
                   }
                 }
               });
  }

  void build_item(NodeId map, Stage stage) {
    Item it;
    it.stage = stage;
    it.span = doc_.span(map);
    const NodeId idv = doc_.get(map, "id");
    if (idv != kNoNode && kind(idv) != NodeKind::alias) {
      read_id(key_of(map, "id"), idv, it.id, "the id");
    }
    const std::string where =
        fmt::format("{} '{}'", stage_name(stage), it.id.value.empty() ? "?" : it.id.value);
    const std::string& item = it.id.value;
    static constexpr std::pair<std::string_view, Term> kTerms[] = {
        {"short", Term::short_term}, {"medium", Term::medium_term}, {"long", Term::long_term}};
    bool has_label = false;
    const std::vector<std::string> meant = each_entry(
        map, MapKind::item, stage, fmt::format("an {}", stage_name(stage)), item,
        [&](std::string_view name, NodeId k, NodeId v) {
          if (name == "id") return;
          if (name == "label") {
            has_label = true;
            read_text(k, v, it.label, fmt::format("the label of {}", where), item, true);
          } else if (name == "detail") {
            read_text(k, v, it.detail, "'detail'", item);
          } else if (name == "owner") {
            read_text(k, v, it.extra().owner, "'owner'", item);
          } else if (name == "to" || name == "from") {
            const auto rk = name == "to" ? Ref::Kind::to : Ref::Kind::from;
            if (!read_refs(v, rk, it.links, fmt::format("'{}'", name), item)) {
              it.links_doubtful = true;
            }
          } else if (name == "term") {
            if (!read_enum(k, v, kTerms, it.term, it.term_span, "term", item)) {
              it.term_doubtful = true;
            }
          } else if (name == "indicators") {
            build_indicators(v, it, item);
          } else if (name == "tags") {
            read_texts(k, v, it.extra().tags, "'tags'", item);
          } else if (name == "ignore") {
            read_ignore(k, v, it.extra().ignore, item);
          } else if (name == "core") {
            bool core = false;
            Span at;
            if (read_enum(k, v, kBooleans, core, at, "core", item) && core) {
              it.extra().core = true;
              it.extra().core_span = at;
            }
          } else if (name == "model") {
            Text path;
            if (!read_text(k, v, path, "'model'", item)) return;
            if (std::string why = bad_model_path(path.value); !why.empty()) {
              report("invalid-value", path.span,
                     fmt::format("'model' is '{}', which lmc does not follow: {}", path.value, why),
                     "name the model by its path relative to this file: `model: "
                     "workstreams/care-homes.yaml`",
                     item);
              return;
            }
            it.extra().model = std::move(path);
          }
        });
    auto misspelt = [&](std::string_view key) {
      return std::find(meant.begin(), meant.end(), key) != meant.end();
    };
    if (idv == kNoNode && !misspelt("id")) {
      report("missing-field", it.span, fmt::format("this {} has no id", stage_name(stage)),
             "add `id: ...`: a short name other items link to");
    }
    if (!has_label && !misspelt("label")) {
      report("missing-field", it.id.present() ? it.id.span : it.span,
             fmt::format("{} has no label", where), "add `label: ...`: the text in its box", item);
    }
    model_.items.push_back(std::move(it));
  }

  void build_indicators(NodeId v, Item& it, const std::string& item) {
    const std::size_t before = out_.diagnostics.size();
    each_element(v, "indicators", [&](NodeId map) {
      Indicator ind;
      ind.span = doc_.span(map);
      bool has_label = false;
      const std::size_t reported = out_.diagnostics.size();
      const std::vector<std::string> meant =
          each_entry(map, MapKind::indicator, it.stage, "an indicator", item,
                     [&](std::string_view name, NodeId k, NodeId val) {
                       if (name == "label") {
                         has_label = true;
                         read_text(k, val, ind.label, "the indicator's label", item, true);
                       } else if (name == "id") {
                         read_id(k, val, ind.id, "the indicator's id");
                       } else if (name == "due") {
                         read_date(k, val, ind.due, "'due'", item);
                       } else if (name == "source") {
                         read_text(k, val, ind.source, "'source'", item);
                       } else if (name == "baseline") {
                         read_text(k, val, ind.baseline, "'baseline'", item);
                       } else if (name == "baseline_date") {
                         read_date(k, val, ind.baseline_date, "'baseline_date'", item);
                       } else if (name == "target") {
                         read_text(k, val, ind.target, "'target'", item);
                       } else if (name == "frequency") {
                         read_text(k, val, ind.frequency, "'frequency'", item);
                       }
                     });
      ind.doubtful = out_.diagnostics.size() > reported;
      if (!has_label && std::find(meant.begin(), meant.end(), "label") == meant.end()) {
        report("missing-field", ind.span, "this indicator has no label",
               "add `label: ...`: what is measured", item);
      }
      it.extra().indicators.push_back(std::move(ind));
    });
    // Indicators written wrongly (as plain text) were reported: the outcome is not also
    // "unmeasured".
    if (it.indicators().empty() && out_.diagnostics.size() > before) it.indicators_doubtful = true;
  }

  // The id and text every assumption and external factor needs.
  void read_id_and_text(NodeId map, Text& id, Span span, std::string_view noun) {
    const NodeId idv = doc_.get(map, "id");
    if (idv != kNoNode && kind(idv) != NodeKind::alias)
      read_id(key_of(map, "id"), idv, id, "the id");
    const NodeId tv = doc_.get(map, "text");
    if (idv == kNoNode) {
      report("missing-field", span, fmt::format("this {} has no id", noun), "add `id: ...`");
    }
    if (tv == kNoNode) {
      report("missing-field", id.present() ? id.span : span,
             fmt::format("{} '{}' has no text", noun, id.value.empty() ? "?" : id.value),
             "add `text: ...`", id.value);
    }
  }

  void build_assumption(NodeId map) {
    Assumption a;
    a.span = doc_.span(map);
    read_id_and_text(map, a.id, a.span, "assumption");
    const std::string& item = a.id.value;
    static constexpr std::pair<std::string_view, AssumptionStatus> kStatuses[] = {
        {"untested", AssumptionStatus::untested},
        {"testing", AssumptionStatus::testing},
        {"holds", AssumptionStatus::holds},
        {"fails", AssumptionStatus::fails}};
    each_entry(map, MapKind::assumption, Stage::resource, "an assumption", item,
               [&](std::string_view name, NodeId k, NodeId v) {
                 if (name == "id") return;
                 if (name == "text") {
                   read_text(k, v, a.text, "the assumption's text", item, true);
                 } else if (name == "about") {
                   if (!read_refs(v, Ref::Kind::about, a.about, "'about'", item)) {
                     a.about_doubtful = true;
                   }
                 } else if (name == "status") {
                   if (!read_enum(k, v, kStatuses, a.status, a.status_span, "status", item)) {
                     a.status_doubtful = true;
                   }
                 } else if (name == "evidence") {
                   read_texts(k, v, a.evidence, "'evidence'", item);
                 } else if (name == "test") {
                   build_test(k, v, a.test, item);
                 } else if (name == "ignore") {
                   read_ignore(k, v, a.ignore, item);
                 } else if (name == "context") {
                   read_enum(k, v, kBooleans, a.context, a.context_span, "context", item);
                 }
               });
    model_.assumptions.push_back(std::move(a));
  }

  // `adapts: {model: PATH, version: "V"}`.
  void build_adapts(NodeId k, NodeId v) {
    if (kind(v) != NodeKind::mapping) {
      report("invalid-value", doc_.span(v),
             fmt::format("'adapts' should be a mapping with model and version, not {}",
                         kind_noun(kind(v))),
             "write `adapts: {model: ../blueprint.yaml, version: \"2.0\"}`");
      return;
    }
    Adapts a;
    a.span = doc_.span(k);
    bool has_model = false;
    const std::string item;
    each_entry(v, MapKind::adapts, Stage::resource, "'adapts'", item,
               [&](std::string_view name, NodeId key, NodeId val) {
                 if (name == "model") {
                   has_model = true;
                   Text path;
                   if (!read_text(key, val, path, "'model'", item)) return;
                   if (std::string why = bad_model_path(path.value); !why.empty()) {
                     report("invalid-value", path.span,
                            fmt::format("'adapts' names '{}', which lmc does not follow: {}",
                                        path.value, why),
                            "name the blueprint by its path relative to this file");
                     return;
                   }
                   a.model = std::move(path);
                 } else if (name == "version") {
                   read_text(key, val, a.version, "'version'", item);
                 }
               });
    if (!has_model) {
      report("missing-field", a.span, "'adapts' does not say which model: it has no `model`",
             "add `model: PATH`, the blueprint's path relative to this file");
    }
    model_.adapts = std::move(a);
  }

  // One record under `adaptations:`.
  void build_adaptation(NodeId map) {
    static constexpr std::pair<std::string_view, Adaptation::Change> kChanges[] = {
        {"dropped", Adaptation::Change::dropped},
        {"modified", Adaptation::Change::modified},
        {"added", Adaptation::Change::added},
        {"replaced", Adaptation::Change::replaced}};
    static constexpr std::pair<std::string_view, Adaptation::Fidelity> kFidelity[] = {
        {"consistent", Adaptation::Fidelity::consistent},
        {"inconsistent", Adaptation::Fidelity::inconsistent},
        {"unknown", Adaptation::Fidelity::unknown}};
    Adaptation a;
    a.span = doc_.span(map);
    bool has_item = false, has_change = false;
    const std::string item;
    each_entry(map, MapKind::adaptation, Stage::resource, "an adaptation", item,
               [&](std::string_view name, NodeId k, NodeId v) {
                 if (name == "item") {
                   has_item = read_text(k, v, a.item, "'item'", item, true);
                 } else if (name == "change") {
                   has_change = true;
                   read_enum(k, v, kChanges, a.change, a.change_span, "change", item);
                 } else if (name == "reason") {
                   read_text(k, v, a.reason, "'reason'", item);
                 } else if (name == "decided_by") {
                   read_text(k, v, a.decided_by, "'decided_by'", item);
                 } else if (name == "date") {
                   read_date(k, v, a.date, "'date'", item);
                 } else if (name == "planned") {
                   bool planned = false;
                   Span at;
                   if (read_enum(k, v, kBooleans, planned, at, "planned", item)) {
                     a.planned = planned;
                   }
                 } else if (name == "fidelity") {
                   Span at;
                   read_enum(k, v, kFidelity, a.fidelity, at, "fidelity", item);
                 }
               });
    if (!has_item) {
      report("missing-field", a.span, "an adaptation does not say what changed: it has no `item`",
             "add `item: ID` (or `item: \"a -> b\"` for a link)");
      return;
    }
    if (!has_change) {
      report("missing-field", a.span,
             fmt::format("the adaptation of '{}' does not say how it changed: it has no `change`",
                         a.item.value),
             "add `change: dropped`, `modified`, `added` or `replaced`");
    }
    model_.adaptations.push_back(std::move(a));
  }

  void build_test(NodeId k, NodeId v, AssumptionTest& test, const std::string& item) {
    if (kind(v) == NodeKind::null) return;
    if (kind(v) != NodeKind::mapping) {
      report("invalid-value", doc_.span(v),
             fmt::format("'test' should be a mapping with method, indicator, due and owner, "
                         "not {}",
                         kind_noun(kind(v))),
             {}, item);
      return;
    }
    test.span = doc_.span(k);
    each_entry(v, MapKind::test, Stage::resource, "an assumption's test", item,
               [&](std::string_view name, NodeId key, NodeId val) {
                 if (name == "due") {
                   read_date(key, val, test.due, "'due'", item);
                 } else if (name == "method") {
                   read_text(key, val, test.method, "'method'", item);
                 } else if (name == "indicator") {
                   read_text(key, val, test.indicator, "'indicator'", item);
                 } else if (name == "owner") {
                   read_text(key, val, test.owner, "'owner'", item);
                 }
               });
  }

  void build_factor(NodeId map) {
    ExternalFactor f;
    f.span = doc_.span(map);
    read_id_and_text(map, f.id, f.span, "external factor");
    const std::string& item = f.id.value;
    each_entry(map, MapKind::factor, Stage::resource, "an external factor", item,
               [&](std::string_view name, NodeId k, NodeId v) {
                 if (name == "id") return;
                 if (name == "text") {
                   read_text(k, v, f.text, "the external factor's text", item, true);
                 } else if (name == "affects") {
                   if (!read_refs(v, Ref::Kind::affects, f.affects, "'affects'", item)) {
                     f.affects_doubtful = true;
                   }
                 } else if (name == "ignore") {
                   read_ignore(k, v, f.ignore, item);
                 }
               });
    model_.factors.push_back(std::move(f));
  }

  const SourceText& source_;
  const Document& doc_;
  LoadResult& out_;
  Model& model_;
};

}  // namespace

LoadResult oversized_model(std::string path, std::uintmax_t bytes) {
  LoadResult result;
  result.source = SourceText(std::move(path), std::string());
  Diagnostic d;
  d.file = result.source.path();
  d.span = Span{1, 1, 0};
  d.rule = "yaml-syntax";
  d.message = fmt::format("the file is {} MB; lmc reads models of up to {} MB, so it was not read",
                          (bytes + (1u << 20) - 1) >> 20, kMaxModelBytes >> 20);
  d.suggestion =
      "check that this is the file you meant; a programme this large belongs in several models";
  result.diagnostics.push_back(std::move(d));
  return result;
}

LoadResult empty_model(std::string path) {
  LoadResult result;
  result.source = SourceText(path, std::string());
  result.model.path = std::move(path);
  result.usable = true;
  return result;
}

LoadResult load_model(std::string path, std::string text) {
  if (text.size() > kMaxModelBytes) return oversized_model(std::move(path), text.size());
  LoadResult result;
  result.source = SourceText(std::move(path), std::move(text));
  {
    yaml::ParseResult parsed = yaml::parse(result.source);
    result.diagnostics = std::move(parsed.problems);
    if (result.diagnostics.empty()) ModelBuilder(result.source, parsed.doc, result).build();
  }
  return result;
}

bool looks_like_model(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  // A model's top-level key sits at the start of a line; that is all a directory walk needs to
  // know, and it costs no parse.
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (line.starts_with("{")) {
      line.remove_prefix(1);
      while (line.starts_with(" ")) line.remove_prefix(1);
    }
    for (std::string_view key : {"logic_model", "\"logic_model\"", "'logic_model'"}) {
      if (line.starts_with(key)) {
        std::string_view rest = line.substr(key.size());
        while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t'))
          rest.remove_prefix(1);
        if (rest.starts_with(":")) return true;
      }
    }
    pos = end + 1;
  }
  return false;
}

bool is_yaml_name(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".yaml" || ext == ".yml";
}

YamlFile classify_yaml(std::string_view text) {
  if (!wide_encoding(text).empty() || find_invalid_utf8(text) != std::string_view::npos ||
      text.find('\0') != std::string_view::npos) {
    return YamlFile::unreadable;
  }
  if (looks_like_model(text)) return YamlFile::model;
  // `logic_model` indented, or behind a syntax error at the top: a model lmc cannot read yet.
  return text.find("logic_model") != std::string_view::npos ? YamlFile::unreadable
                                                            : YamlFile::other;
}

}  // namespace lmc
