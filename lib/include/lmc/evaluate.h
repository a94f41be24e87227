// SPDX-License-Identifier: Apache-2.0
// What an evaluator asks of a model: what is measured, what the theory rests on, which
// assumptions every path to an impact depends on (`lmc report`), and every path through one
// item (`lmc trace`).
#pragma once

#include <array>
#include <iosfwd>
#include <string>
#include <vector>

#include "lmc/graph.h"
#include "lmc/model.h"
#include "lmc/paths.h"

namespace lmc {

struct AssumptionShare {
  int assumption = -1;  ///< index into Model::assumptions
  double paths = 0;     ///< paths (lmc/paths.h) that rest on it
  double share = 0;     ///< of all such paths, 0..1
};

struct Evaluation {
  int outcomes_and_impacts = 0;
  int with_indicator = 0;
  int with_complete_indicator = 0;  ///< baseline, target, source and due
  std::array<int, 4> by_status{};   ///< untested, testing, holds, fails (AssumptionStatus order)
  std::vector<int> overdue;         ///< assumptions whose test is overdue
  double paths = 0;                 ///< to an impact (lmc/paths.h)
  std::vector<int> loop_items;      ///< left out of the count: they are in a loop
  std::vector<AssumptionShare> shares;  ///< every assumption, most paths first
  std::vector<int> critical;  ///< untested, testing or failed, and on every path (paths > 0)
};

/// Whether an assumption's test is overdue on `today` (YYYY-MM-DD; empty: never): it was due
/// before today and the assumption is still untested or testing. overdue-test, the report
/// and the workbook's register all ask this.
bool test_overdue(const Assumption& a, std::string_view today);

/// `today` (YYYY-MM-DD) decides which tests are overdue; empty: none.
Evaluation evaluate(const Model& model, const Graph& graph, const std::string& today);

enum class ReportFormat { text, markdown, json, html };

struct RollUp;
struct StatusReport;
struct EvaluatedModel {
  const Model* model = nullptr;
  Evaluation evaluation;
  /// For a programme: its roll-up, over the graph of it and the models it reaches.
  const Graph* programme = nullptr;
  const RollUp* rollup = nullptr;
  /// When the model names its results: what they say (lmc/results.h).
  const StatusReport* status = nullptr;
};

void write_report(std::ostream& out, const std::vector<EvaluatedModel>& models,
                  ReportFormat format);

/// `lmc trace`: the paths through one item, with what rests on each step.
struct Trace {
  int item = -1;
  double count = 0;                     ///< every path through it
  std::vector<std::vector<int>> shown;  ///< the first of them (up to the limit asked)
};

Trace trace(const Model& model, const Graph& graph, int item, std::size_t limit);
void write_trace(std::ostream& out, const Model& model, const Graph& graph, const Trace& t,
                 bool json);

}  // namespace lmc
