// SPDX-License-Identifier: Apache-2.0
// Reading a file as it was at a git revision, through the git command run without a shell.
#pragma once

#include <string>

namespace lmc::cli {

/// The content of `spec` ("REV:PATH", as `git show` takes it) in the repository that holds
/// the current directory. Returns false with git's own complaint in `error`.
bool read_git_blob(const std::string& spec, std::string& content, std::string& error,
                   bool* absent = nullptr);

}  // namespace lmc::cli
