// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lmc {

/// A place in a source file: 1-based line and column, columns counted in characters (code points).
/// `length` is how many characters the marked token covers (0 when unknown). Line 0 means
/// "nowhere".
struct Span {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::uint32_t length = 0;

  bool known() const { return line != 0; }
  friend bool operator==(const Span&, const Span&) = default;
};

/// The text of one model file with its line table. Strips a UTF-8 byte-order mark and knows
/// CRLF, LF and lone CR line ends, so positions agree with what an editor shows.
class SourceText {
 public:
  SourceText() = default;
  SourceText(std::string path, std::string text);

  const std::string& path() const { return path_; }
  /// The text without its byte-order mark.
  std::string_view text() const;
  bool had_bom() const { return bom_; }
  std::size_t line_count() const { return line_starts_.size(); }

  /// Converts a 0-based line and 0-based byte column (as parsers report them) to a Span.
  /// Repeated calls on one line in increasing column order cost time linear in the line.
  Span span_at(std::uint32_t line0, std::uint32_t byte_column0) const;
  /// Converts a byte offset in text() to a Span.
  Span span_at_offset(std::size_t offset) const;
  /// The bytes of text() a known span on one line covers: its offset and its length in bytes
  /// (a span counts characters); the part past the line's end is left out.
  std::pair<std::size_t, std::size_t> byte_range(Span span) const;
  /// The 1-based line's text without its line end; empty past the end.
  std::string_view line(std::uint32_t line1) const;

 private:
  std::string path_;
  std::string text_;
  bool bom_ = false;
  std::vector<std::uint32_t> line_starts_;  // byte offsets into text()
  // Cache of the last conversion, so walking along one long line stays linear.
  mutable std::uint32_t cache_line_ = UINT32_MAX;
  mutable std::uint32_t cache_byte_ = 0;
  mutable std::uint32_t cache_char_ = 0;
};

/// Counts code points in valid UTF-8 (continuation bytes are not counted).
std::size_t utf8_length(std::string_view s);

/// Returns the byte offset of the first invalid UTF-8 sequence in s, or npos if it is valid.
std::size_t find_invalid_utf8(std::string_view s);

/// The wide encoding text is saved in, "UTF-16LE", "UTF-16BE", "UTF-32LE" or "UTF-32BE", told
/// as YAML tells it (its byte-order mark or, without one, where the NUL bytes of its first
/// character fall); empty for UTF-8 and anything else. What Windows Notepad calls "Unicode"
/// and PowerShell 5's `>` write is UTF-16LE.
std::string_view wide_encoding(std::string_view s);

/// Splits valid UTF-8 into its characters, each as its bytes.
std::vector<std::string_view> utf8_characters(std::string_view s);

/// The code point of one UTF-8 character (as utf8_characters gives them).
char32_t decode_utf8(std::string_view character);

/// Text safe to print on a terminal: control characters (C0 but tab and newline, DEL, C1) and
/// bytes that are not UTF-8 are shown escaped as `\x1b`, so a model cannot move the cursor,
/// retitle or clear the terminal. `keep_newlines` false escapes tab and newline too.
std::string printable(std::string_view s, bool keep_newlines = false);

/// How many terminal cells a code point takes: 0 for combining marks and joiners, 2 for wide
/// East Asian characters and emoji, 1 otherwise. Used to line up carets and wrap labels.
int display_width(char32_t c);

}  // namespace lmc
