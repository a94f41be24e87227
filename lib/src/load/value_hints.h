// SPDX-License-Identifier: Apache-2.0
// What the loader says of a value written wrongly, and the value the writer probably meant.
#pragma once

#include <string>
#include <string_view>

namespace lmc::load {

/// Why a date is not one: written otherwise than YYYY-MM-DD, or a day the calendar lacks.
std::string date_problem(std::string_view what, const std::string& value);

/// A date written day first, as in the UK (30/06/2017, 3.6.2017, 30-06-2017), in the form the
/// format takes (2017-06-30); empty when it is not one.
std::string day_first_date(const std::string& value);

/// An id made from words written where an id belongs ("care planned" -> "care-planned"): runs
/// of spaces become '-'; empty when that makes no valid id.
std::string id_from_words(std::string_view text);

}  // namespace lmc::load
