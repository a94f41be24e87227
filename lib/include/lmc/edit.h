// SPDX-License-Identifier: Apache-2.0
// Changing a model as small edits to its text: the workshop studio's operations (add a box,
// set a field, link, unlink, rename, delete, add an assumption, a factor or an indicator).
// Lines an operation does not touch keep their bytes (comments, order, quoting, flow or block
// style); new entries follow the file's indentation. A list of operations is one change:
// all apply, or none.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lmc {

/// One operation, as the JSON object that names it ({"op":"link","from":"a","to":"b"}).
struct EditOp {
  std::string op;  ///< add, set, link, unlink, rename, delete, add-assumption, add-factor,
                   ///< add-indicator
  std::string section, id, label, term, field, from, to, text, item, status, detail, owner;
  std::string source, baseline, target, due;  ///< add-indicator
  std::optional<std::string> value;           ///< set: the new value (a string)
  std::vector<std::string> value_list;        ///< set evidence: the new list
  std::vector<std::string> links;     ///< add: `to`; add-assumption: `about`; add-factor: `affects`
  std::vector<std::string> evidence;  ///< add-assumption
};

/// The largest list of operations one change takes.
inline constexpr std::size_t kMaxEditOps = 1000;
/// The most text one change reads: each operation reads the whole model again, so the number
/// of operations times the model's size is bounded (1,000 operations on a 256 KB model).
inline constexpr std::size_t kMaxEditWork = 256u << 20;

/// Reads a JSON array of operations (or one object). On a problem, nullopt and `error` says
/// which operation and why ("operation 2: 'from' must be a string").
std::optional<std::vector<EditOp>> parse_edit_ops(std::string_view json, std::string& error);

/// Operations as the JSON list parse_edit_ops() reads (only the fields they set): what the
/// server gives the page for a finding's quick fix.
std::string edit_ops_json(std::span<const EditOp> ops);

/// What applying a change gives: the new text, or which operation could not apply and why.
struct EditResult {
  bool ok = false;
  std::string text;        ///< the model's new text (without a byte-order mark)
  std::string error;       ///< "operation 3 (link): no box 'x' in the model"
  std::size_t failed = 0;  ///< 1-based index of the operation that failed; 0: the whole change
};

/// Applies `ops` in order to the model text `text` (without its byte-order mark), all or
/// nothing. The result is loaded again before it is returned: a change that would leave the
/// file unreadable, or with a problem the loader finds that it did not have, is refused.
EditResult apply_edits(std::string_view text, std::span<const EditOp> ops);

/// The changed lines between two texts as a unified diff (3 lines of context), with `name` in
/// its header; empty when they are the same.
std::string unified_diff(std::string_view before, std::string_view after, std::string_view name);

}  // namespace lmc
