// SPDX-License-Identifier: Apache-2.0
// `lmc export PATH...`: the model for other tools. One model file: DOT, JSON, Markdown, the
// CSV measurement plan or Mermaid, a programme rolled up over its work streams. Several files
// or folders: one measurement plan with a `model` column, or the Markdown outlines in turn.
// Any of them: the evaluator's registers as an Excel workbook (xlsx).

#include <algorithm>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli.h"
#include "driver/checked_model.h"
#include "driver/config_cache.h"
#include "driver/drawing.h"
#include "driver/output_file.h"
#include "driver/session.h"
#include "driver/workbook.h"
#include "format_table.h"
#include "frontend.h"
#include "lmc/export.h"
#include "lmc/graph.h"
#include "lmc/registers.h"
#include "lmc/report.h"
#include "lmc/rollup.h"

namespace lmc::cli {

namespace fs = std::filesystem;

namespace {

struct ExportArgs {
  std::vector<std::string> paths;
  std::string format;  ///< empty: the one --output's name implies, else dot
  std::string output = "-";
  std::string results;  ///< xlsx: the one model's results CSV
  std::string today;
};

// Who writes a format: the drawing (dot, the input `lmc render` lays out), the library's
// exporter (told `format`), or the workbook writer (the registers, across every model given).
struct ExportWriter {
  enum class By { drawing, library, workbook } by = By::library;
  ExportFormat format = ExportFormat::json;
};
const FormatTable<ExportWriter> kExportFormats = {
    {"dot",
     {".dot", ".gv"},
     "the Graphviz input `lmc render` lays out",
     {ExportWriter::By::drawing}},
    {"json",
     {".json"},
     "the model with its links resolved",
     {ExportWriter::By::library, ExportFormat::json}},
    {"markdown", {".md"}, "an outline", {ExportWriter::By::library, ExportFormat::markdown}},
    {"csv",
     {".csv"},
     "the measurement plan, UTF-8 with a byte-order mark for Excel",
     {ExportWriter::By::library, ExportFormat::csv}},
    {"mermaid",
     {".mmd", ".mermaid"},
     "a flowchart",
     {ExportWriter::By::library, ExportFormat::mermaid}},
    {"xlsx",
     {".xlsx"},
     "an Excel workbook: the measurement plan with results, assumptions, findings and results",
     {ExportWriter::By::workbook}},
};

const ExportWriter& export_writer(const ExportArgs& args) {
  return kExportFormats.choose(args.format, args.output).write;
}

// One model file, with the models it reaches: a programme is rolled up over its work streams.
int export_one(const ExportArgs& args) {
  const auto c = load_programme(args.paths[0], {}, args.today, "cannot be exported");
  if (!c) return kExitUsage;
  const Model& m = c->set.models[0]->model;
  auto write = [&](std::string_view data) {
    return emit_output(args.output, data) ? kExitOk : kExitUsage;
  };
  const ExportWriter& writer = export_writer(args);
  if (writer.by == ExportWriter::By::drawing) {
    DrawSettings settings;
    settings.format = OutputFormat::dot;
    add_programme_marks(
        settings, c->set, 0, [](int) { return std::string(); }, [](int) { return 0; });
    const RenderResult r = draw(m, {}, settings);
    if (!r.error.empty()) {
      print_error(r.error);
      return kExitUsage;
    }
    return write(r.data);
  }
  const Graph graph(m);
  // A programme (a box names the model that details it) is rolled up over its work streams.
  const bool programme =
      c->set.models.size() > 1 &&
      std::any_of(m.items.begin(), m.items.end(), [](const Item& it) { return it.detail_model(); });
  std::vector<GraphModel> members;
  for (std::size_t k = 0; k < c->set.models.size(); ++k) {
    members.push_back(
        GraphModel{&c->set.models[k]->model, &c->set.targets[k], c->set.models[k]->usable});
  }
  std::optional<Graph> whole;
  std::optional<RollUp> rollup;
  if (programme) {
    whole.emplace(members);
    rollup.emplace(roll_up(*whole, 0));
  }
  std::ostringstream out;
  write_export(out, m, graph, writer.format,
               programme ? ProgrammeExport{&*whole, &*rollup} : ProgrammeExport{});
  return write(out.str());
}

// Several files, or folders: every model found, each exported whole or the run refused.
int export_many(const ExportArgs& args) {
  const auto& chosen = kExportFormats.choose(args.format, args.output);
  const ExportFormat format = chosen.write.format;
  if (chosen.write.by != ExportWriter::By::library ||
      (format != ExportFormat::csv && format != ExportFormat::markdown)) {
    print_error("--format " + std::string(chosen.name) +
                " exports one model; name one file, or export several with --format csv (one "
                "measurement plan with a model column), markdown or xlsx");
    return kExitUsage;
  }
  std::string today_date;
  if (!resolve_today(args.today, today_date)) return kExitUsage;
  ConfigCache configs(config_printer(false));
  Discovered found = discover(args.paths, "<stdin>", configs);
  if (!found.ok) return kExitUsage;
  const std::size_t given = found.files.size();
  std::vector<std::string> shown;
  for (const InputFile& f : found.files) shown.push_back(f.display);
  const CheckedSet c = load_and_check(std::move(found.files), configs, today_date);
  if (!c.configs_ok) return kExitUsage;
  std::vector<const Model*> models;
  bool ok = true;
  for (std::size_t m = 0; m < given; ++m) {
    const LoadResult& loaded = *c.set.models[m];
    if (!loaded.usable) {
      say_unreadable(shown[m], loaded.source, c.findings_in(static_cast<int>(m)),
                     "cannot be exported");
      ok = false;
      continue;
    }
    models.push_back(&loaded.model);
  }
  if (!ok) return kExitUsage;
  std::ostringstream out;
  write_exports(out, models, format);
  return emit_output(args.output, out.str()) ? kExitOk : kExitUsage;
}

// The registers as a workbook, across every model given (a folder included), each with its
// results (--results for one model, else its `results:`) and its findings.
int export_workbook(const ExportArgs& args) {
  if (!binary_output_allowed(args.output, "registers.xlsx")) return kExitUsage;
  std::string today_date;
  if (!resolve_today(args.today, today_date)) return kExitUsage;
  ConfigCache configs(config_printer(false));
  Discovered found = discover(args.paths, "<stdin>", configs);
  std::vector<InputFile> files = readable_files(found, "export");
  if (!found.ok) return kExitUsage;
  if (!results_for_one_model(args.results, files.size())) return kExitUsage;
  const CheckedSet c = load_and_check(std::move(files), configs, today_date);
  if (!c.configs_ok) return kExitUsage;
  std::vector<std::unique_ptr<Results>> results;
  std::vector<RegisterModel> models;
  bool ok = true, problems = false;
  for (std::size_t m = 0; m < c.set.given; ++m) {
    const LoadResult& loaded = *c.set.models[m];
    const std::string& display = loaded.source.path();
    if (!loaded.usable) {
      say_unreadable(display, loaded.source, c.findings_in(static_cast<int>(m)),
                     "cannot be exported");
      ok = false;
      continue;
    }
    results.push_back(model_results(display, loaded.model, args.results, today_date, ok, problems));
    RegisterModel rm{&loaded.model, display, results.back().get(),
                     c.findings_in(static_cast<int>(m))};
    // What the results file holds that cannot be read is a finding too, where it is.
    if (rm.results) {
      rm.findings.insert(rm.findings.end(), rm.results->problems.begin(),
                         rm.results->problems.end());
    }
    models.push_back(std::move(rm));
  }
  if (!ok) return kExitUsage;
  std::string error;
  const std::optional<std::string> bytes = workbook(registers(models, today_date), error);
  if (!bytes) {
    print_error(error);
    return kExitUsage;
  }
  if (!emit_output(args.output, *bytes)) return kExitUsage;
  return problems ? kExitFindings : kExitOk;
}

}  // namespace

Runner setup_export(CLI::App& app) {
  auto args = std::make_shared<ExportArgs>();
  app.add_option("paths", args->paths,
                 "The model to export; or several files and folders (every model in them), "
                 "as one measurement plan (csv) or one outline (markdown)")
      ->required();
  app.add_option("-o,--output", args->output,
                 "Where to write it, whole or not at all (default: standard output)");
  kExportFormats.add_option(app, args->format,
                            "; without it, the one --output's extension names, else dot");
  app.add_option("--results", args->results,
                 "xlsx: the results CSV of the one model given (indicator,date,value[,note]); "
                 "default: each model's `results:`")
      ->type_name("FILE");
  app.add_option("--today", args->today,
                 "The date statuses and overdue tests are judged on, YYYY-MM-DD (default: "
                 "today)")
      ->type_name("DATE");
  return [args] {
    if (export_writer(*args).by == ExportWriter::By::workbook) return export_workbook(*args);
    if (!args->results.empty()) {
      print_error(
          "--results is read by --format xlsx (the workbook's status columns); "
          "`lmc status` shows results as text");
      return kExitUsage;
    }
    std::error_code ec;
    const bool one_file =
        args->paths.size() == 1 && args->paths[0] != "-" && !fs::is_directory(args->paths[0], ec);
    return one_file ? export_one(*args) : export_many(*args);
  };
}

}  // namespace lmc::cli
