# SPDX-License-Identifier: Apache-2.0
"""Debian's Chromium, headless, driven through WebDriver (chromium-driver, python3-selenium),
for the tests of lmc serve's page."""
import shutil

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service


def chromium(size=(1600, 1000)):
    """A headless Chromium with a window, and a screen, of `size` CSS pixels (full screen, as
    the projector asks for, takes the screen's size)."""
    options = Options()
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=%d,%d" % size, "--screen-info={0,0 %dx%d}" % size,
                "--force-device-scale-factor=1", "--no-first-run", "--disable-extensions"]:
        options.add_argument(arg)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(service=service, options=options)
