#!/usr/bin/env python3
"""The live preview in a real browser: a page open in headless Chromium shows an edit without a
manual reload, shows the error page while the content is broken, and comes back when it is fixed.
The page's own Content-Security-Policy stays in force, as in any browser.

Usage: Tests/Browser/live_reload.py NORMFOLIO_BINARY
Needs Debian's chromium and the PyPI package playwright (the Makefile's `a11y-deps` installs them).
"""
import os
import re
import signal
import sys
import tempfile
import threading
import time

from playwright.sync_api import sync_playwright

from sample import chromium, copy_sample, free_port, start_serve

DOCUMENT = os.path.join("Content", "techniek", "mfa-invoering.md")
PAGE = "documenten/techniek-mfa-invoering.html"


def wait_for(page, check, what, seconds=5):
    """Polls the page until `check(page)` holds; the page's CSP forbids evaluating scripts in it."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if check(page):
                return
        except Exception:
            pass  # the page is between documents while it reloads
        time.sleep(0.02)
    sys.exit("live reload: %s did not happen within %d s" % (what, seconds))


def main():
    binary = os.path.abspath(sys.argv[1])
    browser_path = chromium("live reload")
    with tempfile.TemporaryDirectory() as work:
        portfolio = copy_sample(work)
        port = free_port()
        log = []
        server = start_serve(binary, portfolio, port, log)
        threading.Thread(target=lambda: log.extend(server.stderr), daemon=True).start()
        document = os.path.join(portfolio, DOCUMENT)
        original = open(document, encoding="utf-8").read()
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=browser_path, args=["--no-sandbox"])
                page = browser.new_page()
                problems = []
                page.on("console", lambda message: problems.append(message.text)
                        if "Content Security Policy" in message.text else None)
                page.on("pageerror", lambda error: problems.append(str(error)))
                page.on("response", lambda response: problems.append("%d %s" % (response.status, response.url))
                        if response.status == 404 else None)
                page.goto("http://127.0.0.1:%d/%s" % (port, PAGE))
                title = page.locator("h1").inner_text()

                saved = time.time()
                with open(document, "w", encoding="utf-8") as f:
                    f.write(re.sub(r"^title: .*$", "title: Bewerkt in de preview", original, count=1, flags=re.M))
                wait_for(page, lambda p: p.locator("h1").inner_text() == "Bewerkt in de preview", "showing the edit")
                print("live reload: the edit showed after %.2f s" % (time.time() - saved))

                with open(document, "w", encoding="utf-8") as f:
                    f.write(original.replace("norms: [", "norms: [ZZ.99, ", 1))
                wait_for(page, lambda p: "niet worden gebouwd" in p.locator("h1").inner_text(), "showing the error page")
                headings = page.locator("h2").all_inner_texts()
                if headings[:1] != ["Fouten (1)"] or "onbekende norm-ID" not in page.locator("ul").first.inner_text():
                    sys.exit("live reload: the error page does not list the error first: %s" % headings)

                with open(document, "w", encoding="utf-8") as f:
                    f.write(original)
                wait_for(page, lambda p: p.locator("h1").inner_text() == title, "coming back after the fix")
                browser.close()
            if problems:
                sys.exit("live reload: the browser reported: " + "; ".join(problems))
        finally:
            server.send_signal(signal.SIGINT)
            server.wait(timeout=10)
        if server.returncode != 0:
            sys.exit("live reload: serve stopped with exit code %d:\n%s" % (server.returncode, "".join(log)))
    print("live reload: passed")


if __name__ == "__main__":
    main()
