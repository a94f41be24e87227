// SPDX-License-Identifier: Apache-2.0
// `lmc lsp`: a language server over standard input and output. On open and on every change
// (debounced) it publishes what `lmc check` finds in the document's text, checked with the
// models it reaches and under the `.lmc.yaml` of its folder; it offers the suggested fixes as
// quick fixes, describes ids and rules on hover, completes ids where a reference is written,
// and goes from a reference to the item it names.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <istream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "driver/config_cache.h"
#include "driver/session.h"
#include "lsp/protocol.h"

namespace lmc::cli::lsp {

// The language server works through the workspace layer, as the commands do.
using namespace ::lmc::driver;

struct ServerOptions {
  /// How long after the last change a document is checked again.
  std::chrono::milliseconds debounce{200};
  std::string today;  ///< YYYY-MM-DD for overdue-test; empty: today
};

class Server {
 public:
  Server(std::istream& in, std::ostream& out, ServerOptions options);
  /// Serves until `exit` or the end of input: 0 when `shutdown` came first, else 1 (as the
  /// protocol asks).
  int run();
  /// Returns once the input has been read to its end, so that a caller that owns the input
  /// stream (the fuzzer) may destroy it: run() returns at `exit`, while the reader may still
  /// be reading what came after.
  void wait_for_input_end();

 private:
  using Clock = std::chrono::steady_clock;

  struct Document {
    std::string uri;
    std::optional<std::string> path;  ///< for file: URIs
    std::string real;                 ///< its path with links resolved, once, at open
    std::string text;
    int version = 0;
    /// When to check it again; none while its findings are of its current text.
    std::optional<Clock::time_point> due;
    std::shared_ptr<const CheckedSet> checked;      ///< of the current text
    std::shared_ptr<const CheckedSet> last_usable;  ///< of the last text that loaded
    std::vector<Diagnostic> findings;               ///< the published ones
  };

  void read_loop();
  void handle(const Json& message);
  void request(const std::string& method, const Json& id, const Json& params);
  void notification(const std::string& method, const Json& params);
  void reply(const Json& id, Json result);
  void reply_error(const Json& id, int code, const std::string& message);

  Document* document(const Json& params);
  void check(Document& doc);
  void check_due();
  void publish(const Document& doc);
  /// Publishes the problems of the configurations a check read on each file (and clears
  /// those fixed since); returns a note for the document when its configuration is broken.
  std::optional<Diagnostic> publish_configs(const ConfigCache& configs,
                                            const std::vector<ConfigProblem>& problems,
                                            const std::string& doc_path);

  Json initialize_result() const;
  Json hover(Document& doc, const Json& position);
  Json definition(Document& doc, const Json& position);
  Json completion(Document& doc, const Json& position);
  Json code_actions(Document& doc, const Json& range);
  /// textDocument/prepareRename: the id under the cursor, when it is one this model defines.
  Json prepare_rename(Document& doc, const Json& position);
  /// textDocument/rename: lmc edit's rename operation, as one text edit; throws Refused.
  Json rename(Document& doc, const Json& params);

  std::istream& in_;
  Writer writer_;
  ServerOptions options_;
  std::string today_;

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Json> inbox_;
  bool input_ended_ = false;

  std::map<std::string, Document> documents_;
  std::set<std::string> config_uris_;  ///< configurations with problems published
  bool initialized_ = false;
  bool shutdown_ = false;
  bool exit_ = false;
};

}  // namespace lmc::cli::lsp
