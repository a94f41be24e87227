// SPDX-License-Identifier: Apache-2.0
#include <algorithm>
#include <fstream>
#include <iostream>
#include <iterator>

#include "cli.h"
#include "config_cache.h"
#include "lmc/config.h"
#include "lmc/load.h"

namespace lmc::cli {

namespace fs = std::filesystem;

namespace {}  // namespace

bool read_file(const fs::path& p, std::string& out) {
  std::ifstream in(p, std::ios::binary | std::ios::ate);
  if (!in) return false;
  const std::streamoff size = in.tellg();
  if (size < 0) return false;
  out.resize(static_cast<std::size_t>(size));
  in.seekg(0);
  in.read(out.data(), size);
  return in.gcount() == size;
}

namespace {

bool is_hidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return name.size() > 1 && name[0] == '.' && name != "..";
}

bool is_yaml(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml";
}

// "dir/sub/x.yaml" with no "./" in front, in forward slashes.
std::string display_path(const fs::path& p) {
  std::string s = p.lexically_normal().generic_string();
  while (s.starts_with("./")) s.erase(0, 2);
  return s;
}

}  // namespace

Discovered discover(const std::vector<std::string>& paths, const std::string& stdin_name,
                    ConfigCache& configs, bool models_only) {
  Discovered result;
  bool stdin_used = false;
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
      f.text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
      result.files.push_back(std::move(f));
      continue;
    }
    std::error_code ec;
    const fs::path p(arg);
    const auto status = fs::status(p, ec);
    if (ec || !fs::exists(status)) {
      print_error("'" + arg + "': no such file or directory");
      result.ok = false;
      continue;
    }
    if (!fs::is_directory(status)) {
      InputFile f{display_path(p), p, {}};
      if (!read_file(p, f.text)) {
        print_error("'" + arg + "': cannot be read");
        result.ok = false;
        continue;
      }
      if (models_only && !looks_like_model(f.text)) continue;
      result.files.push_back(std::move(f));
      continue;
    }
    std::vector<InputFile> found;
    const LoadedConfig* config = configs.for_directory(p);
    if (!config) {
      result.ok = false;
      continue;
    }
    // Exclusions apply below the directory named, never to it: `lmc check fixtures` still
    // checks what a walk from above would skip.
    auto relative = [&](const fs::path& path) {
      const std::string rel = fs::absolute(path, ec)
                                  .lexically_normal()
                                  .lexically_relative(config->base)
                                  .generic_string();
      return rel == "." ? std::string() : rel;
    };
    const std::string root = relative(p);
    auto excluded = [&](const fs::path& entry) {
      if (config->exclude.empty() || root.starts_with("..")) return false;
      return is_excluded(config->exclude, relative(entry), root.size());
    };
    auto it =
        fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const fs::path& entry = it->path();
      if (is_hidden(entry) || excluded(entry)) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (!it->is_regular_file(ec) || !is_yaml(entry)) continue;
      InputFile f{display_path(entry), entry, {}};
      if (!read_file(entry, f.text)) {
        print_error("'" + display_path(entry) + "': cannot be read");
        result.ok = false;
        continue;
      }
      if (looks_like_model(f.text)) found.push_back(std::move(f));
    }
    if (ec) {
      print_error("'" + arg + "': " + ec.message());
      result.ok = false;
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
  return result;
}

}  // namespace lmc::cli
