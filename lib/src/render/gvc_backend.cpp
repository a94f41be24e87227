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
  std::vector<std::string> warnings;
};

// The fonts every diagram is measured and drawn with, and the Debian package of each. Text
// width decides the layout, so lmc gives fontconfig these files and no others: every machine
// draws the same diagram, and fontconfig does not read the whole system's font cache.
struct FontFile {
  const char* file;
  const char* package;
  bool required;
};
constexpr FontFile kFonts[] = {
    {"dejavu/DejaVuSans.ttf", "fonts-dejavu-core", true},
    {"dejavu/DejaVuSans-Bold.ttf", "fonts-dejavu-core", true},
    {"dejavu/DejaVuSans-Oblique.ttf", "fonts-dejavu-extra", false},
    {"dejavu/DejaVuSans-BoldOblique.ttf", "fonts-dejavu-extra", false},
    {"noto/NotoSansArabic-Regular.ttf", "fonts-noto-core", false},
    {"noto/NotoSansArabic-Bold.ttf", "fonts-noto-core", false},
    {"noto/NotoColorEmoji.ttf", "fonts-noto-color-emoji", false},
};

// fontconfig's own rule (10-scale-bitmap-fonts.conf) for drawing a bitmap font, such as the
// colour emoji, at the size asked for rather than at the size of its bitmaps.
constexpr const char* kScaleBitmapFonts = R"(<?xml version="1.0"?>
<fontconfig>
  <match target="font">
    <test name="outline" compare="eq"><bool>false</bool></test>
    <edit name="pixelsizefixupfactor" mode="assign">
      <divide><name target="pattern">pixelsize</name><name target="font">pixelsize</name></divide>
    </edit>
  </match>
  <match target="font">
    <test name="outline" compare="eq"><bool>false</bool></test>
    <test name="pixelsizefixupfactor" compare="not_eq"><double>1.0</double></test>
    <edit name="matrix" mode="assign">
      <times><name>matrix</name>
        <matrix><name>pixelsizefixupfactor</name><double>0</double>
                <double>0</double><name>pixelsizefixupfactor</name></matrix>
      </times>
    </edit>
    <edit name="size" mode="assign"><divide><name>size</name><name>pixelsizefixupfactor</name></divide></edit>
  </match>
</fontconfig>)";

// Points fontconfig (already loaded with the pango plugin) at kFonts. Returns an error when a
// required font is missing; notes the optional ones that are.
std::string use_fixed_fonts(std::vector<std::string>& warnings) {
  void* fc = dlopen("libfontconfig.so.1", RTLD_NOW | RTLD_LOCAL);
  if (!fc) return "fontconfig (libfontconfig1) cannot be loaded";
  using Create = void* (*)();
  using AddFile = int (*)(void*, const unsigned char*);
  using SetCurrent = int (*)(void*);
  using ParseMemory = int (*)(void*, const unsigned char*, int);
  auto create = reinterpret_cast<Create>(dlsym(fc, "FcConfigCreate"));
  auto add_file = reinterpret_cast<AddFile>(dlsym(fc, "FcConfigAppFontAddFile"));
  auto set_current = reinterpret_cast<SetCurrent>(dlsym(fc, "FcConfigSetCurrent"));
  auto parse = reinterpret_cast<ParseMemory>(dlsym(fc, "FcConfigParseAndLoadFromMemory"));
  if (!create || !add_file || !set_current || !parse) {
    return "this fontconfig lacks FcConfigAppFontAddFile or FcConfigParseAndLoadFromMemory";
  }
  void* config = create();
  parse(config, reinterpret_cast<const unsigned char*>(kScaleBitmapFonts), 1);
  for (const FontFile& f : kFonts) {
    const std::string path = fmt::format("{}/{}", LMC_FONT_DIR, f.file);
    if (add_file(config, reinterpret_cast<const unsigned char*>(path.c_str()))) continue;
    const std::string missing =
        fmt::format("font {} is missing (apt-get install {})", path, f.package);
    if (f.required) return missing;
    warnings.push_back(missing + "; text it covers is drawn with another font");
  }
  set_current(config);
  return {};
}

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
    p.error = use_fixed_fonts(p.warnings);
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

// Graphviz keeps global state: one layout or render at a time in the process.
std::mutex& graphviz_lock() {
  static std::mutex m;
  return m;
}

}  // namespace

RenderResult render_dot(const std::string& dot, const RenderOptions& options) {
  const std::lock_guard lock(graphviz_lock());
  RenderResult result;
  const Plugins& p = plugins();
  if (!p.error.empty()) {
    result.error = p.error;
    return result;
  }
  result.messages = p.warnings;
  g_messages = &result.messages;
  agseterr(AGWARN);
  agseterrf(&collect_message);

  // One context for the life of the process: the pango plugin caches the last font name it
  // measured, and that string belongs to the context, so a second context would find it freed.
  static GVC_t* const gvc = gvContextPlugins(p.symbols.data(), 0);

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
  agseterrf(nullptr);
  g_messages = nullptr;
  return result;
}

}  // namespace lmc
