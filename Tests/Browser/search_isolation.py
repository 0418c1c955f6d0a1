#!/usr/bin/env python3
"""The search index in a real browser: a page of another origin that includes a built site's
`assets/zoekindex.js` (or the live preview's) gets none of its entries, however it asks, while
search works on the site itself from file://, from an unzipped zip and from a web server, with
the pages' own Content-Security-Policy in force.

Usage: Tests/Browser/search_isolation.py NORMFOLIO_BINARY
Needs Debian's chromium and the PyPI package playwright (the Makefile's `a11y-deps` installs them).
"""
import functools
import http.server
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import zipfile

from playwright.sync_api import sync_playwright

from sample import chromium, copy_sample, free_port, start_serve

# A word of a document classified strikt-vertrouwelijk in the sample: only the auditor edition has it.
QUERY = "penetratietest"


def serve_folder(folder, port):
    """A plain web server for a folder, on its own thread."""
    handler = functools.partial(QuietHandler, directory=folder)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


# The pages of the other origin. Each reports what it got in window.stolen; each tries another way.
ATTACKS = {
    # Its own receiver, guessing keys, and setters that would see objects made by assignment.
    "own-receiver.html": """<!DOCTYPE html><html><head><meta charset="utf-8"><title>x</title><script>
window.stolen = [];
function normfolioReceiveIndex(entries) {
  if (arguments.length === 0) { return "00000000000000000000000000000000"; }
  window.stolen.push(entries);
}
Object.defineProperty(Object.prototype, "t", { set: function (v) { window.stolen.push(v); }, configurable: true });
</script>
<script src="{origin}/assets/zoekindex.js"></script>
<script>window.report = { stolen: window.stolen.length, global: typeof NORMFOLIO_INDEX };</script></head><body></body></html>""",
    # The site's own search.js, with a search form of its own that guesses the key.
    "site-script.html": """<!DOCTYPE html><html><head><meta charset="utf-8"><title>x</title></head><body>
<form id="zoekformulier" data-sleutel="raden"></form>
<script src="{origin}/assets/search.js"></script>
<script src="{origin}/assets/zoekindex.js"></script>
<script>window.stolen = typeof normfolioIndex !== "undefined" && normfolioIndex ? [normfolioIndex] : [];
window.report = { stolen: window.stolen.length, global: typeof NORMFOLIO_INDEX };</script></body></html>""",
    # Reaching back into the index's code: the caller, and the functions on the stack.
    "reach-back.html": """<!DOCTYPE html><html><head><meta charset="utf-8"><title>x</title><script>
window.stolen = [];
Error.prepareStackTrace = function (error, frames) {
  frames.forEach(function (frame) {
    try { var f = frame.getFunction(); if (f && f !== normfolioReceiveIndex) { window.stolen.push(String(f)); } } catch (e) {}
    try { var t = frame.getThis(); if (t && t !== window) { window.stolen.push(String(t)); } } catch (e) {}
  });
  return "";
};
function normfolioReceiveIndex() {
  try { if (normfolioReceiveIndex.caller) { window.stolen.push(String(normfolioReceiveIndex.caller)); } } catch (e) {}
  try { if (arguments.callee.caller) { window.stolen.push(String(arguments.callee.caller)); } } catch (e) {}
  (new Error()).stack;
  return "raden";
}
</script>
<script src="{origin}/assets/zoekindex.js"></script>
<script>window.report = { stolen: window.stolen.length, global: typeof NORMFOLIO_INDEX };</script></head><body></body></html>""",
}


def check_attacks(browser, attacker_origin, site_origin, what):
    for name in ATTACKS:
        page = browser.new_page()
        page.goto("%s/%s" % (attacker_origin, name))
        page.wait_for_function("window.report !== undefined", timeout=10000)
        report = page.evaluate("window.report")
        stolen = page.evaluate("JSON.stringify(window.stolen).slice(0, 200)")
        if report["stolen"] != 0 or report["global"] != "undefined":
            sys.exit("search isolation: %s, %s got the index: %s %s" % (what, name, report, stolen))
        page.close()


