# SPDX-License-Identifier: Apache-2.0
"""Starting and stopping `lmc serve` for the workshop tests."""
import http.client
import os
import re
import signal
import subprocess
import time


class Server:
    """`lmc serve ARGS --port PORT` (0: any free port), its address read from what it prints."""

    def __init__(self, lmc, *args, port=0, cwd=None):
        self.proc = subprocess.Popen(
            [lmc, "serve", *args, "--port", str(port)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=cwd)
        line = self.proc.stdout.readline()
        match = re.search(r"http://([^/]+):(\d+)/", line)
        if not match:
            self.proc.kill()
            raise RuntimeError("lmc serve printed %r, stderr %r" % (line, self.proc.stderr.read()))
        self.host, self.port = match.group(1), int(match.group(2))
        self.url = "http://%s:%d/" % (self.host, self.port)

    def stop(self, timeout=5):
        """Ctrl-C; returns the exit code (raises when it does not stop in time)."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
        start = time.time()
        code = self.proc.wait(timeout=timeout)
        self.stop_seconds = time.time() - start
        return code

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def write_atomically(path, text):
    """Saves as many editors do: a temporary file beside it, renamed over it."""
    temp = os.path.join(os.path.dirname(path), ".#" + os.path.basename(path) + ".tmp")
    with open(temp, "w") as f:
        f.write(text)
    os.rename(temp, path)


def write_in_place(path, text):
    """Saves as other editors do: truncate and write the same file."""
    with open(path, "w") as f:
        f.write(text)


def raw_request(server, method, path, body=None, headers=None, host=None):
    """One HTTP request as written (http.client sends the path as given, and no header it was
    not told to): Host is the server's unless `host` names another (False: none). Returns the
    status, the headers and the body's bytes."""
    conn = http.client.HTTPConnection(server.host, server.port, timeout=10)
    conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
    if host is not False:
        conn.putheader("Host", "%s:%d" % (server.host, server.port) if host is None else host)
    for name, value in (headers or {}).items():
        conn.putheader(name, value)
    data = body.encode() if isinstance(body, str) else body
    if data is not None:
        conn.putheader("Content-Length", str(len(data)))
    conn.endheaders()
    if data is not None:
        conn.send(data)
    response = conn.getresponse()
    out = response.status, dict(response.getheaders()), response.read()
    conn.close()
    return out
