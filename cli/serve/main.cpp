// SPDX-License-Identifier: Apache-2.0
// lmc-serve: what `lmc serve` runs (lmc executes it in its own process, with the same
// arguments), so that only this command loads the HTTP server and its libraries.
#include <CLI/CLI.hpp>

#include "cli.h"

int main(int argc, char** argv) {
  using namespace lmc::cli;
  CLI::App app{"Show a model live in the browser, redrawn on every save (for workshops)"};
  app.name("lmc serve");
  app.failure_message([](const CLI::App*, const CLI::Error& e) {
    return "lmc: error: " + std::string(e.what()) + "\nRun `lmc serve --help` for the options.\n";
  });
  const Runner run = setup_serve(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  return run();
}
