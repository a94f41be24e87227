// SPDX-License-Identifier: Apache-2.0
#include "git_source.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <vector>

extern char** environ;

namespace lmc::cli {

namespace {

// Reads a pipe to its end.
std::string drain(int fd) {
  std::string out;
  std::array<char, 65536> buf;
  while (true) {
    const ssize_t n = read(fd, buf.data(), buf.size());
    if (n > 0) {
      out.append(buf.data(), static_cast<std::size_t>(n));
    } else if (n == 0 || errno != EINTR) {
      break;
    }
  }
  return out;
}

}  // namespace

int run_git(const std::vector<std::string>& args, std::string& out, std::string& error) {
  std::vector<const char*> argv{"git"};
  for (const std::string& a : args) argv.push_back(a.c_str());
  argv.push_back(nullptr);
  int out_pipe[2], err_pipe[2];
  if (pipe(out_pipe) != 0 || pipe(err_pipe) != 0) {
    error = std::strerror(errno);
    return -1;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);
  posix_spawn_file_actions_addclose(&actions, out_pipe[0]);
  posix_spawn_file_actions_addclose(&actions, err_pipe[0]);
  pid_t pid = 0;
  const int spawned =
      posix_spawnp(&pid, "git", &actions, nullptr, const_cast<char* const*>(argv.data()), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out_pipe[1]);
  close(err_pipe[1]);
  if (spawned != 0) {
    close(out_pipe[0]);
    close(err_pipe[0]);
    error = "git cannot be run (" + std::string(std::strerror(spawned)) +
            "); install it with apt-get install git";
    return -1;
  }
  // Output larger than the pipe would block git while we waited on its stderr: read stdout
  // first, then stderr (git writes its complaint and exits without blocking on it).
  out = drain(out_pipe[0]);
  std::string err = drain(err_pipe[0]);
  close(out_pipe[0]);
  close(err_pipe[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (code == 0) return 0;
  while (!err.empty() && (err.back() == '\n' || err.back() == '\r')) err.pop_back();
  if (const auto nl = err.find('\n'); nl != std::string::npos) err.resize(nl);
  if (err.starts_with("fatal: ")) err.erase(0, 7);
  error = err.empty() ? "git could not do it" : err;
  return code;
}

bool read_git_blob(const std::string& spec, std::string& content, std::string& error,
                   bool* absent) {
  if (absent) *absent = false;
  // The argument goes to git as one argv entry: no shell sees it. "--" is not used because
  // `git show` reads REV:PATH as a revision; `--end-of-options` keeps a spec that starts with
  // '-' from being taken as an option.
  if (run_git({"show", "--end-of-options", spec}, content, error) == 0) return true;
  content.clear();
  // The revision exists but the file was not there yet (or any more).
  if (absent && (error.find("does not exist in '") != std::string::npos ||
                 error.find("exists on disk, but not in '") != std::string::npos)) {
    *absent = true;
  }
  return false;
}

}  // namespace lmc::cli
