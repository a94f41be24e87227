// SPDX-License-Identifier: Apache-2.0
#include <iostream>
#include <memory>

#include "cli.h"
#include "lsp/server.h"

namespace lmc::cli {

Runner setup_lsp(CLI::App& app) {
  auto options = std::make_shared<lsp::ServerOptions>();
  auto debounce = std::make_shared<int>(200);
  app.add_option("--debounce", *debounce,
                 "Milliseconds of quiet after a change before the document is checked again")
      ->check(CLI::Range(0, 10000))
      ->default_str("200");
  app.add_option("--today", options->today,
                 "The date overdue-test compares against, as YYYY-MM-DD (default: today)")
      ->type_name("DATE");
  // Editors start it as `lmc lsp --stdio`; standard input and output are the only transport.
  app.add_flag_callback(
      "--stdio", [] {}, "Talk over standard input and output (the only transport)");
  return [options, debounce] {
    options->debounce = std::chrono::milliseconds(*debounce);
    std::ios::sync_with_stdio(false);
    lsp::Server server(std::cin, std::cout, *options);
    return server.run();
  };
}

}  // namespace lmc::cli
