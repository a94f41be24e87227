// SPDX-License-Identifier: Apache-2.0
// page-overflow: more than 12 boxes in one column or 60 in all.
// Why: a logic model is meant to fit one side of a page; past that, the text is too small to
// read on a projector or an A4 print, and detail belongs in nested work-stream models.
#include <array>

#include "check/rules/rules.h"

namespace lmc {

namespace {

constexpr int kMaxColumn = 12;
constexpr int kMaxTotal = 60;

}  // namespace

void check_page_overflow(const Model& m, const RuleContext&, Findings& out) {
  // Columns as drawn: outcomes split by term (no term is drawn as medium).
  struct Column {
    Stage stage;
    Term term;
    int count = 0;
  };
  std::array<Column, 7> columns = {{{Stage::resource, Term::none},
                                    {Stage::activity, Term::none},
                                    {Stage::output, Term::none},
                                    {Stage::outcome, Term::short_term},
                                    {Stage::outcome, Term::medium_term},
                                    {Stage::outcome, Term::long_term},
                                    {Stage::impact, Term::none}}};
  int total = 0;
  for (const Item& it : m.items) {
    ++total;
    Term term = it.stage == Stage::outcome ? (it.term == Term::none ? Term::medium_term : it.term)
                                           : Term::none;
    for (Column& c : columns) c.count += c.stage == it.stage && c.term == term;
  }
  for (const Column& c : columns) {
    if (c.count <= kMaxColumn) continue;
    const Span span = m.section_spans[static_cast<int>(c.stage)];
    const std::string what = c.stage == Stage::outcome
                                 ? fmt::format("{}-term outcomes", term_name(c.term))
                                 : std::string(stage_section(c.stage));
    out.add(span.known() ? span : Span{1, 1, 0}, {},
            fmt::format("{} {} in one column: more than {} boxes will not fit one legible page",
                        c.count, what, kMaxColumn));
  }
  if (total > kMaxTotal) {
    out.add(Span{1, 1, 0}, {},
            fmt::format("{} boxes in all: more than {} will not fit one legible page", total,
                        kMaxTotal));
  }
}

}  // namespace lmc
