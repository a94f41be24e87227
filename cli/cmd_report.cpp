// SPDX-License-Identifier: Apache-2.0
// For evaluators: `lmc report MODEL...`: what is measured, and what the theory rests on.
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli.h"
#include "driver/checked_model.h"
#include "driver/config_cache.h"
#include "driver/output_file.h"
#include "driver/session.h"
#include "format_table.h"
#include "frontend.h"
#include "lmc/evaluate.h"
#include "lmc/report.h"
#include "lmc/results.h"
#include "lmc/rollup.h"
#include "lmc/source.h"
#include "lmc/suggest.h"

namespace lmc::cli {

namespace fs = std::filesystem;

namespace {

struct ReportArgs {
  std::vector<std::string> paths;
  std::string format;  ///< empty: the one --output's name implies, else text
  std::string output = "-";
  std::string today;
};

const FormatTable<ReportFormat> kReportFormats = {
    {"text", {".txt"}, {}, ReportFormat::text},
    {"markdown", {".md"}, {}, ReportFormat::markdown},
    {"json", {".json"}, {}, ReportFormat::json},
    {"html", {".html", ".htm"}, {}, ReportFormat::html},
};

int run_report(const ReportArgs& args) {
  std::string today_date;
  if (!resolve_today(args.today, today_date)) return kExitUsage;
  ConfigCache configs(config_printer(false));
  Discovered found = discover(args.paths, "-", configs);
  std::vector<InputFile> files = readable_files(found, "report on");
  bool ok = found.ok;
  // Each model with the models it reaches: a programme is rolled up over its work streams.
  // A model that names its results has them read with it: the report says what they say.
  const CheckedSet checked = load_and_check(std::move(files), configs, today_date, {}, false, true);
  if (!checked.configs_ok) ok = false;
  const ModelSet& set = checked.set;
  const std::vector<std::vector<int>> groups = set.groups();
  std::vector<int> group_of(set.models.size(), -1);
  for (std::size_t k = 0; k < groups.size(); ++k) {
    for (int m : groups[k]) group_of[m] = static_cast<int>(k);
  }
  std::vector<std::unique_ptr<Graph>> graphs;
  std::vector<std::unique_ptr<RollUp>> rollups;
  std::vector<std::vector<GraphModel>> group_models(groups.size());
  std::vector<std::vector<int>> locals(groups.size());
  std::vector<std::unique_ptr<Graph>> group_graphs(groups.size());
  std::vector<EvaluatedModel> models;
  std::vector<std::unique_ptr<StatusReport>> statuses;
  for (std::size_t m = 0; m < set.given; ++m) {
    const LoadResult& l = *set.models[m];
    if (!l.usable) {
      say_unreadable(l.source.path(), l.source, checked.findings_in(static_cast<int>(m)),
                     "cannot be reported on");
      ok = false;
      continue;
    }
    graphs.push_back(std::make_unique<Graph>(l.model));
    EvaluatedModel em{&l.model, evaluate(l.model, *graphs.back(), today_date)};
    const bool programme = std::any_of(l.model.items.begin(), l.model.items.end(),
                                       [](const Item& it) { return it.detail_model(); });
    const int g = group_of[m];
    if (programme && groups[g].size() > 1) {
      if (!group_graphs[g]) {
        locals[g].assign(set.models.size(), -1);
        for (int member : groups[g]) {
          locals[g][member] = static_cast<int>(group_models[g].size());
          group_models[g].push_back(GraphModel{&set.models[member]->model, &set.targets[member],
                                               set.models[member]->usable});
        }
        group_graphs[g] = std::make_unique<Graph>(group_models[g], locals[g]);
      }
      rollups.push_back(
          std::make_unique<RollUp>(roll_up(*group_graphs[g], locals[g][static_cast<int>(m)])));
      // What the programme's and the work streams' results say, where they name them.
      for (const auto& r : checked.results) {
        if (group_of[r->model] != g) continue;
        const Model& member = set.models[r->model]->model;
        add_results(*rollups.back(), *group_graphs[g], locals[g][r->model],
                    indicator_states(member, r->results, today_date));
      }
      em.programme = group_graphs[g].get();
      em.rollup = rollups.back().get();
    }
    for (const auto& r : checked.results) {
      if (r->model != static_cast<int>(m)) continue;
      statuses.push_back(std::make_unique<StatusReport>(
          make_status(l.model, l.source.path(), &r->results, today_date)));
      em.status = statuses.back().get();
    }
    models.push_back(std::move(em));
  }
  const ReportFormat format = kReportFormats.choose(args.format, args.output).write;
  std::ostringstream out;
  if (!models.empty()) write_report(out, models, format);
  if (!emit_output(args.output, out.str())) return kExitUsage;
  return ok ? kExitOk : kExitUsage;
}

}  // namespace

Runner setup_report(CLI::App& app) {
  auto args = std::make_shared<ReportArgs>();
  app.add_option("models", args->paths, "Models or directories of models")->required();
  kReportFormats.add_option(app, args->format,
                            " (default: the one --output's extension names, else text)", false);
  app.add_option("-o,--output", args->output, "Where to write it (default: standard output)");
  app.add_option("--today", args->today, "The date overdue tests are judged by (YYYY-MM-DD)")
      ->type_name("DATE");
  return [args] { return run_report(*args); };
}

}  // namespace lmc::cli
