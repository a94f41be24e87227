// SPDX-License-Identifier: Apache-2.0
// The models a command is given: files, folders (walked by the driver) and standard input,
// with what could not be read said on stderr.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <iterator>
#include <set>

#include "cli.h"
#include "driver/config_cache.h"
#include "lmc/config.h"
#include "lmc/load.h"
#include "lmc/source.h"

namespace lmc::cli {

namespace fs = std::filesystem;

bool read_standard_input(std::string& out) {
  if (read_limited(STDIN_FILENO, kMaxModelBytes, out)) return true;
  print_error(fmt::format("standard input is more than {} MB; lmc reads models of up to {} MB",
                          kMaxModelBytes >> 20, kMaxModelBytes >> 20));
  return false;
}

namespace {

// One file under two names is checked once, under the first; the second is named once.
void drop_second_names(std::vector<InputFile>& files) {
  for (const auto& [second, first] : drop_linked_names(files)) {
    std::cerr << "lmc: note: '" << printable(second) << "' is the same file as '"
              << printable(first) << "' (a link): checked once\n";
  }
}

}  // namespace

Discovered discover(const std::vector<std::string>& paths, const std::string& stdin_name,
                    ConfigCache& configs, bool models_only) {
  Discovered result;
  bool stdin_used = false;
  std::set<fs::path> warned_excludes;
  for (const std::string& arg : paths) {
    if (arg == "-") {
      if (stdin_used) {
        print_error("'-' (standard input) can be given only once");
        result.ok = false;
        continue;
      }
      stdin_used = true;
      InputFile f;
      f.display = stdin_name;
      if (!read_standard_input(f.text)) {
        result.ok = false;
        continue;
      }
      result.files.push_back(std::move(f));
      continue;
    }
    std::error_code ec;
    const fs::path p(arg);
    const auto status = fs::status(p, ec);
    if (ec.value() == ELOOP) {
      print_error("'" + arg + "' is a symbolic link loop (it leads back to itself)");
      result.ok = false;
      continue;
    }
    if (ec && ec.value() != ENOENT && ec.value() != ENOTDIR) {
      print_error("'" + arg + "' cannot be read: " + ec.message());
      result.ok = false;
      continue;
    }
    if (ec || !fs::exists(status)) {
      print_error("'" + arg + "': no such file or directory");
      result.ok = false;
      continue;
    }
    if (!fs::is_directory(status)) {
      // A hook (--models-only) passes the files a commit touched: the configuration's
      // `exclude` applies to them as it does in a walk.
      if (models_only) {
        const fs::path parent = p.has_parent_path() ? p.parent_path() : fs::path(".");
        const LoadedConfig* config = configs.for_directory(parent);
        if (!config) {
          result.ok = false;
          continue;
        }
        const std::string rel = fs::absolute(p, ec)
                                    .lexically_normal()
                                    .lexically_relative(config->base)
                                    .generic_string();
        if (!config->exclude.empty() && !rel.starts_with("..") &&
            is_excluded(config->exclude, rel)) {
          continue;
        }
      }
      InputFile f{display_path(p), p, {}};
      std::string why;
      std::uintmax_t size = 0;
      const ReadError e = read_file(p, f.text, &why, &size);
      if (e == ReadError::too_large) {
        // A located finding, as for any file that is not a model lmc can read; the others
        // are still checked.
        if (models_only && classify_yaml(read_head(p)) == YamlFile::other) continue;
        f.oversize = size;
      } else if (e != ReadError::none) {
        print_error("'" + arg + "' " + why);
        result.ok = false;
        continue;
      }
      if (models_only && !f.oversize && classify_yaml(f.text) == YamlFile::other) continue;
      result.files.push_back(std::move(f));
      continue;
    }
    const LoadedConfig* config = configs.for_directory(p);
    if (!config) {
      result.ok = false;
      continue;
    }
    // A pattern that matches nothing is said once a configuration: `exclude: [drafts]` for a
    // folder at models/drafts would otherwise quietly check the drafts.
    if (!config->exclude.empty() && warned_excludes.insert(config->base).second) {
      for (const UnmatchedExclude& u : unmatched_excludes(config->exclude, config->base)) {
        std::cerr << "lmc: warning: '" << printable((config->base / ".lmc.yaml").string())
                  << "': the exclude pattern '" << printable(u.pattern)
                  << "' matches nothing (patterns are relative to the folder that holds "
                     ".lmc.yaml)"
                  << (u.suggestion.empty() ? ""
                                           : "; did you mean '" + printable(u.suggestion) + "'?")
                  << "\n";
      }
    }
    Walk walked = walk_models(p, *config);
    for (const std::string& problem : walked.problems) print_error(problem);
    if (!walked.problems.empty()) result.ok = false;
    std::vector<InputFile>& found = walked.files;
    const std::size_t excluded_models = walked.excluded_yaml;
    if (found.empty() && excluded_models > 0) {
      // Nothing to check because the configuration says so: a note, not a failure.
      std::cerr << "lmc: note: " << (excluded_models == 1 ? "the YAML file" : "all ")
                << (excluded_models == 1 ? "" : std::to_string(excluded_models) + " YAML files")
                << " in '" << arg << (excluded_models == 1 ? "' is" : "' are")
                << " excluded by the `exclude` patterns of '"
                << (config->base / ".lmc.yaml").generic_string()
                << "'; name a file to check it anyway\n";
      continue;
    }
    if (found.empty()) {
      print_error("no logic models in '" + arg +
                  "' (looked for .yaml and .yml files whose top level has `logic_model`)");
      result.ok = false;
      continue;
    }
    std::sort(found.begin(), found.end(),
              [](const InputFile& a, const InputFile& b) { return a.display < b.display; });
    std::move(found.begin(), found.end(), std::back_inserter(result.files));
  }
  drop_second_names(result.files);
  return result;
}

std::vector<InputFile> readable_files(Discovered& found, std::string_view verb) {
  std::vector<InputFile> files;
  for (InputFile& f : found.files) {
    if (f.oversize > 0) {
      print_error(fmt::format("'{}' is too large to {}", f.display, verb));
      found.ok = false;
      continue;
    }
    files.push_back(std::move(f));
  }
  return files;
}

}  // namespace lmc::cli
