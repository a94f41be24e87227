// SPDX-License-Identifier: Apache-2.0
#include "render/diagram.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>

namespace lmc::render {

namespace {

constexpr std::array<ColumnDef, 7> kColumns = {{
    {Stage::resource, Term::none, "resources", "Resources"},
    {Stage::activity, Term::none, "activities", "Activities"},
    {Stage::output, Term::none, "outputs", "Outputs"},
    {Stage::outcome, Term::short_term, "outcomes_short", "Outcomes: short term"},
    {Stage::outcome, Term::medium_term, "outcomes_medium", "Outcomes: medium term"},
    {Stage::outcome, Term::long_term, "outcomes_long", "Outcomes: long term"},
    {Stage::impact, Term::none, "impacts", "Impacts"},
}};

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

std::string refs_text(const std::vector<Ref>& refs) {
  std::vector<std::string> parts;
  for (const Ref& r : refs) {
    if (auto link = parse_link_ref(r.target)) {
      parts.push_back(link->first + " → " + link->second);
    } else {
      parts.push_back(r.target);
    }
  }
  return join(parts, ", ");
}

std::string_view severity_fill(Severity s) {
  switch (s) {
    case Severity::error: return "#FFCCCC";
    case Severity::warning: return "#FFE4C4";
    case Severity::info: return "#E8F0FF";
  }
  return "#FFFFFF";
}

class Builder {
 public:
  Builder(const Model& m, const Graph& g, const Decorations& d) : m_(m), g_(g), d_(d) {}

  Diagram build(bool indicators, bool bands) {
    indicators_ = indicators;
    Diagram out;
    out.indicators = indicators;
    out.title = m_.title.value.empty() ? "Logic model" : m_.title.value;
    std::vector<std::string> who;
    if (m_.programme.present()) who.push_back("Programme: " + m_.programme.value);
    if (m_.population.present()) who.push_back("Population: " + m_.population.value);
    if (!who.empty()) out.facts.push_back(join(who, "  ·  "));
    if (m_.problem.present()) out.facts.push_back("Problem: " + m_.problem.value);
    std::vector<std::string> meta;
    if (m_.version.present()) meta.push_back("Version " + m_.version.value);
    if (m_.updated.present()) meta.push_back("Updated " + m_.updated.value);
    if (m_.owner.present()) meta.push_back("Owner: " + m_.owner.value);
    if (!meta.empty()) out.facts.push_back(join(meta, "  ·  "));
    if (!bands) out.facts.clear();
    out.key = d_.key;
    number_badges();
    boxes(out);
    stubs(out);
    edges(out);
    if (bands) {
      panel(out);
      findings(out);
    }
    // Keep only the columns that have boxes, and point boxes at their place in that list.
    std::vector<Column> kept;
    std::vector<int> index(kColumns.size(), -1);
    for (std::size_t k = 0; k < kColumns.size(); ++k) {
      if (columns_[k].boxes.empty()) continue;
      index[k] = static_cast<int>(kept.size());
      kept.push_back(std::move(columns_[k]));
    }
    for (Box& b : out.boxes) b.column = index[b.column];
    out.columns = std::move(kept);
    return out;
  }

 private:
  // A1, A2, ... and E1, E2, ... in file order, attached to the items and links they name.
  void number_badges() {
    auto attach = [&](const std::vector<Ref>& refs, const Badge& badge) {
      for (const Ref& r : refs) {
        if (auto link = parse_link_ref(r.target)) {
          const int a = g_.find(link->first), b = g_.find(link->second);
          if (a >= 0 && b >= 0) link_badges_[{a, b}].push_back(badge);
        } else if (const int i = g_.find(r.target); i >= 0) {
          item_badges_[i].push_back(badge);
        }
      }
    };
    for (std::size_t k = 0; k < m_.assumptions.size(); ++k) {
      const Assumption& a = m_.assumptions[k];
      attach(a.about, status_badge(fmt::format("A{}", k + 1), a.status));
    }
    for (std::size_t k = 0; k < m_.factors.size(); ++k) {
      attach(m_.factors[k].affects, Badge{fmt::format("E{}", k + 1), "#F2F2F2"});
    }
  }

