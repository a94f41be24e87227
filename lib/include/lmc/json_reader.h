// SPDX-License-Identifier: Apache-2.0
// The one way lmc reads JSON that someone else wrote (a baseline file, a language-server
// message): its nesting is counted while it is parsed, before any value is built, so a
// document nested 200,000 deep is refused instead of overflowing the stack when it is copied,
// printed or destroyed; a number beyond a double (1e999) is refused as a parse error; nothing
// throws. (nlohmann-json builds and frees values recursively.)
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace lmc {

/// The deepest nesting read_json accepts: far more than any baseline (3) or LSP message
/// (about 8) has.
inline constexpr std::size_t kMaxJsonDepth = 64;

namespace detail {

// Counts nesting and keeps the first error; builds nothing.
template <class J>
class JsonChecker final : public nlohmann::json_sax<J> {
 public:
  using typename nlohmann::json_sax<J>::number_integer_t;
  using typename nlohmann::json_sax<J>::number_unsigned_t;
  using typename nlohmann::json_sax<J>::number_float_t;
  using typename nlohmann::json_sax<J>::string_t;
  using typename nlohmann::json_sax<J>::binary_t;

  JsonChecker(std::size_t max_depth, std::string& error) : max_(max_depth), error_(error) {}
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return enter(); }
  bool key(string_t&) override { return true; }
  bool end_object() override { return leave(); }
  bool start_array(std::size_t) override { return enter(); }
  bool end_array() override { return leave(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
    error_ = e.what();
    return false;
  }

 private:
  bool enter() {
    if (++depth_ <= max_) return true;
    error_ = "it nests deeper than " + std::to_string(max_) + " levels";
    return false;
  }
  bool leave() {
    --depth_;
    return true;
  }
  std::size_t max_;
  std::size_t depth_ = 0;
  std::string& error_;
};

}  // namespace detail

/// Parses `text` as one JSON value of type J (nlohmann::json or ordered_json), or says why
/// not in `error` (a parse error with its position, a number out of range, too deep a nesting).
template <class J = nlohmann::json>
std::optional<J> read_json(std::string_view text, std::string& error,
                           std::size_t max_depth = kMaxJsonDepth) {
  detail::JsonChecker<J> checker(max_depth, error);
  if (!J::sax_parse(text, &checker) || !error.empty()) {
    if (error.empty()) error = "it is not JSON";
    return std::nullopt;
  }
  J value = J::parse(text, nullptr, false);
  if (value.is_discarded()) {
    error = "it is not JSON";
    return std::nullopt;
  }
  return value;
}

}  // namespace lmc
