// SPDX-License-Identifier: Apache-2.0
// `lmc diff OLD NEW`: what changed in the theory between two revisions.
#include <fmt/format.h>

#include <iostream>
#include <iterator>
#include <memory>

#include "cli.h"
#include "driver/checked_model.h"
#include "driver/drawing.h"
#include "driver/folder_diff.h"
#include "driver/git.h"
#include "driver/output_file.h"
#include "frontend.h"
#include "lmc/diff.h"
#include "lmc/render.h"

namespace lmc::cli {

namespace fs = std::filesystem;

namespace {

struct DiffArgs {
  std::string old_side, new_side;
  std::string format;
  std::string render;
  bool indicators = false;
  bool quiet = false;
  std::string color = "auto";
  std::string config;
  std::string today;
};

// One side of the diff, read, loaded and checked.
struct Side : CheckedModel {
  fs::path file;  // empty unless the side is a file on disk
};

// A side that does not exist yet: /dev/null, or REV:PATH where the revision has no such file.
// It is compared as an empty model: everything in the other side is added (or removed).
bool read_side(const std::string& spec, std::string& text, fs::path& file, bool& stdin_used,
               bool& empty) {
  empty = false;
  if (spec == "/dev/null") {
    empty = true;
    return true;
  }
  if (spec == "-") {
    if (stdin_used) {
      print_error("only one side of a diff can be standard input");
      return false;
    }
    stdin_used = true;
    return read_standard_input(text);
  }
  std::error_code ec;
  if (fs::exists(spec, ec)) {
    file = spec;
    std::string why;
    if (read_file(spec, text, &why) == ReadError::none) return true;
    print_error("'" + spec + "' " + why);
    return false;
  }
  if (spec.find(':') != std::string::npos) {
    std::string error;
    bool absent = false;
    if (read_git_blob(spec, text, error, &absent)) return true;
    if (absent) {
      empty = true;
      return true;
    }
    print_error("'" + spec + "': " + error);
    return false;
  }
  print_error("'" + spec + "': no such file (write REV:PATH for a file at a git revision)");
  return false;
}

bool load_side(const std::string& spec, Side& side, bool& stdin_used, ConfigCache& configs,
               const std::string& today_date) {
  std::string text;
  bool empty = false;
  if (!read_side(spec, text, side.file, stdin_used, empty)) return false;
  if (empty) {
    // An empty model: no items, no findings.
    side.loaded = std::make_unique<LoadResult>(empty_model(spec));
    return true;
  }
  auto checked = load_checked(spec, std::move(text), side.file.parent_path(), configs, today_date,
                              "cannot be compared");
  if (!checked) return false;
  static_cast<CheckedModel&>(side) = std::move(*checked);
  return true;
}

// Each format writes a file's diff and a folder's.
struct DiffWriters {
  void (*file)(std::ostream&, const ChangeSet&, const DiffArgs&);
  void (*folder)(std::ostream&, const FolderDiff&, const DiffArgs&);
};
const FormatTable<DiffWriters> kDiffFormats = {
    {"text",
     {},
     {},
     {[](std::ostream& out, const ChangeSet& c, const DiffArgs& a) {
        write_diff_text(out, c, a.old_side, a.new_side, use_color(a.color));
      },
      [](std::ostream& out, const FolderDiff& d, const DiffArgs& a) {
        write_folder_diff_text(out, d, use_color(a.color), false);
      }}},
    {"markdown",
     {},
     "for a pull request",
     {[](std::ostream& out, const ChangeSet& c, const DiffArgs& a) {
        write_diff_markdown(out, c, a.old_side, a.new_side);
      },
      [](std::ostream& out, const FolderDiff& d, const DiffArgs& a) {
        write_folder_diff_text(out, d, use_color(a.color), true);
      }}},
    {"json",
     {},
     {},
     {[](std::ostream& out, const ChangeSet& c, const DiffArgs& a) {
        write_diff_json(out, c, a.old_side, a.new_side);
      },
      [](std::ostream& out, const FolderDiff& d, const DiffArgs&) {
        write_folder_diff_json(out, d);
      }}},
};

int run_diff(const DiffArgs& args) {
  std::string today_date;
  if (!resolve_today(args.today, today_date)) return kExitUsage;
  ConfigCache configs(config_printer(false));
  if (!args.config.empty() && !configs.force(args.config)) return kExitUsage;
  // Two revisions of a programme's folder: compared model by model.
  const bool old_folder = is_folder_side(args.old_side), new_folder = is_folder_side(args.new_side);
  if (old_folder || new_folder) {
    if (!args.render.empty()) {
      print_error("--render draws one model: compare two revisions of one file to draw them");
      return kExitUsage;
    }
    std::vector<std::string> problems;
    const auto diff = compare_folders(args.old_side, args.new_side, today_date, configs, problems);
    for (const std::string& problem : problems) print_error(problem);
    if (!diff) return kExitUsage;
    const bool same = diff->same();
    if (args.quiet) return same ? kExitOk : kExitFindings;
    kDiffFormats.choose(args.format, "-").write.folder(std::cout, *diff, args);
    return same ? kExitOk : kExitFindings;
  }
  bool stdin_used = false;
  Side before, after;
  if (!load_side(args.old_side, before, stdin_used, configs, today_date) ||
      !load_side(args.new_side, after, stdin_used, configs, today_date)) {
    return kExitUsage;
  }
  const ChangeSet changes =
      diff_models(before.loaded->model, after.loaded->model, before.findings, after.findings);
  if (!args.render.empty()) {
    const auto* format = drawing_formats().for_file(args.render);
    if (!format || format->write == OutputFormat::dot) {
      print_error("'" + args.render + "': --render writes .svg, .pdf or .png");
      return kExitUsage;
    }
    const Model& model = after.loaded->model;
    if (auto why = too_large_to_draw(model)) {
      print_error(*why);
      return kExitUsage;
    }
    RenderOptions options;
    options.format = format->write;
    options.page = model_page(model);
    DiagramOptions diagram;
    diagram.page = options.page;
    diagram.indicators = args.indicators;
    diagram.previous_order = previous_layout(args.render);
    const RenderResult r = render_dot(
        to_dot(model, diff_decorations(before.loaded->model, model, changes), diagram), options);
    if (!write_drawing(r, args.render)) return kExitUsage;
  }
  if (!args.quiet) kDiffFormats.choose(args.format, "-").write.file(std::cout, changes, args);
  return changes.changes.empty() ? kExitOk : kExitFindings;
}

}  // namespace

Runner setup_diff(CLI::App& app) {
  auto args = std::make_shared<DiffArgs>();
  app.add_option("old", args->old_side,
                 "The earlier revision: a file, - for standard input, or REV:PATH in git; or a "
                 "programme's folder (on disk, or REV:DIR), compared model by model")
      ->required();
  app.add_option("new", args->new_side, "The later revision, the same ways")->required();
  kDiffFormats.add_option(app, args->format);
  app.add_option("--render", args->render,
                 "Also draw the new model with the changes marked (.svg, .pdf or .png)");
  app.add_flag("--indicators", args->indicators,
               "With --render: show indicators under the boxes, old values beside changed ones");
  app.add_flag("-q,--quiet", args->quiet,
               "Print nothing; the exit code says if the theory changed");
  app.add_option("--color", args->color, "Colour the text output")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_option("--config", args->config, "Rule configuration for the findings");
  app.add_option("--today", args->today, "The date overdue-test compares against (YYYY-MM-DD)")
      ->type_name("DATE");
  return [args] { return run_diff(*args); };
}

}  // namespace lmc::cli
