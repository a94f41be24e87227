// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "lmc/diagnostic.h"
#include "lmc/load.h"

namespace lmc {

/// One checked file, for reports that list files.
struct CheckedFile {
  std::string path;
  int items = 0;
  int links = 0;
  const SourceText* source = nullptr;  ///< for source excerpts; may be null
};

struct TextStyle {
  bool color = false;
  bool quiet = false;  ///< one line a finding: no excerpt, help or summary
};

/// Compiler-style text: `path:line:col: severity: message [rule]`, the source line, a caret,
/// `help:` with the fix, then a summary line.
void write_text(std::ostream& out, const std::vector<CheckedFile>& files,
                const std::vector<Diagnostic>& diags, const TextStyle& style);

/// The JSON report of `lmc check --format json` (see docs/output.md).
void write_json(std::ostream& out, const std::vector<CheckedFile>& files,
                const std::vector<Diagnostic>& diags);

}  // namespace lmc
