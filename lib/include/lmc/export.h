// SPDX-License-Identifier: Apache-2.0
// `lmc export`: the model for other tools. The measurement plan as CSV, an outline in
// Markdown, the model with its links resolved as JSON (with a JSON Schema of its own), and a
// Mermaid flowchart.
#pragma once

#include <ostream>
#include <string>

#include "lmc/graph.h"
#include "lmc/model.h"

namespace lmc {

enum class ExportFormat { json, markdown, csv, mermaid };

void write_export(std::ostream& out, const Model& model, const Graph& graph, ExportFormat format);

/// The JSON Schema of `lmc export --format json` (`lmc schema --export`).
std::string export_schema();

}  // namespace lmc
