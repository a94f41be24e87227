#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""lmc export, checked by the tools that read it:

- csv: read back with Python's csv module (RFC 4180), a row per indicator, every field as the
  JSON export has it;
- json: valid against schemas/export.schema.json with Ajv, and that file is what
  `lmc schema --export` prints;
- mermaid: parsed by Mermaid's own parser (the npm package pinned in tests/schema's lockfile)
  in headless Chromium, and a broken flowchart is rejected by it (the check can fail);
- markdown: every item's label and id, every assumption and factor, in the outline.

    tests/export/export_test.py LMC         (from the repository root)
"""
import csv
import glob
import io
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

LMC = os.path.abspath(sys.argv[1])
FAILURES = []
HERE = os.path.dirname(os.path.abspath(__file__))
MODELS = sorted(glob.glob("examples/*.yaml")) + [os.path.join(HERE, "hostile.yaml")]


def check(condition, what):
    if not condition:
        FAILURES.append(what)
        print("FAIL:", what, flush=True)


def export(model, fmt):
    r = subprocess.run([LMC, "export", model, "--format", fmt], capture_output=True)
    check(r.returncode == 0, "%s --format %s exits %d: %s" % (model, fmt, r.returncode, r.stderr))
    return r.stdout


def test_csv_and_json(work):
    schema = subprocess.run([LMC, "schema", "--export"], capture_output=True, check=True).stdout
    check(schema == pathlib.Path("schemas/export.schema.json").read_bytes(),
          "schemas/export.schema.json is not what `lmc schema --export` prints")
    jsons = []
    for k, model in enumerate(MODELS):
        data = export(model, "json")
        path = os.path.join(work, "export-%d.json" % k)
        pathlib.Path(path).write_bytes(data)
        jsons.append(path)
        doc = json.loads(data)
        expected = [[it["id"], it["label"], it["stage"], ind["id"] or "", ind["label"],
                     ind["source"] or "", ind["baseline"] or "", ind["target"] or "",
                     ind["due"] or "", ind["frequency"] or ""]
                    for it in doc["items"] for ind in it["indicators"]]
        raw = export(model, "csv")
        check(raw.endswith(b"\r\n") and b"\r\n" in raw, "%s: CSV lines end in CRLF" % model)
        check(raw.startswith(b"\xef\xbb\xbf"), "%s: the CSV starts with a byte-order mark" % model)
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        check(rows[0] == ["item_id", "item_label", "stage", "indicator_id", "indicator", "source",
                          "baseline", "target", "due", "frequency"], "%s: CSV header" % model)
        check(rows[1:] == expected, "%s: CSV rows differ from the model's indicators:\n%s\n%s"
              % (model, rows[1:], expected))
    node = subprocess.run(["node", "tests/schema/validate.mjs", "schemas/export.schema.json",
                           *jsons], capture_output=True, text=True)
    check(node.returncode == 0, "the JSON export is not valid against its schema: " + node.stdout)
    hostile = json.loads(pathlib.Path(jsons[-1]).read_text())
    check(hostile["assumptions"][0]["about"] == [{"link": {"from": "end", "to": "subgraph"}},
                                                  {"item": "click"}],
          "about references are resolved: %s" % hostile["assumptions"][0]["about"])


def test_programme(work):
    """A programme's exports roll it up over the work streams its boxes name."""
    model = "examples/programme/programme.yaml"
    data = export(model, "json")
    path = os.path.join(work, "programme.json")
    pathlib.Path(path).write_bytes(data)
    node = subprocess.run(["node", "tests/schema/validate.mjs", "schemas/export.schema.json", path],
                          capture_output=True, text=True)
    check(node.returncode == 0, "the programme's JSON export is not valid: " + node.stdout)
    doc = json.loads(data)
    check(doc["programme"] == "Multispecialty community provider vanguard",
          "the model's own `programme` text is kept: %r" % doc["programme"])
    roll = doc["roll_up"]
    outcomes = [it["id"] for it in doc["items"] if it["stage"] in ("outcome", "impact")]
    check([t["id"] for t in roll["targets"]] == outcomes,
          "the roll-up lists every programme outcome and impact in file order")
    for t in roll["targets"]:
        check(t["work_streams"], "%s: no work stream carries it" % t["id"])
        for w in t["work_streams"]:
            check(all(step["indicators"] for step in w["through"]),
                  "%s: %s contributes through an item with no indicator" % (t["id"], w["model"]))
    bed_days = next(t for t in roll["targets"] if t["id"] == "fewer-bed-days")
    check(sorted(w["model"] for w in bed_days["work_streams"]) ==
          ["examples/programme/workstreams/care-homes.yaml",
           "examples/programme/workstreams/frailty.yaml"],
          "fewer-bed-days is carried by the care homes and frailty work streams only: %s"
          % bed_days["work_streams"])
    check(roll["uncarried_outcomes"] == [], "every programme outcome is carried")
    shared = {s["indicator"]: s for s in roll["shared_indicators"]}
    admissions = shared.get("Non-elective admissions per 1,000 people aged 75 and over")
    check(admissions is not None and len(admissions["measured_in"]) == 3,
          "non-elective admissions are measured in the programme and two work streams: %s"
          % roll["shared_indicators"])
    rows = list(csv.reader(io.StringIO(export(model, "csv").decode("utf-8-sig"), newline="")))
    streams = [r for r in rows[1:] if "#" in r[0]]
    check(len(streams) >= 12 and all(r[0].startswith("workstreams/") for r in streams),
          "the measurement plan carries the work streams' indicators as PATH#id rows")
    check(len(rows) - 1 - len(streams) == sum(len(it["indicators"]) for it in doc["items"]),
          "the programme's own indicators come first, one row each")
    text = export(model, "markdown").decode("utf-8")
    check("### Programme roll-up" in text and "One front door for urgent care" in text,
          "the Markdown outline ends with the roll-up")


