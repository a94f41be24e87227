#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Keeps the sample output in the README and docs/ what lmc prints for the shipped examples.

A sample is a fenced block between two markers; the command in the first marker is run from
the repository root (`lmc` is the binary given) and its output, after a `$ command` line,
replaces the block:

    <!-- sample: lmc check examples/broken/unknown-reference.yaml -->
    ```
    $ lmc check examples/broken/unknown-reference.yaml
    ...what it prints...
    ```
    <!-- /sample -->

A count in running text is the number of lines a command prints up to its first empty line:
`<!-- count: lmc rules -->30<!-- /count -->`.

    doc-samples.py LMC            rewrite every sample and count
    doc-samples.py --check LMC    exit 1, naming the files, when one is out of date (a test)
"""
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = re.compile(r"(<!-- sample: (?P<cmd>.+?) -->\n)```[a-z]*\n.*?```\n(<!-- /sample -->)", re.S)
COUNT = re.compile(r"(<!-- count: (?P<cmd>.+?) -->)\d+(<!-- /count -->)")


def run(lmc, command):
    args = shlex.split(command)
    assert args[0] == "lmc", command
    env = dict(os.environ, NO_COLOR="1", TERM="dumb")
    env.pop("CLICOLOR_FORCE", None)
    done = subprocess.run([lmc, *args[1:]], cwd=ROOT, env=env, capture_output=True, text=True)
    return done.stdout + done.stderr


def count(output):
    return len(output.split("\n\n")[0].splitlines())


def main():
    check = "--check" in sys.argv
    lmc = os.path.abspath([a for a in sys.argv[1:] if a != "--check"][0])
    stale = []
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]:
        text = path.read_text()
        new = SAMPLE.sub(lambda m: f"{m.group(1)}```\n$ {m.group('cmd')}\n{run(lmc, m.group('cmd'))}```\n"
                         f"{m.group(3)}", text)
        new = COUNT.sub(lambda m: f"{m.group(1)}{count(run(lmc, m.group('cmd')))}{m.group(3)}", new)
        if new != text:
            stale.append(path.relative_to(ROOT))
            if not check:
                path.write_text(new)
    if check and stale:
        print("out of date (run scripts/doc-samples.py build/cli/lmc):",
              ", ".join(map(str, stale)))
        return 1
    print(("checked" if check else "updated") + f": {len(stale)} file(s) " +
          ("out of date" if check else "rewritten"))
    return 0


sys.exit(main())
