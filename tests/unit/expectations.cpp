// SPDX-License-Identifier: Apache-2.0
#include "expectations.h"

#include <algorithm>
#include <fstream>
#include <memory>
#include <sstream>

#include "lmc/results.h"

namespace lmc::test {

std::vector<Diagnostic> check_text(const std::string& text, const RuleConfig& rules) {
  const LoadResult loaded = load_model("model.yaml", text);
  return check(loaded, CheckOptions{rules, kToday});
}

Marks expected_marks(const std::string& text) {
  Marks marks;
  std::istringstream in(text);
  std::string line;
  unsigned n = 0;
  while (std::getline(in, line)) {
    ++n;
    const auto at = line.find("# expect:");
    if (at == std::string::npos) continue;
    std::istringstream rules(line.substr(at + 9));
    std::string rule;
    while (std::getline(rules, rule, ',')) {
      rule.erase(0, rule.find_first_not_of(" \t\r"));
      rule.erase(rule.find_last_not_of(" \t\r") + 1);
      if (!rule.empty()) marks.emplace_back(n, rule);
    }
  }
  std::sort(marks.begin(), marks.end());
  return marks;
}

Marks actual_marks(const std::vector<Diagnostic>& diags) {
  Marks marks;
  for (const auto& d : diags) marks.emplace_back(d.span.line, d.rule);
  std::sort(marks.begin(), marks.end());
  return marks;
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<Diagnostic> check_files(const std::vector<std::filesystem::path>& given) {
  std::vector<ModelSource> sources;
  for (const auto& p : given) sources.push_back(ModelSource{p.string(), p, read_file(p), 0});
  const ModelSet set = load_model_set(
      std::move(sources),
      [](const std::filesystem::path& p, std::string& text, std::string& why, std::uintmax_t&) {
        std::error_code ec;
        if (!std::filesystem::exists(p, ec)) {
          why = "there is no such file";
          return false;
        }
        if (!std::filesystem::is_regular_file(p, ec)) {
          why = "it is a folder, not a file";
          return false;
        }
        text = read_file(p);
        return true;
      },
      [](std::size_t n, const std::function<void(std::size_t)>& task) {
        for (std::size_t k = 0; k < n; ++k) task(k);
      });
  // As `lmc check`: each model given is checked with the results its `results:` names.
  std::vector<std::unique_ptr<Results>> read;
  std::vector<const Results*> results(set.models.size(), nullptr);
  for (std::size_t m = 0; m < set.given; ++m) {
    const LoadResult& l = *set.models[m];
    if (!l.usable || l.model.results.value.empty()) continue;
    const auto csv = std::filesystem::path(l.source.path()).parent_path() / l.model.results.value;
    read.push_back(
        std::make_unique<Results>(read_results(csv.string(), read_file(csv), l.model, kToday)));
    results[m] = read.back().get();
  }
  // As `lmc check --report-unused-ignores`: unused-suppression fires where it is marked.
  return check_set(set, {}, kToday, nullptr, {}, true, results);
}

std::vector<std::filesystem::path> yaml_files_under(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (e.path().extension() == ".yaml" && e.path().filename().string()[0] != '.')
      files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<std::filesystem::path> yaml_files(const std::string& dir_in_source) {
  std::vector<std::filesystem::path> files;
  for (const auto& e :
       std::filesystem::directory_iterator(std::filesystem::path(LMC_SOURCE_DIR) / dir_in_source)) {
    const std::string name = e.path().filename().string();
    if (e.path().extension() == ".yaml" && name[0] != '.') files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace lmc::test