def test_markdown():
    for model in MODELS:
        text = export(model, "markdown").decode("utf-8")
        doc = json.loads(export(model, "json"))
        for it in doc["items"]:
            check("(`%s`)" % it["id"] in text, "%s: markdown lacks item %s" % (model, it["id"]))
        for a in doc["assumptions"]:
            check("`%s`" % a["id"] in text, "%s: markdown lacks assumption %s" % (model, a["id"]))
        check(text.startswith("# "), "%s: markdown starts with its title" % model)


def test_mermaid(work):
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    mermaid = os.path.abspath("tests/schema/node_modules/mermaid/dist/mermaid.min.js")
    if not os.path.exists(mermaid):
        check(False, "Mermaid is not installed: npm ci --prefix tests/schema")
        return
    page = os.path.join(work, "parse.html")
    pathlib.Path(page).write_text(
        '<!DOCTYPE html><meta charset="utf-8"><script src="file://%s"></script>'
        "<script>mermaid.initialize({startOnLoad: false});</script>" % mermaid)
    options = Options()
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--allow-file-access-from-files"]:
        options.add_argument(arg)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    driver = webdriver.Chrome(
        service=Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver"),
        options=options)
    try:
        driver.get("file://" + page)
        parse = ("const done = arguments[arguments.length - 1];"
                 "mermaid.parse(arguments[0]).then(() => done('ok'), e => done(String(e)));")
        for model in MODELS:
            text = export(model, "mermaid").decode("utf-8")
            result = driver.execute_async_script(parse, text)
            check(result == "ok", "%s: Mermaid rejects the flowchart: %s" % (model, result))
        broken = driver.execute_async_script(parse, "flowchart LR\n  a[\"x\"] --> \n  subgraph\n")
        check(broken != "ok", "Mermaid's parser accepts a broken flowchart: the check is blind")
    finally:
        driver.quit()


def main():
    work = tempfile.mkdtemp()
    try:
        test_csv_and_json(work)
        test_programme(work)
        test_markdown()
        test_mermaid(work)
    finally:
        shutil.rmtree(work)
    if FAILURES:
        print("%d failures" % len(FAILURES))
        sys.exit(1)
    print("export: %d models, every check held" % len(MODELS))


if __name__ == "__main__":
    main()
