// SPDX-License-Identifier: Apache-2.0
#include "load/value_hints.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "lmc/load.h"
#include "lmc/model.h"
#include "load/format.h"

namespace lmc::load {

// Why a date is not one: written otherwise than YYYY-MM-DD, or a day the calendar lacks.
std::string date_problem(std::string_view what, const std::string& value) {
  const bool shaped = value.size() == 10 && value[4] == '-' && value[7] == '-' &&
                      std::all_of(value.begin(), value.end(), [](char c) {
                        return c == '-' || std::isdigit(static_cast<unsigned char>(c));
                      });
  if (!shaped) return fmt::format("{} is '{}', not a date: write it as YYYY-MM-DD", what, value);
  const int month = std::stoi(value.substr(5, 2));
  if (month < 1 || month > 12) {
    return fmt::format("{} is '{}': there is no month {}", what, value, month);
  }
  static constexpr const char* kMonths[] = {"January",   "February", "March",    "April",
                                            "May",       "June",     "July",     "August",
                                            "September", "October",  "November", "December"};
  return fmt::format("{} is '{}': {} {} has no day {}", what, value, kMonths[month - 1],
                     value.substr(0, 4), std::stoi(value.substr(8, 2)));
}

// A date written day first, as in the UK (30/06/2017, 3.6.2017, 30-06-2017), in the form the
// format takes (2017-06-30); empty when it is not one.
std::string day_first_date(const std::string& value) {
  int day = 0, month = 0, year = 0;
  char sep1 = 0, sep2 = 0;
  int used = 0;
  if (std::sscanf(value.c_str(), "%2d%c%2d%c%4d%n", &day, &sep1, &month, &sep2, &year, &used) !=
          5 ||
      static_cast<std::size_t>(used) != value.size() || sep1 != sep2 ||
      (sep1 != '/' && sep1 != '.' && sep1 != '-') || year < 1000) {
    return {};
  }
  const std::string iso = fmt::format("{:04}-{:02}-{:02}", year, month, day);
  return is_valid_date(iso) ? iso : std::string();
}

// An id made from words written where an id belongs ("care planned" -> "care-planned"): runs
// of spaces become '-'; empty when that makes no valid id (other characters are left for the
// writer to choose).
std::string id_from_words(std::string_view text) {
  std::string id;
  for (const char c : text) {
    if (c != ' ' && c != '\t') {
      id += c;
    } else if (!id.empty() && id.back() != '-') {
      id += '-';
    }
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  return id != text && format::is_valid_id(id) ? id : std::string();
}

}  // namespace lmc::load
