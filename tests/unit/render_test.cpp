// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <sstream>

#include "expectations.h"
#include "lmc/check.h"
#include "lmc/graph.h"
#include "lmc/load.h"
#include "lmc/render.h"
#include "render/diagram.h"
#include "render/layout.h"

using namespace lmc;
using namespace lmc::test;

namespace {

Model model_of(const std::string& text) {
  return load_model("m.yaml", text).model;
}

// The text of an SVG's <text> elements, entities decoded, joined by spaces.
std::string svg_text(const std::string& svg) {
  static const std::regex kText("<text[^>]*>([^<]*)</text>");
  std::string out;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), kText); it != std::sregex_iterator();
       ++it) {
    std::string t = (*it)[1];
    for (const auto& [entity, c] :
         std::initializer_list<std::pair<std::string, std::string>>{{"&lt;", "<"},
                                                                    {"&gt;", ">"},
                                                                    {"&quot;", "\""},
                                                                    {"&#39;", "'"},
                                                                    {"&#45;", "-"},
                                                                    {"&amp;", "&"}}) {
      for (std::size_t at; (at = t.find(entity)) != std::string::npos;)
        t.replace(at, entity.size(), c);
    }
    out += t + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("pages are the ISO and US sizes, in points") {
  const PageGeometry a4 = page_geometry(PageSize::a4, false);
  CHECK(a4.width == Approx(841.89).epsilon(1e-4));
  CHECK(a4.height == Approx(595.28).epsilon(1e-4));
  const PageGeometry letter = page_geometry(PageSize::letter, true);
  CHECK(letter.width == 612);
  CHECK(letter.height == 792);
  CHECK(parse_page_size("tabloid") == PageSize::tabloid);
  CHECK_FALSE(parse_page_size("a6").has_value());
}

TEST_CASE("DOT escapes every user text: nothing in a label becomes markup or DOT") {
  const Model m = model_of(read_file(std::string(LMC_SOURCE_DIR) + "/tests/render/hostile.yaml"));
  const std::string dot = to_dot(m);
  CHECK(dot.find("<script>") == std::string::npos);
  CHECK(dot.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(dot.find("label=\"x\"]; evil") == std::string::npos);
  CHECK(dot.find("label=&quot;x&quot;];") != std::string::npos);
  // Backslashes are doubled, so Graphviz's \N, \G and \n are not expanded.
  CHECK(dot.find("\\\\N \\\\G") != std::string::npos);
  CHECK(dot == to_dot(m));
}

TEST_CASE("assumptions and factors are numbered in file order and badge what they are about") {
  const Model m = model_of(
      "logic_model: 1\ntitle: T\n"
      "activities:\n  - {id: a, label: A, to: [o]}\n"
      "outputs:\n  - {id: o, label: O}\n"
      "assumptions:\n  - {id: x, text: X, about: [\"a -> o\"]}\n  - {id: y, text: Y, about: [o]}\n"
      "external_factors:\n  - {id: w, text: W, affects: [o]}\n");
  const std::string dot = to_dot(m);
  // The link's badge is on the link, in two lines, or its id alone where the gap is narrow
  // (the band gives its status); the item's badges are on the item.
  CHECK((dot.find("<B>A1 ○<BR/>untested</B>") != std::string::npos ||
         dot.find("<B>A1</B>") != std::string::npos));
  CHECK(dot.find("<B>A2 ○ untested</B>") != std::string::npos);
  CHECK(dot.find("<B>E1</B>") != std::string::npos);
  // The band lists A1 with its status by symbol and word.
  CHECK(dot.find("<B>A1</B></TD><TD VALIGN=\"TOP\"") != std::string::npos);
}

TEST_CASE("annotations outline items with errors and warnings, not by colour alone") {
  const std::string text =
      "logic_model: 1\ntitle: T\n"
      "activities:\n  - {id: a, label: A, to: [nowhere]}\n  - {id: b, label: B}\n";
  const auto diags = check_text(text);
  const Decorations d = annotate_findings(model_of(text), diags);
  REQUIRE(d.items.count("a") == 1);
  CHECK(d.items.at("a").color == "#CC3311");
  CHECK_FALSE(d.items.at("a").dashed);
  REQUIRE(d.items.count("b") == 1);
  CHECK(d.items.at("b").dashed);
  // Each finding is numbered and listed; the key says what each outline means.
  CHECK(d.item_markers.at("a") == 1);
  CHECK(d.findings.size() == diags.size());
  CHECK(d.key.size() >= 2);
}

TEST_CASE("every example renders to an SVG of the page's size holding every label") {
  for (const auto& file : yaml_files("examples")) {
    const Model m = model_of(read_file(file));
    RenderOptions options;
    options.format = OutputFormat::svg;
    const RenderResult r = render_dot(to_dot(m), options);
    INFO(file.filename().string());
    REQUIRE(r.error.empty());
    CHECK(r.messages.empty());
    CHECK(r.data.find("<svg width=\"841.89pt\" height=\"595.28pt\"") != std::string::npos);
    // Words broken across lines are joined again: hyphenated ("multidisci-" "plinary") or
    // broken after a hyphen or "/" written in them ("Practice-" "based", "moderate/" "severe").
    const std::string lines = svg_text(r.data);
    std::string text = lines, kept = lines;
    for (std::size_t at; (at = text.find("-\n")) != std::string::npos;) text.erase(at, 2);
    for (std::size_t at; (at = kept.find("-\n")) != std::string::npos;) kept.erase(at + 1, 1);
    for (std::size_t at; (at = kept.find("/\n")) != std::string::npos;) kept.erase(at + 1, 1);
    text += "\n" + kept;
    for (const Item& it : m.items) {
      std::istringstream words(it.label.value);
      for (std::string w; words >> w;) {
        INFO(it.id.value << ": " << w);
        CHECK(text.find(w) != std::string::npos);
      }
    }
    for (const Assumption& a : m.assumptions) {
      std::istringstream words(a.text.value);
      for (std::string w; words >> w;) CHECK(text.find(w) != std::string::npos);
    }
  }
}

TEST_CASE("a PDF is one page of the chosen size with a fixed creation date") {
  const Model m =
      model_of(read_file(std::string(LMC_SOURCE_DIR) + "/examples/ehch-care-homes.yaml"));
  RenderOptions options;
  options.format = OutputFormat::pdf;
  options.page = page_geometry(PageSize::a3, true);
  const RenderResult r = render_dot(to_dot(m), options);
  REQUIRE(r.error.empty());
  std::size_t pages = 0;
  for (std::size_t at = 0; (at = r.data.find("/Type /Page", at)) != std::string::npos; ++at) {
    pages += r.data.compare(at, 12, "/Type /Pages") != 0;
  }
  CHECK(pages == 1);
  CHECK(r.data.find("/MediaBox [ 0 0 842 1191 ]") != std::string::npos);
  CHECK(r.data.find("/CreationDate (D:19700101000000") != std::string::npos);
}

TEST_CASE("a PNG is the page at the chosen resolution") {
  const Model m =
      model_of(read_file(std::string(LMC_SOURCE_DIR) + "/examples/mcp-neighbourhood.yaml"));
  RenderOptions options;
  options.format = OutputFormat::png;
  options.dpi = 100;
  const RenderResult r = render_dot(to_dot(m), options);
  REQUIRE(r.error.empty());
  REQUIRE(r.data.size() > 24);
  auto be32 = [&](std::size_t at) {
    return (static_cast<unsigned char>(r.data[at]) << 24) |
           (static_cast<unsigned char>(r.data[at + 1]) << 16) |
           (static_cast<unsigned char>(r.data[at + 2]) << 8) |
           static_cast<unsigned char>(r.data[at + 3]);
  };
  CHECK(r.data.compare(1, 3, "PNG") == 0);
  CHECK(be32(16) == 1169);  // 297 mm at 100 dpi
  CHECK(be32(20) == 827);   // 210 mm
}

TEST_CASE("a drawing remembers its box order and an edit drawn over it keeps most of it") {
  const std::string text =
      read_file(std::string(LMC_SOURCE_DIR) + "/examples/mcp-neighbourhood.yaml");
  const Model before = model_of(text);
  const std::string first = to_dot(before);
  const auto order = read_layout_memo(first);
  REQUIRE(order.size() == 7);  // seven columns
  CHECK(order[1].size() == 4);

  // The same model drawn over its own drawing is the same drawing.
  DiagramOptions again;
  again.previous_order = order;
  CHECK(to_dot(before, {}, again) == first);

  // One more activity, and one more link: few pairs of boxes change places.
  std::string edited = text;
  const auto at = edited.find("outputs:");
  REQUIRE(at != std::string::npos);
  edited.insert(at,
                "  - id: social-prescribing\n    label: Social prescribing link workers\n"
                "    to: [shared-plans]\n");
  const Model after = model_of(edited);
  const auto now = read_layout_memo(to_dot(after, {}, again));
  long flipped = 0, pairs = 0;
  for (std::size_t c = 0; c < now.size(); ++c) {
    for (std::size_t i = 0; i < now[c].size(); ++i) {
      for (std::size_t j = i + 1; j < now[c].size(); ++j) {
        auto pos = [&](const std::string& id) {
          return std::find(order[c].begin(), order[c].end(), id) - order[c].begin();
        };
        const auto a = pos(now[c][i]), b = pos(now[c][j]);
        if (a == static_cast<long>(order[c].size()) || b == static_cast<long>(order[c].size())) {
          continue;
        }
        ++pairs;
        flipped += a > b;
      }
    }
  }
  INFO(flipped << " of " << pairs << " pairs flipped");
  CHECK(pairs > 10);
  CHECK(flipped * 100 <= pairs * 15);
}

TEST_CASE("the layout memo is found again in every format lmc draws") {
  const Model m = model_of("logic_model: 1\ntitle: T\nactivities:\n  - {id: a, label: A}\n");
  for (OutputFormat format : {OutputFormat::svg, OutputFormat::pdf, OutputFormat::png}) {
    RenderOptions options;
    options.format = format;
    const RenderResult r = render_dot(to_dot(m), options);
    REQUIRE(r.error.empty());
    const auto memo = read_layout_memo(r.data);
    REQUIRE(memo.size() == 1);
    CHECK(memo[0] == std::vector<std::string>{"a"});
  }
  CHECK(read_layout_memo("no memo here").empty());
  CHECK(read_layout_memo("lmc-layout/1 [ a b").empty());  // cut off: nothing is trusted
}

TEST_CASE("every link of every model is an edge of its drawing, misordered ones included") {
  std::vector<std::filesystem::path> files = yaml_files("examples");
  for (const char* dir : {"examples/broken", "tests/rules", "tests/render"}) {
    for (const auto& f : yaml_files(dir)) files.push_back(f);
  }
  int checked = 0;
  for (const auto& file : files) {
    const LoadResult loaded = load_model(file.string(), read_file(file));
    if (!loaded.usable) continue;
    const Model& m = loaded.model;
    const Graph g(m);
    RenderOptions options;
    const RenderResult r = render_dot(to_dot(m), options);
    INFO(file.string());
    REQUIRE(r.error.empty());
    std::string svg = r.data;
    for (std::size_t at; (at = svg.find("&#45;")) != std::string::npos;) svg.replace(at, 5, "-");
    auto drawn = [&](int a, int b) {
      const std::string id = "id=\"link." + m.items[a].id.value + "." + m.items[b].id.value + "\"";
      return svg.find(id) != std::string::npos;
    };
    std::size_t edges = 0;
    for (std::size_t at = 0; (at = svg.find("class=\"edge link", at)) != std::string::npos; ++at) {
      ++edges;
    }
    CHECK(edges >= g.links().size());
    for (const Graph::Link& link : g.links()) {
      // An item without a valid id (already an error) has no id to find its edge by.
      if (m.items[link.from].id.value.empty() || m.items[link.to].id.value.empty()) continue;
      INFO(m.items[link.from].id.value << " -> " << m.items[link.to].id.value);
      CHECK(drawn(link.from, link.to));
      ++checked;
    }
    for (const Graph::BadRef& bad : g.bad_refs()) {
      if (bad.status != Graph::RefStatus::misordered) continue;
      CHECK(drawn(bad.from, bad.to));
      CHECK(svg.find("class=\"edge link misordered\"") != std::string::npos);
      ++checked;
    }
  }
  CHECK(checked > 100);
}

// The room badges take on a page (issue #22): gaps widened by what a first drawing shows
// they are short of, paid for with at most a twentieth of the box text, and never on a
// projector's slide.
TEST_CASE(
    "badge room costs the boxes at most a twentieth (three below 7 pt), and nothing on a "
    "projector's slide") {
  std::vector<std::filesystem::path> files = yaml_files("tests/render/workshop");
  for (const auto& f : yaml_files("examples")) files.push_back(f);
  int widened = 0;
  for (const auto& file : files) {
    const LoadResult loaded = load_model(file.string(), read_file(file));
    if (!loaded.usable) continue;
    const Graph graph(loaded.model);
    render::Diagram d = render::build_diagram(loaded.model, graph, {}, false);
    render::order_columns(d, {});
    for (const PageSize size : {PageSize::a4, PageSize::screen}) {
      for (const bool portrait : {false, true}) {
        const PageGeometry page = page_geometry(size, portrait);
        INFO(file.string() << (size == PageSize::screen ? " screen" : " A4")
                           << (portrait ? " portrait" : " landscape"));
        const double plain = render::fit_text_size(d, page);
        render::BadgeRoom room;
        const double f = render::fit_text_size(d, page, nullptr, nullptr, &room);
        CHECK(f <= plain);
        CHECK(f >= plain * (plain < render::kMinPrintedSize ? 0.85 : 0.95) - 0.01);
        if (plain >= render::kMinPrintedSize) CHECK(f >= render::kMinPrintedSize);
        if (plain >= 10) CHECK(f >= 10);
        if (page.screen) CHECK(f == plain);
        for (const double x : room.extra) widened += x > 0;
      }
    }
  }
  CHECK(widened > 0);  // the care-home example and the workshop models widen gaps
}

TEST_CASE("a widened gap gives each badge on a link across it its own room") {
  const auto file = std::filesystem::path(LMC_SOURCE_DIR) / "examples/ehch-care-homes.yaml";
  const LoadResult loaded = load_model(file.string(), read_file(file));
  REQUIRE(loaded.usable);
  const Graph graph(loaded.model);
  render::Diagram d = render::build_diagram(loaded.model, graph, {}, false);
  render::order_columns(d, {});
  const PageGeometry page = page_geometry(PageSize::a4, false);
  render::BadgeRoom room;
  const double f = render::fit_text_size(d, page, nullptr, nullptr, &room);
  const render::Placed without = render::place(d, page, f, {});
  const render::Placed with = render::place(d, page, f, room);
  double short_without = 0, short_with = 0;
  for (const double s : without.gap_short) short_without += s;
  for (const double s : with.gap_short) short_with += s;
  CHECK(short_without > 5);  // the outputs' gap is too narrow for two badges beside a link
  CHECK(short_with < 1);
  CHECK(page_geometry(PageSize::screen, false).screen);
  CHECK_FALSE(page_geometry(PageSize::a4, false).screen);
}
