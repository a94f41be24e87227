// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace lmc {

/// Edit distance (insertions, deletions, substitutions, adjacent swaps), case-insensitive.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// edit_distance() when it is at most `limit`, else any value above `limit`: only a band of
/// the table is filled, and it stops as soon as the limit is passed. `steps` counts the cells.
std::size_t bounded_edit_distance(std::string_view a, std::string_view b, std::size_t limit,
                                  std::size_t* steps = nullptr);

/// The candidate closest to `word` if it is close enough to be a likely typo; empty otherwise.
/// Ties go to the earliest candidate.
std::string nearest(std::string_view word, const std::vector<std::string_view>& candidates);

/// nearest() for many words against one set of candidates, in bounded time: candidates are
/// indexed by length, a comparison stops as soon as it cannot beat the best so far, a word
/// asked twice is answered from memory, and once `budget` comparison steps are spent it
/// suggests nothing more (a file of thousands of unknown references still checks in a moment).
/// The candidates must outlive it.
class Suggester {
 public:
  explicit Suggester(std::vector<std::string_view> candidates, std::size_t budget = 50'000'000);
  std::string nearest(std::string_view word);

 private:
  std::vector<std::pair<std::size_t, std::size_t>> by_length_;  // (length, index), sorted
  std::vector<std::string_view> candidates_;
  std::map<std::string, std::string, std::less<>> memo_;
  std::size_t budget_;
};

}  // namespace lmc
