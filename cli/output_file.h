// SPDX-License-Identifier: Apache-2.0
// Writing what a command produces: all or nothing.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace lmc::cli {

/// Whether two paths name the same existing file.
bool same_file(const std::filesystem::path& a, const std::filesystem::path& b);

/// Writes data to `path` atomically (a temporary file beside it, then a rename), or to
/// standard output for "-". Returns an error message, empty on success; on failure the
/// target is untouched.
std::string write_output(const std::string& path, std::string_view data);

}  // namespace lmc::cli
