// SPDX-License-Identifier: Apache-2.0
// Model -> DOT: the one-page layout as Graphviz input. Columns are clusters of one rank each,
// the title block is the graph's label and the assumptions panel is the label of a cluster
// around the columns, so dot places all of them. Every user text goes through html() or
// quoted(); nothing a model says can become DOT or markup.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "lmc/graph.h"
#include "lmc/render.h"

namespace lmc {

namespace {

constexpr std::string_view kFont = "DejaVu Sans";
constexpr std::size_t kBoxCells = 24;    // characters a box line holds
constexpr std::size_t kPanelCells = 72;  // characters a panel line holds
constexpr std::size_t kTitleCells = 110;

// Tol's "light" scheme: pale enough for black text, distinct under colour-blindness.
constexpr std::array<std::string_view, 5> kStageFill = {"#DDDDDD", "#99DDFF", "#EEDD88", "#BBCC33",
                                                        "#EE8866"};
constexpr std::string_view kErrorColor = "#CC3311";
constexpr std::string_view kWarningColor = "#EE7733";

// Breaks text into lines of at most `width` cells, at spaces where it can and inside a word
// where it must. Line breaks in the text are kept.
std::vector<std::string> wrap(std::string_view text, std::size_t width) {
  std::vector<std::string> lines;
  std::string line, word;
  std::size_t line_cells = 0, word_cells = 0;
  auto flush_word = [&] {
    if (word.empty()) return;
    if (line_cells > 0 && line_cells + 1 + word_cells > width) {
      lines.push_back(std::move(line));
      line.clear();
      line_cells = 0;
    }
    if (line_cells > 0) {
      line += ' ';
      ++line_cells;
    }
    line += word;
    line_cells += word_cells;
    word.clear();
    word_cells = 0;
  };
  for (std::string_view cp : utf8_characters(text)) {
    if (cp == "\n" || cp == "\r") {
      flush_word();
      if (cp == "\n") {
        lines.push_back(std::move(line));
        line.clear();
        line_cells = 0;
      }
      continue;
    }
    if (cp == " " || cp == "\t") {
      flush_word();
      continue;
    }
    const auto w = static_cast<std::size_t>(std::max(display_width(decode_utf8(cp)), 0));
    if (word_cells + w > width) {  // a word longer than a line
      flush_word();
      lines.push_back(std::move(line));
      line.clear();
      line_cells = 0;
    }
    word += cp;
    word_cells += w;
  }
  flush_word();
  if (!line.empty() || lines.empty()) lines.push_back(std::move(line));
  return lines;
}

// Text for an HTML-like label: markup characters and backslashes escaped, so text is shown
// as written.
std::string html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      // Graphviz expands \G, \N and friends even in HTML-like labels; a doubled backslash
      // is one backslash.
      case '\\': out += "\\\\"; break;
      default: out += c;
    }
  }
  return out;
}

// Wrapped text for an HTML-like label, lines left-aligned.
std::string html_lines(std::string_view text, std::size_t width) {
  std::string out;
  for (const std::string& l : wrap(text, width)) {
    if (!out.empty()) out += "<BR ALIGN=\"LEFT\"/>";
    out += html(l);
  }
  return out + "<BR ALIGN=\"LEFT\"/>";
}

// Wrapped text for a box, centred.
std::string html_centred(std::string_view text, std::size_t width) {
  std::string out;
  for (const std::string& l : wrap(text, width)) {
    if (!out.empty()) out += "<BR/>";
    out += html(l);
  }
  return out;
}

// A DOT double-quoted string. `esc` also doubles backslashes for attributes Graphviz reads
// as escString (tooltip), where "\n" or "\N" would otherwise mean something.
std::string quoted(std::string_view text, bool esc = false) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') {
      out += "\\\"";
    } else if (c == '\\') {
      out += esc ? "\\\\\\\\" : "\\\\";
    } else if (c == '\n') {
      out += esc ? "\\n" : "\n";
    } else if (c != '\r') {
      out += c;
    }
  }
  return out + "\"";
}

struct Column {
  Stage stage;
  Term term;  // outcomes only; none elsewhere
  std::string name, title;
};

std::array<Column, 7> columns() {
  return {{{Stage::resource, Term::none, "resources", "Resources"},
           {Stage::activity, Term::none, "activities", "Activities"},
           {Stage::output, Term::none, "outputs", "Outputs"},
           {Stage::outcome, Term::short_term, "outcomes_short", "Outcomes: short term"},
           {Stage::outcome, Term::medium_term, "outcomes_medium", "Outcomes: medium term"},
           {Stage::outcome, Term::long_term, "outcomes_long", "Outcomes: long term"},
           {Stage::impact, Term::none, "impacts", "Impacts"}}};
}

