#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""lmc lsp at the protocol level: JSON-RPC over a pipe, as an editor speaks it.

Diagnostics (rule, severity, rule page, related places, the suggestion), quick fixes that
replace the misspelt id or key, hover, completion, go-to-definition within a model and across
models, .lmc.yaml, debouncing, unsaved text of another open model, and bad input (not JSON, a
bad header, unknown methods, bad params, requests before initialize) answered without a crash.

    lsp_protocol_test.py LMC
"""
import json
import os
import queue
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

LMC = sys.argv[1]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


class Client:
    def __init__(self, *args):
        self.proc = subprocess.Popen([LMC, "lsp", *args], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.messages = queue.Queue()
        self.next_id = 0
        self.pending = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.decode().strip()
                if not line:
                    break
                name, value = line.split(":", 1)
                headers[name.lower()] = value.strip()
            body = out.read(int(headers["content-length"]))
            if not body:
                return
            self.messages.put(json.loads(body))

    def raw(self, data: bytes):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, message):
        body = json.dumps(message).encode()
        self.raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params, timeout=10):
        self.next_id += 1
        rid = self.next_id
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == rid, timeout)

    def wait(self, match, timeout=10):
        """The first message that matches, in the order they came; the others stay pending
        for later waits."""
        for k, m in enumerate(self.pending):
            if match(m):
                return self.pending.pop(k)
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                m = self.messages.get(timeout=max(0.01, deadline - time.time()))
            except queue.Empty:
                break
            if match(m):
                return m
            self.pending.append(m)
        return None

    def drain(self, quiet=0.5):
        """Everything that arrives until `quiet` seconds pass with nothing."""
        while True:
            try:
                self.pending.append(self.messages.get(timeout=quiet))
            except queue.Empty:
                return self.pending

    def diagnostics(self, uri, timeout=10, where=None):
        m = self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                      and m["params"]["uri"] == uri and (where is None or where(m["params"])),
                      timeout)
        return None if m is None else m["params"]["diagnostics"]

    def initialize(self, root):
        r = self.request("initialize", {"processId": os.getpid(), "rootUri": uri_of(root),
                                        "capabilities": {}})
        self.notify("initialized", {})
        return r


def uri_of(path):
    return "file://" + quote(str(path))


# The model both editor tests open (nvim_lsp_test.sh too): an unknown reference on line 10.
MODEL = (Path(__file__).parent / "falls.yaml").read_text()

with tempfile.TemporaryDirectory() as tmp:
    root = Path(tmp) / "models with space"
    root.mkdir()
    model = root / "falls.yaml"
    model.write_text(MODEL)
    uri = uri_of(model)

    c = Client("--today", "2026-01-01")
    init = c.initialize(root)
    caps = init["result"]["capabilities"]
    check(caps.get("hoverProvider") and caps.get("definitionProvider")
          and "completionProvider" in caps and "codeActionProvider" in caps,
          f"capabilities: {caps}")
    check(init["result"]["serverInfo"]["name"] == "lmc", "serverInfo")

    # Opening the model: the unknown reference, where it is written, with the suggestion.
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml",
                                                       "version": 1, "text": MODEL}})
    diags = c.diagnostics(uri)
    check(diags is not None, "diagnostics published on open")
    unknown = [d for d in diags or [] if d["code"] == "unknown-reference"]
    check(len(unknown) == 1, f"one unknown-reference: {diags}")
    if unknown:
        d = unknown[0]
        check(d["range"] == {"start": {"line": 9, "character": 9},
                             "end": {"line": 9, "character": 19}}, f"range: {d['range']}")
        check(d["severity"] == 1 and d["source"] == "lmc", "severity and source")
        check("did you mean 'fewer-falls'?" in d["message"], f"suggestion: {d['message']}")
        check(d["codeDescription"]["href"].endswith("/docs/rules/unknown-reference.md"),
              "the rule's page")

        # The quick fix replaces exactly the misspelt id.
        actions = c.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": d["range"],
            "context": {"diagnostics": [d]}})["result"]
        check(len(actions) == 2 and actions[0]["kind"] == "quickfix" and actions[0]["isPreferred"],
              f"actions: {actions}")
        if actions:
            edit = actions[0]["edit"]["changes"][uri][0]
            check(edit == {"range": d["range"], "newText": "fewer-falls"}, f"edit: {edit}")
        # ... and the finding can be silenced where it is, by a comment on the line above.
        if len(actions) == 2:
            check(actions[1]["title"] == "Ignore unknown-reference here (# lmc: ignore[unknown-reference])",
                  f"ignore action: {actions[1]['title']}")
            edit = actions[1]["edit"]["changes"][uri][0]
            check(edit == {"range": {"start": {"line": 9, "character": 0}, "end": {"line": 9, "character": 0}},
                           "newText": "    # lmc: ignore[unknown-reference]\n"}, f"ignore edit: {edit}")
            lines = MODEL.splitlines(keepends=True)
            silenced = "".join(lines[:9] + [edit["newText"]] + lines[9:])
            c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 100},
                                                "contentChanges": [{"text": silenced}]})
            diags = c.diagnostics(uri, where=lambda p: p.get("version") == 100)
            check(diags is not None and not [d for d in diags if d["code"] == "unknown-reference"],
                  f"silenced by the comment: {diags}")
            c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 101},
                                                "contentChanges": [{"text": MODEL}]})
            c.diagnostics(uri, where=lambda p: p.get("version") == 101)

    # Hover on a reference; on a rule id.
    hover = c.request("textDocument/hover", {"textDocument": {"uri": uri},
                                             "position": {"line": 5, "character": 12}})
    value = (hover.get("result") or {}).get("contents", {}).get("value", "")
    check("**output** `classes-held`" in value and "Classes held" in value, f"hover: {value!r}")
    hover = c.request("textDocument/hover", {"textDocument": {"uri": uri},
                                             "position": {"line": 11, "character": 10}})
    value = (hover.get("result") or {}).get("contents", {}).get("value", "")
    check("short term" in value and "Measured by 1 indicator" in value, f"hover outcome: {value!r}")

    # Definition: from the reference to the item.
    loc = c.request("textDocument/definition", {"textDocument": {"uri": uri},
                                                "position": {"line": 5, "character": 14}})["result"]
    check(loc and loc["uri"] == uri and loc["range"]["start"] == {"line": 7, "character": 8},
          f"definition: {loc}")

    # Rename, through lmc edit's operation: prepared only on an id of this model; every
    # reference follows; an id already taken is refused with the reason.
    check("renameProvider" in caps and caps["renameProvider"].get("prepareProvider"),
          f"rename capability: {caps}")
    prep = c.request("textDocument/prepareRename", {"textDocument": {"uri": uri},
                                                    "position": {"line": 7, "character": 10}})
    check(prep.get("result") == {"range": {"start": {"line": 7, "character": 8},
                                           "end": {"line": 7, "character": 20}},
                                 "placeholder": "classes-held"}, f"prepareRename: {prep}")
    prep = c.request("textDocument/prepareRename", {"textDocument": {"uri": uri},
                                                    "position": {"line": 8, "character": 5}})
    check(prep.get("result") is None, f"prepareRename on a key: {prep}")
    renamed = c.request("textDocument/rename", {"textDocument": {"uri": uri},
                                                "position": {"line": 5, "character": 12},
                                                "newName": "sessions-held"})
    edits = ((renamed.get("result") or {}).get("changes") or {}).get(uri, [])
    check(len(edits) == 1, f"rename: one edit: {renamed}")
    if len(edits) == 1:
        lines = MODEL.splitlines(keepends=True)
        r = edits[0]["range"]
        start = sum(len(x) for x in lines[:r["start"]["line"]]) + r["start"]["character"]
        end = sum(len(x) for x in lines[:r["end"]["line"]]) + r["end"]["character"]
        result = MODEL[:start] + edits[0]["newText"] + MODEL[end:]
        check(result == MODEL.replace("classes-held", "sessions-held"),
              f"rename: every reference follows, nothing else changes: {result!r}")
    taken = c.request("textDocument/rename", {"textDocument": {"uri": uri},
                                              "position": {"line": 7, "character": 10},
                                              "newName": "fewer-falls"})
    check(taken.get("error", {}).get("code") == -32803
          and "'fewer-falls' is already an id in outcomes" in taken["error"]["message"],
          f"rename to a taken id: {taken}")

    # Quick fixes through lmc edit's operations (as the page's buttons): a resource that feeds
    # no activity is offered a link to each activity; the edit applied, the finding is gone
    # and the comment above stays.
    lonely = root / "lonely.yaml"
    LONELY = ("logic_model: 1\ntitle: Lonely\nresources:\n  # the room the group meets in\n"
              "  - id: hall\n    label: Community hall\nactivities:\n  - id: classes\n"
              "    label: Classes\n    to: [attended]\noutputs:\n  - id: attended\n"
              "    label: Classes attended\n")
    lonely.write_text(LONELY)
    luri = uri_of(lonely)
    c.notify("textDocument/didOpen", {"textDocument": {"uri": luri, "languageId": "yaml",
                                                       "version": 1, "text": LONELY}})
    ld = [d for d in c.diagnostics(luri) or [] if d["code"] == "unused-resource"]
    check(len(ld) == 1, f"unused-resource on the lonely model: {ld}")
    if ld:
        acts = c.request("textDocument/codeAction", {
            "textDocument": {"uri": luri}, "range": ld[0]["range"],
            "context": {"diagnostics": ld}})["result"]
        link = [a for a in acts if a["title"] == "Link it to 'Classes'"]
        check(len(link) == 1, f"the link quick fix: {[a['title'] for a in acts]}")
        if link:
            e = link[0]["edit"]["changes"][luri][0]
            lines = LONELY.splitlines(keepends=True)
            at = lambda p: sum(len(x) for x in lines[:p["line"]]) + p["character"]
            after = LONELY[:at(e["range"]["start"])] + e["newText"] + LONELY[at(e["range"]["end"]):]
            check(after == LONELY.replace("    label: Community hall\n",
                                          "    label: Community hall\n    to: [classes]\n"),
                  f"the quick fix's edit: {after!r}")
            c.notify("textDocument/didChange", {"textDocument": {"uri": luri, "version": 2},
                                                "contentChanges": [{"text": after}]})
            ld = c.diagnostics(luri, where=lambda p: p.get("version") == 2)
            check(ld is not None and not [d for d in ld if d["code"] == "unused-resource"],
                  f"the quick fix clears the finding: {ld}")
    c.notify("textDocument/didClose", {"textDocument": {"uri": luri}})

    # A change fixing the reference, then several quick changes: one check after the quiet.
    fixed = MODEL.replace("fewer-fals]", "fewer-falls]")
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                        "contentChanges": [{"text": fixed}]})
    diags = c.diagnostics(uri, where=lambda p: p.get("version") == 2)
    check(diags is not None and not [d for d in diags if d["code"] == "unknown-reference"],
          f"fixed: {diags}")
    c.drain()
    c.pending.clear()
    # Five changes in one write, as fast typing sends them: one check after the quiet time.
    batch = b""
    for v in range(3, 8):
        body = json.dumps({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": v},
            "contentChanges": [{"text": fixed + "#" * v + "\n"}]}}).encode()
        batch += b"Content-Length: %d\r\n\r\n" % len(body) + body
    c.raw(batch)
    published = [m for m in c.drain(1.0) if m.get("method") == "textDocument/publishDiagnostics"]
    c.pending.clear()
    check([m["params"]["version"] for m in published] == [7],
          f"five quick changes, one check: {[m['params']['version'] for m in published]}")

    # An incremental change (a range), as some editors send them: the unknown key is typed.
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 8}, "contentChanges": [
        {"range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 5}},
         "text": "titel"}]})
    diags = c.diagnostics(uri, where=lambda p: p.get("version") == 8)
    key = [d for d in diags or [] if d["code"] == "unknown-key"]
    check(len(key) == 1 and "did you mean 'title'?" in key[0]["message"], f"unknown key: {diags}")
    if key:
        actions = c.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": key[0]["range"], "context": {"diagnostics": []}})["result"]
        check(actions and actions[0]["edit"]["changes"][uri][0]["newText"] == "title"
              and actions[0]["edit"]["changes"][uri][0]["range"]["start"] == {"line": 1, "character": 0},
              f"key fix: {actions}")

    # Completion inside `to: [`: the model's ids, replacing what is typed.
    text = fixed.replace("    to: [classes-held]", "    to: [cla")
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 9},
                                        "contentChanges": [{"text": text}]})
    items = c.request("textDocument/completion", {"textDocument": {"uri": uri},
                                                  "position": {"line": 5, "character": 12}})["result"]["items"]
    labels = [i["label"] for i in items]
    check("classes-held" in labels and "fewer-falls" in labels, f"completion: {labels}")
    cl = [i for i in items if i["label"] == "classes-held"]
    check(cl and cl[0]["textEdit"]["range"]["start"] == {"line": 5, "character": 9}, f"edit range: {cl}")
    # ... and in a block list under `about:`, and nothing in a label.
    text2 = fixed + "assumptions:\n  - id: a1\n    text: People come\n    about:\n      - \n"
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 10},
                                        "contentChanges": [{"text": text2}]})
    lines = text2.splitlines()
    items = c.request("textDocument/completion", {"textDocument": {"uri": uri},
                                                  "position": {"line": len(lines) - 1, "character": 8}})["result"]["items"]
    check("strength-classes" in [i["label"] for i in items], f"about completion: {items[:2]}")
    items = c.request("textDocument/completion", {"textDocument": {"uri": uri},
                                                  "position": {"line": 4, "character": 14}})["result"]["items"]
    check(items == [], f"no completion in a label: {items[:2]}")

    # An adaptation (issue #25): hover says what the blueprint says of an item, an assumption
    # and an id the adaptation dropped (in its record); `item:` completes with the blueprint's
    # ids it no longer has; `change:` with its words.
    spread = root / "spread"
    (spread / "riverside").mkdir(parents=True)
    examples = Path(__file__).resolve().parents[2] / "examples" / "spread"
    (spread / "red-bag.yaml").write_text((examples / "red-bag.yaml").read_text())
    site_text = (examples / "riverside" / "red-bag.yaml").read_text()
    site = spread / "riverside" / "red-bag.yaml"
    site.write_text(site_text)
    suri = uri_of(site)
    c.notify("textDocument/didOpen", {"textDocument": {"uri": suri, "languageId": "yaml",
                                                       "version": 1, "text": site_text}})
    c.diagnostics(suri)
    site_lines = site_text.splitlines()

    def hover_at(needle, offset=0):
        line = next(k for k, l in enumerate(site_lines) if needle in l)
        col = site_lines[line].index(needle) + offset
        r = c.request("textDocument/hover", {"textDocument": {"uri": suri},
                                             "position": {"line": line, "character": col}})
        return (r.get("result") or {}).get("contents", {}).get("value", "")

    value = hover_at("id: bags", 5)
    check("**In the blueprint**" in value and "core component" in value
          and "A red bag for every care home" in value and "Here: **replaced**" in value
          and "Recorded (replaced): Riverside's homes" in value, f"hover on a replaced core item: {value!r}")
    value = hover_at("item: fewer-lost", 7)
    check("Fewer glasses, dentures" in value and "Here: **dropped**" in value
          and "Recorded (dropped)" in value, f"hover on a dropped id in its record: {value!r}")
    value = hover_at("id: staff-pack", 5)
    check("context assumption `staff-pack`, holds" in value and "Sutton audit 2016" in value
          and "Here: fails" in value, f"hover on a context assumption: {value!r}")
    value = hover_at("id: shared-record", 5)
    check("**Not in the blueprint**" in value and "Recorded (added)" in value, f"hover on an addition: {value!r}")
    typed = site_text.replace("  - item: fewer-lost\n", "  - item: \n", 1)
    c.notify("textDocument/didChange", {"textDocument": {"uri": suri, "version": 2},
                                        "contentChanges": [{"text": typed}]})
    line = typed.splitlines().index("  - item: ")
    items = c.request("textDocument/completion", {"textDocument": {"uri": suri},
                                                  "position": {"line": line, "character": 10}})["result"]["items"]
    by_label = {i["label"]: i for i in items}
    check("fewer-lost" in by_label and "in the blueprint only" in by_label["fewer-lost"]["detail"]
          and "Here: **dropped**" in by_label["fewer-lost"]["documentation"], f"item completion: {list(by_label)}")
    check("shared-record" in by_label and "staff-pack" in by_label, "the adaptation's own ids too")
    line = next(k for k, l in enumerate(typed.splitlines()) if "change: replaced" in l)
    items = c.request("textDocument/completion", {"textDocument": {"uri": suri},
                                                  "position": {"line": line, "character": 12}})["result"]["items"]
    check([i["label"] for i in items] == ["dropped", "modified", "added", "replaced"], f"change words: {items}")

    # Another model: PATH#id resolves, goes there, and its unsaved text counts.
    ws = root / "ws"
    ws.mkdir()
    other = ws / "homes.yaml"
    other.write_text("logic_model: 1\ntitle: Care homes\nactivities:\n  - id: visits\n"
                     "    label: Visits\n    to: [../falls.yaml#fewer-fallz]\n")
    ouri = uri_of(other)
    c.notify("textDocument/didOpen", {"textDocument": {"uri": ouri, "languageId": "yaml",
                                                       "version": 1, "text": other.read_text()}})
    diags = c.diagnostics(ouri)
    bad = [d for d in diags or [] if d["code"] == "unknown-reference"]
    check(bad and "did you mean '../falls.yaml#fewer-falls'?" in bad[0]["message"], f"cross-file: {diags}")
    fixed_other = other.read_text().replace("fewer-fallz", "fewer-falls")
    c.notify("textDocument/didChange", {"textDocument": {"uri": ouri, "version": 2},
                                        "contentChanges": [{"text": fixed_other}]})
    diags = c.diagnostics(ouri, where=lambda p: p.get("version") == 2)
    check(diags is not None and not [d for d in diags if d["code"] == "unknown-reference"], f"cross fixed: {diags}")
    loc = c.request("textDocument/definition", {"textDocument": {"uri": ouri},
                                                "position": {"line": 5, "character": 20}})["result"]
    check(loc and loc["uri"] == uri and loc["range"]["start"] == {"line": 11, "character": 8}, f"cross definition: {loc}")

    # A model another reaches is broken, then fixed (issue #20): the model that reaches it is
    # published again both times, not left with the stale error.
    broken = MODEL.replace("logic_model: 1\n", "")
    assert broken != MODEL
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 50},
                                        "contentChanges": [{"text": broken}]})
    diags = c.diagnostics(ouri, where=lambda p: any("falls.yaml" in d["message"] and
                                                    d["code"] in ("missing-model", "unknown-reference")
                                                    for d in p["diagnostics"]))
    check(diags is not None, "the reaching model is told its target is broken")
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 51},
                                        "contentChanges": [{"text": MODEL}]})
    diags = c.diagnostics(ouri, where=lambda p: not any("falls.yaml" in d["message"]
                                                        for d in p["diagnostics"]))
    check(diags is not None, "the reaching model is published again when its target is fixed")
    # Saved on disk by another program (a branch switch): told by didChangeWatchedFiles.
    c.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    c.drain()
    model.write_text(broken)
    c.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": uri, "type": 2}]})
    diags = c.diagnostics(ouri, where=lambda p: any("falls.yaml" in d["message"]
                                                    for d in p["diagnostics"]))
    check(diags is not None, "a target broken on disk re-publishes the model that reaches it")
    model.write_text(MODEL)
    c.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": uri, "type": 2}]})
    diags = c.diagnostics(ouri, where=lambda p: not any("falls.yaml" in d["message"]
                                                        for d in p["diagnostics"]))
    check(diags is not None, "a target fixed on disk re-publishes the model that reaches it")
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml",
                                                       "version": 52, "text": MODEL}})
    c.diagnostics(uri)
    c.drain()  # the re-publication of the model that reaches it, before the next step
    c.pending.clear()

    # .lmc.yaml applies as it does for check.
    (root / ".lmc.yaml").write_text("rules:\n  unresourced-activity: off\n  unmeasured-outcome: error\n")
    c.notify("textDocument/didSave", {"textDocument": {"uri": ouri}})
    diags = c.diagnostics(ouri)
    check(diags is not None and not [d for d in diags if d["code"] == "unresourced-activity"],
          f"config turns a rule off: {diags}")

    # A broken .lmc.yaml (issue #21): its problem is published on it, and the model says its
    # findings use the default severities; fixed, the problem is cleared.
    config = root / ".lmc.yaml"
    config.write_text("rules:\n  orphan-output: offf\n")
    c.notify("textDocument/didSave", {"textDocument": {"uri": ouri}})
    cdiags = c.diagnostics(uri_of(config))
    check(cdiags and "offf" in cdiags[0]["message"] and cdiags[0]["range"]["start"]["line"] == 1,
          f"a broken configuration is published on it: {cdiags}")
    diags = c.diagnostics(ouri)
    check(diags and any("cannot be used" in d["message"] for d in diags),
          f"the model says its configuration is broken: {diags}")
    config.write_text("rules:\n  unresourced-activity: off\n  unmeasured-outcome: error\n")
    c.notify("textDocument/didSave", {"textDocument": {"uri": ouri}})
    cdiags = c.diagnostics(uri_of(config))
    check(cdiags == [], f"a fixed configuration's problems are cleared: {cdiags}")
    diags = c.diagnostics(ouri)
    check(diags is not None and not any("cannot be used" in d["message"] for d in diags),
          f"fixed: {diags}")
    c.drain()
    c.pending.clear()

    # A YAML file that is not a logic model (a workflow) gets no findings.
    wf = root / "ci.yaml"
    wf.write_text("name: build\non: [push]\n")
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri_of(wf), "languageId": "yaml",
                                                       "version": 1, "text": wf.read_text()}})
    check(c.diagnostics(uri_of(wf)) == [], "a YAML file that is not a model: no findings")

    # Bad input: answered, and the server goes on.
    c.raw(b"Content-Length: 9\r\n\r\n{not json")
    err = c.wait(lambda m: "error" in m and m.get("id") is None)
    check(err and err["error"]["code"] == -32700, f"parse error: {err}")
    r = c.request("textDocument/formatting", {"textDocument": {"uri": uri}})
    check(r and r["error"]["code"] == -32601, f"unknown method: {r}")
    r = c.request("textDocument/hover", {"textDocument": {"uri": uri}})
    check(r and r["error"]["code"] == -32602, f"bad params: {r}")
    r = c.request("textDocument/hover", {"textDocument": {"uri": uri_of(root / 'nope.yaml')},
                                         "position": {"line": 0, "character": 0}})
    check(r and r["result"] is None, f"a document not open: {r}")
    # Hostile input (issue #20): nesting 100,000 deep in the id and in params, numbers outside
    # the integer range where the protocol wants integers: each answered, the server goes on.
    deep = b"[" * 100000 + b"]" * 100000
    for where in (b'{"jsonrpc":"2.0","id":%s,"method":"shutdown"}' % deep,
                  b'{"jsonrpc":"2.0","id":7,"method":"textDocument/hover","params":%s}' % deep):
        c.raw(b"Content-Length: %d\r\n\r\n" % len(where) + where)
        err = c.wait(lambda m: "error" in m and m.get("id") is None)
        check(err and err["error"]["code"] == -32600 and "deeper" in err["error"]["message"],
              f"a message nested 100,000 deep: {err}")
    for bad in (1e300, -1, 2**64, 2**31, 1.5, "3"):
        r = c.request("textDocument/hover", {"textDocument": {"uri": uri},
                                             "position": {"line": bad, "character": 0}})
        check(r and r.get("error", {}).get("code") == -32602, f"line {bad!r}: {r}")
        r = c.request("textDocument/codeAction", {"textDocument": {"uri": uri},
                      "range": {"start": {"line": 0, "character": bad},
                                "end": {"line": bad, "character": 0}},
                      "context": {"diagnostics": []}})
        check(r and r.get("error", {}).get("code") == -32602, f"range with {bad!r}: {r}")
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 1e300},
                                        "contentChanges": [{"text": "logic_model: 1\n"}]})
    r = c.request("textDocument/hover", {"textDocument": {"uri": uri},
                                         "position": {"line": 0, "character": 0}})
    check(r and "result" in r, f"still serving after a version of 1e300: {r}")
    c.notify("textDocument/didClose", {"textDocument": {"uri": ouri}})
    check(c.diagnostics(ouri) == [], "closing clears its findings")
    r = c.request("shutdown", None)
    check(r and r["result"] is None, "shutdown")
    c.notify("exit", None)
    check(c.proc.wait(10) == 0, "exit after shutdown: 0")

    # Before initialize; the end of input without shutdown; a header with no length.
    c = Client()
    r = c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})
    check(r and r["error"]["code"] == -32002, f"not initialized: {r}")
    c.proc.stdin.close()
    check(c.proc.wait(10) == 1, "end of input without shutdown: 1")
    c = Client()
    c.raw(b"Content-Type: x\r\n\r\n{}")
    c.proc.stdin.close()
    check(c.proc.wait(10) == 1 and b"Content-Length" in c.proc.stderr.read(), "a header with no length")
    c = Client()
    c.raw(b"Content-Length: 99999999999999999999\r\n\r\n")
    check(c.proc.wait(10) == 1, "an absurd length is refused, not allocated")
    # A header line that never ends: refused at 8 KiB, not held whole (64 MB sent here).
    c = Client()
    try:
        for _ in range(64):
            c.raw(b"X" * (1 << 20))
    except BrokenPipeError:
        pass
    check(c.proc.wait(10) == 1, "a header line that never ends is refused")
    c = Client()
    c.raw(b"X-A: 1\r\n" * 100 + b"Content-Length: 2\r\n\r\n{}")
    c.proc.stdin.close()
    check(c.proc.wait(10) == 1, "a hundred header lines are refused")

print(f"{'FAILED' if failures else 'passed'}: {len(failures)} failures")
sys.exit(1 if failures else 0)