# The control: the same page, knowing the key (which the test reads from the search page, as no
# page of another origin can). It must get the entries, or the attacks above proved nothing.
CONTROL = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>x</title><script>
window.stolen = [];
function normfolioReceiveIndex(entries) {
  if (arguments.length === 0) { return "{key}"; }
  window.stolen.push(entries);
}
</script>
<script src="{origin}/assets/zoekindex.js"></script>
<script>window.report = { stolen: window.stolen.length };</script></head><body></body></html>"""


def search_results(page, url):
    """How many results the search page shows for the query in `url` (polled: the page's CSP
    forbids evaluating scripts in it)."""
    page.goto(url)
    deadline = time.time() + 10
    while time.time() < deadline:
        count = page.locator("#zoekresultaten li").count()
        if count > 0:
            return count
        time.sleep(0.05)
    return 0


def main():
    binary = os.path.abspath(sys.argv[1])
    browser_path = chromium("search isolation")
    with tempfile.TemporaryDirectory() as work:
        portfolio = copy_sample(work)
        site, zipped, unzipped = os.path.join(work, "site"), os.path.join(work, "site.zip"), os.path.join(work, "unzipped")
        built = subprocess.run([binary, "build", portfolio, "--audience", "auditor", "-o", site, "--zip", zipped],
                               capture_output=True, text=True)
        if built.returncode != 0:
            sys.exit("search isolation: build failed:\n" + built.stderr)
        with zipfile.ZipFile(zipped) as archive:
            archive.extractall(unzipped)
        # The zip holds the site in a folder of its own.
        unzipped = next(root for root, _, files in os.walk(unzipped) if "zoeken.html" in files)

        attacker = os.path.join(work, "attacker")
        os.mkdir(attacker)
        site_port, attacker_port, preview_port = free_port(), free_port(), free_port()
        site_origin = "http://127.0.0.1:%d" % site_port
        preview_origin = "http://127.0.0.1:%d" % preview_port
        # Another origin: another host name and port.
        attacker_origin = "http://localhost:%d" % attacker_port
        servers = [serve_folder(site, site_port), serve_folder(attacker, attacker_port)]
        preview = start_serve(binary, portfolio, preview_port, [])
        threading.Thread(target=lambda: preview.stderr.read(), daemon=True).start()
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=browser_path, args=["--no-sandbox"])
                for origin, what in [(site_origin, "a built site on a web server"), (preview_origin, "the live preview")]:
                    for name, text in ATTACKS.items():
                        with open(os.path.join(attacker, name), "w", encoding="utf-8") as f:
                            f.write(text.replace("{origin}", origin))
                    check_attacks(browser, attacker_origin, origin, what)
                with open(os.path.join(site, "zoeken.html"), encoding="utf-8") as f:
                    key = f.read().split('data-sleutel="', 1)[1][:32]
                with open(os.path.join(attacker, "control.html"), "w", encoding="utf-8") as f:
                    f.write(CONTROL.replace("{origin}", site_origin).replace("{key}", key))
                control = browser.new_page()
                control.goto(attacker_origin + "/control.html")
                control.wait_for_function("window.report !== undefined", timeout=10000)
                if control.evaluate("window.report.stolen") != 1:
                    sys.exit("search isolation: the control page with the key got no index; the attacks proved nothing")
                control.close()

                page = browser.new_page()
                problems = []
                page.on("console", lambda message: problems.append(message.text)
                        if "Content Security Policy" in message.text else None)
                page.on("pageerror", lambda error: problems.append(str(error)))
                for url, what in [("file://%s/zoeken.html?q=%s" % (site, QUERY), "file://"),
                                  ("file://%s/zoeken.html?q=%s" % (unzipped, QUERY), "an unzipped zip"),
                                  ("%s/zoeken.html?q=%s" % (site_origin, QUERY), "a web server"),
                                  ("%s/zoeken.html?q=%s" % (preview_origin, QUERY), "the live preview")]:
                    found = search_results(page, url)
                    if found == 0:
                        sys.exit("search isolation: search finds nothing on the site from %s" % what)
                    print("search isolation: %d results from %s" % (found, what))
                # The search field in every page's header leads to the search page with its results
                # (the pages' own CSP must let the form go there).
                for home, what in [("file://%s/normen/index.html" % site, "file://"),
                                   ("%s/normen/index.html" % site_origin, "a web server"),
                                   ("%s/normen/index.html" % preview_origin, "the live preview")]:
                    page.goto(home)
                    page.fill("#zoek-snel", QUERY)
                    page.click(".site-search button", no_wait_after=True)
                    try:
                        page.wait_for_url("**/zoeken.html?q=*", timeout=10000)
                    except Exception:
                        pass
                    found = search_results(page, page.url) if "zoeken.html?q=" in page.url else 0
                    if found == 0:
                        sys.exit("search isolation: the header's search field leads nowhere from %s (%s)" % (what, "; ".join(problems)))
                    print("search isolation: the header's search field gives %d results from %s" % (found, what))
                browser.close()
            if problems:
                sys.exit("search isolation: the browser reported: " + "; ".join(problems))
        finally:
            for server in servers:
                server.shutdown()
            preview.send_signal(signal.SIGINT)
            preview.wait(timeout=10)
    print("search isolation: passed")


if __name__ == "__main__":
    main()
