// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "lmc/suggest.h"

using namespace lmc;

TEST_CASE("edit distance counts insertions, deletions, substitutions and swaps") {
  CHECK(edit_distance("label", "label") == 0);
  CHECK(edit_distance("lable", "label") == 1);
  CHECK(edit_distance("labl", "label") == 1);
  CHECK(edit_distance("LABEL", "label") == 0);
  CHECK(edit_distance("", "abc") == 3);
}

TEST_CASE("nearest suggests only a likely slip") {
  const std::vector<std::string_view> ids = {"care-plans", "fewer-crises", "huddles"};
  CHECK(nearest("care-plan", ids) == "care-plans");
  CHECK(nearest("fewer-crisis", ids) == "fewer-crises");
  CHECK(nearest("winter", ids).empty());
  CHECK(nearest("to", {"to", "too"}) == "too");
}
