// SPDX-License-Identifier: Apache-2.0
#include "serve/workspace.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <random>

#include "cli.h"
#include "driver/checked_model.h"
#include "driver/drawing.h"
#include "driver/results_file.h"
#include "driver/session.h"
#include "lmc/edit.h"
#include "lmc/load.h"
#include "lmc/quick_fix.h"

namespace lmc::cli::serve {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Whether `path` (canonical) lies inside `root` (canonical).
bool inside(const fs::path& path, const fs::path& root) {
  auto p = path.begin();
  for (auto r = root.begin(); r != root.end(); ++r, ++p) {
    if (p == path.end() || *p != *r) return false;
  }
  return true;
}

json summary_json(const Summary& s) {
  return {{"errors", s.errors}, {"warnings", s.warnings}, {"infos", s.infos}};
}

// What the page edits and traces of a model, as the file has it.
json structure_json(const Model& model) {
  auto refs = [](const std::vector<Ref>& list, std::optional<Ref::Kind> kind) {
    json out = json::array();
    for (const Ref& r : list) {
      if (!kind || r.kind == *kind) out.push_back(r.target);
    }
    return out;
  };
  json items = json::array();
  for (const Item& it : model.items) {
    if (it.id.value.empty()) continue;
    json indicators = json::array();
    for (const Indicator& ind : it.indicators()) {
      indicators.push_back({{"id", ind.id.value}, {"label", ind.label.value}});
    }
    items.push_back({{"id", it.id.value},
                     {"label", it.label.value},
                     {"detail", it.detail.value},
                     {"stage", stage_name(it.stage)},
                     {"term", it.term == Term::none ? "" : term_name(it.term)},
                     {"to", refs(it.links, Ref::Kind::to)},
                     {"from", refs(it.links, Ref::Kind::from)},
                     {"indicators", std::move(indicators)},
                     {"line", it.span.line}});
  }
  json assumptions = json::array();
  for (std::size_t k = 0; k < model.assumptions.size(); ++k) {
    const Assumption& a = model.assumptions[k];
    json evidence = json::array();
    for (const Text& e : a.evidence) evidence.push_back(e.value);
    assumptions.push_back({{"tag", "A" + std::to_string(k + 1)},
                           {"id", a.id.value},
                           {"text", a.text.value},
                           {"status", status_name(a.status)},
                           {"evidence", std::move(evidence)},
                           {"about", refs(a.about, std::nullopt)}});
  }
  json factors = json::array();
  for (std::size_t k = 0; k < model.factors.size(); ++k) {
    const ExternalFactor& f = model.factors[k];
    factors.push_back({{"tag", "E" + std::to_string(k + 1)},
                       {"id", f.id.value},
                       {"text", f.text.value},
                       {"affects", refs(f.affects, std::nullopt)}});
  }
  return {{"items", std::move(items)},
          {"assumptions", std::move(assumptions)},
          {"factors", std::move(factors)}};
}

}  // namespace

Workspace::Workspace(fs::path root, std::string today, std::string* error)
    : today_(std::move(today)), instance_(std::random_device()()) {
  std::error_code ec;
  root_ = fs::canonical(root, ec);
  if (ec) {
    *error = "'" + root.string() + "' cannot be served: " + ec.message();
    return;
  }
  single_ = !fs::is_directory(root_, ec);
  if (single_ && !fs::is_regular_file(root_, ec)) {
    *error = "'" + root.string() + "' is not a model file or a directory";
    return;
  }
  scan();
  if (models_.empty()) {
    *error = "no logic models in '" + root.string() +
             "' (looked for .yaml and .yml files whose top level has `logic_model`)";
    return;
  }
  for (auto& [path, view] : models_) draw(view);
  ok_ = true;
}

std::vector<fs::path> Workspace::directories() const {
  std::lock_guard lock(mu_);
  return dirs_;
}

