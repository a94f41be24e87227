// SPDX-License-Identifier: Apache-2.0
#include "render/text_metrics.h"

#include <algorithm>
#include <array>

#include "lmc/source.h"

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

}  // namespace

double text_width(std::string_view utf8, double size, Face face) {
  long total = 0;
  for (std::size_t at = 0; at < utf8.size();) {
    const auto [c, n] = next_code_point(utf8, at);
    total += advance(c, face);
    at += n;
  }
  return static_cast<double>(total) * size / 1000.0;
}

std::vector<std::string> wrap_text(std::string_view utf8, double width, double size, Face face) {
  const long limit = static_cast<long>(width * 1000.0 / size);  // in 1/1000 em
  const long space = advance(U' ', face);
  const long hyphen = advance(U'-', face);
  std::vector<std::string> lines;
  std::string line;
  long line_w = 0;
  // Words as characters with their widths, so a word too long for a line can be broken.
  std::vector<std::pair<std::string_view, long>> word;
  long word_w = 0;
  auto end_line = [&] {
    lines.push_back(std::move(line));
    line.clear();
    line_w = 0;
  };
  auto flush_word = [&] {
    if (word.empty()) return;
    if (line_w > 0 && line_w + space + word_w > limit) end_line();
    if (line_w == 0 && word_w > limit) {
      // Longer than a line: break it, with a hyphen, keeping at least three characters on
      // each side where the word allows.
      std::size_t k = 0;
      while (word.size() - k > 0 && word_w > limit) {
        long w = 0;
        std::size_t j = k;
        while (j < word.size() && w + word[j].second + hyphen <= limit) w += word[j++].second;
        if (j == k) w += word[j++].second;  // a single character wider than the line
        if (word.size() - j < 3 && j - k > 3) {
          const std::size_t back = std::min<std::size_t>(3 - (word.size() - j), j - k - 3);
          for (std::size_t b = 0; b < back; ++b) w -= word[--j].second;
        }
        for (std::size_t c = k; c < j; ++c) line += word[c].first;
        line += '-';
        end_line();
        word_w -= w;
        k = j;
      }
      for (std::size_t c = k; c < word.size(); ++c) line += word[c].first;
      line_w = word_w;
    } else {
      if (line_w > 0) {
        line += ' ';
        line_w += space;
      }
      for (const auto& [ch, w] : word) line += ch;
      line_w += word_w;
    }
    word.clear();
    word_w = 0;
  };
  for (std::size_t at = 0; at < utf8.size();) {
    const auto [code, n] = next_code_point(utf8, at);
    const std::string_view ch = utf8.substr(at, n);
    at += n;
    if (ch == "\n") {
      flush_word();
      end_line();
      continue;
    }
    if (ch == " " || ch == "\t" || ch == "\r") {
      flush_word();
      continue;
    }
    const long w = advance(code, face);
    word.emplace_back(ch, w);
    word_w += w;
  }
  flush_word();
  if (!line.empty() || lines.empty()) lines.push_back(std::move(line));
  return lines;
}

}  // namespace lmc::render
