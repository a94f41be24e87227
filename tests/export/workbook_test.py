#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""lmc export --format xlsx and the CSV for Excel, opened by the programs people open them with:

- the workbook by openpyxl (Debian's python3-openpyxl): the sheets, the frozen header row, the
  filter, column widths, and every cell's type (numbers, percentages and dates typed; "1-3"
  and "£45" text), across the models of a folder, with the results and the findings;
- the same workbook by LibreOffice headless, converted to flat ODS: LibreOffice's own types
  of the same cells;
- the CSV measurement plan by Python's csv module and by LibreOffice, imported as its text
  import dialog proposes for a file with a UTF-8 byte-order mark (UTF-8, comma): the pound
  sign intact and "1-3" text, not a date;
- and what must be refused: a workbook over a model, --results for two models, a model that
  cannot be read (nothing written), --results with another format.

    tests/export/workbook_test.py LMC
"""
import csv
import io
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

import openpyxl

LMC = os.path.abspath(sys.argv[1])
FAILURES = []
TODAY = "2026-12-01"


def check(condition, what):
    if not condition:
        FAILURES.append(what)
        print("FAIL:", what, flush=True)


MODEL = """\
logic_model: 1
title: Falls prevention
results: results.csv
resources:
  - id: physios
    label: Community physiotherapists
    owner: Therapy lead
    to: [classes]
activities:
  - id: classes
    label: Strength and balance classes
    to: [attended]
outputs:
  - id: attended
    label: People completing twelve weeks of classes
    owner: Therapy lead
    to: [fewer-falls]
    indicators:
      - id: completions
        label: Completions a quarter
        source: Class registers
        baseline: "1,200"
        baseline_date: 2026-01-01
        target: "2,000"
        due: 2026-12-31
        frequency: quarterly
      - id: cost
        label: Cost a session
        source: "£45 a session, finance ledger"
        baseline: "£45"
        target: "1-3"
        due: 2027-03-31
outcomes:
  - id: fewer-falls
    term: medium
    label: Fewer falls among people who completed the classes
    to: [independence]
    indicators:
      - id: falls-rate
        label: Falls a year among completers
        baseline: 40%
        target: 25.5%
        due: 2027-12-31
        frequency: monthly
  - id: confidence
    term: short
    label: More confidence moving about at home
    to: [fewer-falls]
impacts:
  - id: independence
    label: People live independently for longer
assumptions:
  - id: classes-work
    text: Twelve weeks of classes reduce falls
    about: [attended -> fewer-falls]
    status: untested
    evidence: [Cochrane review 2019]
    test:
      method: Compare completers with a matched group
      due: 2026-06-30
      owner: Evaluation team
"""

RESULTS = """\
indicator,date,value,note
completions,2026-03-31,"1,350",first quarter
completions,2026-06-30,"1,500",
falls-rate,2026-10-31,38%,
nonsense,2026-10-31,12,a row for no indicator
"""

OTHER = """\
logic_model: 1
title: Second model
activities:
  - id: visits
    label: Home visits
    to: [checks]
outputs:
  - id: checks
    label: Home safety checks
    indicators:
      - id: checks-done
        label: Checks done
        target: 300
        due: 2027-01-31
