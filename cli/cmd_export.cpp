// SPDX-License-Identifier: Apache-2.0
// `lmc export PATH...`: the model for other tools. One model file: DOT, JSON, Markdown, the
// CSV measurement plan or Mermaid, a programme rolled up over its work streams. Several files
// or folders: one measurement plan with a `model` column, or the Markdown outlines in turn.
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
#include "format_table.h"
#include "frontend.h"
#include "lmc/export.h"
#include "lmc/graph.h"
#include "lmc/report.h"
#include "lmc/rollup.h"

namespace lmc::cli {

namespace fs = std::filesystem;

namespace {

struct ExportArgs {
  std::vector<std::string> paths;
  std::string format;  ///< empty: the one --output's name implies, else dot
  std::string output = "-";
};

// The value is what the library's exporter is told; nullopt for dot, which is the drawing's
// own input (`lmc render` lays it out).
const FormatTable<std::optional<ExportFormat>> kExportFormats = {
    {"dot", {".dot", ".gv"}, "the Graphviz input `lmc render` lays out", std::nullopt},
    {"json", {".json"}, "the model with its links resolved", ExportFormat::json},
    {"markdown", {".md"}, "an outline", ExportFormat::markdown},
    {"csv", {".csv"}, "the measurement plan", ExportFormat::csv},
    {"mermaid", {".mmd", ".mermaid"}, "a flowchart", ExportFormat::mermaid},
};

std::optional<ExportFormat> export_format(const ExportArgs& args) {
  return kExportFormats.choose(args.format, args.output).write;
}

// One model file, with the models it reaches: a programme is rolled up over its work streams.
int export_one(const ExportArgs& args) {
  const auto c = load_programme(args.paths[0], {}, {}, "cannot be exported");
  if (!c) return kExitUsage;
  const Model& m = c->set.models[0]->model;
  auto write = [&](std::string_view data) {
    return emit_output(args.output, data) ? kExitOk : kExitUsage;
  };
  const std::optional<ExportFormat> format = export_format(args);
  if (!format) {
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
  write_export(out, m, graph, *format,
               programme ? ProgrammeExport{&*whole, &*rollup} : ProgrammeExport{});
  return write(out.str());
}

// Several files, or folders: every model found, each exported whole or the run refused.
int export_many(const ExportArgs& args) {
  const auto& chosen = kExportFormats.choose(args.format, args.output);
  const std::optional<ExportFormat> format = chosen.write;
  if (format != ExportFormat::csv && format != ExportFormat::markdown) {
    print_error("--format " + std::string(chosen.name) +
                " exports one model; name one file, or export several with --format csv (one "
                "measurement plan with a model column) or markdown");
    return kExitUsage;
  }
  std::string today_date;
  if (!resolve_today({}, today_date)) return kExitUsage;
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
  write_exports(out, models, *format);
  return emit_output(args.output, out.str()) ? kExitOk : kExitUsage;
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
  return [args] {
    std::error_code ec;
    const bool one_file =
        args->paths.size() == 1 && args->paths[0] != "-" && !fs::is_directory(args->paths[0], ec);
    return one_file ? export_one(*args) : export_many(*args);
  };
}

}  // namespace lmc::cli
