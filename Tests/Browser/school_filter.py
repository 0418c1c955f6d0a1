#!/usr/bin/env python3
"""The register pages' school filter in a real browser, from file:// with the pages' own
Content-Security-Policy: choosing a school leaves the board-wide entries and that school's, hides
the entries of other schools, and says how many it shows; "all schools" shows every entry again.
A school's own edition has no filter (it holds only its entries already).

Usage: Tests/Browser/school_filter.py NORMFOLIO_BINARY
Needs Debian's chromium and the PyPI package playwright (the Makefile's `a11y-deps` installs them).
"""
import os
import subprocess
import sys
import tempfile

from playwright.sync_api import sync_playwright

from sample import ROOT, chromium


def main():
    binary = os.path.abspath(sys.argv[1])
    browser_path = chromium("school filter")
    with tempfile.TemporaryDirectory() as work:
        board, school = os.path.join(work, "board"), os.path.join(work, "school")
        for output, extra in ((board, []), (school, ["--school", "het-kompas"])):
            subprocess.run([binary, "build", ROOT, "--audience", "auditor", "-o", output] + extra,
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=browser_path, args=["--no-sandbox"])
            page = browser.new_page()
            errors = []
            page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
            page.goto("file://" + os.path.join(board, "registers", "verwerkingen.html"))
            select = page.locator("#school-filter")
            assert select.is_visible(), "the filter is not shown"
            rows = page.locator(".register-table tbody tr")
            total = rows.count()
            scoped = page.locator(".register-table tbody tr[data-scope]")
            assert scoped.count() > 0, "no entry of the sample's processing register is scoped to a school"
            other = scoped.first.get_attribute("data-scope").split(" ")[0]
            chosen = next(option for option in select.locator("option").evaluate_all("os => os.map(o => o.value)")
                          if option and option != other)
            select.select_option(chosen)
            visible = page.locator(".register-table tbody tr:not([hidden])").count()
            hidden_scopes = page.locator(".register-table tbody tr[hidden]").evaluate_all(
                "rs => rs.map(r => r.getAttribute('data-scope'))")
            assert all(scope and chosen not in scope.split(" ") for scope in hidden_scopes), hidden_scopes
            assert 0 < visible < total, (visible, total)
            status = page.locator(".filter-status").inner_text()
            assert status.startswith("%d van %d" % (visible, total)), status
            select.select_option("")
            assert page.locator(".register-table tbody tr:not([hidden])").count() == total
            assert not errors, errors
            page.goto("file://" + os.path.join(school, "registers", "verwerkingen.html"))
            assert page.locator("#school-filter").count() == 0, "a school's edition has a filter"
            assert not os.path.exists(os.path.join(school, "assets", "scholenfilter.js"))
            browser.close()
    print("school filter: passed (%d of %d entries for %s)" % (visible, total, chosen))


if __name__ == "__main__":
    main()
