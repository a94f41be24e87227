// SPDX-License-Identifier: Apache-2.0
#include "render/text_metrics.h"

#include <algorithm>
#include <array>

#include "lmc/source.h"

#include <hyphen.h>

#include <cstdlib>
#include <unordered_map>

namespace lmc::render {

namespace {

struct WidthRun {
  char32_t first, last;
  int width;  // 1/1000 em
};

#include "render/font_widths.inc"

// A character none of the fonts has is drawn by a fallback font, or as a box.
constexpr int kMissingWidth = 600;

template <std::size_t N>
int advance(const WidthRun (&table)[N], char32_t c) {
  const auto* end = table + N;
  const auto* run =
      std::upper_bound(table, end, c, [](char32_t v, const WidthRun& r) { return v < r.first; });
  if (run == table) return kMissingWidth;
  --run;
  return c <= run->last ? run->width : kMissingWidth;
}

const std::array<int, 95>& ascii_widths(Face face);

int advance(char32_t c, Face face) {
  // ASCII is most text: a direct table for it.
  if (c >= 0x20 && c < 0x7F) return ascii_widths(face)[c - 0x20];
  // Combining marks, joiners and variation selectors take no room of their own.
  if ((c >= 0x0300 && c <= 0x036F) || c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F)) return 0;
  return face == Face::bold ? advance(kBoldWidths, c) : advance(kRegularWidths, c);
}

const std::array<int, 95>& ascii_widths(Face face) {
  static const auto table = [] {
    std::array<std::array<int, 95>, 2> t{};
    for (char32_t c = 0x20; c < 0x7F; ++c) {
      t[0][c - 0x20] = advance(kRegularWidths, c);
      t[1][c - 0x20] = advance(kBoldWidths, c);
    }
    return t;
  }();
  return table[face == Face::bold ? 1 : 0];
}

// The code point at `at` and its length in bytes, without allocating (valid UTF-8 only: the
// loader has rejected anything else).
std::pair<char32_t, std::size_t> next_code_point(std::string_view s, std::size_t at) {
  const auto b = static_cast<unsigned char>(s[at]);
  const std::size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  if (n == 1 || at + n > s.size()) return {b, 1};
  char32_t c = b & (0x7F >> n);
  for (std::size_t k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[at + k]) & 0x3F);
  return {c, n};
}

// Width of a run of text in 1/1000 em.
long piece_width(std::string_view s, Face face) {
  long total = 0;
  for (std::size_t at = 0; at < s.size();) {
    const auto [c, n] = next_code_point(s, at);
    total += advance(c, face);
    at += n;
  }
  return total;
}

}  // namespace

double text_width(std::string_view utf8, double size, Face face) {
  return static_cast<double>(piece_width(utf8, face)) * size / 1000.0;
}

namespace {

// Text as a typesetter sees it: pieces of text no break may split, each after a space or not.
struct Piece {
  std::string text;
  bool after_space = false;          ///< a space before it (dropped when the piece starts a line)
  bool code = false;                 ///< an id, a path or a number: never hyphenated
  mutable long width[2] = {-1, -1};  ///< piece_width in each face, once measured
  long width_in(Face face) const {
    long& w = width[static_cast<int>(face)];
    if (w < 0) w = piece_width(text, face);
    return w;
  }
};

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (static_cast<unsigned char>(c) >= 0x80);
}

// A number as prose writes it: "24", "(4", "3,200", "10%", "£2.5m", "2026-2028".
bool is_number(std::string_view w) {
  std::size_t k = 0;
  while (k < w.size() && (w[k] == '(' || w[k] == '~' || w[k] == '<' || w[k] == '>')) ++k;
  if (w.substr(k).starts_with("£")) k += 2;  // a pound sign (two bytes)
  if (k >= w.size() || !is_digit(w[k])) return false;
  int letters = 0;
  for (; k < w.size(); ++k) letters += is_letter(w[k]);
  return letters <= 2;  // "2.5m", "24h", "10km": the unit written on
}

// Ids and paths: "care-plans", "workstreams/frailty.yaml", "a -> b". Broken only where a path
// separates its parts, never hyphenated.
bool is_code(std::string_view w) {
  // A quoted id ('care-plans', in a finding's message).
  if (w.size() > 3 && (w.front() == '\'' || w.front() == '"')) {
    const std::size_t close = w.find(w.front(), 1);
    if (close != std::string_view::npos && close > 1) {
      const std::string_view inner = w.substr(1, close - 1);
      if (inner.find('-') != std::string_view::npos &&
          std::all_of(inner.begin(), inner.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || is_digit(c) || c == '-' || c == '_';
          })) {
        return true;
      }
    }
  }
  return w.find_first_of("._:\\=") != std::string_view::npos &&
         std::any_of(w.begin(), w.end(), [](char c) { return is_letter(c); }) &&
         w.find_first_of("/._") != std::string_view::npos && w.size() > 2 && w.back() != '.' &&
         w.back() != ':';
}

