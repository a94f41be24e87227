// SPDX-License-Identifier: Apache-2.0
// The request head of every connection lmc serve takes, bounded before the HTTP library reads
// it. Debian's cpp-httplib (0.11) is a compiled library that keeps every header line a request
// sends, with no limit on their number: one GET with 5,000,000 one-byte headers grew the
// server to 675 MB. It reads sockets with recv(), which lmc-serve defines here (the library's
// calls to recv reach this definition before libc's; the other programs lmc builds are not
// affected): on the first read of each connection, the head is looked at in place (MSG_PEEK)
// and refused with 431 when it is larger than kMaxHead bytes or has more than kMaxHeaderLines
// lines. The server answers one request a connection (keep-alive off), so every request is
// looked at. It also remembers the connection the thread serves, so an event stream can tell
// at once when its browser has gone.
#include "serve/connection_guard.h"

#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <string_view>
#include <thread>

namespace lmc::cli::serve {

namespace {

// The socket this thread serves (its descriptor and inode: a number a closed socket freed may
// come back for the next connection), and whether its head was looked at.
struct Connection {
  int fd = -1;
  ino_t inode = 0;
  bool looked = false;
};
thread_local Connection current;

ssize_t real_recv(int fd, void* buffer, std::size_t size, int flags) {
  return ::recvfrom(fd, buffer, size, flags, nullptr, nullptr);
}

// Whether the head peeked so far is within the limits, and whole (its blank line arrived).
enum class Head { incomplete, fits, too_large };

Head judge(std::string_view peeked) {
  const auto end = peeked.find("\r\n\r\n");
  const std::string_view head = end == std::string_view::npos ? peeked : peeked.substr(0, end);
  const auto lines = static_cast<std::size_t>(std::count(head.begin(), head.end(), '\n'));
  if (lines > kMaxHeaderLines || head.size() > kMaxHead) return Head::too_large;
  return end == std::string_view::npos ? Head::incomplete : Head::fits;
}

void refuse(int fd) {
  static constexpr std::string_view kBody =
      "lmc serve takes requests of up to 100 header lines and 64 KiB\n";
  const std::string response =
      "HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Type: text/plain; "
      "charset=utf-8\r\nConnection: close\r\nContent-Length: " +
      std::to_string(kBody.size()) + "\r\n\r\n" + std::string(kBody);
  [[maybe_unused]] const ssize_t sent =
      ::send(fd, response.data(), response.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
  ::shutdown(fd, SHUT_RDWR);
}

// Looks at the head of a new connection without taking it from the socket. True when the
// library may read it (it fits, or the peer went quiet or away: the library's own time-outs
// and errors then apply); false when it was refused.
bool head_fits(int fd) {
  std::array<char, kMaxHead + 2> peeked;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  ssize_t seen = -1;
  while (std::chrono::steady_clock::now() < deadline) {
    const ssize_t n = real_recv(fd, peeked.data(), peeked.size(), MSG_PEEK | MSG_DONTWAIT);
    if (n == 0) return true;  // closed: the library finds out
    if (n < 0) {
      if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) return true;
      pollfd p{fd, POLLIN, 0};
      ::poll(&p, 1, 100);
      continue;
    }
    switch (judge(std::string_view(peeked.data(), static_cast<std::size_t>(n)))) {
      case Head::fits: return true;
      case Head::too_large: refuse(fd); return false;
      case Head::incomplete: break;
    }
    // More of the head is on its way: wait for it (the bytes peeked stay readable, so poll
    // would return at once).
    if (n == seen) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    seen = n;
  }
  return true;
}

}  // namespace

int current_connection() {
  return current.fd;
}

}  // namespace lmc::cli::serve

extern "C" ssize_t recv(int fd, void* buffer, std::size_t size, int flags) {
  using lmc::cli::serve::current;
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISSOCK(st.st_mode) &&
      (fd != current.fd || st.st_ino != current.inode)) {
    current = {fd, st.st_ino, false};
  }
  if (fd == current.fd && !current.looked && !(flags & MSG_PEEK)) {
    current.looked = true;
    if (!lmc::cli::serve::head_fits(fd)) return 0;  // refused: the library sees the end
  }
  return lmc::cli::serve::real_recv(fd, buffer, size, flags);
}
