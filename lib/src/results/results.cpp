// SPDX-License-Identifier: Apache-2.0
// Results: the CSV read against its model, and each indicator's status.
#include "lmc/results.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

#include "lmc/load.h"
#include "lmc/suggest.h"

namespace lmc {

namespace {

// The fields of one CSV record (RFC 4180: quoted fields may hold commas, quotes as "" and
// line breaks), each with the column it starts at; `pos` moves past the record.
struct Field {
  std::string text;
  std::uint32_t column = 1;
};

bool next_record(std::string_view text, std::size_t& pos, std::uint32_t& line,
                 std::vector<Field>& out, std::string& error) {
  out.clear();
  if (pos >= text.size()) return false;
  std::size_t line_start = pos;
  Field f;
  f.column = 1;
  bool quoted = false, was_quoted = false;
  while (pos < text.size()) {
    const char c = text[pos];
    if (quoted) {
      if (c == '"') {
        if (pos + 1 < text.size() && text[pos + 1] == '"') {
          f.text += '"';
          pos += 2;
          continue;
        }
        quoted = false;
        ++pos;
        continue;
      }
      if (c == '\n') {
        ++line;
        line_start = pos + 1;
      }
      f.text += c;
      ++pos;
      continue;
    }
    if (c == '"' && f.text.empty() && !was_quoted) {
      quoted = was_quoted = true;
      ++pos;
      continue;
    }
    if (c == ',') {
      out.push_back(std::move(f));
      f = Field{};
      f.column = static_cast<std::uint32_t>(pos - line_start + 2);
      was_quoted = false;
      ++pos;
      continue;
    }
    if (c == '\r' || c == '\n') {
      if (c == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n') ++pos;
      ++pos;
      out.push_back(std::move(f));
      return true;
    }
    f.text += c;
    ++pos;
  }
  if (quoted) error = "a quoted field is not closed";
  out.push_back(std::move(f));
  return true;
}

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Calendar months: the date `months` after `date` (the day kept, or the month's last).
std::int64_t add_months(std::string_view date, int months) {
  int y = std::atoi(std::string(date.substr(0, 4)).c_str());
  int m = std::atoi(std::string(date.substr(5, 2)).c_str());
  int d = std::atoi(std::string(date.substr(8, 2)).c_str());
  const int total = y * 12 + (m - 1) + months;
  y = total / 12;
  m = total % 12 + 1;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  const int last = m == 2 && leap ? 29 : kDays[m - 1];
  d = std::min(d, last);
  return day_number(fmt::format("{:04}-{:02}-{:02}", y, m, d));
}

// The number of calendar months in one period of `frequency`; 0 when it names none lmc knows
// ("weekly" is counted in days apart).
int period_months(std::string_view frequency) {
  const std::string f = lower(trim(frequency));
  if (f == "monthly") return 1;
  if (f == "quarterly") return 3;
  if (f == "annually" || f == "yearly" || f == "annual") return 12;
  return 0;
}

std::string number_text(double v) {
  std::string s = fmt::format("{:.2f}", v);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

}  // namespace

std::optional<double> parse_measure(std::string_view raw) {
  std::string s = trim(raw);
  if (!s.empty() && s.back() == '%') s = trim(std::string_view(s).substr(0, s.size() - 1));
  if (s.empty()) return std::nullopt;
  std::string digits;
  std::size_t k = 0;
  if (s[0] == '-' || s[0] == '+') digits += s[k++];
  // Thousands written with commas: groups of three after the first.
  const std::size_t point = s.find('.');
  const std::string whole = s.substr(k, point == std::string::npos ? std::string::npos : point - k);
  if (whole.empty() && point == std::string::npos) return std::nullopt;
  if (whole.find(',') != std::string::npos) {
    std::size_t begin = 0;
    for (bool first = true;; first = false) {
      const std::size_t comma = whole.find(',', begin);
      const std::size_t n = (comma == std::string::npos ? whole.size() : comma) - begin;
      if (first ? (n < 1 || n > 3) : n != 3) return std::nullopt;
      if (comma == std::string::npos) break;
      begin = comma + 1;
    }
  }
  for (char c : whole) {
    if (c == ',') continue;
    if (c < '0' || c > '9') return std::nullopt;
    digits += c;
  }
  if (point != std::string::npos) {
    const std::string frac = s.substr(point + 1);
    if (frac.empty() && whole.empty()) return std::nullopt;
    for (char c : frac) {
      if (c < '0' || c > '9') return std::nullopt;
    }
    digits += "." + frac;
  }
  char* end = nullptr;
  const double v = std::strtod(digits.c_str(), &end);
  if (end != digits.c_str() + digits.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::int64_t day_number(std::string_view date) {
  // Howard Hinnant's days_from_civil.
  std::int64_t y = std::atoi(std::string(date.substr(0, 4)).c_str());
  const unsigned m = static_cast<unsigned>(std::atoi(std::string(date.substr(5, 2)).c_str()));
  const unsigned d = static_cast<unsigned>(std::atoi(std::string(date.substr(8, 2)).c_str()));
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::string_view status_word(IndicatorStatus s) {
  switch (s) {
    case IndicatorStatus::achieved: return "achieved";
    case IndicatorStatus::on_track: return "on-track";
    case IndicatorStatus::at_risk: return "at-risk";
    case IndicatorStatus::off_track: return "off-track";
    case IndicatorStatus::no_data: return "no-data";
    case IndicatorStatus::untracked: return "untracked";
  }
  return "no-data";
}

int status_rank(IndicatorStatus s) {
  switch (s) {
    case IndicatorStatus::off_track: return 5;
    case IndicatorStatus::at_risk: return 4;
    case IndicatorStatus::no_data: return 3;
    case IndicatorStatus::untracked: return 2;
    case IndicatorStatus::on_track: return 1;
    case IndicatorStatus::achieved: return 0;
  }
  return 3;
}

Results read_results(std::string_view path, std::string_view text, const Model& model,
                     std::string_view today) {
  Results out;
  out.path = std::string(path);
  auto problem = [&](std::string rule, std::uint32_t line, std::uint32_t column,
                     std::uint32_t length, std::string message, std::string help = {}) {
    Diagnostic d;
    d.file = out.path;
    d.span = Span{line, column, length};
    d.severity = Severity::error;
    d.rule = std::move(rule);
    d.message = std::move(message);
    d.suggestion = std::move(help);
    out.problems.push_back(std::move(d));
  };
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  // The indicators by id, and by ITEM/INDICATOR; an id two items use is ambiguous alone.
  std::map<std::string, std::pair<int, int>, std::less<>> by_id, by_path;
  std::map<std::string, int, std::less<>> uses;
  for (std::size_t i = 0; i < model.items.size(); ++i) {
    const auto inds = model.items[i].indicators();
    for (std::size_t k = 0; k < inds.size(); ++k) {
      const std::string& id = inds[k].id.value;
      if (id.empty()) continue;
      by_id[id] = {static_cast<int>(i), static_cast<int>(k)};
      ++uses[id];
      by_path[model.items[i].id.value + "/" + id] = {static_cast<int>(i), static_cast<int>(k)};
    }
  }
  std::size_t pos = 0;
  std::uint32_t line = 1;
  std::vector<Field> fields;
  std::string error;
  bool header = true;
  while (pos < text.size()) {
    const std::uint32_t at = line;
    if (!next_record(text, pos, line, fields, error)) break;
    ++line;
    if (!error.empty()) {
      problem("invalid-value", at, 1, 1, error, "close the quotes: \"like this\"");
      break;
    }
    if (fields.size() == 1 && trim(fields[0].text).empty()) continue;  // a blank line
    if (header) {
      header = false;
      std::vector<std::string> names;
      for (const Field& f : fields) names.push_back(lower(trim(f.text)));
      const bool good = (names.size() == 3 || names.size() == 4) && names[0] == "indicator" &&
                        names[1] == "date" && names[2] == "value" &&
                        (names.size() == 3 || names[3] == "note");
      if (!good) {
        problem("invalid-value", at, 1, 1,
                "the first line must name the columns: indicator,date,value (and ,note)",
                "write `indicator,date,value,note` on the first line");
        return out;
      }
      continue;
    }
    if (out.rows.size() >= kMaxResultsRows) {
      problem("invalid-value", at, 1, 1,
              fmt::format("more than {} results in one file", kMaxResultsRows));
      break;
    }
    if (fields.size() < 3 || fields.size() > 4) {
      problem("invalid-value", at, 1, 1,
              fmt::format("{} columns: a result is indicator,date,value and a note", fields.size()),
              "quote a note or value that holds a comma: \"1,200\"");
      continue;
    }
    ResultRow row;
    row.line = at;
    row.indicator = trim(fields[0].text);
    row.date = trim(fields[1].text);
    row.value_text = trim(fields[2].text);
    if (fields.size() == 4) row.note = trim(fields[3].text);
    auto length = [](const std::string& s) {
      return static_cast<std::uint32_t>(std::max<std::size_t>(1, s.size()));
    };
    bool good = true;
    if (const auto p = by_path.find(row.indicator); p != by_path.end()) {
      std::tie(row.item, row.index) = p->second;
    } else if (const auto i = by_id.find(row.indicator); i != by_id.end() && uses[i->first] == 1) {
      std::tie(row.item, row.index) = i->second;
    } else if (i != by_id.end()) {
      problem("unknown-indicator", at, fields[0].column, length(fields[0].text),
              fmt::format("indicator '{}' is the id of indicators of several items: name which",
                          row.indicator),
              fmt::format("write ITEM/{}", row.indicator));
      good = false;
    } else {
      std::vector<std::string_view> known;
      for (const auto& [id, _] : by_id) known.push_back(id);
      std::string help =
          "write the id of one of the model's indicators, or give the "
          "indicator an `id:` in the model";
      // A slip of a letter or two (lmc/suggest.h, as unknown-reference suggests ids).
      if (const std::string near = nearest(row.indicator, known); !near.empty())
        help = fmt::format("did you mean '{}'?", near);
      problem("unknown-indicator", at, fields[0].column, length(fields[0].text),
              fmt::format("the model has no indicator '{}'", row.indicator), help);
      good = false;
    }
    if (!is_valid_date(row.date)) {
      problem("invalid-value", at, fields[1].column, length(fields[1].text),
              fmt::format("'{}' is not a date", row.date), "write dates as YYYY-MM-DD");
      good = false;
    } else if (row.date > today) {
      problem(
          "invalid-value", at, fields[1].column, length(fields[1].text),
          fmt::format("{} is after today ({}): a result cannot be measured yet", row.date, today),
          "correct the date, or run with --today");
      good = false;
    }
    if (const auto v = parse_measure(row.value_text)) {
      row.value = *v;
    } else {
      problem("invalid-value", at, fields[2].column, length(fields[2].text),
              fmt::format("'{}' is not a number", row.value_text),
              "write the value as a number: 42, 3.5 or 12.5%");
      good = false;
    }
    if (good) out.rows.push_back(std::move(row));
  }
  if (header && out.problems.empty()) {
    problem("invalid-value", 1, 1, 1, "the results file is empty",
            "write `indicator,date,value,note` on the first line, then a result a line");
  }
  return out;
}

std::vector<IndicatorState> indicator_states(const Model& model, const Results& results,
                                             std::string_view today) {
  std::vector<IndicatorState> out;
  for (std::size_t i = 0; i < model.items.size(); ++i) {
    const auto inds = model.items[i].indicators();
    for (std::size_t k = 0; k < inds.size(); ++k) {
      const Indicator& ind = inds[k];
      IndicatorState s;
      s.item = static_cast<int>(i);
      s.index = static_cast<int>(k);
      const ResultRow* first = nullptr;
      for (const ResultRow& r : results.rows) {
        if (r.item != s.item || r.index != s.index) continue;
        ++s.count;
        if (!s.latest || r.date >= s.latest->date) s.latest = &r;
        if (!first || r.date < first->date) first = &r;
      }
      const auto baseline = parse_measure(ind.baseline.value);
      const auto target = parse_measure(ind.target.value);
      const bool due = is_valid_date(ind.due.value);
      if (!s.latest) {
        s.status = IndicatorStatus::no_data;
        s.why = "no results yet";
      } else if (!baseline || !target || !due || *baseline == *target) {
        s.status = IndicatorStatus::untracked;
        s.why = !baseline || !target ? "no numeric baseline and target to measure it against"
                : !due               ? "no due date to measure it against"
                                     : "its target is its baseline";
      } else {
        const double v = s.latest->value;
        s.progress = (v - *baseline) / (*target - *baseline);
        const std::string start =
            is_valid_date(ind.baseline_date.value) ? ind.baseline_date.value : first->date;
        const double span = static_cast<double>(day_number(ind.due.value) - day_number(start));
        const double passed = static_cast<double>(day_number(s.latest->date) - day_number(start));
        s.expected = span <= 0 ? 1.0 : std::clamp(passed / span, 0.0, 1.0);
        // At a threshold counts as reaching it: decimals such as 0.4 against 0.5 - 0.1 are not
        // exact in binary.
        constexpr double kSlack = 1e-9;
        if (s.progress >= 1 - kSlack) {
          s.status = IndicatorStatus::achieved;
        } else if (s.progress < -kSlack || today > ind.due.value) {
          s.status = IndicatorStatus::off_track;
        } else if (s.progress >= s.expected - 0.1 - kSlack) {
          s.status = IndicatorStatus::on_track;
        } else {
          s.status = IndicatorStatus::at_risk;
        }
        s.why = fmt::format("{} of the way from {} to {} by {}; {} of the time had passed on {}",
                            s.progress < 0 ? fmt::format("{:.0f}% back", -s.progress * 100)
                                           : fmt::format("{:.0f}%", s.progress * 100),
                            number_text(*baseline), number_text(*target), ind.due.value,
                            fmt::format("{:.0f}%", s.expected * 100), s.latest->date);
        if (s.progress < 1 && today > ind.due.value) {
          s.why += fmt::format("; the due date {} has passed", ind.due.value);
        }
      }
      if (s.latest) {
        const std::string f = lower(trim(ind.frequency.value));
        if (f == "weekly") {
          s.stale = day_number(today) - day_number(s.latest->date) > 14;
        } else if (const int months = period_months(f); months > 0) {
          s.stale = add_months(s.latest->date, 2 * months) < day_number(today);
        }
      }
      out.push_back(std::move(s));
    }
  }
  return out;
}

std::vector<ItemState> item_states(const Model& model, const std::vector<IndicatorState>& states) {
  std::vector<ItemState> out(model.items.size());
  for (std::size_t i = 0; i < out.size(); ++i) out[i].item = static_cast<int>(i);
  for (const IndicatorState& s : states) {
    ItemState& it = out[static_cast<std::size_t>(s.item)];
    if (!it.worst || status_rank(s.status) > status_rank(*it.worst)) it.worst = s.status;
    it.stale = it.stale || s.stale;
  }
  return out;
}

}  // namespace lmc
