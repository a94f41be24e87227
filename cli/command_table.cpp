// SPDX-License-Identifier: Apache-2.0
#include "command_table.h"

#include <algorithm>

namespace lmc::cli {

namespace {

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t at = text.find(separator); at != std::string::npos;
       at = text.find(separator, start)) {
    parts.push_back(text.substr(start, at - start));
    start = at + 1;
  }
  parts.push_back(text.substr(start));
  return parts;
}

// CLI11 gives an option's type as its help prints it: "TEXT", or with its validators'
// descriptions after colons, "TEXT:{text,json}" for a list of values (CLI::IsMember).
void read_type(const CLI::Option& opt, OptionInfo& info) {
  const std::vector<std::string> parts = split(opt.get_type_name(), ':');
  info.value = parts.front();
  for (std::size_t i = 1; i < parts.size(); ++i) {
    const std::string& part = parts[i];
    if (part.size() > 2 && part.front() == '{' && part.back() == '}') {
      info.choices = split(part.substr(1, part.size() - 2), ',');
    }
  }
}

OptionInfo read_option(const CLI::Option& opt) {
  OptionInfo info;
  info.positional = !opt.nonpositional();
  if (info.positional) {
    info.names.push_back(opt.get_name());
  } else {
    for (const std::string& s : opt.get_snames()) info.names.push_back("-" + s);
    for (const std::string& l : opt.get_lnames()) info.names.push_back("--" + l);
  }
  info.description = opt.get_description();
  info.required = opt.get_required();
  if (opt.get_items_expected_max() > 0) read_type(opt, info);
  info.repeatable = info.positional
                        ? opt.get_items_expected_max() > 1
                        : opt.get_multi_option_policy() == CLI::MultiOptionPolicy::TakeAll;
  return info;
}

void add_suggestions(CommandInfo& command, const std::vector<Suggestions>& suggestions) {
  for (const Suggestions& s : suggestions) {
    if (s.command != command.name) continue;
    for (auto* list : {&command.options, &command.positionals}) {
      for (OptionInfo& info : *list) {
        if (std::find(info.names.begin(), info.names.end(), s.option) != info.names.end()) {
          info.choices = s.values;
        }
      }
    }
  }
}

}  // namespace

CommandTable describe(const CLI::App& app, const std::string& version,
                      const std::vector<Suggestions>& suggestions) {
  CommandTable table;
  table.program = app.get_name();
  table.about = app.get_description();
  // "lmc: check, render ...": the manual's NAME line names the program already.
  if (const std::string lead = table.program + ": "; table.about.rfind(lead, 0) == 0) {
    table.about.erase(0, lead.size());
  }
  table.version = version;
  for (const CLI::Option* opt : app.get_options()) table.options.push_back(read_option(*opt));
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->get_group().empty()) continue;  // hidden
    CommandInfo command;
    command.name = sub->get_name();
    command.about = sub->get_description();
    for (const CLI::Option* opt : sub->get_options()) {
      OptionInfo info = read_option(*opt);
      (info.positional ? command.positionals : command.options).push_back(std::move(info));
    }
    add_suggestions(command, suggestions);
    table.commands.push_back(std::move(command));
  }
  return table;
}

}  // namespace lmc::cli
