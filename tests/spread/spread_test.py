#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""lmc spread (issue #25) on the red bag example, read by what people read it with:

- text: every core component and every assumption names each site's state, with the reasons
  recorded and the local evidence;
- json: valid against schemas/spread.schema.json with Ajv (and that file is what `lmc schema
  --spread` prints), and the states, reasons, fidelity and evidence the example records;
- markdown: the matrix a row per core component, a column per site;
- html: the page as headless Chromium builds it (its matrix, a cell a site, classed by fate);
- xlsx: opened by openpyxl (sheets, columns, typed dates) and by LibreOffice headless;
- and what must be said, not skipped: a file named that adapts another model or none, a site
  that cannot be read, no site at all (nothing written), an adaptation of a site (a note), the
  blueprint a folder, an output over a model.

    tests/spread/spread_test.py LMC        (from the repository's root)
"""
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

import openpyxl

LMC = os.path.abspath(sys.argv[1])
ROOT = pathlib.Path(__file__).resolve().parents[2]
BLUEPRINT = "examples/spread/red-bag.yaml"
FAILURES = []


def check(condition, what):
    if not condition:
        FAILURES.append(what)
        print("FAIL:", what, flush=True)


def lmc(*args, cwd=ROOT):
    return subprocess.run([LMC, *args], capture_output=True, cwd=cwd, timeout=120)


def test_text():
    r = lmc("spread", BLUEPRINT, "examples/spread")
    out = r.stdout.decode()
    check(r.returncode == 0, "spread exits 0: %d %s" % (r.returncode, r.stderr.decode()))
    check(r.stderr == b"", "spread says nothing on stderr: %s" % r.stderr.decode())
    check("to 2 sites" in out, "the text counts two sites")
    # Each core component: a line a site, and a reason under each that is not kept.
    blocks = re.split(r"\n  (?=resource|activity|output|outcome|impact)", out.split("\nCore components\n")[1].split("\n\n")[0])
    check(len(blocks) == 6, "six core components: %d" % len(blocks))
    for block in blocks:
        lines = block.strip().splitlines()
        sites = [line.split()[0] for line in lines[1:] if not line.strip().startswith("why:")]
        check(sites == ["Northfield", "Riverside"], "each component names both sites: %s" % lines)
        for k, line in enumerate(lines[1:], 1):
            if line.strip().startswith(("Northfield", "Riverside")) and "kept" not in line:
                check(k + 1 < len(lines) and "why:" in lines[k + 1], "a change says why: %s" % line)
    check(re.search(r"Riverside +replaced: its label, now 'An electronic transfer form", out),
          "the bag replaced by the electronic form at Riverside")
    check("crews on the rural routes" in out, "with Riverside's reason")
    check("fidelity inconsistent" in out, "the dropped outcome's fidelity")
    check(re.search(r"added activity 'A pharmacist checks the medicines in the returned bag", out),
          "Northfield's pharmacist step, added")
    # Each assumption: its summary across the sites and each site's evidence.
    check("held in 1 site, failed in 1" in out, "staff-pack held in one site, failed in one")
    check("46 of 50 transfers" in out and "31 of 52 transfers" in out, "the local audits as evidence")
    check("being tested in 1 site, untested in 1" in out, "wards-return tested at one site")


def test_json(work):
    r = lmc("spread", BLUEPRINT, "examples/spread/northfield", "examples/spread/riverside/red-bag.yaml",
            "--format", "json")
    check(r.returncode == 0, "spread --format json exits 0: %s" % r.stderr.decode())
    data = json.loads(r.stdout)
    path = work / "spread.json"
    path.write_bytes(r.stdout)
    schema = lmc("schema", "--spread").stdout
    check(schema == (ROOT / "schemas/spread.schema.json").read_bytes(),
          "schemas/spread.schema.json is not what `lmc schema --spread` prints")
    node = subprocess.run(["node", "tests/schema/validate.mjs", "schemas/spread.schema.json", str(path)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    check(node.returncode == 0, "the json is valid against its schema: %s%s" % (node.stdout, node.stderr))
    sites = [s["model"] for s in data["sites"]]
    check(sites == ["examples/spread/northfield/red-bag.yaml", "examples/spread/riverside/red-bag.yaml"],
          "the sites, found in the folder and named: %s" % sites)
    check([s["name"] for s in data["sites"]] == ["Northfield", "Riverside"], "the sites' names")
    fates = {c["id"]: [s["fate"] for s in c["sites"]] for c in data["core"]}
    check(fates == {"bags": ["kept", "replaced"], "transfer-pack": ["kept", "kept"],
                    "pack-bag": ["kept", "modified"], "handover": ["kept", "modified"],
                    "ward-returns": ["modified", "modified"], "bag-travels": ["kept", "replaced"]},
          "the matrix of core components: %s" % fates)
    for c in data["core"]:
        for s in c["sites"]:
            if s["fate"] != "kept":
                check(s["recorded"] and s["record"] and s["record"]["reason"],
                      "%s at %s: recorded with a reason" % (c["id"], s["model"]))
    bags = data["core"][0]["sites"][1]["record"]
    check(bags["change"] == "replaced" and bags["decided_by"] == "Riverside integrated care board"
          and bags["date"] == "2026-05-12" and bags["planned"] is True, "the bag's record: %s" % bags)
    riverside = {c["item"]: c for c in data["sites"][1]["changes"]}
    check(riverside["fewer-lost"]["change"] == "dropped"
          and riverside["fewer-lost"]["record"]["fidelity"] == "inconsistent", "fewer-lost dropped, inconsistent")
    northfield = {c["item"]: c["change"] for c in data["sites"][0]["changes"]}
    check(northfield == {"pharmacy": "added", "med-check": "added", "meds-reconciled": "added",
                         "pharmacists-reach": "added"}, "what Northfield added: %s" % northfield)
    by_id = {a["id"]: a for a in data["assumptions"]}
    check(by_id["staff-pack"]["summary"] == "held in 1 site, failed in 1", by_id["staff-pack"]["summary"])
    check([s["status"] for s in by_id["staff-pack"]["sites"]] == ["holds", "fails"], "staff-pack by site")
    check(any("31 of 52" in e for e in by_id["staff-pack"]["sites"][1]["evidence"]), "Riverside's audit")
    check(by_id["pharmacists-reach"]["from"] == "examples/spread/northfield/red-bag.yaml"
          and by_id["pharmacists-reach"]["sites"][1]["adopted"] is False, "Northfield's own assumption")
    check(by_id["info-shortens"]["context"] is False and by_id["staff-pack"]["context"] is True, "context flags")


def test_markdown():
    r = lmc("spread", BLUEPRINT, "examples/spread", "--format", "markdown")
    out = r.stdout.decode()
    check(r.returncode == 0, "markdown exits 0")
    table = out.split("## Core components\n\n")[1].split("\n\n")[0].splitlines()
    check(table[0] == "| Component | Northfield | Riverside |", "the matrix's header: %s" % table[0])
    check(len(table) == 8 and all(row.count(" | ") == 2 for row in table[2:]),
          "a row a core component, a cell a site: %s" % table)


def test_html(work):
    r = lmc("spread", BLUEPRINT, "examples/spread", "-o", str(work / "spread.html"))
    check(r.returncode == 0 and (work / "spread.html").exists(), "html written: %s" % r.stderr.decode())
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        check(False, "Chromium is needed to read the page")
        return
    dom = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu",
                          "--user-data-dir=%s" % (work / "chromium"), "--dump-dom",
                          (work / "spread.html").as_uri()], capture_output=True, text=True, timeout=120)
    page = dom.stdout
    matrix = page.split('<table class="matrix">')[1].split("</table>")[0] if '<table class="matrix">' in page else ""
    rows = re.findall(r"<tr>(.*?)</tr>", matrix, re.S)
    check(len(rows) == 7, "Chromium reads the matrix: a header and six components: %d" % len(rows))
    cells = [re.findall(r'<td class="(\w+)">', row) for row in rows[1:]]
    check(cells[0] == ["kept", "replaced"] if cells else False, "the bag's row: %s" % cells[:1])
    check(all(len(c) == 2 for c in cells), "two sites a row")
    check("held in 1 site, failed in 1" in page, "the page says where staff-pack held")


def fods_of(path, work):
    profile = work / "lo-profile"
    r = subprocess.run(["soffice", "-env:UserInstallation=file://%s" % profile, "--headless",
                        "--convert-to", "fods", "--outdir", str(work / "lo"), str(path)],
                       capture_output=True, text=True, timeout=300)
    fods = work / "lo" / (path.stem + ".fods")
    check(r.returncode == 0 and fods.exists(), "LibreOffice opens %s: %s" % (path.name, r.stderr))
    return fods.read_text() if fods.exists() else ""


def test_workbook(work):
    path = work / "spread.xlsx"
    r = lmc("spread", BLUEPRINT, "examples/spread", "-o", str(path))
    check(r.returncode == 0 and path.exists(), "xlsx written: %s" % r.stderr.decode())
    if not path.exists():
        return
    book = openpyxl.load_workbook(path)
    check(book.sheetnames == ["Core components", "Core by site", "Site changes", "Assumptions",
                              "Assumptions by site"], "the sheets: %s" % book.sheetnames)
    matrix = book["Core components"]
    header = [c.value for c in matrix[1]]
    check(header == ["Component", "Label", "Stage", "Northfield", "Riverside"], "matrix header: %s" % header)
    rows = {row[0]: row[3:] for row in matrix.iter_rows(min_row=2, values_only=True)}
    check(rows.get("bags") == ("kept", "replaced"), "the bag's row: %s" % (rows.get("bags"),))
    check(matrix.freeze_panes == "A2", "the header row frozen")
    by_site = book["Core by site"]
    dates = [row[10] for row in by_site.iter_rows(min_row=2, values_only=True) if row[10] is not None]
    check(dates and all(hasattr(d, "year") for d in dates), "record dates are dates: %s" % dates[:2])
    assumptions = {row[0]: row for row in book["Assumptions"].iter_rows(min_row=2, values_only=True)}
    check(assumptions["staff-pack"][6] == "held in 1 site, failed in 1"
          and assumptions["staff-pack"][7:] == ("holds", "fails"), "staff-pack: %s" % (assumptions["staff-pack"],))
    text = fods_of(path, work)
    check("Riverside integrated care board" in text and "office:value-type=\"date\"" in text,
          "LibreOffice reads the workbook, dates as dates")


def test_refusals(work):
    site = ROOT / "examples/spread"
    (work / "sites").mkdir()
    shutil.copy(site / "red-bag.yaml", work / "red-bag.yaml")
    shutil.copy(site / "northfield/red-bag.yaml", work / "sites/northfield.yaml")
    text = (work / "sites/northfield.yaml").read_text()
    (work / "sites/other.yaml").write_text("logic_model: 1\ntitle: Other\nresources:\n  - {id: a, label: A}\n")
    # An adaptation of the Northfield site: a note, not a site of the blueprint.
    (work / "sites/east.yaml").write_text(text.replace('model: "../red-bag.yaml"', 'model: northfield.yaml')
                                          .replace("Northfield", "East"))
    r = lmc("spread", "red-bag.yaml", "sites", cwd=work)
    err = r.stderr.decode()
    check(r.returncode == 0 and "to 1 site" in r.stdout.decode(), "a folder's other models are not sites: %s" % err)
    check("'sites/east.yaml' adapts 'northfield.yaml', itself an adaptation" in err, "the grandchild noted: %s" % err)
    # A file named that is not a site: said, exit 2 (the sites still reported).
    r = lmc("spread", "red-bag.yaml", "sites/northfield.yaml", "sites/other.yaml", cwd=work)
    check(r.returncode == 2 and "'sites/other.yaml' adapts no blueprint" in r.stderr.decode(),
          "a named model that adapts nothing: %d %s" % (r.returncode, r.stderr.decode()))
    # No site at all: an error, and nothing written.
    r = lmc("spread", "red-bag.yaml", "sites/other.yaml", "-o", "out.md", cwd=work)
    check(r.returncode == 2 and not (work / "out.md").exists(), "no site: exit 2, nothing written")
    check("no model in" in r.stderr.decode() or "adapts no blueprint" in r.stderr.decode(),
          "no site is said: %s" % r.stderr.decode())
    r = lmc("spread", "red-bag.yaml", ".", "-o", "out.md", cwd=work / "sites")
    check(r.returncode == 2 and "'red-bag.yaml': no such file" in r.stderr.decode(), "a blueprint that is not there")
    # A site that cannot be read: said where, exit 2.
    (work / "sites/broken.yaml").write_text("logic_model: 1\nadapts: {model: ../red-bag.yaml\n")
    r = lmc("spread", "red-bag.yaml", "sites", cwd=work)
    check(r.returncode == 2 and "sites/broken.yaml" in r.stderr.decode(), "a broken site is said: %s" % r.stderr.decode())
    (work / "sites/broken.yaml").unlink()
    # The blueprint a folder; an output over a model.
    r = lmc("spread", "sites", "sites", cwd=work)
    check(r.returncode == 2 and "is a folder" in r.stderr.decode(), "a folder as the blueprint")
    before = (work / "sites/northfield.yaml").read_bytes()
    r = lmc("spread", "red-bag.yaml", "sites", "-o", "sites/northfield.yaml", cwd=work)
    check(r.returncode == 2 and (work / "sites/northfield.yaml").read_bytes() == before,
          "never written over a model: %s" % r.stderr.decode())
    # The blueprint among the paths searched is not its own site.
    r = lmc("spread", "red-bag.yaml", ".", "--format", "json", cwd=work)
    check(r.returncode == 0 and len(json.loads(r.stdout)["sites"]) == 1, "the blueprint is not a site of itself")


def main():
    for tool in ("soffice", "node"):
        if not shutil.which(tool):
            print("spread_test: %s is needed" % tool, file=sys.stderr)
            return 1
    with tempfile.TemporaryDirectory() as tmp:
        work = pathlib.Path(tmp)
        test_text()
        test_json(work)
        test_markdown()
        test_html(work)
        test_workbook(work)
        test_refusals(work)
    if FAILURES:
        print("%d failures" % len(FAILURES))
        return 1
    print("spread: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
