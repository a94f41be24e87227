// SPDX-License-Identifier: Apache-2.0
// For evaluators: `lmc trace MODEL ID`: every path through one item, with what rests on each
// step.
#include <fmt/format.h>

#include <memory>
#include <sstream>

#include "cli.h"
#include "driver/checked_model.h"
#include "driver/config_cache.h"
#include "format_table.h"
#include "frontend.h"
#include "lmc/evaluate.h"
#include "lmc/graph.h"
#include "lmc/source.h"
#include "lmc/suggest.h"

namespace lmc::cli {

namespace fs = std::filesystem;

namespace {

struct TraceArgs {
  std::string model;
  std::string id;
  std::string format;  ///< empty: the one --output's name implies, else text
  std::size_t limit = 50;
  std::string output = "-";
};

using TraceWriter = void (*)(std::ostream&, const Model&, const Graph&, const Trace&);
const FormatTable<TraceWriter> kTraceFormats = {
    {"text",
     {".txt"},
     {},
     [](std::ostream& out, const Model& m, const Graph& g, const Trace& t) {
       write_trace(out, m, g, t, false);
     }},
    {"json",
     {".json"},
     {},
     [](std::ostream& out, const Model& m, const Graph& g, const Trace& t) {
       write_trace(out, m, g, t, true);
     }},
};

int run_trace(const TraceArgs& args) {
  std::string text, why;
  if (read_file(args.model, text, &why) != ReadError::none) {
    print_error("'" + args.model + "' " + why);
    return kExitUsage;
  }
  ConfigCache configs(config_printer(false));
  const auto c = load_checked(args.model, std::move(text), fs::path(args.model).parent_path(),
                              configs, today(), "cannot be traced");
  if (!c) return kExitUsage;
  const Model& model = c->loaded->model;
  const Graph graph(model);
  const int item = graph.find(args.id);
  if (item < 0) {
    std::vector<std::string_view> ids;
    for (const Item& it : model.items) ids.push_back(it.id.value);
    const std::string near = nearest(args.id, ids);
    print_error(fmt::format("'{}' has no item '{}'{}", args.model, printable(args.id),
                            near.empty() ? "" : fmt::format("; did you mean '{}'?", near)));
    return kExitUsage;
  }
  std::ostringstream out;
  kTraceFormats.choose(args.format, args.output)
      .write(out, model, graph, trace(model, graph, item, args.limit));
  return emit_output(args.output, out.str()) ? kExitOk : kExitUsage;
}

}  // namespace

Runner setup_trace(CLI::App& app) {
  auto args = std::make_shared<TraceArgs>();
  app.add_option("model", args->model, "The model")->required();
  app.add_option("id", args->id, "The item whose paths to show")->required()->type_name("ID");
  kTraceFormats.add_option(app, args->format);
  app.add_option("--limit", args->limit, "How many paths to list at most (default 50)")
      ->check(CLI::Range(1, 100000));
  app.add_option("-o,--output", args->output,
                 "Where to write it, whole or not at all (default: standard output)");
  return [args] { return run_trace(*args); };
}

}  // namespace lmc::cli
