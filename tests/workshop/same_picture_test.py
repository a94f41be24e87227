#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# The same picture live and printed (issue #22): the first drawing of a model has the same
# box order in `lmc serve` as in `lmc render`, and after the same edit, each drawn over its
# own first drawing, both still agree and keep the boxes they had where they were.
#   same_picture_test.py LMC
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_common import Server, write_atomically  # noqa: E402

MEMO = re.compile(r"lmc-layout/1 \[([^\]]*)\]")
HERE = os.path.dirname(os.path.abspath(__file__))
failures = []


def order(svg):
    m = MEMO.search(svg)
    return [col.split() for col in m.group(1).split("|")] if m else None


def served(server, name, after_version=0):
    for _ in range(100):
        with urllib.request.urlopen(server.url + "api/model/" + name) as r:
            d = json.load(r)
        if d.get("version", 0) > after_version and d.get("svg"):
            return d
        time.sleep(0.1)
    raise RuntimeError("the live page was not redrawn")


def printed(lmc, model, out):
    subprocess.run([lmc, "render", model, "-o", out], capture_output=True, check=False)
    with open(out, encoding="utf-8") as f:
        return f.read()


def main():
    lmc = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp()
    try:
        for source in ("discharge-24.yaml", "falls-21.yaml"):
            model = os.path.join(work, source)
            shutil.copy(os.path.join(HERE, "..", "render", "workshop", source), model)
            out = os.path.join(work, source + ".svg")
            with Server(lmc, model) as server:
                live = served(server, source)
                first_live, first_printed = order(live["svg"]), order(printed(lmc, model, out))
                if first_live != first_printed:
                    failures.append(f"{source}: first drawings differ:\n  live    {first_live}\n"
                                    f"  printed {first_printed}")
                # The same edit: a new resource linked to the first activity.
                with open(model, encoding="utf-8") as f:
                    text = f.read()
                first_activity = re.search(r"activities:\n  - id: (\S+)", text).group(1)
                text = text.replace("resources:\n", "resources:\n  - id: new-resource\n"
                                    f"    label: A resource added in the workshop\n"
                                    f"    to: [{first_activity}]\n", 1)
                write_atomically(model, text)
                edited_live = order(served(server, source, live["version"])["svg"])
                edited_printed = order(printed(lmc, model, out))
                if edited_live != edited_printed:
                    failures.append(f"{source}: after the edit the drawings differ:\n"
                                    f"  live    {edited_live}\n  printed {edited_printed}")
                # Boxes that were there keep their order.
                for before, after in zip(first_printed, edited_printed):
                    kept = [b for b in after if b in before]
                    if kept != before:
                        failures.append(f"{source}: the edit reshuffled {before} into {kept}")
                server.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for f in failures:
        print("FAIL:", f)
    print(f"same picture: {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
