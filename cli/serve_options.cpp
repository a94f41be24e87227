// SPDX-License-Identifier: Apache-2.0
#include "serve_options.h"

namespace lmc::cli {

void declare_serve_options(CLI::App& app, ServeArgs& args) {
  app.add_option("path", args.path, "A model, or a directory of models")->required();
  app.add_option("--port", args.port, "The port to listen on (default 7130; 0: any free port)")
      ->check(CLI::Range(0, 65535));
  app.add_option("--host", args.host,
                 "The address to listen on (default 127.0.0.1, this machine only)")
      ->type_name("HOST");
  app.add_flag("--open", args.open, "Open the page in the desktop's browser");
  app.add_flag("--edit", args.edit,
               "Let the page change the models (lmc edit's operations), for whoever has the "
               "editor token in the address lmc prints");
  app.add_option("--today", args.today, "The date overdue-test compares against (YYYY-MM-DD)")
      ->type_name("DATE");
}

}  // namespace lmc::cli