// Finds the models (keeping the views of those already known) and the directories to watch.
void Workspace::scan() {
  std::map<std::string, fs::path> found;
  std::vector<fs::path> dirs;
  std::error_code ec;
  if (single_) {
    found[root_.filename().generic_string()] = root_;
    dirs.push_back(root_.parent_path());
  } else {
    // Walked as `lmc check` walks it: the `.lmc.yaml`'s exclude applies, hidden entries and
    // linked directories are passed over; a linked file is served only when it leads to a
    // model inside the root.
    const LoadedConfig* config = configs_.for_directory(root_);
    static const LoadedConfig kDefaults;
    Walk walk = walk_models(root_, config ? *config : kDefaults);
    dirs = std::move(walk.directories);
    for (InputFile& f : walk.files) {
      std::error_code type_ec;
      const fs::path real = fs::canonical(f.location, type_ec);
      if (type_ec || !inside(real, root_)) continue;
      found[f.location.lexically_relative(root_).generic_string()] = f.location;
    }
  }
  std::vector<std::string> gone;
  {
    std::lock_guard lock(mu_);
    dirs_ = std::move(dirs);
    for (auto it = models_.begin(); it != models_.end();) {
      if (found.count(it->first)) {
        ++it;
      } else {
        gone.push_back(it->first);
        it = models_.erase(it);
      }
    }
  }
  for (const auto& [path, file] : found) {
    std::unique_lock lock(mu_);
    if (models_.count(path)) continue;
    lock.unlock();
    ModelView view;
    view.path = path;
    view.file = file;
    draw(view);
    lock.lock();
    models_.emplace(path, std::move(view));
    lock.unlock();
    announce(path, 1);
  }
  for (const std::string& path : gone) announce(path, 0);
}

