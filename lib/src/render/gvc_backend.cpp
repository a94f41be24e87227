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
#include <type_traits>

#include "lmc/render.h"
#include "render/layout.h"

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
    for (const char* name : {"core", "dot_layout", "neato_layout", "pango"}) {
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

// One context for the life of the process: the pango plugin caches the last font name it
// measured, and that string belongs to the context, so a second context would find it freed.
GVC_t* context(const Plugins& p) {
  static GVC_t* const gvc = gvContextPlugins(p.symbols.data(), 0);
  return gvc;
}

// Renders a laid-out graph onto the page (Graphviz scales it to the page's size), padded by
// (pad_x, pad_y) in the drawing's units.
void draw(GVC_t* gvc, Agraph_t* g, const RenderOptions& options, double pad_x, double pad_y,
          RenderResult& result) {
  const PageGeometry& page = options.page;
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
    return;
  }
  result.data.assign(data, length);
  gvFreeRenderData(data);
  if (options.format == OutputFormat::svg) set_svg_page(result.data, page);
  if (options.format == OutputFormat::pdf) fix_pdf_date(result.data);
}

// The few cairo functions a book needs, from the cairo the pango plugin already loaded: lmc
// does not link cairo, so `lmc check` does not pay for loading it.
struct Cairo {
  using WriteFn = int (*)(void*, const unsigned char*, unsigned int);
  void* (*pdf_surface_create_for_stream)(WriteFn, void*, double, double) = nullptr;
  void (*pdf_surface_set_size)(void*, double, double) = nullptr;
  void* (*create)(void*) = nullptr;
  void (*destroy)(void*) = nullptr;
  void* (*create_for_rectangle)(void*, double, double, double, double) = nullptr;
  void (*surface_show_page)(void*) = nullptr;
  void (*surface_finish)(void*) = nullptr;
  void (*surface_destroy)(void*) = nullptr;
  int (*surface_status)(void*) = nullptr;
  void (*tag_begin)(void*, const char*, const char*) = nullptr;
  void (*tag_end)(void*, const char*) = nullptr;

  bool load() {
    void* lib = dlopen("libcairo.so.2", RTLD_NOW | RTLD_LOCAL);
    if (!lib) return false;
    auto get = [&](auto& fn, const char* name) {
      fn = reinterpret_cast<std::remove_reference_t<decltype(fn)>>(dlsym(lib, name));
      return fn != nullptr;
    };
    return get(pdf_surface_create_for_stream, "cairo_pdf_surface_create_for_stream") &&
           get(pdf_surface_set_size, "cairo_pdf_surface_set_size") && get(create, "cairo_create") &&
           get(destroy, "cairo_destroy") &&
           get(create_for_rectangle, "cairo_surface_create_for_rectangle") &&
           get(surface_show_page, "cairo_surface_show_page") &&
           get(surface_finish, "cairo_surface_finish") &&
           get(surface_destroy, "cairo_surface_destroy") &&
           get(surface_status, "cairo_surface_status") && get(tag_begin, "cairo_tag_begin") &&
           get(tag_end, "cairo_tag_end");
  }
};

// One use of Graphviz: holds the lock (Graphviz keeps global state), collects its messages
// into the result, and gives the context; null, with the result's error saying why, when the
// plugins could not be loaded.
class Session {
 public:
  explicit Session(RenderResult& result) : lock_(graphviz_lock()) {
    const Plugins& p = plugins();
    if (!p.error.empty()) {
      result.error = p.error;
      return;
    }
    result.messages = p.warnings;
    g_messages = &result.messages;
    agseterr(AGWARN);
    agseterrf(&collect_message);
    gvc_ = context(p);
  }
  ~Session() {
    if (!gvc_) return;
    agseterrf(nullptr);
    g_messages = nullptr;
  }
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  GVC_t* gvc() const { return gvc_; }

 private:
  std::lock_guard<std::mutex> lock_;
  GVC_t* gvc_ = nullptr;
};

// The box order to_dot() noted in the DOT's first line, to carry into the drawing.
std::string_view memo_of(std::string_view dot) {
  const auto at = dot.find(render::layout_memo_tag());
  if (at == std::string_view::npos) return {};
  const auto end = dot.find(']', at);
  const auto line_end = dot.find('\n', at);
  if (end == std::string_view::npos || end > line_end) return {};
  return dot.substr(at, end + 1 - at);
}

