// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "lmc/diagnostic.h"
#include "lmc/model.h"
#include "lmc/render.h"

namespace lmc {

/// One change to the theory between two revisions of a model.
struct Change {
  std::string kind;  ///< "item-added", "link-removed", "assumption-status-changed", ...
  std::string item;  ///< an id, "a -> b" for a link, or a metadata key
  std::optional<std::string> before, after;
  /// Where the text report lists it: a stage's section ("activities"), or "model", "links",
  /// "assumptions", "external_factors".
  std::string section;
};

/// What changed, and which findings the new revision introduces and resolves.
struct ChangeSet {
  std::vector<Change> changes;
  std::vector<Diagnostic> introduced;
  std::vector<Diagnostic> resolved;
  /// Old id -> new id for items renamed.
  std::vector<std::pair<std::string, std::string>> renames;

  int added() const;
  int removed() const;
  int changed() const;
};

/// Compares two models by what they say, not how they are written: identity is the id; an
/// id that vanishes while another appears in the same stage with the same label (ignoring
/// case and spacing) is a rename, and its links and attachments go with it. Findings are
/// compared by rule and item, not by line.
ChangeSet diff_models(const Model& before, const Model& after,
                      const std::vector<Diagnostic>& before_findings,
                      const std::vector<Diagnostic>& after_findings);

/// Marks for the visual diff: added items, links, assumptions and factors green, changed ones
/// amber (an indicator whose values changed keeps its old text), removed items and links drawn
/// as red dashed ghosts where they stood; with a key.
Decorations diff_decorations(const Model& before, const Model& after, const ChangeSet& changes);

/// Reports. `old_label` and `new_label` name the two sides as the user gave them.
void write_diff_text(std::ostream& out, const ChangeSet& changes, const std::string& old_label,
                     const std::string& new_label, bool color);
void write_diff_markdown(std::ostream& out, const ChangeSet& changes, const std::string& old_label,
                         const std::string& new_label);
void write_diff_json(std::ostream& out, const ChangeSet& changes, const std::string& old_label,
                     const std::string& new_label);

/// Two revisions of a programme's folder, compared model by model (`lmc diff DIR DIR`).
struct FolderDiff {
  std::string old_label, new_label;                          ///< the sides as given
  std::vector<std::pair<std::string, std::string>> added;    ///< path in the folder, title
  std::vector<std::pair<std::string, std::string>> removed;  ///< path in the folder, title
  std::vector<std::pair<std::string, ChangeSet>> changed;    ///< by path in the folder
  std::vector<std::string> links_added, links_removed;       ///< "a.yaml#x -> b.yaml#y"
  /// No model added or removed, no link across models and no theory changed.
  bool same() const;
};
void write_folder_diff_json(std::ostream& out, const FolderDiff& diff);
/// Text, or Markdown (headings and code spans) for a pull request.
void write_folder_diff_text(std::ostream& out, const FolderDiff& diff, bool color, bool markdown);

/// One commit in a model's history (`lmc log`): what it changed in the theory.
struct HistoryEntry {
  std::string id, short_id, date, subject;
  std::string old_path, path;        ///< from the repository's root (differ when moved)
  std::string old_spec, new_spec;    ///< "PARENT^:OLD", "COMMIT:PATH": the diff's two sides
  bool history_cut = false;          ///< a shallow clone's oldest commit: nothing to compare with
  std::optional<ChangeSet> changes;  ///< nullopt when a side could not be read (`error` says)
  std::string error;
  /// Whether the commit changed what the model says (not only its formatting or order).
  bool theory_changed() const { return changes && !changes->changes.empty(); }
};

/// A model's history, newest first, as text (indented under each commit line), Markdown (a
/// heading a commit) or JSON.
void write_history_text(std::ostream& out, const std::string& path,
                        const std::vector<HistoryEntry>& history, bool markdown);
void write_history_json(std::ostream& out, const std::string& path,
                        const std::vector<HistoryEntry>& history);

}  // namespace lmc
