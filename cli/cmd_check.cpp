// SPDX-License-Identifier: Apache-2.0
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <set>
#include <sstream>

#include "cli.h"
#include "driver/checked_model.h"
#include "driver/output_file.h"
#include "driver/session.h"
#include "format_table.h"
#include "frontend.h"
#include "lmc/baseline.h"
#include "lmc/check.h"
#include "lmc/load.h"
#include "lmc/report.h"

namespace lmc::cli {

namespace fs = std::filesystem;

namespace {

struct CheckArgs {
  std::vector<std::string> paths;
  std::vector<std::string> formats;  ///< each --format, in order
  std::vector<std::string> outputs;  ///< each --output, in order
  std::vector<std::string> order;    ///< "format" and "output" as they were given
  std::string baseline;
  std::string write_baseline;
  std::string fail_on = "error";
  bool strict = false;
  bool quiet = false;
  std::string color = "auto";
  std::string config;
  std::string today;
  std::string stdin_name = "<stdin>";
  bool models_only = false;
  bool follow = true;
  bool report_unused = false;
  std::string min_severity;  ///< what the outputs list; empty: each format's own default
};

// The least severe finding an output lists: --min-severity, else the format's default (notes
// are folded into a count in GitHub annotations and the Markdown summary, where room is short).
Severity listed_from(const CheckArgs& args, Severity otherwise) {
  if (auto s = parse_severity(args.min_severity)) return *s;
  return otherwise;
}

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

using Clock = std::chrono::steady_clock;

// Where one report goes: a format and a file (empty: standard output).
struct OutputSpec {
  std::string format;
  std::string file;
};

// In an Azure pipeline (TF_BUILD=True), the run's automation details name the build definition
// and phase, as GitHub Advanced Security for Azure DevOps requires of an uploaded SARIF file:
// an id `azuredevops/pipeline/build/ORG/PROJECT/DEFINITION/PHASE/BRANCH/BUILD` and four
// properties, all from the pipeline's predefined variables.
void azure_automation(ReportContext& context) {
  auto env = [](const char* name) -> std::string {
    const char* v = std::getenv(name);
    return v ? v : "";
  };
  if (env("TF_BUILD") != "True") return;
  auto first = [&](const char* a, const char* b) { return env(a).empty() ? env(b) : env(a); };
  std::string org = env("SYSTEM_COLLECTIONURI");
  while (!org.empty() && org.back() == '/') org.pop_back();
  org = org.substr(org.find_last_of('/') + 1);
  const std::string definition = env("SYSTEM_DEFINITIONID");
  const std::string phase = first("SYSTEM_PHASEID", "SYSTEM_JOBID");
  context.automation_id =
      fmt::format("azuredevops/pipeline/build/{}/{}/{}/{}/{}/{}", org, env("SYSTEM_TEAMPROJECT"),
                  definition, phase, env("BUILD_SOURCEBRANCH"), env("BUILD_BUILDID"));
  const std::string prefix = "azuredevops/pipeline/build/";
  context.automation_properties = {
      {prefix + "buildDefinitionId", definition.empty() ? "-1" : definition},
      {prefix + "buildDefinitionName", env("BUILD_DEFINITIONNAME")},
      {prefix + "phaseId", phase},
      {prefix + "phaseName", first("SYSTEM_PHASENAME", "SYSTEM_JOBNAME")}};
}

std::optional<Severity> fail_threshold(const CheckArgs& a) {
  if (a.strict) return Severity::warning;
  if (a.fail_on == "never") return std::nullopt;
  return parse_severity(a.fail_on);
}

// What one output of a run is written from.
struct WriteInput {
  const std::vector<CheckedFile>& files;
  const std::vector<Diagnostic>& listed;  ///< the findings --min-severity lets through
  const std::vector<Diagnostic>& all;     ///< every finding (the short formats fold notes)
  const ReportContext& context;
  const CheckArgs& args;
  bool color;  ///< this output is a terminal that takes colour
};

// The formats of `lmc check`: the one table CLI11's allowed values, the format an --output's
// name implies and the writing are all taken from.
using CheckWriter = void (*)(std::ostream&, const WriteInput&);
const FormatTable<CheckWriter> kCheckFormats = {
    {"text",
     {".txt"},
     {},
     [](std::ostream& out, const WriteInput& in) {
       write_text(out, in.files, in.listed, TextStyle{in.color, in.args.quiet});
     }},
    {"json",
     {".json"},
     {},
     [](std::ostream& out, const WriteInput& in) { write_json(out, in.files, in.listed); }},
    {"sarif",
     {".sarif"},
     {},
     [](std::ostream& out, const WriteInput& in) {
       write_sarif(out, in.files, in.listed, in.context);
     }},
    {"github",
     {},
     {},
     [](std::ostream& out, const WriteInput& in) {
       write_github(out, in.files, in.all, listed_from(in.args, Severity::warning));
     }},
    {"junit",
     {".xml"},
     {},
     [](std::ostream& out, const WriteInput& in) {
       write_junit(out, in.files, in.listed, in.context);
     }},
    {"codeclimate",
     {},
     {},
     [](std::ostream& out, const WriteInput& in) { write_codeclimate(out, in.files, in.listed); }},
    {"markdown",
     {".md"},
     {},
     [](std::ostream& out, const WriteInput& in) {
       write_markdown(out, in.files, in.all, listed_from(in.args, Severity::warning));
     }},
};

// Pairs each --output with the --format given before it: `--format sarif --output lmc.sarif
// --format github` writes SARIF to the file and annotations to standard output. Nullopt, said
// on standard error, when two formats would share standard output.
std::optional<std::vector<OutputSpec>> output_specs(const CheckArgs& a) {
  std::vector<OutputSpec> specs;
  std::size_t f = 0, o = 0;
  for (const std::string& kind : a.order) {
    if (kind == "format") {
      specs.push_back(OutputSpec{a.formats[f++], {}});
    } else if (!specs.empty() && specs.back().file.empty()) {
      specs.back().file = a.outputs[o++];
    } else {
      specs.push_back(
          OutputSpec{std::string(kCheckFormats.choose({}, a.outputs[o]).name), a.outputs[o]});
      ++o;
    }
  }
  if (specs.empty()) specs.push_back(OutputSpec{"text", {}});
  for (OutputSpec& s : specs) {
    if (s.file == "-") s.file.clear();
  }
  const auto to_stdout =
      std::count_if(specs.begin(), specs.end(), [](const OutputSpec& s) { return s.file.empty(); });
  if (to_stdout > 1) {
    std::cerr << "lmc: only one --format can go to standard output: give the others an --output "
                 "FILE after them (--format sarif --output lmc.sarif --format github)\n";
    return std::nullopt;
  }
  return specs;
}

int run_check(const CheckArgs& args) {
  const auto started = Clock::now();
  const auto parsed = output_specs(args);
  if (!parsed) return kExitUsage;
  const std::vector<OutputSpec>& specs = *parsed;
  const bool color = use_color(args.color);
  std::optional<Baseline> baseline;
  if (!args.baseline.empty()) {
    std::string text, error;
    // The baseline may be refreshed in place (--write-baseline naming the same file).
    if (read_file(args.baseline, text, &error, nullptr, Overwrite::allowed) != ReadError::none ||
        !(baseline = parse_baseline(text, error))) {
      std::cerr << fmt::format("lmc: {}: {}\n", args.baseline, error);
      return kExitUsage;
    }
  }
  std::string today_date;
  if (!resolve_today(args.today, today_date)) return kExitUsage;
  ConfigCache configs(config_printer(use_color(args.color)));
  if (!args.config.empty() && !configs.force(args.config)) return kExitUsage;
  Discovered found = discover(args.paths.empty() ? std::vector<std::string>{"."} : args.paths,
                              args.stdin_name, configs, args.models_only);
  bool usage_problem = !found.ok;

  const fs::path root = repository_root();
  std::sort(found.files.begin(), found.files.end(),
            [](const InputFile& a, const InputFile& b) { return a.display < b.display; });
  // Each model is loaded once with every model it reaches, and each group of linked models is
  // checked as one graph (see model_group.h).
  // A model's results (its `results:`) are checked with it: stale-indicator, and the rows of
  // the CSV that cannot be read, located there.
  CheckedSet result =
      load_and_check(std::move(found.files), configs, today_date, {}, args.report_unused, true);
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
  for (const auto& r : result.results) {
    if (shown_paths.count(set.models[r->model]->source.path())) {
      shown_paths.insert(r->results.path);
    }
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
    cf.title = l.model.title.value;
    checked.push_back(cf);
  }
  std::vector<Diagnostic> all;
  for (Diagnostic& d : result.findings) {
    if (shown_paths.count(d.file)) all.push_back(std::move(d));
  }
  if (usage_problem && checked.empty()) return kExitUsage;
  if (checked.empty() && args.models_only) return kExitOk;  // a hook given no models

  // A report never replaces a file it reports on: every output is asked before any is written.
  std::vector<std::string> targets{args.write_baseline};
  for (const OutputSpec& o : specs) targets.push_back(o.file);
  for (const std::string& target : targets) {
    if (const std::string why = target.empty() ? "" : output_is_input(target); !why.empty()) {
      print_error(why);
      return kExitUsage;
    }
  }

  ReportContext context;
  context.root_uri = directory_uri(root.generic_string());
  context.fail_on = fail_threshold(args);
  azure_automation(context);
  if (const LoadedConfig* here = configs.for_directory(fs::current_path()))
    context.rules = &here->rules;

  if (!args.write_baseline.empty()) {
    if (usage_problem) return kExitUsage;  // a baseline of a partial run would hide too little
    if (std::string error = write_to(args.write_baseline, baseline_json(checked, all));
        !error.empty()) {
      std::cerr << "lmc: " << error << '\n';
      return kExitUsage;
    }
    std::cerr << fmt::format(
        "lmc: wrote {} finding{} to {}; `lmc check --baseline {}` now "
        "reports only new ones\n",
        all.size(), all.size() == 1 ? "" : "s", args.write_baseline, args.write_baseline);
    return kExitOk;
  }
  if (!args.baseline.empty()) {
    BaselineMatch match = match_baseline(*baseline, checked, std::move(all));
    all = std::move(match.fresh);
    if (!args.quiet) {
      for (const BaselineMatch::Move& move : match.moves) {
        std::cerr << fmt::format(
            "lmc: {} baseline finding{} followed {} to {} (moved; --write-baseline records the "
            "new path)\n",
            move.findings, move.findings == 1 ? "" : "s", move.from, move.to);
      }
    }
    if (!args.quiet && (match.known > 0 || match.fixed > 0)) {
      std::cerr << fmt::format("lmc: {} finding{} in the baseline not shown", match.known,
                               match.known == 1 ? "" : "s");
      if (match.fixed > 0) {
        std::cerr << fmt::format(
            "; {} baseline finding{} no longer found (rewrite it with "
            "--write-baseline to keep it short)",
            match.fixed, match.fixed == 1 ? " is" : "s are");
      }
      std::cerr << '\n';
    }
  }
  context.seconds = std::chrono::duration<double>(Clock::now() - started).count();

  // --min-severity narrows what every output lists (the exit code still weighs them all).
  std::vector<Diagnostic> listed;
  if (!args.min_severity.empty()) {
    const Severity least = listed_from(args, Severity::info);
    std::copy_if(all.begin(), all.end(), std::back_inserter(listed),
                 [&](const Diagnostic& d) { return d.severity >= least; });
  }
  const std::vector<Diagnostic>& to_list = args.min_severity.empty() ? all : listed;
  for (const OutputSpec& o : specs) {
    std::ostringstream out;
    kCheckFormats.choose(o.format, {})
        .write(out, WriteInput{checked, to_list, all, context, args, o.file.empty() && color});
    if (o.file.empty()) {
      std::cout << out.str();
      std::cout.flush();
    } else if (std::string error = write_to(o.file, out.str()); !error.empty()) {
      std::cerr << "lmc: " << error << '\n';
      usage_problem = true;
    }
  }
  if (usage_problem) return kExitUsage;
  const std::optional<Severity> threshold = context.fail_on;
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
  app.add_option_function<std::string>(
         "--format",
         [args](const std::string& f) {
           args->formats.push_back(f), args->order.push_back("format");
         },
         "Output format (default text); repeat it, each followed by its own --output FILE, to "
         "write several reports in one run")
      ->check(CLI::IsMember(kCheckFormats.names()))
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->trigger_on_parse();
  app.add_option_function<std::string>(
         "--output,-o",
         [args](const std::string& f) {
           args->outputs.push_back(f), args->order.push_back("output");
         },
         "Write the report of the --format before it to FILE (whole, or not at all) instead of "
         "standard output; with no --format before it, the format FILE's extension names "
         "(.sarif, .json, .xml for JUnit, .md, else text)")
      ->type_name("FILE")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->trigger_on_parse();
  app.add_option("--baseline", args->baseline,
                 "Report only the findings not in this baseline file (matched by fingerprint, "
                 "so moved lines stay matched)")
      ->type_name("FILE");
  app.add_option("--write-baseline", args->write_baseline,
                 "Write every finding to this baseline file and exit 0: how a repository with "
                 "findings adopts lmc (docs/ci.md)")
      ->type_name("FILE");
  CLI::Option* fail_on =
      app.add_option("--fail-on", args->fail_on,
                     "Exit 1 when a finding is at least this severe (default: error)")
          ->check(CLI::IsMember({"error", "warning", "info", "never"}));
  app.add_flag("--strict", args->strict, "Same as --fail-on warning");
  app.add_option("--min-severity", args->min_severity,
                 "List only findings at least this severe (default: every finding; warning in "
                 "GitHub annotations and the Markdown summary, which count the notes); the exit "
                 "code still follows --fail-on")
      ->check(CLI::IsMember({"error", "warning", "info"}));
  app.add_flag("-q,--quiet", args->quiet,
               "Print only the findings' first lines: no excerpt, help or summary");
  app.add_option("--color", args->color, "Colour the text output")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_option("--config", args->config,
                 "Rule configuration to use instead of the nearest .lmc.yaml");
  app.add_option("--today", args->today,
                 "The date overdue-test compares against, as YYYY-MM-DD (default: today)")
      ->type_name("DATE");
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
  app.add_flag("--report-unused-ignores", args->report_unused,
               "Report each `# lmc: ignore[rule]` comment that suppresses no finding "
               "(unused-suppression)");
  app.add_option("--stdin-name", args->stdin_name,
                 "The path to report for a model read from standard input");
  return [args, fail_on] {
    // `--strict --fail-on error` would contradict itself (it meant warning, silently).
    if (args->strict && fail_on->count() > 0) {
      print_error("--strict is --fail-on warning: give one of them, not both");
      return kExitUsage;
    }
    return run_check(*args);
  };
}

}  // namespace lmc::cli
