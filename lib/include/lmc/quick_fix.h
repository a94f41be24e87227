// SPDX-License-Identifier: Apache-2.0
// A finding's quick fixes, as edit operations: what the page's buttons and the language
// server's code actions apply (lmc/edit.h), so that both change the file the same way.
#pragma once

#include <string>
#include <vector>

#include "lmc/diagnostic.h"
#include "lmc/edit.h"
#include "lmc/model.h"

namespace lmc {

/// One way to fix a finding.
struct QuickFix {
  std::string title;  ///< what the button says: "Link it to 'Falls classes'"
  std::vector<EditOp> ops;
  /// Empty when the operations are complete; otherwise what a person must give first, which
  /// becomes the first operation's `label` ("the indicator's label").
  std::string ask;
};

/// The most fixes one finding offers (the candidates for a link, nearest first).
inline constexpr std::size_t kMaxQuickFixes = 8;

/// The fixes for finding `d` of `model` (the model the finding is in): links for a box the
/// chain leaves unconnected, a term for an outcome without one, an indicator for an outcome
/// without one. Empty when the fix needs more than a choice (a typo is fixed by the finding's
/// own fix_from and fix_to).
std::vector<QuickFix> quick_fixes(const Model& model, const Diagnostic& d);

}  // namespace lmc
