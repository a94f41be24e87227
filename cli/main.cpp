// SPDX-License-Identifier: Apache-2.0
#include <CLI/CLI.hpp>

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "cli.h"
#include "install_layout.h"
#include "lmc/source.h"
#include "lmc/suggest.h"
#include "serve_options.h"

namespace {

std::string printable_arg(const std::string& s) {
  return lmc::printable(s);
}

// `lmc serve` is lmc-serve (installed under libexec, or beside lmc in the build tree): lmc
// becomes it (same process, same arguments), so the HTTP server's libraries load only for the
// command that needs them.
int serve(int argc, char** argv) {
  const std::filesystem::path server = lmc::cli::serve_helper();
  std::vector<char*> args{const_cast<char*>(server.c_str())};
  for (int i = 2; i < argc; ++i) args.push_back(argv[i]);
  args.push_back(nullptr);
  ::execv(server.c_str(), args.data());
  lmc::cli::print_error("lmc serve needs its helper, lmc-serve ('" + server.string() +
                        "' cannot be run: " + std::strerror(errno) +
                        "): reinstall lmc, or build it with lmc");
  return lmc::cli::kExitUsage;
}

// The docs of this very version: installed beside lmc, and on the web at its release's tag.
std::string docs_location() {
  const std::filesystem::path docs = lmc::cli::installed_docs();
  return (docs.empty() ? "" : (docs / "docs").string() + " or ") + lmc::cli::docs_url();
}

}  // namespace

namespace lmc::cli {

// Listed for `lmc --help`, the manual and the completions, with the options lmc-serve takes;
// main() hands `lmc serve ...` to lmc-serve before parsing.
Runner setup_serve_listing(CLI::App& app) {
  auto unused = std::make_shared<ServeArgs>();
  declare_serve_options(app, *unused);
  return [unused] { return kExitUsage; };
}

}  // namespace lmc::cli

int main(int argc, char** argv) {
  using namespace lmc::cli;
  if (argc > 1 && std::string_view(argv[1]) == "serve") return serve(argc, argv);
  CLI::App app{"lmc: check, render and compare programme logic models"};
  app.name("lmc");
  app.set_version_flag("--version", "lmc " LMC_VERSION);
  app.require_subcommand(1);
  app.failure_message([](const CLI::App* failed, const CLI::Error& e) {
    std::string command = failed->get_name();
    for (const CLI::App* p = failed->get_parent(); p; p = p->get_parent()) {
      command = p->get_name() + " " + command;
    }
    return "lmc: error: " + std::string(e.what()) + "\nRun `" + command +
           " --help` for the options.\n";
  });
  const std::string docs = "Docs for lmc " LMC_VERSION ": " + docs_location();
  app.footer(
      "Run `lmc COMMAND --help` for a command's options, `man lmc-COMMAND` for its manual.\n" +
      docs);
  std::vector<std::pair<CLI::App*, Runner>> commands;
  auto add = [&](const char* name, const char* about, Runner (*setup)(CLI::App&)) {
    CLI::App* sub = app.add_subcommand(name, about);
    commands.emplace_back(sub, setup(*sub));
    // The footer lmc's own help has, copied at creation, becomes this command's: its manual.
    const std::string own = sub->get_footer() == app.get_footer() ? "" : sub->get_footer();
    const std::string manual = "Manual: man lmc-" + std::string(name) + ". " + docs;
    sub->footer(own.empty() ? manual : own + "\n\n" + manual);
  };
  add("check", "Check logic models like a compiler: structure, links and assumptions",
      &setup_check);
  add("init", "Start a model from a template (a blank one, or a programme shape)", &setup_init);
  add("adapt", "Start a site's adaptation of a blueprint: what to keep, what to re-test",
      &setup_adapt);
  add("spread", "The sites that adapt a blueprint, side by side: core components, assumptions",
      &setup_spread);
  add("serve", "Show a model live in the browser, redrawn on every save (for workshops)",
      &setup_serve_listing);
  add("render", "Draw a model as a one-page diagram (SVG, PDF, PNG or DOT)", &setup_render);
  add("export", "The model for other tools: csv (measurement plan), json, markdown, mermaid, dot",
      &setup_export);
  add("diff", "Show what changed in the theory between two revisions of a model", &setup_diff);
  add("trace", "Every causal path through one item, with what it rests on", &setup_trace);
  add("status", "Each indicator's latest result against its target, and what the chain says",
      &setup_status);
  add("edit", "Change a model by operations (add, link, rename, ...), keeping its formatting",
      &setup_edit);
  add("report", "What an evaluator needs: measurement, assumptions, what the theory rests on",
      &setup_report);
  add("log", "The theory's history in git: each commit's changes to the model", &setup_log);
  add("rules", "List the rules `lmc check` applies", &setup_rules);
  add("schema", "Print the JSON Schema of the model format (for editors)", &setup_schema);
  add("lsp", "Serve editors over the Language Server Protocol (stdio): findings as you type",
      &setup_lsp);
  add("explain", "Explain one rule: why it matters, an example, the fix", &setup_explain);
  add("completion", "Print the completion script for bash, zsh or fish", &setup_completion);
  add("man-pages", "Write the manual pages (the build runs it)", &setup_man_pages);
  commands.back().first->group("");  // hidden
  if (argc == 1) {
    // No command: show what there is, as `lmc --help` does, and say it was not enough.
    std::cout << app.help();
    return kExitUsage;
  }
  // A first word that is no command and no option: say so, with the nearest command.
  if (const std::string first = argv[1]; !first.empty() && first[0] != '-') {
    std::vector<std::string_view> names;
    for (const auto& [sub, run] : commands) names.push_back(sub->get_name());
    if (std::find(names.begin(), names.end(), first) == names.end()) {
      const std::string near = lmc::nearest(first, names);
      std::cerr << "lmc: error: '" << printable_arg(first) << "' is not an lmc command"
                << (near.empty() ? "" : "; did you mean '" + near + "'?") << "\n"
                << "Run `lmc --help` for the commands.\n";
      return kExitUsage;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  for (auto& [sub, run] : commands) {
    if (sub->parsed()) return run();
  }
  return kExitUsage;
}