"""


def lmc(*args, **kw):
    return subprocess.run([LMC, *args], capture_output=True, **kw)


def cells(ws):
    return [[c for c in row] for row in ws.iter_rows()]


def by_header(ws):
    rows = list(ws.iter_rows(values_only=False))
    header = [c.value for c in rows[0]]
    return header, [dict(zip(header, r)) for r in rows[1:]]


def test_workbook(work):
    folder = work / "models"
    folder.mkdir()
    (folder / "falls.yaml").write_text(MODEL)
    (folder / "results.csv").write_text(RESULTS)
    (folder / "visits.yaml").write_text(OTHER)
    out = work / "registers.xlsx"
    r = lmc("export", str(folder), "--format", "xlsx", "-o", str(out), "--today", TODAY)
    # A results row for no indicator is a finding in the CSV: said, and the run exits 1.
    check(r.returncode == 1, "a results row for no indicator exits 1: %d %s" % (r.returncode, r.stderr))
    check(b"results.csv:5:1" in r.stderr and b"unknown-indicator" in r.stderr,
          "the unknown indicator is said where it is: %s" % r.stderr)
    check(out.exists(), "the workbook is written")
    wb = openpyxl.load_workbook(out)
    check(wb.sheetnames == ["Measurement plan", "Assumptions", "Findings", "Results"],
          "sheets: %s" % wb.sheetnames)
    for ws in wb:
        check(ws.freeze_panes == "A2", "%s: the header row is frozen (%s)" % (ws.title, ws.freeze_panes))
        check(ws["A1"].font.b, "%s: the header is bold" % ws.title)
        check(ws.auto_filter.ref is not None and ws.auto_filter.ref.startswith("A1:"),
              "%s: the header has a filter (%s)" % (ws.title, ws.auto_filter.ref))

    plan = wb["Measurement plan"]
    header, rows = by_header(plan)
    check(header == ["model", "item", "item label", "stage", "term", "owner", "indicator id",
                     "indicator", "source", "baseline", "baseline date", "target", "due",
                     "frequency", "latest value", "latest date", "status"], "plan header: %s" % header)
    models = sorted({row["model"].value for row in rows})
    check(len(models) == 2 and models[0].endswith("falls.yaml") and models[1].endswith("visits.yaml"),
          "both models of the folder are in the plan: %s" % models)
    ind = {row["indicator id"].value: row for row in rows if row["indicator id"].value}
    comp = ind["completions"]
    check(comp["baseline"].data_type == "n" and comp["baseline"].value == 1200,
          "'1,200' is the number 1200: %r" % comp["baseline"].value)
    check(comp["due"].is_date and comp["due"].value.date().isoformat() == "2026-12-31",
          "due is a date: %r" % comp["due"].value)
    check(comp["baseline date"].is_date, "baseline date is a date")
    check(comp["latest value"].value == 1500 and comp["latest date"].is_date,
          "latest value and date: %r %r" % (comp["latest value"].value, comp["latest date"].value))
    check(comp["status"].value == "at-risk", "completions status: %r" % comp["status"].value)
    check(comp["owner"].value == "Therapy lead", "owner: %r" % comp["owner"].value)
    cost = ind["cost"]
    check(cost["target"].data_type == "s" and cost["target"].value == "1-3",
          "'1-3' stays text: %r (%s)" % (cost["target"].value, cost["target"].data_type))
    check(cost["baseline"].data_type == "s" and cost["baseline"].value == "£45",
          "'£45' stays text: %r" % cost["baseline"].value)
    check(cost["status"].value == "no-data", "cost: no results: %r" % cost["status"].value)
    falls = ind["falls-rate"]
    check(falls["baseline"].value == 0.4 and "%" in falls["baseline"].number_format,
          "40%% is a percentage: %r %s" % (falls["baseline"].value, falls["baseline"].number_format))
    check(abs(falls["target"].value - 0.255) < 1e-12 and falls["target"].number_format == "0.0%",
          "25.5%% keeps its decimal: %r %s" % (falls["target"].value, falls["target"].number_format))
    check(falls["term"].value == "medium", "term: %r" % falls["term"].value)
    unmeasured = [row for row in rows if row["item"].value in ("confidence", "independence")]
    check(len(unmeasured) == 2 and all(row["status"].value == "not measured" for row in unmeasured),
          "an outcome and an impact with no indicator have a row each: %s"
          % [(row["item"].value, row["status"].value) for row in unmeasured])
    check(not any(row["item"].value in ("physios", "classes") for row in rows),
          "resources and activities without indicators have no row")
    other = [row for row in rows if row["model"].value.endswith("visits.yaml")]
    check(len(other) == 1 and other[0]["status"].value is None,
          "a model with no results has no status: %s" % [(r["item"].value, r["status"].value) for r in other])
    widths = {k: plan.column_dimensions[k].width for k in "ABCDH"}
    check(all(w and w >= 8 for w in widths.values()) and widths["C"] > widths["D"],
          "columns are sized to what they hold: %s" % widths)
    check(plan.column_dimensions["C"].width > 20, "the label column is wide enough to read: %s"
          % plan.column_dimensions["C"].width)

    header, rows = by_header(wb["Assumptions"])
    check(header == ["model", "id", "assumption", "about", "status", "evidence", "test method",
                     "test indicator", "due", "owner", "overdue"], "assumptions header: %s" % header)
    check(len(rows) == 1 and rows[0]["about"].value == "attended -> fewer-falls"
          and rows[0]["overdue"].value == "overdue" and rows[0]["due"].is_date,
          "the assumption, its link and its overdue test: %s"
          % [(c, v.value) for c, v in rows[0].items()] if rows else "no assumption row")

    header, rows = by_header(wb["Findings"])
    unknown = [row for row in rows if row["rule"].value == "unknown-indicator"]
    check(len(unknown) == 1 and unknown[0]["file"].value.endswith("results.csv")
          and unknown[0]["line"].value == 5 and unknown[0]["line"].data_type == "n"
          and unknown[0]["severity"].value == "error",
          "the unknown indicator is a finding in the CSV, line 5: %s"
          % [(c, v.value) for c, v in unknown[0].items()] if unknown else "no finding: %s" % rows)

    header, rows = by_header(wb["Results"])
    check(len(rows) == 3, "three results read: %d" % len(rows))
    check(rows[0]["value"].value == 1350 and rows[0]["date"].is_date
          and rows[0]["note"].value == "first quarter", "a result row: %s"
          % [(c, v.value) for c, v in rows[0].items()])
    check(rows[2]["value"].value == 0.38 and "%" in rows[2]["value"].number_format,
          "38%% is a percentage: %r" % rows[2]["value"].value)

    # LibreOffice reads the same workbook with the same types.
    types = libreoffice_types(work, out)
    check(("string", "1-3") in types and ("string", "£45") in types,
          "LibreOffice reads '1-3' and '£45' as text: %s" % [t for t in types if t[1] in ("1-3", "£45")])
    check(("float", "1200") in types, "LibreOffice reads 1,200 as a number")
    check(("date", "2026-12-31") in types, "LibreOffice reads the due date as a date")
    check(("percentage", "0.255") in types, "LibreOffice reads 25.5%% as a percentage: %s"
          % [t for t in types if t[0] == "percentage"])

    # Written to a pipe, the same workbook.
    piped = lmc("export", str(folder / "visits.yaml"), "--format", "xlsx", "--today", TODAY)
    check(piped.returncode == 0 and piped.stdout[:2] == b"PK",
          "a workbook goes down a pipe: %d %s" % (piped.returncode, piped.stderr))


def libreoffice_types(work, path):
    """(value type, value) of every typed cell of the first sheet, as LibreOffice reads it."""
    profile = work / "lo-profile"
    outdir = work / "lo"
    r = subprocess.run(["soffice", "-env:UserInstallation=file://%s" % profile, "--headless",
                        "--convert-to", "fods", "--outdir", str(outdir), str(path)],
                       capture_output=True, text=True, timeout=300)
    fods = outdir / (path.stem + ".fods")
    check(r.returncode == 0 and fods.exists(), "LibreOffice opens %s: %s" % (path.name, r.stderr))
    if not fods.exists():
        return []
    text = fods.read_text()
    text = text[:text.find("</table:table>")]  # the first sheet
    found = []
    for m in re.finditer(r'<table:table-cell([^>]*?)(/>|>(.*?)</table:table-cell>)', text, re.S):
        attrs, body = m.group(1), m.group(3) or ""
        kind = re.search(r'office:value-type="(\w+)"', attrs)
        if not kind:
            continue
        value = re.search(r'office:(?:date-)?value="([^"]*)"', attrs)
        shown = re.sub(r"<[^>]+>", "", body).strip()
        if kind.group(1) == "string":
            found.append(("string", shown.replace("&amp;", "&")))
        elif kind.group(1) == "date":
            found.append(("date", value.group(1)[:10]))
        else:
            found.append((kind.group(1), value.group(1)))
    return found


def test_csv(work):
    folder = work / "csv"
    folder.mkdir()
    (folder / "falls.yaml").write_text(MODEL.replace("results: results.csv\n", ""))
    out = folder / "plan.csv"
    r = lmc("export", str(folder / "falls.yaml"), "--format", "csv", "-o", str(out))
    check(r.returncode == 0, "csv export: %s" % r.stderr)
    raw = out.read_bytes()
    check(raw.startswith(b"\xef\xbb\xbf"), "the CSV starts with a UTF-8 byte-order mark")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    check(rows[0][0] == "item_id", "the header's first field has no mark in it: %r" % rows[0][0])
    cost = [row for row in rows if row[3] == "cost"]
    check(cost and cost[0][6] == "£45" and cost[0][7] == "1-3", "csv reads £45 and 1-3: %s" % cost)
    # LibreOffice, as its import dialog proposes for this file: UTF-8, comma, quote.
    lo = work / "lo-csv"
    r = subprocess.run(["soffice", "-env:UserInstallation=file://%s" % (work / "lo-profile"),
                        "--headless", "--infilter=CSV:44,34,76", "--convert-to", "fods",
                        "--outdir", str(lo), str(out)], capture_output=True, text=True, timeout=300)
    fods = lo / "plan.fods"
    check(fods.exists(), "LibreOffice opens the CSV: %s" % r.stderr)
    if fods.exists():
        text = fods.read_text()
        check("ï»¿" not in text and "Â£" not in text, "LibreOffice shows no mojibake")
        check(re.search(r'office:value-type="string"[^>]*>\s*<text:p>£45</text:p>', text),
              "LibreOffice reads £45 as text")
        check(re.search(r'office:value-type="string"[^>]*>\s*<text:p>1-3</text:p>', text),
              "LibreOffice reads 1-3 as text, not a date")


def test_refusals(work):
    folder = work / "refuse"
    folder.mkdir()
    model = folder / "falls.yaml"
    model.write_text(MODEL.replace("results: results.csv\n", ""))
    (folder / "visits.yaml").write_text(OTHER)
    before = model.read_bytes()
    r = lmc("export", str(model), "--format", "xlsx", "-o", str(model))
    check(r.returncode == 2 and model.read_bytes() == before,
          "a workbook is never written over its model: %d %s" % (r.returncode, r.stderr))
    r = lmc("export", str(folder), "--format", "xlsx", "--results", str(folder / "x.csv"),
            "-o", str(folder / "x.xlsx"))
    check(r.returncode == 2 and b"one model" in r.stderr and not (folder / "x.xlsx").exists(),
          "--results with two models is refused: %s" % r.stderr)
    r = lmc("export", str(model), "--format", "xlsx", "--results", str(folder / "missing.csv"),
            "-o", str(folder / "y.xlsx"))
    check(r.returncode == 2 and b"missing.csv" in r.stderr and not (folder / "y.xlsx").exists(),
          "results that cannot be read: said, nothing written: %s" % r.stderr)
    broken = folder / "broken.yaml"
    broken.write_text("logic_model: 1\noutputs: [\n")
    r = lmc("export", str(folder), "--format", "xlsx", "-o", str(folder / "z.xlsx"))
    check(r.returncode == 2 and b"broken.yaml" in r.stderr and not (folder / "z.xlsx").exists(),
          "a model that cannot be read: said, nothing written: %s" % r.stderr)
    r = lmc("export", str(model), "--format", "json", "--results", str(folder / "x.csv"))
    check(r.returncode == 2 and b"xlsx" in r.stderr, "--results with json is refused: %s" % r.stderr)


def main():
    if not shutil.which("soffice"):
        print("workbook_test: LibreOffice (libreoffice-calc-nogui) is needed", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        work = pathlib.Path(tmp)
        test_workbook(work)
        test_csv(work)
        test_refusals(work)
    if FAILURES:
        print("%d failures" % len(FAILURES))
        return 1
    print("workbook: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
