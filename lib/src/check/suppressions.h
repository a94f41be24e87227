// SPDX-License-Identifier: Apache-2.0
// Suppression comments: `# lmc: ignore[rule, ...]` on a finding's line, or alone on the line
// before it, and `# lmc: ignore-file[rule, ...]` anywhere in the file.
#pragma once

#include <string>
#include <vector>

#include "lmc/diagnostic.h"
#include "lmc/source.h"

namespace lmc {

/// One rule id named in a suppression comment.
struct Suppression {
  std::string rule;
  Span span;                ///< the rule id in the comment
  bool whole_file = false;  ///< `ignore-file`
  bool own_line = false;    ///< the comment is alone on its line: it covers the next line too
  bool used = false;
};

/// The suppressions written in a file's comments, in file order. A rule id that is no rule is
/// reported into `problems` (invalid-value, with the nearest rule id) and not kept.
std::vector<Suppression> read_suppressions(const SourceText& source,
                                           std::vector<Diagnostic>& problems);

/// Whether a suppression covers this finding (and marks it used).
bool suppressed(std::vector<Suppression>& suppressions, const Diagnostic& d);

}  // namespace lmc
