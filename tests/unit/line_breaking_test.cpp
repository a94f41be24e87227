// SPDX-License-Identifier: Apache-2.0
// The diagram's line breaking (issue #22): spaces, "/" and written hyphens first; en-GB
// hyphenation points only; numbers kept with their units; ids and paths never hyphenated. And
// the page a model needs: page-overflow's advice and `--page auto`.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "lmc/load.h"
#include "lmc/render.h"
#include "render/text_metrics.h"

using namespace lmc;
using namespace lmc::render;

namespace {

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += (out.empty() ? "" : "|") + l;
  return out;
}

}  // namespace

TEST_CASE("hyphenation points are the en-GB patterns'") {
  const auto points = hyphenation_points("transformation");
  if (points.empty()) {
    WARN("hyphen-en-gb is not installed: nothing is hyphenated");
    return;
  }
  // trans-form-a-tion: never "transformat-ion", never within two letters of the start or three
  // of the end.
  CHECK(std::set<std::size_t>(points.begin(), points.end()) == std::set<std::size_t>{5, 9, 10});
  const auto n = hyphenation_points("neighbourhood");
  CHECK(std::set<std::size_t>(n.begin(), n.end()) == std::set<std::size_t>{5, 9});
  CHECK(hyphenation_points("severe").empty());
}

TEST_CASE("lines break at spaces, then after / and written hyphens, then at pattern points") {
  // A narrow column: "moderate/severe" breaks after the slash, not inside a word.
  const double size = 10;
  const auto slash = wrap_text("moderate/severe frailty", text_width("moderate/", size) + 1, size);
  CHECK(joined(slash) == "moderate/|severe|frailty");
  const auto hyphen =
      wrap_text("Practice-based pharmacists", text_width("pharmacists", size) + 1, size);
  CHECK(joined(hyphen) == "Practice-|based|pharmacists");
  // A word wider than the line: hyphenated at the last pattern point that fits.
  if (!hyphenation_points("transformation").empty()) {
    const auto word = wrap_text("transformation", text_width("transforma", size), size);
    CHECK(joined(word) == "transform-|ation");  // trans-form-a-tion: the last point that fits
  }
}

TEST_CASE("a number stays with its unit; ids and paths are never hyphenated") {
  const double size = 10;
  const double narrow = text_width("Community", size) + 1;
  const auto wte = wrap_text("Community therapists (4 / WTE)", narrow, size);
  CHECK(joined(wte) == "Community|therapists|(4 / WTE)");
  const auto days = wrap_text("within 21 days", text_width("within 21", size) + 1, size);
  CHECK(joined(days) == "within|21 days");
  const auto range = wrap_text("open 8am-10pm", text_width("8am-10pm", size) + 1, size);
  CHECK(joined(range) == "open|8am-10pm");  // a time range is not broken after its hyphen
  // Ids in "About" notes: broken at spaces, never after their hyphens nor hyphenated.
  const auto ids =
      wrap_text("About: care-planned → fewer-falls", text_width("care-planned →", size) + 1, size,
                Face::regular, Breaks::code);
  CHECK(joined(ids) == "About:|care-planned →|fewer-falls");
  const auto path =
      wrap_text("▸ workstreams/frailty.yaml", text_width("workstreams/", size) + 8, size);
  CHECK(joined(path) == "▸|workstreams/|frailty.yaml");
  // The widest piece a column must hold for no hyphen to be needed.
  CHECK(widest_unbreakable("severe (4 / WTE)", size) == Approx(text_width("(4 / WTE)", size)));
  CHECK(widest_unbreakable("moderate/severe", size) == Approx(text_width("moderate/", size)));
}

TEST_CASE("a model with no boxes fits any page") {
  const LoadResult empty = empty_model("empty.yaml");
  const PageFit fit = fit_page(empty.model, page_geometry(PageSize::a4, false));
  CHECK(fit.text_size >= kMinTextSize);
}

TEST_CASE("the page that would hold a model: advice and --page auto") {
  std::string yaml =
      "logic_model: 1\ntitle: Many outputs\nactivities:\n  - {id: a, label: A, to: [";
  std::string outputs = "outputs:\n";
  for (int k = 1; k <= 30; ++k) {
    yaml += (k > 1 ? ", o" : "o") + std::to_string(k);
    outputs += "  - {id: o" + std::to_string(k) + ", label: Output " + std::to_string(k) +
               " delivered in the neighbourhood every week}\n";
  }
  yaml += "]}\n" + outputs;
  const LoadResult m = load_model("many.yaml", yaml);
  REQUIRE(m.usable);
  const PageFit a4 = fit_page(m.model, page_geometry(PageSize::a4, false));
  CHECK(a4.text_size < kMinTextSize);
  const std::string advice = page_advice(m.model, PageSize::a4, false);
  CHECK(advice.starts_with("at A3 the boxes print at "));
  const auto smallest = smallest_page(m.model, PageSize::a4, false, kMinTextSize);
  REQUIRE(smallest);
  CHECK(smallest->size == PageSize::a3);
  CHECK(smallest->text_size >= kMinTextSize);
  CHECK(!smallest_page(m.model, PageSize::a4, false, 40.0));
}