std::uint32_t crc32(std::string_view bytes) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char c : bytes) {
    crc ^= c;
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

// Writes the memo where a reader of the file skips it: SVG metadata, a PNG text chunk, a PDF
// comment after the trailer (no object moves, so the cross-reference table stays right).
void embed_memo(std::string& data, OutputFormat format, std::string_view memo) {
  if (memo.empty()) return;
  if (format == OutputFormat::svg) {
    const auto root = data.find("<svg");
    const auto close = root == std::string::npos ? root : data.find('>', root);
    if (close != std::string::npos) {
      data.insert(close + 1, fmt::format("\n<metadata>{}</metadata>", memo));
    }
  } else if (format == OutputFormat::png) {
    const auto iend = data.rfind("IEND");
    if (iend == std::string::npos || iend < 4) return;
    std::string chunk = "tEXtlmc-layout";
    chunk += '\0';
    chunk += memo;
    const auto length = static_cast<std::uint32_t>(chunk.size() - 4);
    const std::uint32_t crc = crc32(chunk);
    std::string out;
    for (int k = 3; k >= 0; --k) out += static_cast<char>((length >> (8 * k)) & 0xFF);
    out += chunk;
    for (int k = 3; k >= 0; --k) out += static_cast<char>((crc >> (8 * k)) & 0xFF);
    data.insert(iend - 4, out);
  } else if (format == OutputFormat::pdf) {
    const auto at = data.rfind("startxref");
    if (at != std::string::npos) data.insert(at, fmt::format("%{}\n", memo));
  }
}

}  // namespace

RenderResult render_book(const std::vector<BookPage>& pages) {
  RenderResult result;
  for (const BookPage& page : pages) {
    if (page.dot.empty()) {
      result.error = "nothing to draw on a page: its model is too large to lay out";
      return result;
    }
  }
  const Session session(result);
  GVC_t* const gvc = session.gvc();
  if (!gvc) return result;
  static Cairo cairo;
  static const bool cairo_loaded = cairo.load();
  if (!cairo_loaded) {
    result.error = "cairo (libcairo2) cannot be loaded to write a PDF of several pages";
    return result;
  }
  const PageGeometry first = pages.empty() ? page_geometry(PageSize::a4, false) : pages[0].page;
  auto write = [](void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return 0;  // CAIRO_STATUS_SUCCESS
  };
  void* surface =
      cairo.pdf_surface_create_for_stream(write, &result.data, first.width, first.height);
  for (std::size_t k = 0; k < pages.size() && result.error.empty(); ++k) {
    const BookPage& page = pages[k];
    Agraph_t* g = agmemread(page.dot.c_str());
    if (!g || gvLayout(gvc, g, "nop2") != 0) {
      result.error = fmt::format("Graphviz could not lay out page {} of the book", k + 1);
      if (g) agclose(g);
      break;
    }
    cairo.pdf_surface_set_size(surface, page.page.width, page.page.height);
    GD_drawing(g)->size = pointf{page.page.width, page.page.height};
    GD_drawing(g)->filled = TRUE;
    GD_drawing(g)->dpi = 72;
    set(g, "pad", "0");
    // The links go on the page first, in the book's own context.
    void* book = cairo.create(surface);
    const double height = GD_bb(g).UR.y;
    for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
      const char* go = agget(n, mutable_text("lmc_goto"));
      if (!go || !*go) continue;
      const double w = ND_width(n) * 72, h = ND_height(n) * 72;
      const pointf c = ND_coord(n);
      const std::string attrs = fmt::format("rect=[{:.2f} {:.2f} {:.2f} {:.2f}] page={}",
                                            c.x - w / 2, height - c.y - h / 2, w, h, go);
      cairo.tag_begin(book, "Link", attrs.c_str());
      cairo.tag_end(book, "Link");
    }
    // Graphviz's PDF renderer ends its page by finishing the surface it draws on: it draws on
    // a view of the book's page, which it may finish; the book then turns the page.
    void* view = cairo.create_for_rectangle(surface, 0, 0, page.page.width, page.page.height);
    void* cr = cairo.create(view);
    if (gvRenderContext(gvc, g, "pdf:cairo", cr) != 0) {
      result.error = fmt::format("Graphviz could not draw page {} of the book", k + 1);
    }
    cairo.destroy(cr);
    cairo.surface_destroy(view);
    cairo.surface_show_page(surface);
    cairo.destroy(book);
    gvFreeLayout(gvc, g);
    agclose(g);
  }
  cairo.surface_finish(surface);
  if (cairo.surface_status(surface) != 0 && result.error.empty()) {
    result.error = "cairo could not write the book";
  }
  cairo.surface_destroy(surface);
  if (!result.error.empty()) {
    result.data.clear();
  } else {
    fix_pdf_date(result.data);
  }
  return result;
}

