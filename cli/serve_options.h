// SPDX-License-Identifier: Apache-2.0
// The options of `lmc serve`, declared once: lmc-serve parses them, and lmc lists them (its
// help, manual pages and shell completions) without linking the HTTP server.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace lmc::cli {

struct ServeArgs {
  std::string path;
  std::string host = "127.0.0.1";
  int port = 7130;
  bool open = false;
  bool edit = false;  ///< the page may change the models (with the editor token)
  std::string today;
};

/// Declares serve's options on `app`, filling `args` when it parses.
void declare_serve_options(CLI::App& app, ServeArgs& args);

}  // namespace lmc::cli
