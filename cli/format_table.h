// SPDX-License-Identifier: Apache-2.0
// A command's output formats as one table (as ShellCheck's `formats` map and ruff's
// emitters): each row a name, the file extensions that imply it, a few words for --help and
// its writer. CLI11's allowed values, the help, the format an --output's name implies and the
// dispatch are all taken from the table, so they cannot disagree.
#pragma once

#include <CLI/CLI.hpp>

#include <filesystem>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace lmc::cli {

template <typename Write>
struct Format {
  std::string_view name;
  std::vector<std::string_view> extensions;  ///< an --output so named takes this format
  std::string_view about;                    ///< for --help, after the name; may be empty
  Write write;                               ///< the writer, or what the writer is told
};

/// The first row is the default.
template <typename Write>
class FormatTable {
 public:
  FormatTable(std::initializer_list<Format<Write>> rows) : rows_(rows) {}

  const std::vector<Format<Write>>& rows() const { return rows_; }
  const Format<Write>& fallback() const { return rows_.front(); }

  /// The row named `name`; nullptr when there is none.
  const Format<Write>* find(std::string_view name) const {
    for (const Format<Write>& f : rows_) {
      if (f.name == name) return &f;
    }
    return nullptr;
  }

  /// The row an output file's extension names ("report.sarif"); nullptr for standard output
  /// ("-") or an extension no row claims.
  const Format<Write>* for_file(const std::string& file) const {
    if (file == "-") return nullptr;
    const std::string ext = std::filesystem::path(file).extension().string();
    for (const Format<Write>& f : rows_) {
      for (std::string_view e : f.extensions) {
        if (e == ext) return &f;
      }
    }
    return nullptr;
  }

  /// The format of one run: --format when given, else the one --output's name implies, else
  /// the default.
  const Format<Write>& choose(const std::string& format, const std::string& output) const {
    if (const Format<Write>* f = find(format)) return *f;
    if (const Format<Write>* f = for_file(output)) return *f;
    return fallback();
  }

  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const Format<Write>& f : rows_) out.emplace_back(f.name);
    return out;
  }

  /// "text (default), markdown (for a pull request) or json".
  std::string help(bool with_default = true) const {
    std::string out;
    for (std::size_t k = 0; k < rows_.size(); ++k) {
      const Format<Write>& f = rows_[k];
      std::string about(f.about);
      if (k == 0 && with_default) about = about.empty() ? "default" : about + "; the default";
      if (k > 0) out += k + 1 == rows_.size() ? " or " : ", ";
      out += std::string(f.name) + (about.empty() ? "" : " (" + about + ")");
    }
    return out;
  }

  /// Adds --format to `app` with the table's names as its allowed values; `more` follows the
  /// list of formats in the help.
  CLI::Option* add_option(CLI::App& app, std::string& target, std::string_view more = {},
                          bool with_default = true) const {
    return app.add_option("--format", target, help(with_default) + std::string(more))
        ->check(CLI::IsMember(names()));
  }

 private:
  std::vector<Format<Write>> rows_;
};

}  // namespace lmc::cli
