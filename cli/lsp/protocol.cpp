// SPDX-License-Identifier: Apache-2.0
#include "lsp/protocol.h"

#include <cctype>
#include <cstdint>
#include <stdexcept>

namespace lmc::cli::lsp {

namespace {

// One header line, without its end; false at the end of input or past kMaxHeaderLine bytes
// (`too_long` then says which).
bool header_line(std::istream& in, std::string& line, bool& too_long) {
  line.clear();
  too_long = false;
  for (int c = in.get(); c != std::char_traits<char>::eof(); c = in.get()) {
    if (c == '\n') return true;
    if (line.size() == kMaxHeaderLine) {
      too_long = true;
      return false;
    }
    line.push_back(static_cast<char>(c));
  }
  return !line.empty();
}

std::int64_t checked_integer(const Json& value, std::string_view what, std::int64_t low,
                             std::int64_t high) {
  std::int64_t n = 0;
  if (value.is_number_unsigned()) {
    const auto u = value.get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(high))
      n = high + 1;  // out of range, said below
    else
      n = static_cast<std::int64_t>(u);
  } else if (value.is_number_integer()) {
    n = value.get<std::int64_t>();
  } else {
    throw std::invalid_argument(std::string(what) + " is not an integer");
  }
  if (n < low || n > high) {
    throw std::invalid_argument(std::string(what) + " is out of range (" + value.dump() + ")");
  }
  return n;
}

}  // namespace

std::uint32_t protocol_uinteger(const Json& value, std::string_view what) {
  return static_cast<std::uint32_t>(checked_integer(value, what, 0, INT32_MAX));
}

std::int32_t protocol_integer(const Json& value, std::string_view what) {
  return static_cast<std::int32_t>(checked_integer(value, what, INT32_MIN, INT32_MAX));
}

ReadStatus read_message(std::istream& in, std::string& body) {
  std::optional<std::size_t> length;
  std::string line;
  bool any = false;
  bool too_long = false;
  int lines = 0;
  while (header_line(in, line, too_long)) {
    any = true;
    if (++lines > kMaxHeaderLines) return ReadStatus::bad_header;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) break;
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string name = line.substr(0, colon);
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (name != "content-length") continue;
    std::size_t value = 0;
    bool digits = false;
    for (std::size_t k = colon + 1; k < line.size(); ++k) {
      const unsigned char c = static_cast<unsigned char>(line[k]);
      if (c == ' ' || c == '\t') continue;
      if (!std::isdigit(c) || value > kMaxMessageBytes) return ReadStatus::bad_header;
      value = value * 10 + (c - '0');
      digits = true;
    }
    if (!digits || value > kMaxMessageBytes) return ReadStatus::bad_header;
    length = value;
  }
  if (too_long) return ReadStatus::bad_header;
  if (!any || !in) return ReadStatus::end;
  if (!length) return ReadStatus::bad_header;
  body.assign(*length, '\0');
  in.read(body.data(), static_cast<std::streamsize>(*length));
  return in.gcount() == static_cast<std::streamsize>(*length) ? ReadStatus::message
                                                              : ReadStatus::end;
}

void Writer::send(const Json& message) {
  // Invalid UTF-8 in a model's text (reported as a finding) must not stop the reply.
  const std::string body = message.dump(-1, ' ', false, Json::error_handler_t::replace);
  std::lock_guard lock(mutex_);
  out_ << "Content-Length: " << body.size() << "\r\n\r\n" << body;
  out_.flush();
}

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<std::string> uri_to_path(std::string_view uri) {
  constexpr std::string_view kScheme = "file://";
  if (uri.size() < kScheme.size()) return std::nullopt;
  for (std::size_t k = 0; k < kScheme.size(); ++k) {
    if (std::tolower(static_cast<unsigned char>(uri[k])) != kScheme[k]) return std::nullopt;
  }
  uri.remove_prefix(kScheme.size());
  // file://host/path: only the local host is ours.
  const auto slash = uri.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const std::string_view host = uri.substr(0, slash);
  if (!host.empty() && host != "localhost") return std::nullopt;
  uri.remove_prefix(slash);
  std::string out;
  for (std::size_t k = 0; k < uri.size(); ++k) {
    if (uri[k] == '%' && k + 2 < uri.size() && hex_value(uri[k + 1]) >= 0 &&
        hex_value(uri[k + 2]) >= 0) {
      out += static_cast<char>(hex_value(uri[k + 1]) * 16 + hex_value(uri[k + 2]));
      k += 2;
    } else if (uri[k] == '?' || uri[k] == '#') {
      break;
    } else {
      out += uri[k];
    }
  }
  if (out.find('\0') != std::string::npos) return std::nullopt;
  return out;
}

namespace {

// How many bytes the UTF-8 sequence that starts with `lead` takes, and how many UTF-16 units
// its character does (2 for a four-byte sequence, outside the Basic Multilingual Plane).
std::size_t sequence_bytes(unsigned char lead) {
  return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

std::uint32_t utf16_units(std::size_t bytes) {
  return bytes == 4 ? 2 : 1;
}

}  // namespace

std::uint32_t utf16_offset(std::string_view line, std::uint32_t code_points) {
  std::uint32_t units = 0, seen = 0;
  for (std::size_t k = 0; k < line.size() && seen < code_points; ++seen) {
    const std::size_t len = sequence_bytes(static_cast<unsigned char>(line[k]));
    units += utf16_units(len);
    k += len;
  }
  return units + (code_points > seen ? code_points - seen : 0);
}

std::uint32_t utf16_at_byte(std::string_view line, std::size_t byte) {
  std::uint32_t units = 0;
  for (std::size_t k = 0; k < std::min(byte, line.size());) {
    const std::size_t len = sequence_bytes(static_cast<unsigned char>(line[k]));
    units += utf16_units(len);
    k += len;
  }
  return units;
}

std::size_t byte_offset(std::string_view line, std::uint32_t utf16) {
  std::uint32_t units = 0;
  std::size_t k = 0;
  while (k < line.size() && units < utf16) {
    const std::size_t len = sequence_bytes(static_cast<unsigned char>(line[k]));
    units += utf16_units(len);
    k = std::min(line.size(), k + len);
  }
  return k;
}

Json range_of(const SourceText& source, Span span) {
  if (!span.known()) {
    return Json{{"start", {{"line", 0}, {"character", 0}}},
                {"end", {{"line", 0}, {"character", 0}}}};
  }
  const std::string_view line = source.line(span.line);
  const std::uint32_t line0 = span.line - 1;
  const std::uint32_t start = utf16_offset(line, span.column - 1);
  const std::uint32_t end = span.length > 0 ? utf16_offset(line, span.column - 1 + span.length)
                                            : utf16_at_byte(line, line.size());
  return Json{{"start", {{"line", line0}, {"character", start}}},
              {"end", {{"line", line0}, {"character", std::max(start, end)}}}};
}

}  // namespace lmc::cli::lsp
