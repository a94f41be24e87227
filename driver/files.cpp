// SPDX-License-Identifier: Apache-2.0
#include "driver/files.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>

#include "driver/config_cache.h"
#include "driver/output_file.h"
#include "lmc/config.h"
#include "lmc/load.h"

namespace lmc::driver {

namespace fs = std::filesystem;

ReadError read_file(const fs::path& p, std::string& out, std::string* error, std::uintmax_t* size,
                    Overwrite overwrite, fs::path* opened) {
  auto fail = [&](ReadError e, std::string why) {
    if (error) *error = std::move(why);
    return e;
  };
  // O_NONBLOCK: opening a FIFO must not wait for a writer.
  const int fd = ::open(p.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0)
    return fail(ReadError::unreadable, std::string("cannot be read: ") + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    const bool directory = S_ISDIR(st.st_mode);
    ::close(fd);
    return fail(ReadError::not_regular,
                directory ? "is a directory, where a file was expected"
                          : "is not a regular file (a device, a pipe or a socket): lmc reads "
                            "model files");
  }
  if (overwrite == Overwrite::never) remember_input(p, st.st_dev, st.st_ino);
  if (opened) {
    std::error_code ec;
    *opened = fs::read_symlink("/proc/self/fd/" + std::to_string(fd), ec);
    if (ec) opened->clear();
  }
  const auto bytes = static_cast<std::uintmax_t>(st.st_size);
  if (size) *size = bytes;
  if (bytes > kMaxModelBytes) {
    ::close(fd);
    return fail(ReadError::too_large,
                fmt::format("is {} MB; lmc reads models of up to {} MB",
                            (bytes + (1u << 20) - 1) >> 20, kMaxModelBytes >> 20));
  }
  out.resize(static_cast<std::size_t>(bytes));
  std::size_t got = 0;
  while (got < out.size()) {
    const ssize_t n = ::read(fd, out.data() + got, out.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  const int saved = errno;
  ::close(fd);
  if (got != out.size()) {
    errno = saved;
    return fail(ReadError::unreadable, "could not be read in full (it changed while lmc read it?)");
  }
  return ReadError::none;
}

bool read_limited(int fd, std::size_t limit, std::string& out) {
  out.clear();
  std::array<char, 65536> buf;
  while (true) {
    const ssize_t n = ::read(fd, buf.data(), buf.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return true;
    if (out.size() + static_cast<std::size_t>(n) > limit) {
      out.clear();
      out.shrink_to_fit();
      return false;
    }
    out.append(buf.data(), static_cast<std::size_t>(n));
  }
}

// The start of a file too large to read, to tell whether it is a model at all.
std::string read_head(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::string head(64 * 1024, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head;
}

bool is_hidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return name.size() > 1 && name[0] == '.' && name != "..";
}

std::string display_path(const fs::path& p) {
  std::string s = p.lexically_normal().generic_string();
  while (s.starts_with("./")) s.erase(0, 2);
  return s;
}

Walk walk_models(const fs::path& top, const LoadedConfig& config) {
  Walk walk;
  std::error_code ec;
  // Exclusions apply below the directory named, never to it: `lmc check fixtures` still
  // checks what a walk from above would skip.
  auto relative = [&](const fs::path& path) {
    const std::string rel =
        fs::absolute(path, ec).lexically_normal().lexically_relative(config.base).generic_string();
    return rel == "." ? std::string() : rel;
  };
  const std::string root = relative(top);
  auto excluded = [&](const fs::path& entry) {
    if (config.exclude.empty() || root.starts_with("..")) return false;
    if (!is_excluded(config.exclude, relative(entry), root.size())) return false;
    if (is_yaml_name(entry)) ++walk.excluded_yaml;
    return true;
  };
  // A directory at a time: one that cannot be read is reported (a model in it would otherwise
  // go unchecked), and the others are still walked. A linked directory is not walked (a link
  // back up would walk for ever); a linked file is read where it leads.
  std::vector<fs::path> pending{top};
  while (!pending.empty()) {
    const fs::path dir = std::move(pending.back());
    pending.pop_back();
    walk.directories.push_back(dir);
    fs::directory_iterator it(dir, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
      const fs::path& entry = it->path();
      if (is_hidden(entry) || excluded(entry)) continue;
      std::error_code type_ec;
      if (it->is_directory(type_ec)) {
        if (!it->is_symlink(type_ec)) pending.push_back(entry);
        continue;
      }
      if (!it->is_regular_file(type_ec) || !is_yaml_name(entry)) continue;
      InputFile f{display_path(entry), entry, {}};
      std::string why;
      std::uintmax_t size = 0;
      const ReadError e = read_file(entry, f.text, &why, &size);
      if (e == ReadError::too_large) {
        if (classify_yaml(read_head(entry)) != YamlFile::other) {
          f.oversize = size;
          walk.files.push_back(std::move(f));
        }
        continue;
      }
      if (e != ReadError::none) {
        walk.problems.push_back("'" + display_path(entry) + "' " + why);
        continue;
      }
      // A file saved as UTF-16, or otherwise not UTF-8, may be a model: checked, so that it
      // gets a finding, never passed over without a word.
      if (classify_yaml(f.text) != YamlFile::other) walk.files.push_back(std::move(f));
    }
    if (ec) {
      walk.problems.push_back("'" + display_path(dir) + "': cannot be read: " + ec.message() +
                              "; the models in it are not checked");
      ec.clear();
    }
  }
  std::sort(walk.files.begin(), walk.files.end(),
            [](const InputFile& a, const InputFile& b) { return a.display < b.display; });
  return walk;
}

std::vector<std::pair<std::string, std::string>> drop_linked_names(std::vector<InputFile>& files) {
  std::vector<std::pair<std::string, std::string>> dropped;
  std::map<std::pair<dev_t, ino_t>, std::string> seen;
  std::vector<InputFile> kept;
  kept.reserve(files.size());
  for (InputFile& f : files) {
    struct stat st {};
    if (!f.location.empty() && ::stat(f.location.c_str(), &st) == 0) {
      const auto [it, fresh] = seen.try_emplace({st.st_dev, st.st_ino}, f.display);
      if (!fresh) {
        if (it->second != f.display) dropped.emplace_back(f.display, it->second);
        continue;
      }
    }
    kept.push_back(std::move(f));
  }
  files = std::move(kept);
  return dropped;
}

}  // namespace lmc::driver
