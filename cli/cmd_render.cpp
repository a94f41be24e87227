// SPDX-License-Identifier: Apache-2.0
// `lmc render MODEL -o OUT` and `lmc export MODEL --format dot`.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "checked_model.h"
#include "cli.h"
#include "lmc/render.h"
#include "output_file.h"

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
};

// The model named on the command line, loaded and checked; nullopt (said on stderr) when it
// cannot be used.
std::optional<CheckedModel> load_model_file(const std::string& path, const std::string& config,
                                            const std::string& today_arg,
                                            std::string_view consequence) {
  std::string today_date, text;
  if (!resolve_today(today_arg, today_date)) return std::nullopt;
  if (std::string why; read_file(path, text, &why) != ReadError::none) {
    print_error("'" + path + "' " + why);
    return std::nullopt;
  }
  ConfigCache configs(false);
  if (!config.empty() && !configs.force(config)) return std::nullopt;
  return load_checked(path, std::move(text), fs::path(path).parent_path(), configs, today_date,
                      consequence);
}

int errors_in(const std::vector<Diagnostic>& findings) {
  int n = 0;
  for (const auto& d : findings) n += d.severity == Severity::error;
  return n;
}

int run_render(const RenderArgs& args) {
  std::optional<OutputFormat> format;
  if (!args.format.empty()) {
    format = parse_output_format(args.format);
  } else if (args.output == "-") {
    print_error("say which format to write to standard output, with --format svg|pdf|png|dot");
    return kExitUsage;
  } else {
    std::string ext = fs::path(args.output).extension().string();
    if (!ext.empty()) ext.erase(0, 1);
    format = parse_output_format(ext);
    if (!format) {
      print_error("'" + args.output +
                  "': cannot tell the format from the extension; use .svg, .pdf, .png or .dot, "
                  "or --format");
      return kExitUsage;
    }
  }
  if (args.output != "-" && same_file(args.output, args.model)) {
    print_error("refusing to write the diagram over the model '" + args.model + "'");
    return kExitUsage;
  }
  const auto c = load_model_file(args.model, args.config, args.today, "cannot be drawn");
  if (!c) return kExitUsage;
  const Model& model = c->loaded->model;

  RenderOptions options;
  options.format = *format;
  options.dpi = args.dpi;
  const PageSize page =
      !args.page.empty() ? *parse_page_size(args.page) : model.render.page.value_or(PageSize::a4);
  const bool portrait = args.portrait || (!args.landscape && model.render.portrait.value_or(false));
  options.page = page_geometry(page, portrait);

  DiagramOptions diagram;
  diagram.page = options.page;
  diagram.indicators = args.indicators;
  // The drawing this one replaces keeps its boxes' order, so an edit does not reshuffle it.
  if (args.output != "-") diagram.previous_order = previous_layout(args.output);
  const std::string dot =
      to_dot(model, args.annotate ? annotate_findings(model, c->findings) : Decorations{}, diagram);
  std::string data = dot;
  if (*format != OutputFormat::dot) {
    RenderResult r = render_dot(dot, options);
    for (const std::string& m : r.messages) std::cerr << "lmc: graphviz: " << m << '\n';
    if (!r.error.empty()) {
      print_error(r.error);
      return kExitUsage;
    }
    data = std::move(r.data);
  }
  if (const std::string error = write_output(args.output, data); !error.empty()) {
    print_error(error);
    return kExitUsage;
  }
  if (const int errors = errors_in(c->findings); errors > 0) {
    std::cerr << fmt::format(
        "lmc: '{}' has {} error{}; the diagram shows what could be drawn (`lmc check {}` lists "
        "them)\n",
        args.model, errors, errors == 1 ? "" : "s", args.model);
    return kExitFindings;
  }
  return kExitOk;
}

}  // namespace

Runner setup_render(CLI::App& app) {
  auto args = std::make_shared<RenderArgs>();
  app.add_option("model", args->model, "The model to draw")->required();
  app.add_option("-o,--output", args->output, "Where to write the diagram; - for standard output")
      ->required();
  app.add_option("--format", args->format, "svg, pdf, png or dot (default: from the extension)")
      ->check(CLI::IsMember({"svg", "pdf", "png", "dot"}));
  app.add_option("--page", args->page, "Paper size (default: the model's render.page, else a4)")
      ->check(CLI::IsMember({"a5", "a4", "a3", "letter", "legal", "tabloid"}));
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
  app.add_option("--today", args->today, "The date overdue-test compares against (YYYY-MM-DD)");
  return [args] { return run_render(*args); };
}

Runner setup_export(CLI::App& app) {
  auto model = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("dot");
  app.add_option("model", *model, "The model to export")->required();
  app.add_option("--format", *format, "dot: the Graphviz input `lmc render` lays out")
      ->check(CLI::IsMember({"dot"}));
  return [model, format] {
    const auto c = load_model_file(*model, {}, {}, "cannot be exported");
    if (!c) return kExitUsage;
    std::cout << to_dot(c->loaded->model);
    return kExitOk;
  };
}

}  // namespace lmc::cli
