// SPDX-License-Identifier: Apache-2.0
#include "lmc/registers.h"

#include <fmt/format.h>

#include <map>

#include "lmc/evaluate.h"
#include "lmc/graph.h"
#include "lmc/load.h"
#include "lmc/source.h"

namespace lmc {

Cell Cell::of_text(std::string_view text) {
  Cell c;
  if (text.empty()) return c;
  c.kind = Kind::text;
  c.text = printable(text, true);
  return c;
}

Cell Cell::measure(std::string_view text) {
  Cell c = of_text(text);
  const auto value = parse_measure(text);
  if (!value) return c;
  const std::size_t percent = text.find('%');
  if (percent == std::string_view::npos) {
    c.kind = Kind::number;
    c.number = *value;
    return c;
  }
  c.kind = Kind::percent;
  c.number = *value / 100;
  const std::size_t point = text.find('.');
  c.decimals = point == std::string_view::npos ? 0 : static_cast<int>(percent - point - 1);
  return c;
}

Cell Cell::date(std::string_view text) {
  Cell c = of_text(text);
  if (is_valid_date(text)) c.kind = Kind::date;
  return c;
}

namespace {

Cell number_cell(double v) {
  Cell c;
  c.kind = Cell::Kind::number;
  c.number = v;
  c.text = fmt::format("{}", v);
  return c;
}

std::string status_cell_text(const IndicatorState& s) {
  std::string out(status_word(s.status));
  if (s.stale) out += ", stale";
  return out;
}

Sheet measurement_plan(const std::vector<RegisterModel>& models, std::string_view today) {
  Sheet sheet{"Measurement plan",
              {"model", "item", "item label", "stage", "term", "owner", "indicator id", "indicator",
               "source", "baseline", "baseline date", "target", "due", "frequency", "latest value",
               "latest date", "status"},
              {}};
  for (const RegisterModel& rm : models) {
    const Model& m = *rm.model;
    // What the results say of each indicator, by (item, index of the indicator).
    std::map<std::pair<int, int>, IndicatorState> states;
    if (rm.results) {
      for (IndicatorState& st : indicator_states(m, *rm.results, today)) {
        states.emplace(std::pair(st.item, st.index), std::move(st));
      }
    }
    for (std::size_t i = 0; i < m.items.size(); ++i) {
      const Item& it = m.items[i];
      const std::string owner = it.extras ? it.extras->owner.value : std::string();
      auto row_start = [&]() -> std::vector<Cell> {
        return {Cell::of_text(rm.path),
                Cell::of_text(it.id.value),
                Cell::of_text(it.label.value),
                Cell::of_text(stage_name(it.stage)),
                Cell::of_text(it.stage == Stage::outcome ? term_name(it.term) : ""),
                Cell::of_text(owner)};
      };
      const auto indicators = it.indicators();
      if (indicators.empty()) {
        if (it.stage != Stage::outcome && it.stage != Stage::impact) continue;
        std::vector<Cell> row = row_start();
        row.resize(sheet.columns.size());
        row.back() = Cell::of_text("not measured");
        sheet.rows.push_back(std::move(row));
        continue;
      }
      for (std::size_t k = 0; k < indicators.size(); ++k) {
        const Indicator& ind = indicators[k];
        std::vector<Cell> row = row_start();
        for (Cell c : {Cell::of_text(ind.id.value), Cell::of_text(ind.label.value),
                       Cell::of_text(ind.source.value), Cell::measure(ind.baseline.value),
                       Cell::date(ind.baseline_date.value), Cell::measure(ind.target.value),
                       Cell::date(ind.due.value), Cell::of_text(ind.frequency.value)}) {
          row.push_back(std::move(c));
        }
        const auto found = states.find({static_cast<int>(i), static_cast<int>(k)});
        const IndicatorState* s = found == states.end() ? nullptr : &found->second;
        if (s && s->latest) {
          row.push_back(Cell::measure(s->latest->value_text));
          row.push_back(Cell::date(s->latest->date));
        } else {
          row.resize(row.size() + 2);
        }
        row.push_back(s ? Cell::of_text(status_cell_text(*s)) : Cell());
        sheet.rows.push_back(std::move(row));
      }
    }
  }
  return sheet;
}

// The targets of `about` as written, one after another.
std::string refs_text(const std::vector<Ref>& refs) {
  std::string out;
  for (const Ref& r : refs) out += (out.empty() ? "" : "; ") + r.target;
  return out;
}

Sheet assumptions(const std::vector<RegisterModel>& models, std::string_view today) {
  Sheet sheet{"Assumptions",
              {"model", "id", "assumption", "about", "status", "evidence", "test method",
               "test indicator", "due", "owner", "overdue"},
              {}};
  for (const RegisterModel& rm : models) {
    for (const Assumption& a : rm.model->assumptions) {
      std::string evidence;
      for (const Text& e : a.evidence) evidence += (evidence.empty() ? "" : "\n") + e.value;
      sheet.rows.push_back({Cell::of_text(rm.path), Cell::of_text(a.id.value),
                            Cell::of_text(a.text.value), Cell::of_text(refs_text(a.about)),
                            Cell::of_text(status_name(a.status)), Cell::of_text(evidence),
                            Cell::of_text(a.test.method.value),
                            Cell::of_text(a.test.indicator.value), Cell::date(a.test.due.value),
                            Cell::of_text(a.test.owner.value),
                            Cell::of_text(test_overdue(a, today) ? "overdue" : "")});
    }
  }
  return sheet;
}

Sheet findings(const std::vector<RegisterModel>& models) {
  Sheet sheet{
      "Findings", {"model", "file", "line", "column", "severity", "rule", "item", "finding"}, {}};
  for (const RegisterModel& rm : models) {
    for (const Diagnostic& d : rm.findings) {
      std::vector<Cell> row = {Cell::of_text(rm.path), Cell::of_text(d.file)};
      if (d.span.known()) {
        row.push_back(number_cell(d.span.line));
        row.push_back(number_cell(d.span.column));
      } else {
        row.resize(4);
      }
      row.push_back(Cell::of_text(to_string(d.severity)));
      row.push_back(Cell::of_text(d.rule));
      row.push_back(Cell::of_text(d.item));
      row.push_back(Cell::of_text(message_with_suggestion(d)));
      sheet.rows.push_back(std::move(row));
    }
  }
  return sheet;
}

Sheet results_sheet(const std::vector<RegisterModel>& models) {
  Sheet sheet{
      "Results",
      {"model", "item", "indicator id", "indicator", "date", "value", "note", "file", "line"},
      {}};
  for (const RegisterModel& rm : models) {
    if (!rm.results) continue;
    for (const ResultRow& r : rm.results->rows) {
      const bool known = r.item >= 0 && r.index >= 0;
      const Item* it = known ? &rm.model->items[static_cast<std::size_t>(r.item)] : nullptr;
      const Indicator* ind = known ? &it->indicators()[static_cast<std::size_t>(r.index)] : nullptr;
      sheet.rows.push_back({Cell::of_text(rm.path), Cell::of_text(it ? it->id.value : ""),
                            Cell::of_text(ind ? ind->id.value : r.indicator),
                            Cell::of_text(ind ? ind->label.value : ""), Cell::date(r.date),
                            Cell::measure(r.value_text), Cell::of_text(r.note),
                            Cell::of_text(rm.results->path), number_cell(r.line)});
    }
  }
  return sheet;
}

}  // namespace

std::vector<Sheet> registers(const std::vector<RegisterModel>& models, std::string_view today) {
  std::vector<Sheet> out = {measurement_plan(models, today), assumptions(models, today),
                            findings(models)};
  for (const RegisterModel& rm : models) {
    if (rm.results) {
      out.push_back(results_sheet(models));
      break;
    }
  }
  return out;
}

}  // namespace lmc
