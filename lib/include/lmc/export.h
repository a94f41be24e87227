// SPDX-License-Identifier: Apache-2.0
// `lmc export`: the model for other tools. The measurement plan as CSV, an outline in
// Markdown, the model with its links resolved as JSON (with a JSON Schema of its own), and a
// Mermaid flowchart.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "lmc/graph.h"
#include "lmc/model.h"

namespace lmc {

enum class ExportFormat { json, markdown, csv, mermaid };

struct RollUp;
/// For a programme: the graph of it and the models it reaches, and its roll-up. JSON gains a
/// `roll_up` object, Markdown a roll-up section, and the CSV measurement plan the work
/// streams' indicators (their items named PATH#id).
struct ProgrammeExport {
  const Graph* graph = nullptr;
  const RollUp* rollup = nullptr;
};

void write_export(std::ostream& out, const Model& model, const Graph& graph, ExportFormat format,
                  const ProgrammeExport& programme = {});

/// Several models in one export: the measurement plan (csv) as one table with a `model`
/// column first (the model's path), or each model's Markdown outline in turn. Each model
/// contributes its own items only: a programme's work streams are among the models exported.
void write_exports(std::ostream& out, const std::vector<const Model*>& models, ExportFormat format);

/// The JSON Schema of `lmc export --format json` (`lmc schema --export`).
std::string export_schema();

}  // namespace lmc
