// SPDX-License-Identifier: Apache-2.0
// `lmc render MODEL -o OUT` and `lmc export MODEL --format dot`.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <signal.h>

#include <algorithm>
#include <iostream>
#include <memory>
#include <set>
#include <sstream>

#include "cli.h"
#include "driver/checked_model.h"
#include "driver/drawing.h"
#include "driver/output_file.h"
#include "driver/session.h"
#include "driver/watcher.h"
#include "frontend.h"
#include "lmc/diff.h"
#include "lmc/export.h"
#include "lmc/graph.h"
#include "lmc/render.h"
#include "lmc/rollup.h"

namespace lmc::cli {

namespace fs = std::filesystem;

namespace {

struct RenderArgs {
  std::string model;
  std::string output;
  std::string format;
  std::string page;
  bool portrait = false;
  bool landscape = false;
  bool annotate = false;
  bool indicators = false;
  int dpi = 150;
  std::string config;
  std::string today;
  bool watch = false;
  bool with_models = false;
  std::string results;   ///< --results: the CSV whose values are drawn under the indicators
  bool lineage = false;  ///< draw an adaptation against its blueprint
};

DrawSettings draw_settings(const RenderArgs& args, OutputFormat format) {
  DrawSettings settings;
  settings.format = format;
  settings.auto_page = args.page == "auto";
  if (!args.page.empty() && !settings.auto_page) settings.page = parse_page_size(args.page);
  settings.portrait = args.portrait;
  settings.landscape = args.landscape;
  settings.annotate = args.annotate;
  settings.indicators = args.indicators;
  settings.dpi = args.dpi;
  // The drawing this one replaces keeps its boxes' order, so an edit does not reshuffle it.
  if (args.output != "-") settings.previous_order = previous_layout(args.output);
  return settings;
}

// --results: each indicator's latest result and status, read now (--watch reads them again
// at each save). False when the file cannot be read (said); rows that cannot be read are said
// where they are and make `problems` true.
bool add_results_of(DrawSettings& settings, const RenderArgs& args, const Model& model,
                    const std::string& today_date, bool& problems) {
  if (args.results.empty()) return true;
  bool ok = true;
  const auto results = model_results(args.model, model, args.results, today_date, ok, problems);
  if (!results) return false;
  add_results(settings, model, *results, today_date);
  return ok;
}

// Draws the checked model to the output; false (said on stderr) when nothing was written.
bool draw_to_output(const CheckedModel& c, const RenderArgs& args, OutputFormat format,
                    const std::string& today_date) {
  DrawSettings settings = draw_settings(args, format);
  bool problems = false;
  if (!add_results_of(settings, args, c.loaded->model, today_date, problems)) return false;
  return write_drawing(draw(c, settings), args.output);
}

// The format the output asks for; nullopt (said on stderr) when it cannot be told.
std::optional<OutputFormat> output_format(const RenderArgs& args) {
  if (const auto* f = drawing_formats().find(args.format)) return f->write;
  if (args.output == "-") {
    print_error("say which format to write to standard output, with --format svg|pdf|png|dot");
    return std::nullopt;
  }
  if (const auto* f = drawing_formats().for_file(args.output)) return f->write;
  print_error("'" + args.output +
              "': cannot tell the format from the extension; use .svg, .pdf, .png or .dot, "
              "or --format");
  return std::nullopt;
}

// --watch: the Watcher the signal handler stops.
Watcher* g_watcher = nullptr;
extern "C" void stop_watching(int) {
  if (g_watcher) g_watcher->stop();
}

// One redraw of --watch: one line on stdout when OUT was rewritten; the errors on stderr and
// OUT left as it was when the model cannot be drawn.
void redraw(const RenderArgs& args, OutputFormat format, const std::string& today_date) {
  std::string text, why;
  if (read_file(args.model, text, &why) != ReadError::none) {
    std::cerr << fmt::format("{} '{}' {}; '{}' kept as it was\n", local_time("%H:%M:%S"),
                             args.model, why, args.output);
    return;
  }
  ConfigCache configs(config_printer(false));
  if (!args.config.empty() && !configs.force(args.config)) return;
  const auto c = load_checked(args.model, std::move(text), fs::path(args.model).parent_path(),
                              configs, today_date, "cannot be drawn");
  if (!c) {
    std::cerr << fmt::format("{} '{}' kept as it was\n", local_time("%H:%M:%S"), args.output);
    return;
  }
  if (!draw_to_output(*c, args, format, today_date)) return;
  std::cout << fmt::format("{} redrew '{}': {}\n", local_time("%H:%M:%S"), args.output,
                           count_findings(c->findings))
            << std::flush;
}

int watch(const RenderArgs& args, OutputFormat format) {
  if (args.output == "-") {
    print_error("--watch rewrites a file: name one with -o");
    return kExitUsage;
  }
  std::string today_date;
  if (!resolve_today(args.today, today_date)) return kExitUsage;
  Watcher watcher;
  const fs::path dir =
      fs::path(args.model).has_parent_path() ? fs::path(args.model).parent_path() : fs::path(".");
  if (!watcher.ok() || !watcher.watch(dir)) {
    print_error(watcher.error());
    return kExitUsage;
  }
  g_watcher = &watcher;
  struct sigaction action {};
  action.sa_handler = stop_watching;
  ::sigaction(SIGINT, &action, nullptr);
  ::sigaction(SIGTERM, &action, nullptr);
  redraw(args, format, today_date);
  std::cerr << fmt::format("lmc: watching '{}'; each save redraws '{}' (Ctrl-C stops)\n",
                           args.model, args.output);
  const fs::path model = fs::absolute(args.model).lexically_normal();
  for (;;) {
    const auto changed = watcher.wait(std::chrono::milliseconds(20));
    if (changed.empty()) break;
    const bool ours = std::any_of(changed.begin(), changed.end(), [&](const fs::path& p) {
      const fs::path abs = fs::absolute(p).lexically_normal();
      return abs == model || p.filename() == ".lmc.yaml";
    });
    if (ours) redraw(args, format, today_date);
  }
  g_watcher = nullptr;
  return kExitOk;
}

// Where the diagram of model `m` of a programme goes with --with-models and SVG: OUT for the
// programme, OUT's name and the model's file name beside it for the others.
std::vector<fs::path> svg_names(const fs::path& out, const ModelSet& set,
                                const std::vector<int>& order) {
  std::vector<fs::path> names(set.models.size());
  std::set<std::string> used;
  for (std::size_t k = 0; k < order.size(); ++k) {
    fs::path name = out;
    if (k > 0) {
      const std::string base =
          out.stem().string() + "-" + fs::path(set.models[order[k]]->source.path()).stem().string();
      name = out.parent_path() / (base + ".svg");
      for (int n = 2; used.count(name.string()); ++n) {
        name = out.parent_path() / fmt::format("{}-{}.svg", base, n);
      }
    }
    used.insert(name.string());
    names[order[k]] = name;
  }
  return names;
}

// --with-models: the programme and every model it details, as one PDF book or as SVG files
// linked to each other.
bool draw_book(const CheckedSet& c, const RenderArgs& args, OutputFormat format) {
  const ModelSet& set = c.set;
  const std::vector<int> order = book_order(set, 0);
  std::vector<int> page(set.models.size(), 0);
  for (std::size_t k = 0; k < order.size(); ++k) page[order[k]] = static_cast<int>(k) + 1;
  if (format == OutputFormat::pdf) {
    std::vector<BookPage> pages;
    for (int m : order) {
      DrawSettings settings = draw_settings(args, format);
      settings.previous_order.clear();
      add_programme_marks(
          settings, set, m, [](int) { return std::string(); }, [&](int t) { return page[t]; });
      if (auto why = too_large_to_draw(set.models[m]->model, settings.stubs)) {
        print_error(*why);
        return false;
      }
      pages.push_back(draw_dot(set.models[m]->model, c.findings_in(m), settings));
    }
    return write_drawing(render_book(pages), args.output);
  }
  const std::vector<fs::path> names = svg_names(args.output, set, order);
  // One file a model: each is asked before any is drawn, so a refusal leaves nothing written.
  for (int m : order) {
    if (const std::string why = output_is_input(names[m].string()); !why.empty()) {
      print_error(why);
      return false;
    }
  }
  for (int m : order) {
    DrawSettings settings = draw_settings(args, format);
    settings.previous_order = previous_layout(names[m].string());
    add_programme_marks(
        settings, set, m,
        [&](int t) { return names[t].empty() ? std::string() : names[t].filename().string(); },
        [](int) { return 0; });
    if (!write_drawing(draw(set.models[m]->model, c.findings_in(m), settings), names[m].string())) {
      return false;
    }
  }
  return true;
}

int run_render(const RenderArgs& args) {
  const std::optional<OutputFormat> format = output_format(args);
  if (!format) return kExitUsage;
  if (args.with_models && *format != OutputFormat::pdf && *format != OutputFormat::svg) {
    print_error(
        "--with-models draws a book: write a PDF (one page a model) or SVG (one file a "
        "model, linked to each other)");
    return kExitUsage;
  }
  if (args.with_models && args.output == "-" && *format == OutputFormat::svg) {
    print_error("--with-models writes one SVG file a model: name the programme's with -o");
    return kExitUsage;
  }
  if (args.lineage && (args.with_models || args.watch)) {
    print_error("--lineage draws one adaptation against its blueprint: draw it without " +
                std::string(args.watch ? "--watch" : "--with-models"));
    return kExitUsage;
  }
  if (args.with_models && !args.results.empty()) {
    print_error("--results draws one model's results: draw the model without --with-models");
    return kExitUsage;
  }
  if (args.watch) return watch(args, *format);
  std::string today_date;
  if (!resolve_today(args.today, today_date)) return kExitUsage;
  const auto c = load_programme(args.model, args.config, args.today, "cannot be drawn");
  if (!c) return kExitUsage;
  bool problems = false;
  if (args.with_models) {
    if (!draw_book(*c, args, *format)) return kExitUsage;
  } else {
    DrawSettings settings = draw_settings(args, *format);
    add_programme_marks(
        settings, c->set, 0, [](int) { return std::string(); }, [](int) { return 0; });
    if (!add_results_of(settings, args, c->set.models[0]->model, today_date, problems)) {
      return kExitUsage;
    }
    // --lineage: what the adaptation kept, changed, added and dropped, in the visual diff's
    // language, against the blueprint it names (checked with it, so already read).
    Decorations lineage;
    if (args.lineage) {
      const Model& model = c->set.models[0]->model;
      const auto t = c->set.targets[0].find(model.adapts.model.value);
      if (model.adapts.model.value.empty() || t == c->set.targets[0].end() || t->second.model < 0 ||
          !c->set.models[t->second.model]->usable) {
        print_error(fmt::format(
            "'{}' {}: --lineage draws an adaptation against its blueprint", args.model,
            model.adapts.model.value.empty()
                ? std::string("adapts no model (it has no `adapts:`)")
                : fmt::format("adapts '{}', which lmc cannot read", model.adapts.model.value)));
        return kExitUsage;
      }
      const Model& blueprint = c->set.models[t->second.model]->model;
      lineage = diff_decorations(blueprint, model, diff_models(blueprint, model, {}, {}));
      settings.marks = &lineage;
    }
    PageFit fit;
    const RenderResult drawn = draw(c->set.models[0]->model, c->findings_in(0), settings, &fit);
    if (const std::string warning = page_warning(c->set.models[0]->model, settings, fit);
        !warning.empty() && drawn.error.empty()) {
      print_warning("'" + args.model + "': " + warning);
    }
    if (!write_drawing(drawn, args.output)) return kExitUsage;
  }
  // Errors of the models drawn: the programme's, and with --with-models every page's.
  int errors = 0;
  for (const Diagnostic& d : c->findings) {
    const bool drawn = args.with_models || d.file == c->set.models[0]->source.path();
    errors += drawn && d.severity == Severity::error;
  }
  if (errors > 0) {
    std::cerr << fmt::format(
        "lmc: '{}' has {} error{}; the diagram shows what could be drawn (`lmc check {}` lists "
        "them)\n",
        args.model, errors, errors == 1 ? "" : "s", args.model);
    return kExitFindings;
  }
  return problems ? kExitFindings : kExitOk;
}

}  // namespace

Runner setup_render(CLI::App& app) {
  auto args = std::make_shared<RenderArgs>();
  app.add_option("model", args->model, "The model to draw")->required();
  app.add_option("-o,--output", args->output, "Where to write the diagram; - for standard output")
      ->required();
  drawing_formats().add_option(app, args->format, " (default: from the extension)", false);
  app.add_option("--page", args->page,
                 "Paper size (default: the model's render.page, else a4); screen: a 16:9 slide; "
                 "auto: the smallest page of the series that prints the boxes at 10 pt")
      ->check(CLI::IsMember({"a5", "a4", "a3", "letter", "legal", "tabloid", "screen", "auto"}));
  auto* portrait = app.add_flag("--portrait", args->portrait, "Portrait orientation");
  app.add_flag("--landscape", args->landscape,
               "Landscape orientation (the default, unless the model's render block says "
               "portrait)")
      ->excludes(portrait);
  app.add_flag("--annotate", args->annotate,
               "Number every item and link with a finding and list the findings under the "
               "diagram");
  app.add_flag("--indicators", args->indicators,
               "Show each output's, outcome's and impact's indicators under its label");
  app.add_option("--dpi", args->dpi, "Resolution of a PNG (default 150)")
      ->check(CLI::Range(30, 1200));
  app.add_option("--config", args->config, "Rule configuration for --annotate");
  app.add_flag("--lineage", args->lineage,
               "Draw an adaptation against its blueprint (`adapts:`): what it added and "
               "changed marked, what it dropped as ghosts");
  app.add_option("--results", args->results,
                 "Draw each indicator's latest value and status from this results CSV "
                 "(indicator,date,value[,note]) under it")
      ->type_name("FILE");
  app.add_option("--today", args->today,
                 "The date overdue-test and the results' statuses are judged on (YYYY-MM-DD)")
      ->type_name("DATE");
  app.add_flag("--with-models", args->with_models,
               "Draw the programme and every model its boxes detail (`model:`): a PDF of one "
               "page a model, or one SVG file a model beside OUT, linked to each other");
  app.add_flag("--watch", args->watch,
               "Keep running: redraw the output (atomically) each time the model is saved");
  return [args] { return run_render(*args); };
}

}  // namespace lmc::cli
