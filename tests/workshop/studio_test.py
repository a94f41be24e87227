#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The workshop studio in a real browser (Debian's Chromium, headless, through WebDriver): a
scripted facilitator builds a model on the page of `lmc serve --edit`, as a workshop would.

From the folder's index, a new model from the blank template; a comment written into it
beforehand by hand. Then only through the page, by keyboard and pointer: boxes relabelled in
place (Enter), added at a column's foot (+) and by key (N), linked by dragging and by key (L,
then Enter on the other box), a link removed and a box removed (each confirmed, one refusal
first), terms and indicators set in the side panel, three assumptions written with their
status and evidence, two findings fixed by their quick-fix buttons (one asks a question),
undo and redo (the file's bytes each time). Meanwhile "an editor" saves the file while the
page still shows the old one: the page's next change is refused (409), it shows what changed,
and the editor's save is kept. At the end the file checks without errors or warnings, has the
expected 15 boxes, links and 3 assumptions, and the comments are where they were written.

Then the projector at 1920x1080 on a 21-box model with long labels: the diagram drawn for the
screen fills it, box text at 24 px or more, zoom and pan, a click shows only the paths through
a box and Esc shows all again. The time from a click to the redrawn diagram is printed for a
60-item model (bench/bench-serve.sh reports it; no test fails on a slow machine).

    tests/workshop/studio_test.py LMC [SCREENSHOT-DIR]
"""
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import yaml
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from chromium import chromium  # noqa: E402
from serve_common import Server, write_in_place  # noqa: E402

LMC = os.path.abspath(sys.argv[1])
SHOTS = sys.argv[2] if len(sys.argv) > 2 else None
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
FAILURES = []


def check(condition, what):
    if not condition:
        FAILURES.append(what)
        print("FAIL:", what, flush=True)
    return condition


def wait_for(driver, script, what, timeout=10.0, *args):
    end = time.time() + timeout
    while time.time() < end:
        value = driver.execute_script("return " + script, *args)
        if value:
            return value
        time.sleep(0.02)
    check(False, "timed out waiting for " + what)
    return None


def token_of(server):
    line = server.proc.stdout.readline()
    match = re.search(r"\?token=([0-9a-f]{32}) ", line)
    if not match:
        raise RuntimeError("no editor token in %r" % line)
    return match.group(1)


class Facilitator:
    """What a person does on the page, each change waited for until its drawing is shown."""

    def __init__(self, driver, model):
        self.d = driver
        self.model = model

    def edits(self):
        return self.d.execute_script("return window.lmc.edits.length")

    def settled(self, before, what):
        """Waits for the change sent after `before` edits to be answered and drawn."""
        done = wait_for(self.d, "window.lmc.edits.length > arguments[0] && "
                        "window.lmc.edits[window.lmc.edits.length - 1].status !== undefined && "
                        "(window.lmc.edits[window.lmc.edits.length - 1].status !== 200 || "
                        "window.lmc.edits[window.lmc.edits.length - 1].drawn)", what, 10.0, before)
        status = self.d.execute_script(
            "return window.lmc.edits[window.lmc.edits.length - 1].status") if done else None
        return status

    def keys(self, *keys):
        ActionChains(self.d).send_keys(*keys).perform()

    def focus(self, item):
        self.d.execute_script("document.getElementById('item-' + arguments[0]).focus()", item)
        check(self.active_box() == item, "box %s has the keyboard" % item)

    def active_box(self):
        return self.d.execute_script(
            "const a = document.activeElement; return a && a.id && a.id.startsWith('item-') ? "
            "a.id.slice(5) : null")

    def type_in_place(self, text, what):
        wait_for(self.d, "document.activeElement && document.activeElement.classList"
                 ".contains('in-place')", "the field over the diagram for " + what)
        before = self.edits()
        # The field opens with the box's text chosen: typing replaces it.
        self.keys(text, Keys.ENTER)
        return check(self.settled(before, what) == 200, what)

    def relabel(self, item, label):
        """Enter on a box, its new text, Enter."""
        self.focus(item)
        self.keys(Keys.ENTER)
        self.type_in_place(label, "relabel %s" % item)

    def add_at_foot(self, band, label):
        """The + at the foot of a column (the pointer), the text, Enter."""
        self.d.find_element(By.CSS_SELECTOR, "button.foot[data-band='%s']" % band).click()
        self.type_in_place(label, "add %r to %s" % (label, band))
        return self.d.execute_script("return document.activeElement.id.slice(5)")

    def add_by_key(self, beside, label):
        """N on a box adds one to its column."""
        self.focus(beside)
        self.keys("n")
        self.type_in_place(label, "add %r beside %s" % (label, beside))
        return self.d.execute_script("return document.activeElement.id.slice(5)")

    def link_by_key(self, a, b):
        """L on one box, then the other box (Tab to it) and Enter."""
        self.focus(a)
        self.keys("l")
        self.d.execute_script("document.getElementById('item-' + arguments[0]).focus()", b)
        before = self.edits()
        self.keys(Keys.ENTER)
        check(self.settled(before, "link %s -> %s" % (a, b)) == 200, "link %s -> %s by key" % (a, b))

    def link_by_drag(self, a, b):
        source = self.d.find_element(By.ID, "item-" + a)
        target = self.d.find_element(By.ID, "item-" + b)
        before = self.edits()
        ActionChains(self.d).move_to_element(source).click_and_hold().move_by_offset(12, 12) \
            .move_to_element(target).release().perform()
        check(self.settled(before, "drag %s -> %s" % (a, b)) == 200, "link %s -> %s by drag" % (a, b))

    def select(self, item):
        self.d.find_element(By.ID, "item-" + item).click()
        wait_for(self.d, "document.querySelector('#inspector h2 .id') && "
                 "document.querySelector('#inspector h2 .id').textContent === arguments[0]",
                 "the side panel for " + item, 10.0, item)

    def link_in_panel(self, a, b):
        self.select(a)
        self.choose("link-target", b)
        before = self.edits()
        self.steady(lambda: self.d.find_element(
            By.XPATH, "//section[@id='inspector']//button[text()='Link']").click())
        check(self.settled(before, "link %s -> %s" % (a, b)) == 200, "link %s -> %s in the panel" % (a, b))

    def set_term(self, item, term):
        self.select(item)
        before = self.edits()
        self.steady(lambda: Select(self.d.find_element(
            By.XPATH, "//section[@id='inspector']//label[span='Term']/select")).select_by_value(term))
        check(self.settled(before, "term of " + item) == 200, "term %s of %s" % (term, item))

    def add_indicator(self, item, label):
        self.select(item)
        self.fill("new-indicator", label)
        before = self.edits()
        self.steady(lambda: self.d.find_element(By.ID, "new-indicator").send_keys(Keys.ENTER))
        check(self.settled(before, "indicator of " + item) == 200, "indicator of " + item)

    def steady(self, action):
        """Runs action again when the side panel was drawn again under it (a change landing
        late, as under the sanitizers): the page keeps the drafts, so a field is filled
        (cleared, then typed) the same way twice."""
        for _ in range(50):
            try:
                return action()
            except StaleElementReferenceException:
                time.sleep(0.1)
        return action()

    def fill(self, element_id, text):
        def go():
            field = self.d.find_element(By.ID, element_id)
            field.clear()
            field.send_keys(text)
        self.steady(go)

    def choose(self, element_id, value):
        self.steady(lambda: Select(self.d.find_element(By.ID, element_id)).select_by_value(value))

    def add_assumption(self, about_item, about, text, status, evidence):
        self.select(about_item)
        self.fill("new-assumption-text", text)
        self.choose("new-assumption-about", about)
        self.choose("new-assumption-status", status)
        self.fill("new-assumption-evidence", evidence)
        # The drafts survive a late redraw of the panel: what was typed is still there.
        check(self.d.execute_script("return document.getElementById('new-assumption-text').value")
              == text, "the assumption typed is still in its field")
        before = self.edits()
        self.steady(lambda: self.d.find_element(By.ID, "add-assumption").click())
        check(self.settled(before, "assumption " + text) == 200, "assumption " + text)

    def fix(self, rule, item, title, answer=None):
        """The quick-fix button of a finding (and the answer to its question)."""
        xpath = ("//li[contains(@class,'finding') and @data-rule='%s' and @data-item='%s']"
                 "//button[starts-with(text(), \"%s\")]" % (rule, item, title))
        before = self.edits()
        # The findings are drawn again when a late change lands (slower under sanitizers):
        # a button found just before may be gone; find it again.
        clicked = False
        for _ in range(50):
            found = self.d.find_elements(By.XPATH, xpath)
            try:
                if found:
                    found[0].click()
                    clicked = True
                    break
            except StaleElementReferenceException:
                pass
            time.sleep(0.1)
        if not check(clicked, "a quick-fix button %r for %s on %s" % (title, rule, item)):
            return
        if answer is not None:
            wait_for(self.d, "document.getElementById('ask').open", "the quick fix's question")
            self.d.find_element(By.ID, "ask-input").send_keys(answer)
            self.d.find_element(By.ID, "ask-ok").click()
        check(self.settled(before, "fix " + rule) == 200, "the quick fix for %s on %s" % (rule, item))
        rules = self.d.execute_script(
            "return [...document.querySelectorAll('#findings li.finding')]"
            ".map(li => li.dataset.rule + ':' + li.dataset.item)")
        check("%s:%s" % (rule, item) not in rules, "the fixed finding is gone: %s" % rules)

    def text(self):
        with open(self.model, encoding="utf-8") as f:
            return f.read()


def test_studio(work):
    driver = chromium((1600, 1000))
    try:
        with open(os.path.join(work, "other.yaml"), "w") as f:
            f.write(open(os.path.join(ROOT, "examples", "pacs-frailty.yaml")).read())
        with Server(LMC, work, "--edit") as server:
            token = token_of(server)
            # The index, opened with the token: a new model from a template.
            driver.get(server.url + "?token=" + token)
            wait_for(driver, "!document.getElementById('new-model').hidden", "the new-model form")
            check("token" not in driver.current_url, "the token leaves the address bar: " +
                  driver.current_url)
            Select(driver.find_element(By.ID, "new-template")).select_by_value("blank")
            driver.find_element(By.ID, "new-file").send_keys("other.yaml", Keys.ENTER)
            wait_for(driver, "document.getElementById('new-error').textContent",
                     "the refusal of a file that exists")
            check("exists" in driver.find_element(By.ID, "new-error").text,
                  "a new model never replaces a file")
            field = driver.find_element(By.ID, "new-file")
            field.clear()
            field.send_keys("falls.yaml", Keys.ENTER)
            wait_for(driver, "location.pathname === '/model/falls.yaml' && "
                     "document.body.classList.contains('editing') && "
                     "document.querySelectorAll('#diagram g.box').length === 5",
                     "the new model's page, editing")
            model = os.path.join(work, "falls.yaml")
            comment = "# Agreed at the March workshop: keep the words plain.\n"
            text = open(model).read()
            write_in_place(model, text.replace("logic_model: 1\n", comment + "logic_model: 1\n"))
            wait_for(driver, "window.lmc.changes.length > 0 && window.lmc.redraws.length > 1",
                     "the page to see the hand-written comment")
            time.sleep(0.2)
            f = Facilitator(driver, model)

            # The boxes the template has, relabelled in place.
            f.relabel("funding", "Better Care Fund money for falls prevention")
            f.relabel("first-activity", "Strength and balance classes")
            f.relabel("first-output", "People completing twelve weeks of classes")
            f.relabel("first-outcome", "Better strength and balance")
            f.relabel("the-impact", "Older people live independently at home for longer")
            check("label: Strength and balance classes\n" in f.text(), "the label is in the file")

            # Tab goes from box to box.
            f.focus("funding")
            f.keys(Keys.TAB)
            check(f.active_box() not in (None, "funding"), "Tab moves to the next box")

            # New boxes: at a column's foot, and by N.
            physios = f.add_at_foot("resources", "Community physiotherapists")
            hall = f.add_by_key("funding", "Community halls in each ward")
            hazards = f.add_by_key("first-activity", "Home hazard visits")
            assess = f.add_at_foot("activities", "Falls risk assessments")
            safer = f.add_at_foot("outputs", "Homes made safer")
            assessed = f.add_by_key("first-output", "Assessments completed")
            fewer_hazards = f.add_at_foot("outcomes_short", "Fewer hazards at home")
            confidence = f.add_by_key("first-outcome", "More confidence going out")
            falls = f.add_by_key("first-outcome", "Fewer falls")
            admissions = f.add_by_key("first-outcome", "Fewer emergency admissions after a fall")
            check([physios, hall, hazards, assess, safer, assessed, fewer_hazards, confidence,
                   falls, admissions] ==
                  ["community-physiotherapists", "community-halls-in-each-ward",
                   "home-hazard-visits", "falls-risk-assessments", "homes-made-safer",
                   "assessments-completed", "fewer-hazards-at-home", "more-confidence-going-out",
                   "fewer-falls", "fewer-emergency-admissions"],
                  "the new boxes' ids, from their labels")

            # A box added by mistake: Delete asks first; "Keep it" keeps it.
            extra = f.add_at_foot("outputs", "Leaflets")
            f.focus(extra)
            before_text = f.text()
            f.keys(Keys.DELETE)
            wait_for(driver, "document.getElementById('confirm').open", "the confirmation")
            driver.find_element(By.ID, "confirm-cancel").click()
            time.sleep(0.3)
            check(f.text() == before_text, "Keep it: nothing changes")
            f.focus(extra)
            f.keys(Keys.DELETE)
            wait_for(driver, "document.getElementById('confirm').open", "the confirmation")
            n = f.edits()
            driver.find_element(By.ID, "confirm-ok").click()
            check(f.settled(n, "remove the box") == 200 and "Leaflets" not in f.text(),
                  "the box is removed once confirmed")

            # Terms, in the side panel.
            f.set_term(falls, "medium")
            f.set_term(admissions, "long")

            # Links: by dragging, by key, in the panel; one wrong one removed.
            f.link_by_drag(physios, assess)
            f.link_by_key("funding", hazards)
            f.link_by_key(hazards, safer)
            f.link_in_panel(assess, assessed)
            f.link_in_panel(safer, fewer_hazards)
            f.link_in_panel(assessed, fewer_hazards)
            f.link_in_panel("first-output", confidence)
            f.link_by_key("first-outcome", falls)
            f.link_by_key(fewer_hazards, falls)
            f.link_by_key(falls, admissions)
            f.link_by_key(admissions, "the-impact")
            f.link_by_key(confidence, "the-impact")
            f.link_by_drag(physios, safer)  # wrong: physios do not make homes safer
            f.select(physios)
            buttons = driver.find_elements(
                By.XPATH, "//section[@id='inspector']//li[contains(., 'Homes made safer')]/button")
            if check(buttons, "the link's Remove button"):
                buttons[0].click()
                wait_for(driver, "document.getElementById('confirm').open", "the confirmation")
                n = f.edits()
                driver.find_element(By.ID, "confirm-ok").click()
                f.settled(n, "unlink")
            check("homes-made-safer" not in yaml.safe_load(f.text())["resources"][1].get("to", []),
                  "the wrong link is removed")

            # Findings fixed by their buttons: a resource linked to nothing, an outcome
            # without an indicator (the button asks for its label).
            f.fix("unused-resource", hall, "Link it to 'Strength and balance classes'")
            f.fix("unmeasured-outcome", falls, "Add an indicator", "Falls per 1,000 people over 65")
            for item, label in [(fewer_hazards, "Homes with hazards fixed"),
                                (confidence, "Falls efficacy scale score"),
                                (admissions, "Emergency admissions after a fall")]:
                f.add_indicator(item, label)

            # Undo and redo give the file back its bytes.
            before_text = f.text()
            f.relabel("first-activity", "Twelve-week strength and balance classes")
            after_text = f.text()
            driver.find_element(By.TAG_NAME, "body").click()
            n = f.edits()
            ActionChains(driver).key_down(Keys.CONTROL).send_keys("z").key_up(Keys.CONTROL).perform()
            check(f.settled(n, "undo") == 200 and f.text() == before_text,
                  "Ctrl+Z gives the file back its bytes")
            n = f.edits()
            driver.find_element(By.ID, "redo").click()
            check(f.settled(n, "redo") == 200 and f.text() == after_text, "Redo makes it again")

            # A save from outside lands while the facilitator types: what was typed stays.
            f.select(safer)
            f.fill("new-assumption-text", "A draft being typed")
            drawn = driver.execute_script("return window.lmc.redraws.length")
            with open(model, "a") as saved:
                saved.write("# saved from an editor meanwhile\n")
            wait_for(driver, "window.lmc.redraws.length > arguments[0]",
                     "the redraw of a save from outside", 10.0, drawn)
            check(driver.execute_script(
                "return document.getElementById('new-assumption-text').value")
                  == "A draft being typed", "a draft in the side panel survives a redraw")
            f.fill("new-assumption-text", "")

            # Three assumptions: the template's, rewritten, and two new ones.
            driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
            f.select("first-activity")
            text_field = driver.find_element(
                By.XPATH, "//li[@data-id='first-assumption']//textarea")
            n = f.edits()
            text_field.clear()
            text_field.send_keys("People who start the classes keep going", Keys.ENTER)
            f.settled(n, "assumption text")
            f.add_assumption(safer, "%s -> %s" % (safer, fewer_hazards),
                             "Fixing hazards at home prevents falls", "holds",
                             "Cochrane review of home safety interventions, 2012")
            f.add_assumption("first-outcome", "first-outcome -> %s" % falls,
                             "Stronger legs and better balance mean fewer falls", "testing",
                             "Local audit of the pilot groups")

            if SHOTS:
                f.select(falls)
                time.sleep(0.3)
                driver.save_screenshot(os.path.join(SHOTS, "studio-editing.png"))

            # Meanwhile an editor saves the file; the page has not seen it yet.
            driver.execute_script("window.lmc.holdUpdates = true")
            saved = f.text().replace("title: Our programme",
                                     "# Title agreed with the board.\ntitle: Falls prevention")
            write_in_place(model, saved)
            time.sleep(0.5)
            f.focus(confidence)
            f.keys("n")
            wait_for(driver, "document.activeElement.classList.contains('in-place')", "the field")
            n = f.edits()
            f.keys("Walking groups", Keys.ENTER)
            check(f.settled(n, "the stale change") == 409, "a change to a file saved meanwhile: 409")
            notice = driver.find_element(By.ID, "notice").text
            check("changed on disk" in notice, "the page says the file changed: %r" % notice)
            check(f.text() == saved, "the editor's save is kept, the page's change not made")
            driver.execute_script("window.lmc.holdUpdates = false")
            check(driver.find_element(By.ID, "title").text == "Falls prevention",
                  "the page shows the editor's save")

            # The model on disk.
            text = f.text()
            check(text.startswith("# Blank") and comment in text and
                  "# Title agreed with the board.\ntitle: Falls prevention" in text,
                  "the comments written by hand are where they were")
            check("# What we put in: money, staff, buildings, IT, partners' time." in text,
                  "the template's comments are kept")
            data = yaml.safe_load(text)
            boxes = {s: [i["id"] for i in data.get(s, [])]
                     for s in ("resources", "activities", "outputs", "outcomes", "impacts")}
            check(sum(len(v) for v in boxes.values()) == 15, "15 boxes: %s" % boxes)
            check(len(data["assumptions"]) == 3, "3 assumptions: %s" % data["assumptions"])
            terms = {i["id"]: i.get("term") for i in data["outcomes"]}
            check(terms == {"first-outcome": "short", fewer_hazards: "short",
                            confidence: "short", falls: "medium", admissions: "long"},
                  "the outcomes' terms: %s" % terms)
            links = set()
            for section in boxes:
                for i in data.get(section, []):
                    for t in i.get("to", []):
                        links.add((i["id"], t))
            expected = {("funding", "first-activity"), (physios, assess), (hall, "first-activity"),
                        ("funding", hazards), ("first-activity", "first-output"),
                        (hazards, safer), (assess, assessed), ("first-output", "first-outcome"),
                        ("first-output", confidence), (safer, fewer_hazards),
                        (assessed, fewer_hazards), ("first-outcome", "the-impact"),
                        ("first-outcome", falls), (fewer_hazards, falls), (falls, admissions),
                        (admissions, "the-impact"), (confidence, "the-impact")}
            check(links == expected, "the links: missing %s, extra %s" %
                  (expected - links, links - expected))
            statuses = sorted(a.get("status", "untested") for a in data["assumptions"])
            check(statuses == ["holds", "testing", "untested"], "statuses: %s" % statuses)
            result = subprocess.run([LMC, "check", model, "--format", "json"],
                                    capture_output=True, text=True)
            summary = re.search(r'"summary":\s*(\{[^}]*\})', result.stdout)
            check(result.returncode == 0 and summary and '"errors":0' in
                  summary.group(1).replace(" ", "") and '"warnings":0' in
                  summary.group(1).replace(" ", ""),
                  "the model checks without errors or warnings: %s" % result.stdout[-400:])
    finally:
        driver.quit()


def box_text_px(driver):
    """The smallest box label on the screen, in CSS pixels (a box's label is its largest
    text; the marks inside it, such as an assumption's badge, are smaller)."""
    return driver.execute_script("""
        let least = Infinity;
        for (const box of document.querySelectorAll('#diagram g.box')) {
          let label = 0;
          for (const t of box.querySelectorAll('text')) {
            const size = parseFloat(t.getAttribute('font-size'));
            const m = t.getScreenCTM();
            if (size && m) label = Math.max(label, size * Math.hypot(m.a, m.b));
          }
          if (label) least = Math.min(least, label);
        }
        return least;""")


def test_projector(work):
    driver = chromium((1920, 1080))
    try:
        model = os.path.join(work, "falls-21.yaml")
        shutil.copy(os.path.join(ROOT, "tests", "render", "workshop", "falls-21.yaml"), model)
        with Server(LMC, model) as server:
            driver.get(server.url)
            wait_for(driver, "window.lmc.redraws.length > 0", "the first drawing")
            page_px = box_text_px(driver)
            driver.find_element(By.TAG_NAME, "body").send_keys("p")
            wait_for(driver, "document.body.classList.contains('projector') && "
                     "window.lmc.redraws.length > 1", "the projector's drawing")
            time.sleep(0.3)
            svg = driver.execute_script(
                "const r = document.querySelector('#diagram svg').getBoundingClientRect();"
                "return [r.width, r.height, innerWidth, innerHeight]")
            check(svg[0] == svg[2] and svg[1] == svg[3],
                  "the diagram fills the screen: %s x %s of %s x %s" % tuple(svg))
            px = box_text_px(driver)
            print("box text: %.1f px on the page, %.1f px on the projector (1920x1080)"
                  % (page_px, px))
            check(px >= 24, "box text at 24 px or more on the projector: %.1f" % px)
            if SHOTS:
                driver.save_screenshot(os.path.join(SHOTS, "studio-projector.png"))
            # Click a box: only the paths through it.
            driver.find_element(By.ID, "item-classes-completed").click()
            faded = driver.execute_script(
                "return [...document.querySelectorAll('#diagram g.box')]"
                ".filter(b => getComputedStyle(b).opacity < 0.5).map(b => b.id.slice(5))")
            shown = driver.execute_script(
                "return [...document.querySelectorAll('#diagram g.box.on-path')]"
                ".map(b => b.id.slice(5))")
            check("classes-completed" in shown and "strength-balance" in shown and faded and
                  "classes-completed" not in faded, "the paths through the box: %s" % shown)
            if SHOTS:
                driver.save_screenshot(os.path.join(SHOTS, "studio-projector-paths.png"))
            driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
            check(not driver.execute_script(
                "return document.querySelector('#diagram svg').classList.contains('tracing')"),
                "Esc shows every box again")
            # Zoom in with +, pan by dragging, 0 for the whole.
            home = driver.execute_script(
                "return document.querySelector('#diagram svg').getAttribute('viewBox')")
            driver.find_element(By.TAG_NAME, "body").send_keys("+")
            zoomed = driver.execute_script(
                "return document.querySelector('#diagram svg').getAttribute('viewBox')")
            check(zoomed != home and box_text_px(driver) > px * 1.2, "+ zooms in")
            ActionChains(driver).move_by_offset(960, 1000).click_and_hold() \
                .move_by_offset(-200, 0).release().perform()
            panned = driver.execute_script(
                "return document.querySelector('#diagram svg').getAttribute('viewBox')")
            check(panned != zoomed, "dragging pans")
            driver.find_element(By.TAG_NAME, "body").send_keys("0")
            check(driver.execute_script(
                "return document.querySelector('#diagram svg').getAttribute('viewBox')") == home,
                "0 shows the whole diagram")
            driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
            check(not driver.execute_script(
                "return document.body.classList.contains('projector')"), "Esc leaves the projector")
    finally:
        driver.quit()


def test_click_to_redraw(work):
    """From the Enter that sends a box's new text to the redrawn diagram on the page, on a
    60-item model (bench/generate-model.sh 60), six times; printed."""
    driver = chromium((1600, 1000))
    try:
        model = os.path.join(work, "big.yaml")
        with open(model, "w") as out:
            subprocess.run(["bash", os.path.join(ROOT, "bench", "generate-model.sh"), "60"],
                           stdout=out, check=True)
        with Server(LMC, model, "--edit") as server:
            token = token_of(server)
            driver.get(server.url + "?token=" + token)
            wait_for(driver, "document.body.classList.contains('editing')", "editing")
            f = Facilitator(driver, model)
            times = []
            for k in range(6):
                n = f.edits()
                f.relabel("a-00003", "Activity three, relabelled %d times" % (k + 1))
                record = driver.execute_script("return window.lmc.edits[arguments[0]]", n)
                if record and record.get("drawn"):
                    times.append(record["drawn"] - record["sent"])
            if times:
                print("edit: from a change to its redrawn diagram on a 60-item model: median "
                      "%.0f ms, worst %.0f ms (%s)" % (statistics.median(times), max(times),
                                                      ", ".join("%.0f" % t for t in times)))
            check(len(times) == 6, "six changes timed: %s" % times)
    finally:
        driver.quit()


def main():
    with tempfile.TemporaryDirectory() as tmp:
        for name, test in [("studio", test_studio), ("projector", test_projector),
                           ("timing", test_click_to_redraw)]:
            work = os.path.join(tmp, name)
            os.mkdir(work)
            test(work)
    print("FAILED: %d" % len(FAILURES) if FAILURES else "passed")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
