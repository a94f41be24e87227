// SPDX-License-Identifier: Apache-2.0
#include "lsp/server.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <set>
#include <thread>

#include "driver/checked_model.h"
#include "frontend.h"
#include "lmc/edit.h"
#include "lmc/json_reader.h"
#include "lmc/load.h"
#include "lmc/quick_fix.h"
#include "lmc/report.h"
#include "lmc/rules.h"
#include "lsp/language.h"

namespace lmc::cli::lsp {

namespace fs = std::filesystem;

namespace {

// JSON-RPC and LSP error codes.
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kServerNotInitialized = -32002;
constexpr int kRequestFailed = -32803;

// A request that cannot be done as asked (a rename to an id already taken): its reason is the
// error's message.
struct Refused : std::runtime_error {
  using std::runtime_error::runtime_error;
};

int lsp_severity(Severity s) {
  switch (s) {
    case Severity::error: return 1;
    case Severity::warning: return 2;
    case Severity::info: return 3;
  }
  return 1;
}

std::string canonical_path(const fs::path& p) {
  std::error_code ec;
  const fs::path c = fs::weakly_canonical(p, ec);
  return ec ? p.lexically_normal().string() : c.string();
}

// The byte in `line` where 1-based code-point column `column` starts.
std::size_t column_byte(std::string_view line, std::uint32_t column) {
  return byte_offset(line, utf16_offset(line, column > 0 ? column - 1 : 0));
}

Json position_json(std::uint32_t line0, std::uint32_t character) {
  return Json{{"line", line0}, {"character", character}};
}

// Applies one incremental change (a range and its new text) to `text`.
void apply_change(std::string& text, const Json& range, const std::string& replacement) {
  auto offset = [&](const Json& pos) {
    const auto line = protocol_uinteger(pos.at("line"), "line");
    const auto character = protocol_uinteger(pos.at("character"), "character");
    std::size_t start = 0;
    for (std::uint32_t l = 0; l < line; ++l) {
      const auto nl = text.find('\n', start);
      if (nl == std::string::npos) return text.size();
      start = nl + 1;
    }
    const auto nl = text.find('\n', start);
    const std::string_view rest = std::string_view(text).substr(
        start, nl == std::string::npos ? std::string::npos : nl - start);
    return start + byte_offset(rest, character);
  };
  const std::size_t from = offset(range.at("start"));
  const std::size_t to = std::max(from, offset(range.at("end")));
  text.replace(from, to - from, replacement);
}

}  // namespace

Server::Server(std::istream& in, std::ostream& out, ServerOptions options)
    : in_(in), writer_(out), options_(std::move(options)) {
  // Reading std::cin flushes std::cout, which it is tied to: from the reading thread that
  // would race with the replies being written. Replies are flushed whole by the writer.
  in_.tie(nullptr);
  if (!resolve_today(options_.today, today_)) today_.clear();
}

int Server::run() {
  // Input is read on its own thread, so that a document is checked when its quiet time is up
  // even while the editor sends nothing.
  std::thread reader([this] { read_loop(); });
  reader.detach();
  for (;;) {
    std::unique_lock lock(mutex_);
    std::optional<Clock::time_point> next;
    for (const auto& [uri, doc] : documents_) {
      if (doc.due && (!next || *doc.due < *next)) next = doc.due;
    }
    auto ready = [this] { return !inbox_.empty() || input_ended_; };
    if (next) {
      wake_.wait_until(lock, *next, ready);
    } else {
      wake_.wait(lock, ready);
    }
    if (!inbox_.empty()) {
      Json message = std::move(inbox_.front());
      inbox_.pop_front();
      lock.unlock();
      handle(message);
      if (exit_) break;
      continue;
    }
    if (input_ended_) break;
    lock.unlock();
    check_due();
  }
  return shutdown_ ? 0 : 1;
}

void Server::wait_for_input_end() {
  std::unique_lock lock(mutex_);
  wake_.wait(lock, [this] { return input_ended_; });
}

void Server::read_loop() {
  for (;;) {
    std::string body;
    const ReadStatus status = read_message(in_, body);
    if (status == ReadStatus::end) break;
    if (status == ReadStatus::bad_header) {
      std::cerr << "lmc lsp: a message without a usable Content-Length header; the stream "
                   "cannot be followed after it: stopping\n";
      break;
    }
    // Nesting is counted as the message is parsed: one nested 100,000 deep is refused, and
    // the server goes on (lmc/json_reader.h).
    std::string why;
    std::optional<Json> message = read_json<Json>(body, why);
    if (!message) {
      const bool deep = why.starts_with("it nests deeper");
      writer_.send(Json{{"jsonrpc", "2.0"},
                        {"id", nullptr},
                        {"error",
                         {{"code", deep ? kInvalidRequest : kParseError},
                          {"message", "the message is not JSON lmc reads: " + why}}}});
      continue;
    }
    std::lock_guard lock(mutex_);
    inbox_.push_back(std::move(*message));
    wake_.notify_one();
  }
  std::lock_guard lock(mutex_);
  input_ended_ = true;
  wake_.notify_one();
}

void Server::reply(const Json& id, Json result) {
  writer_.send(Json{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
}

void Server::reply_error(const Json& id, int code, const std::string& message) {
  writer_.send(
      Json{{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
}

void Server::handle(const Json& message) {
  if (!message.is_object() || !message.contains("method") || !message["method"].is_string()) {
    // A response to a request of ours (there are none), or not a message at all.
    if (message.is_object() && message.contains("id") && !message.contains("result") &&
        !message.contains("error")) {
      reply_error(message["id"], kInvalidRequest, "a request needs a method");
    }
    return;
  }
  const std::string method = message["method"];
  const Json params = message.value("params", Json::object());
  const bool is_request = message.contains("id");
  try {
    if (is_request) {
      request(method, message["id"], params);
    } else {
      notification(method, params);
    }
  } catch (const std::exception& e) {  // Json::exception, or a number out of range
    if (is_request) {
      reply_error(message["id"], kInvalidParams, fmt::format("bad params: {}", e.what()));
    } else {
      std::cerr << "lmc lsp: " << method << ": bad params: " << e.what() << '\n';
    }
  }
}

Json Server::initialize_result() const {
  return Json{{"capabilities",
               {{"positionEncoding", "utf-16"},
                {"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", true}}},
                {"hoverProvider", true},
                {"definitionProvider", true},
                {"completionProvider", {{"triggerCharacters", {"[", ",", " ", "#", "-"}}}},
                {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}},
                {"renameProvider", {{"prepareProvider", true}}}}},
              {"serverInfo", {{"name", "lmc"}, {"version", LMC_VERSION}}}};
}

void Server::request(const std::string& method, const Json& id, const Json& params) {
  if (method == "initialize") {
    initialized_ = true;
    reply(id, initialize_result());
    return;
  }
  if (!initialized_) {
    reply_error(id, kServerNotInitialized, "initialize first");
    return;
  }
  if (shutdown_) {
    reply_error(id, kInvalidRequest, "the server is shutting down");
    return;
  }
  if (method == "shutdown") {
    shutdown_ = true;
    reply(id, nullptr);
    return;
  }
  using Handler = Json (Server::*)(Document&, const Json&);
  static const std::map<std::string, std::pair<Handler, const char*>> kDocumentRequests = {
      {"textDocument/hover", {&Server::hover, "position"}},
      {"textDocument/definition", {&Server::definition, "position"}},
      {"textDocument/completion", {&Server::completion, "position"}},
      {"textDocument/codeAction", {&Server::code_actions, "range"}},
      {"textDocument/prepareRename", {&Server::prepare_rename, "position"}},
      {"textDocument/rename", {&Server::rename, nullptr}}};
  const auto handler = kDocumentRequests.find(method);
  if (handler == kDocumentRequests.end()) {
    reply_error(id, kMethodNotFound, "lmc does not serve " + method);
    return;
  }
  Document* doc = document(params);
  if (!doc) {
    reply(id, method == "textDocument/codeAction" ? Json::array() : Json());
    return;
  }
  // Answers are about the text as it is now: a change still waiting is checked first.
  if (doc->due) check(*doc);
  const char* key = handler->second.second;
  try {
    reply(id, (this->*handler->second.first)(*doc, key ? params.at(key) : params));
  } catch (const Refused& e) {
    reply_error(id, kRequestFailed, e.what());
  }
}

void Server::notification(const std::string& method, const Json& params) {
  if (method == "exit") {
    exit_ = true;
    return;
  }
  if (!initialized_) return;
  if (method == "textDocument/didOpen") {
    const Json& td = params.at("textDocument");
    Document doc;
    doc.uri = td.at("uri").get<std::string>();
    doc.path = uri_to_path(doc.uri);
    if (doc.path) doc.real = canonical_path(*doc.path);
    doc.text = td.at("text").get<std::string>();
    doc.version = td.contains("version") ? protocol_integer(td["version"], "version") : 0;
    doc.due = Clock::now();
    documents_[doc.uri] = std::move(doc);
  } else if (method == "textDocument/didChange") {
    Document* doc = document(params);
    if (!doc) return;
    for (const Json& change : params.at("contentChanges")) {
      if (change.contains("range")) {
        apply_change(doc->text, change["range"], change.at("text").get<std::string>());
      } else {
        doc->text = change.at("text").get<std::string>();
      }
    }
    if (const Json& td = params.at("textDocument"); td.contains("version")) {
      doc->version = protocol_integer(td["version"], "version");
    }
    doc->due = Clock::now() + options_.debounce;
  } else if (method == "textDocument/didSave") {
    // The saved model, and the open models that name it (loaded or not), are checked again;
    // a saved configuration may change every finding.
    const Document* saved = document(params);
    const bool config = saved && saved->path && fs::path(*saved->path).filename() == ".lmc.yaml";
    for (auto& [uri, doc] : documents_) {
      if (!saved || config || &doc == saved ||
          (doc.checked && doc.checked->set.depends_on(fs::path(saved->real)))) {
        doc.due = Clock::now();
      }
    }
  } else if (method == "workspace/didChangeWatchedFiles") {
    // A file changed on disk (a branch switch, a pull): the open models that name it.
    std::set<std::string> changed;
    for (const Json& change : params.at("changes")) {
      if (auto path = uri_to_path(change.at("uri").get<std::string>())) {
        changed.insert(canonical_path(*path));
      }
    }
    for (auto& entry : documents_) {
      Document& doc = entry.second;
      if (doc.checked && std::any_of(changed.begin(), changed.end(), [&](const std::string& p) {
            return doc.checked->set.depends_on(fs::path(p));
          })) {
        doc.due = Clock::now();
      }
    }
  } else if (method == "textDocument/didClose") {
    const auto it = documents_.find(params.at("textDocument").at("uri").get<std::string>());
    if (it == documents_.end()) return;
    writer_.send(Json{{"jsonrpc", "2.0"},
                      {"method", "textDocument/publishDiagnostics"},
                      {"params", {{"uri", it->first}, {"diagnostics", Json::array()}}}});
    documents_.erase(it);
  }
}

Server::Document* Server::document(const Json& params) {
  const auto it = documents_.find(params.at("textDocument").at("uri").get<std::string>());
  return it == documents_.end() ? nullptr : &it->second;
}

void Server::check_due() {
  const auto now = Clock::now();
  std::vector<Document*> due;
  for (auto& [uri, doc] : documents_) {
    if (doc.due && *doc.due <= now) due.push_back(&doc);
  }
  if (due.empty()) return;
  // A change to one model changes what the open models that reach it link to: those are
  // checked again too, after the ones changed.
  std::set<std::string> changed;
  for (Document* doc : due) {
    check(*doc);
    if (doc->path) changed.insert(doc->real);
  }
  for (auto& entry : documents_) {
    Document& doc = entry.second;
    if (!doc.checked || std::find(due.begin(), due.end(), &doc) != due.end()) continue;
    // Every file it names, loaded or not: a work stream fixed after it was broken (or made
    // again after it was deleted) re-publishes the programme that names it.
    if (std::any_of(changed.begin(), changed.end(), [&](const std::string& p) {
          return doc.checked->set.depends_on(fs::path(p));
        })) {
      check(doc);
    }
  }
}

void Server::check(Document& doc) {
  InputFile file;
  file.display = doc.path ? *doc.path : doc.uri;
  if (doc.path) file.location = *doc.path;
  file.text = doc.text;
  // The models it reaches are read as the editor has them, saved or not.
  std::map<std::string, const std::string*> open;
  for (const auto& [uri, other] : documents_) {
    if (other.path) open[other.real] = &other.text;
  }
  const ReadFileFn disk = model_file_reader();
  ReadFileFn read = [&open, &disk](const fs::path& p, std::string& text, std::string& why,
                                   std::uintmax_t& oversize) {
    if (const auto it = open.find(canonical_path(p)); it != open.end()) {
      text = *it->second;
      return true;
    }
    return disk(p, text, why, oversize);
  };
  // A configuration's problems are published on it, not printed where nobody reads them.
  std::vector<ConfigProblem> problems;
  ConfigCache configs([&problems](const ConfigProblem& p) { problems.push_back(p); });
  std::vector<InputFile> files;
  files.push_back(std::move(file));
  auto checked =
      std::make_shared<CheckedSet>(load_and_check(std::move(files), configs, today_, read));
  // A YAML file that is not a logic model (a CI workflow, a config) gets no findings, as a
  // directory walk passes it over: editors start lmc for every YAML file.
  doc.findings = looks_like_model(doc.text) ? checked->findings_in(0) : std::vector<Diagnostic>{};
  const std::optional<Diagnostic> broken =
      publish_configs(configs, problems, checked->set.models[0]->source.path());
  if (broken && looks_like_model(doc.text)) doc.findings.insert(doc.findings.begin(), *broken);
  doc.checked = checked;
  if (checked->set.models[0]->usable) doc.last_usable = checked;
  doc.due.reset();
  publish(doc);
}

namespace {

// The URI of model m of a document's set: the document's own for model 0, else its file's;
// empty for a model with no file.
std::string model_uri(const std::string& doc_uri, const ModelSet& set, std::size_t m) {
  if (m == 0) return doc_uri;
  return set.real[m].empty() ? std::string() : file_uri(set.real[m].string());
}

// A finding as an LSP diagnostic, its range in `source` (the file it lands in).
Json lsp_diagnostic(const Diagnostic& d, const SourceText& source) {
  Json diag{{"range", range_of(source, d.span)},
            {"severity", lsp_severity(d.severity)},
            {"code", d.rule},
            {"source", "lmc"},
            {"message", message_with_suggestion(d)}};
  if (find_rule(d.rule)) diag["codeDescription"] = Json{{"href", rule_page_url(d.rule)}};
  return diag;
}

// A finding as an LSP diagnostic of the document whose set is `set` (model 0).
Json lsp_diagnostic(const Diagnostic& d, const std::string& doc_uri, const ModelSet& set) {
  Json diag = lsp_diagnostic(d, set.models[0]->source);
  Json related = Json::array();
  for (const Related& r : d.related) {
    for (std::size_t m = 0; m < set.models.size(); ++m) {
      if (set.models[m]->source.path() != r.file) continue;
      if (const std::string uri = model_uri(doc_uri, set, m); !uri.empty()) {
        related.push_back(
            Json{{"location", {{"uri", uri}, {"range", range_of(set.models[m]->source, r.span)}}},
                 {"message", r.message}});
      }
      break;
    }
  }
  if (!related.empty()) diag["relatedInformation"] = std::move(related);
  return diag;
}

}  // namespace

std::optional<Diagnostic> Server::publish_configs(const ConfigCache& configs,
                                                  const std::vector<ConfigProblem>& problems,
                                                  const std::string& doc_path) {
  std::optional<Diagnostic> note;
  std::set<std::string> with_problems;
  for (const ConfigProblem& problem : problems) {
    if (problem.kind == ConfigProblem::Kind::ignored) continue;
    std::error_code ec;
    const fs::path real = fs::weakly_canonical(problem.file, ec);
    const std::string uri = file_uri((ec ? problem.file : real).string());
    if (problem.kind == ConfigProblem::Kind::invalid) {
      std::string text;
      read_file(problem.file, text, nullptr, nullptr, Overwrite::allowed);
      const SourceText source(problem.display, std::move(text));
      Json diagnostics = Json::array();
      for (const Diagnostic& d : problem.diagnostics) {
        diagnostics.push_back(lsp_diagnostic(d, source));
      }
      writer_.send(Json{{"jsonrpc", "2.0"},
                        {"method", "textDocument/publishDiagnostics"},
                        {"params", {{"uri", uri}, {"diagnostics", diagnostics}}}});
      with_problems.insert(uri);
      config_uris_.insert(uri);
    }
    Diagnostic d;
    d.file = doc_path;
    d.span = Span{1, 1, 0};
    d.severity = Severity::warning;
    d.rule = problem.diagnostics.empty() ? "invalid-value" : problem.diagnostics.front().rule;
    d.message = "the configuration '" + problem.display + "' that applies here cannot be used (" +
                problem.message + "): these findings use the default severities until it is fixed";
    if (!note) note = std::move(d);
  }
  // A configuration read without problems now: its old ones are cleared.
  for (const fs::path& file : configs.files_read()) {
    const std::string uri = file_uri(file.string());
    if (with_problems.count(uri) || !config_uris_.erase(uri)) continue;
    writer_.send(Json{{"jsonrpc", "2.0"},
                      {"method", "textDocument/publishDiagnostics"},
                      {"params", {{"uri", uri}, {"diagnostics", Json::array()}}}});
  }
  return note;
}

void Server::publish(const Document& doc) {
  Json diagnostics = Json::array();
  for (const Diagnostic& d : doc.findings) {
    diagnostics.push_back(lsp_diagnostic(d, doc.uri, doc.checked->set));
  }
  writer_.send(
      Json{{"jsonrpc", "2.0"},
           {"method", "textDocument/publishDiagnostics"},
           {"params", {{"uri", doc.uri}, {"version", doc.version}, {"diagnostics", diagnostics}}}});
}

namespace {

// The SourceText of the document as it is now, and the byte in its line a position names.
struct Place {
  const SourceText* source;
  std::uint32_t line1;
  std::string_view line;
  std::size_t byte;
};

Place place_of(const CheckedSet& checked, const Json& position) {
  const SourceText& source = checked.set.models[0]->source;
  const auto line1 = protocol_uinteger(position.at("line"), "line") + 1;
  const std::string_view line = source.line(line1);
  return Place{&source, line1, line,
               byte_offset(line, protocol_uinteger(position.at("character"), "character"))};
}

Json word_range(const Place& p, const Word& w) {
  return Json{{"start", position_json(p.line1 - 1, utf16_at_byte(p.line, w.begin))},
              {"end", position_json(p.line1 - 1, utf16_at_byte(p.line, w.end))}};
}

}  // namespace

Json Server::hover(Document& doc, const Json& position) {
  const Place p = place_of(*doc.checked, position);
  const auto word = word_at(p.line, p.byte);
  if (!word) return nullptr;
  std::string markdown;
  if (find_rule(word->text) && value_key_at(*p.source, p.line1, word->end) == "ignore") {
    markdown = describe_rule(word->text);
  } else if (doc.last_usable) {
    if (const auto target = resolve(doc.last_usable->set, 0, word->text)) {
      markdown = describe(doc.last_usable->set, 0, *target);
    }
  }
  // In an adaptation: what the blueprint says of it (also of an id it dropped, in a record).
  if (doc.last_usable && value_key_at(*p.source, p.line1, word->end) != "ignore") {
    if (const std::string there = describe_in_blueprint(doc.last_usable->set, 0, word->text);
        !there.empty()) {
      markdown += (markdown.empty() ? "" : "\n\n---\n\n") + there;
    }
  }
  if (markdown.empty() && find_rule(word->text)) markdown = describe_rule(word->text);
  if (markdown.empty()) return nullptr;
  return Json{{"contents", {{"kind", "markdown"}, {"value", markdown}}},
              {"range", word_range(p, *word)}};
}

Json Server::definition(Document& doc, const Json& position) {
  const Place p = place_of(*doc.checked, position);
  const auto word = word_at(p.line, p.byte);
  if (!word || !doc.last_usable) return nullptr;
  const ModelSet& set = doc.last_usable->set;
  const auto target = resolve(set, 0, word->text);
  if (!target) return nullptr;
  const std::string uri = model_uri(doc.uri, set, static_cast<std::size_t>(target->model));
  if (uri.empty()) return nullptr;
  return Json{{"uri", uri},
              {"range", range_of(set.models[target->model]->source, target_span(set, *target))}};
}

Json Server::completion(Document& doc, const Json& position) {
  const Place p = place_of(*doc.checked, position);
  const std::string key = value_key_at(*p.source, p.line1, p.byte);
  Json items = Json::array();
  if (key.empty() || !doc.last_usable) return Json{{"isIncomplete", false}, {"items", items}};
  // What is typed of the id so far is replaced by the whole id.
  Word typed{{}, p.byte, p.byte};
  if (const auto w = word_at(p.line, p.byte); w && w->begin < p.byte)
    typed = Word{{}, w->begin, p.byte};
  const Json range = word_range(p, typed);
  for (const Completion& c : completions(doc.last_usable->set, 0, key)) {
    items.push_back(Json{{"label", c.label},
                         {"kind", c.kind},
                         {"detail", c.detail},
                         {"documentation", c.documentation},
                         {"filterText", c.label},
                         {"textEdit", {{"range", range}, {"newText", c.label}}}});
  }
  return Json{{"isIncomplete", false}, {"items", items}};
}

namespace {
Json whole_edit(const std::string& uri, std::string_view before, std::string_view after);
}  // namespace

Json Server::code_actions(Document& doc, const Json& range) {
  const auto first = protocol_uinteger(range.at("start").at("line"), "line") + 1;
  const auto last = protocol_uinteger(range.at("end").at("line"), "line") + 1;
  const SourceText& source = doc.checked->set.models[0]->source;
  Json actions = Json::array();
  for (const Diagnostic& d : doc.findings) {
    if (d.fix_from.empty() || d.span.line < first || d.span.line > last) continue;
    const std::string_view line = source.line(d.span.line);
    const std::size_t from = line.find(d.fix_from, column_byte(line, d.span.column));
    if (from == std::string_view::npos) continue;
    const Json edit_range{
        {"start", position_json(d.span.line - 1, utf16_at_byte(line, from))},
        {"end", position_json(d.span.line - 1, utf16_at_byte(line, from + d.fix_from.size()))}};
    actions.push_back(Json{
        {"title", fmt::format("Replace '{}' with '{}'", d.fix_from, d.fix_to)},
        {"kind", "quickfix"},
        {"isPreferred", true},
        {"diagnostics", Json::array({lsp_diagnostic(d, doc.uri, doc.checked->set)})},
        {"edit", {{"changes", {{doc.uri, {{{"range", edit_range}, {"newText", d.fix_to}}}}}}}}});
  }
  // The quick fixes that need only a choice (a link, a term), as the page's buttons make them:
  // the same edit operations.
  if (const LoadResult& loaded = *doc.checked->set.models[0]; loaded.usable) {
    for (const Diagnostic& d : doc.findings) {
      if (d.span.line < first || d.span.line > last) continue;
      for (const QuickFix& fix : quick_fixes(loaded.model, d)) {
        if (!fix.ask.empty()) continue;
        const EditResult result = apply_edits(source.text(), fix.ops);
        if (!result.ok) continue;
        actions.push_back(
            Json{{"title", fix.title},
                 {"kind", "quickfix"},
                 {"diagnostics", Json::array({lsp_diagnostic(d, doc.uri, doc.checked->set)})},
                 {"edit", whole_edit(doc.uri, source.text(), result.text)}});
      }
    }
  }
  // Every finding there can be silenced where it is: a suppression comment on its own line
  // above the finding's, indented as that line is.
  std::set<std::pair<std::uint32_t, std::string>> silenced;
  for (const Diagnostic& d : doc.findings) {
    if (!d.span.known() || d.span.line < first || d.span.line > last ||
        !silenced.emplace(d.span.line, d.rule).second) {
      continue;
    }
    const std::string_view line = source.line(d.span.line);
    const std::string indent(line.substr(0, line.find_first_not_of(" \t")));
    const Json at = position_json(d.span.line - 1, 0);
    actions.push_back(
        Json{{"title", fmt::format("Ignore {} here (# lmc: ignore[{}])", d.rule, d.rule)},
             {"kind", "quickfix"},
             {"edit",
              {{"changes",
                {{doc.uri,
                  {{{"range", {{"start", at}, {"end", at}}},
                    {"newText", fmt::format("{}# lmc: ignore[{}]\n", indent, d.rule)}}}}}}}}});
  }
  return actions;
}

namespace {

// The LSP position of byte `offset` of `text`.
Json position_at(std::string_view text, std::size_t offset) {
  const std::size_t line = static_cast<std::size_t>(
      std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
  const std::size_t begin = offset == 0 ? 0 : text.rfind('\n', offset - 1) + 1;
  const std::size_t end = std::min(text.find('\n', begin), text.size());
  return position_json(static_cast<std::uint32_t>(line),
                       utf16_at_byte(text.substr(begin, end - begin), offset - begin));
}

// A WorkspaceEdit that makes document `uri` read `after` instead of `before`: one edit, from
// the first byte that changed to the last.
Json whole_edit(const std::string& uri, std::string_view before, std::string_view after) {
  std::size_t head = 0;
  while (head < before.size() && head < after.size() && before[head] == after[head]) ++head;
  std::size_t tail = 0;
  while (tail < before.size() - head && tail < after.size() - head &&
         before[before.size() - 1 - tail] == after[after.size() - 1 - tail]) {
    ++tail;
  }
  const Json range{{"start", position_at(before, head)},
                   {"end", position_at(before, before.size() - tail)}};
  const std::string text(after.substr(head, after.size() - tail - head));
  return Json{{"changes", {{uri, {{{"range", range}, {"newText", text}}}}}}};
}

}  // namespace

Json Server::prepare_rename(Document& doc, const Json& position) {
  const Place p = place_of(*doc.checked, position);
  const auto word = word_at(p.line, p.byte);
  if (!word || !doc.last_usable) return nullptr;
  const auto target = resolve(doc.last_usable->set, 0, word->text);
  // Only an id this model defines: another model's is renamed in that model.
  if (!target || target->model != 0) return nullptr;
  return Json{{"range", word_range(p, *word)}, {"placeholder", word->text}};
}

Json Server::rename(Document& doc, const Json& params) {
  const Place p = place_of(*doc.checked, params.at("position"));
  const auto word = word_at(p.line, p.byte);
  const auto target =
      word && doc.last_usable ? resolve(doc.last_usable->set, 0, word->text) : std::nullopt;
  if (!target || target->model != 0) throw Refused("there is no id of this model here to rename");
  EditOp op;
  op.op = "rename";
  op.id = word->text;
  op.to = params.at("newName").get<std::string>();
  const std::string_view before = p.source->text();
  const EditResult result = apply_edits(before, std::span<const EditOp>(&op, 1));
  if (!result.ok) {
    const auto colon = result.error.find(": ");
    throw Refused(colon == std::string::npos ? result.error : result.error.substr(colon + 2));
  }
  return whole_edit(doc.uri, before, result.text);
}

}  // namespace lmc::cli::lsp
