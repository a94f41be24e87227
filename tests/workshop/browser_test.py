#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""lmc serve in a real browser: Debian's Chromium, headless, driven through WebDriver
(chromium-driver, python3-selenium).

The page is loaded, its boxes and findings are read from the DOM, the model is changed on disk
(in place, and by writing a temporary file and renaming it) and the page must redraw; the YAML
is broken and the banner must show with the last diagram kept; a finding is clicked and its box
must be highlighted, and a box clicked highlights its findings; the projector keys work; a
directory's index lists its models and follows new ones; a restarted server is reconnected to.
The time from a save to the new diagram on the page is measured on a 60-item model and printed
(bench/bench-serve.sh reports it; no test fails on a slow machine).

    tests/workshop/browser_test.py LMC [SCREENSHOT.png]
"""
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from selenium.webdriver.common.by import By

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from chromium import chromium  # noqa: E402
from serve_common import Server, write_atomically, write_in_place  # noqa: E402

LMC = os.path.abspath(sys.argv[1])
SCREENSHOT = sys.argv[2] if len(sys.argv) > 2 else None
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
FAILURES = []


def check(condition, what):
    if not condition:
        FAILURES.append(what)
        print("FAIL:", what, flush=True)


def wait_for(driver, script, what, timeout=10.0):
    """Polls a JavaScript expression until it is truthy; returns its value."""
    end = time.time() + timeout
    while time.time() < end:
        value = driver.execute_script("return " + script)
        if value:
            return value
        time.sleep(0.01)
    check(False, "timed out waiting for " + what)
    return None


def redraws(driver):
    return driver.execute_script("return window.lmc ? window.lmc.redraws.length : 0")


def box_ids(driver):
    return driver.execute_script(
        "return [...document.querySelectorAll('#diagram g.node[id^=\"item-\"]')]"
        ".map(g => g.id.slice(5))")


def box_text(driver, item):
    return driver.execute_script(
        "const g = document.getElementById('item-' + arguments[0]);"
        "return g ? g.textContent.replace(/\\s+/g, ' ').trim() : null", item)


def test_model_page(driver, work):
    model = os.path.join(work, "homes.yaml")
    subprocess.run([LMC, "init", model, "-t", "ehch"], check=True, stderr=subprocess.DEVNULL)
    text = open(model).read()
    # One outcome without an indicator: a finding about an item, to click.
    text = text.replace("""      - label: 999 calls from care homes per 1,000 beds
        source: Ambulance trust data
