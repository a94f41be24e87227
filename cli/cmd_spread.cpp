// SPDX-License-Identifier: Apache-2.0
// `lmc spread BLUEPRINT PATH...`: the sites that adapt a blueprint side by side (spec,
// "Spread"): each core component kept, modified, replaced or dropped, with the reasons; what
// each site added; each assumption's status and evidence site by site. Folders are searched
// for the models that adapt the blueprint; a file named that does not is said, never dropped.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <set>
#include <sstream>

#include "cli.h"
#include "driver/config_cache.h"
#include "driver/session.h"
#include "driver/workbook.h"
#include "format_table.h"
#include "frontend.h"
#include "lmc/spread.h"

namespace lmc::cli {

namespace fs = std::filesystem;

namespace {

struct SpreadArgs {
  std::string blueprint;
  std::vector<std::string> paths;
  std::string format;  ///< empty: the one --output's name implies, else text
  std::string output = "-";
};

const FormatTable<std::string_view> kSpreadFormats = {
    {"text", {".txt"}, {}, "text"},
    {"markdown", {".md"}, {}, "markdown"},
    {"json", {".json"}, {}, "json"},
    {"html", {".html", ".htm"}, "a page for the board", "html"},
    {"xlsx", {".xlsx"}, "a workbook", "xlsx"},
};

// Whether following `adapts:` from model `m` reaches model 0 (the blueprint) in more than one
// step: an adaptation of a site's adaptation.
bool descends(const ModelSet& set, int m) {
  int at = set.blueprint_of(m);
  for (std::size_t steps = 0; at > 0 && steps <= set.models.size(); ++steps) {
    at = set.blueprint_of(at);
    if (at == 0) return true;
  }
  return false;
}

bool same_file(const fs::path& a, const fs::path& b) {
  std::error_code ec;
  return !a.empty() && !b.empty() && fs::equivalent(a, b, ec);
}

int run_spread(const SpreadArgs& args) {
  const auto& format = kSpreadFormats.choose(args.format, args.output);
  if (format.name == "xlsx" && !binary_output_allowed(args.output, "spread.xlsx")) {
    return kExitUsage;
  }
  std::error_code ec;
  if (fs::is_directory(args.blueprint, ec)) {
    print_error(fmt::format("'{}' is a folder; the blueprint is one model file", args.blueprint));
    return kExitUsage;
  }
  ConfigCache configs(config_printer(false));
  Discovered bp = discover({args.blueprint}, "<stdin>", configs);
  std::vector<InputFile> files = readable_files(bp, "compare");
  if (!bp.ok || files.size() != 1) return kExitUsage;
  const fs::path blueprint_file = files.front().location;
  // A blueprint inside a folder searched is the blueprint, not a site.
  Discovered found = discover(args.paths, "<stdin>", configs);
  std::set<std::string> named;
  for (const std::string& p : args.paths) {
    if (!fs::is_directory(p, ec)) named.insert(display_path(p));
  }
  for (InputFile& f : readable_files(found, "compare")) {
    if (same_file(f.location, blueprint_file)) {
      if (named.count(f.display)) {
        print_warning(fmt::format("'{}' is the blueprint itself, not a site", f.display));
      }
      continue;
    }
    files.push_back(std::move(f));
  }
  bool ok = found.ok;
  const CheckedSet checked = load_and_check(std::move(files), configs, today());
  if (!checked.configs_ok) return kExitUsage;
  const ModelSet& set = checked.set;
  const LoadResult& blueprint = *set.models[0];
  if (!blueprint.usable) {
    say_unreadable(blueprint.source.path(), blueprint.source, checked.findings_in(0),
                   "cannot be compared with its sites");
    return kExitUsage;
  }
  std::vector<SiteModel> sites;
  for (std::size_t m = 1; m < set.given; ++m) {
    const LoadResult& l = *set.models[m];
    const std::string& display = l.source.path();
    if (!l.usable) {
      say_unreadable(display, l.source, checked.findings_in(static_cast<int>(m)),
                     "is not in the spread");
      ok = false;
      continue;
    }
    const int parent = set.blueprint_of(static_cast<int>(m));
    if (parent == 0) {
      sites.push_back({&l.model, display});
      continue;
    }
    if (descends(set, static_cast<int>(m))) {
      std::cerr << fmt::format(
          "lmc: note: '{}' adapts '{}', itself an adaptation of the blueprint: it is not "
          "compared here (`lmc spread {} {}` compares it with its own blueprint)\n",
          printable(display), printable(l.model.adapts.model.value),
          printable(set.models[static_cast<std::size_t>(parent)]->source.path()),
          printable(display));
      continue;
    }
    if (!named.count(display)) continue;  // a folder's other models: not sites of this one
    print_error(l.model.adapts.model.value.empty()
                    ? fmt::format("'{}' adapts no blueprint (it has no `adapts:`), so it is not "
                                  "a site of '{}'",
                                  printable(display), printable(args.blueprint))
                    : fmt::format("'{}' adapts '{}', not '{}'", printable(display),
                                  printable(l.model.adapts.model.value),
                                  printable(args.blueprint)));
    ok = false;
  }
  if (sites.empty()) {
    print_error(fmt::format(
        "no model in {} adapts '{}' (a site's model names it in `adapts: {{model: PATH}}`; "
        "`lmc adapt` starts one)",
        args.paths.size() == 1 ? "'" + printable(args.paths.front()) + "'" : "the paths given",
        printable(args.blueprint)));
    return kExitUsage;
  }
  const SpreadReport report = make_spread(blueprint.model, blueprint.source.path(), sites);
  std::string bytes;
  if (format.name == "xlsx") {
    std::string error;
    const std::optional<std::string> book = workbook(spread_sheets(report), error);
    if (!book) {
      print_error(error);
      return kExitUsage;
    }
    bytes = *book;
  } else {
    std::ostringstream out;
    write_spread(out, report, format.write);
    bytes = out.str();
  }
  if (!emit_output(args.output, bytes)) return kExitUsage;
  return ok ? kExitOk : kExitUsage;
}

}  // namespace

Runner setup_spread(CLI::App& app) {
  auto args = std::make_shared<SpreadArgs>();
  app.add_option("blueprint", args->blueprint, "The model the sites adapt")->required();
  app.add_option("paths", args->paths,
                 "The sites' models, or folders to search for the models that adapt it")
      ->required();
  kSpreadFormats.add_option(app, args->format);
  app.add_option("-o,--output", args->output,
                 "Where to write it, whole or not at all (default: standard output)");
  return [args] { return run_spread(*args); };
}

}  // namespace lmc::cli
