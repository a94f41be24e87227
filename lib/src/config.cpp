// SPDX-License-Identifier: Apache-2.0
#include "lmc/config.h"

#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <fnmatch.h>
#include <glob.h>

#include <system_error>

#include "lmc/rules.h"
#include "lmc/suggest.h"
#include "load/document.h"

namespace lmc {

namespace {

using yaml::kNoNode;
using yaml::NodeKind;

}  // namespace

ConfigResult parse_config(const std::string& path, std::string text) {
  ConfigResult result;
  const SourceText source(path, std::move(text));
  yaml::ParseResult parsed = yaml::parse(source);
  result.problems = std::move(parsed.problems);
  const yaml::Document& doc = parsed.doc;
  auto problem = [&](Span span, std::string message, std::string suggestion = {}) {
    Diagnostic d;
    d.file = path;
    d.span = span;
    d.rule = "config";
    d.message = std::move(message);
    d.suggestion = std::move(suggestion);
    result.problems.push_back(std::move(d));
  };
  for (const auto& dup : doc.duplicate_keys()) {
    problem(doc.span(dup.key), fmt::format("key '{}' appears twice", doc.scalar(dup.key)));
  }
  if (!result.problems.empty() || doc.root() == kNoNode ||
      doc.node(doc.root()).kind == NodeKind::null) {
    return result;
  }
  if (doc.node(doc.root()).kind != NodeKind::mapping) {
    problem(doc.span(doc.root()), "the configuration should be a mapping with a `rules` key");
    return result;
  }
  std::vector<std::string_view> rule_ids;
  for (const Rule& r : all_rules()) rule_ids.push_back(r.id);
  const auto top = doc.children(doc.root());
  for (std::size_t i = 0; i + 1 < top.size(); i += 2) {
    const auto key = top[i], value = top[i + 1];
    const std::string_view name =
        doc.node(key).kind == NodeKind::scalar ? doc.scalar(key) : std::string_view();
    if (name == "exclude") {
      const auto& n = doc.node(value);
      if (n.kind == NodeKind::null) continue;
      bool ok = n.kind == NodeKind::sequence;
      if (ok) {
        for (auto item : doc.children(value)) {
          if (doc.node(item).kind != NodeKind::scalar)
            ok = false;
          else
            result.exclude.emplace_back(doc.scalar(item));
        }
      }
      if (!ok) problem(doc.span(value), "`exclude` should be a list of paths or glob patterns");
      continue;
    }
    if (name != "rules") {
      const std::string near = nearest(name, {"rules", "exclude"});
      problem(doc.span(key), fmt::format("unknown key '{}' in the configuration", name),
              near.empty() ? "the configuration has two keys, `rules` and `exclude`"
                           : fmt::format("did you mean '{}'?", near));
      continue;
    }
    if (doc.node(value).kind == NodeKind::null) continue;
    if (doc.node(value).kind != NodeKind::mapping) {
      problem(doc.span(value), "`rules` should map rule ids to error, warning, info or off");
      continue;
    }
    const auto entries = doc.children(value);
    for (std::size_t j = 0; j + 1 < entries.size(); j += 2) {
      const auto rk = entries[j], rv = entries[j + 1];
      const std::string_view rule =
          doc.node(rk).kind == NodeKind::scalar ? doc.scalar(rk) : std::string_view();
      if (!find_rule(rule)) {
        const std::string near = nearest(rule, rule_ids);
        problem(doc.span(rk), fmt::format("'{}' is not a rule id", rule),
                near.empty() ? "`lmc rules` lists them" : fmt::format("did you mean '{}'?", near));
        continue;
      }
      const std::string_view level =
          doc.node(rv).kind == NodeKind::scalar ? doc.scalar(rv) : std::string_view();
      if (level == "off") {
        result.rules.overrides[std::string(rule)] = std::nullopt;
      } else if (auto s = parse_severity(level)) {
        result.rules.overrides[std::string(rule)] = *s;
      } else {
        problem(doc.node(rv).kind == NodeKind::null ? doc.span(rk) : doc.span(rv),
                fmt::format("'{}' is not a severity: use error, warning, info or off", level));
      }
    }
  }
  return result;
}

namespace {

std::string normal_pattern(std::string p) {
  while (p.starts_with("./")) p.erase(0, 2);
  while (p.size() > 1 && p.back() == '/') p.pop_back();
  return p;
}

// A path below `base`, no deeper than a few folders and no further than a few thousand
// entries, whose last part matches the pattern's last part: what `drafts` probably meant.
std::string nearest_match(const std::string& pattern, const std::filesystem::path& base) {
  namespace fs = std::filesystem;
  constexpr int kMaxDepth = 6;
  constexpr int kMaxEntries = 20000;
  const auto slash = pattern.rfind('/');
  const std::string last = slash == std::string::npos ? pattern : pattern.substr(slash + 1);
  std::error_code ec;
  fs::recursive_directory_iterator it(base, fs::directory_options::skip_permission_denied, ec);
  for (int seen = 0; !ec && it != fs::recursive_directory_iterator() && seen < kMaxEntries;
       it.increment(ec), ++seen) {
    const std::string name = it->path().filename().string();
    if (name.starts_with(".")) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it.depth() >= kMaxDepth) it.disable_recursion_pending();
    if (fnmatch(last.c_str(), name.c_str(), 0) == 0) {
      return it->path().lexically_relative(base).generic_string();
    }
  }
  return {};
}

}  // namespace

bool is_excluded(const std::vector<std::string>& patterns, const std::string& relative,
                 std::size_t keep) {
  for (const std::string& pattern : patterns) {
    const std::string p = normal_pattern(pattern);
    // The path itself, or any directory above it.
    for (std::size_t end = relative.find('/');; end = relative.find('/', end + 1)) {
      const std::string prefix = relative.substr(0, end);
      if (prefix.size() > keep && fnmatch(p.c_str(), prefix.c_str(), FNM_PATHNAME) == 0)
        return true;
      if (end == std::string::npos) break;
    }
  }
  return false;
}

std::vector<UnmatchedExclude> unmatched_excludes(const std::vector<std::string>& patterns,
                                                 const std::filesystem::path& base) {
  std::vector<UnmatchedExclude> out;
  for (const std::string& pattern : patterns) {
    const std::string p = normal_pattern(pattern);
    if (p.empty()) continue;
    const std::string full = (base / p).string();
    glob_t found{};
    const int r = ::glob(full.c_str(), GLOB_NOSORT, nullptr, &found);
    const bool matched = r == 0 && found.gl_pathc > 0;
    ::globfree(&found);
    if (matched) continue;
    std::string guess = nearest_match(p, base);
    if (guess == p) guess.clear();
    out.push_back({pattern, std::move(guess)});
  }
  return out;
}

ConfigLookup find_config(const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  ConfigLookup out;
  std::error_code ec;
  fs::path d = fs::absolute(dir, ec);
  if (ec) return out;
  while (true) {
    const fs::path candidate = d / kConfigFileName;
    struct stat st {};
    if (::stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
      const bool foreign = st.st_uid != ::geteuid();
      const bool writable_by_others = (st.st_mode & (S_IWGRP | S_IWOTH)) != 0;
      if (foreign && writable_by_others) {
        out.unsafe.push_back(candidate);
      } else {
        out.file = candidate;
        return out;
      }
    }
    // The repository's root is as far as a model's configuration reaches.
    if (fs::exists(d / ".git", ec)) return out;
    if (!d.has_parent_path() || d.parent_path() == d) return out;
    d = d.parent_path();
  }
}

}  // namespace lmc
