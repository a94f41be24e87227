#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""lmc serve without a browser: what it serves and what it refuses.

Raw HTTP requests (http.client sends the path as given: no client tidies `..` away), against a
directory of models with a model outside it reachable by a symbolic link, a hidden model and a
YAML file that is not a model. Also: a wrong Host, a method that would write, a port in use,
a non-loopback address (a warning), Ctrl-C, and that no file under PATH changes.

    tests/workshop/serve_http_test.py LMC
"""
import hashlib
import html
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_common import Server, raw_request  # noqa: E402

LMC = os.path.abspath(sys.argv[1])
SOURCE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FAILURES = []


def check(condition, what):
    if not condition:
        FAILURES.append(what)
        print("FAIL:", what)


def request(server, path, method="GET", host=None, body=None):
    status, _, data = raw_request(server, method, path, body=body, host=host)
    return status, data


def snapshot(root):
    """Every file under root with its bytes' digest and mtime, and every directory."""
    seen = {}
    for base, dirs, files in os.walk(root):
        for name in dirs + files:
            path = os.path.join(base, name)
            st = os.lstat(path)
            digest = ""
            if os.path.isfile(path) and not os.path.islink(path):
                with open(path, "rb") as f:
                    digest = hashlib.sha256(f.read()).hexdigest()
            seen[os.path.relpath(path, root)] = (st.st_mode, st.st_mtime_ns, digest)
    return seen


