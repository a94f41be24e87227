// SPDX-License-Identifier: Apache-2.0
// A unified diff of two texts by lines (the common head and tail, then the longest common
// subsequence of what is between), for `lmc edit --dry-run`.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "lmc/edit.h"

namespace lmc {

std::string unified_diff(std::string_view before, std::string_view after, std::string_view name) {
  auto split = [](std::string_view t) {
    std::vector<std::string_view> lines;
    std::size_t at = 0;
    while (at < t.size()) {
      const auto nl = t.find('\n', at);
      const std::size_t end = nl == std::string_view::npos ? t.size() : nl + 1;
      lines.push_back(t.substr(at, end - at));
      at = end;
    }
    return lines;
  };
  const auto a = split(before), b = split(after);
  // The common head and tail, then the longest common subsequence of what is between.
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head &&
         a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) {
    ++tail;
  }
  const std::size_t n = a.size() - head - tail, m = b.size() - head - tail;
  if (n == 0 && m == 0) return {};
  // An edit changes a few lines: the middle is small; a very large one is shown whole.
  std::vector<std::pair<char, std::string_view>> ops;  // ' ', '-', '+'
  for (std::size_t k = 0; k < head; ++k) ops.emplace_back(' ', a[k]);
  if (n * m <= 4'000'000) {
    std::vector<std::vector<std::uint32_t>> lcs(n + 1, std::vector<std::uint32_t>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;) {
      for (std::size_t j = m; j-- > 0;) {
        lcs[i][j] = a[head + i] == b[head + j] ? lcs[i + 1][j + 1] + 1
                                               : std::max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[head + i] == b[head + j]) {
        ops.emplace_back(' ', a[head + i]), ++i, ++j;
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        ops.emplace_back('-', a[head + i++]);
      } else {
        ops.emplace_back('+', b[head + j++]);
      }
    }
  } else {
    for (std::size_t i = 0; i < n; ++i) ops.emplace_back('-', a[head + i]);
    for (std::size_t j = 0; j < m; ++j) ops.emplace_back('+', b[head + j]);
  }
  for (std::size_t k = 0; k < tail; ++k) ops.emplace_back(' ', a[a.size() - tail + k]);
  // Hunks: changes with three lines of context, joined when their context meets.
  std::string out = fmt::format("--- {}\n+++ {}\n", name, name);
  constexpr std::size_t kContext = 3;
  std::size_t k = 0;
  while (k < ops.size()) {
    while (k < ops.size() && ops[k].first == ' ') ++k;
    if (k == ops.size()) break;
    std::size_t start = k >= kContext ? k - kContext : 0, end = k;
    while (end < ops.size()) {
      if (ops[end].first != ' ') {
        ++end;
        continue;
      }
      std::size_t run = end;
      while (run < ops.size() && ops[run].first == ' ') ++run;
      if (run == ops.size() || run - end > 2 * kContext) {
        end = std::min(run, end + kContext);
        break;
      }
      end = run;
    }
    // Line numbers of the hunk in each file.
    std::size_t old_line = 1, new_line = 1;
    for (std::size_t q = 0; q < start; ++q) {
      if (ops[q].first != '+') ++old_line;
      if (ops[q].first != '-') ++new_line;
    }
    std::size_t old_n = 0, new_n = 0;
    for (std::size_t q = start; q < end; ++q) {
      if (ops[q].first != '+') ++old_n;
      if (ops[q].first != '-') ++new_n;
    }
    out += fmt::format("@@ -{},{} +{},{} @@\n", old_n ? old_line : old_line - 1, old_n,
                       new_n ? new_line : new_line - 1, new_n);
    for (std::size_t q = start; q < end; ++q) {
      out += ops[q].first;
      out += ops[q].second;
      if (ops[q].second.empty() || ops[q].second.back() != '\n') {
        out += "\n\\ No newline at end of file\n";
      }
    }
    k = end;
  }
  return out;
}

}  // namespace lmc
