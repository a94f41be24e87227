// SPDX-License-Identifier: Apache-2.0
// Text for XML and HTML reports (JUnit, the HTML evaluability report).
#pragma once

#include <string>
#include <string_view>

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

}  // namespace lmc