bool in_column(const Item& it, const Column& c) {
  if (it.stage != c.stage) return false;
  if (it.stage != Stage::outcome) return true;
  return (it.term == Term::none ? Term::medium_term : it.term) == c.term;
}

std::string_view status_badge(AssumptionStatus s) {
  switch (s) {
    case AssumptionStatus::untested: return "<I>○ untested</I>";
    case AssumptionStatus::testing: return "<I>◐ testing</I>";
    case AssumptionStatus::holds: return "<B>✓ holds</B>";
    case AssumptionStatus::fails: return "<B>✗ fails</B>";
  }
  return "";
}

std::string_view status_fill(AssumptionStatus s) {
  switch (s) {
    case AssumptionStatus::untested: return "#FFFFFF";
    case AssumptionStatus::testing: return "#EEEEEE";
    case AssumptionStatus::holds: return "#DDEEDD";
    case AssumptionStatus::fails: return "#FFCCCC";
  }
  return "#FFFFFF";
}

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

class DotWriter {
 public:
  DotWriter(const Model& m, const Decorations& d) : m_(m), d_(d), g_(m) {}

  std::string write() {
    number_badges();
    out_ += "digraph \"logic model\" {\n";
    out_ += fmt::format(
        "  graph [charset=\"UTF-8\", rankdir=LR, newrank=true, nodesep=0.18, ranksep=0.55, "
        "fontname={0}, fontsize=11, labelloc=t, labeljust=l, margin=0, bgcolor=white,\n"
        "         label=<{1}>];\n",
        quoted(kFont), title_block());
    out_ += fmt::format(
        "  node [shape=box, style=\"rounded,filled\", fontname={0}, fontsize=10, width=1.9, "
        "height=0.45, margin=\"0.08,0.05\", color=\"#444444\", penwidth=1];\n"
        "  edge [color=\"#555555\", arrowsize=0.7, fontname={0}, fontsize=8, "
        "fontcolor=\"#333333\"];\n",
        quoted(kFont));
    const std::string panel = panel_table();
    out_ += "  subgraph cluster_page {\n    style=invis;\n";
    // Subgraphs inherit the graph's label: set this one's even when there is no panel.
    out_ += panel.empty() ? "    label=\"\";\n"
                          : fmt::format("    labelloc=b; labeljust=l; label=<{}>;\n", panel);
    std::vector<std::string> firsts;  // the first node of each column drawn, left to right
    for (const Column& c : columns()) write_column(c, firsts);
    out_ += "  }\n";
    // Invisible links keep the columns in order even where no link joins two of them.
    for (std::size_t k = 1; k < firsts.size(); ++k) {
      out_ += fmt::format("  {} -> {} [style=invis, weight=0];\n", firsts[k - 1], firsts[k]);
    }
    for (const Graph::Link& link : g_.links()) write_link(link);
    for (const auto& [from, to] : d_.ghost_links) {
      out_ += fmt::format("  {} -> {} [style=dashed, color=\"{}\", penwidth=2];\n", quoted(from),
                          quoted(to), d_.ghost.color);
    }
    out_ += "}\n";
    return std::move(out_);
  }

 private:
  std::string node_name(std::size_t i) const {
    const Item& it = m_.items[i];
    return it.id.value.empty() ? quoted(fmt::format("#{}", i)) : quoted(it.id.value);
  }

  // A1, A2, ... and E1, E2, ... in file order, attached to the items and links they name.
  void number_badges() {
    auto attach = [&](const std::vector<Ref>& refs, const std::string& badge) {
      for (const Ref& r : refs) {
        if (auto link = parse_link_ref(r.target)) {
          const int a = g_.find(link->first), b = g_.find(link->second);
          if (a >= 0 && b >= 0 && g_.has_link(a, b)) link_badges_[{a, b}].push_back(badge);
        } else if (const int i = g_.find(r.target); i >= 0) {
          item_badges_[i].push_back(badge);
        }
      }
    };
    for (std::size_t k = 0; k < m_.assumptions.size(); ++k) {
      attach(m_.assumptions[k].about, fmt::format("A{}", k + 1));
    }
    for (std::size_t k = 0; k < m_.factors.size(); ++k) {
      attach(m_.factors[k].affects, fmt::format("E{}", k + 1));
    }
  }

