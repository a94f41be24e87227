// SPDX-License-Identifier: Apache-2.0
#include <unistd.h>

#include <cstdlib>
#include <ctime>
#include <iostream>
#include <sstream>

#include "cli.h"
#include "driver/config_cache.h"
#include "lmc/report.h"
#include "lmc/source.h"

namespace lmc::cli {

bool use_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  // https://no-color.org: set and not empty means no colour.
  if (const char* no = std::getenv("NO_COLOR"); no && *no) return false;
  if (const char* term = std::getenv("TERM"); term && std::string(term) == "dumb") return false;
  return isatty(STDOUT_FILENO) != 0;
}

std::string local_time(const char* format) {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char buf[32];
  std::strftime(buf, sizeof buf, format, &local);
  return buf;
}

std::string today() {
  return local_time("%Y-%m-%d");
}

void print_error(const std::string& message) {
  std::cerr << "lmc: error: " << message << '\n';
}

void print_warning(const std::string& message) {
  std::cerr << "lmc: warning: " << message << '\n';
}

std::function<void(const ConfigProblem&)> config_printer(bool color) {
  return [color](const ConfigProblem& problem) {
    switch (problem.kind) {
      case ConfigProblem::Kind::ignored:
        std::cerr << "lmc: note: ignoring '" << printable(problem.display)
                  << "': " << problem.message << "\n";
        return;
      case ConfigProblem::Kind::unreadable:
        print_error("'" + printable(problem.display) + "': " + problem.message);
        return;
      case ConfigProblem::Kind::invalid: {
        std::ostringstream out;
        write_text(out, {}, problem.diagnostics, TextStyle{color, true});
        std::cerr << out.str();
        print_error(problem.message);
        return;
      }
    }
  };
}

}  // namespace lmc::cli
