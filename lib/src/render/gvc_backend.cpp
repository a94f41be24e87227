// SPDX-License-Identifier: Apache-2.0
// The only file that includes Graphviz. Lays out and renders DOT in this process. The plugins
// (core: svg; dot_layout; pango: text metrics, and pdf and png through cairo) are loaded
// when the first diagram is drawn, so `lmc check` never pays for cairo and pango.
#include <dlfcn.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <graphviz/gvplugin.h>

#include <fmt/format.h>

#include <algorithm>
#include <mutex>

#include "lmc/render.h"

namespace lmc {

namespace {

// The largest factor a small model is enlarged by to fill its page.
constexpr double kMaxScale = 1.5;

// The plugins as Graphviz's list of built-in libraries: names, then addresses, then a null
// entry. Handing them to gvContextPlugins() installs them before it picks a text layout
// engine, so pango measures the text.
struct Plugins {
  std::vector<std::string> names;
  std::vector<lt_symlist_t> symbols;
  std::string error;
};

const Plugins& plugins() {
  static const Plugins loaded = [] {
    Plugins p;
    for (const char* name : {"core", "dot_layout", "pango"}) {
      const std::string path = fmt::format("{}/libgvplugin_{}.so.6", LMC_GRAPHVIZ_PLUGIN_DIR, name);
      void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
      void* symbol =
          handle ? dlsym(handle, fmt::format("gvplugin_{}_LTX_library", name).c_str()) : nullptr;
      if (!symbol) {
        p.error = fmt::format(
            "Graphviz's {} plugin cannot be loaded from {}; it comes with Debian's libgvc6 "
            "package (apt-get install libgvc6)",
            name, path);
        return p;
      }
      p.names.push_back(fmt::format("gvplugin_{}_LTX_library", name));
      p.symbols.push_back(lt_symlist_t{nullptr, symbol});
    }
    for (std::size_t k = 0; k < p.names.size(); ++k) p.symbols[k].name = p.names[k].c_str();
    p.symbols.push_back(lt_symlist_t{nullptr, nullptr});
    return p;
  }();
  return loaded;
}

// Graphviz reports through a process-wide callback.
std::vector<std::string>* g_messages = nullptr;

int collect_message(char* message) {
  std::string m(message);
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  if (g_messages && !m.empty()) g_messages->push_back(std::move(m));
  return 0;
}

// cgraph's API predates const.
char* mutable_text(const char* s) {
  return const_cast<char*>(s);
}

void set(Agraph_t* g, const char* name, const std::string& value) {
  agsafeset(g, mutable_text(name), mutable_text(value.c_str()), mutable_text(""));
}

// SVG: the root element's size is the page's, exactly.
void set_svg_page(std::string& svg, const PageGeometry& page) {
  const auto root = svg.find("<svg");
  if (root == std::string::npos) return;
  for (const auto& [attr, value] : {std::pair{std::string(" width=\""), page.width},
                                    {std::string(" height=\""), page.height}}) {
    const auto at = svg.find(attr, root);
    if (at == std::string::npos) continue;
    const auto start = at + attr.size();
    const auto end = svg.find('"', start);
    svg.replace(start, end - start, fmt::format("{:.2f}pt", value));
  }
}

// PDF: cairo stamps the time of rendering; a fixed date of the same length keeps the bytes
// (and the cross-reference offsets) the same on every run.
void fix_pdf_date(std::string& pdf) {
  const std::string key = "/CreationDate (D:";
  const auto at = pdf.find(key);
  if (at == std::string::npos) return;
  const std::string fixed = "19700101000000";
  for (std::size_t k = 0; k < fixed.size() && at + key.size() + k < pdf.size(); ++k) {
    char& c = pdf[at + key.size() + k];
    if (c < '0' || c > '9') break;
    c = fixed[k];
  }
}

}  // namespace

RenderResult render_dot(const std::string& dot, const RenderOptions& options) {
  static std::mutex one_at_a_time;
  const std::lock_guard lock(one_at_a_time);
  RenderResult result;
  const Plugins& p = plugins();
  if (!p.error.empty()) {
    result.error = p.error;
    return result;
  }
  g_messages = &result.messages;
  agseterr(AGWARN);
  agseterrf(&collect_message);

  GVC_t* gvc = gvContextPlugins(p.symbols.data(), 0);

  Agraph_t* g = agmemread(dot.c_str());
  if (!g) {
    result.error = "Graphviz could not read the diagram";
  } else if (gvLayout(gvc, g, "dot") != 0) {
    result.error = "Graphviz could not lay out the diagram";
  } else {
    const boxf bb = GD_bb(g);
    const double w = std::max(bb.UR.x - bb.LL.x, 1.0), h = std::max(bb.UR.y - bb.LL.y, 1.0);
    const PageGeometry& page = options.page;
    // Scale into the printable area, then pad the drawing out to the whole page: the pad is
    // scaled with the drawing, so it is worked out in the drawing's units.
    const double scale = std::min(
        {(page.width - 2 * kPageMargin) / w, (page.height - 2 * kPageMargin) / h, kMaxScale});
    const double pad_x = (page.width / scale - w) / 2, pad_y = (page.height / scale - h) / 2;
    // Size and resolution were read when the layout began; set them where the renderer looks.
    // The pad is read when rendering begins.
    GD_drawing(g)->size = pointf{page.width, page.height};
    GD_drawing(g)->filled = TRUE;
    GD_drawing(g)->dpi = options.format == OutputFormat::png ? options.dpi : 72;
    set(g, "pad", fmt::format("{:.4f},{:.4f}", pad_x / 72, pad_y / 72));
    const char* format = options.format == OutputFormat::pdf   ? "pdf:cairo"
                         : options.format == OutputFormat::png ? "png:cairo"
                                                               : "svg";
    if (options.format == OutputFormat::dot) format = "dot";
    char* data = nullptr;
    unsigned int length = 0;
    if (gvRenderData(gvc, g, format, &data, &length) != 0 || !data) {
      result.error = fmt::format("Graphviz could not render {}", to_string(options.format));
    } else {
      result.data.assign(data, length);
      gvFreeRenderData(data);
      if (options.format == OutputFormat::svg) set_svg_page(result.data, page);
      if (options.format == OutputFormat::pdf) fix_pdf_date(result.data);
    }
    gvFreeLayout(gvc, g);
  }
  if (g) agclose(g);
  gvFreeContext(gvc);
  agseterrf(nullptr);
  g_messages = nullptr;
  return result;
}

}  // namespace lmc
