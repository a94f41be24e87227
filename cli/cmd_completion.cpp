// SPDX-License-Identifier: Apache-2.0
// `lmc completion SHELL` prints a shell's completion script; `lmc man-pages DIR` (hidden: the
// build runs it) writes the manual pages. Both come from the command table of this very
// program, so they say what its --help says.
#include <memory>

#include "cli.h"
#include "command_table.h"
#include "driver/output_file.h"
#include "frontend.h"
#include "lmc/rules.h"
#include "templates.h"

namespace lmc::cli {

namespace {

CommandTable table_of(const CLI::App& root) {
  std::vector<std::string> rule_ids;
  for (const Rule& r : all_rules()) rule_ids.emplace_back(r.id);
  std::vector<std::string> template_names;
  for (std::size_t i = 0; i < kTemplatesCount; ++i) template_names.emplace_back(kTemplates[i].name);
  return describe(root, LMC_VERSION,
                  {{"explain", "rule", rule_ids}, {"init", "--template", template_names}});
}

}  // namespace

Runner setup_completion(CLI::App& app) {
  auto shell = std::make_shared<std::string>();
  auto output = std::make_shared<std::string>("-");
  app.add_option("shell", *shell, "The shell to complete lmc's commands and options in")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh", "fish"}));
  app.add_option("-o,--output", *output, "Where to write the script (default: standard output)");
  app.footer(
      "Installed with lmc where each shell looks; to load by hand:\n"
      "  bash: source <(lmc completion bash)\n"
      "  zsh:  lmc completion zsh > \"${fpath[1]}/_lmc\"\n"
      "  fish: lmc completion fish > ~/.config/fish/completions/lmc.fish");
  const CLI::App* root = app.get_parent();
  return [shell, output, root] {
    return emit_output(*output, completion_script(table_of(*root), *shell)) ? kExitOk : kExitUsage;
  };
}

Runner setup_man_pages(CLI::App& app) {
  auto dir = std::make_shared<std::string>();
  auto date = std::make_shared<std::string>();
  app.add_option("dir", *dir, "The directory to write lmc.1 and lmc-COMMAND.1 in")->required();
  app.add_option("--date", *date, "The date the pages carry (the release's)")
      ->required()
      ->type_name("DATE");
  const CLI::App* root = app.get_parent();
  return [dir, date, root] {
    for (const ManPage& page : man_pages(table_of(*root), *date)) {
      if (!emit_output(*dir + "/" + page.file, page.text)) return kExitUsage;
    }
    return kExitOk;
  };
}

}  // namespace lmc::cli
