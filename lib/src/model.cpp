// SPDX-License-Identifier: Apache-2.0
#include "lmc/model.h"

namespace lmc {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

int term_rank(Term t) {
  switch (t) {
    case Term::short_term: return 0;
    case Term::none:
    case Term::medium_term: return 1;
    case Term::long_term: return 2;
  }
  return 1;
}

}  // namespace

std::string_view stage_name(Stage s) {
  constexpr std::string_view kNames[] = {"resource", "activity", "output", "outcome", "impact"};
  return kNames[static_cast<int>(s)];
}

std::string_view stage_section(Stage s) {
  constexpr std::string_view kNames[] = {"resources", "activities", "outputs", "outcomes",
                                         "impacts"};
  return kNames[static_cast<int>(s)];
}

std::string_view stage_title(Stage s) {
  constexpr std::string_view kNames[] = {"Resources", "Activities", "Outputs", "Outcomes",
                                         "Impacts"};
  return kNames[static_cast<int>(s)];
}

std::string_view term_name(Term t) {
  switch (t) {
    case Term::short_term: return "short";
    case Term::medium_term: return "medium";
    case Term::long_term: return "long";
    case Term::none: return "";
  }
  return "";
}

std::string_view change_name(Adaptation::Change c) {
  constexpr std::string_view kNames[] = {"dropped", "modified", "added", "replaced"};
  return kNames[static_cast<int>(c)];
}

std::string_view fidelity_name(Adaptation::Fidelity f) {
  constexpr std::string_view kNames[] = {"unknown", "consistent", "inconsistent"};
  return kNames[static_cast<int>(f)];
}

std::string_view status_name(AssumptionStatus s) {
  constexpr std::string_view kNames[] = {"untested", "testing", "holds", "fails"};
  return kNames[static_cast<int>(s)];
}

const Item* find_item(const Model& m, std::string_view id) {
  for (const Item& it : m.items) {
    if (it.id.value == id) return &it;
  }
  return nullptr;
}

std::optional<std::pair<std::string, std::string>> parse_link_ref(std::string_view text) {
  const auto arrow = text.find("->");
  if (arrow == std::string_view::npos) return std::nullopt;
  std::string_view from = trim(text.substr(0, arrow));
  std::string_view to = trim(text.substr(arrow + 2));
  if (from.empty() || to.empty() || to.find("->") != std::string_view::npos) return std::nullopt;
  return std::pair{std::string(from), std::string(to)};
}

std::optional<std::pair<std::string_view, std::string_view>> split_file_ref(std::string_view text) {
  const auto hash = text.rfind('#');
  if (hash == std::string_view::npos) return std::nullopt;
  return std::pair{trim(text.substr(0, hash)), trim(text.substr(hash + 1))};
}

std::string bad_model_path(std::string_view path) {
  if (path.empty()) return "no path is written before '#'";
  if (path.find("://") != std::string_view::npos) {
    return "it is a URL: lmc reads models from files, named by a path relative to this one";
  }
  if (path.find('\\') != std::string_view::npos) {
    return "it is written with '\\': paths are written with '/' on every platform";
  }
  if (path.front() == '/' || (path.size() > 1 && path[1] == ':')) {
    return "it is an absolute path: write it relative to this file, so the models move together";
  }
  return {};
}

bool link_goes_forward(Stage from, Term from_term, Stage to, Term to_term) {
  if (from == Stage::activity && to == Stage::activity) return true;
  if (from == Stage::outcome && to == Stage::outcome) {
    return term_rank(to_term) >= term_rank(from_term);
  }
  return static_cast<int>(to) > static_cast<int>(from);
}

}  // namespace lmc
