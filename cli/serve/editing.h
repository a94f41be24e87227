// SPDX-License-Identifier: Apache-2.0
// `lmc serve --edit`: the page changes models through lmc edit's operations. Who may edit (the
// editor token, its cookie) is cmd_serve.cpp's; what one edit does to a file is here: read it,
// compare its ETag with the page's, apply the operations, write it only if nobody saved it
// meanwhile.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace lmc::cli::serve {

/// The largest edit request body (a list of operations).
inline constexpr std::size_t kMaxEditBody = 1u << 20;

/// A new editor token: 32 hexadecimal digits from the system's random source.
std::string make_token();

/// Whether `given` is `token` (compared in constant time).
bool token_matches(std::string_view token, std::string_view given);

/// The ETag of a model file's bytes (a quoted hash).
std::string etag_of(std::string_view bytes);

/// The ETag of the file as it is on disk now; empty when it cannot be read.
std::string current_etag(const std::filesystem::path& file);

/// What an edit request gets: its status, a JSON body, and the model's ETag after it.
struct EditReply {
  int status = 200;
  std::string body;  ///< {"etag": ...} or {"error": ..., "etag": ...}
  std::string etag;
};

/// Applies the operations in `body` (JSON) to `file`, when `if_match` is its current ETag:
/// 428 without one, 409 when the file changed since (the page reloads), 400 for operations
/// that are not JSON, 422 for one that cannot apply (the file untouched), 200 with the new
/// ETag when written.
EditReply edit_model(const std::filesystem::path& file, std::string_view if_match,
                     std::string_view body);

}  // namespace lmc::cli::serve
