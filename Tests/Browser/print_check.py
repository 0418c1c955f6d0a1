#!/usr/bin/env python3
"""Prints every page type of the sample site to A4 in headless Chromium, as a reader does from the
browser, and fails when any text lies beyond the paper's printable width (a clipped column or
card): the print stylesheet must fit everything on the page, wide register tables on landscape.

Usage: Tests/Browser/print_check.py NORMFOLIO_BINARY
Needs Debian's chromium, poppler-utils (pdftotext) and playwright (make test installs them).
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

from playwright.sync_api import sync_playwright

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "Tests", "Accessibility"))
from check import PAGES  # noqa: E402  the same page types as the accessibility check

MARGIN = 12  # points a line may reach into the right margin (the page number's box stands there)


def main():
    binary = os.path.abspath(sys.argv[1])
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium or not shutil.which("pdftotext"):
        sys.exit("print: Debian's chromium and poppler-utils are needed (make test installs them)")
    failed = 0
    with tempfile.TemporaryDirectory() as work, sync_playwright() as playwright:
        site = os.path.join(work, "site")
        subprocess.run([binary, "build", ROOT, "--audience", "auditor", "-o", site], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page()
        for name, path in PAGES.items():
            page.goto("file://" + os.path.join(site, path.split("?")[0]))
            pdf = os.path.join(work, "page.pdf")
            page.pdf(path=pdf, format="A4", prefer_css_page_size=True)
            boxes = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True, check=True).stdout
            too_wide = []
            for number, (width, words) in enumerate(re.findall(r'<page width="([0-9.]+)"[^>]*>(.*?)</page>', boxes, re.S), 1):
                # Chromium's A4 margins are 16 mm (45 pt) as the stylesheet's @page asks.
                limit = float(width) - 45 + MARGIN
                for x, word in re.findall(r'xMax="([0-9.]+)"[^>]*>([^<]*)<', words):
                    if float(x) > limit:
                        too_wide.append("page %d: %s" % (number, word))
            if too_wide:
                failed += 1
                print("FAIL %s (%s): text beyond the paper: %s" % (name, path, ", ".join(too_wide[:5])))
        browser.close()
    print("print: %d page types, %d cut off" % (len(PAGES), failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
