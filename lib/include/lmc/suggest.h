// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lmc {

/// Edit distance (insertions, deletions, substitutions, adjacent swaps), case-insensitive.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word` if it is close enough to be a likely typo; empty otherwise.
/// Ties go to the earliest candidate.
std::string nearest(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace lmc
