// SPDX-License-Identifier: Apache-2.0
#include "install_layout.h"

#include <system_error>

namespace lmc::cli {

namespace {

// The directory of the running executable (symbolic links resolved, so a link to lmc on the
// PATH still finds the prefix lmc was installed in).
std::filesystem::path self_directory() {
  std::error_code ec;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path{} : self.parent_path();
}

bool is_file(const std::filesystem::path& path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec);
}

}  // namespace

std::filesystem::path serve_helper() {
  const std::filesystem::path dir = self_directory();
  // LMC_SERVE_FROM_BINDIR: libexec/lmc relative to bin, as GNUInstallDirs laid them out.
  const std::filesystem::path installed =
      (dir / LMC_SERVE_FROM_BINDIR / "lmc-serve").lexically_normal();
  if (is_file(installed)) return installed;
  const std::filesystem::path beside = dir / "lmc-serve";
  if (is_file(beside)) return beside;
  return installed;
}

std::filesystem::path installed_docs() {
  const std::filesystem::path docs = (self_directory() / LMC_DOCS_FROM_BINDIR).lexically_normal();
  return is_file(docs / "README.md") ? docs : std::filesystem::path{};
}

std::string docs_url() {
  return std::string(LMC_HOMEPAGE) + "/tree/v" LMC_VERSION "/docs";
}

}  // namespace lmc::cli