// Reads, checks and draws one model into `view` (not yet shared, or a copy).
void Workspace::draw(ModelView& view) {
  ++view.version;
  std::string text, why;
  fs::path opened;
  if (read_file(view.file, text, &why, nullptr, Overwrite::never, &opened) != ReadError::none) {
    view.error = {{"message", "'" + view.path + "' " + why}};
    return;
  }
  // Where the file read really is, on every read: a model replaced by a link that leads out
  // of the served folder (`mv -T`, a pull) is no longer served, and what was drawn from it
  // before is dropped.
  if (opened.empty() || !inside(opened, root_)) {
    view.svg.clear();
    view.order.clear();
    view.findings = json::array();
    view.summary = Summary{};
    view.error = {{"message", "'" + view.path +
                                  "' now leads outside the folder being served: it is not "
                                  "shown"}};
    return;
  }
  const LoadedConfig* config = configs_.for_directory(view.file.parent_path());
  if (!config) {
    view.error = {{"message", "the .lmc.yaml that applies to '" + view.path +
                                  "' is broken: `lmc check` says how"}};
    return;
  }
  // With the models it reaches: links into them are checked, drawn as stubs, and its boxes
  // that a model details link to that model's page when it is served too.
  std::vector<InputFile> files;
  files.push_back(InputFile{view.path, view.file, std::move(text)});
  const CheckedSet checked = load_and_check(std::move(files), configs_, today_);
  const ModelSet& set = checked.set;
  view.reaches = set.real;
  view.reaches.insert(view.reaches.end(), set.named.begin(), set.named.end());
  const LoadResult& loaded = *set.models[0];
  std::vector<Diagnostic> findings = checked.findings_in(0);
  if (!loaded.usable) {
    view.error = {{"message", "it is not a logic model lmc can read"}};
    for (const Diagnostic& d : findings) {
      if (d.severity != Severity::error) continue;
      view.error = {{"line", d.span.line}, {"column", d.span.column}, {"message", d.message}};
      break;
    }
    return;
  }
  DrawSettings settings;
  settings.format = OutputFormat::svg;
  settings.previous_order = view.order;
  add_programme_marks(
      settings, set, 0,
      [&](int t) {
        const fs::path& real = set.real[t];
        if (real.empty() || !inside(real, root_) || single_) return std::string();
        return "/model/" + real.lexically_relative(root_).generic_string();
      },
      [](int) { return 0; });
  // What the model's results say is drawn under its indicators, when the CSV it names is in
  // the folder being served; what cannot be read is said at its `results:` key.
  std::vector<Diagnostic> about_results;
  if (!loaded.model.results.value.empty()) {
    auto say = [&](std::string message) {
      Diagnostic d;
      d.file = view.path;
      d.span = loaded.model.results.span;
      d.severity = Severity::warning;
      d.rule = "invalid-value";
      d.message = std::move(message);
      about_results.push_back(std::move(d));
    };
    std::error_code ec;
    const fs::path real =
        fs::weakly_canonical(results_path(view.file.string(), loaded.model, {}), ec);
    view.reaches.push_back(real);
    std::string unread;
    if (ec || !inside(real, root_)) {
      say(fmt::format("results: '{}' is outside the folder being served: not shown",
                      loaded.model.results.value));
    } else if (const auto results = load_results(real.string(), loaded.model, today_, unread)) {
      add_results(settings, loaded.model, *results, today_);
      for (const Diagnostic& p : results->problems) {
        say(fmt::format("{} line {}: {}", loaded.model.results.value, p.span.line, p.message));
        about_results.back().severity = p.severity;
        about_results.back().rule = p.rule;
      }
    } else {
      say(fmt::format("results: '{}' {}", loaded.model.results.value, unread));
    }
  }
  RenderResult r = cli::draw(loaded.model, findings, settings);
  if (!r.error.empty()) {
    view.error = {{"message", "the diagram could not be drawn: " + r.error}};
    return;
  }
  view.svg = std::move(r.data);
  view.order = read_layout_memo(view.svg);
  if (screen_) {
    settings.page = PageSize::screen;
    settings.landscape = true;
    settings.bands = false;
    settings.previous_order = view.screen_order.empty() ? view.order : view.screen_order;
    RenderResult s = cli::draw(loaded.model, findings, settings);
    if (s.error.empty()) {
      view.screen_svg = std::move(s.data);
      view.screen_order = read_layout_memo(view.screen_svg);
    }
  }
  const Model& model = loaded.model;
  findings.insert(findings.end(), about_results.begin(), about_results.end());
  view.title = model.title.value;
  std::map<std::string_view, std::string_view> labels;
  for (const Item& it : model.items) labels.emplace(it.id.value, it.label.value);
  view.findings = json::array();
  for (const Diagnostic& d : findings) {
    json f = {{"severity", to_string(d.severity)},
              {"rule", d.rule},
              {"message", d.message},
              {"item", d.item},
              {"line", d.span.line},
              {"column", d.span.column},
              {"help", d.suggestion}};
    if (const auto label = labels.find(d.item); label != labels.end()) f["label"] = label->second;
    json fixes = json::array();
    for (const QuickFix& fix : quick_fixes(model, d)) {
      fixes.push_back(
          {{"title", fix.title}, {"ops", json::parse(edit_ops_json(fix.ops))}, {"ask", fix.ask}});
    }
    f["fixes"] = std::move(fixes);
    view.findings.push_back(std::move(f));
  }
  view.summary = summarize(findings);
  view.structure = structure_json(model);
  view.error = nullptr;
}