def main():
    work = tempfile.mkdtemp()
    try:
        root = os.path.join(work, "models")
        outside = os.path.join(work, "outside")
        os.makedirs(os.path.join(root, "streams"))
        os.makedirs(os.path.join(root, ".hidden"))
        os.makedirs(outside)
        for name, template in [("programme.yaml", "pacs"), ("streams/homes.yaml", "ehch"),
                               (".hidden/secret.yaml", "blank"), ("../outside/private.yaml", "mcp")]:
            subprocess.run([LMC, "init", os.path.join(root, name), "-t", template],
                           check=True, stderr=subprocess.DEVNULL)
        with open(os.path.join(root, "notes.yaml"), "w") as f:
            f.write("shopping: [milk, bread]\n")
        with open(os.path.join(outside, "passwd"), "w") as f:
            f.write("not for the browser\n")
        os.symlink(os.path.join(outside, "private.yaml"), os.path.join(root, "linked.yaml"))
        os.symlink(outside, os.path.join(root, "linked-dir"))
        empty = os.path.join(work, "empty")
        os.makedirs(empty)
        before = snapshot(work)

        with Server(LMC, root) as server:
            check(server.host == "127.0.0.1", "listens on loopback by default, not " + server.host)
            status, body = request(server, "/api/index")
            check(status == 200, "index answers")
            index = json.loads(body)
            paths = sorted(m["path"] for m in index["models"])
            check(paths == ["programme.yaml", "streams/homes.yaml"],
                  "index lists the models under PATH and nothing else: %s" % paths)
            status, body = request(server, "/api/model/streams/homes.yaml")
            model = json.loads(body) if status == 200 else {}
            check(status == 200 and model.get("title") == "Enhanced health in care homes",
                  "a model in a subdirectory is served")
            svg = html.unescape(model.get("svg", ""))
            check("<svg" in svg and 'id="item-fewer-admissions"' in svg,
                  "the model's diagram is served with its boxes: %r" % model.get("svg", "")[:200])
            for path in ["/model/programme.yaml", "/", "/assets/page.js", "/assets/page.css"]:
                check(request(server, path)[0] == 200, path + " is served")

            refused = [
                "/api/model/../outside/private.yaml",
                "/api/model/../../etc/passwd",
                "/api/model/%2e%2e/outside/private.yaml",
                "/api/model/%2E%2E%2Foutside%2Fprivate.yaml",
                "/api/model/..%2foutside%2fpasswd",
                "/api/model//etc/passwd",
                "/api/model/%2fetc%2fpasswd",
                "/model/../../etc/passwd",
                "/model/%2e%2e/%2e%2e/etc/passwd",
                "/api/model/linked.yaml",
                "/api/model/linked-dir/private.yaml",
                "/api/model/.hidden/secret.yaml",
                "/api/model/notes.yaml",
                "/api/model/missing.yaml",
                "/api/model/programme.yaml%00.png",
                "/etc/passwd",
                "/../../etc/passwd",
                "/assets/../../etc/passwd",
                "/assets/page.js/../../../etc/passwd",
                "/programme.yaml",
                "/models/programme.yaml",
            ]
            for path in refused:
                status, body = request(server, path)
                check(status == 404, "%s answers %d, not 404" % (path, status))
                check(b"not for the browser" not in body and b"logic_model" not in body,
                      path + " leaks a file")

            for host in ["evil.example", "evil.example:%d" % server.port, "127.0.0.1:1",
                         "localhost.evil.example:%d" % server.port, ""]:
                status, _ = request(server, "/api/index", host=host)
                check(status == 403, "Host %r answers %d, not 403" % (host, status))
            check(request(server, "/api/index", host=False)[0] == 403, "no Host answers 403")
            check(request(server, "/api/index", host="localhost:%d" % server.port)[0] == 200,
                  "localhost is this machine")

            for method in ["POST", "PUT", "DELETE", "PATCH"]:
                status, _ = request(server, "/api/model/programme.yaml", method=method, body=b"x")
                check(status == 405, "%s answers %d, not 405" % (method, status))

            # A second server on the same port: one clear line, exit 2.
            second = subprocess.run([LMC, "serve", root, "--port", str(server.port)],
                                    capture_output=True, text=True, timeout=10)
            check(second.returncode == 2, "port in use exits %d" % second.returncode)
            check("in use" in second.stderr and second.stderr.count("\n") == 1,
                  "port in use says so in one line: %r" % second.stderr)
            code = server.stop()
            check(code == 0, "Ctrl-C exits %d" % code)
            check(server.stop_seconds < 3, "Ctrl-C took %.1f s" % server.stop_seconds)

        # An SSE client connected while Ctrl-C comes: the server still stops at once.
        with Server(LMC, root) as server:
            sock = socket.create_connection((server.host, server.port))
            sock.sendall(b"GET /events HTTP/1.1\r\nHost: %s:%d\r\n\r\n"
                         % (server.host.encode(), server.port))
            check(b"text/event-stream" in sock.recv(4096), "events are a stream")
            code = server.stop()
            check(code == 0 and server.stop_seconds < 3,
                  "Ctrl-C with a page open: exit %d after %.1f s" % (code, server.stop_seconds))
            sock.close()

        # Another address: served, with a warning.
        with Server(LMC, root, "--host", "0.0.0.0") as server:
            warning = server.proc.stderr.readline()
            check("everyone" in warning, "--host 0.0.0.0 warns: %r" % warning)
            check(request(server, "/api/index", host="127.0.0.1:%d" % server.port)[0] == 200,
                  "an address of this machine by number")
            check(request(server, "/api/index", host="evil.example:%d" % server.port)[0] == 403,
                  "still refuses a foreign name")
            server.stop()

        missing = subprocess.run([LMC, "serve", os.path.join(work, "nothing-here")],
                                 capture_output=True, text=True, timeout=10)
        check(missing.returncode == 2 and "cannot be served" in missing.stderr,
              "a missing path: %d %r" % (missing.returncode, missing.stderr))
        none = subprocess.run([LMC, "serve", empty], capture_output=True, text=True, timeout=10)
        check(none.returncode == 2 and "no logic models" in none.stderr,
              "a directory without models: %d %r" % (none.returncode, none.stderr))

        # A programme: its boxes link to the pages of the work streams they detail, and a work
        # stream's links into the programme are stubs that link back; a work stream's save
        # redraws the programme that reaches it.
        # (in a folder of its own: this one is saved to, and `work` must stay untouched)
        programme = os.path.join(tempfile.mkdtemp(), "programme")
        shutil.copytree(os.path.join(SOURCE, "examples", "programme"), programme)
        with Server(LMC, programme) as server:
            status, body = request(server, "/api/model/programme.yaml")
            svg = json.loads(body)["svg"] if status == 200 else ""
            check('xlink:href="/model/workstreams/care-homes.yaml"' in svg,
                  "the programme's care homes box links to the work stream's page")
            status, body = request(server, "/api/model/workstreams/care-homes.yaml")
            svg = json.loads(body)["svg"] if status == 200 else ""
            check('xlink:href="/model/programme.yaml#item-fewer-admissions"' in svg,
                  "the care homes stub of fewer-admissions links back to the programme")
            before_version = json.loads(request(server, "/api/model/programme.yaml")[1])["version"]
            path = os.path.join(programme, "workstreams", "urgent-care.yaml")
            with open(path, encoding="utf-8") as f:
                text = f.read()
            with open(path, "w", encoding="utf-8") as f:
                f.write(text.replace("#fewer-ae-attendances", "#fewer-ae-atendances"))
            deadline = time.time() + 5
            view = {"version": before_version}
            while time.time() < deadline:
                view = json.loads(request(server, "/api/model/programme.yaml")[1])
                if view["version"] != before_version:
                    break
                time.sleep(0.05)
            check(view["version"] != before_version,
                  "saving a work stream redraws the programme that reaches it")
            server.stop()
        shutil.rmtree(os.path.dirname(programme))

        after = snapshot(work)
        changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
        check(not changed, "lmc serve changed files under the directory it served: %s" % changed)
    finally:
        shutil.rmtree(work)
    if FAILURES:
        print("%d failures" % len(FAILURES))
        sys.exit(1)
    print("serve: every refusal held")


if __name__ == "__main__":
    main()
