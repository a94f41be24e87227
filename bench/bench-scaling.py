#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Time that must grow no faster than the work (issue #20, item 18): `lmc check` of a chain of
N linked models (each links to the next with PATH#id), and, in `lmc lsp`, the time from saving
one model to its new findings with N other models open (a save checks the saved model and the
open models that name it, not every open model). Linear when the time per model stays flat.

    bench/bench-scaling.py LMC
"""
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
lmc = os.path.abspath(sys.argv[1])

# The language-server test's client, without running the test.
source = (ROOT / "tests/editor/lsp_protocol_test.py").read_text()
source = source.split("with tempfile.TemporaryDirectory()")[0]
source = source.replace('Path(__file__).parent', f'Path("{ROOT / "tests/editor"}")')
saved_argv = sys.argv
sys.argv = [sys.argv[0], lmc]
exec(source)
sys.argv = saved_argv


def chain(directory, n):
    """N models, each one activity and one output, the output linking to the next model's."""
    for k in range(n):
        text = ("logic_model: 1\ntitle: Model %d\nactivities:\n  - {id: a, label: Activity %d, "
                "to: [o]}\noutputs:\n  - id: o\n    label: Output %d\n" % (k, k, k))
        if k + 1 < n:
            text += "    to: [m%d.yaml#o]\n" % (k + 1)
        (directory / ("m%d.yaml" % k)).write_text(text)


print("lmc check of a chain of N linked models")
print("%8s %12s %16s" % ("models", "time (ms)", "per model (us)"))
for n in (1000, 2500, 5000, 10000):
    with tempfile.TemporaryDirectory() as tmp:
        chain(Path(tmp), n)
        best = None
        for _ in range(3):
            start = time.perf_counter()
            subprocess.run([lmc, "check", "-q", "--fail-on", "never", str(Path(tmp) / "m0.yaml")],
                           stdout=subprocess.DEVNULL, check=True)
            took = time.perf_counter() - start
            best = took if best is None else min(best, took)
        print("%8d %12.0f %16.1f" % (n, best * 1000, best * 1e6 / n))

def separate(directory, n):
    """N models that do not name each other, as in a folder of a team's models."""
    model = (ROOT / "examples/ehch-care-homes.yaml").read_text()
    for k in range(n):
        (directory / ("m%d.yaml" % k)).write_text(model.replace("title: ", "title: %d " % k, 1))


print()
print("lmc lsp: from saving one model to its findings, with N other models open")
print("%8s %12s" % ("open", "save (ms)"))
for n in (250, 500, 1000, 2000):
    with tempfile.TemporaryDirectory() as tmp:
        separate(Path(tmp), n)
        c = Client("--debounce", "0")
        c.initialize(Path(tmp))
        for k in range(n):
            path = Path(tmp) / ("m%d.yaml" % k)
            c.notify("textDocument/didOpen", {"textDocument": {
                "uri": uri_of(path), "languageId": "yaml", "version": 1, "text": path.read_text()}})
        last = uri_of(Path(tmp) / ("m%d.yaml" % (n - 1)))
        c.diagnostics(last, timeout=600)
        c.drain(quiet=1.0)
        c.pending.clear()
        middle = Path(tmp) / ("m%d.yaml" % (n // 2))
        start = time.perf_counter()
        c.notify("textDocument/didSave", {"textDocument": {"uri": uri_of(middle)}})
        c.diagnostics(uri_of(middle), timeout=600)
        took = time.perf_counter() - start
        print("%8d %12.0f" % (n, took * 1000))
        c.proc.kill()
        c.proc.wait(30)