  void boxes(Diagram& out) {
    for (std::size_t k = 0; k < kColumns.size(); ++k) {
      columns_[k].stage = kColumns[k].stage;
      columns_[k].term = kColumns[k].term;
      columns_[k].key = kColumns[k].key;
      columns_[k].title = kColumns[k].title;
    }
    box_of_item_.assign(m_.items.size(), -1);
    for (std::size_t i = 0; i < m_.items.size(); ++i) {
      const Item& it = m_.items[i];
      // A second item with an id already used is duplicate-id's finding; draw the first.
      if (!it.id.value.empty() && g_.find(it.id.value) != static_cast<int>(i)) continue;
      Box b;
      b.id = it.id.value;
      b.node = it.id.value.empty() ? fmt::format("#{}", i) : it.id.value;
      b.label = it.label.value.empty() ? it.id.value : it.label.value;
      b.tooltip = it.detail.present() ? it.detail.value : it.label.value;
      b.stage = it.stage;
      b.column = column_of(it.stage, it.term);
      b.file_order = static_cast<int>(i);
      if (auto found = item_badges_.find(static_cast<int>(i)); found != item_badges_.end()) {
        b.badges = found->second;
      }
      // A blueprint's core component, on any page: what a site adopting it must keep.
      if (it.core()) b.badges.insert(b.badges.begin(), Badge{"◆ core", "#FFE9A8"});
      if (!b.id.empty()) {
        if (auto h = d_.items.find(b.id); h != d_.items.end()) b.highlight = h->second;
        if (auto mk = d_.item_markers.find(b.id); mk != d_.item_markers.end())
          b.marker = mk->second;
      }
      if (const auto drill = d_.drill.find(b.id); drill != d_.drill.end() && !b.id.empty()) {
        b.note = drill->second.page > 0 ? fmt::format("▸ Detailed on page {}", drill->second.page)
                                        : fmt::format("▸ Detailed in {}", drill->second.name);
        b.href = drill->second.href;
        b.page = drill->second.page;
      }
      const auto was = d_.indicator_was.find(b.id);
      const auto result = d_.indicator_results.find(b.id);
      for (std::size_t k = 0; indicators_ && k < it.indicators().size(); ++k) {
        IndicatorLine line{indicator_text(it.indicators()[k]), {}, {}};
        if (was != d_.indicator_was.end() && !b.id.empty()) {
          if (auto w = was->second.find(k); w != was->second.end()) line.was = w->second;
        }
        if (result != d_.indicator_results.end() && !b.id.empty()) {
          if (auto r = result->second.find(k); r != result->second.end()) line.result = r->second;
        }
        b.indicators.push_back(std::move(line));
      }
      box_of_item_[i] = static_cast<int>(out.boxes.size());
      columns_[b.column].boxes.push_back(static_cast<int>(out.boxes.size()));
      out.boxes.push_back(std::move(b));
    }
    for (const GhostItem& ghost : d_.ghost_items) {
      Box b;
      b.id = ghost.id;
      b.node = "removed:" + ghost.id;
      b.label = ghost.label.empty() ? ghost.id : ghost.label;
      b.tooltip = "removed: " + b.label;
      b.stage = ghost.stage;
      b.column = column_of(ghost.stage, ghost.term);
      b.file_order = static_cast<int>(m_.items.size() + out.boxes.size());
      b.highlight = d_.ghost;
      b.ghost = true;
      ghost_box_[ghost.id] = static_cast<int>(out.boxes.size());
      columns_[b.column].boxes.push_back(static_cast<int>(out.boxes.size()));
      out.boxes.push_back(std::move(b));
    }
  }

  // Items of other models this one links to, after its own: placed at the edge of their
  // column by order_columns().
  void stubs(Diagram& out) {
    for (const StubItem& stub : d_.stubs) {
      if (stub_box_.count(stub.ref)) continue;
      Box b;
      b.node = "stub:" + stub.ref;
      b.label = stub.label.empty() ? stub.ref : stub.label;
      b.tooltip = fmt::format("{} ({})", b.label, stub.ref);
      b.note = "◂ in " + stub.model_title;
      b.href = stub.href;
      b.stage = stub.stage;
      b.column = column_of(stub.stage, stub.term);
      b.file_order = static_cast<int>(m_.items.size() + out.boxes.size());
      b.stub = true;
      stub_box_[stub.ref] = static_cast<int>(out.boxes.size());
      columns_[b.column].boxes.push_back(static_cast<int>(out.boxes.size()));
      out.boxes.push_back(std::move(b));
    }
  }

