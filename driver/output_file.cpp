// SPDX-License-Identifier: Apache-2.0
#include "driver/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <sstream>

#include "driver/files.h"
#include "lmc/render.h"

namespace lmc::driver {

namespace fs = std::filesystem;

namespace {

// As many links as the kernel follows before it says ELOOP.
constexpr int kMaxLinkHops = 40;

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

std::string describe_errno(const std::string& path, std::string_view doing) {
  return "'" + path + "' " + std::string(doing) + ": " + std::strerror(errno);
}

// An output that is not a regular file (a device, a FIFO) is written as it is, never replaced:
// `-o /dev/null` keeps /dev/null a device.
std::string write_in_place(const std::string& shown, const fs::path& target,
                           std::string_view data) {
  // O_NONBLOCK: a pipe with no reader is refused at once rather than waited on for ever.
  const int fd = ::open(target.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0 && errno == ENXIO) {
    return "'" + shown +
           "' is a pipe with no reader: start the program that reads it first, or name a file";
  }
  if (fd < 0) return describe_errno(shown, "cannot be opened for writing");
  // Written blocking, as a pipe is written: a slow reader is waited for.
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  const bool ok = write_all(fd, data);
  const int saved = errno;
  ::close(fd);
  errno = saved;
  return ok ? std::string() : describe_errno(shown, "could not be written in full");
}

// A new file beside `target`, open for writing: unnamed where the file system allows (so a
// process killed mid-write leaves nothing behind), else under a random hidden name made with
// O_EXCL. `temp` receives the name, empty while the file has none.
int open_temporary(const fs::path& dir, const fs::path& target, fs::path& temp) {
  temp.clear();
#ifdef O_TMPFILE
  const int fd = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
  if (fd >= 0) return fd;
#endif
  std::random_device seed;
  for (int attempt = 0; attempt < 16; ++attempt) {
    temp = dir /
           ("." + target.filename().string() + ".lmc-" + std::to_string(seed() % 1000000) + ".tmp");
    const int named = ::open(temp.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0666);
    if (named >= 0 || errno != EEXIST) return named;
  }
  return -1;
}

// Gives the unnamed temporary file a name beside the target, so it can be renamed over it.
bool name_temporary(int fd, const fs::path& dir, const fs::path& target, fs::path& temp) {
  if (!temp.empty()) return true;
  std::random_device seed;
  const std::string self = "/proc/self/fd/" + std::to_string(fd);
  for (int attempt = 0; attempt < 16; ++attempt) {
    temp = dir /
           ("." + target.filename().string() + ".lmc-" + std::to_string(seed() % 1000000) + ".tmp");
    if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, temp.c_str(), AT_SYMLINK_FOLLOW) == 0) {
      return true;
    }
    if (errno != EEXIST) break;
  }
  temp.clear();
  return false;
}

// The process's file creation mask (read by setting it, and set back at once).
mode_t current_umask() {
  const mode_t mask = ::umask(022);
  ::umask(mask);
  return mask;
}

// Writes `data` over `path` through a temporary file beside it and a rename (below).
std::string replace_atomically(const std::string& path, std::string_view data);

}  // namespace

namespace {

struct Inputs {
  std::mutex lock;
  std::map<std::pair<dev_t, ino_t>, fs::path> files;  ///< each with the path it was read by
};

Inputs& inputs() {
  static Inputs read;
  return read;
}

}  // namespace

void remember_input(const fs::path& path, dev_t device, ino_t inode) {
  std::error_code ec;
  fs::path where = fs::absolute(path, ec);
  Inputs& in = inputs();
  const std::lock_guard<std::mutex> hold(in.lock);
  in.files.insert_or_assign({device, inode}, ec ? path : std::move(where));
}

std::string output_is_input(const std::string& path) {
  struct stat st {};
  if (path == "-" || ::stat(path.c_str(), &st) != 0) return {};  // nothing there to lose
  Inputs& in = inputs();
  const std::lock_guard<std::mutex> hold(in.lock);
  const auto it = in.files.find({st.st_dev, st.st_ino});
  if (it == in.files.end()) return {};
  // Still the file that was read there? An inode number freed by a renaming save is reused.
  struct stat now {};
  if (::stat(it->second.c_str(), &now) != 0 || now.st_dev != st.st_dev || now.st_ino != st.st_ino) {
    in.files.erase(it);
    return {};
  }
  return "'" + path +
         "' is a file this command reads (a model, a model it reaches, or a configuration): "
         "lmc never writes over its input; name another output";
}

std::string write_output(const std::string& path, std::string_view data) {
  if (std::string why = output_is_input(path); !why.empty()) return why;
  return replace_atomically(path, data);
}

