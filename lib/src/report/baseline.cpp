// SPDX-License-Identifier: Apache-2.0
#include "lmc/baseline.h"

#include <fmt/format.h>

#include "lmc/json_reader.h"
#include "report/ci_common.h"
#include "report/json_util.h"

namespace lmc {

namespace {

constexpr int kBaselineVersion = 1;

}  // namespace

std::string baseline_json(const std::vector<CheckedFile>& files,
                          const std::vector<Diagnostic>& diags) {
  const auto paths = repo_paths(files);
  Json entries = Json::array();  // in the findings' order: by file, line, column, rule
  for (const Diagnostic& d : diags) {
    const std::string path = repo_path_of(paths, d.file);
    // The rule, path and message are for people reading the file (and its diffs in review);
    // only the fingerprint is matched.
    entries.push_back(Json{{"fingerprint", fingerprint(d, path)},
                           {"rule", d.rule},
                           {"path", path},
                           {"line", d.span.line},
                           {"message", d.message}});
  }
  const Json doc{{"lmc_baseline", kBaselineVersion},
                 {"comment",
                  "Findings lmc reported when this baseline was written; `lmc check --baseline "
                  "FILE` reports only others. Matched by fingerprint, not line."},
                 {"findings", std::move(entries)}};
  return dump_json(doc);
}

std::optional<Baseline> parse_baseline(const std::string& text, std::string& error) {
  std::string why;
  const std::optional<Json> read = read_json<Json>(text, why);
  if (!read) {
    error = fmt::format("not a baseline lmc can read: {}", why);
    return std::nullopt;
  }
  const Json& doc = *read;
  if (!doc.is_object() || !doc.contains("lmc_baseline")) {
    error = "not an lmc baseline (no \"lmc_baseline\" key): write one with --write-baseline";
    return std::nullopt;
  }
  if (doc["lmc_baseline"] != kBaselineVersion) {
    error = fmt::format("baseline version {} is not one this lmc reads ({})",
                        doc["lmc_baseline"].dump(), kBaselineVersion);
    return std::nullopt;
  }
  const Json& findings = doc.contains("findings") ? doc["findings"] : Json();
  if (!findings.is_array()) {
    error = "\"findings\" is not a list";
    return std::nullopt;
  }
  Baseline b;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const Json& f = findings[i];
    if (!f.is_object() || !f.contains("fingerprint") || !f["fingerprint"].is_string()) {
      error = fmt::format("findings[{}] has no \"fingerprint\" string", i);
      return std::nullopt;
    }
    ++b.counts[f["fingerprint"].get<std::string>()];
    ++b.size;
  }
  return b;
}

BaselineMatch match_baseline(const Baseline& baseline, const std::vector<CheckedFile>& files,
                             std::vector<Diagnostic> diags) {
  const auto paths = repo_paths(files);
  std::map<std::string, int, std::less<>> left = baseline.counts;
  BaselineMatch out;
  for (Diagnostic& d : diags) {
    auto it = left.find(fingerprint(d, repo_path_of(paths, d.file)));
    if (it != left.end() && it->second > 0) {
      --it->second;
      ++out.known;
      continue;
    }
    out.fresh.push_back(std::move(d));
  }
  for (const auto& [print, n] : left) out.fixed += static_cast<std::size_t>(n);
  return out;
}

}  // namespace lmc