namespace render {

std::vector<std::vector<int>> dot_order(const Diagram& d,
                                        const std::vector<std::vector<int>>& reference) {
  std::vector<std::vector<int>> order = reference;
  if (d.columns.empty()) return order;
  std::vector<int> column(d.boxes.size(), 0), slot(d.boxes.size(), 0);
  for (std::size_t c = 0; c < reference.size(); ++c) {
    for (std::size_t k = 0; k < reference[c].size(); ++k) {
      column[reference[c][k]] = static_cast<int>(c);
      slot[reference[c][k]] = static_cast<int>(k);
    }
  }
  // Only the ordering matters: boxes of one size, no labels, no splines. Nodes and links are
  // given in the reference order, which is where dot's crossing reduction starts from.
  std::string dot =
      "digraph order {\n graph [rankdir=LR, newrank=true, splines=false, nodesep=0.1, "
      "ranksep=0.3];\n node [shape=box, fixedsize=true, width=1, height=0.4, label=\"\"];\n";
  // Boxes first, so dot meets them in the reference order; then an anchor at the end of each
  // column, chained, to keep the columns in order where no link joins two of them.
  for (std::size_t c = 0; c < reference.size(); ++c) {
    dot += " {rank=same;";
    for (int b : reference[c]) dot += fmt::format(" b{};", b);
    dot += fmt::format(" c{};}}\n", c);
  }
  std::vector<std::pair<int, int>> links;
  for (const Edge& e : d.edges) {
    int a = e.from, b = e.to;
    if (column[a] > column[b]) std::swap(a, b);  // against the flow: ordered as if along it
    links.emplace_back(a, b);
  }
  std::stable_sort(links.begin(), links.end(), [&](auto x, auto y) {
    return std::tuple{column[x.first], slot[x.first], column[x.second], slot[x.second]} <
           std::tuple{column[y.first], slot[y.first], column[y.second], slot[y.second]};
  });
  for (const auto& [a, b] : links) dot += fmt::format(" b{} -> b{};\n", a, b);
  for (std::size_t c = 1; c < reference.size(); ++c) {
    dot += fmt::format(" c{} -> c{} [style=invis, weight=0];\n", c - 1, c);
  }
  dot += "}\n";

  const std::lock_guard lock(graphviz_lock());
  const Plugins& p = plugins();
  if (!p.error.empty()) return order;
  GVC_t* const gvc = context(p);
  agseterr(AGMAX);  // nothing this graph does is worth a message
  Agraph_t* g = agmemread(dot.c_str());
  if (!g) return order;
  if (gvLayout(gvc, g, "dot") == 0) {
    for (auto& col : order) {
      std::vector<std::pair<double, int>> placed;
      for (int b : col) {
        const std::string name = fmt::format("b{}", b);
        Agnode_t* n = agnode(g, mutable_text(name.c_str()), 0);
        placed.emplace_back(n ? -ND_coord(n).y : 0.0, b);
      }
      std::stable_sort(placed.begin(), placed.end(),
                       [](auto x, auto y) { return x.first < y.first; });
      for (std::size_t k = 0; k < col.size(); ++k) col[k] = placed[k].second;
    }
    gvFreeLayout(gvc, g);
  }
  agclose(g);
  agseterr(AGWARN);
  return order;
}

}  // namespace render

RenderResult render_dot(const std::string& dot, const RenderOptions& options) {
  RenderResult result;
  if (dot.empty()) {
    result.error = "nothing to draw: the model is too large to lay out";
    return result;
  }
  const Session session(result);
  GVC_t* const gvc = session.gvc();
  if (!gvc) return result;
  Agraph_t* g = agmemread(dot.c_str());
  // DOT from to_dot() has every position: Graphviz only draws it, on a page of its own size.
  // DOT from to_dot() has every position and is its page already: Graphviz only draws it.
  // Other DOT is laid out by dot and scaled into the margins.
  const char* placed_page = g ? agget(g, mutable_text("lmc_page")) : nullptr;
  const bool placed = placed_page && *placed_page;
  if (!g) {
    result.error = "Graphviz could not read the diagram";
  } else if (gvLayout(gvc, g, placed ? "nop2" : "dot") != 0) {
    result.error = "Graphviz could not lay out the diagram";
  } else {
    const boxf bb = GD_bb(g);
    const double w = std::max(bb.UR.x - bb.LL.x, 1.0), h = std::max(bb.UR.y - bb.LL.y, 1.0);
    const PageGeometry& page = options.page;
    const double margin = placed ? 0 : page.margin;
    // Scale into the printable area, then pad the drawing out to the whole page: the pad is
    // scaled with the drawing, so it is worked out in the drawing's units.
    const double scale = std::min(
        {(page.width - 2 * margin) / w, (page.height - 2 * margin) / h, placed ? 1e9 : kMaxScale});
    const double pad_x = (page.width / scale - w) / 2, pad_y = (page.height / scale - h) / 2;
    draw(gvc, g, options, pad_x, pad_y, result);
    if (placed) embed_memo(result.data, options.format, memo_of(dot));
    gvFreeLayout(gvc, g);
  }
  if (g) agclose(g);
  return result;
}

}  // namespace lmc
