// SPDX-License-Identifier: Apache-2.0
// How wide text is in the fonts lmc draws with, and how it wraps: the layout sizes every box
// with these, and page-overflow asks the same questions, so the two agree without a font
// being loaded.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lmc::render {

/// Font faces the diagram uses.
enum class Face { regular, bold };

/// Width in points of one line of text at `size` points (advance widths, no kerning: a
/// slight overestimate, so text never outgrows its box).
double text_width(std::string_view utf8, double size, Face face = Face::regular);

/// Height in points of one line of text at `size` points, as Graphviz spaces lines.
inline double line_height(double size) {
  return size * 1.2;
}

/// How text may break: prose (at spaces, after "/" and written hyphens, then at the en-GB
/// hyphenation points), or code, such as ids and paths (at spaces and after "/" only, never
/// hyphenated).
enum class Breaks { prose, code };

/// Breaks text into lines no wider than `width` points, as a typesetter would: at spaces, after
/// "/" and after hyphens written in a word first; a number stays with the word or unit after
/// it ("4 / WTE", "21 days"); ids and paths are never hyphenated. A word wider than the line is
/// hyphenated at the last point the en-GB patterns allow (libhyphen) that fits; failing that it
/// is cut, with no hyphen added. Line breaks in the text are kept; CR and tabs count as spaces.
std::vector<std::string> wrap_text(std::string_view utf8, double width, double size,
                                   Face face = Face::regular, Breaks breaks = Breaks::prose);

/// The widest piece of `text` wrap_text() never breaks, in points: what a column must hold
/// for its text to need no hyphen.
double widest_unbreakable(std::string_view text, double size, Face face = Face::regular,
                          Breaks breaks = Breaks::prose);

/// Where the en-GB hyphenation patterns (Debian's hyphen-en-gb, through libhyphen) allow a
/// hyphen in `word`: byte offsets a break may go before, between two letters, at least two
/// letters from the start and three from the end. Empty where the patterns are not installed.
std::vector<std::size_t> hyphenation_points(std::string_view word);

}  // namespace lmc::render
