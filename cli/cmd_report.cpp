// SPDX-License-Identifier: Apache-2.0
// For evaluators: `lmc report MODEL...` (what is measured, what the theory rests on) and
// `lmc trace MODEL ID` (every path through one item, with what rests on each step).
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <sstream>

#include "checked_model.h"
#include "cli.h"
#include "config_cache.h"
#include "lmc/evaluate.h"
#include "lmc/source.h"
#include "lmc/suggest.h"
#include "output_file.h"

namespace lmc::cli {

namespace fs = std::filesystem;

namespace {

struct ReportArgs {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string output = "-";
  std::string today;
};

int run_report(const ReportArgs& args) {
  std::string today_date;
  if (!resolve_today(args.today, today_date)) return kExitUsage;
  ConfigCache configs(false);
  Discovered found = discover(args.paths, "-", configs);
  bool ok = found.ok;
  std::vector<CheckedModel> checked;
  for (InputFile& f : found.files) {
    if (f.oversize > 0) {
      print_error(fmt::format("'{}' is too large to report on", f.display));
      ok = false;
      continue;
    }
    auto c = load_checked(f.display, std::move(f.text), f.location.parent_path(), configs,
                          today_date, "cannot be reported on");
    if (!c) {
      ok = false;
      continue;
    }
    checked.push_back(std::move(*c));
  }
  std::vector<std::unique_ptr<Graph>> graphs;
  std::vector<EvaluatedModel> models;
  for (const CheckedModel& c : checked) {
    graphs.push_back(std::make_unique<Graph>(c.loaded->model));
    models.push_back({&c.loaded->model, evaluate(c.loaded->model, *graphs.back(), today_date)});
  }
  const ReportFormat format = args.format == "json"       ? ReportFormat::json
                              : args.format == "markdown" ? ReportFormat::markdown
                              : args.format == "html"     ? ReportFormat::html
                                                          : ReportFormat::text;
  std::ostringstream out;
  if (!models.empty()) write_report(out, models, format);
  if (const std::string error = write_output(args.output, out.str()); !error.empty()) {
    print_error(error);
    return kExitUsage;
  }
  return ok ? kExitOk : kExitUsage;
}

struct TraceArgs {
  std::string model;
  std::string id;
  std::string format = "text";
  std::size_t limit = 50;
};

int run_trace(const TraceArgs& args) {
  std::string text, why;
  if (read_file(args.model, text, &why) != ReadError::none) {
    print_error("'" + args.model + "' " + why);
    return kExitUsage;
  }
  ConfigCache configs(false);
  const auto c = load_checked(args.model, std::move(text), fs::path(args.model).parent_path(),
                              configs, today(), "cannot be traced");
  if (!c) return kExitUsage;
  const Model& model = c->loaded->model;
  const Graph graph(model);
  const int item = graph.find(args.id);
  if (item < 0) {
    std::vector<std::string_view> ids;
    for (const Item& it : model.items) ids.push_back(it.id.value);
    const std::string near = nearest(args.id, ids);
    print_error(fmt::format("'{}' has no item '{}'{}", args.model, printable(args.id),
                            near.empty() ? "" : fmt::format("; did you mean '{}'?", near)));
    return kExitUsage;
  }
  write_trace(std::cout, model, graph, trace(model, graph, item, args.limit),
              args.format == "json");
  return kExitOk;
}

}  // namespace

Runner setup_report(CLI::App& app) {
  auto args = std::make_shared<ReportArgs>();
  app.add_option("models", args->paths, "Models or directories of models")->required();
  app.add_option("--format", args->format, "text (default), markdown, json or html")
      ->check(CLI::IsMember({"text", "markdown", "json", "html"}));
  app.add_option("-o,--output", args->output, "Where to write it (default: standard output)");
  app.add_option("--today", args->today, "The date overdue tests are judged by (YYYY-MM-DD)");
  return [args] { return run_report(*args); };
}

Runner setup_trace(CLI::App& app) {
  auto args = std::make_shared<TraceArgs>();
  app.add_option("model", args->model, "The model")->required();
  app.add_option("id", args->id, "The item whose paths to show")->required();
  app.add_option("--format", args->format, "text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  app.add_option("--limit", args->limit, "How many paths to list at most (default 50)")
      ->check(CLI::Range(1, 100000));
  return [args] { return run_trace(*args); };
}

}  // namespace lmc::cli
