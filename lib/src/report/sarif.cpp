// SPDX-License-Identifier: Apache-2.0
#include <fmt/format.h>

#include "lmc/rules.h"
#include "report/ci_common.h"
#include "support/json.h"

namespace lmc {

namespace {

// A URI path: unreserved characters and '/' as they are, everything else percent-encoded.
std::string uri_path(std::string_view path) {
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

// "unlinked-activity" -> "UnlinkedActivity". SARIF wants a name distinct from the id, which a
// one-word id ("cycle") would not be: its category leads ("LogicCycle").
std::string pascal_case(std::string_view words) {
  std::string out;
  bool upper = true;
  for (char c : words) {
    if (c == '-') {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out;
}

std::string rule_name(const Rule& r) {
  if (r.id.find('-') != std::string_view::npos) return pascal_case(r.id);
  return pascal_case(fmt::format("{}-{}", to_string(r.category), r.id));
}

// The paragraph under a heading of a rule's page.
std::string section(std::string_view doc, std::string_view heading) {
  const auto at = doc.find(heading);
  if (at == std::string_view::npos) return {};
  const auto start = doc.find("\n\n", at) + 2;
  const auto end = doc.find("\n\n", start);
  std::string text(doc.substr(start, end - start));
  for (char& c : text) {
    if (c == '\n') c = ' ';
  }
  return text;
}

std::string_view level(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "note";
  }
  return "error";
}

std::string sentence(std::string_view s) {
  std::string out(s);
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  if (!out.empty() && out.back() != '.') out += '.';
  return out;
}

Json location(const std::string& path, Span span) {
  Json region{{"startLine", span.line}, {"startColumn", span.column}};
  if (span.length > 0) region["endColumn"] = span.column + span.length;
  // A file outside the repository keeps its absolute path: a URI of its own, not one relative
  // to SRCROOT (a relative reference may not begin with '/').
  Json artifact = !path.empty() && path.front() == '/'
                      ? Json{{"uri", file_uri(path)}}
                      : Json{{"uri", uri_path(path)}, {"uriBaseId", "SRCROOT"}};
  return Json{{"physicalLocation",
               {{"artifactLocation", std::move(artifact)}, {"region", std::move(region)}}}};
}

}  // namespace

void write_sarif(std::ostream& out, const std::vector<CheckedFile>& files,
                 const std::vector<Diagnostic>& diags, const ReportContext& context) {
  const auto paths = repo_paths(files);
  Json rules = Json::array();
  std::map<std::string_view, int> index;
  for (const Rule& r : all_rules()) {
    index[r.id] = static_cast<int>(rules.size());
    const std::string_view doc = rule_doc(r.id);
    rules.push_back(
        Json{{"id", std::string(r.id)},
             {"name", rule_name(r)},
             {"shortDescription", {{"text", sentence(r.summary)}}},
             {"fullDescription", {{"text", section(doc, "## Why it matters")}}},
             {"helpUri", rule_page_url(r.id)},
             {"help", {{"text", sentence(r.fix)}, {"markdown", std::string(doc)}}},
             {"defaultConfiguration", {{"level", std::string(level(r.severity))}}},
             {"properties", {{"tags", Json::array({std::string(to_string(r.category))})}}}});
  }
  Json results = Json::array();
  for (const Diagnostic& d : diags) {
    const std::string path = repo_path_of(paths, d.file);
    const std::string text = message_with_suggestion(d);
    Json result{{"ruleId", d.rule},
                {"level", std::string(level(d.severity))},
                {"message", {{"text", text}}},
                {"locations", Json::array({location(path, d.span)})},
                {"partialFingerprints", {{"lmcFinding/v1", fingerprint(d, path)}}}};
    if (auto it = index.find(d.rule); it != index.end()) {
      result["ruleIndex"] = it->second;
    }
    if (!d.related.empty()) {
      Json related = Json::array();
      int id = 1;
      for (const Related& r : d.related) {
        Json loc = location(repo_path_of(paths, r.file), r.span);
        loc["id"] = id++;
        loc["message"] = Json{{"text", r.message}};
        related.push_back(std::move(loc));
      }
      result["relatedLocations"] = std::move(related);
    }
    results.push_back(std::move(result));
  }
  Json run{{"tool",
            {{"driver",
              {{"name", "lmc"},
               {"fullName", "lmc " LMC_VERSION " (logic model checker)"},
               {"version", LMC_VERSION},
               {"semanticVersion", LMC_VERSION},
               {"informationUri", LMC_HOMEPAGE},
               {"rules", std::move(rules)}}}}},
           {"columnKind", "unicodeCodePoints"},
           // One category for every lmc run, so that code scanning replaces the last run's
           // results with this one's (GitHub reads it as the analysis category).
           {"automationDetails",
            {{"id", context.automation_id.empty() ? "lmc/" : context.automation_id}}}};
  if (!context.automation_properties.empty()) {
    Json properties = Json::object();
    for (const auto& [key, value] : context.automation_properties) properties[key] = value;
    run["automationDetails"]["properties"] = std::move(properties);
  }
  if (!context.root_uri.empty()) {
    run["originalUriBaseIds"] = Json{{"SRCROOT", {{"uri", context.root_uri}}}};
  }
  run["results"] = std::move(results);
  Json doc{{"$schema",
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
            "sarif-schema-2.1.0.json"},
           {"version", "2.1.0"},
           {"runs", Json::array({std::move(run)})}};
  out << dump_json(doc);
}

std::string directory_uri(std::string_view absolute_dir) {
  std::string dir(absolute_dir);
  if (dir.empty() || dir.back() != '/') dir += '/';
  return file_uri(dir);
}

std::string file_uri(std::string_view absolute_path) {
  return "file://" + uri_path(absolute_path);
}

std::string fingerprint(const Diagnostic& d, const std::string& path) {
  // Numbers in a message are line numbers or counts ("already used on line 8"): leave them
  // out so that moving unrelated lines does not change the fingerprint.
  std::string key = d.rule + '\x1f' + path + '\x1f' + d.item + '\x1f';
  for (char c : d.message) {
    if (!std::isdigit(static_cast<unsigned char>(c))) key += c;
  }
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (unsigned char c : key) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return fmt::format("{:016x}", h);
}

}  // namespace lmc
