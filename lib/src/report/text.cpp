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

void write_excerpt(std::ostream& out, const SourceText& source, Span span, const Palette& p) {
  const std::string_view line = source.line(span.line);
  if (line.empty() && span.line > source.line_count()) return;
  const std::string gutter(fmt::formatted_size("{}", span.line), ' ');
  // Tabs become one space in both lines, so the caret lines up whatever the tab width.
  std::string shown(line);
  for (char& c : shown) {
    if (c == '\t') c = ' ';
  }
  std::vector<char32_t> cps;
  for (std::string_view ch : utf8_characters(line)) cps.push_back(decode_utf8(ch));
  std::string pad;
  const std::size_t col = span.column - 1;
  for (std::size_t i = 0; i < col && i < cps.size(); ++i) pad.append(display_width(cps[i]), ' ');
  if (col > cps.size()) pad.append(col - cps.size(), ' ');
  std::size_t width = 0;
  const std::size_t len = std::max<std::size_t>(span.length, 1);
  for (std::size_t i = col; i < col + len && i < cps.size(); ++i) width += display_width(cps[i]);
  if (width == 0) width = 1;
  out << fmt::format(" {}{} |{} {}\n", p.dim, span.line, p.reset, shown);
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
  for (const Diagnostic& d : diags) {
    out << fmt::format("{}{}:{}:{}:{} {}{}:{} {}{}{} [{}]\n", p.bold, d.file, d.span.line,
                       d.span.column, p.reset, severity_color(p, d.severity), to_string(d.severity),
                       p.reset, p.bold, d.message, p.reset, d.rule);
    if (style.quiet) continue;
    if (auto it = sources.find(d.file); it != sources.end() && it->second) {
      write_excerpt(out, *it->second, d.span, p);
    }
    std::string help = d.suggestion;
    if (help.empty()) {
      if (const Rule* r = find_rule(d.rule)) help = r->fix;
    }
    if (!help.empty()) out << fmt::format("  {}help:{} {}\n", p.bold, p.reset, help);
    for (const Related& r : d.related) {
      out << fmt::format("  {}note:{} {}: {}:{}:{}\n", p.bold, p.reset, r.message, r.file,
                         r.span.line, r.span.column);
    }
  }
  if (style.quiet) return;
  out << summary_line(files.size(), summarize(diags)) << '\n';
}

}  // namespace lmc