  void add_edge(Diagram& out, int from, int to, bool misordered) {
    const Box& a = out.boxes[from];
    const Box& b = out.boxes[to];
    Edge e;
    e.from = from;
    e.to = to;
    e.misordered = misordered;
    e.kind = a.column == b.column  ? EdgeKind::same
             : a.column < b.column ? EdgeKind::forward
                                   : EdgeKind::backward;
    const auto key = std::pair{a.id, b.id};
    if (auto h = d_.links.find(key); h != d_.links.end()) e.highlight = h->second;
    if (auto mk = d_.link_markers.find(key); mk != d_.link_markers.end()) e.marker = mk->second;
    out.edges.push_back(std::move(e));
  }

  void edges(Diagram& out) {
    std::set<std::pair<int, int>> drawn;
    for (const Graph::Link& link : g_.links()) {
      const int a = box_of_item_[link.from], b = box_of_item_[link.to];
      if (a < 0 || b < 0 || !drawn.insert({a, b}).second) continue;
      add_edge(out, a, b, false);
      if (auto found = link_badges_.find({link.from, link.to}); found != link_badges_.end()) {
        out.edges.back().badges = found->second;
      }
    }
    // Misordered links are findings, and drawn all the same: dashed, against the flow.
    for (const Graph::BadRef& bad : g_.bad_refs()) {
      if (bad.status != Graph::RefStatus::misordered || bad.from < 0 || bad.to < 0) continue;
      const int a = box_of_item_[bad.from], b = box_of_item_[bad.to];
      if (a < 0 || b < 0 || !drawn.insert({a, b}).second) continue;
      add_edge(out, a, b, true);
    }
    // Links to and from items of other models, to their stubs.
    for (const Graph::BadRef& bad : g_.bad_refs()) {
      if (bad.status != Graph::RefStatus::external) continue;
      const Ref& ref = *bad.ref;
      if (ref.kind != Ref::Kind::to && ref.kind != Ref::Kind::from) continue;
      const auto stub = stub_box_.find(ref.target);
      const int self = g_.find(bad.holder);
      if (stub == stub_box_.end() || self < 0 || box_of_item_[self] < 0) continue;
      int a = box_of_item_[self], b = stub->second;
      if (ref.kind == Ref::Kind::from) std::swap(a, b);
      if (!drawn.insert({a, b}).second) continue;
      const Box& from = out.boxes[a];
      const Box& to = out.boxes[b];
      const Item& holder = m_.items[self];
      const bool forward = ref.kind == Ref::Kind::to
                               ? link_goes_forward(holder.stage, holder.term, to.stage,
                                                   column_defs()[to.column].term)
                               : link_goes_forward(from.stage, column_defs()[from.column].term,
                                                   holder.stage, holder.term);
      add_edge(out, a, b, !forward);
    }
    auto box_named = [&](const std::string& id) {
      if (auto g = ghost_box_.find(id); g != ghost_box_.end()) return g->second;
      const int i = g_.find(id);
      return i >= 0 ? box_of_item_[i] : -1;
    };
    for (const auto& [from, to] : d_.ghost_links) {
      const int a = box_named(from), b = box_named(to);
      if (a < 0 || b < 0 || !drawn.insert({a, b}).second) continue;
      add_edge(out, a, b, false);
      out.edges.back().ghost = true;
      out.edges.back().highlight = d_.ghost;
    }
  }

  std::optional<Highlight> row_highlight(const std::string& id) const {
    if (id.empty()) return std::nullopt;
    if (auto h = d_.rows.find(id); h != d_.rows.end()) return h->second;
    return std::nullopt;
  }

  std::string row_marker(const std::string& id) const {
    if (id.empty()) return {};
    auto mk = d_.item_markers.find(id);
    return mk == d_.item_markers.end() ? std::string() : fmt::format(" ({})", mk->second);
  }

