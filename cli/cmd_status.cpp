// SPDX-License-Identifier: Apache-2.0
// For boards and evaluators: `lmc status MODEL...`: every indicator's latest result and
// status against its trajectory, each item's worst, and what the chain says of them (theory
// in doubt, or behind on delivery). Results come from --results or each model's `results:`.
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <sstream>

#include "cli.h"
#include "driver/config_cache.h"
#include "driver/session.h"
#include "format_table.h"
#include "frontend.h"
#include "lmc/report.h"
#include "lmc/results.h"

namespace lmc::cli {

namespace {

struct StatusArgs {
  std::vector<std::string> paths;
  std::string results;
  std::string format;  ///< empty: the one --output's name implies, else text
  std::string output = "-";
  std::string today;
};

const FormatTable<std::string_view> kStatusFormats = {
    {"text", {".txt"}, {}, "text"},
    {"markdown", {".md"}, {}, "markdown"},
    {"json", {".json"}, {}, "json"},
    {"html", {".html", ".htm"}, "a page for the board", "html"},
};

int run_status(const StatusArgs& args) {
  std::string today_date;
  if (!resolve_today(args.today, today_date)) return kExitUsage;
  ConfigCache configs(config_printer(false));
  Discovered found = discover(args.paths, "-", configs);
  std::vector<InputFile> files = readable_files(found, "read");
  bool ok = found.ok;
  if (!results_for_one_model(args.results, files.size())) return kExitUsage;
  const CheckedSet checked = load_and_check(std::move(files), configs, today_date);
  if (!checked.configs_ok) ok = false;
  const ModelSet& set = checked.set;
  std::vector<std::unique_ptr<Results>> results;
  std::vector<StatusReport> reports;
  bool problems = false;
  for (std::size_t m = 0; m < set.given; ++m) {
    const LoadResult& l = *set.models[m];
    const std::string& display = l.source.path();
    if (!l.usable) {
      say_unreadable(display, l.source, checked.findings_in(static_cast<int>(m)), "has no status");
      ok = false;
      continue;
    }
    results.push_back(model_results(display, l.model, args.results, today_date, ok, problems));
    const Results* read = results.back().get();
    reports.push_back(make_status(l.model, display, read, today_date));
  }
  std::ostringstream out;
  if (!reports.empty()) {
    write_status(out, reports, kStatusFormats.choose(args.format, args.output).write);
  }
  if (!emit_output(args.output, out.str())) return kExitUsage;
  if (!ok) return kExitUsage;
  return problems ? kExitFindings : kExitOk;
}

}  // namespace

Runner setup_status(CLI::App& app) {
  auto args = std::make_shared<StatusArgs>();
  app.add_option("paths", args->paths, "Models, or folders of models")->required();
  app.add_option("--results", args->results,
                 "The results CSV (indicator,date,value[,note]); default: the model's "
                 "`results:`")
      ->type_name("FILE");
  kStatusFormats.add_option(app, args->format);
  app.add_option("-o,--output", args->output,
                 "Where to write it, whole or not at all (default: standard output)");
  app.add_option("--today", args->today, "The date to judge against, YYYY-MM-DD (default: today)")
      ->type_name("DATE");
  return [args] { return run_status(*args); };
}

}  // namespace lmc::cli
