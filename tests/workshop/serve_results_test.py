#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""lmc serve shows a model's results when the model names them (issue #24):

- the page draws each indicator's latest value and status under it, in words and a symbol;
- a new row saved in the CSV redraws the page with it, as a save of the model does;
- a row that names no indicator is listed with the findings, at the `results:` key;
- a model whose `results:` names a file outside the folder being served shows nothing of it
  (the file's text never reaches the page), and says so.

    tests/workshop/serve_results_test.py LMC
"""
import html
import json
import os
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_common import Server, raw_request, write_atomically  # noqa: E402

LMC = os.path.abspath(sys.argv[1])
SOURCE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FAILURES = []
TODAY = "2026-12-05"


def check(condition, what):
    if not condition:
        FAILURES.append(what)
        print("FAIL:", what, flush=True)


def model(server, path):
    status, _, body = raw_request(server, "GET", "/api/model/" + path)
    data = json.loads(body) if status == 200 else {}
    data["text"] = html.unescape(data.get("svg", ""))
    return data


def words(svg):
    """The SVG's text as it reads, each drawn line joined to the next."""
    import re
    return re.sub(r"\s+", " ", " ".join(re.sub(r"<[^>]+>", "", t) for t in
                                         re.findall(r"<text[^>]*>.*?</text>", svg, re.S)))


def main():
    work = tempfile.mkdtemp()
    try:
        root = os.path.join(work, "models")
        outside = os.path.join(work, "outside")
        os.makedirs(root)
        os.makedirs(outside)
        for name in ["mcp-neighbourhood.yaml", "mcp-results.csv"]:
            shutil.copy(os.path.join(SOURCE, "examples/results", name), root)
        csv_path = os.path.join(root, "mcp-results.csv")
        with open(os.path.join(outside, "secret.csv"), "w") as f:
            f.write("indicator,date,value\nnot-for-the-browser,2026-01-01,1\n")
        with open(os.path.join(SOURCE, "examples/results/mcp-neighbourhood.yaml")) as f:
            text = f.read()
        with open(os.path.join(root, "leak.yaml"), "w") as f:
            f.write(text.replace("results: mcp-results.csv", "results: ../outside/secret.csv"))

        with Server(LMC, root, "--today", TODAY) as server:
            page = model(server, "mcp-neighbourhood.yaml")
            said = words(page["text"])
            for expect in ["✗ off track: 52% on 2026-11-30", "✓ achieved: 47 on 2026-11-30",
                           "▲ at risk: 96.9 on 2026-09-30"]:
                check(expect in said, "the served page says %r" % expect)

            with open(csv_path) as f:
                rows = f.read()
            write_atomically(csv_path, rows + "single-route,2026-12-01,63%,\nsingle-rout,2026-12-01,1,\n")
            deadline = time.time() + 10
            while time.time() < deadline:
                page = model(server, "mcp-neighbourhood.yaml")
                if "63% on 2026-12-01" in words(page["text"]):
                    break
                time.sleep(0.1)
            check("✗ off track: 63% on 2026-12-01" in words(page["text"]),
                  "a row saved in the CSV redraws the page with it")
            unknown = [f for f in page.get("findings", []) if f["rule"] == "unknown-indicator"]
            check(len(unknown) == 1 and "single-rout" in unknown[0]["message"]
                  and unknown[0]["line"] == 13,
                  "the row for no indicator is a finding at the results: key: %s" % unknown)

            leak = model(server, "leak.yaml")
            check("not-for-the-browser" not in json.dumps(leak) and "<svg" in leak["text"],
                  "a results file outside the folder is not read: %s"
                  % [f["message"] for f in leak.get("findings", [])])
            check(any("outside the folder being served" in f["message"]
                      for f in leak.get("findings", [])), "and the page says why")
            check("off track" not in words(leak["text"]), "and draws no results")
            code = server.stop()
            check(code == 0, "stops on Ctrl-C with 0, not %s" % code)
    finally:
        shutil.rmtree(work)
    if FAILURES:
        print("%d failures" % len(FAILURES))
        return 1
    print("serve results: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
