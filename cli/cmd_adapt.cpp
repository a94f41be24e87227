// SPDX-License-Identifier: Apache-2.0
// `lmc adapt BLUEPRINT -o FILE [--site NAME]`: start a site's adaptation of a blueprint.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <memory>

#include "cli.h"
#include "driver/output_file.h"
#include "frontend.h"
#include "lmc/adapt.h"
#include "lmc/load.h"

namespace lmc::cli {

namespace fs = std::filesystem;

namespace {

struct AdaptArgs {
  std::string blueprint;
  std::string output;
  std::string site;
};

int run_adapt(const AdaptArgs& args) {
  std::string text, why;
  if (read_file(args.blueprint, text, &why) != ReadError::none) {
    print_error(fmt::format("'{}' {}", args.blueprint, why));
    return kExitUsage;
  }
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
  std::string today;
  if (!resolve_today({}, today)) return kExitUsage;
  // The blueprint as the new file names it: relative to the new file's folder, with '/'.
  std::error_code ec;
  const fs::path out_dir =
      args.output == "-" ? fs::current_path(ec) : fs::absolute(args.output, ec).parent_path();
  const fs::path from = fs::weakly_canonical(out_dir, ec);
  const fs::path to = fs::weakly_canonical(fs::absolute(args.blueprint, ec), ec);
  std::string relative = to.lexically_relative(from).generic_string();
  if (relative.empty()) relative = to.generic_string();
  const AdaptResult r = adapt_blueprint({text, relative, args.site, today});
  if (!r.ok) {
    print_error(fmt::format("'{}' cannot be adapted: {}", args.blueprint, r.error));
    return kExitUsage;
  }
  if (args.output == "-") return emit_output("-", r.text) ? kExitOk : kExitUsage;
  if (const std::string error = write_new_file(args.output, r.text); !error.empty()) {
    print_error(error);
    return kExitUsage;
  }
  std::cerr << fmt::format(
      "lmc: wrote '{}', an adaptation of '{}'; its closing comments say what the workshop "
      "decides; `lmc check {}` lists what is not yet recorded\n",
      args.output, args.blueprint, args.output);
  return kExitOk;
}

}  // namespace

Runner setup_adapt(CLI::App& app) {
  auto args = std::make_shared<AdaptArgs>();
  app.add_option("blueprint", args->blueprint, "The model to adapt")->required();
  app.add_option("-o,--output", args->output,
                 "The adaptation to create (never over a file that exists); - for standard "
                 "output")
      ->required();
  app.add_option("--site", args->site, "The site adopting it: added to the title")
      ->type_name("NAME");
  return [args] { return run_adapt(*args); };
}

}  // namespace lmc::cli
