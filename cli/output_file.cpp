// SPDX-License-Identifier: Apache-2.0
#include "output_file.h"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>

#include "lmc/render.h"

namespace lmc::cli {

namespace fs = std::filesystem;

bool same_file(const fs::path& a, const fs::path& b) {
  std::error_code ec;
  return fs::exists(a, ec) && fs::exists(b, ec) && fs::equivalent(a, b, ec);
}

std::string write_output(const std::string& path, std::string_view data) {
  if (path == "-") {
    std::cout.write(data.data(), static_cast<std::streamsize>(data.size()));
    std::cout.flush();
    return std::cout ? std::string() : "standard output could not be written";
  }
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  // A temporary name beside the target, so the rename is atomic and never crosses devices.
  std::random_device seed;
  const fs::path temp = dir / ("." + target.filename().string() + ".lmc-" +
                               std::to_string(seed() % 1000000) + ".tmp");
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out)
      return "'" + path + "' cannot be written: its directory does not exist or is not writable";
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    out.flush();
    if (!out) {
      out.close();
      std::error_code ec;
      fs::remove(temp, ec);
      return "'" + path + "' could not be written in full (is the disk full?)";
    }
  }
  std::error_code ec;
  fs::rename(temp, target, ec);
  if (ec) {
    fs::remove(temp, ec);
    return "'" + path + "' cannot be replaced: " + ec.message();
  }
  return {};
}

std::vector<std::vector<std::string>> previous_layout(const std::string& path) {
  constexpr std::uintmax_t kMaxDrawing = 64u << 20;
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::is_regular_file(status) || fs::file_size(path, ec) > kMaxDrawing || ec) {
    return {};
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return read_layout_memo(bytes.str());
}

}  // namespace lmc::cli
