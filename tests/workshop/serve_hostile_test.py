#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""lmc serve under hostile or unlucky use (issue #20, items 5-8):

- event streams cannot starve the server: past the cap, 503; the page and its data answer while
  every stream is open; a closed stream frees its place at once;
- a request head of 5,000,000 header lines, or over the size limit, is refused with 431 before
  it is held (the server stays small);
- a served model replaced by a symbolic link that leads out of PATH is no longer served;
- a programme whose work stream is broken and then fixed is redrawn both times;
- a model too large to lay out is an error on its page, and the server goes on.

    tests/workshop/serve_hostile_test.py LMC
"""
import http.client
import json
import os
import shutil
import socket
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_common import Server, write_atomically  # noqa: E402

LMC = os.path.abspath(sys.argv[1])
SOURCE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FAILURES = []


def check(condition, what):
    if not condition:
        FAILURES.append(what)
        print("FAIL:", what, flush=True)


def get(server, path, timeout=10):
    conn = http.client.HTTPConnection(server.host, server.port, timeout=timeout)
    conn.request("GET", path)
    response = conn.getresponse()
    data = response.read()
    conn.close()
    return response.status, data


def model(server, path):
    status, body = get(server, "/api/model/" + path)
    return json.loads(body) if status == 200 else None


def wait_for(what, timeout=10):
    end = time.time() + timeout
    while time.time() < end:
        value = what()
        if value:
            return value
        time.sleep(0.1)
    return None


def open_stream(server):
    """A raw /events stream: the socket, and the status line the server answered with."""
    sock = socket.create_connection((server.host, server.port), timeout=10)
    sock.sendall(b"GET /events HTTP/1.1\r\nHost: %s:%d\r\n\r\n" % (server.host.encode(), server.port))
    sock.settimeout(5)
    head = b""
    try:
        while b"\r\n" not in head:
            chunk = sock.recv(4096)
            if not chunk:
                break
            head += chunk
    except socket.timeout:
        return sock, "no answer in 5 s"
    return sock, head.split(b"\r\n", 1)[0].decode(errors="replace")


def rss_kb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def raw_request(server, head):
    """Sends a request head (bytes, maybe huge) and returns the status line answered."""
    sock = socket.create_connection((server.host, server.port), timeout=20)
    answer = b""

    def send():
        try:
            sock.sendall(head)
        except OSError:
            pass  # refused half-way: the answer says why

    sender = threading.Thread(target=send)
    sender.start()
    try:
        while b"\r\n" not in answer:
            chunk = sock.recv(4096)
            if not chunk:
                break
            answer += chunk
    except OSError:
        pass
    sender.join(30)
    sock.close()
    return answer.split(b"\r\n", 1)[0].decode(errors="replace")


def main():
    work = tempfile.mkdtemp()
    try:
        root = os.path.join(work, "models")
        outside = os.path.join(work, "outside")
        os.makedirs(os.path.join(root, "ws"))
        os.makedirs(outside)
        homes = open(os.path.join(SOURCE, "examples", "ehch-care-homes.yaml")).read()
        with open(os.path.join(root, "homes.yaml"), "w") as f:
            f.write(homes)
        stream = open(os.path.join(SOURCE, "examples", "pacs-frailty.yaml")).read()
        with open(os.path.join(root, "ws", "frailty.yaml"), "w") as f:
            f.write(stream)
        programme = ("logic_model: 1\ntitle: Programme\nactivities:\n"
                     "  - {id: frailty, label: Frailty work stream, model: ws/frailty.yaml}\n")
        with open(os.path.join(root, "programme.yaml"), "w") as f:
            f.write(programme)
        with open(os.path.join(outside, "secret.yaml"), "w") as f:
            f.write("logic_model: 1\ntitle: SECRET OUTSIDE MODEL\nactivities:\n"
                    "  - {id: hidden, label: Not for this room}\n")
        # 1,500 outputs in one column: more than lmc lays out.
        with open(os.path.join(root, "huge.yaml"), "w") as f:
            f.write("logic_model: 1\ntitle: Huge\nactivities:\n  - {id: a, label: A, to: [o0]}\n"
                    "outputs:\n")
            for i in range(1500):
                f.write("  - {id: o%d, label: Output %d}\n" % (i, i))

        with Server(LMC, root) as server:
            # Item 8: the model too large to draw is an error on its page; the others are drawn.
            huge = model(server, "huge.yaml")
            check(huge and huge["error"] and "lays out up to 1000" in huge["error"]["message"],
                  "the huge model: %s" % (huge and huge["error"]))
            check(model(server, "homes.yaml")["svg"].startswith("<?xml") or
                  "<svg" in model(server, "homes.yaml")["svg"], "the other models are drawn")

            # Item 5: event streams.
            streams = []
            statuses = []
            for _ in range(60):
                sock, status = open_stream(server)
                streams.append(sock)
                statuses.append(status)
            ok = sum(1 for s in statuses if " 200 " in s)
            refused = sum(1 for s in statuses if " 503 " in s)
            check(ok == 48 and refused == 12,
                  "60 streams: %d answered, %d refused with 503 (want 48 and 12)" % (ok, refused))
            start = time.time()
            status, _ = get(server, "/api/index", timeout=5)
            took = time.time() - start
            check(status == 200 and took < 2,
                  "with every stream open, the index answered %s in %.1f s" % (status, took))
            status, _ = get(server, "/", timeout=5)
            check(status == 200, "with every stream open, the page answers")
            for sock in streams:
                sock.close()
            # A closed stream frees its place at once: 48 new ones are taken within 2 s.
            time.sleep(1.0)
            again = [open_stream(server) for _ in range(48)]
            taken = sum(1 for _, s in again if " 200 " in s)
            check(taken == 48, "after closing them, %d of 48 new streams were taken" % taken)
            for sock, _ in again:
                sock.close()

            # Item 5: request heads. A few lines pass; 101 lines, or 5,000,000, are 431.
            host = b"Host: %s:%d\r\n" % (server.host.encode(), server.port)
            line = raw_request(server, b"GET /api/index HTTP/1.1\r\n" + host + b"A: b\r\n" * 50 + b"\r\n")
            check(" 200 " in line, "50 header lines: %r" % line)
            line = raw_request(server, b"GET /api/index HTTP/1.1\r\n" + host + b"A: b\r\n" * 101 + b"\r\n")
            check(" 431 " in line, "101 header lines: %r" % line)
            before = rss_kb(server.proc.pid)
            line = raw_request(server, b"GET /api/index HTTP/1.1\r\n" + host + b"a:\r\n" * 5000000 + b"\r\n")
            grew = rss_kb(server.proc.pid) - before
            check(" 431 " in line, "5,000,000 header lines: %r" % line)
            check(grew < 50000, "5,000,000 header lines grew the server by %d KB" % grew)
            line = raw_request(server, b"GET /api/index HTTP/1.1\r\n" + host +
                               b"Cookie: " + b"x" * 8000 + b"\r\n" + b"A: " + b"y" * 8000 + b"\r\n" * 1 +
                               b"\r\n")
            check(" 200 " in line, "a head of 16 KB (a big cookie): %r" % line)
            check(get(server, "/api/index")[0] == 200, "the server goes on after refusing")

            # Item 7: the work stream broken, then fixed: the programme is redrawn both times.
            first = model(server, "programme.yaml")["version"]
            ws = os.path.join(root, "ws", "frailty.yaml")
            write_atomically(ws, stream.replace("logic_model: 1\n", ""))
            broken = wait_for(lambda: (lambda m: m if m["version"] > first and any(
                f["rule"] == "missing-model" for f in m["findings"]) else None)(
                    model(server, "programme.yaml")))
            check(broken is not None, "the programme is told its work stream is broken")
            then = broken["version"] if broken else first
            write_atomically(ws, stream)
            fixed = wait_for(lambda: (lambda m: m if m["version"] > then and not any(
                f["rule"] == "missing-model" for f in m["findings"]) else None)(
                    model(server, "programme.yaml")))
            check(fixed is not None, "the programme is redrawn when its work stream is fixed")
            os.remove(ws)
            gone = wait_for(lambda: (lambda m: m if any(
                f["rule"] == "missing-model" for f in m["findings"]) else None)(
                    model(server, "programme.yaml")))
            check(gone is not None, "the programme is told its work stream was deleted")
            with open(ws, "w") as f:
                f.write(stream)
            back = wait_for(lambda: (lambda m: m if not any(
                f["rule"] == "missing-model" for f in m["findings"]) else None)(
                    model(server, "programme.yaml")))
            check(back is not None, "the programme is redrawn when its work stream comes back")

            # Item 6: a served model replaced by a link out of PATH (as `mv -T` does).
            link = os.path.join(root, ".swap")
            os.symlink(os.path.join(outside, "secret.yaml"), link)
            os.replace(link, os.path.join(root, "homes.yaml"))

            def swapped():
                m = model(server, "homes.yaml")
                return m if m is None or m["error"] else None
            view = wait_for(swapped)
            text = json.dumps(view)
            check(view is None or ("SECRET" not in text and "outside" in text),
                  "a model swapped for a link out of PATH: %s" % text[:300])
            check(b"SECRET" not in get(server, "/api/index")[1], "the index names the outside model")
            check(server.proc.poll() is None, "the server is still running")
    finally:
        shutil.rmtree(work)
    if FAILURES:
        print("%d failures" % len(FAILURES))
        sys.exit(1)
    print("serve under hostile use: every check held")


main()
