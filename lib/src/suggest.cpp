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

std::size_t bounded_edit_distance(std::string_view a, std::string_view b, std::size_t limit,
                                  std::size_t* steps) {
  const std::size_t n = a.size(), m = b.size();
  const std::size_t diff = n > m ? n - m : m - n;
  if (diff > limit) return limit + 1;
  const std::size_t kFar = limit + 1;
  // Cells outside the band |i - j| <= limit cannot be within the limit: they stay "far".
  std::vector<std::size_t> prev2(m + 1, kFar), prev(m + 1, kFar), cur(m + 1, kFar);
  for (std::size_t j = 0; j <= std::min(m, limit); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    const std::size_t lo = i > limit ? i - limit : 1, hi = std::min(m, i + limit);
    std::fill(cur.begin(), cur.end(), kFar);
    if (i <= limit) cur[0] = i;
    std::size_t row_best = cur[0];
    for (std::size_t j = lo; j <= hi; ++j) {
      const bool same = fold(a[i - 1]) == fold(b[j - 1]);
      std::size_t v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (same ? 0 : 1)});
      if (i > 1 && j > 1 && fold(a[i - 1]) == fold(b[j - 2]) && fold(a[i - 2]) == fold(b[j - 1])) {
        v = std::min(v, prev2[j - 2] + 1);
      }
      cur[j] = std::min(v, kFar);
      row_best = std::min(row_best, cur[j]);
    }
    if (steps) *steps += hi >= lo ? hi - lo + 1 : 1;
    if (row_best > limit) return kFar;  // every way on is already too far
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return std::min(prev[m], kFar);
}

namespace {

// A suggestion should look like a slip of the keyboard, not a guess: about one edit in three
// characters, at least one, and never more than four.
std::size_t typo_limit(std::string_view word) {
  return std::clamp<std::size_t>((word.size() + 1) / 3, 1, 4);
}

}  // namespace

std::string nearest(std::string_view word, const std::vector<std::string_view>& candidates) {
  return Suggester(candidates).nearest(word);
}

Suggester::Suggester(std::vector<std::string_view> candidates, std::size_t budget)
    : candidates_(std::move(candidates)), budget_(budget) {
  by_length_.reserve(candidates_.size());
  for (std::size_t k = 0; k < candidates_.size(); ++k) {
    by_length_.emplace_back(candidates_[k].size(), k);
  }
  std::sort(by_length_.begin(), by_length_.end());
}

std::string Suggester::nearest(std::string_view word) {
  if (auto memo = memo_.find(word); memo != memo_.end()) return memo->second;
  const std::size_t limit = typo_limit(word);
  std::size_t best = limit + 1, best_index = std::numeric_limits<std::size_t>::max();
  // Only candidates whose length is within the limit can be close enough.
  const std::size_t shortest = word.size() > limit ? word.size() - limit : 0;
  auto it =
      std::lower_bound(by_length_.begin(), by_length_.end(), std::pair{shortest, std::size_t{0}});
  for (; it != by_length_.end() && it->first <= word.size() + limit && budget_ > 0; ++it) {
    const std::string_view c = candidates_[it->second];
    if (c == word) continue;
    std::size_t steps = 0;
    // A tie keeps the candidate written first: a later one must do strictly better.
    const bool earlier = it->second < best_index;
    if (!earlier && best == 0) continue;
    const std::size_t bound = earlier ? best : best - 1;
    const std::size_t d = bounded_edit_distance(word, c, std::min(bound, limit), &steps);
    budget_ = steps >= budget_ ? 0 : budget_ - steps;
    if (d < best || (d == best && it->second < best_index)) {
      if (d <= limit) best = d, best_index = it->second;
    }
  }
  std::string found = best_index < candidates_.size() ? std::string(candidates_[best_index]) : "";
  memo_.emplace(std::string(word), found);
  return found;
}

}  // namespace lmc
