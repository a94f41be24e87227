// SPDX-License-Identifier: Apache-2.0
#include "driver/workbook.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>

#include "lmc/results.h"

namespace lmc::driver {

namespace {

namespace fs = std::filesystem;

// Excel counts a column's width in characters of its default font; a column is as wide as its
// longest line, within bounds that keep a sheet readable (long texts wrap).
constexpr double kMinWidth = 8;
constexpr double kMaxWidth = 60;

// A cell's width in characters: code points, not bytes, of its longest line.
double text_width(const std::string& s) {
  double widest = 0, line = 0;
  for (unsigned char c : s) {
    if (c == '\n') {
      widest = std::max(widest, line);
      line = 0;
    } else if ((c & 0xC0) != 0x80) {
      ++line;
    }
  }
  return std::max(widest, line);
}

// A text as a cell holds it: Excel keeps at most 32,767 characters; a longer one (a pasted
// document) is cut at a character boundary and says so.
std::string fitted(const std::string& s) {
  constexpr std::size_t kMax = 32767 - 16;  // bytes: never more characters than that
  if (s.size() <= kMax) return s;
  std::size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + " [cut]";
}

// The days from 1970-01-01 to Excel's day zero (1899-12-30).
constexpr double kExcelEpoch = 25569;

struct Formats {
  lxw_format* header = nullptr;
  lxw_format* date = nullptr;
  lxw_format* wrap = nullptr;
  std::map<int, lxw_format*> percent;  ///< by decimals
};

lxw_format* percent_format(lxw_workbook* wb, Formats& f, int decimals) {
  decimals = std::clamp(decimals, 0, 10);
  auto [at, fresh] = f.percent.emplace(decimals, nullptr);
  if (fresh) {
    at->second = workbook_add_format(wb);
    const std::string code = decimals ? "0." + std::string(decimals, '0') + "%" : "0%";
    format_set_num_format(at->second, code.c_str());
  }
  return at->second;
}

lxw_error write_sheet(lxw_workbook* wb, Formats& f, const Sheet& sheet) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.name.c_str());
  if (!ws) return LXW_ERROR_SHEETNAME_ALREADY_USED;
  std::vector<double> widths(sheet.columns.size(), kMinWidth);
  for (std::size_t c = 0; c < sheet.columns.size(); ++c) {
    widths[c] = std::max(widths[c], text_width(sheet.columns[c]) + 2);
    if (lxw_error e = worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c),
                                             sheet.columns[c].c_str(), f.header)) {
      return e;
    }
  }
  for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
    const auto row = static_cast<lxw_row_t>(r + 1);
    for (std::size_t c = 0; c < sheet.rows[r].size() && c < widths.size(); ++c) {
      const Cell& cell = sheet.rows[r][c];
      const auto col = static_cast<lxw_col_t>(c);
      lxw_error e = LXW_NO_ERROR;
      switch (cell.kind) {
        case Cell::Kind::empty: continue;
        case Cell::Kind::text:
          e = worksheet_write_string(ws, row, col, fitted(cell.text).c_str(),
                                     cell.text.find('\n') != std::string::npos ? f.wrap : nullptr);
          break;
        case Cell::Kind::number:
          e = worksheet_write_number(ws, row, col, cell.number, nullptr);
          break;
        case Cell::Kind::percent:
          e = worksheet_write_number(ws, row, col, cell.number,
                                     percent_format(wb, f, cell.decimals));
          break;
        case Cell::Kind::date:
          e = worksheet_write_number(
              ws, row, col, static_cast<double>(day_number(cell.text)) + kExcelEpoch, f.date);
          break;
      }
      if (e) return e;
      widths[c] = std::max(widths[c], text_width(cell.text) + 1);
    }
  }
  for (std::size_t c = 0; c < widths.size(); ++c) {
    const bool wide = widths[c] > kMaxWidth;
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                         std::min(widths[c], kMaxWidth), wide ? f.wrap : nullptr);
  }
  worksheet_freeze_panes(ws, 1, 0);
  if (!sheet.columns.empty()) {
    worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(sheet.rows.size()),
                         static_cast<lxw_col_t>(sheet.columns.size() - 1));
  }
  return LXW_NO_ERROR;
}

}  // namespace

std::optional<std::string> workbook(const std::vector<Sheet>& sheets, std::string& error) {
  // libxlsxwriter writes to a named file: a private temporary one, read back and removed.
  std::error_code ec;
  fs::path dir = fs::temp_directory_path(ec);
  if (ec) dir = "/tmp";
  std::string name = (dir / "lmc-workbook-XXXXXX").string();
  const int fd = ::mkstemp(name.data());
  if (fd < 0) {
    error = "a temporary file for the workbook cannot be made in '" + dir.string() +
            "': " + std::strerror(errno);
    return std::nullopt;
  }
  ::close(fd);
  struct Remove {
    std::string path;
    ~Remove() { ::unlink(path.c_str()); }
  } remove{name};

  // Row by row to the temporary file (constant memory: a sheet of a million results takes
  // megabytes, not the gigabyte it would in memory); every sheet is written in row order.
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  std::string tmpdir = dir.string();
  options.tmpdir = tmpdir.data();
  lxw_workbook* wb = workbook_new_opt(name.c_str(), &options);
  if (!wb) {
    error = "libxlsxwriter cannot start a workbook";
    return std::nullopt;
  }
  Formats f;
  f.header = workbook_add_format(wb);
  format_set_bold(f.header);
  format_set_bottom(f.header, LXW_BORDER_THIN);
  f.date = workbook_add_format(wb);
  format_set_num_format(f.date, "yyyy-mm-dd");
  f.wrap = workbook_add_format(wb);
  format_set_text_wrap(f.wrap);
  format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
  lxw_error failed = LXW_NO_ERROR;
  for (const Sheet& s : sheets) {
    failed = write_sheet(wb, f, s);
    if (failed) break;
  }
  const lxw_error closed = workbook_close(wb);  // frees it, whatever happened
  if (failed || closed) {
    error = std::string("libxlsxwriter: ") + lxw_strerror(failed ? failed : closed);
    return std::nullopt;
  }
  std::ifstream in(name, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) {
    error = "the workbook's temporary file cannot be read back";
    return std::nullopt;
  }
  return bytes;
}

}  // namespace lmc::driver