// Splits a word after "/" and after a hyphen written in it, where letters or digits stand on
// both sides: "moderate/severe" -> "moderate/" "severe"; "Practice-based" -> "Practice-"
// "based". A path breaks after its "/" only.
std::vector<std::string_view> word_parts(std::string_view w, bool code) {
  std::vector<std::string_view> parts;
  // A word that starts as a number ("8am-10pm", "2026-2028", "24/7") is not broken.
  const std::size_t first = w.find_first_not_of("(~<>");
  if (first != std::string_view::npos && is_digit(w[first])) return {w};
  std::size_t start = 0;
  for (std::size_t k = 1; k + 1 < w.size(); ++k) {
    const char c = w[k];
    const bool breakable = c == '/' || (!code && c == '-');
    if (!breakable) continue;
    const char before = w[k - 1], after = w[k + 1];
    if ((is_letter(before) || is_digit(before) || before == ')') &&
        (is_letter(after) || is_digit(after) || after == '(')) {
      parts.push_back(w.substr(start, k + 1 - start));
      start = k + 1;
    }
  }
  parts.push_back(w.substr(start));
  return parts;
}

std::vector<Piece> pieces_of(std::string_view paragraph, Breaks breaks) {
  // Words, split at spaces.
  std::vector<std::string_view> words;
  for (std::size_t k = 0; k < paragraph.size();) {
    while (k < paragraph.size() &&
           (paragraph[k] == ' ' || paragraph[k] == '\t' || paragraph[k] == '\r')) {
      ++k;
    }
    std::size_t end = k;
    while (end < paragraph.size() && paragraph[end] != ' ' && paragraph[end] != '\t' &&
           paragraph[end] != '\r') {
      ++end;
    }
    if (end > k) words.push_back(paragraph.substr(k, end - k));
    k = end;
  }
  std::vector<Piece> out;
  bool glue = false;  // the next word stays on the line of the one before
  for (std::size_t k = 0; k < words.size(); ++k) {
    const std::string_view w = words[k];
    const bool code = breaks == Breaks::code || is_code(w);
    const bool number = breaks == Breaks::prose && is_number(w);
    // A lone "/", "&", "x", dash or arrow between two words keeps to both: "4 / WTE", "A & E",
    // "420 → 360".
    const bool joiner =
        breaks == Breaks::prose && (w == "/" || w == "&" || w == "\xE2\x80\x93" || w == "x" ||
                                    w == "=" || w == "\xE2\x86\x92");  // "420 → 360"
    // An arrow between ids ends a line rather than starting one: "a →" / "b".
    const bool keep_with_prev = glue || (joiner && k > 0) || w == "\xE2\x86\x92";
    const auto parts = (number || joiner) ? std::vector<std::string_view>{w} : word_parts(w, code);
    for (std::size_t p = 0; p < parts.size(); ++p) {
      if (p == 0 && keep_with_prev && !out.empty()) {
        out.back().text += ' ';
        out.back().text += parts[p];
        out.back().code = out.back().code || code || number;
        continue;
      }
      out.push_back(Piece{std::string(parts[p]), p == 0 && !out.empty(), code || number});
    }
    // A number keeps the word or unit after it (unless it ends a clause: "75+:", "2027,"); a
    // joiner, the word after it.
    const bool clause_end =
        w.back() == ':' || w.back() == ',' || w.back() == ';' || w.back() == '.' || w.back() == ')';
    glue = ((number && !clause_end) || joiner) && k + 1 < words.size();
  }
  return out;
}

// The pieces of a paragraph, remembered: the fit measures the same text at many sizes, and
// the pieces do not depend on the size. Per thread; emptied when it grows large.
const std::vector<Piece>& pieces(std::string_view paragraph, Breaks breaks) {
  thread_local std::unordered_map<std::string, std::vector<Piece>> cache;
  std::string key(paragraph);
  key += '\0';
  key += static_cast<char>('0' + static_cast<int>(breaks));
  if (const auto it = cache.find(key); it != cache.end()) return it->second;
  if (cache.size() >= 50000) cache.clear();
  return cache.emplace(std::move(key), pieces_of(paragraph, breaks)).first->second;
}

}  // namespace

