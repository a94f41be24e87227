// SPDX-License-Identifier: Apache-2.0
// The Language Server Protocol's transport and coordinates: JSON-RPC messages framed by a
// Content-Length header, document URIs, and positions counted in UTF-16 code units.
#pragma once

#include <cstdint>
#include <istream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "lmc/source.h"

namespace lmc::cli::lsp {

using Json = nlohmann::json;

/// The largest message lmc reads (a model is at most a few megabytes; this leaves room for
/// JSON escaping): a longer Content-Length is refused rather than allocated.
inline constexpr std::size_t kMaxMessageBytes = 64u << 20;

/// The longest header line and the most header lines a message may have: a line that never
/// ends is not held in memory whole.
inline constexpr std::size_t kMaxHeaderLine = 8192;
inline constexpr int kMaxHeaderLines = 32;

/// What reading one message found.
enum class ReadStatus { message, end, bad_header };

/// Reads one message's body from `in`: headers up to the empty line, then Content-Length
/// bytes. `end` at the end of input; `bad_header` when the headers have no usable
/// Content-Length, or are too long or too many (the stream cannot be resynchronised after
/// that).
ReadStatus read_message(std::istream& in, std::string& body);

/// A number the protocol says is an integer (a line, a character, a version), as one. Throws
/// std::invalid_argument, answered as invalid params, when it is not an integer in range
/// (1e300, -1 for a position, 2^64): never converted with undefined behaviour.
std::uint32_t protocol_uinteger(const Json& value, std::string_view what);
std::int32_t protocol_integer(const Json& value, std::string_view what);

/// Writes messages whole, one at a time, whichever thread sends them.
class Writer {
 public:
  explicit Writer(std::ostream& out) : out_(out) {}
  void send(const Json& message);

 private:
  std::ostream& out_;
  std::mutex mutex_;
};

/// The path of a `file:` URI, percent-decoded; nullopt for any other scheme. (The other way:
/// file_uri() in lmc/report.h.)
std::optional<std::string> uri_to_path(std::string_view uri);

/// An LSP position: 0-based line and UTF-16 offset in it.
struct Position {
  std::uint32_t line = 0;
  std::uint32_t character = 0;
};

/// The UTF-16 offset of a 0-based code-point column in `line`.
std::uint32_t utf16_offset(std::string_view line, std::uint32_t code_points);
/// The UTF-16 offset of byte `byte` of `line`.
std::uint32_t utf16_at_byte(std::string_view line, std::size_t byte);
/// The byte offset in `line` of a UTF-16 offset (clamped to the line).
std::size_t byte_offset(std::string_view line, std::uint32_t utf16);

/// An LSP range for a finding's span in `source` (a whole-line range when the span has no
/// length; the start of the file when it has no place).
Json range_of(const SourceText& source, Span span);

}  // namespace lmc::cli::lsp
