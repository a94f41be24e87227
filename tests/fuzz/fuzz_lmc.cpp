// SPDX-License-Identifier: Apache-2.0
// libFuzzer harness: any bytes as a model file, through everything lmc does with one: load ->
// check -> every report format -> DOT -> diff both ways against a fixed model -> render to SVG
// in memory. Besides crashes and sanitizer reports, it asserts what must hold of any output:
// no NUL byte and no raw control character (but tab and line ends), the SVG well-formed XML,
// and the same bytes when done twice. The same bytes are also read as a baseline file, and
// given to the language server (lmc lsp) twice: as one message's body between initialize and
// shutdown, and as the whole stream, headers and all. tests/fuzz/README.md says how to run it.
#include <libxml/parser.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <sstream>
#include <string>

#include "lmc/baseline.h"
#include "lmc/check.h"
#include "lmc/diff.h"
#include "lmc/edit.h"
#include "lmc/evaluate.h"
#include "lmc/export.h"
#include "lmc/load.h"
#include "lmc/model_set.h"
#include "lmc/registers.h"
#include "lmc/render.h"
#include "lmc/report.h"
#include "lmc/results.h"
#include "lmc/rollup.h"
#include "lsp/server.h"

namespace {

constexpr const char* kFixedModel = R"(logic_model: 1
title: Fixed
resources:
  - {id: r, label: Staff, to: [a]}
activities:
  - {id: a, label: Huddles, to: [o]}
outputs:
  - {id: o, label: Plans, to: [c]}
outcomes:
  - {id: c, label: Fewer crises, term: short, indicators: [{id: crises, label: Crises, baseline: 10, target: 5, due: 2026-12-31, frequency: monthly}]}
assumptions:
  - {id: x, text: Staff attend, about: ["a -> o"], status: testing}
)";

void fail(const char* what, const std::string& output) {
  std::fprintf(stderr, "fuzz_lmc: %s\n--- output (%zu bytes) ---\n%.2000s\n", what, output.size(),
               output.c_str());
  std::abort();
}

// No NUL and no C0 control character but tab, LF and CR; in what people read on a terminal,
// no DEL either (JSON may carry a DEL as it is: it is no C0 character).
void check_clean(const char* what, const std::string& out, bool terminal = false) {
  for (unsigned char c : out) {
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (terminal && c == 0x7F)) {
      fail(what, out);
    }
  }
}

void check_xml(const char* what, const std::string& out) {
  xmlDocPtr doc = xmlReadMemory(out.data(), static_cast<int>(out.size()), "out.xml", nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!doc) fail(what, out);
  xmlFreeDoc(doc);
}

struct Checked {
  lmc::LoadResult loaded;
  std::vector<lmc::Diagnostic> findings;
};

Checked load_and_check(const std::string& name, const std::string& text) {
  Checked c{lmc::load_model(name, text), {}};
  lmc::CheckOptions options;
  options.today = "2026-01-01";
  options.report_unused_suppressions = true;  // every suppression comment judged too
  c.findings = lmc::check(c.loaded, options);
  return c;
}

