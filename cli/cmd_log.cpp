// SPDX-License-Identifier: Apache-2.0
// `lmc log PATH`: the theory's history in git. For each commit that touched the model (newest
// first, following renames), its id, date, subject and the changes to the theory it made, as
// `lmc diff` finds them between the commit's parent and the commit.
#include <iostream>
#include <memory>

#include "cli.h"
#include "driver/history.h"
#include "format_table.h"
#include "lmc/diff.h"

namespace lmc::cli {

namespace {

struct LogArgs {
  std::string path;
  std::string format;
  bool theory_only = false;
};

using LogWriter = void (*)(std::ostream&, const std::string&, const std::vector<HistoryEntry>&);
const FormatTable<LogWriter> kLogFormats = {
    {"text",
     {},
     {},
     [](std::ostream& out, const std::string& path, const std::vector<HistoryEntry>& h) {
       write_history_text(out, path, h, false);
     }},
    {"markdown",
     {},
     {},
     [](std::ostream& out, const std::string& path, const std::vector<HistoryEntry>& h) {
       write_history_text(out, path, h, true);
     }},
    {"json", {}, {}, write_history_json},
};

int run_log(const LogArgs& args) {
  std::string error;
  const auto history = model_history(args.path, error);
  if (!history) {
    print_error("'" + args.path + "' " + error);
    return kExitUsage;
  }
  std::vector<HistoryEntry> shown;
  for (const HistoryEntry& e : *history) {
    if (!args.theory_only || e.theory_changed() || e.history_cut) shown.push_back(e);
  }
  kLogFormats.choose(args.format, "-").write(std::cout, args.path, shown);
  return kExitOk;
}

}  // namespace

Runner setup_log(CLI::App& app) {
  auto args = std::make_shared<LogArgs>();
  app.add_option("path", args->path, "A model file in a git repository")->required();
  kLogFormats.add_option(app, args->format);
  app.add_flag("--theory-only", args->theory_only,
               "Leave out commits that changed only formatting, comments or order");
  return [args] { return run_log(*args); };
}

}  // namespace lmc::cli
