// SPDX-License-Identifier: Apache-2.0
// lmc's commands and options as data, read from the same CLI11 app that parses them and prints
// --help: the manual pages and the shell completions are made from it, so they never drift.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace lmc::cli {

struct OptionInfo {
  std::vector<std::string> names;  ///< "-o", "--output"; a positional: its name ("paths")
  std::string value;               ///< its value's placeholder ("TEXT", "DATE"); empty: a flag
  std::string description;
  std::vector<std::string> choices;  ///< the values it takes or suggests, when there is a list
  bool positional = false;
  bool required = false;
  bool repeatable = false;  ///< a positional that takes several values, an option given again
  /// Whether a shell should offer file names for its value (a path: TEXT without choices).
  bool files() const { return choices.empty() && value == "TEXT"; }
};

struct CommandInfo {
  std::string name;                     ///< "check"
  std::string about;                    ///< the one line `lmc --help` shows
  std::vector<OptionInfo> options;      ///< named options, --help first
  std::vector<OptionInfo> positionals;  ///< in order
};

struct CommandTable {
  std::string program;  ///< "lmc"
  std::string about;
  std::string version;
  std::vector<OptionInfo> options;  ///< the program's own (--help, --version)
  std::vector<CommandInfo> commands;
};

/// Values to offer for one option that its parser does not restrict to a list (rule ids after
/// `explain`, template names after `init --template`).
struct Suggestions {
  std::string command;  ///< "explain"
  std::string option;   ///< a name of the option, or the positional's name ("rule")
  std::vector<std::string> values;
};

/// Reads the table from `app` and its subcommands; hidden subcommands (no group) are left out.
CommandTable describe(const CLI::App& app, const std::string& version,
                      const std::vector<Suggestions>& suggestions);

/// The manual pages: lmc(1), then one a command (lmc-check(1), ...), as roff.
struct ManPage {
  std::string file;  ///< "lmc.1", "lmc-check.1"
  std::string text;
};
std::vector<ManPage> man_pages(const CommandTable& table, const std::string& date);

/// A completion script for `shell` (bash, zsh or fish).
std::string completion_script(const CommandTable& table, const std::string& shell);

}  // namespace lmc::cli
