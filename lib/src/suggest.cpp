// SPDX-License-Identifier: Apache-2.0
#include "lmc/suggest.h"

#include <algorithm>
#include <cctype>
#include <limits>

namespace lmc {

namespace {

char fold(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Optimal string alignment distance with three rolling rows.
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= m; ++j) {
      const bool same = fold(a[i - 1]) == fold(b[j - 1]);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (same ? 0 : 1)});
      if (i > 1 && j > 1 && fold(a[i - 1]) == fold(b[j - 2]) && fold(a[i - 2]) == fold(b[j - 1])) {
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      }
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

std::string nearest(std::string_view word, const std::vector<std::string_view>& candidates) {
  // A suggestion should look like a slip of the keyboard, not a guess: allow about one edit in
  // three characters, and at least one.
  const std::size_t limit = std::max<std::size_t>(1, (word.size() + 1) / 3);
  std::size_t best = std::numeric_limits<std::size_t>::max();
  std::string_view found;
  for (std::string_view c : candidates) {
    if (c == word) continue;
    // Cheap bound first: the distance is at least the difference in length.
    const std::size_t diff =
        c.size() > word.size() ? c.size() - word.size() : word.size() - c.size();
    if (diff > limit || diff >= best) continue;
    const std::size_t d = edit_distance(word, c);
    if (d <= limit && d < best) {
      best = d;
      found = c;
    }
  }
  return std::string(found);
}

}  // namespace lmc
