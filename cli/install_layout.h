// SPDX-License-Identifier: Apache-2.0
// What lmc finds relative to its own executable, so that it works in the build tree and
// installed under any prefix, moved or not: the serve helper and the installed docs.
#pragma once

#include <filesystem>
#include <string>

namespace lmc::cli {

/// The serve helper lmc runs for `lmc serve`: PREFIX/libexec/lmc/lmc-serve when lmc is
/// installed in PREFIX/bin, else lmc-serve beside lmc (the build tree). The installed place when
/// neither exists, for the error message.
std::filesystem::path serve_helper();

/// PREFIX/share/doc/lmc when lmc is installed in PREFIX/bin and its docs are there; else empty.
std::filesystem::path installed_docs();

/// Where the docs of this version are on the web (the release's tag).
std::string docs_url();

}  // namespace lmc::cli
