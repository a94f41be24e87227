// SPDX-License-Identifier: Apache-2.0
#include "serve/editing.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <optional>
#include <random>

#include "driver/files.h"
#include "driver/output_file.h"
#include "lmc/edit.h"

namespace lmc::cli::serve {

std::string make_token() {
  std::random_device random;  // /dev/urandom
  std::string out;
  for (int k = 0; k < 4; ++k) out += fmt::format("{:08x}", random());
  return out;
}

bool token_matches(std::string_view token, std::string_view given) {
  if (token.empty() || given.size() != token.size()) return false;
  unsigned char diff = 0;
  for (std::size_t k = 0; k < token.size(); ++k) {
    diff |= static_cast<unsigned char>(token[k] ^ given[k]);
  }
  return diff == 0;
}

std::string etag_of(std::string_view bytes) {
  std::uint64_t hash = 1469598103934665603ull;  // FNV-1a, 64 bits
  for (unsigned char c : bytes) hash = (hash ^ c) * 1099511628211ull;
  return fmt::format("\"{:016x}-{}\"", hash, bytes.size());
}

std::string current_etag(const std::filesystem::path& file) {
  std::string text;
  if (driver::read_file(file, text, nullptr, nullptr, driver::Overwrite::allowed) !=
      driver::ReadError::none) {
    return {};
  }
  return etag_of(text);
}

namespace {

EditReply reply(int status, const std::string& error, const std::string& etag) {
  nlohmann::json out = {{"etag", etag}};
  if (!error.empty()) out["error"] = error;
  return EditReply{status, out.dump(), etag};
}

// Reads the model a change (`what`: an edit, an undo) is made to: its text and ETag, or the
// refusal when it cannot be read or `if_match` is not its ETag.
std::optional<EditReply> read_current(const std::filesystem::path& file, std::string_view if_match,
                                      std::string_view what, std::string& text, std::string& etag) {
  std::string why;
  if (driver::read_file(file, text, &why, nullptr, driver::Overwrite::allowed) !=
      driver::ReadError::none) {
    return reply(404, "the model " + why, "");
  }
  etag = etag_of(text);
  if (if_match.empty()) {
    return reply(428, fmt::format("{} needs If-Match: the ETag of the model it was made to", what),
                 etag);
  }
  if (if_match != etag) {
    return reply(409, "the model changed on disk since the page read it; reload it", etag);
  }
  return std::nullopt;
}

}  // namespace

EditReply edit_model(const std::filesystem::path& file, std::string_view if_match,
                     std::string_view body, std::string* before, std::string* after) {
  std::string text, etag;
  if (auto refused = read_current(file, if_match, "an edit", text, etag)) return *refused;
  std::string error;
  const auto ops = parse_edit_ops(body, error);
  if (!ops) return reply(400, error, etag);
  const bool bom = text.starts_with("\xEF\xBB\xBF");
  const std::string_view model = std::string_view(text).substr(bom ? 3 : 0);
  const EditResult result = apply_edits(model, *ops);
  if (!result.ok) return reply(422, result.error, etag);
  const std::string out = (bom ? std::string("\xEF\xBB\xBF") : std::string()) + result.text;
  if (out == text) return reply(200, "", etag);
  if (const std::string failed = driver::replace_model(file.string(), text, out); !failed.empty()) {
    // Saved by someone else between the read and the write: theirs stays.
    const std::string now = current_etag(file);
    return reply(now != etag ? 409 : 500, failed, now);
  }
  EditReply done = reply(200, "", etag_of(out));
  if (before) *before = std::move(text);
  if (after) *after = out;
  return done;
}

EditReply History::with_depth(const std::filesystem::path& file, EditReply r) const {
  const auto [undo, redo] = depth(file);
  nlohmann::json body = nlohmann::json::parse(r.body, nullptr, false);
  if (body.is_object()) {
    body["undo"] = undo;
    body["redo"] = redo;
    r.body = body.dump();
  }
  return r;
}

std::size_t History::Steps::bytes() const {
  std::size_t n = 0;
  for (const auto* list : {&done, &undone}) {
    for (const Step& s : *list) n += s.before.size() + s.after.size();
  }
  return n;
}

std::pair<std::size_t, std::size_t> History::depth(const std::filesystem::path& file) const {
  std::lock_guard lock(mu_);
  const auto it = files_.find(file);
  if (it == files_.end()) return {0, 0};
  return {it->second.done.size(), it->second.undone.size()};
}

EditReply History::edit(const std::filesystem::path& file, std::string_view if_match,
                        std::string_view body) {
  std::unique_lock lock(mu_);  // one change of the served models at a time
  std::string before, after;
  EditReply r = edit_model(file, if_match, body, &before, &after);
  if (r.status == 200 && before != after) {
    Steps& steps = files_[file];
    steps.done.push_back({std::move(before), std::move(after)});
    steps.undone.clear();
    while (steps.done.size() > kMaxSteps || (steps.done.size() > 1 && steps.bytes() > kMaxBytes)) {
      steps.done.erase(steps.done.begin());
    }
  }
  lock.unlock();
  return with_depth(file, std::move(r));
}

EditReply History::undo(const std::filesystem::path& file, std::string_view if_match) {
  return with_depth(file, step(file, if_match, true));
}

EditReply History::redo(const std::filesystem::path& file, std::string_view if_match) {
  return with_depth(file, step(file, if_match, false));
}

EditReply History::step(const std::filesystem::path& file, std::string_view if_match, bool back) {
  std::lock_guard lock(mu_);
  std::string text, etag;
  if (auto refused = read_current(file, if_match, back ? "an undo" : "a redo", text, etag)) {
    return *refused;
  }
  Steps& steps = files_[file];
  std::vector<Step>& from = back ? steps.done : steps.undone;
  if (from.empty()) {
    return reply(409, back ? "there is no change made on this page to undo" : "nothing to redo",
                 etag);
  }
  const Step& last = from.back();
  // The file as that change left it (or, to redo, as the undo left it): else something else
  // saved it since, and going back or forth would lose that save.
  if (text != (back ? last.after : last.before)) {
    steps.done.clear();
    steps.undone.clear();
    return reply(409,
                 "the file was saved by something else since the last change made here: it "
                 "cannot be undone without losing that save",
                 etag);
  }
  const std::string& to = back ? last.before : last.after;
  if (const std::string failed = driver::replace_model(file.string(), text, to); !failed.empty()) {
    const std::string now = current_etag(file);
    return reply(now != etag ? 409 : 500, failed, now);
  }
  const std::string now = etag_of(to);
  (back ? steps.undone : steps.done).push_back(last);
  from.pop_back();
  return reply(200, "", now);
}

}  // namespace lmc::cli::serve
