// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "expectations.h"

#include "lmc/source.h"

using lmc::SourceText;
using lmc::Span;

TEST_CASE("SourceText converts byte columns to character columns") {
  const SourceText s("x.yaml", "a: 1\n  - é: [p, q]\n");
  // "  - é: [" : '[' is byte 8, character 7 (0-based).
  CHECK(s.span_at(1, 8) == Span{2, 8, 0});
  CHECK(s.span_at(1, 9) == Span{2, 9, 0});
  CHECK(s.span_at(0, 0) == Span{1, 1, 0});
}

TEST_CASE("SourceText strips a byte-order mark and knows CRLF and CR line ends") {
  const SourceText s("x.yaml",
                     "\xEF\xBB\xBF"
                     "a: 1\r\nb: 2\rc: 3\n");
  CHECK(s.had_bom());
  CHECK(s.text().substr(0, 4) == "a: 1");
  CHECK(s.line_count() == 4);
  CHECK(s.line(1) == "a: 1");
  CHECK(s.line(2) == "b: 2");
  CHECK(s.line(3) == "c: 3");
  CHECK(s.span_at_offset(6) == Span{2, 1, 0});
  CHECK(s.span_at_offset(11) == Span{3, 1, 0});
}

TEST_CASE("columns stay right when walking one long line, in order and back") {
  std::string line = "k: [";
  for (int i = 0; i < 1000; ++i) line += "é, ";
  const SourceText s("x.yaml", line + "]\n");
  CHECK(s.span_at(0, 4) == Span{1, 5, 0});
  CHECK(s.span_at(0, 4 + 4 * 10) == Span{1, 5 + 3 * 10, 0});
  CHECK(s.span_at(0, 4 + 4 * 999) == Span{1, 5 + 3 * 999, 0});
  CHECK(s.span_at(0, 4 + 4 * 2) == Span{1, 5 + 3 * 2, 0});
}

TEST_CASE("UTF-8 validation finds the first bad byte") {
  CHECK(lmc::find_invalid_utf8("plain ascii") == std::string_view::npos);
  CHECK(lmc::find_invalid_utf8("Cymraeg: ŵ ŷ, اردو, 🏡") == std::string_view::npos);
  CHECK(lmc::find_invalid_utf8("ab\xC3") == 2);         // truncated
  CHECK(lmc::find_invalid_utf8("ab\xC0\xAF") == 2);     // overlong
  CHECK(lmc::find_invalid_utf8("a\xED\xA0\x80") == 1);  // surrogate
  CHECK(lmc::find_invalid_utf8("\xFF\xFE"
                               "a") == 0);  // UTF-16 byte-order mark
  CHECK(lmc::utf8_length("Cymraeg ŵ🏡") == 10);
}

TEST_CASE("wide encodings are told by their byte-order mark or their NUL bytes") {
  using namespace std::string_view_literals;
  CHECK(lmc::wide_encoding("\xFF\xFEl\0o\0"sv) == "UTF-16LE");
  CHECK(lmc::wide_encoding("l\0o\0g\0"sv) == "UTF-16LE");  // PowerShell 5, no mark
  CHECK(lmc::wide_encoding("\xFE\xFF\0l\0o"sv) == "UTF-16BE");
  CHECK(lmc::wide_encoding("\0l\0o"sv) == "UTF-16BE");
  CHECK(lmc::wide_encoding("\xFF\xFE\0\0l\0\0\0"sv) == "UTF-32LE");
  CHECK(lmc::wide_encoding("\0\0\xFE\xFF\0\0\0l"sv) == "UTF-32BE");
  CHECK(lmc::wide_encoding("l\0\0\0o\0\0\0"sv) == "UTF-32LE");
  // Near misses: UTF-8 (with or without its mark), one byte, empty, a NUL later on.
  CHECK(lmc::wide_encoding("logic_model: 1\n").empty());
  CHECK(lmc::wide_encoding("\xEF\xBB\xBFlogic_model: 1\n").empty());
  CHECK(lmc::wide_encoding("l").empty());
  CHECK(lmc::wide_encoding("").empty());
  CHECK(lmc::wide_encoding("lo\0g"sv).empty());
}
