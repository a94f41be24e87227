// SPDX-License-Identifier: Apache-2.0
// Text for XML, HTML and Markdown reports (JUnit, the HTML evaluability report, the Markdown
// check and diff reports).
#pragma once

#include <string>
#include <string_view>

#include "lmc/source.h"

namespace lmc {

/// XML or HTML text and attribute values: markup escaped, line breaks and tabs as character
/// references, and the control characters XML 1.0 does not allow replaced by U+FFFD.
inline std::string xml_text(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\n': out += "&#10;"; break;
      case '\t': out += "&#9;"; break;
      case '\r': out += "&#13;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += "\xEF\xBF\xBD";  // U+FFFD
        } else {
          out += c;
        }
    }
  }
  return out;
}

/// A Markdown table cell: pipes, line breaks and markup made harmless, control characters shown
/// escaped.
inline std::string md_cell(std::string_view raw) {
  const std::string s = printable(raw, true);
  std::string out;
  for (char c : s) {
    switch (c) {
      case '|': out += "\\|"; break;
      case '\n': out += "<br>"; break;
      case '\r': break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '*':
      case '_':
      case '`':
      case '[':
      case ']':
      case '\\':
        out += '\\';
        out += c;
        break;
      default: out += c;
    }
  }
  return out;
}

/// A Markdown table cell in code type, unless backticks or pipes in it would break the span.
inline std::string md_code_cell(std::string_view raw) {
  const std::string s = printable(raw);
  if (s.find('`') == std::string::npos && s.find('|') == std::string::npos) {
    return "`" + s + "`";
  }
  return md_cell(s);
}

}  // namespace lmc