std::vector<std::string> Workspace::refresh(const std::vector<fs::path>& changed) {
  std::lock_guard serial(refresh_mu_);
  std::vector<std::string> redrawn;
  bool rescan = false;
  for (const fs::path& p : changed) {
    std::string key;
    {
      std::lock_guard lock(mu_);
      for (const auto& [path, view] : models_) {
        if (view.file == p) key = path;
      }
    }
    // A model that reaches the saved file (a programme whose work stream changed) is
    // redrawn with it.
    {
      std::error_code ec;
      const fs::path real = fs::weakly_canonical(p, ec);
      std::lock_guard lock(mu_);
      for (const auto& [path, view] : models_) {
        const bool reaches =
            std::find(view.reaches.begin(), view.reaches.end(), real) != view.reaches.end();
        // (reaches holds every file it names, loaded or not: fixing a broken or missing work
        // stream redraws the programme that names it.)
        if (reaches && path != key &&
            std::find(redrawn.begin(), redrawn.end(), path) == redrawn.end()) {
          redrawn.push_back(path);
        }
      }
    }
    if (key.empty()) {
      // A new file or directory, or one removed or renamed: look again. A changed
      // configuration redraws everything under it.
      if (p.filename() == ".lmc.yaml") {
        configs_ = ConfigCache(config_printer(false));
        std::lock_guard lock(mu_);
        for (const auto& [path, view] : models_) redrawn.push_back(path);
      } else if (!single_ && (is_yaml_name(p) || !p.has_extension()) && !is_hidden(p)) {
        rescan = true;
      }
      continue;
    }
    std::error_code ec;
    if (!single_ && !fs::exists(p, ec)) {
      rescan = true;  // removed: it leaves the index
      continue;
    }
    if (std::find(redrawn.begin(), redrawn.end(), key) == redrawn.end()) redrawn.push_back(key);
  }
  if (rescan) scan();
  for (const std::string& key : redrawn) {
    ModelView view;
    {
      std::lock_guard lock(mu_);
      const auto it = models_.find(key);
      if (it == models_.end()) continue;
      view = it->second;
    }
    draw(view);
    const std::uint64_t version = view.version;
    {
      std::lock_guard lock(mu_);
      models_[key] = std::move(view);
    }
    announce(key, version);
  }
  return redrawn;
}

std::optional<json> Workspace::model_json(const std::string& path, bool screen) {
  if (screen && !screen_.exchange(true)) {
    // The first page to ask for the projector's drawing: every model is drawn for it from now.
    std::vector<fs::path> files;
    {
      std::lock_guard lock(mu_);
      for (const auto& [p, view] : models_) files.push_back(view.file);
    }
    refresh(files);
  }
  std::unique_lock lock(mu_);
  auto it = models_.find(path);
  if (it == models_.end()) return std::nullopt;
  if (screen && it->second.screen_svg.empty() && !it->second.svg.empty()) {
    const fs::path file = it->second.file;
    lock.unlock();
    refresh({file});
    lock.lock();
    it = models_.find(path);
    if (it == models_.end()) return std::nullopt;
  }
  const ModelView& v = it->second;
  return json{{"path", v.path},
              {"version", v.version},
              {"server", instance_},
              {"title", v.title},
              {"svg", screen ? v.screen_svg : v.svg},
              {"findings", v.findings},
              {"summary", summary_json(v.summary)},
              {"model", v.structure},
              {"error", v.error}};
}

void Workspace::redraw(const fs::path& file) {
  refresh({file});
}

json Workspace::index_json() const {
  std::lock_guard lock(mu_);
  json models = json::array();
  for (const auto& [path, v] : models_) {
    models.push_back({{"path", path},
                      {"title", v.title},
                      {"summary", summary_json(v.summary)},
                      {"error", !v.error.is_null()}});
  }
  const std::string root = single_ ? root_.filename().string() : root_.filename().string() + "/";
  return json{{"root", root},
              {"single", single_ ? json(models_.begin()->first) : json(nullptr)},
              {"models", models}};
}

void Workspace::announce(const std::string& path, std::uint64_t version) {
  {
    std::lock_guard lock(events_mu_);
    events_.push_back(json{{"path", path}, {"version", version}}.dump(
        -1, ' ', false, json::error_handler_t::replace));
  }
  events_cv_.notify_all();
}

std::uint64_t Workspace::sequence() const {
  std::lock_guard lock(events_mu_);
  return events_.size();
}

std::optional<std::vector<std::string>> Workspace::wait_for_change(
    std::uint64_t& seen, std::chrono::milliseconds timeout) {
  std::unique_lock lock(events_mu_);
  events_cv_.wait_for(lock, timeout, [&] { return stopping_ || events_.size() > seen; });
  if (stopping_) return std::nullopt;
  std::vector<std::string> out(events_.begin() + static_cast<std::ptrdiff_t>(seen), events_.end());
  seen = events_.size();
  return out;
}

void Workspace::stop() {
  {
    std::lock_guard lock(events_mu_);
    stopping_ = true;
  }
  events_cv_.notify_all();
}

}  // namespace lmc::cli::serve
