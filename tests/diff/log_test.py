#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""lmc log on a repository the test builds: commits that add the model, rename an item,
reformat it, change a target, mark an assumption failed and move the file; lmc log must list
exactly those changes, newest first, following the move.

    tests/diff/log_test.py LMC
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

LMC = os.path.abspath(sys.argv[1])
FAILURES = []


def check(condition, what):
    if not condition:
        FAILURES.append(what)
        print("FAIL:", what, flush=True)


def git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def main():
    work = tempfile.mkdtemp()
    repo = os.path.join(work, "repo")
    try:
        os.makedirs(os.path.join(repo, "models"))
        git("init", "-q", cwd=repo)
        git("config", "user.email", "test@example.org", cwd=repo)
        git("config", "user.name", "Test", cwd=repo)
        model = os.path.join(repo, "models", "homes.yaml")
        subprocess.run([LMC, "init", model, "-t", "ehch"], check=True, capture_output=True)

        def commit(message, edit=None):
            if edit:
                text = open(model).read()
                new = edit(text)
                assert new != text, message
                open(model, "w").write(new)
            git("add", "-A", cwd=repo)
            git("commit", "-qm", message, cwd=repo)

        commit("Start from the template")
        commit("Rename the hub activity", lambda t: t.replace("id: hub\n", "id: advice-hub\n")
               .replace("[ward-rounds, training, hub]", "[ward-rounds, training, advice-hub]")
               .replace("to: [training, hub]", "to: [training, advice-hub]"))
        commit("Reformat", lambda t: "# reformatted by a tidy editor\n" + t.replace(
            "    label: Weekly GP-led ward rounds in every home\n    to: [reviews-done]",
            "    to: [reviews-done]\n    label: 'Weekly GP-led ward rounds in every home'"))
        commit("Set a target", lambda t: t.replace(
            "      - label: Non-elective admissions per 1,000 care home beds\n"
            "        source: Secondary Uses Service\n",
            "      - label: Non-elective admissions per 1,000 care home beds\n"
            "        source: Secondary Uses Service\n        target: 360\n"))
        commit("The red bag was copied, not adapted", lambda t: t.replace(
            "    about: [red-bag]\n    status: untested", "    about: [red-bag]\n    status: fails"))
        os.makedirs(os.path.join(repo, "programme"))
        git("mv", "models/homes.yaml", "programme/care-homes.yaml", cwd=repo)
        git("commit", "-qm", "Move into the programme folder", cwd=repo)

        r = subprocess.run([LMC, "log", "programme/care-homes.yaml", "--format", "json"],
                           cwd=repo, capture_output=True, text=True)
        check(r.returncode == 0, "lmc log exits %d: %s" % (r.returncode, r.stderr))
        log = json.loads(r.stdout)
        got = [(c["subject"], sorted({(x["change"], x["item"]) for x in c["changes"]}))
               for c in log["commits"]]
        expected = [
            ("Move into the programme folder", []),
            ("The red bag was copied, not adapted",
             [("assumption-status-changed", "bag-adapted")]),
            ("Set a target", [("indicator-changed", "fewer-admissions")]),
            ("Reformat", []),
            ("Rename the hub activity", [("item-renamed", "advice-hub")]),
        ]
        check(got[:5] == expected, "the history:\n%s\nwanted:\n%s" % (got[:5], expected))
        check(len(got) == 6 and got[5][0] == "Start from the template" and
              ("item-added", "residents-at-home") in got[5][1],
              "the first commit adds the model: %s" % (got[5:],))
        moved = log["commits"][0]
        check(moved["old_path"] == "models/homes.yaml" and moved["path"] == "programme/care-homes.yaml",
              "the move is followed: %s" % moved)

        r = subprocess.run([LMC, "log", "programme/care-homes.yaml", "--theory-only"],
                           cwd=repo, capture_output=True, text=True)
        subjects = [l for l in r.stdout.splitlines() if l[:1] not in ("", " ")]
        check([s.split(" ", 2)[2] for s in subjects] == [
            "The red bag was copied, not adapted", "Set a target", "Rename the hub activity",
            "Start from the template"], "--theory-only leaves out formatting: %s" % subjects)
        check("  Assumptions\n    ~ bag-adapted: status \"untested\" -> \"fails\"" in r.stdout
              or "bag-adapted" in r.stdout, "the text names the change: %s" % r.stdout[:400])

        r = subprocess.run([LMC, "log", "nothing.yaml"], cwd=repo, capture_output=True, text=True)
        check(r.returncode == 2 and "no history" in r.stderr,
              "a file git does not know: %d %r" % (r.returncode, r.stderr))
        r = subprocess.run([LMC, "log", "x.yaml"], cwd=work, capture_output=True, text=True)
        check(r.returncode == 2 and r.stderr.count("\n") == 1,
              "outside a repository: %d %r" % (r.returncode, r.stderr))
        # A shallow clone: the oldest commit it holds did not add the model; the history is
        # cut there, and lmc log says so.
        shallow = os.path.join(work, "shallow")
        subprocess.run(["git", "clone", "-q", "--depth", "2", "file://" + repo, shallow],
                       check=True, capture_output=True)
        r = subprocess.run([LMC, "log", "programme/care-homes.yaml", "--format", "json"],
                           cwd=shallow, capture_output=True, text=True)
        check(r.returncode == 0, "lmc log in a shallow clone exits %d: %s" % (r.returncode, r.stderr))
        oldest = json.loads(r.stdout)["commits"][-1]
        check(oldest.get("history_cut") is True and oldest["changes"] == [],
              "the shallow clone's oldest commit is not said to cut the history: %s" % oldest)
        r = subprocess.run([LMC, "log", "programme/care-homes.yaml"], cwd=shallow,
                           capture_output=True, text=True)
        check("history is cut here" in r.stdout and "added" not in r.stdout.split("\n\n")[-1],
              "the text does not say the history is cut: %s" % r.stdout[-400:])
    finally:
        shutil.rmtree(work)
    if FAILURES:
        print("%d failures" % len(FAILURES))
        sys.exit(1)
    print("log: every check held")


if __name__ == "__main__":
    main()
