// SPDX-License-Identifier: Apache-2.0
#include "lmc/rollup.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>

#include "analysis/rollup_json.h"
#include "lmc/source.h"
#include "support/markup.h"

namespace lmc {

namespace {

// An indicator's identity across models: its id, else its label ignoring case and spacing.
std::string indicator_key(const Indicator& ind) {
  if (!ind.id.value.empty()) return "id:" + ind.id.value;
  std::string key = "label:";
  bool space = false;
  for (unsigned char c : ind.label.value) {
    if (std::isspace(c)) {
      space = !key.empty();
      continue;
    }
    if (space) key += ' ';
    space = false;
    key += static_cast<char>(std::tolower(c));
  }
  return key;
}

std::string model_name(const Graph& g, int m, int from) {
  const Model& model = g.model(m);
  return fmt::format("{} ({})", model.title.value.empty() ? model.path : model.title.value,
                     path_from(g.model(from).path, model.path));
}

}  // namespace

std::vector<int> RollUp::uncarried() const {
  std::vector<int> out;
  for (const Target& t : targets) {
    if (t.streams.empty()) out.push_back(t.node);
  }
  return out;
}

bool RollUp::empty() const {
  return std::all_of(targets.begin(), targets.end(),
                     [](const Target& t) { return t.streams.empty(); });
}

RollUp roll_up(const Graph& g, int root) {
  RollUp r;
  r.root = root;
  const int first = g.first_node(root), end = g.first_node(root + 1);
  // What each programme item brings about in the programme: itself and what its links reach.
  auto reach_in_root = [&](int start) {
    std::vector<int> out{start};
    std::set<int> seen{start};
    for (std::size_t k = 0; k < out.size(); ++k) {
      for (int w : g.successors(out[k])) {
        if (w >= first && w < end && seen.insert(w).second) out.push_back(w);
      }
    }
    return out;
  };
  // target node -> model -> its items that link in
  std::map<int, std::map<int, std::set<int>>> by_target;
  for (const Graph::Link& link : g.links()) {
    const bool into = link.to >= first && link.to < end;
    const bool from_other = link.from < first || link.from >= end;
    if (!into || !from_other) continue;
    for (int t : reach_in_root(link.to)) by_target[t][g.model_of(link.from)].insert(link.from);
  }
  for (int v = first; v < end; ++v) {
    const Item& it = g.item(v);
    if (!g.defines(v) || (it.stage != Stage::outcome && it.stage != Stage::impact)) continue;
    RollUp::Target t{v, {}};
    if (auto found = by_target.find(v); found != by_target.end()) {
      for (const auto& [m, nodes] : found->second) {
        t.streams.push_back(RollUp::Contribution{m, std::vector<int>(nodes.begin(), nodes.end())});
      }
    }
    r.targets.push_back(std::move(t));
  }
  // Indicators measured in more than one model.
  std::map<std::string, std::vector<std::pair<int, int>>> measured;
  std::vector<std::string> order;
  for (int v = 0; v < g.size(); ++v) {
    if (!g.defines(v)) continue;
    const auto inds = g.item(v).indicators();
    for (std::size_t k = 0; k < inds.size(); ++k) {
      const std::string key = indicator_key(inds[k]);
      if (key == "label:") continue;
      auto [it, fresh] = measured.try_emplace(key);
      if (fresh) order.push_back(key);
      it->second.emplace_back(v, static_cast<int>(k));
    }
  }
  for (const std::string& key : order) {
    const auto& where = measured[key];
    std::set<int> models;
    for (const auto& [v, k] : where) models.insert(g.model_of(v));
    if (models.size() < 2) continue;
    const auto& [v0, k0] = where.front();
    r.shared.push_back(RollUp::Shared{g.item(v0).indicators()[k0].label.value, where});
  }
  return r;
}

void add_results(RollUp& r, const Graph& graph, int model,
                 const std::vector<IndicatorState>& states) {
  for (const IndicatorState& s : states) {
    r.results[{graph.first_node(model) + s.item, s.index}] = s;
  }
}

void write_roll_up(std::ostream& out, const Graph& g, const RollUp& r, RollUpFormat format) {
  const int root = r.root;
  const bool md = format == RollUpFormat::markdown, html = format == RollUpFormat::html;
  auto text = [&](std::string_view s) { return html ? xml_text(s) : printable(s); };
  auto item_name = [&](int v) {
    return fmt::format("{} '{}'", stage_name(g.item(v).stage), g.item(v).id.value);
  };
  // An indicator's label, with what its results say when there are any: "Falls a year (✗ off
  // track: 38% on 2026-10-31)".
  auto indicator_text = [&](int v, std::size_t k) {
    std::string s = g.item(v).indicators()[k].label.value;
    if (const auto at = r.results.find({v, static_cast<int>(k)}); at != r.results.end()) {
      s += " (" + result_line(at->second) + ")";
    }
    return s;
  };
  auto indicators_of = [&](int v) {
    std::string list;
    for (std::size_t k = 0; k < g.item(v).indicators().size(); ++k) {
      list += (list.empty() ? "" : "; ") + indicator_text(v, k);
    }
    return list;
  };
  // A programme item's status: its own indicators' worst; else the worst of the work stream
  // indicators that carry it. Empty without results.
  auto status_of = [&](const RollUp::Target& t) -> std::string {
    if (r.results.empty()) return {};
    auto worst = [&](const std::vector<int>& nodes) -> std::optional<IndicatorStatus> {
      std::optional<IndicatorStatus> w;
      for (int v : nodes) {
        for (std::size_t k = 0; k < g.item(v).indicators().size(); ++k) {
          const auto at = r.results.find({v, static_cast<int>(k)});
          if (at == r.results.end()) continue;
          if (!w || status_rank(at->second.status) > status_rank(*w)) w = at->second.status;
        }
      }
      return w;
    };
    if (const auto own = worst({t.node})) {
      return fmt::format("{} (its indicators)", status_label(*own));
    }
    std::vector<int> carried;
    for (const auto& c : t.streams)
      carried.insert(carried.end(), c.through.begin(), c.through.end());
    if (const auto w = worst(carried)) {
      return fmt::format("{} (the work streams' indicators that carry it)", status_label(*w));
    }
    return "no indicator measures it";
  };
  if (html) {
    out << "<h3>Programme roll-up: what the work streams carry</h3>\n<table>\n"
           "<tr><th>Programme outcome or impact</th><th>Work stream</th><th>Through</th>"
           "<th>Indicators</th></tr>\n";
  } else {
    out << "\n" << (md ? "### " : "") << "Programme roll-up: what the work streams carry\n\n";
  }
  for (const RollUp::Target& t : r.targets) {
    const Item& it = g.item(t.node);
    std::string head = fmt::format("{}: {}", item_name(t.node), it.label.value);
    if (const std::string status = status_of(t); !status.empty()) head += " — " + status;
    if (html) {
      const std::size_t rows = std::max<std::size_t>(1, t.streams.size());
      out << fmt::format("<tr><td rowspan=\"{}\">{}</td>", rows, text(head));
      if (t.streams.empty())
        out << "<td colspan=\"3\"><i>no work stream contributes</i></td></tr>\n";
      for (std::size_t k = 0; k < t.streams.size(); ++k) {
        const auto& c = t.streams[k];
        std::string through, inds;
        for (int v : c.through) {
          through +=
              (through.empty() ? "" : "<br>") + text(item_name(v) + ": " + g.item(v).label.value);
          const std::string i = indicators_of(v);
          if (!i.empty()) inds += (inds.empty() ? "" : "<br>") + text(i);
        }
        out << (k ? "<tr>" : "") << "<td>" << text(model_name(g, c.model, root)) << "</td><td>"
            << through << "</td><td>" << (inds.empty() ? "<i>none</i>" : inds) << "</td></tr>\n";
      }
      continue;
    }
    out << (md ? "- " : "  ") << (md ? "**" : "") << text(head) << (md ? "**" : "") << "\n";
    if (t.streams.empty()) {
      out << (md ? "  - " : "      ") << "no work stream contributes to it\n";
    }
    for (const auto& c : t.streams) {
      out << (md ? "  - " : "      ") << text(model_name(g, c.model, root)) << ", through:\n";
      for (int v : c.through) {
        const std::string inds = indicators_of(v);
        out << (md ? "    - " : "          ") << text(item_name(v) + ": " + g.item(v).label.value)
            << (inds.empty() ? " (no indicator)" : " (measured by: " + text(inds) + ")") << "\n";
      }
    }
  }
  if (html) out << "</table>\n";
  const std::vector<int> uncarried = r.uncarried();
  if (html) {
    out << "<p>Programme outcomes no work stream contributes to: "
        << (uncarried.empty() ? "none" : "");
  } else {
    out << "\n"
        << "Programme outcomes no work stream contributes to: "
        << (uncarried.empty() ? "none" : "");
  }
  for (std::size_t k = 0; k < uncarried.size(); ++k) {
    out << (k ? ", " : "") << text(g.item(uncarried[k]).id.value);
  }
  out << (html ? "</p>\n" : "\n");
  if (r.shared.empty()) {
    out << (html ? "<p>No indicator is measured in more than one model.</p>\n"
                 : "No indicator is measured in more than one model.\n");
    return;
  }
  out << (html ? "<p>Indicators measured in several models:</p>\n<ul>\n"
               : "Indicators measured in several models:\n");
  for (const auto& s : r.shared) {
    std::string where;
    for (const auto& [v, k] : s.where) {
      where += (where.empty() ? "" : ", ") + g.name(v, root);
    }
    out << (html ? "<li>"
            : md ? "- "
                 : "  ")
        << text(s.label) << " (" << text(where) << ")" << (html ? "</li>\n" : "\n");
  }
  if (html) out << "</ul>\n";
}

Json roll_up_value(const Graph& g, const RollUp& r) {
  Json targets = Json::array();
  auto indicators_json = [&](int v) {
    Json list = Json::array();
    for (const Indicator& ind : g.item(v).indicators()) {
      Json i{{"label", ind.label.value}};
      if (!ind.id.value.empty()) i["id"] = ind.id.value;
      list.push_back(std::move(i));
    }
    return list;
  };
  for (const RollUp::Target& t : r.targets) {
    Json streams = Json::array();
    for (const auto& c : t.streams) {
      Json through = Json::array();
      for (int v : c.through) {
        through.push_back(Json{{"id", g.item(v).id.value},
                               {"label", g.item(v).label.value},
                               {"stage", std::string(stage_name(g.item(v).stage))},
                               {"indicators", indicators_json(v)}});
      }
      streams.push_back(Json{{"model", g.model(c.model).path},
                             {"title", g.model(c.model).title.value},
                             {"through", std::move(through)}});
    }
    targets.push_back(Json{{"id", g.item(t.node).id.value},
                           {"label", g.item(t.node).label.value},
                           {"stage", std::string(stage_name(g.item(t.node).stage))},
                           {"work_streams", std::move(streams)}});
  }
  Json uncarried = Json::array();
  for (int v : r.uncarried()) uncarried.push_back(g.item(v).id.value);
  Json shared = Json::array();
  for (const auto& s : r.shared) {
    Json where = Json::array();
    for (const auto& [v, k] : s.where) {
      where.push_back(Json{{"model", g.model(g.model_of(v)).path}, {"item", g.item(v).id.value}});
    }
    shared.push_back(Json{{"indicator", s.label}, {"measured_in", std::move(where)}});
  }
  return Json{{"programme", g.model(r.root).path},
              {"targets", std::move(targets)},
              {"uncarried_outcomes", std::move(uncarried)},
              {"shared_indicators", std::move(shared)}};
}

std::string roll_up_json(const Graph& g, const RollUp& r) {
  return dump_json(roll_up_value(g, r));
}

}  // namespace lmc
