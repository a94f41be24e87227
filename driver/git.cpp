// SPDX-License-Identifier: Apache-2.0
#include "driver/git.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "driver/files.h"
#include "lmc/load.h"

extern char** environ;

namespace lmc::driver {

namespace {

// A complaint is one line: more than this of it is not kept.
constexpr std::size_t kMaxComplaint = 64 * 1024;

}  // namespace

int run_git(const std::vector<std::string>& args, std::string& out, std::string& error,
            std::size_t max_out) {
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
  // Output beyond max_out is not read: git is stopped, and what it wrote is dropped.
  const bool whole = read_limited(out_pipe[0], max_out, out);
  close(out_pipe[0]);
  if (!whole) kill(pid, SIGTERM);
  std::string err;
  if (!read_limited(err_pipe[0], kMaxComplaint, err)) err = "git said too much";
  close(err_pipe[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!whole) {
    error = fmt::format("is more than {} MB; lmc reads models of up to {} MB", max_out >> 20,
                        max_out >> 20);
    return -1;
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
  if (run_git({"show", "--end-of-options", spec}, content, error, kMaxModelBytes) == 0) {
    return true;
  }
  content.clear();
  // The revision exists but the file was not there yet (or any more).
  if (absent && (error.find("does not exist in '") != std::string::npos ||
                 error.find("exists on disk, but not in '") != std::string::npos)) {
    *absent = true;
  }
  return false;
}

}  // namespace lmc::driver
