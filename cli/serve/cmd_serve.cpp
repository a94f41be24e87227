// SPDX-License-Identifier: Apache-2.0
// `lmc serve PATH`: a page on the loopback interface that shows a model's diagram and
// findings and redraws each time the file is saved, for workshops. Read-only: it serves the
// models under PATH and lmc's own page, nothing else, and writes nothing. Built into
// lmc-serve, which `lmc serve` becomes (exec): the HTTP library and the TLS libraries it
// brings stay out of every other command's start-up.
#include <arpa/inet.h>
#include <netdb.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fmt/format.h>
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <memory>
#include <set>
#include <thread>

#include "cli.h"
#include "driver/checked_model.h"
#include "driver/output_file.h"
#include "driver/watcher.h"
#include "frontend.h"
#include "serve/assets.h"
#include "serve/connection_guard.h"
#include "serve/editing.h"
#include "serve/workspace.h"
#include "serve_options.h"
#include "templates.h"

extern char** environ;

namespace lmc::cli {

namespace {

std::string_view asset(std::string_view name) {
  for (std::size_t i = 0; i < serve::kAssetsCount; ++i) {
    if (serve::kAssets[i].name == name) return serve::kAssets[i].text;
  }
  return {};
}

bool is_loopback(const std::string& host) {
  return host == "127.0.0.1" || host == "::1" || host == "localhost" || host.starts_with("127.");
}

bool is_ip_literal(std::string_view host) {
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  const std::string text(host);
  unsigned char buffer[sizeof(in6_addr)];
  return ::inet_pton(AF_INET, text.c_str(), buffer) == 1 ||
         ::inet_pton(AF_INET6, text.c_str(), buffer) == 1;
}

// The Host headers this server answers: the address it listens on, by number or (on the
// loopback interface) as localhost, with its port. A page on another name that resolves here
// (DNS rebinding) is refused.
class HostCheck {
 public:
  HostCheck(const std::string& host, int port) : port_(std::to_string(port)), wildcard_(false) {
    auto add = [&](const std::string& name) {
      allowed_.insert(name + ":" + port_);
      if (port_ == "80") allowed_.insert(name);
    };
    const bool v6 = host.find(':') != std::string::npos;
    add(v6 ? "[" + host + "]" : host);
    if (is_loopback(host)) {
      add("localhost");
      add("127.0.0.1");
      add("[::1]");
    }
    wildcard_ = host == "0.0.0.0" || host == "::";
    if (wildcard_) {
      char name[256] = {};
      if (::gethostname(name, sizeof name - 1) == 0) add(name);
      add("localhost");
    }
  }

  bool allows(const std::string& header) const {
    if (allowed_.count(header)) return true;
    if (!wildcard_) return false;
    // Listening everywhere: any address of this machine, by number.
    const auto colon = header.rfind(':');
    if (colon == std::string::npos || header.substr(colon + 1) != port_) return false;
    return is_ip_literal(std::string_view(header).substr(0, colon));
  }

 private:
  std::string port_;
  bool wildcard_;
  std::set<std::string> allowed_;
};

// Why `host:port` cannot be listened on, or empty when it can (bound and let go at once, as
// the server binds: SO_REUSEADDR).
std::string probe(const std::string& host, int port) {
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  if (const int rc = ::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found);
      rc != 0) {
    return fmt::format("'{}' is not an address of this machine: {}", host, ::gai_strerror(rc));
  }
  std::string why;
  for (addrinfo* a = found; a; a = a->ai_next) {
    const int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
    if (fd < 0) continue;
    const int yes = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    const bool bound = ::bind(fd, a->ai_addr, a->ai_addrlen) == 0;
    const int err = errno;
    ::close(fd);
    if (bound) {
      why.clear();
      break;
    }
    if (err == EADDRINUSE) {
      why = fmt::format("port {} is in use (another lmc serve?); choose another with --port", port);
    } else if (err == EADDRNOTAVAIL) {
      why = fmt::format("'{}' is not an address of this machine", host);
    } else if (err == EACCES) {
      why = fmt::format("port {} needs privileges; choose one above 1023 with --port", port);
    } else {
      why = fmt::format("cannot listen on {}:{}: {}", host, port, std::strerror(err));
    }
  }
  ::freeaddrinfo(found);
  return why;
}

// Opens the page in the desktop's browser, when there is one.
void open_browser(const std::string& url) {
  const char* argv[] = {"xdg-open", url.c_str(), nullptr};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int rc =
      ::posix_spawnp(&pid, "xdg-open", &actions, nullptr, const_cast<char**>(argv), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    std::cerr << "lmc: no browser to open (xdg-open was not found); open " << url << "\n";
  }
}

// The server's threads, and how many of them event streams may hold.
constexpr int kThreads = 64;
constexpr int kMaxStreams = 48;

// The value of cookie `name` in a Cookie header; empty when it is not there.
std::string cookie_value(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const auto end = std::min(header.find(';'), header.size());
    std::string_view part = header.substr(0, end);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (part.starts_with(name) && part.size() > name.size() && part[name.size()] == '=') {
      return std::string(part.substr(name.size() + 1));
    }
    header.remove_prefix(std::min(end + 1, header.size()));
  }
  return {};
}

