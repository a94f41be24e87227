// SPDX-License-Identifier: Apache-2.0
// Reading a file as it was at a git revision, through the git command run without a shell.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace lmc::driver {

/// Runs git with `args` (no shell), in the current directory. Returns its exit code (-1 when it
/// cannot be run), its standard output in `out`, and the first line of its complaint in
/// `error` when it fails. Output beyond `max_out` bytes is not read: git is stopped, and -1
/// returned with `error` saying how large it was.
int run_git(const std::vector<std::string>& args, std::string& out, std::string& error,
            std::size_t max_out = SIZE_MAX);

/// The content of `spec` ("REV:PATH", as `git show` takes it) in the repository that holds
/// the current directory. Returns false with git's own complaint in `error`.
bool read_git_blob(const std::string& spec, std::string& content, std::string& error,
                   bool* absent = nullptr);

}  // namespace lmc::driver
