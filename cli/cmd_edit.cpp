// SPDX-License-Identifier: Apache-2.0
// `lmc edit MODEL --ops FILE|-`: the workshop studio's operations from a script. One change,
// all or nothing: the file is written once, atomically, and only when every operation applied
// and the result still reads as a model; `--dry-run` shows the change as a unified diff.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli.h"
#include "driver/output_file.h"
#include "frontend.h"
#include "lmc/edit.h"
#include "lmc/load.h"

namespace lmc::cli {

namespace {

struct EditArgs {
  std::string model;
  std::string ops;
  bool dry_run = false;
};

int run_edit(const EditArgs& args) {
  if (args.model == "-") {
    print_error("`lmc edit` changes a file: name the model's file, not '-'");
    return kExitUsage;
  }
  std::string text, why;
  if (read_file(args.model, text, &why, nullptr, Overwrite::allowed) != ReadError::none) {
    print_error("'" + args.model + "' " + why);
    return kExitUsage;
  }
  std::string ops_text;
  if (args.ops == "-") {
    if (!read_standard_input(ops_text)) return kExitUsage;
  } else if (read_file(args.ops, ops_text, &why) != ReadError::none) {
    print_error("'" + args.ops + "' " + why);
    return kExitUsage;
  }
  std::string error;
  const auto ops = parse_edit_ops(ops_text, error);
  if (!ops) {
    print_error(fmt::format("{}: {}", args.ops == "-" ? "standard input" : args.ops, error));
    return kExitUsage;
  }
  // The byte-order mark is kept as it was; the edits see the text after it.
  const bool bom = text.starts_with("\xEF\xBB\xBF");
  const std::string_view body = std::string_view(text).substr(bom ? 3 : 0);
  const EditResult result = apply_edits(body, *ops);
  if (!result.ok) {
    print_error(fmt::format("'{}' was not changed: {}", args.model, result.error));
    return kExitUsage;
  }
  if (args.dry_run) {
    std::cout << unified_diff(body, result.text, args.model);
    return kExitOk;
  }
  if (result.text == body) return kExitOk;
  const std::string out = (bom ? std::string("\xEF\xBB\xBF") : std::string()) + result.text;
  if (const std::string failed = replace_model(args.model, text, out); !failed.empty()) {
    print_error(failed);
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace

Runner setup_edit(CLI::App& app) {
  auto args = std::make_shared<EditArgs>();
  app.add_option("model", args->model, "The model file to change")->required();
  app.add_option("--ops", args->ops,
                 "The operations, a JSON list (add, set, link, unlink, rename, delete, "
                 "add-assumption, add-factor, add-indicator); '-' reads standard input")
      ->required();
  app.add_flag("--dry-run", args->dry_run, "Print the change as a unified diff; write nothing");
  app.footer(
      "Lines the change does not touch keep their bytes; new entries follow the file's "
      "indentation.\nExample: echo '[{\"op\":\"link\",\"from\":\"a\",\"to\":\"b\"}]' | lmc edit "
      "model.yaml --ops -");
  return [args] { return run_edit(*args); };
}

}  // namespace lmc::cli