std::vector<std::size_t> hyphenation_points(std::string_view word) {
  static HyphenDict* const dict = [] {
    const char* path = std::getenv("LMC_HYPHEN_DICT");
    return hnj_hyphen_load(path && *path ? path : LMC_HYPHEN_DICT);
  }();
  std::vector<std::size_t> points;
  if (!dict || word.size() < 5 || word.size() > 200) return points;
  // The patterns are written in lower case; ASCII letters are folded, anything else kept.
  std::string lower(word);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  std::vector<char> hyphens(lower.size() + 5, '0');
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  if (hnj_hyphen_hyphenate3(dict, lower.data(), static_cast<int>(lower.size()), hyphens.data(),
                            nullptr, &rep, &pos, &cut, 2, 3, 2, 3) != 0) {
    return points;
  }
  if (rep) {  // replacements (not in the English patterns): none are used
    for (std::size_t k = 0; k < lower.size(); ++k) std::free(rep[k]);
    std::free(rep);
    std::free(pos);
    std::free(cut);
  }
  for (std::size_t k = 0; k + 1 < lower.size(); ++k) {
    // A point between letters only: never beside a digit, a hyphen or punctuation.
    if ((hyphens[k] & 1) && is_letter(lower[k]) && is_letter(lower[k + 1])) points.push_back(k + 1);
  }
  return points;
}

double widest_unbreakable(std::string_view text, double size, Face face, Breaks breaks) {
  long widest = 0;
  std::size_t at = 0;
  while (at <= text.size()) {
    const std::size_t end = std::min(text.find('\n', at), text.size());
    for (const Piece& p : pieces(text.substr(at, end - at), breaks)) {
      widest = std::max(widest, p.width_in(face));
    }
    at = end + 1;
  }
  return static_cast<double>(widest) * size / 1000.0;
}

std::vector<std::string> wrap_text(std::string_view utf8, double width, double size, Face face,
                                   Breaks breaks) {
  const long limit = static_cast<long>(width * 1000.0 / size);  // in 1/1000 em
  const long space = advance(U' ', face);
  const long hyphen = advance(U'-', face);
  std::vector<std::string> lines;
  std::string line;
  long line_w = 0;
  auto end_line = [&] {
    lines.push_back(std::move(line));
    line.clear();
    line_w = 0;
  };
  // A piece wider than a line: hyphenated at the last point the patterns allow that fits (a
  // word of prose), or cut at the last character that fits (an id, a path, a word the
  // patterns cannot break there) with no hyphen added.
  auto break_piece = [&](std::string text, bool code) {
    while (piece_width(text, face) > limit) {
      std::size_t at = 0;
      if (!code) {
        for (std::size_t point : hyphenation_points(text)) {
          if (piece_width(std::string_view(text).substr(0, point), face) + hyphen <= limit) {
            at = point;
          }
        }
      }
      std::string head;
      // Words kept together ("4 / WTE") part again at a space, rather than mid-word.
      // The last space that fits, not one after a number ("1,200 a quarter") where another fits.
      std::size_t space_at = std::string::npos, any_space = std::string::npos;
      for (std::size_t sp = text.find(' '); sp != std::string::npos; sp = text.find(' ', sp + 1)) {
        if (piece_width(std::string_view(text).substr(0, sp), face) > limit) break;
        any_space = sp;
        const std::size_t word = text.rfind(' ', sp - 1);
        const std::string_view before =
            std::string_view(text).substr(word == std::string::npos ? 0 : word + 1,
                                          sp - (word == std::string::npos ? 0 : word + 1));
        if (!is_number(before)) space_at = sp;
      }
      if (space_at == std::string::npos) space_at = any_space;
      if (space_at != std::string::npos && space_at > 0) {
        lines.push_back(text.substr(0, space_at));
        text.erase(0, space_at + 1);
        continue;
      }
      if (at > 0) {
        head = text.substr(0, at) + "-";
      } else {
        // By characters: as many as fit, at least one.
        long w = 0;
        std::size_t k = 0;
        while (k < text.size()) {
          const auto [c, n] = next_code_point(text, k);
          if (k > 0 && w + advance(c, face) > limit) break;
          w += advance(c, face);
          k += n;
        }
        at = k;
        head = text.substr(0, at);
      }
      lines.push_back(std::move(head));
      text.erase(0, at);
    }
    return text;
  };
  std::size_t at = 0;
  while (at <= utf8.size()) {
    const std::size_t end = std::min(utf8.find('\n', at), utf8.size());
    for (const Piece& p : pieces(utf8.substr(at, end - at), breaks)) {
      const long w = p.width_in(face);
      const long gap = line_w > 0 && p.after_space ? space : 0;
      if (line_w > 0 && line_w + gap + w <= limit) {
        if (gap) line += ' ';
        line += p.text;
        line_w += gap + w;
        continue;
      }
      if (line_w > 0) end_line();
      if (w <= limit) {
        line = p.text;
        line_w = w;
        continue;
      }
      line = break_piece(p.text, p.code);
      line_w = piece_width(line, face);
    }
    if (end < utf8.size()) end_line();
    at = end + 1;
  }
  if (!line.empty() || lines.empty()) lines.push_back(std::move(line));
  return lines;
}

}  // namespace lmc::render