std::string replace_model(const std::string& path, std::string_view was, std::string_view data) {
  // Read again just before it is replaced: a save made since (an editor, another edit) is
  // never lost.
  std::ifstream in(path, std::ios::binary);
  if (!in) return describe_errno(path, "cannot be read again before it is written");
  std::string now((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (now != was) {
    return "'" + path +
           "' changed on disk while the edit was made; nothing was written (run "
           "it again on the file as it is now)";
  }
  return replace_atomically(path, data);
}

namespace {

std::string replace_atomically(const std::string& path, std::string_view data) {
  // A symbolic link is written through: the file it names is replaced (or made, when the link
  // dangles), the link stays, as the shell's `>` does.
  fs::path target = fs::path(path);
  for (int hops = 0;; ++hops) {
    std::error_code ec;
    if (!fs::is_symlink(fs::symlink_status(target, ec))) break;
    if (hops == kMaxLinkHops) {
      return "'" + path + "' is a symbolic link loop (it leads back to itself): name a file";
    }
    const fs::path next = fs::read_symlink(target, ec);
    if (ec) return "'" + path + "' is a symbolic link that cannot be followed: " + ec.message();
    target = next.is_absolute() ? next : target.parent_path() / next;
  }
  struct stat old {};
  const bool exists = ::stat(target.c_str(), &old) == 0;
  if (exists && S_ISDIR(old.st_mode)) {
    return "'" + path + "' is a directory: name the file to write, such as '" +
           (fs::path(path) / "diagram.svg").string() + "'";
  }
  if (exists && (S_ISCHR(old.st_mode) || S_ISBLK(old.st_mode) || S_ISFIFO(old.st_mode))) {
    return write_in_place(path, target, data);
  }
  if (exists && !S_ISREG(old.st_mode)) {
    return "'" + path + "' is not a regular file, a device or a pipe: lmc will not replace it";
  }

  // A temporary file beside the target, renamed over it: the rename is atomic and never
  // crosses devices, so a failed or interrupted render leaves the old file as it was.
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  fs::path temp;
  const int fd = open_temporary(dir, target, temp);
  if (fd < 0) {
    return describe_errno(path, "cannot be written: its directory cannot be written to");
  }
  auto give_up = [&](const std::string& error) {
    const int saved = errno;
    ::close(fd);
    if (!temp.empty()) ::unlink(temp.c_str());
    errno = saved;
    return error;
  };
  if (!write_all(fd, data)) {
    return give_up(describe_errno(path, "could not be written in full"));
  }
  // The replaced file keeps its permissions (and, where lmc may set it, its owner).
  if (exists) {
    ::fchmod(fd, old.st_mode & 07777);
    if (::fchown(fd, old.st_uid, old.st_gid) != 0) {
      // Not permitted for an ordinary user: the file is then the user's, as any file they
      // write is.
    }
  }
  if (!name_temporary(fd, dir, target, temp)) {
    return give_up(describe_errno(path, "cannot be written: no temporary name beside it"));
  }
  if (::rename(temp.c_str(), target.c_str()) != 0) {
    return give_up(describe_errno(path, "cannot be replaced"));
  }
  ::close(fd);
  return {};
}

}  // namespace

std::string write_new_file(const std::string& path, std::string_view data) {
  const fs::path target(path);
  struct stat old {};
  if (::lstat(target.c_str(), &old) == 0) {
    return "'" + path + "' already exists; lmc never writes over a file: choose another name";
  }
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  fs::path temp;
  const int fd = open_temporary(dir, target, temp);
  if (fd < 0) return describe_errno(path, "cannot be created");
  bool ok = write_all(fd, data) && ::fchmod(fd, 0666 & ~current_umask()) == 0;
  if (ok) {
    // link() fails when the name exists, so a file made meanwhile is never replaced.
    if (temp.empty()) {
      const std::string self = "/proc/self/fd/" + std::to_string(fd);
      ok = ::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, target.c_str(), AT_SYMLINK_FOLLOW) == 0;
    } else {
      ok = ::link(temp.c_str(), target.c_str()) == 0;
    }
  }
  const int saved = errno;
  ::close(fd);
  if (!temp.empty()) ::unlink(temp.c_str());
  errno = saved;
  if (ok) return {};
  if (errno == EEXIST) {
    return "'" + path + "' already exists; lmc never writes over a file: choose another name";
  }
  return describe_errno(path, "cannot be created");
}

std::vector<std::vector<std::string>> previous_layout(const std::string& path) {
  constexpr std::uintmax_t kMaxDrawing = 64u << 20;
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::is_regular_file(status) || fs::file_size(path, ec) > kMaxDrawing || ec) {
    return {};
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return read_layout_memo(bytes.str());
}

}  // namespace lmc::driver
