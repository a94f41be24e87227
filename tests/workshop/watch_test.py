#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""lmc render --watch: each save (in place, or a temporary file renamed over the model) rewrites
the output whole and prints one line with the finding counts; a save that breaks the YAML
keeps the old output and prints the located error; Ctrl-C ends it with exit 0.

    tests/workshop/watch_test.py LMC
"""
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_common import write_atomically, write_in_place  # noqa: E402

LMC = os.path.abspath(sys.argv[1])
FAILURES = []


def check(condition, what):
    if not condition:
        FAILURES.append(what)
        print("FAIL:", what, flush=True)


def reader(stream, lines):
    for line in stream:
        lines.put(line)


def next_line(lines, what, timeout=10):
    try:
        return lines.get(timeout=timeout)
    except queue.Empty:
        check(False, "no line for " + what)
        return ""


def main():
    work = tempfile.mkdtemp()
    try:
        model = os.path.join(work, "model.yaml")
        out = os.path.join(work, "model.svg")
        subprocess.run([LMC, "init", model, "-t", "uec"], check=True, stderr=subprocess.DEVNULL)
        good = open(model).read()
        proc = subprocess.Popen([LMC, "render", model, "-o", out, "--watch"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        stdout, stderr = queue.Queue(), queue.Queue()
        threading.Thread(target=reader, args=(proc.stdout, stdout), daemon=True).start()
        threading.Thread(target=reader, args=(proc.stderr, stderr), daemon=True).start()
        first = next_line(stdout, "the first drawing")
        check(re.match(r"\d\d:\d\d:\d\d redrew '.*model.svg': 0 errors, 0 warnings, \d+ infos?$",
                       first.strip()), "first line: %r" % first)
        check("Ctrl-C stops" in next_line(stderr, "the watching note"), "says how to stop")
        check("Urgent care, right first time" in open(out).read(), "the first drawing is there")

        write_in_place(model, good.replace("title: Urgent care, right first time",
                                           "title: Urgent care, saved in place"))
        line = next_line(stdout, "a save in place")
        check("redrew" in line, "a save in place redraws: %r" % line)
        check("saved in place" in open(out).read(), "the output has the saved title")

        # An unknown reference: drawn, and counted.
        write_atomically(model, good.replace("to: [calls-assessed]", "to: [calls-assesed]"))
        line = next_line(stdout, "a save by rename")
        check(re.search(r"redrew .*: 1 error,", line), "a save by rename redraws: %r" % line)

        before = open(out, "rb").read()
        write_in_place(model, good.replace("resources:\n", "resources:\n  - [\n", 1))
        error = next_line(stderr, "the error of a broken save")
        check(re.search(r"model\.yaml:\d+:\d+: error:", error), "a located error: %r" % error)
        kept = ""
        while "kept as it was" not in kept:
            kept = next_line(stderr, "the note that the output is kept")
            if not kept:
                break
        check(open(out, "rb").read() == before, "the old output is kept while the YAML is broken")

        write_in_place(model, good)
        line = next_line(stdout, "a save once fixed")
        check("0 errors" in line, "fixed: %r" % line)
        leftovers = [n for n in os.listdir(work) if n not in ("model.yaml", "model.svg")]
        check(not leftovers, "files left beside the output: %s" % leftovers)

        proc.send_signal(signal.SIGINT)
        start = time.time()
        code = proc.wait(timeout=5)
        check(code == 0, "Ctrl-C exits %d" % code)
        check(time.time() - start < 2, "Ctrl-C took %.1f s" % (time.time() - start))

        # Standard output cannot be watched; the usage error says why.
        refused = subprocess.run([LMC, "render", model, "-o", "-", "--format", "svg", "--watch"],
                                 capture_output=True, text=True, timeout=10)
        check(refused.returncode == 2 and "--watch" in refused.stderr,
              "--watch to stdout: %d %r" % (refused.returncode, refused.stderr))
    finally:
        shutil.rmtree(work)
    if FAILURES:
        print("%d failures" % len(FAILURES))
        sys.exit(1)
    print("watch: every check held")


if __name__ == "__main__":
    main()
