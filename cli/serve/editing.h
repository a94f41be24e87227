// SPDX-License-Identifier: Apache-2.0
// `lmc serve --edit`: the page changes models through lmc edit's operations. Who may edit (the
// editor token, its cookie) is cmd_serve.cpp's; what one edit does to a file is here: read it,
// compare its ETag with the page's, apply the operations, write it only if nobody saved it
// meanwhile.
#pragma once

#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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
/// ETag when written. When it wrote the file, `before` and `after` receive its texts.
EditReply edit_model(const std::filesystem::path& file, std::string_view if_match,
                     std::string_view body, std::string* before = nullptr,
                     std::string* after = nullptr);

/// The changes made through the page, model by model, to undo and redo them: the texts before
/// and after each, so an undo gives the file back the bytes it had. An undo or a redo is a
/// change like any other (If-Match, written only over the text it was made to); a file saved
/// by anything else since the last change made here cannot be undone past that save (409).
/// Thread-safe; at most kMaxSteps changes a model are kept.
class History {
 public:
  static constexpr std::size_t kMaxSteps = 100;
  /// The most text kept for one model's steps (the oldest go first).
  static constexpr std::size_t kMaxBytes = 64u << 20;

  /// edit_model(), remembered when it changed the file.
  EditReply edit(const std::filesystem::path& file, std::string_view if_match,
                 std::string_view body);
  /// Takes back the last change (undo) or makes again the last one taken back (redo); 409
  /// when there is none, or the file is no longer as that change left it.
  EditReply undo(const std::filesystem::path& file, std::string_view if_match);
  EditReply redo(const std::filesystem::path& file, std::string_view if_match);

  /// How many changes of `file` can be undone and redone.
  std::pair<std::size_t, std::size_t> depth(const std::filesystem::path& file) const;

 private:
  struct Step {
    std::string before, after;  ///< the file's bytes
  };
  struct Steps {
    std::vector<Step> done, undone;
    std::size_t bytes() const;
  };
  EditReply step(const std::filesystem::path& file, std::string_view if_match, bool back);
  EditReply with_depth(const std::filesystem::path& file, EditReply reply) const;

  mutable std::mutex mu_;
  std::map<std::filesystem::path, Steps> files_;
};

}  // namespace lmc::cli::serve
