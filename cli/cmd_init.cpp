// SPDX-License-Identifier: Apache-2.0
// `lmc init FILE [--template NAME]` and `lmc init --list`: a starter model to fill in.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <iostream>
#include <memory>
#include <span>
#include <vector>

#include "cli.h"
#include "driver/output_file.h"
#include "frontend.h"
#include "lmc/suggest.h"
#include "templates.h"

namespace lmc::cli {

namespace {

struct InitArgs {
  std::string file;
  std::string name = "blank";
  bool list = false;
};

int run_init(const InitArgs& args) {
  if (args.list) {
    for (const Template& t : templates()) {
      std::cout << fmt::format("{:<21}{}\n", t.name, template_summary(t));
    }
    return kExitOk;
  }
  if (args.file.empty()) {
    print_error(
        "name the file to create: `lmc init model.yaml` (`lmc init --list` shows the "
        "templates)");
    return kExitUsage;
  }
  const Template* chosen = nullptr;
  for (const Template& t : templates()) {
    if (t.name == args.name) chosen = &t;
  }
  if (!chosen) {
    std::vector<std::string_view> names;
    for (const Template& t : templates()) names.push_back(t.name);
    const std::string near = nearest(args.name, names);
    print_error(fmt::format("no template '{}'{}; `lmc init --list` lists them", args.name,
                            near.empty() ? "" : fmt::format(" (did you mean '{}'?)", near)));
    return kExitUsage;
  }
  if (const std::string error =
          args.file == "-" ? write_to("-", chosen->text) : write_new_file(args.file, chosen->text);
      !error.empty()) {
    print_error(error);
    return kExitUsage;
  }
  if (args.file != "-") {
    std::cerr << fmt::format(
        "lmc: wrote '{}' from the {} template; see it with `lmc serve {}`, check it with `lmc "
        "check {}`\n",
        args.file, chosen->name, args.file, args.file);
  }
  return kExitOk;
}

}  // namespace

Runner setup_init(CLI::App& app) {
  auto args = std::make_shared<InitArgs>();
  app.add_option("file", args->file, "The model file to create; - for standard output");
  std::vector<std::string> names;
  for (const Template& t : templates()) names.emplace_back(t.name);
  app.add_option("-t,--template", args->name,
                 fmt::format("The programme shape to start from: {} (default blank)",
                             fmt::join(names, ", ")))
      ->type_name("NAME");
  app.add_flag("--list", args->list, "List the templates");
  return [args] { return run_init(*args); };
}

}  // namespace lmc::cli
