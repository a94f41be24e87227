// SPDX-License-Identifier: Apache-2.0
#include "driver/drawing.h"

#include <fmt/format.h>

#include <cmath>
#include <iostream>
#include <set>

#include "driver/files.h"
#include "driver/output_file.h"
#include "lmc/graph.h"

namespace lmc::driver {

namespace {

bool portrait_of(const Model& model, const DrawSettings& settings) {
  return settings.portrait    ? true
         : settings.landscape ? false
                              : model.render.portrait.value_or(false);
}

}  // namespace

PageGeometry drawing_page(const Model& model, const DrawSettings& settings, PageSize* size) {
  const bool portrait = portrait_of(model, settings);
  PageSize chosen = settings.page.value_or(model.render.page.value_or(PageSize::a4));
  if (settings.auto_page) {
    const auto fit = smallest_page(model, chosen, portrait, kGoodTextSize, settings.stubs);
    chosen = fit ? fit->size : page_series(chosen).back();
  }
  if (size) *size = chosen;
  return page_geometry(chosen, portrait);
}

std::string page_warning(const Model& model, const DrawSettings& settings, const PageFit& drawn) {
  if (drawn.text_size >= kMinTextSize) return {};
  // The model's own page, drawn as page-overflow sees it: that finding says it.
  const bool flags = settings.page || settings.auto_page || settings.portrait || settings.landscape;
  if (!flags && !settings.annotate && !settings.indicators) return {};
  PageSize size = PageSize::a4;
  const PageGeometry page = drawing_page(model, settings, &size);
  const bool portrait = page.height > page.width;
  return fmt::format("on {} {} the box text prints at {} pt, below {} pt, because of {}; {}",
                     page_name(size), portrait ? "portrait" : "landscape",
                     printed_size(drawn.text_size), kMinTextSize, drawn.limit,
                     page_advice(model, size, portrait, settings.stubs));
}

BookPage draw_dot(const Model& model, const std::vector<Diagnostic>& findings,
                  const DrawSettings& settings) {
  DiagramOptions diagram;
  diagram.page = drawing_page(model, settings);
  diagram.indicators = settings.indicators;
  diagram.bands = settings.bands;
  diagram.previous_order = settings.previous_order;
  // One Graph of the model serves the marks and the drawing.
  const Graph graph(model);
  Decorations marks = settings.marks      ? *settings.marks
                      : settings.annotate ? annotate_findings(model, graph, findings)
                                          : Decorations{};
  marks.stubs = settings.stubs;
  marks.drill = settings.drill;
  marks.indicator_results = settings.results;
  BookPage out;
  diagram.fitted = &out.fit;
  out.dot = to_dot(model, graph, marks, diagram);
  out.page = diagram.page;
  return out;
}

RenderResult draw(const Model& model, const std::vector<Diagnostic>& findings,
                  const DrawSettings& settings, PageFit* fit) {
  if (auto why = too_large_to_draw(model, settings.stubs)) {
    RenderResult refused;
    refused.error = std::move(*why);
    return refused;
  }
  BookPage page = draw_dot(model, findings, settings);
  if (fit) *fit = page.fit;
  if (settings.format == OutputFormat::dot) {
    RenderResult r;
    r.data = std::move(page.dot);
    return r;
  }
  RenderOptions options;
  options.format = settings.format;
  options.dpi = settings.dpi;
  options.page = page.page;
  return render_dot(page.dot, options);
}

void add_results(DrawSettings& settings, const Model& model, const Results& results,
                 const std::string& today) {
  settings.indicators = true;
  for (const IndicatorState& s : indicator_states(model, results, today)) {
    const std::string& id = model.items[static_cast<std::size_t>(s.item)].id.value;
    if (!id.empty()) settings.results[id][static_cast<std::size_t>(s.index)] = result_line(s);
  }
}

void add_programme_marks(DrawSettings& settings, const ModelSet& set, int m,
                         const std::function<std::string(int)>& href,
                         const std::function<int(int)>& page) {
  const Model& model = set.models[m]->model;
  const FileTargets& targets = set.targets[m];
  auto target_of = [&](std::string_view path) -> int {
    const auto t = targets.find(path);
    if (t == targets.end() || t->second.model < 0 || !set.models[t->second.model]->usable)
      return -1;
    return t->second.model;
  };
  auto title_of = [&](int t) {
    const Model& other = set.models[t]->model;
    return other.title.value.empty() ? other.path : other.title.value;
  };
  std::set<std::string_view> stubbed;
  for (const Item& it : model.items) {
    if (const Text* path = it.detail_model(); path && !it.id.value.empty()) {
      if (const int t = target_of(path->value); t >= 0) {
        settings.drill[it.id.value] = DrillDown{path->value, href(t), page(t)};
      }
    }
    for (const Ref& ref : it.links) {
      const auto parts = split_file_ref(ref.target);
      if (!parts || !stubbed.insert(ref.target).second) continue;
      const int t = target_of(parts->first);
      if (t < 0) continue;
      for (const Item& other : set.models[t]->model.items) {
        if (other.id.value != parts->second) continue;
        std::string link = href(t);
        if (!link.empty()) link += "#item-" + other.id.value;
        settings.stubs.push_back(StubItem{ref.target, other.label.value, title_of(t), other.stage,
                                          other.term, std::move(link)});
        break;
      }
    }
  }
}

}  // namespace lmc::driver
