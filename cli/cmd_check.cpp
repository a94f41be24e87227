// SPDX-License-Identifier: Apache-2.0
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <memory>
#include <set>

#include "checked_model.h"
#include "cli.h"
#include "lmc/check.h"
#include "lmc/load.h"
#include "lmc/report.h"
#include "model_group.h"

namespace lmc::cli {

namespace fs = std::filesystem;

namespace {

struct CheckArgs {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string fail_on = "error";
  bool strict = false;
  bool quiet = false;
  std::string color = "auto";
  std::string config;
  std::string today;
  std::string stdin_name = "<stdin>";
  bool models_only = false;
  bool follow = true;
};

// The root of the git work tree that holds the current directory, or the current directory:
// the CI reports give paths from there, as code-scanning and annotations expect.
fs::path repository_root() {
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  for (fs::path d = cwd; !d.empty(); d = d.parent_path()) {
    if (fs::exists(d / ".git", ec)) return d;
    if (d == d.parent_path()) break;
  }
  return cwd;
}

std::string repository_path(const std::string& display, const fs::path& real,
                            const fs::path& root) {
  if (real.empty()) return display;  // standard input: the name given to it
  const fs::path rel = real.lexically_relative(root);
  if (rel.empty() || rel.begin()->string() == "..") return display;
  return rel.generic_string();
}

std::optional<Severity> fail_threshold(const CheckArgs& a) {
  if (a.strict) return Severity::warning;
  if (a.fail_on == "never") return std::nullopt;
  return parse_severity(a.fail_on);
}

int run_check(const CheckArgs& args) {
  const bool color = args.format == "text" && use_color(args.color);
  std::string today_date;
  if (!resolve_today(args.today, today_date)) return kExitUsage;
  ConfigCache configs(use_color(args.color));
  if (!args.config.empty() && !configs.force(args.config)) return kExitUsage;
  Discovered found = discover(args.paths.empty() ? std::vector<std::string>{"."} : args.paths,
                              args.stdin_name, configs, args.models_only);
  bool usage_problem = !found.ok;

  const fs::path root = repository_root();
  std::sort(found.files.begin(), found.files.end(),
            [](const InputFile& a, const InputFile& b) { return a.display < b.display; });
  // Each model is loaded once with every model it reaches, and each group of linked models is
  // checked as one graph (see model_group.h).
  CheckedSet result = load_and_check(std::move(found.files), configs, today_date);
  if (!result.configs_ok) usage_problem = true;
  const ModelSet& set = result.set;
  // Without --follow, findings are reported in the files given only (the models they reach
  // are still read, so links into them are checked).
  std::vector<int> shown;
  std::set<std::string, std::less<>> shown_paths;
  for (std::size_t m = 0; m < set.models.size(); ++m) {
    if (!args.follow && m >= set.given) continue;
    shown.push_back(static_cast<int>(m));
    shown_paths.insert(set.models[m]->source.path());
  }
  std::sort(shown.begin(), shown.end(), [&](int a, int b) {
    return set.models[a]->source.path() < set.models[b]->source.path();
  });
  std::vector<CheckedFile> checked;
  for (int m : shown) {
    const LoadResult& l = *set.models[m];
    CheckedFile cf(l.source.path(), &l.source);
    cf.repo_path = repository_path(l.source.path(), set.real[m], root);
    cf.links = result.links[m];
    if (l.usable) cf.items = static_cast<int>(l.model.items.size());
    checked.push_back(cf);
  }
  std::vector<Diagnostic> all;
  for (Diagnostic& d : result.findings) {
    if (shown_paths.count(d.file)) all.push_back(std::move(d));
  }
  if (usage_problem && checked.empty()) return kExitUsage;
  if (checked.empty() && args.models_only) return kExitOk;  // a hook given no models

  ReportContext context;
  context.root_uri = directory_uri(root.generic_string());
  context.fail_on = fail_threshold(args);
  if (const LoadedConfig* here = configs.for_directory(fs::current_path()))
    context.rules = &here->rules;
  if (args.format == "json") {
    write_json(std::cout, checked, all);
  } else if (args.format == "sarif") {
    write_sarif(std::cout, checked, all, context);
  } else if (args.format == "github") {
    write_github(std::cout, checked, all);
  } else if (args.format == "junit") {
    write_junit(std::cout, checked, all, context);
  } else if (args.format == "codeclimate") {
    write_codeclimate(std::cout, checked, all);
  } else {
    write_text(std::cout, checked, all, TextStyle{color, args.quiet});
  }
  std::cout.flush();
  if (usage_problem) return kExitUsage;
  const auto threshold = fail_threshold(args);
  if (!threshold) return kExitOk;
  const bool fails = std::any_of(all.begin(), all.end(),
                                 [&](const Diagnostic& d) { return d.severity >= *threshold; });
  return fails ? kExitFindings : kExitOk;
}

}  // namespace

Runner setup_check(CLI::App& app) {
  auto args = std::make_shared<CheckArgs>();
  app.add_option("paths", args->paths,
                 "Model files and directories to check (default: the current directory); - "
                 "reads standard input");
  app.add_option("--format", args->format, "Output format")
      ->check(CLI::IsMember({"text", "json", "sarif", "github", "junit", "codeclimate"}))
      ->default_str("text");
  app.add_option("--fail-on", args->fail_on,
                 "Exit 1 when a finding is at least this severe (default: error)")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}));
  app.add_flag("--strict", args->strict, "Same as --fail-on warning");
  app.add_flag("-q,--quiet", args->quiet,
               "Print only the findings' first lines: no excerpt, help or summary");
  app.add_option("--color", args->color, "Colour the text output")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_option("--config", args->config,
                 "Rule configuration to use instead of the nearest .lmc.yaml");
  app.add_option("--today", args->today,
                 "The date overdue-test compares against, as YYYY-MM-DD (default: today)");
  app.add_flag("--models-only", args->models_only,
               "Skip named files that are not logic models (no top-level logic_model), as "
               "directory walks do; for hooks that pass every changed YAML file");
  app.add_flag_callback(
      "--follow", [args] { args->follow = true; },
      "Report the findings of the models the given ones reach through `model:` and PATH#id "
      "too (the default)");
  app.add_flag_callback(
      "--no-follow", [args] { args->follow = false; },
      "Report the findings of the given files only (the models they reach are still read, so "
      "the links into them are checked)");
  app.add_option("--stdin-name", args->stdin_name,
                 "The path to report for a model read from standard input");
  return [args] { return run_check(*args); };
}

}  // namespace lmc::cli
