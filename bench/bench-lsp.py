#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""How quickly `lmc lsp` answers an editor: from opening a model to its findings, from a
change to the new findings (the quiet time set to 0, so this is the checking alone), and a
hover. Speaks the protocol through the client of tests/editor/lsp_protocol_test.py.

    bench/bench-lsp.py LMC [MODEL...]     (default: the example programme and a large model)
"""
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
lmc = sys.argv[1]
models = [Path(m).resolve() for m in sys.argv[2:]] or [
    ROOT / "examples/programme/programme.yaml", ROOT / "examples/ehch-care-homes.yaml"]

# The test's client, without running the test.
source = (ROOT / "tests/editor/lsp_protocol_test.py").read_text()
source = source.split("with tempfile.TemporaryDirectory()")[0]
source = source.replace('Path(__file__).parent', f'Path("{ROOT / "tests/editor"}")')
sys.argv = [sys.argv[0], lmc]
exec(source)

for path in models:
    uri, text = uri_of(path), path.read_text()
    c = Client("--debounce", "0")
    c.initialize(path.parent)
    t = time.perf_counter()
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml",
                                                       "version": 1, "text": text}})
    c.diagnostics(uri)
    opened = time.perf_counter() - t
    changes, hovers = [], []
    for v in range(2, 52):
        t = time.perf_counter()
        c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": v},
                                            "contentChanges": [{"text": text + "#" * v + "\n"}]})
        c.diagnostics(uri, where=lambda p, v=v: p.get("version") == v)
        changes.append(time.perf_counter() - t)
    for _ in range(50):
        t = time.perf_counter()
        c.request("textDocument/hover", {"textDocument": {"uri": uri},
                                         "position": {"line": 10, "character": 12}})
        hovers.append(time.perf_counter() - t)
    c.request("shutdown", None)
    c.notify("exit", None)
    name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    print(f"{name}: open -> findings {opened * 1000:.1f} ms; change -> findings "
          f"median {statistics.median(changes) * 1000:.1f} ms (max {max(changes) * 1000:.1f}); "
          f"hover median {statistics.median(hovers) * 1000:.2f} ms")
