// SPDX-License-Identifier: Apache-2.0
// Writing what a command produces: all or nothing.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace lmc::driver {

/// The guard every command's output passes: lmc never writes over a file it read in this run
/// (a model, a model one reaches through `model:` or PATH#id, a configuration), whatever the
/// output is called (another spelling, a symbolic or hard link). read_file remembers each file
/// it reads (its device and inode, and the path it was read by); write_output and
/// write_new_file refuse those. A file that is no longer at its path (replaced by a save that
/// renames, as editors do: `render --watch` runs on) is forgotten, so its reused inode number
/// cannot refuse a new output.
void remember_input(const std::filesystem::path& path, dev_t device, ino_t inode);

/// Why `path` must not be written (it is a file this run read), as a sentence
/// about it; empty when it may be. Commands with several outputs ask for each before they
/// write any, so that a refusal leaves nothing written.
std::string output_is_input(const std::string& path);

/// Writes data to `path` atomically (a temporary file beside it, then a rename); a device or
/// a pipe is written as it is. Returns an error message, empty on success; on failure the
/// target is untouched.
std::string write_output(const std::string& path, std::string_view data);

/// Writes a model the user asked lmc to change (`lmc edit`): atomically, as write_output, and
/// only when the file still holds `was` (the text the change was made to), so a save made
/// meanwhile is never overwritten. Returns an error message, empty on success.
std::string replace_model(const std::string& path, std::string_view was, std::string_view data);

/// Creates `path` holding `data`; never replaces anything that exists (the file appears whole,
/// or not at all). Returns an error message, empty on success.
std::string write_new_file(const std::string& path, std::string_view data);

/// The box order of the diagram at `path` that lmc drew earlier (read_layout_memo), so a new
/// drawing over it keeps it; empty when there is none, or it is not a regular file lmc made.
std::vector<std::vector<std::string>> previous_layout(const std::string& path);

}  // namespace lmc::driver