  std::string title_block() const {
    std::string rows = fmt::format(
        "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"18\"><B>{}</B></FONT></TD></TR>",
        html_centred(m_.title.value.empty() ? "Logic model" : m_.title.value, 60));
    std::vector<std::string> facts;
    if (m_.programme.present()) facts.push_back("Programme: " + m_.programme.value);
    if (m_.population.present()) facts.push_back("Population: " + m_.population.value);
    if (!facts.empty()) {
      rows += fmt::format("<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">{}</TD></TR>",
                          html_lines(join(facts, "  ·  "), kTitleCells));
    }
    if (m_.problem.present()) {
      rows += fmt::format("<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">{}</TD></TR>",
                          html_lines("Problem: " + m_.problem.value, kTitleCells));
    }
    std::vector<std::string> meta;
    if (m_.version.present()) meta.push_back("Version " + m_.version.value);
    if (m_.updated.present()) meta.push_back("Updated " + m_.updated.value);
    if (m_.owner.present()) meta.push_back("Owner: " + m_.owner.value);
    if (!meta.empty()) {
      rows += fmt::format(
          "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\" COLOR=\"#444444\">{}"
          "</FONT></TD></TR>",
          html_lines(join(meta, "  ·  "), kTitleCells));
    }
    if (!d_.key.empty()) {
      std::string key;
      for (const auto& [h, meaning] : d_.key) {
        key += fmt::format(
            "<TD BORDER=\"2\" COLOR=\"{}\" STYLE=\"{}\" WIDTH=\"18\" HEIGHT=\"10\"> </TD>"
            "<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">{}  </FONT></TD>",
            h.color, h.dashed ? "dashed" : "solid", html(meaning));
      }
      rows += fmt::format(
          "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" "
          "CELLPADDING=\"1\"><TR>{}</TR></TABLE></TD></TR>",
          key);
    }
    return fmt::format(
        "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">{}"
        "<TR><TD HEIGHT=\"8\"> </TD></TR></TABLE>",
        rows);
  }

  std::string panel_table() const {
    if (m_.assumptions.empty() && m_.factors.empty()) return {};
    std::string rows;
    if (!m_.assumptions.empty()) {
      rows += "<TR><TD COLSPAN=\"4\" BORDER=\"0\" ALIGN=\"LEFT\"><B>Assumptions</B></TD></TR>";
      for (std::size_t k = 0; k < m_.assumptions.size(); ++k) {
        const Assumption& a = m_.assumptions[k];
        std::string about =
            a.about.empty() ? "(about nothing yet)" : "About: " + refs_text(a.about);
        rows += fmt::format(
            "<TR><TD><B>A{}</B></TD><TD BGCOLOR=\"{}\">{}</TD>"
            "<TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">{}</TD><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">"
            "<FONT POINT-SIZE=\"9\">{}</FONT></TD></TR>",
            k + 1, status_fill(a.status), status_badge(a.status),
            html_lines(a.text.value, kPanelCells), html_lines(about, 40));
      }
    }
    if (!m_.factors.empty()) {
      rows += "<TR><TD COLSPAN=\"4\" BORDER=\"0\" ALIGN=\"LEFT\"><B>External factors</B></TD></TR>";
      for (std::size_t k = 0; k < m_.factors.size(); ++k) {
        const ExternalFactor& f = m_.factors[k];
        std::string affects =
            f.affects.empty() ? "(affects nothing yet)" : "Affects: " + refs_text(f.affects);
        rows += fmt::format(
            "<TR><TD><B>E{}</B></TD><TD COLSPAN=\"2\" ALIGN=\"LEFT\" BALIGN=\"LEFT\">{}</TD>"
            "<TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">{}</FONT></TD></TR>",
            k + 1, html_lines(f.text.value, kPanelCells + 14), html_lines(affects, 40));
      }
    }
    return fmt::format(
        "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"3\" "
        "COLOR=\"#999999\"><TR><TD COLSPAN=\"4\" BORDER=\"0\" HEIGHT=\"6\"> </TD></TR>{}</TABLE>",
        rows);
  }