""", "").replace("""    term: short
    indicators:
    to: [fewer-admissions]""", """    term: short
    to: [fewer-admissions]""")
    write_in_place(model, text)
    with Server(LMC, model) as server:
        driver.get(server.url)
        wait_for(driver, "window.lmc && window.lmc.redraws.length > 0", "the first drawing")
        ids = box_ids(driver)
        check("fewer-admissions" in ids and "residents-at-home" in ids and len(ids) == 16,
              "the page shows the model's 16 boxes: %s" % ids)
        check(driver.title.startswith("Enhanced health in care homes"), "title: " + driver.title)
        findings = driver.find_elements(By.CSS_SELECTOR, "#findings li.finding")
        rules = [f.get_attribute("data-rule") for f in findings]
        check("unmeasured-outcome" in rules, "the findings list unmeasured-outcome: %s" % rules)
        live = wait_for(driver, "document.getElementById('live').classList.contains('on')",
                        "the live connection")
        check(live, "the page says it is live")

        # Click the finding: its box is highlighted.
        finding = driver.find_element(By.CSS_SELECTOR,
                                      "#findings li.finding[data-rule='unmeasured-outcome']")
        item = finding.get_attribute("data-item")
        finding.click()
        check(driver.execute_script(
            "return document.getElementById('item-' + arguments[0]).classList"
            ".contains('lmc-highlight')", item), "clicking a finding highlights box " + item)
        outline = driver.execute_script(
            "const s = getComputedStyle(document.getElementById('item-' + arguments[0])"
            ".querySelector('path, polygon')); return [s.strokeWidth, s.stroke]", item)
        check(outline == ["5px", "rgb(216, 27, 96)"],
              "the highlighted box is outlined on the page: %s" % outline)
        # Click another box: its findings' group is highlighted, the first box is not.
        driver.execute_script("document.getElementById('item-' + arguments[0])"
                              ".dispatchEvent(new MouseEvent('click', {bubbles: true}))", item)
        check(driver.execute_script(
            "return document.querySelector('.group.lmc-highlight').dataset.item") == item,
            "clicking a box highlights its findings")

        # Saved in place: the page redraws with the new label.
        before = redraws(driver)
        write_in_place(model, open(model).read().replace(
            "Weekly GP-led ward rounds in every home", "Twice-weekly ward rounds led by GPs"))
        wait_for(driver, "window.lmc.redraws.length > %d" % before, "a redraw after a save")
        check("Twice-weekly" in (box_text(driver, "ward-rounds") or ""),
              "the saved label is on the page: %r" % box_text(driver, "ward-rounds"))

        # Saved by writing a temporary file and renaming it over the model.
        before = redraws(driver)
        write_atomically(model, open(model).read().replace(
            "    label: Red bag hospital transfer pathway",
            "    label: Red bag pathway, adapted by each home"))
        wait_for(driver, "window.lmc.redraws.length > %d" % before, "a redraw after a rename")
        check("adapted by each home" in (box_text(driver, "red-bag") or ""),
              "a save by rename is on the page")

        # Broken YAML: a banner with the place, and the last diagram kept.
        good = open(model).read()
        before = redraws(driver)
        write_in_place(model, good.replace("resources:\n  - id: funding",
                                           "resources:\n  - id: funding\n   - broken"))
        wait_for(driver, "window.lmc.redraws.length > %d" % before, "a redraw of a broken file")
        banner = driver.find_element(By.ID, "banner")
        check(banner.is_displayed() and re.search(r"Line \d+, column \d+", banner.text),
              "a banner with the error's line: %r" % banner.text)
        check("adapted by each home" in (box_text(driver, "red-bag") or ""),
              "the last diagram stays under the banner")
        check(driver.execute_script(
            "return document.getElementById('diagram').classList.contains('stale')"),
            "the kept diagram is shown as stale")
        before = redraws(driver)
        write_in_place(model, good)
        wait_for(driver, "window.lmc.redraws.length > %d" % before, "a redraw once fixed")
        check(not driver.find_element(By.ID, "banner").is_displayed(), "the banner goes once fixed")

        # The projector: P for full screen and large type (findings hidden), F shows them.
        body = driver.find_element(By.TAG_NAME, "body")
        body.send_keys("p")
        check("projector" in body.get_attribute("class"), "P switches the projector view on")
        check(not driver.find_element(By.ID, "findings").is_displayed(),
              "the projector hides the findings")
        body.send_keys("f")
        check(driver.find_element(By.ID, "findings").is_displayed(), "F shows the findings")
        body.send_keys("p")
        check("projector" not in body.get_attribute("class"), "P again switches it off")

        if SCREENSHOT:
            driver.find_element(By.CSS_SELECTOR,
                                "#findings li.finding[data-rule='unmeasured-outcome']").click()
            driver.save_screenshot(SCREENSHOT)

        # The server restarts on the same port: the page reconnects by itself.
        port = server.port
        server.stop()
        wait_for(driver, "document.getElementById('live').classList.contains('off')",
                 "the page noticing the server went")
        write_in_place(model, good.replace("title: Enhanced health in care homes",
                                           "title: Care homes, after the restart"))
        with Server(LMC, model, port=port):
            wait_for(driver, "document.title.startsWith('Care homes, after the restart')",
                     "the page reconnecting to a restarted server", timeout=15)


def test_redraw_time(driver, work):
    """Save to new diagram on the page, for a 60-item model: ten saves, each timed."""
    model = os.path.join(work, "sixty.yaml")
    with open(model, "w") as f:
        f.write(subprocess.run(["bash", os.path.join(ROOT, "bench", "generate-model.sh"), "60"],
                               capture_output=True, text=True, check=True).stdout)
    times, heard = [], []
    with Server(LMC, model) as server:
        driver.get(server.url)
        wait_for(driver, "window.lmc && window.lmc.redraws.length > 0", "the 60-item drawing")
        check(len(box_ids(driver)) == 60, "the page shows 60 boxes")
        wait_for(driver, "document.getElementById('live').classList.contains('on')", "live")
        text = open(model).read()
        for k in range(10):
            before = redraws(driver)
            label = "Activity 3 renamed %d" % k
            start = time.time() * 1000
            write_in_place(model, re.sub(r"label: Activity 3 [^\n]*", "label: " + label, text))
            wait_for(driver, "window.lmc.redraws.length > %d" % before, "redraw %d" % k)
            at = driver.execute_script(
                "return window.lmc.redraws[window.lmc.redraws.length - 1].at")
            check(label in (box_text(driver, "a-00003") or ""), "redraw %d shows the label" % k)
            heard.append(driver.execute_script(
                "return window.lmc.changes[window.lmc.changes.length - 1].at") - start)
            times.append(at - start)
    median, worst = statistics.median(times), max(times)
    print("redraw, save to new diagram on the page, 60 items: median %.0f ms, worst %.0f ms "
          "(%s); the page heard of the save after %.0f ms (median)"
          % (median, worst, ", ".join("%.0f" % t for t in times), statistics.median(heard)),
          flush=True)
    # A figure for docs/performance.md (bench/bench-serve.sh), not a timed test.


def test_index(driver, work):
    root = os.path.join(work, "programme")
    os.makedirs(os.path.join(root, "streams"))
    subprocess.run([LMC, "init", os.path.join(root, "pacs.yaml"), "-t", "pacs"], check=True,
                   stderr=subprocess.DEVNULL)
    subprocess.run([LMC, "init", os.path.join(root, "streams", "mcp.yaml"), "-t", "mcp"],
                   check=True, stderr=subprocess.DEVNULL)
    with Server(LMC, root) as server:
        driver.get(server.url)
        wait_for(driver, "document.querySelectorAll('#models tbody tr').length == 2",
                 "an index of two models")
        wait_for(driver, "document.getElementById('live').classList.contains('on')", "live")
        # Read in one step: the index is redrawn whenever the server announces a change.
        titles = driver.execute_script(
            "return [...document.querySelectorAll('#models tbody a')].map(a => a.textContent)")
        check(sorted(titles) == ["Integrated care for people living with frailty",
                                 "Neighbourhood care teams"], "the index shows titles: %s" % titles)
        subprocess.run([LMC, "init", os.path.join(root, "streams", "uec.yaml"), "-t", "uec"],
                       check=True, stderr=subprocess.DEVNULL)
        wait_for(driver, "document.querySelectorAll('#models tbody tr').length == 3",
                 "a new model joining the index")
        driver.execute_script(
            "[...document.querySelectorAll('#models tbody a')]"
            ".find(a => a.textContent == 'Neighbourhood care teams').click()")
        wait_for(driver, "document.querySelectorAll('#diagram g.node[id^=\"item-\"]').length > 0",
                 "the model's page from the index")
        check(driver.current_url.endswith("/model/streams/mcp.yaml"), driver.current_url)


def main():
    work = tempfile.mkdtemp()
    driver = chromium()
    try:
        test_model_page(driver, work)
        test_redraw_time(driver, work)
        test_index(driver, work)
        # The tests stop servers under the page: the requests that were open then fail, as
        # they should. Anything else is the page's own error.
        stopped = ("ERR_CONNECTION_REFUSED", "ERR_INCOMPLETE_CHUNKED_ENCODING",
                   "ERR_EMPTY_RESPONSE", "ERR_CONNECTION_RESET")
        logs = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"
                and not any(s in e.get("message", "") for s in stopped)]
        check(not logs, "the page logged errors: %s" % logs)
    finally:
        driver.quit()
        shutil.rmtree(work)
    if FAILURES:
        print("%d failures" % len(FAILURES))
        sys.exit(1)
    print("browser: every check held")


if __name__ == "__main__":
    main()
