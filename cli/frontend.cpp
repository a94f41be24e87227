// SPDX-License-Identifier: Apache-2.0
#include "frontend.h"

#include <fmt/format.h>
#include <unistd.h>

#include <iostream>
#include <set>
#include <sstream>

#include "cli.h"
#include "driver/output_file.h"
#include "driver/results_file.h"
#include "lmc/check.h"
#include "lmc/report.h"

namespace lmc::cli {

void say_unreadable(const std::string& display, const SourceText& source,
                    const std::vector<Diagnostic>& findings, std::string_view consequence) {
  std::ostringstream out;
  write_text(out, {{display, &source}}, findings, TextStyle{false, true});
  std::cerr << out.str();
  print_error("'" + display + "' " + std::string(consequence) +
              ": it is not a logic model lmc can read");
}

std::optional<CheckedSet> load_programme(const std::string& path, const std::string& config,
                                         const std::string& today_arg,
                                         std::string_view consequence) {
  std::string today_date;
  if (!resolve_today(today_arg, today_date)) return std::nullopt;
  ConfigCache configs(config_printer(false));
  if (!config.empty() && !configs.force(config)) return std::nullopt;
  std::string why;
  std::optional<CheckedSet> result = load_file_and_check(path, configs, today_date, why);
  if (!result) {
    print_error("'" + path + "' " + why);
    return std::nullopt;
  }
  if (!result->configs_ok) return std::nullopt;
  const LoadResult& model = *result->set.models[0];
  if (!model.usable) {
    say_unreadable(path, model.source, result->findings_in(0), consequence);
    return std::nullopt;
  }
  return result;
}

std::optional<CheckedModel> load_checked(const std::string& display, std::string text,
                                         const std::filesystem::path& dir, ConfigCache& configs,
                                         const std::string& today_date,
                                         std::string_view consequence) {
  const LoadedConfig* config = configs.for_directory(dir.empty() ? "." : dir);
  if (!config) return std::nullopt;
  CheckedModel c = check_text(display, std::move(text), *config, today_date);
  if (!c.loaded->usable) {
    say_unreadable(display, c.loaded->source, c.findings, consequence);
    return std::nullopt;
  }
  return c;
}

bool resolve_today(const std::string& arg, std::string& date) {
  if (arg.empty()) {
    date = today();
    return true;
  }
  if (!is_valid_date(arg)) {
    print_error("--today '" + arg + "' is not a date: write it as YYYY-MM-DD");
    return false;
  }
  date = arg;
  return true;
}

std::string write_to(const std::string& path, std::string_view data) {
  if (path == "-") {
    std::cout.write(data.data(), static_cast<std::streamsize>(data.size()));
    std::cout.flush();
    return std::cout ? std::string() : "standard output could not be written";
  }
  return write_output(path, data);
}

bool binary_output_allowed(const std::string& path, std::string_view example) {
  if (path != "-" || !::isatty(STDOUT_FILENO)) return true;
  print_error(fmt::format(
      "a workbook is not text to show here: name its file with -o, such as -o {}", example));
  return false;
}

bool emit_output(const std::string& path, std::string_view data) {
  const std::string error = write_to(path, data);
  if (!error.empty()) print_error(error);
  return error.empty();
}

bool write_drawing(const RenderResult& r, const std::string& path) {
  // Graphviz speaks in fragments ("Warning", ":", "node 'x', graph 'logic model' size too
  // small for label"): joined into sentences, and said as lmc's own.
  std::string joined;
  for (const std::string& m : r.messages) joined += m;
  std::set<std::string> said;
  for (std::size_t at = 0; at < joined.size();) {
    std::size_t next = joined.find("Warning", at + 1);
    if (next == std::string::npos) next = joined.size();
    std::string sentence = joined.substr(at, next - at);
    if (sentence.starts_with("Warning")) sentence.erase(0, 7);
    while (!sentence.empty() && (sentence.front() == ':' || sentence.front() == ' ')) {
      sentence.erase(0, 1);
    }
    while (!sentence.empty() && (sentence.back() == '\n' || sentence.back() == ' ')) {
      sentence.pop_back();
    }
    at = next;
    if (sentence.empty() || !said.insert(sentence).second) continue;
    if (const auto q = sentence.find("node '");
        q != std::string::npos && sentence.find("too small for label") != std::string::npos) {
      const auto end = sentence.find('\'', q + 6);
      std::string node = sentence.substr(q + 6, end - q - 6);
      if (node.starts_with("lmc:")) node.erase(0, 4);
      print_warning(
          fmt::format("the text of '{}' is larger than the room the page leaves it: the drawing is "
                      "scaled to fit (a larger page, --page auto, prints it at its size)",
                      node));
    } else {
      print_warning("graphviz: " + sentence);
    }
  }
  if (!r.error.empty()) {
    print_error(r.error);
    return false;
  }
  return emit_output(path, r.data);
}

const FormatTable<OutputFormat>& drawing_formats() {
  static const FormatTable<OutputFormat> kDrawingFormats = {
      {"svg", {".svg"}, {}, OutputFormat::svg},
      {"pdf", {".pdf"}, {}, OutputFormat::pdf},
      {"png", {".png"}, {}, OutputFormat::png},
      {"dot", {".dot", ".gv"}, {}, OutputFormat::dot},
  };
  return kDrawingFormats;
}

std::string count_findings(const std::vector<Diagnostic>& findings) {
  const Summary s = summarize(findings);
  auto n = [](int count, std::string_view what) {
    return fmt::format("{} {}{}", count, what, count == 1 ? "" : "s");
  };
  return fmt::format("{}, {}, {}", n(s.errors, "error"), n(s.warnings, "warning"),
                     n(s.infos, "info"));
}

bool results_for_one_model(const std::string& given, std::size_t models) {
  if (given.empty() || models <= 1) return true;
  print_error(
      "--results names the results of one model; give one model, or name each "
      "model's results with its `results:` key");
  return false;
}

std::unique_ptr<Results> model_results(const std::string& display, const Model& model,
                                       const std::string& given, const std::string& today, bool& ok,
                                       bool& problems) {
  const std::string path = driver::results_path(display, model, given);
  if (path.empty()) return nullptr;
  std::string why, text;
  auto r = driver::load_results(path, model, today, why, &text);
  if (!r) {
    print_error(fmt::format("the results of '{}', '{}', {}", display, path, why));
    ok = false;
    return nullptr;
  }
  if (!r->problems.empty()) {
    problems = true;
    const SourceText csv(path, std::move(text));
    std::ostringstream said;
    TextStyle style;
    style.summary = false;
    write_text(said, {CheckedFile(path, &csv)}, r->problems, style);
    std::cerr << said.str();
  }
  return std::make_unique<Results>(std::move(*r));
}

}  // namespace lmc::cli
