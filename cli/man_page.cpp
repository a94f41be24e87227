// SPDX-License-Identifier: Apache-2.0
// The manual pages, as roff (man(7)), from the command table: lmc(1) and lmc-COMMAND(1).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "command_table.h"

namespace lmc::cli {

namespace {

// Text for roff: a backslash printed as one, a hyphen as a hyphen (not a dash), and a line
// that would start with a control character ('.' or '\'') kept as text.
std::string roff(const std::string& text) {
  std::string out;
  bool line_start = true;
  for (const char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else {
      out += c;
    }
    line_start = c == '\n';
  }
  return out;
}

std::string upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return text;
}

std::string header(const std::string& title, const CommandTable& table, const std::string& date) {
  return fmt::format(
      ".\\\" Made by `{} man-pages` from its command table: do not edit.\n"
      ".TH \"{}\" 1 \"{}\" \"{} {}\" \"User Commands\"\n"
      // No hyphenation (the man macros' own switch: each paragraph would undo .nh), so option
      // names and values are printed whole, as they are typed.
      ".nr HY 0\n",
      table.program, upper(title), date, table.program, table.version);
}

// "-o, --output FILE": the names in bold, the value in italics.
std::string option_heading(const OptionInfo& opt) {
  std::string out;
  for (const std::string& name : opt.names) {
    if (!out.empty()) out += ", ";
    out += "\\fB" + roff(name) + "\\fR";
  }
  if (!opt.value.empty()) out += " \\fI" + roff(opt.value) + "\\fR";
  return out;
}

// A description as a sentence: --help's one-liners end without a full stop.
std::string sentence(const std::string& text) {
  return text.empty() || text.back() == '.' ? text : text + ".";
}

std::string option_text(const OptionInfo& opt) {
  std::string text = roff(sentence(opt.description));
  if (!opt.choices.empty()) {
    text += "\nOne of: " + roff(fmt::format("{}", fmt::join(opt.choices, ", "))) + ".";
  }
  if (opt.repeatable && !opt.positional) text += "\nMay be given more than once.";
  return text;
}

void options_section(std::string& out, const char* title, const std::vector<OptionInfo>& opts) {
  if (opts.empty()) return;
  out += fmt::format(".SH {}\n", title);
  for (const OptionInfo& opt : opts) {
    out += ".TP\n" +
           (opt.positional ? "\\fI" + roff(opt.names.front()) + "\\fR" : option_heading(opt)) +
           "\n" + option_text(opt) + "\n";
  }
}

std::string synopsis(const CommandTable& table, const CommandInfo& command) {
  std::string out = fmt::format(".SY \"{} {}\"\n", table.program, command.name);
  if (command.options.size() > 1) out += ".RI [ OPTIONS ]\n";
  for (const OptionInfo& p : command.positionals) {
    const std::string name = roff(p.names.front()) + (p.repeatable ? " ..." : "");
    out += p.required ? ".I " + name + "\n" : ".RI [ " + name + " ]\n";
  }
  return out + ".YS\n";
}

const char* kExitStatus =
    ".SH EXIT STATUS\n"
    ".TP\n.B 0\nAll went well (for check: no finding at or above the failing severity).\n"
    ".TP\n.B 1\nFindings at or above the failing severity (for check: \\fB\\-\\-fail\\-on\\fR, "
    "error "
    "by default); for the other commands, a model whose errors stop the work.\n"
    ".TP\n.B 2\nThe command could not run as asked: a bad option, a path that cannot be read, "
    "an output that would overwrite a model.\n";

std::string see_also(const CommandTable& table, const std::string& self) {
  std::string refs;
  auto add = [&](const std::string& page) {
    if (page == self) return;
    refs += (refs.empty() ? "" : ",\n") + fmt::format(".BR {} (1)", roff(page));
  };
  add(table.program);
  for (const CommandInfo& c : table.commands) add(table.program + "-" + c.name);
  return ".SH SEE ALSO\n" + refs +
         "\n.PP\nThe guides (writing models, workshops, CI, editors, evaluators) and one page a "
         "rule are installed with lmc in \\fIPREFIX/share/doc/lmc/docs\\fR "
         "(\\fI/usr/share/doc/lmc/docs\\fR from the Debian package), with the README and the "
         "example models; `" +
         roff(table.program) + " explain RULE` prints a rule's page.\n";
}

std::string program_page(const CommandTable& table, const std::string& date) {
  std::string out = header(table.program, table, date);
  out += ".SH NAME\n" + roff(table.program) + " \\- " + roff(table.about) + "\n";
  out += ".SH SYNOPSIS\n.SY " + roff(table.program) + "\n.I COMMAND\n.RI [ OPTIONS ]\n.YS\n";
  out += ".SY " + roff(table.program) + "\n.BR \\-\\-help \" | \" \\-\\-version\n.YS\n";
  out +=
      ".SH DESCRIPTION\n"
      "People who redesign health and care services describe each programme as a logic "
      "model: resources \\(-> activities \\(-> outputs \\(-> outcomes (short, medium, long) "
      "\\(-> impact, with the assumptions and external factors the chain rests on.\n"
      ".B lmc\n"
      "reads a model written in YAML, checks its logic as a compiler checks code and points "
      "at the line to fix, draws it as a one\\-page diagram, and says what changed between two "
      "revisions.\n"
      ".PP\n"
      "Each command has its own page: \\fBlmc\\-check\\fR(1) and so on, and its options with "
      "\\fBlmc \\fR\\fICOMMAND\\fR \\fB\\-\\-help\\fR.\n";
  out += ".SH COMMANDS\n";
  for (const CommandInfo& c : table.commands) {
    out += fmt::format(".TP\n.B {}\n{}\nSee \\fB{}\\-{}\\fR(1).\n", roff(c.name),
                       roff(sentence(c.about)), roff(table.program), roff(c.name));
  }
  options_section(out, "OPTIONS", table.options);
  out += kExitStatus;
  out +=
      ".SH FILES\n"
      ".TP\n.I .lmc.yaml\n"
      "The rule configuration of the models in its directory and below: rule severities "
      "(\\fIrules:\\fR) and the paths a directory walk leaves out (\\fIexclude:\\fR). The nearest "
      "one above a model applies; \\fB\\-\\-config\\fR names another.\n";
  out += see_also(table, table.program);
  return out;
}

std::string command_page(const CommandTable& table, const CommandInfo& command,
                         const std::string& date) {
  const std::string page = table.program + "-" + command.name;
  std::string out = header(page, table, date);
  out += ".SH NAME\n" + roff(page) + " \\- " + roff(command.about) + "\n";
  out += ".SH SYNOPSIS\n" + synopsis(table, command);
  out += ".SH DESCRIPTION\n" + roff(sentence(command.about)) + "\n";
  options_section(out, "ARGUMENTS", command.positionals);
  options_section(out, "OPTIONS", command.options);
  out += kExitStatus;
  out += see_also(table, page);
  return out;
}

}  // namespace

std::vector<ManPage> man_pages(const CommandTable& table, const std::string& date) {
  std::vector<ManPage> pages{{table.program + ".1", program_page(table, date)}};
  for (const CommandInfo& c : table.commands) {
    pages.push_back({table.program + "-" + c.name + ".1", command_page(table, c, date)});
  }
  return pages;
}

}  // namespace lmc::cli
