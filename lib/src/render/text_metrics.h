// SPDX-License-Identifier: Apache-2.0
// How wide text is in the fonts lmc draws with, and how it wraps: the layout sizes every box
// with these, and page-overflow asks the same questions, so the two agree without a font
// being loaded.
#pragma once

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

/// Breaks text into lines no wider than `width` points: at spaces where it can, inside a word
/// where it must. Line breaks in the text are kept; CR and tabs count as spaces.
std::vector<std::string> wrap_text(std::string_view utf8, double width, double size,
                                   Face face = Face::regular);

}  // namespace lmc::render
