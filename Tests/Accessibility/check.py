#!/usr/bin/env python3
"""Runs axe-core in headless Chromium over every page type of the sample site, in Dutch and in
English, in light and dark mode, and fails on any WCAG 2.1 A/AA violation or best-practice rule.

Usage: Tests/Accessibility/check.py NORMFOLIO_BINARY
Needs Debian's chromium and the PyPI packages axe-playwright-python and playwright (the Makefile's
`a11y` target installs them); Chromium is the system one, so nothing is downloaded.
"""
import os
import shutil
import subprocess
import sys
import tempfile

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PAGES = {
    "home": "index.html",
    "overview": "normen/index.html",
    "norm": "normen/SM.02.html",
    "norm-privacy": "normen/RB.03.html",
    "evidence": "documenten/techniek-mfa-invoering.html",
    "evidence with a table and footnote": "documenten/beleid-bewaartermijnen.html",
    "evidence with a task list": "documenten/organisatie-jaarplan-ibp-2026.html",
    "documents": "documenten/index.html",
    "coverage": "dekking.html",
    "maturity": "volwassenheid.html",
    "plan": "verbeterplan.html",
    "report": "rapport.html",
    "search": "zoeken.html?q=beleid",
    "integrity": "integriteit.html",
    "free page": "paginas/toegankelijkheid.html",
    "calendar": "kalender.html",
    "progress": "voortgang.html",
    "registers": "registers/index.html",
    "register": "registers/verwerkingen.html",
    "register entry": "registers/verwerkers/wolkwerk.html",
    "register entry with actions": "registers/dpia/dpia-camerabeelden.html",
    "points of attention": "aandachtspunten.html",
    "norm with points of attention": "normen/BC.01.html",
    "register with badges": "registers/verwerkers.html",
    "entry with a point of attention": "registers/datalekken/2026-04-rapport-groepsapp.html",
    "document changed after adoption": "documenten/beleid-classificatierichtlijn.html",
    "school": "scholen/de-regenboog.html",
    "scoped document": "documenten/fysiek-dpia-camerabewaking-de-regenboog.html",
}
# The intranet edition (the default): its own home page for staff, and its documents.
INTRANET_PAGES = {
    "intranet home": "index.html",
    "intranet documents": "documenten/index.html",
}
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def build(binary, work, language, audience):
    """The sample portfolio as a site of the audience (the auditor's has every page type) in the given language."""
    portfolio = os.path.join(work, "portfolio-" + language)
    if not os.path.exists(portfolio):
        shutil.copytree(os.path.join(ROOT, "Content"), os.path.join(portfolio, "Content"))
        with open(os.path.join(ROOT, "normfolio.yml")) as source:
            settings = source.read().replace("language: nl", "language: " + language)
        with open(os.path.join(portfolio, "normfolio.yml"), "w") as target:
            target.write(settings)
    site = os.path.join(work, "site-%s-%s" % (language, audience))
    subprocess.run([binary, "build", portfolio, "--audience", audience, "-o", site], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return site


def main():
    binary = os.path.abspath(sys.argv[1])
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        sys.exit("accessibility: Debian's chromium is needed (make a11y installs it)")
    axe = Axe()
    passed = failed = 0
    with tempfile.TemporaryDirectory() as work, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        for language in ["nl", "en"]:
            sites = [(build(binary, work, language, "auditor"), PAGES), (build(binary, work, language, "intranet"), INTRANET_PAGES)]
            for scheme in ["light", "dark"]:
                for width in [1280, 390]:
                    page = browser.new_page(viewport={"width": width, "height": 900}, color_scheme=scheme)
                    for site, name, path in [(site, name, path) for site, pages in sites for name, path in pages.items()]:
                        page.goto("file://" + os.path.join(site, path))
                        page.wait_for_load_state("load")
                        result = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
                        violations = result.response["violations"]
                        label = "%s %s %s %dpx" % (name, language, scheme, width)
                        if violations:
                            failed += 1
                            print("FAIL %s (%s)" % (label, path))
                            for violation in violations:
                                targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
                                print("  %s: %s — %s" % (violation["id"], violation["help"], "; ".join(targets)))
                        else:
                            passed += 1
                    page.close()
        browser.close()
    print("accessibility: %d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
