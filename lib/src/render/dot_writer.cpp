// SPDX-License-Identifier: Apache-2.0
// Placed diagram -> DOT for Graphviz's nop2 layout: every node has its position and size, every
// edge its route, so Graphviz only draws. Every user text goes through html() or dot_quoted();
// nothing a model says can become DOT or markup.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "lmc/graph.h"
#include "lmc/render.h"
#include "render/diagram.h"
#include "render/layout.h"
#include "render/text_metrics.h"

namespace lmc {

namespace {

using render::Badge;
using render::Diagram;
using render::Placed;
using render::Rect;
using render::RowBlock;

constexpr std::string_view kFont = "DejaVu Sans";
constexpr std::string_view kErrorColor = "#CC3311";
constexpr std::string_view kWarningColor = "#EE7733";
constexpr std::string_view kInfoColor = "#0077BB";
constexpr std::string_view kMemoTag = "lmc-layout/1 [";

// Text for an HTML-like label: markup characters and backslashes escaped, so text is shown
// as written.
// Control characters are shown escaped ("\x1b"): XML cannot carry them, and Graphviz's
// parser of HTML-like labels stops at them.
std::string html(std::string_view raw) {
  const std::string text = printable(raw);
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

std::string html_lines(const std::vector<std::string>& lines, std::string_view br = "<BR/>") {
  std::string out;
  for (const std::string& l : lines) {
    if (!out.empty()) out += br;
    out += html(l);
  }
  return out.empty() ? " " : out;
}

// A DOT double-quoted string. `esc` is for user text in attributes Graphviz reads as
// escString (tooltip): backslashes doubled again, where "\n" or "\N" would otherwise mean
// something; ampersands escaped, since Graphviz decodes entities there ("&#x41;" would show
// as "A", "&#xD800;" would make the SVG invalid); control characters shown escaped.
std::string dot_quoted(std::string_view raw, bool esc = false) {
  const std::string text = esc ? printable(raw, true) : std::string(raw);
  std::string out = "\"";
  for (char c : text) {
    if (esc && c == '&') {
      out += "&amp;";
    } else if (esc && c == '\t') {
      out += ' ';
    } else if (c == '"') {
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

std::string num(double v) {
  std::string s = fmt::format("{:.2f}", v);
  if (s == "-0.00") s = "0.00";
  return s;
}

class DotWriter {
 public:
  DotWriter(const Diagram& d, const Placed& p) : d_(d), p_(p) {}

  std::string write() {
    out_ += fmt::format("// {}{}]\n", kMemoTag, memo());
    out_ += "digraph \"logic model\" {\n";
    out_ += fmt::format(
        "  graph [charset=\"UTF-8\", outputorder=nodesfirst, bgcolor=white, pad=0, margin=0, "
        "fontname={}, lmc_page=\"{},{}\"];\n",
        dot_quoted(kFont), num(p_.page.width), num(p_.page.height));
    out_ += fmt::format(
        "  node [fontname={0}, fixedsize=true, margin=0, penwidth=1, color=\"#444444\"];\n"
        "  edge [fontname={0}, color=\"#555555\", arrowsize={1}, penwidth={2}];\n",
        dot_quoted(kFont), num(p_.s.arrow() / 10), num(std::max(0.8, p_.s.f / 10)));
    // Corner points make the drawing exactly the page.
    out_ += fmt::format(
        "  \"lmc:corner:0\" [pos=\"0.36,0.36!\", width=0.01, height=0.01, style=invis, "
        "label=\"\"];\n  \"lmc:corner:1\" [pos=\"{},{}!\", width=0.01, height=0.01, "
        "style=invis, label=\"\"];\n",
        num(p_.page.width - 0.36), num(p_.page.height - 0.36));
    title();
    for (std::size_t k = 0; k < d_.columns.size(); ++k) column(k);
    for (const render::Header& h : p_.headers) header(h);
    for (std::size_t b = 0; b < d_.boxes.size(); ++b) box(b);
    rows(p_.panel, d_.panel, "panel");
    rows(p_.findings, d_.findings, "findings");
    for (std::size_t e = 0; e < d_.edges.size(); ++e) edge(e);
    out_ += "}\n";
    return std::move(out_);
  }

 private:
  std::string memo() const {
    std::string out;
    for (const auto& column : render::order_ids(d_)) {
      if (!out.empty()) out += " |";
      for (const std::string& id : column) out += " " + id;
    }
    return out.empty() ? out : out + " ";
  }

  // pos, width and height of a node filling `r` (top-left page coordinates, y down).
  std::string geometry(const Rect& r) const {
    return fmt::format("pos=\"{},{}!\", width={:.4f}, height={:.4f}", num(r.cx()),
                       num(p_.page.height - r.cy()), r.w / 72, r.h / 72);
  }

  // A badge in a table cell; a line break in its text breaks the line.
  // A text block's node a little taller than its estimate, so Graphviz's own measure of the
  // table always fits (the table is centred in it).
  static Rect padded(const Rect& r) { return Rect{r.x, r.y - 2, r.w, r.h * 1.06 + 4}; }

  std::string pill(const Badge& b, double size) const {
    std::string text;
    std::size_t from = 0;
    for (std::size_t at; (at = b.text.find('\n', from)) != std::string::npos; from = at + 1) {
      text += html(std::string_view(b.text).substr(from, at - from)) + "<BR/>";
    }
    text += html(std::string_view(b.text).substr(from));
    return fmt::format(
        "<TD BGCOLOR=\"{}\" COLOR=\"#555555\"><FONT POINT-SIZE=\"{}\"><B>{}</B>"
        "</FONT></TD>",
        b.fill.empty() ? "#FFFFFF" : b.fill, num(size), text);
  }

  void title() {
    const auto& s = p_.s;
    std::string rows = fmt::format(
        "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"{}\"><B>{}</B></FONT></TD>"
        "</TR>",
        num(s.title()), html_lines(p_.title_lines));
    for (const auto& lines : p_.fact_lines) {
      rows += fmt::format(
          "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"{}\" COLOR=\"#333333\">{}"
          "</FONT></TD></TR>",
          num(s.facts()), html_lines(lines));
    }
    if (!d_.key.empty()) {
      std::string key;
      for (const auto& [h, meaning] : d_.key) {
        key += fmt::format(
            "<TD BORDER=\"2\" COLOR=\"{}\" STYLE=\"{}\" FIXEDSIZE=\"TRUE\" WIDTH=\"{}\" "
            "HEIGHT=\"{}\"></TD><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"{}\">{}  </FONT></TD>",
            h.color, h.dashed ? "dashed" : "solid", static_cast<int>(s.f * 1.8),
            static_cast<int>(s.small()), num(s.small()), html(meaning));
      }
      rows += fmt::format(
          "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" "
          "CELLPADDING=\"0\"><TR>{}</TR></TABLE></TD></TR>",
          key);
    }
    out_ += fmt::format(
        "  \"lmc:title\" [shape=plaintext, {}, class=\"title\", label=<<TABLE BORDER=\"0\" "
        "CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\" WIDTH=\"{}\">{}</TABLE>>];\n",
        geometry(padded(p_.title)), static_cast<int>(p_.title.w), rows);
  }

  void column(std::size_t k) {
    const render::Column& c = d_.columns[k];
    out_ += fmt::format(
        "  \"lmc:band:{0}\" [shape=box, style=\"rounded,filled\", fillcolor=\"#F7F7F7\", "
        "color=\"#DDDDDD\", label=\"\", {1}, class=\"band\", id=\"band-{0}\"];\n",
        c.key, geometry(p_.bands[k]));
  }

  void header(const render::Header& h) {
    const auto fill = kStageFill[static_cast<int>(h.stage)];
    out_ += fmt::format(
        "  \"lmc:{5}:{0}\" [shape=box, style=\"filled\", fillcolor=\"{1}\", color=\"{1}\", "
        "fontsize={2}, {3}, class=\"{5}\", id=\"{5}-{0}\", label=<<B>{4}</B>>];\n",
        h.key, fill, num(h.sub ? p_.s.subheader() : p_.s.header()), geometry(h.rect),
        html_lines(h.lines), h.sub ? "subheader" : "header");
  }

  void box(std::size_t i) {
    const render::Box& b = d_.boxes[i];
    const render::BoxText& t = p_.box_text[i];
    const auto& s = p_.s;
    std::string rows = fmt::format("<TR><TD>{}</TD></TR>", html_lines(t.label));
    if (!t.note.empty()) {
      rows += fmt::format(
          "<TR><TD><FONT POINT-SIZE=\"{}\" COLOR=\"#333333\"><I>{}</I></FONT></TD></TR>",
          num(s.small()), html_lines(t.note));
    }
    if (!t.indicators.empty()) {
      rows += fmt::format("<TR><TD HEIGHT=\"{}\"></TD></TR>", static_cast<int>(s.f * 0.3));
      for (const render::IndicatorText& ind : t.indicators) {
        const auto& first = ind.lines;
        const auto& was = ind.was;
        rows += fmt::format(
            "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"{}\">{}</FONT></TD></TR>",
            num(s.small()), html_lines(first));
        if (!was.empty()) {
          rows += fmt::format(
              "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"{}\" COLOR=\"#994400\">"
              "<I>{}</I></FONT></TD></TR>",
              num(s.small()), html_lines(was));
        }
        if (!ind.result.empty()) {
          // The status in words and a symbol, in bold: never colour alone.
          rows += fmt::format(
              "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"{}\"><B>{}</B></FONT>"
              "</TD></TR>",
              num(s.small()), html_lines(ind.result));
        }
      }
    }
    if (!t.badge_lines.empty()) {
      rows += fmt::format("<TR><TD HEIGHT=\"{}\"></TD></TR>", static_cast<int>(s.f * 0.3));
      for (const auto& line : t.badge_lines) {
        std::string cells;
        double width = 4;
        for (int k : line) {
          cells += pill(b.badges[k], s.small());
          width += render::pill_width(s, b.badges[k]) + 2;
        }
        // Fixed, or Graphviz stretches the pills to the box's width.
        rows += fmt::format(
            "<TR><TD><TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"2\" CELLPADDING=\"1\" "
            "FIXEDSIZE=\"TRUE\" WIDTH=\"{}\" HEIGHT=\"{}\"><TR>{}</TR></TABLE></TD></TR>",
            static_cast<int>(std::ceil(width)), static_cast<int>(std::ceil(s.pill_h() + 4)), cells);
      }
    }
    std::string style = b.ghost  ? "rounded,dashed"
                        : b.stub ? "rounded,dashed,filled"
                                 : "rounded,filled";
    std::string attrs = fmt::format(
        "shape=box, fontsize={}, {}, fillcolor=\"{}\", class=\"{}\", label=<<TABLE BORDER=\"0\" "
        "CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\">{}</TABLE>>",
        num(s.f), geometry(p_.boxes[i]),
        b.ghost  ? "white"
        : b.stub ? "#FAFAFA"
                 : std::string(kStageFill[static_cast<int>(b.stage)]),
        b.ghost  ? "box removed"
        : b.stub ? fmt::format("box stub {} {}", stage_name(b.stage), d_.columns[b.column].key)
                 : fmt::format("box {} {}", stage_name(b.stage), d_.columns[b.column].key),
        rows);
    if (!b.id.empty())
      attrs += fmt::format(", id={}", dot_quoted((b.ghost ? "removed-" : "item-") + b.id));
    if (!b.tooltip.empty()) attrs += ", tooltip=" + dot_quoted(b.tooltip, true);
    if (b.ghost) attrs += ", fontcolor=\"#666666\"";
    if (b.stub) attrs += ", color=\"#777777\"";
    if (!b.href.empty()) attrs += ", URL=" + dot_quoted(b.href, true) + ", target=\"_top\"";
    if (b.page > 0) attrs += fmt::format(", lmc_goto=\"{}\"", b.page);
    if (b.highlight) {
      attrs += fmt::format(", color=\"{}\", penwidth={}", b.highlight->color,
                           num(std::max(2.0, s.f / 4)));
      if (b.highlight->dashed && !b.ghost) style += ",dashed";
    }
    out_ += fmt::format("  {} [{}, style=\"{}\"];\n", dot_quoted(b.node), attrs, style);
    if (b.marker > 0) {
      const double size = s.small() * 1.7;
      const Rect& r = p_.boxes[i];
      const Rect m{r.x + r.w - size * 0.6, r.y - size * 0.4, size, size};
      out_ += fmt::format(
          "  \"lmc:marker:{}\" [shape=circle, style=filled, fillcolor=\"{}\", color=white, "
          "fontcolor=white, fontsize={}, {}, class=\"marker\", label=<<B>{}</B>>];\n",
          b.node, b.highlight ? b.highlight->color : std::string(kInfoColor), num(s.small()),
          geometry(m), b.marker);
    }
  }

  void rows(const std::vector<RowBlock>& blocks, const std::vector<render::BandRow>& all,
            std::string_view name) {
    const double size = p_.s.band();
    for (std::size_t k = 0; k < blocks.size(); ++k) {
      const RowBlock& b = blocks[k];
      std::string rows;
      for (std::size_t j = 0; j < b.rows.size(); ++j) {
        const render::BandRow& r = all[b.rows[j]];
        if (r.heading) {
          rows +=
              fmt::format("<TR><TD COLSPAN=\"4\" ALIGN=\"LEFT\" HEIGHT=\"{}\"><B>{}</B></TD></TR>",
                          static_cast<int>(render::line_height(size) + size * 0.5), html(r.text));
          continue;
        }
        std::string text_cell_attrs;
        if (r.highlight) {
          text_cell_attrs =
              fmt::format(" BORDER=\"2\" COLOR=\"{}\" STYLE=\"{}\"", r.highlight->color,
                          r.highlight->dashed ? "dashed" : "solid");
        }
        rows += fmt::format(
            "<TR><TD ALIGN=\"LEFT\" VALIGN=\"TOP\" WIDTH=\"{}\"><B>{}</B></TD>{}"
            "<TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" VALIGN=\"TOP\" WIDTH=\"{}\"{}>{}</TD>"
            "<TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" VALIGN=\"TOP\" WIDTH=\"{}\"><FONT "
            "POINT-SIZE=\"{}\" "
            "COLOR=\"#444444\">{}</FONT></TD></TR>",
            static_cast<int>(b.tag_w), html(r.tag),
            b.pill_w > 0
                ? fmt::format("<TD VALIGN=\"TOP\" WIDTH=\"{}\"><TABLE BORDER=\"0\" "
                              "CELLBORDER=\"1\" CELLPADDING=\"1\" CELLSPACING=\"0\">"
                              "<TR>{}</TR></TABLE></TD>",
                              static_cast<int>(b.pill_w),
                              r.pill ? pill(*r.pill, p_.s.band_small()) : "<TD BORDER=\"0\"> </TD>")
                : std::string(),
            static_cast<int>(b.text_w), text_cell_attrs, html_lines(b.text_lines[j]),
            static_cast<int>(b.note_w), num(p_.s.band_small()), html_lines(b.note_lines[j]));
      }
      out_ += fmt::format(
          "  \"lmc:{}:{}\" [shape=plaintext, fontsize={}, {}, class=\"{}\", label=<<TABLE "
          "BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">{}</TABLE>>];\n",
          name, k, num(size), geometry(padded(b.rect)), name, rows);
    }
  }

  void edge(std::size_t e) {
    const render::Edge& edge = d_.edges[e];
    const render::Route& r = p_.routes[e];
    const render::Box& a = d_.boxes[edge.from];
    const render::Box& b = d_.boxes[edge.to];
    const double h = p_.page.height;
    std::string pos = fmt::format("e,{},{}", num(r.tip.x), num(h - r.tip.y));
    for (const render::Point& pt : r.points) pos += fmt::format(" {},{}", num(pt.x), num(h - pt.y));
    std::vector<std::string> attrs = {"pos=\"" + pos + "\""};
    std::string cls = "link";
    if (edge.misordered) cls += " misordered";
    if (edge.ghost) cls += " removed";
    attrs.push_back(fmt::format("class=\"{}\"", cls));
    if (!a.id.empty() && !b.id.empty()) {
      attrs.push_back(fmt::format("id={}", dot_quoted(fmt::format("link.{}.{}", a.id, b.id))));
    }
    std::string color;
    bool dashed = edge.misordered || edge.ghost;
    if (edge.misordered) color = std::string(kErrorColor);
    if (edge.highlight) {
      color = edge.highlight->color;
      dashed = dashed || edge.highlight->dashed;
      attrs.push_back(fmt::format("penwidth={}", num(std::max(1.8, p_.s.f / 4.5))));
    }
    if (!color.empty()) attrs.push_back(fmt::format("color=\"{}\"", color));
    if (dashed) attrs.push_back("style=dashed");
    if (r.label) {
      // Each cell the size the layout measured, so the badge stands exactly where it was
      // placed: a pill a badge ("A1 ○" over "untested"), and the finding's marker.
      const double w = std::floor(r.label->w - 2);
      auto sized = [&](std::string cell, double height) {
        return "<TR>" +
               cell.replace(0, 4,
                            fmt::format("<TD FIXEDSIZE=\"TRUE\" WIDTH=\"{}\" HEIGHT=\"{}\" ",
                                        static_cast<int>(w), static_cast<int>(height))) +
               "</TR>";
      };
      std::string cells;
      for (const Badge& badge : edge.badges) {
        const auto lines = render::link_badge_lines(badge, r.compact_label);
        const Badge two_lines{fmt::format("{}", fmt::join(lines, "\n")), badge.fill};
        cells += sized(pill(two_lines, p_.s.tiny()),
                       render::line_height(p_.s.tiny()) * static_cast<double>(lines.size()) + 4);
      }
      if (edge.marker > 0) {
        cells += sized(fmt::format("<TD BGCOLOR=\"{}\" COLOR=\"#555555\"><FONT POINT-SIZE=\"{}\" "
                                   "COLOR=\"white\"><B>{}</B></FONT></TD>",
                                   edge.highlight ? edge.highlight->color : std::string(kInfoColor),
                                   num(p_.s.tiny()), edge.marker),
                       render::line_height(p_.s.tiny()) + 4);
      }
      attrs.push_back(fmt::format(
          "label=<<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"1\" "
          "BGCOLOR=\"white\">{}</TABLE>>, lp=\"{},{}\"",
          cells, num(r.label->cx()), num(h - r.label->cy())));
    }
    out_ += fmt::format("  {} -> {} [{}];\n", dot_quoted(a.node), dot_quoted(b.node),
                        fmt::join(attrs, ", "));
  }

  // Tol's "light" scheme: pale enough for black text, distinct under colour-blindness.
  static constexpr std::array<std::string_view, 5> kStageFill = {"#DDDDDD", "#99DDFF", "#EEDD88",
                                                                 "#BBCC33", "#EE8866"};

  const Diagram& d_;
  const Placed& p_;
  std::string out_;
};

using RefPlaces =
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::pair<std::string, std::string>>;

// The link a finding is about, when its span is a reference written in a `to` or `from`.
std::optional<std::pair<std::string, std::string>> finding_link(const RefPlaces& ref_at,
                                                                const Diagnostic& d) {
  auto it = ref_at.find({d.span.line, d.span.column});
  if (it == ref_at.end()) return std::nullopt;
  return it->second;
}

}  // namespace

Decorations annotate_findings(const Model& model, const std::vector<Diagnostic>& findings) {
  return annotate_findings(model, Graph(model), findings);
}

Decorations annotate_findings(const Model& model, const Graph& graph,
                              const std::vector<Diagnostic>& findings) {
  Decorations d;
  // Where each `to`/`from` reference is written, and the link it makes.
  RefPlaces ref_at;
  for (const Item& it : model.items) {
    if (it.id.value.empty()) continue;
    for (const Ref& r : it.links) {
      if (r.target.empty() || graph.find(r.target) < 0) continue;
      ref_at[{r.span.line, r.span.column}] = r.kind == Ref::Kind::from
                                                 ? std::pair{r.target, it.id.value}
                                                 : std::pair{it.id.value, r.target};
    }
  }
  std::set<std::string> row_ids;
  for (const Assumption& a : model.assumptions) row_ids.insert(a.id.value);
  for (const ExternalFactor& f : model.factors) row_ids.insert(f.id.value);
  const Highlight error{std::string(kErrorColor), false}, warning{std::string(kWarningColor), true},
      info{std::string(kInfoColor), true};
  bool errors = false, warnings = false, infos = false;
  int next = 0;
  auto mark = [&](Highlight& h, Severity s) {
    const Highlight& want = s == Severity::error ? error : s == Severity::warning ? warning : info;
    const int rank = s == Severity::error ? 3 : s == Severity::warning ? 2 : 1;
    const int have = h.color == error.color     ? 3
                     : h.color == warning.color ? 2
                     : h.color.empty()          ? 0
                                                : 1;
    if (rank > have) h = want;
    errors |= s == Severity::error;
    warnings |= s == Severity::warning;
    infos |= s == Severity::info;
  };
  for (const Diagnostic& f : findings) {
    int marker = 0;
    if (auto link = finding_link(ref_at, f)) {
      auto [it, added] = d.link_markers.emplace(*link, next + 1);
      if (added) ++next;
      marker = it->second;
      mark(d.links[*link], f.severity);
    } else if (!f.item.empty() && (graph.find(f.item) >= 0 || row_ids.count(f.item))) {
      auto [it, added] = d.item_markers.emplace(f.item, next + 1);
      if (added) ++next;
      marker = it->second;
      if (graph.find(f.item) >= 0) {
        mark(d.items[f.item], f.severity);
      } else {
        mark(d.rows[f.item], f.severity);
      }
    }
    d.findings.push_back(FindingNote{marker, f.severity, f.rule, f.message});
  }
  if (errors) d.key.emplace_back(error, "has an error");
  if (warnings) d.key.emplace_back(warning, "has a warning");
  if (infos) d.key.emplace_back(info, "has a note");
  return d;
}

std::optional<std::string> too_large_to_draw(const Model& model,
                                             const std::vector<StubItem>& stubs) {
  const auto& columns = render::column_defs();
  std::vector<std::size_t> counts(columns.size(), 0);
  for (const Item& it : model.items) ++counts[render::column_of(it.stage, it.term)];
  for (const StubItem& stub : stubs) ++counts[render::column_of(stub.stage, stub.term)];
  const auto most = std::max_element(counts.begin(), counts.end());
  if (*most <= kMaxColumnBoxes) return std::nullopt;
  const auto& column = columns[static_cast<std::size_t>(most - counts.begin())];
  const Span at = model.section_spans[static_cast<int>(column.stage)];
  return fmt::format(
      "{}:{}:{}: the {} column has {} boxes; lmc lays out up to {} in a column (a legible page "
      "holds about 60): split the model into work streams, each a model of its own that a box "
      "names with `model:`",
      model.path, at.known() ? at.line : 1, at.known() ? at.column : 1, column.title, *most,
      kMaxColumnBoxes);
}

std::string to_dot(const Model& model, const Decorations& decorations,
                   const DiagramOptions& options) {
  if (too_large_to_draw(model, decorations.stubs)) return {};
  return to_dot(model, Graph(model), decorations, options);
}

std::string to_dot(const Model& model, const Graph& graph, const Decorations& decorations,
                   const DiagramOptions& options) {
  if (too_large_to_draw(model, decorations.stubs)) return {};
  Diagram diagram =
      render::build_diagram(model, graph, decorations, options.indicators, options.bands);
  render::order_columns(diagram, options.previous_order);
  std::string limit;
  int limit_column = -1;
  render::BadgeRoom badge_room;
  const double f = render::fit_text_size(diagram, options.page, options.fitted ? &limit : nullptr,
                                         &limit_column, &badge_room);
  if (options.fitted) {
    options.fitted->text_size = f;
    options.fitted->limit = limit;
    if (limit_column >= 0) {
      options.fitted->limit_span =
          model.section_spans[static_cast<int>(diagram.columns[limit_column].stage)];
    }
  }
  const Placed placed = render::place(diagram, options.page, f, badge_room);
  return DotWriter(diagram, placed).write();
}

std::vector<std::vector<std::string>> read_layout_memo(std::string_view drawing) {
  std::vector<std::vector<std::string>> out;
  const auto at = drawing.find(kMemoTag);
  if (at == std::string_view::npos) return out;
  const auto end = drawing.find(']', at);
  if (end == std::string_view::npos || end - at > (1u << 22)) return out;
  std::string_view body = drawing.substr(at + kMemoTag.size(), end - at - kMemoTag.size());
  out.emplace_back();
  std::size_t k = 0;
  while (k < body.size()) {
    while (k < body.size() && body[k] == ' ') ++k;
    std::size_t j = k;
    while (j < body.size() && body[j] != ' ') ++j;
    if (j == k) break;
    std::string_view word = body.substr(k, j - k);
    if (word == "|") {
      out.emplace_back();
    } else {
      out.back().emplace_back(word);
    }
    k = j;
  }
  return out;
}

}  // namespace lmc

std::string_view lmc::render::layout_memo_tag() {
  return kMemoTag;
}
