#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""lmc serve --edit without a browser: who may edit, and that no save is ever lost.

Raw HTTP against a folder with a commented model: the ETag of GET /api/model; POST
/api/edit (and /api/undo, /api/redo, /api/new) refused without the editor token (403), from another site's page (403), without
If-Match (428), with a stale ETag (409), with more than 1 MB (413), for a file not served
(404), with operations that cannot apply (422, file untouched); accepted with the token as a
script sends it (X-LMC-Token) and as the page does (the SameSite=Strict cookie set by opening
the printed address, and its own Origin), the file then holding exactly the change with its
comment in place. An editor's save between the page's read and its edit is kept (409). Without
--edit, no POST at all (405).

    tests/workshop/serve_edit_test.py LMC
"""
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_common import Server, raw_request, write_atomically  # noqa: E402

LMC = os.path.abspath(sys.argv[1])
FAILURES = []

MODEL = """# The falls model, as the steering group agreed it.
logic_model: 1
title: Falls prevention
activities:
  - id: classes   # twelve weeks
    label: Strength and balance classes
    to: [attended]
outputs:
  - id: attended
    label: People completing the classes
"""


def check(condition, what):
    if not condition:
        FAILURES.append(what)
        print("FAIL:", what)


def request(server, method, path, body=None, headers=None):
    status, headers, data = raw_request(server, method, path, body=body, headers=headers)
    return status, headers, data.decode(errors="replace")


LINK = json.dumps([{"op": "add", "section": "outputs", "id": "leaflets",
                    "label": "Leaflets given out"},
                   {"op": "link", "from": "classes", "to": "leaflets"}])

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "falls.yaml")
    with open(path, "w") as f:
        f.write(MODEL)
    with open(os.path.join(tmp, "notes.txt"), "w") as f:
        f.write("not a model\n")

    # Without --edit: read-only, as before.
    with Server(LMC, tmp) as server:
        status, _, body = request(server, "POST", "/api/edit/falls.yaml", LINK,
                                  {"If-Match": "x", "Content-Type": "application/json"})
        check(status == 405 and "--edit" in body, f"no --edit: {status} {body!r}")
        server.stop()

    server = Server(LMC, tmp, "--edit")
    try:
        line = server.proc.stdout.readline()
        match = re.search(r"\?token=([0-9a-f]{32}) ", line)
        check(match is not None, f"the editor token printed in the address: {line!r}")
        token = match.group(1) if match else ""
        origin = "http://%s:%d" % (server.host, server.port)

        status, headers, body = request(server, "GET", "/api/model/falls.yaml")
        etag = headers.get("ETag", "")
        check(status == 200 and etag.startswith('"'), f"GET gives an ETag: {headers}")

        def edit(ops=LINK, tag=None, extra=None, target="falls.yaml"):
            h = {"Content-Type": "application/json", "If-Match": etag if tag is None else tag}
            h.update(extra or {})
            return request(server, "POST", "/api/edit/" + target, ops, h)

        untouched = lambda: open(path).read() == MODEL  # noqa: E731
        status, _, body = edit()
        check(status == 403 and "token" in body and untouched(), f"no token: {status} {body!r}")
        status, _, body = edit(extra={"X-LMC-Token": "0" * 32})
        check(status == 403 and untouched(), f"a wrong token: {status}")
        status, _, body = edit(extra={"X-LMC-Token": token, "Origin": "http://evil.example"})
        check(status == 403 and untouched(), f"another site's page: {status} {body!r}")
        status, _, body = edit(extra={"Cookie": "lmc_token=" + token})
        check(status == 403 and untouched(), f"the cookie without the page's Origin: {status}")
        status, _, body = edit(tag="", extra={"X-LMC-Token": token})
        check(status == 428 and untouched(), f"no If-Match: {status} {body!r}")
        status, _, body = edit(tag='"stale"', extra={"X-LMC-Token": token})
        check(status == 409 and json.loads(body).get("etag") == etag and untouched(),
              f"a stale ETag: {status} {body!r}")
        status, _, body = edit(ops="[" + " " * (1 << 20) + "]", extra={"X-LMC-Token": token})
        check(status == 413 and untouched(), f"more than 1 MB: {status}")
        status, _, body = edit(target="notes.txt", extra={"X-LMC-Token": token})
        check(status == 404, f"a file not served: {status}")
        status, _, body = edit(target="../falls.yaml", extra={"X-LMC-Token": token})
        check(status == 404, f"a path out of the folder: {status}")
        status, _, body = edit(ops='[{"op":"link","from":"classes","to":"nowhere"}]',
                               extra={"X-LMC-Token": token})
        check(status == 422 and "no item 'nowhere'" in json.loads(body).get("error", "")
              and untouched(), f"an operation that cannot apply: {status} {body!r}")
        status, _, body = edit(ops="{not json", extra={"X-LMC-Token": token})
        check(status == 400 and untouched(), f"not JSON: {status}")

        # As a script: the header.
        status, headers, body = edit(extra={"X-LMC-Token": token})
        check(status == 200, f"the edit with the token: {status} {body!r}")
        text = open(path).read()
        check("  - id: leaflets\n    label: Leaflets given out\n" in text
              and "    to: [attended, leaflets]\n" in text, f"the change made: {text!r}")
        check(text.startswith("# The falls model") and "# twelve weeks" in text,
              "the comments kept")
        new = json.loads(body).get("etag")
        status, headers, _ = request(server, "GET", "/api/model/falls.yaml")
        check(new and headers.get("ETag") == new, f"the new ETag: {new} {headers.get('ETag')}")
        check(subprocess.run([LMC, "check", path], capture_output=True).returncode == 0,
              "the edited model checks")

        # As the page: opened with the token, the cookie (SameSite=Strict), its own Origin.
        status, headers, _ = request(server, "GET", "/?token=" + token)
        cookie = headers.get("Set-Cookie", "")
        check("lmc_token=" + token in cookie and "SameSite=Strict" in cookie
              and "HttpOnly" in cookie, f"the page's cookie: {cookie!r}")
        status, headers, _ = request(server, "GET", "/")
        check("Set-Cookie" not in headers, "no cookie without the token")
        ops = json.dumps([{"op": "set", "id": "attended", "field": "label",
                           "value": "People completing ten of the twelve classes"}])
        status, _, body = edit(ops=ops, tag=new,
                               extra={"Cookie": cookie.split(";")[0], "Origin": origin})
        check(status == 200, f"the page's edit: {status} {body!r}")
        page_etag = json.loads(body).get("etag", "")

        # An editor saves the file; the page's next edit (made to the old text) is refused
        # and the editor's save stays.
        saved = open(path).read().replace("Falls prevention", "Falls prevention service")
        write_atomically(path, saved)
        status, _, body = edit(ops=ops, tag=page_etag, extra={"X-LMC-Token": token})
        check(status == 409 and open(path).read() == saved,
              f"a save made meanwhile is kept: {status} {body!r}")

        # Undo and redo: the same guards; the editor's save is never undone past.
        _, headers, _ = request(server, "GET", "/api/model/falls.yaml")
        current = headers.get("ETag", "")

        def step(kind, tag=None, extra=None):
            h = {"If-Match": current if tag is None else tag}
            h.update(extra or {})
            return request(server, "POST", "/api/%s/falls.yaml" % kind, "", h)

        for kind in ("undo", "redo"):
            status, _, _ = step(kind)
            check(status == 403 and open(path).read() == saved, f"{kind} without the token: {status}")
            status, _, _ = step(kind, extra={"X-LMC-Token": token, "Origin": "http://evil.example"})
            check(status == 403 and open(path).read() == saved, f"{kind} from another site: {status}")
        status, _, body = step("undo", extra={"X-LMC-Token": token})
        check(status == 409 and "saved by something else" in body and open(path).read() == saved,
              f"undo past an editor's save is refused: {status} {body!r}")
        relabel = json.dumps([{"op": "set", "id": "attended", "field": "label",
                               "value": "People completing the classes"}])
        status, _, body = edit(ops=relabel, tag=current, extra={"X-LMC-Token": token})
        check(status == 200 and json.loads(body).get("undo") == 1, f"an edit to undo: {body!r}")
        status, _, body = step("undo", tag=json.loads(body)["etag"], extra={"X-LMC-Token": token})
        check(status == 200 and open(path).read() == saved, f"undo gives back the bytes: {status}")
        status, _, body = step("redo", tag='"stale"', extra={"X-LMC-Token": token})
        check(status == 409 and open(path).read() == saved, f"redo with a stale ETag: {status}")

        # A new model from a template: only with the token, only under PATH, never over a file.
        def new(body, extra=None):
            h = {"Content-Type": "application/json"}
            h.update(extra or {})
            return request(server, "POST", "/api/new", json.dumps(body), h)

        status, _, _ = new({"template": "blank", "file": "fresh.yaml"})
        check(status == 403 and not os.path.exists(os.path.join(tmp, "fresh.yaml")),
              f"a new model without the token: {status}")
        tok = {"X-LMC-Token": token}
        outside = tempfile.mkdtemp()
        os.symlink(outside, os.path.join(tmp, "elsewhere"))
        for bad, code in [({"template": "blank", "file": "elsewhere/x.yaml"}, 400),({"template": "blank", "file": "../escape.yaml"}, 400),
                          ({"template": "blank", "file": ".hidden.yaml"}, 400),
                          ({"template": "blank", "file": "/tmp/abs.yaml"}, 400),
                          ({"template": "blank", "file": "notes.txt"}, 400),
                          ({"template": "blank", "file": "nowhere/x.yaml"}, 400),
                          ({"template": "nope", "file": "x.yaml"}, 400),
                          ({"template": "blank"}, 400),
                          ({"template": "blank", "file": "falls.yaml"}, 409)]:
            status, _, body = new(bad, tok)
            check(status == code and open(path).read() == saved
                  and not os.path.exists(os.path.join(os.path.dirname(tmp), "escape.yaml")),
                  f"new model {bad}: {status} {body!r}")
        check(os.listdir(outside) == [], "nothing written through a link out of the folder")
        status, _, body = new({"template": "ehch", "file": "fresh.yaml"}, tok)
        created = os.path.join(tmp, "fresh.yaml")
        check(status == 201 and json.loads(body).get("path") == "fresh.yaml"
              and os.path.exists(created), f"a new model: {status} {body!r}")
        status, _, _ = request(server, "GET", "/api/model/fresh.yaml")
        check(status == 200, f"the new model is served at once: {status}")
        check(subprocess.run([LMC, "check", created], capture_output=True).returncode == 0,
              "the new model checks")
        server.stop()
    finally:
        if server.proc.poll() is None:
            server.proc.kill()

print("serve edit: %d failures" % len(FAILURES))
sys.exit(1 if FAILURES else 0)
