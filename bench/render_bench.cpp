// SPDX-License-Identifier: Apache-2.0
// Times lmc's in-process Graphviz render of a model's DOT, for comparison with the `dot`
// command on the same DOT (bench/bench-render.sh runs both).
//   lmc_render_bench MODEL.dot FORMAT RUNS
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "lmc/render.h"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: lmc_render_bench MODEL.dot svg|pdf|png RUNS\n");
    return 2;
  }
  std::ifstream in(argv[1]);
  std::stringstream dot;
  dot << in.rdbuf();
  lmc::RenderOptions options;
  options.format = lmc::parse_output_format(argv[2]).value_or(lmc::OutputFormat::svg);
  const int runs = std::stoi(argv[3]);
  for (int k = 0; k < runs; ++k) {
    const auto start = std::chrono::steady_clock::now();
    const lmc::RenderResult r = lmc::render_dot(dot.str(), options);
    const std::chrono::duration<double, std::milli> ms = std::chrono::steady_clock::now() - start;
    if (!r.error.empty()) {
      std::fprintf(stderr, "%s\n", r.error.c_str());
      return 1;
    }
    std::printf("%s%.1f", k == 0 ? "" : " ", ms.count());
  }
  std::printf("\n");
  return 0;
}