  void write_column(const Column& c, std::vector<std::string>& firsts) {
    std::vector<std::size_t> members;
    for (std::size_t i = 0; i < m_.items.size(); ++i) {
      const Item& it = m_.items[i];
      // A second item with an id already used is duplicate-id's finding; draw the first.
      if (!it.id.value.empty() && g_.find(it.id.value) != static_cast<int>(i)) continue;
      if (in_column(it, c)) members.push_back(i);
    }
    std::vector<const GhostItem*> ghosts;
    for (const GhostItem& ghost : d_.ghost_items) {
      if (ghost.stage == c.stage &&
          (c.stage != Stage::outcome ||
           (ghost.term == Term::none ? Term::medium_term : ghost.term) == c.term)) {
        ghosts.push_back(&ghost);
      }
    }
    if (members.empty() && ghosts.empty()) return;
    firsts.push_back(members.empty() ? quoted(ghosts.front()->id) : node_name(members.front()));
    out_ += fmt::format(
        "    subgraph cluster_{} {{\n      label=<<B>{}</B>>; labelloc=t; labeljust=c; "
        "fontsize=12; style=\"rounded,filled\"; fillcolor=\"#F7F7F7\"; color=\"#DDDDDD\";\n",
        c.name, html(c.title));
    const auto fill = kStageFill[static_cast<int>(c.stage)];
    std::string same = "      {rank=same;";
    for (std::size_t i : members) {
      write_item(i, fill);
      same += fmt::format(" {};", node_name(i));
    }
    for (const GhostItem* ghost : ghosts) {
      out_ += fmt::format(
          "      {} [label=<{}>, style=\"rounded,dashed\", color=\"{}\", penwidth=2, "
          "fontcolor=\"#666666\", fillcolor=white, class=\"removed\"];\n",
          quoted(ghost->id), html_centred(ghost->label, kBoxCells), d_.ghost.color);
      same += fmt::format(" {};", quoted(ghost->id));
    }
    out_ += same + "}\n    }\n";
  }

  void write_item(std::size_t i, std::string_view fill) {
    const Item& it = m_.items[i];
    std::string label =
        html_centred(it.label.value.empty() ? it.id.value : it.label.value, kBoxCells);
    if (auto b = item_badges_.find(static_cast<int>(i)); b != item_badges_.end()) {
      label += fmt::format("<BR/><FONT POINT-SIZE=\"8\" COLOR=\"#222222\"><B>{}</B></FONT>",
                           html(join(b->second, " ")));
    }
    std::string attrs = fmt::format("label=<{}>, fillcolor=\"{}\", class=\"{}\"", label, fill,
                                    stage_name(it.stage));
    if (!it.id.value.empty()) attrs += fmt::format(", id={}", quoted("item-" + it.id.value));
    const std::string& tip = it.detail.present() ? it.detail.value : it.label.value;
    if (!tip.empty()) attrs += ", tooltip=" + quoted(tip, true);
    if (auto h = d_.items.find(it.id.value); h != d_.items.end() && !it.id.value.empty()) {
      attrs += fmt::format(", color=\"{}\", penwidth=3, style=\"{}\"", h->second.color,
                           h->second.dashed ? "rounded,filled,dashed" : "rounded,filled");
    }
    out_ += fmt::format("      {} [{}];\n", node_name(i), attrs);
  }

  void write_link(const Graph::Link& link) {
    std::vector<std::string> attrs;
    if (auto b = link_badges_.find({link.from, link.to}); b != link_badges_.end()) {
      attrs.push_back(fmt::format("label=<<B>{}</B>>", html(join(b->second, " "))));
    }
    const auto key = std::pair{m_.items[link.from].id.value, m_.items[link.to].id.value};
    if (auto h = d_.links.find(key); h != d_.links.end()) {
      attrs.push_back(fmt::format("color=\"{}\", penwidth=2.5{}", h->second.color,
                                  h->second.dashed ? ", style=dashed" : ""));
    }
    out_ += fmt::format("  {} -> {}{};\n", node_name(link.from), node_name(link.to),
                        attrs.empty() ? "" : " [" + join(attrs, ", ") + "]");
  }

  const Model& m_;
  const Decorations& d_;
  Graph g_;
  std::map<int, std::vector<std::string>> item_badges_;
  std::map<std::pair<int, int>, std::vector<std::string>> link_badges_;
  std::string out_;
};

}  // namespace

Decorations annotate_findings(const std::vector<Diagnostic>& findings) {
  Decorations d;
  bool errors = false, warnings = false;
  for (const Diagnostic& f : findings) {
    if (f.item.empty() || f.severity == Severity::info) continue;
    Highlight& h = d.items[f.item];
    if (f.severity == Severity::error) {
      h = Highlight{std::string(kErrorColor), false};
      errors = true;
    } else if (h.color.empty()) {
      h = Highlight{std::string(kWarningColor), true};
      warnings = true;
    }
  }
  if (errors) d.key.emplace_back(Highlight{std::string(kErrorColor), false}, "has an error");
  if (warnings) d.key.emplace_back(Highlight{std::string(kWarningColor), true}, "has a warning");
  return d;
}

std::string to_dot(const Model& model, const Decorations& decorations) {
  return DotWriter(model, decorations).write();
}

}  // namespace lmc