std::string framed(const std::string& body) {
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

// The language server over a stream that holds `input`: it must answer and stop, whatever
// the input is; what it writes must be framed messages of clean JSON.
void serve_lsp(const std::string& input) {
  std::istringstream in(input);
  std::ostringstream out;
  lmc::cli::lsp::ServerOptions options;
  options.debounce = std::chrono::milliseconds(0);
  options.today = "2026-01-01";
  lmc::cli::lsp::Server server(in, out, options);
  server.run();
  server.wait_for_input_end();  // the reader thread is done with `in`
  check_clean("lsp replies", out.str());
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  xmlInitParser();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 64 * 1024) return -1;  // models are kilobytes; keep runs fast
  const std::string text(reinterpret_cast<const char*>(data), size);

  // As a baseline: read, or refused with a reason; never a crash.
  {
    std::string error;
    if (!lmc::parse_baseline(text, error) && error.empty()) fail("baseline refused silently", text);
  }
  // As a language server's message, and as its whole input.
  serve_lsp(framed(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{}})") + framed(text) +
            framed(R"({"jsonrpc":"2.0","id":2,"method":"shutdown"})") +
            framed(R"({"jsonrpc":"2.0","method":"exit"})"));
  serve_lsp(text);

  // As edit operations on the fixed model, and the model edited by a fixed list: refused with
  // a reason or applied; an applied change still loads as well as before it.
  {
    std::string error;
    if (const auto ops = lmc::parse_edit_ops(text, error)) {
      const lmc::EditResult r = lmc::apply_edits(kFixedModel, *ops);
      if (!r.ok && r.error.empty()) fail("edit refused silently", text);
    } else if (error.empty()) {
      fail("edit operations refused silently", text);
    }
    static const auto kOps = *lmc::parse_edit_ops(
        R"([{"op":"rename","id":"a","to":"a2"},{"op":"link","from":"r","to":"o"},)"
        R"({"op":"add","section":"outputs","id":"new-out","label":"New: out","to":["c"]},)"
        R"({"op":"set","id":"c","field":"label","value":"Fewer \"crises\""},)"
        R"({"op":"add-indicator","item":"o","label":"Plans made","target":"1-3"},)"
        R"({"op":"add-assumption","id":"z","text":"t","about":["r -> o"]},)"
        R"({"op":"unlink","from":"o","to":"c"},{"op":"delete","id":"x"}])",
        error);
    for (std::size_t n = 1; n <= kOps.size(); ++n) {
      const lmc::EditResult r =
          lmc::apply_edits(text, std::span<const lmc::EditOp>(kOps.data(), n));
      if (!r.ok && r.error.empty()) fail("edit refused silently", text);
      if (r.ok && !lmc::load_model("fuzz.yaml", r.text).usable &&
          lmc::load_model("fuzz.yaml", text).usable) {
        fail("an edit left a usable model unusable", r.text);
      }
    }
  }

  const Checked c = load_and_check("fuzz.yaml", text);

  std::vector<lmc::CheckedFile> files{lmc::CheckedFile("fuzz.yaml", &c.loaded.source)};
  lmc::ReportContext context;
  context.root_uri = "file:///work/";
  auto report = [&](auto&& write) {
    std::ostringstream out;
    write(out);
    return out.str();
  };
  const std::string text_report =
      report([&](std::ostream& o) { lmc::write_text(o, files, c.findings, lmc::TextStyle{}); });
  check_clean("text report", text_report, true);
  check_clean("json report",
              report([&](std::ostream& o) { lmc::write_json(o, files, c.findings); }));
  const std::string sarif =
      report([&](std::ostream& o) { lmc::write_sarif(o, files, c.findings, context); });
  check_clean("sarif report", sarif);
  check_clean("github report",
              report([&](std::ostream& o) { lmc::write_github(o, files, c.findings); }), true);
  const std::string junit =
      report([&](std::ostream& o) { lmc::write_junit(o, files, c.findings, context); });
  check_clean("junit report", junit);
  check_xml("junit report", junit);
  check_clean("codeclimate report",
              report([&](std::ostream& o) { lmc::write_codeclimate(o, files, c.findings); }));
  // As the results CSV of the fixed model: every row read or said where it is; the status in
  // every format, the lines the page draws and the workbook's registers, never a crash.
  {
    static const lmc::LoadResult fixed_model = lmc::load_model("fixed.yaml", kFixedModel);
    const lmc::Results r = lmc::read_results("r.csv", text, fixed_model.model, "2026-06-30");
    for (const lmc::Diagnostic& d : r.problems) {
      if (d.message.empty() || !d.span.known()) fail("a results problem unsaid or unlocated", text);
    }
    const lmc::StatusReport s = lmc::make_status(fixed_model.model, "fixed.yaml", &r, "2026-06-30");
    for (const char* format : {"text", "markdown", "json", "html"}) {
      check_clean("status", report([&](std::ostream& o) { lmc::write_status(o, {s}, format); }),
                  std::string_view(format) == "text");
    }
    for (const lmc::IndicatorState& st : s.indicators) {
      check_clean("result line", lmc::result_line(st), true);
    }
    const auto sheets =
        lmc::registers({{&fixed_model.model, "fixed.yaml", &r, r.problems}}, "2026-06-30");
    if (sheets.size() != 4) fail("the registers of results have no Results sheet", text);
  }
  if (!c.loaded.usable) return 0;

  const lmc::Model& model = c.loaded.model;
  const std::string dot = lmc::to_dot(model, lmc::annotate_findings(model, c.findings));
  check_clean("dot", dot);
  if (dot != lmc::to_dot(model, lmc::annotate_findings(model, c.findings))) {
    fail("dot differs between two runs", dot);
  }

  // The evaluator's views: the report in every format, a trace through each of a few items,
  // every export. Paths are counted, never listed, so any model is quick.
  {
    const lmc::Graph graph(model);
    std::vector<lmc::EvaluatedModel> evaluated{{&model, lmc::evaluate(model, graph, "2026-01-01")}};
    for (const auto format : {lmc::ReportFormat::text, lmc::ReportFormat::markdown,
                              lmc::ReportFormat::json, lmc::ReportFormat::html}) {
      const std::string r =
          report([&](std::ostream& o) { lmc::write_report(o, evaluated, format); });
      check_clean("report", r, format == lmc::ReportFormat::text);
    }
    for (std::size_t i = 0; i < model.items.size() && i < 4; ++i) {
      if (!graph.defines(static_cast<int>(i))) continue;
      const lmc::Trace t = lmc::trace(model, graph, static_cast<int>(i), 5);
      check_clean("trace",
                  report([&](std::ostream& o) { lmc::write_trace(o, model, graph, t, false); }),
                  true);
      check_clean("trace json",
                  report([&](std::ostream& o) { lmc::write_trace(o, model, graph, t, true); }));
    }
    for (const auto format : {lmc::ExportFormat::json, lmc::ExportFormat::markdown,
                              lmc::ExportFormat::csv, lmc::ExportFormat::mermaid}) {
      check_clean("export",
                  report([&](std::ostream& o) { lmc::write_export(o, model, graph, format); }),
                  format != lmc::ExportFormat::json);
    }
  }

  static const Checked fixed = load_and_check("fixed.yaml", kFixedModel);
  for (const bool forward : {true, false}) {
    const Checked& before = forward ? fixed : c;
    const Checked& after = forward ? c : fixed;
    const lmc::ChangeSet changes =
        lmc::diff_models(before.loaded.model, after.loaded.model, before.findings, after.findings);
    const std::string diff_text =
        report([&](std::ostream& o) { lmc::write_diff_text(o, changes, "old", "new", false); });
    check_clean("diff text", diff_text, true);
    check_clean("diff json",
                report([&](std::ostream& o) { lmc::write_diff_json(o, changes, "old", "new"); }));
    check_clean("diff markdown", report([&](std::ostream& o) {
                  lmc::write_diff_markdown(o, changes, "old", "new");
                }));
    const std::string diff_dot =
        lmc::to_dot(after.loaded.model,
                    lmc::diff_decorations(before.loaded.model, after.loaded.model, changes));
    check_clean("diff dot", diff_dot);
  }

  // The input as a work stream of a programme: loaded through the model set (its PATH#id and
  // `model:` resolved by an in-memory reader), checked as one graph with the programme, and
  // the programme rolled up over it.
  {
    static const std::string kProgramme = R"(logic_model: 1
title: Programme
resources:
  - {id: fund, label: Fund, to: [stream]}
activities:
  - {id: stream, label: Stream, model: ws/fuzz.yaml, to: [goal]}
outcomes:
  - id: goal
    label: Goal
    term: long
    to: [impact]
    from: [ws/fuzz.yaml#a]
    indicators: [{label: Non-elective admissions, source: SUS, baseline: 9, target: 8, due: 2027-03-31}]
impacts:
  - {id: impact, label: Impact}
)";
    std::vector<lmc::ModelSource> given;
    given.push_back(lmc::ModelSource{"programme.yaml", "/fuzz/programme.yaml", kProgramme, 0});
    const lmc::ModelSet set = lmc::load_model_set(
        std::move(given),
        [&](const std::filesystem::path& p, std::string& out, std::string& why, std::uintmax_t&) {
          if (p.lexically_normal() != "/fuzz/ws/fuzz.yaml") {
            why = "there is no such file";
            return false;
          }
          out = text;
          return true;
        },
        [](std::size_t n, const std::function<void(std::size_t)>& task) {
          for (std::size_t k = 0; k < n; ++k) task(k);
        });
    std::vector<lmc::CheckInput> inputs;
    std::vector<lmc::CheckedFile> set_files;
    std::vector<lmc::GraphModel> members;
    for (std::size_t m = 0; m < set.models.size(); ++m) {
      inputs.push_back(lmc::CheckInput{set.models[m].get(), &set.targets[m], nullptr});
      set_files.emplace_back(set.models[m]->source.path(), &set.models[m]->source);
      members.push_back(
          lmc::GraphModel{&set.models[m]->model, &set.targets[m], set.models[m]->usable});
    }
    const auto found = lmc::check(inputs, "2026-01-01");
    check_clean("programme text report", report([&](std::ostream& o) {
                  lmc::write_text(o, set_files, found, lmc::TextStyle{});
                }),
                true);
    const lmc::Graph whole(members);
    const lmc::RollUp rollup = lmc::roll_up(whole, 0);
    for (const auto format :
         {lmc::RollUpFormat::text, lmc::RollUpFormat::markdown, lmc::RollUpFormat::html}) {
      check_clean("roll-up",
                  report([&](std::ostream& o) { lmc::write_roll_up(o, whole, rollup, format); }),
                  format == lmc::RollUpFormat::text);
    }
    check_clean("roll-up json", lmc::roll_up_json(whole, rollup));
  }

  // Rendering is the slow part: only for models of a size people draw.
  if (model.items.size() <= 80) {
    lmc::RenderOptions options;
    const lmc::RenderResult r = lmc::render_dot(dot, options);
    if (!r.error.empty()) fail(("render failed: " + r.error).c_str(), dot);
    check_clean("svg", r.data);
    check_xml("svg", r.data);
    if (lmc::render_dot(dot, options).data != r.data) fail("svg differs between two runs", r.data);
  }
  return 0;
}
