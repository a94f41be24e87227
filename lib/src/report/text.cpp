// SPDX-License-Identifier: Apache-2.0
#include <fmt/format.h>

#include <map>

#include "lmc/report.h"
#include "lmc/rules.h"

namespace lmc {

namespace {

struct Palette {
  const char* bold = "";
  const char* reset = "";
  const char* error = "";
  const char* warning = "";
  const char* info = "";
  const char* caret = "";
  const char* dim = "";
};

Palette palette(bool color) {
  if (!color) return {};
  return Palette{"\x1b[1m",    "\x1b[0m",    "\x1b[1;31m", "\x1b[1;35m",
                 "\x1b[1;36m", "\x1b[1;32m", "\x1b[2m"};
}

const char* severity_color(const Palette& p, Severity s) {
  switch (s) {
    case Severity::error: return p.error;
    case Severity::warning: return p.warning;
    case Severity::info: return p.info;
  }
  return p.error;
}

// How much of a long line an excerpt shows, in terminal cells, and how much of it before the
// caret: enough to read the finding in context, never a megabyte of one-line YAML.
constexpr std::size_t kExcerptCells = 150;
constexpr std::size_t kExcerptBefore = 60;

void write_excerpt(std::ostream& out, const SourceText& source, Span span, const Palette& p) {
  const std::string_view line = source.line(span.line);
  if (line.empty() && span.line > source.line_count()) return;
  const std::string gutter(fmt::formatted_size("{}", span.line), ' ');
  const std::size_t col = span.column - 1;
  const std::size_t len = std::max<std::size_t>(span.length, 1);
  // Only the characters of a window around the caret are looked at closely, so a finding on a
  // line of a megabyte costs no more than one on a short line.
  const std::size_t lo = col > kExcerptBefore ? col - kExcerptBefore : 0;
  const std::size_t hi = lo + kExcerptCells + 1;  // one more, to know whether the line goes on
  std::vector<std::string_view> chars;
  std::size_t index = 0;
  for (std::size_t at = 0; at < line.size() && index < hi; ++index) {
    const auto c = static_cast<unsigned char>(line[at]);
    std::size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
    n = std::min(n, line.size() - at);
    if (index >= lo) chars.push_back(line.substr(at, n));
    at += n;
  }
  // Each character as shown: a tab as one space (so the caret lines up whatever the tab
  // width), a control character escaped, and how many cells it takes.
  struct Cell {
    std::string text;
    std::size_t width;
  };
  std::vector<Cell> cells;
  for (std::string_view ch : chars) {
    if (ch == "\t") {
      cells.push_back({" ", 1});
      continue;
    }
    std::string shown = printable(ch);
    const std::size_t w = shown.size() == ch.size()
                              ? static_cast<std::size_t>(display_width(decode_utf8(ch)))
                              : shown.size();
    cells.push_back({std::move(shown), w});
  }
  // Cells before the caret (relative to the window), and the window cut to kExcerptCells.
  const std::size_t caret = std::min(col - lo, cells.size());
  std::size_t first = 0, before = 0;
  for (std::size_t i = 0; i < caret; ++i) before += cells[i].width;
  while (before > kExcerptBefore && first < caret) before -= cells[first++].width;
  std::size_t last = first, used = 0;
  while (last < cells.size() && used + cells[last].width <= kExcerptCells) {
    used += cells[last++].width;
  }
  const bool cut_left = lo + first > 0;
  const bool cut_right = last < cells.size();
  std::string text = cut_left ? "…" : "";
  std::string pad(cut_left ? 1 : 0, ' ');
  for (std::size_t i = first; i < last; ++i) text += cells[i].text;
  if (cut_right) text += "…";
  for (std::size_t i = first; i < caret && i < last; ++i) pad.append(cells[i].width, ' ');
  if (col > lo + cells.size()) pad.append(col - lo - cells.size(), ' ');
  std::size_t width = 0;
  for (std::size_t i = caret; i < caret + len && i < last; ++i) width += cells[i].width;
  if (width == 0) width = 1;
  out << fmt::format(" {}{} |{} {}\n", p.dim, span.line, p.reset, text);
  out << fmt::format(" {}{} |{} {}{}^{}{}\n", p.dim, gutter, p.reset, pad, p.caret,
                     std::string(width - 1, '~'), p.reset);
}

std::string plural(int n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

}  // namespace

std::string summary_line(std::size_t models, const Summary& s) {
  const std::string checked = plural(static_cast<int>(models), "model", "models");
  if (s.errors + s.warnings + s.infos == 0) return checked + " checked: no problems found";
  return fmt::format("{} checked: {}, {}, {}", checked, plural(s.errors, "error", "errors"),
                     plural(s.warnings, "warning", "warnings"), plural(s.infos, "info", "infos"));
}

void write_text(std::ostream& out, const std::vector<CheckedFile>& files,
                const std::vector<Diagnostic>& diags, const TextStyle& style) {
  const Palette p = palette(style.color);
  std::map<std::string_view, const SourceText*> sources;
  for (const auto& f : files) sources[f.path] = f.source;
  // A file with thousands of findings says how many more there are after the first ones: the
  // JSON and SARIF reports keep them all.
  std::map<std::string_view, std::size_t> shown, left;
  for (const Diagnostic& d : diags) {
    if (shown[d.file] >= kMaxTextFindingsPerFile) {
      ++left[d.file];
      continue;
    }
    ++shown[d.file];
    out << fmt::format("{}{}:{}:{}:{} {}{}:{} {}{}{} [{}]\n", p.bold, printable(d.file),
                       d.span.line, d.span.column, p.reset, severity_color(p, d.severity),
                       to_string(d.severity), p.reset, p.bold, printable(d.message), p.reset,
                       d.rule);
    if (style.quiet) continue;
    if (auto it = sources.find(d.file); it != sources.end() && it->second) {
      write_excerpt(out, *it->second, d.span, p);
    }
    std::string help = d.suggestion;
    if (help.empty()) {
      if (const Rule* r = find_rule(d.rule)) help = r->fix;
    }
    if (!help.empty()) out << fmt::format("  {}help:{} {}\n", p.bold, p.reset, printable(help));
    for (const Related& r : d.related) {
      out << fmt::format("  {}note:{} {}: {}:{}:{}\n", p.bold, p.reset, printable(r.message),
                         printable(r.file), r.span.line, r.span.column);
    }
  }
  for (const auto& [file, count] : left) {
    out << fmt::format("{}: {} more finding{} not shown; `--format json` lists every one\n",
                       printable(file), count, count == 1 ? "" : "s");
  }
  if (style.quiet || !style.summary) return;
  out << summary_line(files.size(), summarize(diags)) << '\n';
}

}  // namespace lmc
