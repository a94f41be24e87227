// SPDX-License-Identifier: Apache-2.0
#include "driver/watcher.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace lmc::driver {

namespace fs = std::filesystem;

namespace {

// What a save looks like: written and closed, or moved in (written elsewhere and renamed);
// and what a removal looks like.
constexpr std::uint32_t kEvents =
    IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF;

}  // namespace

Watcher::Watcher() {
  inotify_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (inotify_ < 0) error_ = std::string("inotify is not available: ") + std::strerror(errno);
  wake_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (wake_ < 0 && error_.empty()) error_ = std::string("eventfd: ") + std::strerror(errno);
}

Watcher::~Watcher() {
  if (inotify_ >= 0) ::close(inotify_);
  if (wake_ >= 0) ::close(wake_);
}

bool Watcher::watch(const fs::path& dir) {
  if (!ok()) return false;
  const int wd = ::inotify_add_watch(inotify_, dir.c_str(), kEvents | IN_ONLYDIR);
  if (wd < 0) {
    error_ = "'" + dir.string() + "' cannot be watched: " + std::strerror(errno);
    if (errno == ENOSPC) error_ += " (raise fs.inotify.max_user_watches)";
    return false;
  }
  dirs_[wd] = dir;
  return true;
}

void Watcher::stop() {
  if (wake_ < 0) return;
  const std::uint64_t one = 1;
  // write() is async-signal-safe; a full counter still leaves the fd readable.
  [[maybe_unused]] const ssize_t n = ::write(wake_, &one, sizeof one);
}

bool Watcher::stopped() const {
  pollfd p{wake_, POLLIN, 0};
  return wake_ >= 0 && ::poll(&p, 1, 0) > 0;
}

// Reads what inotify has queued; false when nothing was there.
bool Watcher::drain(std::vector<fs::path>& changed) {
  alignas(inotify_event) char buffer[16 * 1024];
  bool any = false;
  for (;;) {
    const ssize_t n = ::read(inotify_, buffer, sizeof buffer);
    if (n <= 0) break;
    for (ssize_t at = 0; at < n;) {
      const auto* e = reinterpret_cast<const inotify_event*>(buffer + at);
      at += static_cast<ssize_t>(sizeof(inotify_event) + e->len);
      const auto dir = dirs_.find(e->wd);
      if (dir == dirs_.end()) continue;
      if (e->mask & IN_IGNORED) {
        dirs_.erase(dir);
        continue;
      }
      const fs::path path = e->len > 0 ? dir->second / e->name : dir->second;
      if (std::find(changed.begin(), changed.end(), path) == changed.end()) {
        changed.push_back(path);
      }
      any = true;
    }
  }
  return any;
}

std::vector<fs::path> Watcher::wait(std::chrono::milliseconds settle) {
  std::vector<fs::path> changed;
  if (!ok()) return changed;
  pollfd fds[2] = {{wake_, POLLIN, 0}, {inotify_, POLLIN, 0}};
  while (changed.empty()) {
    if (::poll(fds, 2, -1) < 0 && errno != EINTR) return {};
    if (fds[0].revents & POLLIN) return {};
    if (fds[1].revents & POLLIN) drain(changed);
  }
  // The rest of the same save.
  for (;;) {
    const int ready = ::poll(fds, 2, static_cast<int>(settle.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) break;
    if (fds[0].revents & POLLIN) return {};
    if (!(fds[1].revents & POLLIN) || !drain(changed)) break;
  }
  return changed;
}

}  // namespace lmc::driver
