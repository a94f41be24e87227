// SPDX-License-Identifier: Apache-2.0
// Writing what a command produces: all or nothing.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace lmc::cli {

/// Whether two paths name the same existing file.
bool same_file(const std::filesystem::path& a, const std::filesystem::path& b);

/// Writes data to `path` atomically (a temporary file beside it, then a rename), or to
/// standard output for "-". Returns an error message, empty on success; on failure the
/// target is untouched.
std::string write_output(const std::string& path, std::string_view data);

/// Creates `path` holding `data`, or writes standard output for "-"; never replaces anything
/// that exists (the file appears whole, or not at all). Returns an error message, empty on
/// success.
std::string write_new_file(const std::string& path, std::string_view data);

/// The box order of the diagram at `path` that lmc drew earlier (read_layout_memo), so a new
/// drawing over it keeps it; empty when there is none, or it is not a regular file lmc made.
std::vector<std::vector<std::string>> previous_layout(const std::string& path);

}  // namespace lmc::cli