  void panel(Diagram& out) {
    if (!m_.assumptions.empty()) out.panel.push_back(BandRow{"", {}, "Assumptions", "", {}, true});
    for (std::size_t k = 0; k < m_.assumptions.size(); ++k) {
      const Assumption& a = m_.assumptions[k];
      BandRow row;
      row.tag = fmt::format("A{}", k + 1);
      row.pill = status_badge("", a.status);
      row.text = a.text.value + row_marker(a.id.value);
      row.note = a.about.empty() ? "About nothing yet" : "About: " + refs_text(a.about);
      row.highlight = row_highlight(a.id.value);
      out.panel.push_back(std::move(row));
    }
    if (!m_.factors.empty()) {
      out.panel.push_back(BandRow{"", {}, "External factors", "", {}, true});
    }
    for (std::size_t k = 0; k < m_.factors.size(); ++k) {
      const ExternalFactor& f = m_.factors[k];
      BandRow row;
      row.tag = fmt::format("E{}", k + 1);
      row.text = f.text.value + row_marker(f.id.value);
      row.note = f.affects.empty() ? "Affects nothing yet" : "Affects: " + refs_text(f.affects);
      row.highlight = row_highlight(f.id.value);
      out.panel.push_back(std::move(row));
    }
  }

  void findings(Diagram& out) {
    if (d_.findings.empty()) return;
    out.findings.push_back(BandRow{"", {}, "Findings", "", {}, true});
    for (const FindingNote& f : d_.findings) {
      BandRow row;
      row.tag = f.marker > 0 ? std::to_string(f.marker) : "–";
      row.pill = Badge{std::string(to_string(f.severity)), std::string(severity_fill(f.severity))};
      row.text = f.message;
      row.note = f.rule;
      out.findings.push_back(std::move(row));
    }
  }

  const Model& m_;
  const Graph& g_;
  const Decorations& d_;
  std::array<Column, kColumns.size()> columns_;
  std::vector<int> box_of_item_;
  std::map<std::string, int> ghost_box_;
  std::map<std::string, int, std::less<>> stub_box_;
  std::map<int, std::vector<Badge>> item_badges_;
  std::map<std::pair<int, int>, std::vector<Badge>> link_badges_;
  bool indicators_ = false;
};

}  // namespace

const std::array<ColumnDef, 7>& column_defs() {
  return kColumns;
}

int column_of(Stage stage, Term term) {
  for (std::size_t k = 0; k < kColumns.size(); ++k) {
    const ColumnDef& c = kColumns[k];
    if (c.stage != stage) continue;
    if (stage != Stage::outcome || c.term == (term == Term::none ? Term::medium_term : term)) {
      return static_cast<int>(k);
    }
  }
  return 0;
}

Badge status_badge(std::string tag, AssumptionStatus status) {
  std::string_view word, fill;
  switch (status) {
    case AssumptionStatus::untested: word = "○ untested", fill = "#FFFFFF"; break;
    case AssumptionStatus::testing: word = "◐ testing", fill = "#E8E8E8"; break;
    case AssumptionStatus::holds: word = "✓ holds", fill = "#CCEECC"; break;
    case AssumptionStatus::fails: word = "✗ fails", fill = "#FFBBBB"; break;
  }
  return Badge{tag.empty() ? std::string(word) : fmt::format("{} {}", tag, word),
               std::string(fill)};
}

Diagram build_diagram(const Model& model, const Graph& graph, const Decorations& decorations,
                      bool indicators, bool bands) {
  return Builder(model, graph, decorations).build(indicators, bands);
}

}  // namespace lmc::render

namespace lmc {

std::string indicator_text(const Indicator& ind) {
  std::string out = ind.label.value;
  std::string values;
  if (ind.baseline.present() && ind.target.present()) {
    values = ind.baseline.value + " → " + ind.target.value;
  } else if (ind.target.present()) {
    values = "target " + ind.target.value;
  } else if (ind.baseline.present()) {
    values = "baseline " + ind.baseline.value;
  }
  if (ind.due.present()) values += (values.empty() ? "by " : " by ") + ind.due.value;
  if (!values.empty()) out += ": " + values;
  return out;
}

}  // namespace lmc