void send_json(httplib::Response& res, const nlohmann::json& body, int status = 200) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                  "application/json");
}

// A new model's file name as the page gives it: a name ending .yaml or .yml, in the folder
// served or a folder under it that exists; nothing hidden, nothing leading out.
std::optional<std::filesystem::path> new_model_path(const std::filesystem::path& folder,
                                                    const std::string& name, std::string& why) {
  namespace fs = std::filesystem;
  const fs::path relative(name);
  if (name.empty() || name.size() > 200 || relative.is_absolute() ||
      !(name.ends_with(".yaml") || name.ends_with(".yml"))) {
    why = "name the new model's file, ending .yaml (falls-service.yaml)";
    return std::nullopt;
  }
  for (const fs::path& part : relative) {
    const std::string p = part.string();
    if (p.empty() || p.front() == '.' ||
        p.find_first_of(std::string_view("\\:*?\"<>|\0", 9)) != std::string::npos) {
      why = "'" + name + "' is not a file name lmc writes (no hidden or parent folders)";
      return std::nullopt;
    }
  }
  const fs::path full = folder / relative;
  std::error_code ec;
  if (!fs::is_directory(full.parent_path(), ec)) {
    why = "there is no folder '" + relative.parent_path().generic_string() + "' here";
    return std::nullopt;
  }
  // A folder that is a link out of the one served is not under it.
  const fs::path real = fs::canonical(full.parent_path(), ec);
  const auto [end, at] = std::mismatch(folder.begin(), folder.end(), real.begin(), real.end());
  if (ec || end != folder.end()) {
    why = "'" + name + "' leads outside the folder being served";
    return std::nullopt;
  }
  return full;
}

void send_text(httplib::Response& res, int status, const std::string& text) {
  res.status = status;
  res.set_content(text, "text/plain; charset=utf-8");
}

