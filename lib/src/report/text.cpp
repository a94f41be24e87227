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

// Terminal cells a code point takes: 0 for combining marks, 2 for wide East Asian text and
// emoji, 1 otherwise. Enough to keep a caret under the right character.
int cell_width(char32_t c) {
  if ((c >= 0x0300 && c <= 0x036F) || c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F)) return 0;
  if ((c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
      (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
      (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) ||
      (c >= 0x1F300 && c <= 0x1FAFF) || (c >= 0x20000 && c <= 0x3FFFD)) {
    return 2;
  }
  return 1;
}

// Decodes valid UTF-8 (the loader has validated it) into code points.
std::vector<char32_t> decode(std::string_view s) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
    char32_t cp = len == 1 ? c : c & (0x7F >> len);
    for (std::size_t k = 1; k < len && i + k < s.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    }
    out.push_back(cp);
    i += len;
  }
  return out;
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
  const auto cps = decode(line);
  std::string pad;
  const std::size_t col = span.column - 1;
  for (std::size_t i = 0; i < col && i < cps.size(); ++i) pad.append(cell_width(cps[i]), ' ');
  if (col > cps.size()) pad.append(col - cps.size(), ' ');
  std::size_t width = 0;
  const std::size_t len = std::max<std::size_t>(span.length, 1);
  for (std::size_t i = col; i < col + len && i < cps.size(); ++i) width += cell_width(cps[i]);
  if (width == 0) width = 1;
  out << fmt::format(" {}{} |{} {}\n", p.dim, span.line, p.reset, shown);
  out << fmt::format(" {}{} |{} {}{}^{}{}\n", p.dim, gutter, p.reset, pad, p.caret,
                     std::string(width - 1, '~'), p.reset);
}

std::string plural(int n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

}  // namespace

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
  const Summary s = summarize(diags);
  const std::string checked = plural(static_cast<int>(files.size()), "model", "models");
  if (diags.empty()) {
    out << fmt::format("{} checked: no problems found\n", checked);
    return;
  }
  out << fmt::format("{} checked: {}, {}, {}\n", checked, plural(s.errors, "error", "errors"),
                     plural(s.warnings, "warning", "warnings"), plural(s.infos, "info", "infos"));
}

}  // namespace lmc
