// SPDX-License-Identifier: Apache-2.0
#include "check/suppressions.h"

#include <fmt/format.h>

#include <cctype>

#include "lmc/rules.h"
#include "lmc/suggest.h"

namespace lmc {

namespace {

// The byte where a line's comment starts ('#' at the start or after a space, outside quotes),
// or npos.
std::size_t comment_start(std::string_view line) {
  char quote = 0;
  for (std::size_t k = 0; k < line.size(); ++k) {
    const char c = line[k];
    if (quote) {
      if (c == quote) {
        // '' inside a single-quoted scalar is a quote, not its end.
        if (quote == '\'' && k + 1 < line.size() && line[k + 1] == '\'') {
          ++k;
        } else {
          quote = 0;
        }
      } else if (quote == '"' && c == '\\') {
        ++k;
      }
      continue;
    }
    if (c == '#' && (k == 0 || line[k - 1] == ' ' || line[k - 1] == '\t')) return k;
    // A quote opens a quoted scalar only where a value starts.
    if ((c == '"' || c == '\'') &&
        (k == 0 || std::string_view(" \t[{,:-").find(line[k - 1]) != std::string_view::npos)) {
      quote = c;
    }
  }
  return std::string_view::npos;
}

bool blank_before(std::string_view line, std::size_t at) {
  for (std::size_t k = 0; k < at; ++k) {
    if (line[k] != ' ' && line[k] != '\t') return false;
  }
  return true;
}

}  // namespace

std::vector<Suppression> read_suppressions(const SourceText& source,
                                           std::vector<Diagnostic>& problems) {
  std::vector<Suppression> out;
  // Text that is not UTF-8 is already a yaml-syntax finding; its comments are not read.
  if (find_invalid_utf8(source.text()) != std::string_view::npos) return out;
  std::vector<std::string_view> ids;
  for (std::uint32_t l = 1; l <= source.line_count(); ++l) {
    const std::string_view line = source.line(l);
    const std::size_t hash = comment_start(line);
    if (hash == std::string_view::npos) continue;
    std::size_t k = hash + 1;
    auto skip_spaces = [&] {
      while (k < line.size() && (line[k] == ' ' || line[k] == '\t')) ++k;
    };
    skip_spaces();
    if (line.substr(k, 4) != "lmc:") continue;
    k += 4;
    skip_spaces();
    bool whole_file = false;
    if (line.substr(k, 12) == "ignore-file[") {
      whole_file = true;
      k += 12;
    } else if (line.substr(k, 7) == "ignore[") {
      k += 7;
    } else {
      continue;
    }
    const std::size_t close = line.find(']', k);
    if (close == std::string_view::npos) continue;
    const bool own_line = blank_before(line, hash);
    // Rule ids separated by commas and spaces.
    while (k < close) {
      while (k < close && (line[k] == ',' || line[k] == ' ' || line[k] == '\t')) ++k;
      const std::size_t start = k;
      while (k < close && line[k] != ',' && line[k] != ' ' && line[k] != '\t') ++k;
      if (k == start) continue;
      const std::string rule(line.substr(start, k - start));
      const Span span = source.span_at(l - 1, static_cast<std::uint32_t>(start));
      const Span at{span.line, span.column, static_cast<std::uint32_t>(utf8_length(rule))};
      if (find_rule(rule)) {
        out.push_back(Suppression{rule, at, whole_file, own_line});
        continue;
      }
      if (ids.empty()) {
        for (const Rule& r : all_rules()) ids.push_back(r.id);
      }
      const std::string near = nearest(rule, ids);
      Diagnostic d;
      d.file = source.path();
      d.span = at;
      d.rule = "invalid-value";
      d.message = fmt::format("'{}' in a suppression comment is not a rule id", printable(rule));
      if (near.empty()) {
        d.suggestion = "`lmc rules` lists them";
      } else {
        suggest_replacement(d, rule, near);
      }
      problems.push_back(std::move(d));
    }
  }
  return out;
}

bool suppressed(std::vector<Suppression>& suppressions, const Diagnostic& d) {
  bool any = false;
  for (Suppression& s : suppressions) {
    if (s.rule != d.rule) continue;
    if (s.whole_file || s.span.line == d.span.line ||
        (s.own_line && s.span.line + 1 == d.span.line)) {
      s.used = true;
      any = true;
    }
  }
  return any;
}

}  // namespace lmc
