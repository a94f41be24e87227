// SPDX-License-Identifier: Apache-2.0
#include "lmc/source.h"

#include <fmt/format.h>

#include <algorithm>

namespace lmc {

namespace {

bool is_continuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

}  // namespace

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += !is_continuation(c);
  return n;
}

std::string_view wide_encoding(std::string_view s) {
  auto b = [&](std::size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0x100u; };
  // Byte-order marks, the four-byte ones first (FF FE 00 00 starts with UTF-16LE's FF FE).
  if (b(0) == 0xFF && b(1) == 0xFE && b(2) == 0 && b(3) == 0) return "UTF-32LE";
  if (b(0) == 0 && b(1) == 0 && b(2) == 0xFE && b(3) == 0xFF) return "UTF-32BE";
  if (b(0) == 0xFF && b(1) == 0xFE) return "UTF-16LE";
  if (b(0) == 0xFE && b(1) == 0xFF) return "UTF-16BE";
  // Without one: the first character is ASCII in any YAML file, so its zero bytes say.
  if (s.size() >= 4 && b(0) != 0 && b(1) == 0 && b(2) == 0 && b(3) == 0) return "UTF-32LE";
  if (s.size() >= 4 && b(0) == 0 && b(1) == 0 && b(2) == 0 && b(3) != 0) return "UTF-32BE";
  if (s.size() >= 2 && b(0) != 0 && b(1) == 0) return "UTF-16LE";
  if (s.size() >= 2 && b(0) == 0 && b(1) != 0) return "UTF-16BE";
  return {};
}

std::size_t find_invalid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len;
    std::uint32_t min;
    if ((c & 0xE0) == 0xC0) {
      len = 2, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4, min = 0x10000;
    } else {
      return i;
    }
    if (i + len > n) return i;
    std::uint32_t cp = c & (0x7F >> len);
    for (std::size_t k = 1; k < len; ++k) {
      if (!is_continuation(p[i + k])) return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return std::string_view::npos;
}

std::vector<std::string_view> utf8_characters(std::string_view s) {
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
    out.push_back(s.substr(i, std::min(len, s.size() - i)));
    i += len;
  }
  return out;
}

char32_t decode_utf8(std::string_view character) {
  const auto c = static_cast<unsigned char>(character[0]);
  if (character.size() == 1) return c;
  char32_t v = c & (0x7F >> character.size());
  for (std::size_t k = 1; k < character.size(); ++k) v = (v << 6) | (character[k] & 0x3F);
  return v;
}

std::string printable(std::string_view s, bool keep_newlines) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      const bool allowed = c >= 0x20 ? c != 0x7F : keep_newlines && (c == '\n' || c == '\t');
      if (allowed) {
        out += static_cast<char>(c);
      } else {
        out += fmt::format("\\x{:02x}", c);
      }
      ++i;
      continue;
    }
    // One UTF-8 character, or one byte shown escaped where the text is not UTF-8.
    const std::size_t bad = find_invalid_utf8(s.substr(i, 4));
    std::size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (len == 0 || i + len > s.size() || (bad != std::string_view::npos && bad < len)) {
      out += fmt::format("\\x{:02x}", c);
      ++i;
      continue;
    }
    const char32_t cp = decode_utf8(s.substr(i, len));
    if (cp >= 0x80 && cp <= 0x9F) {
      out += fmt::format("\\u{:04x}", static_cast<std::uint32_t>(cp));
    } else {
      out.append(s.substr(i, len));
    }
    i += len;
  }
  return out;
}

int display_width(char32_t c) {
  if ((c >= 0x0300 && c <= 0x036F) || c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F)) return 0;
  if ((c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
      (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
      (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) ||
      (c >= 0x1F300 && c <= 0x1FAFF) || (c >= 0x20000 && c <= 0x3FFFD)) {
    return 2;
  }
  return 1;
}

SourceText::SourceText(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {
  bom_ = text_.size() >= 3 && text_.compare(0, 3, "\xEF\xBB\xBF") == 0;
  const std::string_view t = this->text();
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '\n') {
      line_starts_.push_back(static_cast<std::uint32_t>(i + 1));
    } else if (t[i] == '\r') {
      if (i + 1 < t.size() && t[i + 1] == '\n') ++i;
      line_starts_.push_back(static_cast<std::uint32_t>(i + 1));
    }
  }
}

std::string_view SourceText::text() const {
  return std::string_view(text_).substr(bom_ ? 3 : 0);
}

Span SourceText::span_at(std::uint32_t line0, std::uint32_t byte_column0) const {
  if (line0 >= line_starts_.size()) {
    // The parser can stop just past the last line end.
    const auto last = static_cast<std::uint32_t>(line_starts_.size());
    return Span{last,
                static_cast<std::uint32_t>(line(last).size() ? utf8_length(line(last)) + 1 : 1), 0};
  }
  const std::string_view l = line(line0 + 1);
  const auto bytes = std::min<std::uint32_t>(byte_column0, static_cast<std::uint32_t>(l.size()));
  std::uint32_t from_byte = 0, chars = 0;
  if (cache_line_ == line0 && cache_byte_ <= bytes) {
    from_byte = cache_byte_;
    chars = cache_char_;
  }
  chars += static_cast<std::uint32_t>(utf8_length(l.substr(from_byte, bytes - from_byte)));
  cache_line_ = line0;
  cache_byte_ = bytes;
  cache_char_ = chars;
  // A column past the line's end (the parser's view of a line break) counts its bytes as is.
  return Span{line0 + 1, chars + (byte_column0 - bytes) + 1, 0};
}

Span SourceText::span_at_offset(std::size_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line0 = static_cast<std::uint32_t>(it - line_starts_.begin() - 1);
  return span_at(line0, static_cast<std::uint32_t>(offset - line_starts_[line0]));
}

std::pair<std::size_t, std::size_t> SourceText::byte_range(Span span) const {
  const std::string_view l = line(span.line);
  // Bytes from `at` over `chars` characters of the line.
  auto advance = [&](std::size_t at, std::uint32_t chars) {
    for (; chars > 0 && at < l.size(); --chars) {
      ++at;
      while (at < l.size() && (static_cast<unsigned char>(l[at]) & 0xC0) == 0x80) ++at;
    }
    return at;
  };
  if (!span.known() || span.line > line_starts_.size()) return {text().size(), 0};
  const std::size_t begin = advance(0, span.column - 1);
  const std::size_t end = advance(begin, span.length);
  return {line_starts_[span.line - 1] + begin, end - begin};
}

std::string_view SourceText::line(std::uint32_t line1) const {
  if (line1 == 0 || line1 > line_starts_.size()) return {};
  const std::string_view t = text();
  std::size_t begin = line_starts_[line1 - 1];
  std::size_t end = line1 < line_starts_.size() ? line_starts_[line1] : t.size();
  while (end > begin && (t[end - 1] == '\n' || t[end - 1] == '\r')) --end;
  return t.substr(begin, end - begin);
}

}  // namespace lmc