int run_serve(const ServeArgs& args) {
  std::string today_date;
  if (!resolve_today(args.today, today_date)) return kExitUsage;
  if (!is_loopback(args.host)) {
    std::cerr << fmt::format(
        "lmc: warning: serving on {}: everyone who can reach this machine on that network can "
        "read these models{}\n",
        args.host,
        args.edit ? ", and whoever has the address with the editor token can change them" : "");
  }
  const std::string token = args.edit ? serve::make_token() : std::string();
  if (args.port != 0) {
    if (const std::string why = probe(args.host, args.port); !why.empty()) {
      print_error(why);
      return kExitUsage;
    }
  }

  // Signals are taken by one thread (sigwait), so Ctrl-C stops the server cleanly.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  std::string error;
  serve::Workspace workspace(args.path, today_date, &error);
  if (!workspace.ok()) {
    print_error(error);
    return kExitUsage;
  }
  Watcher watcher;
  for (const auto& dir : workspace.directories()) {
    if (!watcher.watch(dir)) {
      print_error(watcher.error());
      return kExitUsage;
    }
  }

  httplib::Server server;
  server.new_task_queue = [] { return new httplib::ThreadPool(kThreads); };
  server.set_keep_alive_timeout(2);
  // One request a connection: connection_guard.cpp looks at each request's head before the
  // library reads it, which it can do only at a connection's start.
  server.set_keep_alive_max_count(1);
  server.set_payload_max_length(args.edit ? serve::kMaxEditBody : 64 * 1024);
  // SO_REUSEADDR alone, as the probe binds: a restart can take the port at once (past the
  // last connections' TIME_WAIT), and a second server on the same port is refused (httplib's
  // default, SO_REUSEPORT, would let two share it).
  server.set_socket_options([](socket_t sock) {
    const int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  int port = args.port;
  std::unique_ptr<HostCheck> hosts;
  server.set_pre_routing_handler([&](const httplib::Request& req, httplib::Response& res) {
    // Nothing is compressed: on the loopback interface it only costs time (Debian's httplib
    // compresses with brotli at its slowest setting: 250 ms for one 60-item model), and a
    // compressed event stream could be held back. httplib offers no switch, so the request
    // (its own, not const) forgets what encodings the browser accepts.
    const_cast<httplib::Request&>(req).headers.erase("Accept-Encoding");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("Cache-Control", "no-store");
    res.set_header("Content-Security-Policy",
                   "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                   "img-src 'self' data:; connect-src 'self'; base-uri 'none'; "
                   "form-action 'none'; frame-ancestors 'none'");
    if (!hosts->allows(req.get_header_value("Host"))) {
      send_text(res, 403, "lmc serve answers only requests for the address it listens on\n");
      return httplib::Server::HandlerResponse::Handled;
    }
    const bool edit_request =
        req.method == "POST" &&
        (req.path.starts_with("/api/edit/") || req.path.starts_with("/api/undo/") ||
         req.path.starts_with("/api/redo/") || req.path == "/api/new");
    if (req.method != "GET" && req.method != "HEAD" && !(args.edit && edit_request)) {
      res.set_header("Allow", "GET, HEAD");
      send_text(res, 405,
                args.edit ? "lmc serve takes changes only as POST /api/edit/MODEL, "
                            "/api/undo/MODEL, /api/redo/MODEL and /api/new\n"
                          : "lmc serve is read-only (`lmc serve --edit` lets the page edit)\n");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (edit_request) {
      // The editor token, from the page's cookie or a script's header; a browser's request
      // from another site's page is refused by its Origin (and SameSite keeps the cookie
      // from it).
      const std::string header = req.get_header_value("X-LMC-Token");
      const std::string cookie = cookie_value(req.get_header_value("Cookie"), "lmc_token");
      const std::string origin = req.get_header_value("Origin");
      const bool own_origin = origin == "http://" + req.get_header_value("Host");
      if (!origin.empty() && !own_origin) {
        send_text(res, 403, "lmc serve takes edits only from its own page\n");
        return httplib::Server::HandlerResponse::Handled;
      }
      if (!serve::token_matches(token, header) &&
          !(own_origin && serve::token_matches(token, cookie))) {
        send_text(res, 403, "editing needs the editor token: open the address lmc serve printed\n");
        return httplib::Server::HandlerResponse::Handled;
      }
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  // Whether a request holds the editor token (the page is told, to offer editing).
  auto can_edit = [&](const httplib::Request& req) {
    return args.edit &&
           (serve::token_matches(token, req.get_header_value("X-LMC-Token")) ||
            serve::token_matches(token, cookie_value(req.get_header_value("Cookie"), "lmc_token")));
  };
  serve::History history;
  auto page = [&](const httplib::Request& req, httplib::Response& res) {
    // Opened with the editor token: the browser keeps it, for this site only.
    if (args.edit && serve::token_matches(token, req.get_param_value("token"))) {
      res.set_header("Set-Cookie", "lmc_token=" + token + "; Path=/; HttpOnly; SameSite=Strict");
    }
    res.set_content(std::string(asset("page.html")), "text/html; charset=utf-8");
  };
  server.Get("/", page);
  server.Get(R"(/model/(.+))", [&](const httplib::Request& req, httplib::Response& res) {
    if (!workspace.has_model(req.matches[1])) {
      send_text(res, 404, "no such model\n");
      return;
    }
    page(req, res);
  });
  server.Get("/assets/page.css", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(asset("page.css")), "text/css; charset=utf-8");
  });
  server.Get("/assets/page.js", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(asset("page.js")), "text/javascript; charset=utf-8");
  });
  server.Get("/assets/icon.svg", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(asset("icon.svg")), "image/svg+xml");
  });
  server.Get("/api/index", [&](const httplib::Request& req, httplib::Response& res) {
    nlohmann::json index = workspace.index_json();
    index["editable"] = can_edit(req);
    // A new model from a template, written in the folder served (not beside a single file).
    nlohmann::json offered = nlohmann::json::array();
    if (index["editable"] && !workspace.folder().empty()) {
      for (const Template& t : templates()) {
        offered.push_back({{"name", t.name}, {"summary", template_summary(t)}});
      }
    }
    index["templates"] = std::move(offered);
    send_json(res, index);
  });
  server.Get(R"(/api/model/(.+))", [&](const httplib::Request& req, httplib::Response& res) {
    auto json = workspace.model_json(req.matches[1], req.get_param_value("view") == "screen");
    if (!json) {
      send_text(res, 404, "no such model\n");
      return;
    }
    const auto file = workspace.model_file(req.matches[1]);
    if (const std::string etag = file ? serve::current_etag(*file) : std::string(); !etag.empty()) {
      res.set_header("ETag", etag);
    }
    (*json)["editable"] = can_edit(req);
    if (file) {
      const auto [undo, redo] = history.depth(*file);
      (*json)["undo"] = undo;
      (*json)["redo"] = redo;
    }
    send_json(res, *json);
  });
  // A change (lmc edit's operations), an undo or a redo: written, then drawn before the
  // answer, so the page that made it fetches the new drawing at once (the other pages hear of
  // it as of any save).
  auto change = [&](const httplib::Request& req, httplib::Response& res, const char* what) {
    const auto file = workspace.model_file(req.matches[1]);
    if (!file) {
      send_text(res, 404, "no such model\n");
      return;
    }
    const std::string if_match = req.get_header_value("If-Match");
    const std::string_view kind = what;
    const serve::EditReply reply = kind == "edit"   ? history.edit(*file, if_match, req.body)
                                   : kind == "undo" ? history.undo(*file, if_match)
                                                    : history.redo(*file, if_match);
    if (reply.status == 200) workspace.redraw(*file);
    res.status = reply.status;
    if (!reply.etag.empty()) res.set_header("ETag", reply.etag);
    res.set_content(reply.body, "application/json");
  };
  server.Post(R"(/api/edit/(.+))", [&](const httplib::Request& req, httplib::Response& res) {
    change(req, res, "edit");
  });
  server.Post(R"(/api/undo/(.+))", [&](const httplib::Request& req, httplib::Response& res) {
    change(req, res, "undo");
  });
  server.Post(R"(/api/redo/(.+))", [&](const httplib::Request& req, httplib::Response& res) {
    change(req, res, "redo");
  });
  // A new model from one of `lmc init`'s templates: {"template": "ehch", "file": "x.yaml"};
  // never over a file that exists.
  server.Post("/api/new", [&](const httplib::Request& req, httplib::Response& res) {
    const std::filesystem::path folder = workspace.folder();
    if (folder.empty()) {
      send_json(res, {{"error", "lmc serve is serving one file: serve a folder to add models"}},
                403);
      return;
    }
    const nlohmann::json body = nlohmann::json::parse(req.body, nullptr, false);
    if (!body.is_object() || !body.contains("template") || !body["template"].is_string() ||
        !body.contains("file") || !body["file"].is_string()) {
      send_json(res, {{"error", "a new model is {\"template\": NAME, \"file\": NAME.yaml}"}}, 400);
      return;
    }
    const Template* chosen = nullptr;
    for (const Template& t : templates()) {
      if (t.name == body["template"].get<std::string>()) chosen = &t;
    }
    if (!chosen) {
      send_json(res, {{"error", "no such template"}}, 400);
      return;
    }
    std::string why;
    const std::string name = body["file"].get<std::string>();
    const auto path = new_model_path(folder, name, why);
    if (!path) {
      send_json(res, {{"error", why}}, 400);
      return;
    }
    std::error_code ec;
    if (std::filesystem::exists(std::filesystem::symlink_status(*path, ec))) {
      send_json(res, {{"error", "'" + name + "' exists already: choose another name"}}, 409);
      return;
    }
    if (const std::string failed = driver::write_new_file(path->string(), chosen->text);
        !failed.empty()) {
      send_json(res, {{"error", failed}}, 409);
      return;
    }
    workspace.redraw(*path);
    const std::string address = std::filesystem::path(name).lexically_normal().generic_string();
    if (!workspace.has_model(address)) {
      send_json(res, {{"error", "the new model was written but is not served: " + address}}, 500);
      return;
    }
    send_json(res, {{"path", address}}, 201);
  });
  // Event streams hold a thread each for as long as the page is open: at most kMaxStreams of
  // them, so the page, its data and new streams always find a thread free; beyond that, 503
  // (the page's EventSource tries again). A stream whose browser has gone ends at once.
  auto streams = std::make_shared<std::atomic<int>>(0);
  server.Get("/events", [&, streams](const httplib::Request&, httplib::Response& res) {
    if (streams->fetch_add(1) >= kMaxStreams) {
      streams->fetch_sub(1);
      res.set_header("Retry-After", "5");
      send_text(res, 503, "lmc serve has as many pages open as it serves; close one\n");
      return;
    }
    auto seen = std::make_shared<std::uint64_t>(workspace.sequence());
    auto first = std::make_shared<bool>(true);
    const int connection = serve::current_connection();
    res.set_chunked_content_provider(
        "text/event-stream",
        [&workspace, seen, first, connection](std::size_t, httplib::DataSink& sink) {
          std::string out;
          if (*first) {
            *first = false;
            out = "retry: 1000\n\n";
            return sink.write(out.data(), out.size());
          }
          // Up to 15 s for a change, a quarter of a second at a time, looking between times
          // whether the browser has closed the connection.
          for (int slice = 0; slice < 60; ++slice) {
            const auto changes = workspace.wait_for_change(*seen, std::chrono::milliseconds(250));
            if (!changes) return false;  // stopping
            for (const std::string& c : *changes) out += "event: change\ndata: " + c + "\n\n";
            if (!out.empty()) break;
            if (connection >= 0) {
              pollfd p{connection, POLLRDHUP, 0};
              if (::poll(&p, 1, 0) > 0 && (p.revents & (POLLRDHUP | POLLHUP | POLLERR))) {
                return false;
              }
            }
          }
          if (out.empty()) out = ": still here\n\n";
          return sink.write(out.data(), out.size());
        },
        [streams](bool) { streams->fetch_sub(1); });
  });
  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) send_text(res, res.status, "not found\n");
  });

  if (port == 0) {
    port = server.bind_to_any_port(args.host);
    if (port < 0) {
      print_error(fmt::format("cannot listen on {}", args.host));
      return kExitUsage;
    }
  } else if (!server.bind_to_port(args.host, port)) {
    print_error(fmt::format("cannot listen on {}:{}", args.host, port));
    return kExitUsage;
  }
  hosts = std::make_unique<HostCheck>(args.host, port);
  const bool v6 = args.host.find(':') != std::string::npos;
  const std::string url =
      fmt::format("http://{}:{}/", v6 ? "[" + args.host + "]" : args.host, port);
  std::cout << fmt::format("lmc: serving '{}' at {} (Ctrl-C stops)\n", args.path, url);
  if (args.edit) {
    std::cout << fmt::format(
        "lmc: editing is on: open {}?token={} to change the models (the address without the "
        "token shows them read-only)\n",
        url, token);
  }
  std::cout << std::flush;
  if (args.open) open_browser(args.edit ? url + "?token=" + token : url);

  std::thread watching([&] {
    for (;;) {
      const auto changed = watcher.wait(std::chrono::milliseconds(15));
      if (changed.empty()) break;
      workspace.refresh(changed);
      for (const auto& dir : workspace.directories()) watcher.watch(dir);
    }
  });
  std::atomic<bool> signalled = false;
  std::thread stopping([&] {
    int signal = 0;
    sigwait(&signals, &signal);
    signalled = true;
    watcher.stop();
    workspace.stop();
    server.stop();
  });
  const bool listened = server.listen_after_bind();
  // The server stopped: by a signal, or on its own (then wake the signal thread).
  watcher.stop();
  workspace.stop();
  if (!signalled) ::kill(::getpid(), SIGTERM);
  stopping.join();
  watching.join();
  if (!listened && !signalled) {
    print_error("the server stopped: " + url + " can no longer be served");
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace

Runner setup_serve(CLI::App& app) {
  auto args = std::make_shared<ServeArgs>();
  declare_serve_options(app, *args);
  return [args] { return run_serve(*args); };
}

}  // namespace lmc::cli
