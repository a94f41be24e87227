// SPDX-License-Identifier: Apache-2.0
// Shell completions for bash, zsh and fish, from the command table: commands, options, the
// values of options that take a list (--format, --page, ...), rule ids after `explain`,
// template names after `init --template`, and file names where a path goes.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <stdexcept>

#include "command_table.h"

namespace lmc::cli {

namespace {

// A word list for a shell: "a b c" (or joined by another separator).
std::string words(const std::vector<std::string>& list, std::string_view separator = " ") {
  return fmt::format("{}", fmt::join(list, separator));
}

// Text inside single quotes, for any of the three shells: ' closes, \' adds one, ' reopens.
std::string single_quoted(const std::string& text) {
  std::string out = "'";
  for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::vector<std::string> all_names(const std::vector<OptionInfo>& options) {
  std::vector<std::string> names;
  for (const OptionInfo& o : options) names.insert(names.end(), o.names.begin(), o.names.end());
  return names;
}

// ---- bash ----------------------------------------------------------------------------------

// What to offer for a value: its list, file names, or nothing (a date, a number, an id).
std::string bash_values(const OptionInfo& opt) {
  if (!opt.choices.empty()) return fmt::format("_lmc_words '{}'", words(opt.choices));
  if (opt.files()) return "_lmc_files";
  return ":";
}

std::string bash_command(const CommandInfo& command) {
  std::vector<std::string> valued;
  std::string prev_cases;
  for (const OptionInfo& o : command.options) {
    if (o.value.empty()) continue;
    valued.insert(valued.end(), o.names.begin(), o.names.end());
    prev_cases += fmt::format("        {}) {}; return ;;\n", words(o.names, "|"), bash_values(o));
  }
  std::string positional_cases;
  for (std::size_t i = 0; i < command.positionals.size(); ++i) {
    const OptionInfo& p = command.positionals[i];
    const bool last = i + 1 == command.positionals.size();
    positional_cases += fmt::format("        {}) {} ;;\n",
                                    last && p.repeatable ? "*" : std::to_string(i), bash_values(p));
  }
  return fmt::format(
      "    {})\n"
      "      case $prev in\n{}      esac\n"
      "      if [[ $cur == -* ]]; then _lmc_words '{}'; return; fi\n"
      "      case $(_lmc_position \"$at\" '{}') in\n{}      esac\n"
      "      ;;\n",
      command.name, prev_cases, words(all_names(command.options)), words(valued), positional_cases);
}

std::string bash_script(const CommandTable& table) {
  std::vector<std::string> commands;
  for (const CommandInfo& c : table.commands) commands.push_back(c.name);
  std::string cases;
  for (const CommandInfo& c : table.commands) cases += bash_command(c);
  return fmt::format(
      "# bash completion for {0} {1}: made by `{0} completion bash` from its command table.\n"
      "_lmc_words() {{ mapfile -t COMPREPLY < <(compgen -W \"$1\" -- \"$cur\"); }}\n"
      "_lmc_files() {{\n"
      "  compopt -o filenames 2>/dev/null\n"
      "  mapfile -t COMPREPLY < <(compgen -f -- \"$cur\")\n"
      "}}\n"
      "# Which positional argument the word being completed is: the words after the command\n"
      "# ($1) that are not options or the values of the options in $2.\n"
      "_lmc_position() {{\n"
      "  local i n=0 word skip=0 rest=0\n"
      "  for ((i = $1 + 1; i < COMP_CWORD; i++)); do\n"
      "    word=${{COMP_WORDS[i]}}\n"
      "    if ((skip)); then skip=0; continue; fi\n"
      "    if ((!rest)) && [[ $word == -- ]]; then rest=1; continue; fi\n"
      "    if ((!rest)) && [[ $word == -* ]]; then\n"
      "      [[ $word != *=* && \" $2 \" == *\" $word \"* ]] && skip=1\n"
      "      continue\n"
      "    fi\n"
      "    ((n++))\n"
      "  done\n"
      "  echo \"$n\"\n"
      "}}\n"
      "_lmc() {{\n"
      "  local cur=${{COMP_WORDS[COMP_CWORD]}} prev=${{COMP_WORDS[COMP_CWORD - 1]}}\n"
      "  local at=0 cmd='' i\n"
      "  COMPREPLY=()\n"
      "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
      "    if [[ ${{COMP_WORDS[i]}} != -* ]]; then at=$i cmd=${{COMP_WORDS[i]}}; break; fi\n"
      "  done\n"
      "  case $cmd in\n"
      "    '')\n"
      "      if [[ $cur == -* ]]; then _lmc_words '{2}'; else _lmc_words '{3}'; fi\n"
      "      ;;\n"
      "{4}"
      "  esac\n"
      "}}\n"
      "complete -F _lmc {0}\n",
      table.program, table.version, words(all_names(table.options)), words(commands), cases);
}

// ---- zsh -----------------------------------------------------------------------------------

// An _arguments description: [ ] and \ escaped.
std::string zsh_description(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '[' || c == ']' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// ":MESSAGE:ACTION": the values of a list, file names, or nothing to offer.
std::string zsh_action(const OptionInfo& opt, const std::string& message) {
  if (!opt.choices.empty()) return ":" + message + ":(" + words(opt.choices) + ")";
  if (opt.files()) return ":" + message + ":_files";
  return ":" + message + ": ";
}

std::string zsh_command(const CommandInfo& command) {
  std::string specs;
  for (const OptionInfo& o : command.options) {
    const std::string action = o.value.empty() ? "" : zsh_action(o, o.value);
    const std::string description = "[" + zsh_description(o.description) + "]";
    if (o.names.size() == 1) {
      specs += " \\\n        " +
               single_quoted((o.repeatable ? "*" : "") + o.names[0] + description + action);
    } else {
      // '(-o --output)'{-o,--output}'[...]': either name, once.
      specs += " \\\n        " + single_quoted(o.repeatable ? "*" : "(" + words(o.names) + ")") +
               "{" + words(o.names, ",") + "}" + single_quoted(description + action);
    }
  }
  for (std::size_t i = 0; i < command.positionals.size(); ++i) {
    const OptionInfo& p = command.positionals[i];
    const std::string position =
        p.repeatable ? "*" : std::to_string(i + 1) + (p.required ? "" : ":");
    specs += " \\\n        " + single_quoted(position + zsh_action(p, p.names.front()));
  }
  return fmt::format("    {})\n      _arguments -S{} && ret=0\n      ;;\n", command.name, specs);
}

std::string zsh_script(const CommandTable& table) {
  std::string commands;
  for (const CommandInfo& c : table.commands) {
    commands += "\n    " + single_quoted(c.name + ":" + c.about);
  }
  std::string globals;
  for (const OptionInfo& o : table.options) {
    for (const std::string& n : o.names) {
      globals +=
          " \\\n    " + single_quoted("(- :)" + n + "[" + zsh_description(o.description) + "]");
    }
  }
  std::string cases;
  for (const CommandInfo& c : table.commands) cases += zsh_command(c);
  return fmt::format(
      "#compdef {0}\n"
      "# zsh completion for {0} {1}: made by `{0} completion zsh` from its command table.\n"
      "_lmc() {{\n"
      "  local curcontext=$curcontext state line ret=1\n"
      "  typeset -A opt_args\n"
      "  _arguments -C{2} \\\n"
      "    '1:command:->command' \\\n"
      "    '*::argument:->argument' && ret=0\n"
      "  case $state in\n"
      "  command)\n"
      "    local -a commands=({3}\n"
      "    )\n"
      "    _describe -t commands '{0} command' commands && ret=0\n"
      "    ;;\n"
      "  argument)\n"
      "    curcontext=${{curcontext%:*:*}}:{0}-$words[1]:\n"
      "    case $words[1] in\n"
      "{4}"
      "    esac\n"
      "    ;;\n"
      "  esac\n"
      "  return ret\n"
      "}}\n"
      "if [[ $zsh_eval_context[-1] == loadautofunc ]]; then\n"
      "  _lmc \"$@\"\n"
      "else\n"
      "  compdef _lmc {0}\n"
      "fi\n",
      table.program, table.version, globals, commands, cases);
}

// ---- fish ----------------------------------------------------------------------------------

std::string fish_option(const std::string& program, const std::string& condition,
                        const OptionInfo& o) {
  std::string line = "complete -c " + program + " -n " + single_quoted(condition);
  for (const std::string& n : o.names) {
    line += n.rfind("--", 0) == 0 ? " -l " + n.substr(2) : " -s " + n.substr(1);
  }
  if (!o.choices.empty()) {
    line += " -x -a " + single_quoted(words(o.choices));
  } else if (o.files()) {
    line += " -r -F";
  } else if (!o.value.empty()) {
    line += " -x";
  }
  return line + " -d " + single_quoted(o.description) + "\n";
}

std::string fish_script(const CommandTable& table) {
  const std::string& p = table.program;
  std::string out = fmt::format(
      "# fish completion for {0} {1}: made by `{0} completion fish` from its command table.\n"
      "complete -c {0} -f\n",
      p, table.version);
  for (const OptionInfo& o : table.options) out += fish_option(p, "__fish_use_subcommand", o);
  for (const CommandInfo& c : table.commands) {
    out += fmt::format("complete -c {} -n __fish_use_subcommand -a {} -d {}\n", p, c.name,
                       single_quoted(c.about));
  }
  for (const CommandInfo& c : table.commands) {
    const std::string condition = "__fish_seen_subcommand_from " + c.name;
    for (const OptionInfo& o : c.options) out += fish_option(p, condition, o);
    // Positionals: the first one's values (a list, or files) stand for all of them, as fish
    // completes arguments without counting them.
    for (const OptionInfo& pos : c.positionals) {
      if (!pos.choices.empty()) {
        out += fmt::format("complete -c {} -n {} -x -a {}\n", p, single_quoted(condition),
                           single_quoted(words(pos.choices)));
        break;
      }
      if (pos.files()) {
        out += fmt::format("complete -c {} -n {} -F\n", p, single_quoted(condition));
        break;
      }
    }
  }
  return out;
}

}  // namespace

std::string completion_script(const CommandTable& table, const std::string& shell) {
  if (shell == "bash") return bash_script(table);
  if (shell == "zsh") return zsh_script(table);
  if (shell == "fish") return fish_script(table);
  throw std::invalid_argument("no completion for " + shell);
}

}  // namespace lmc::cli
