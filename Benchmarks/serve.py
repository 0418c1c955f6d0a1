#!/usr/bin/env python3
"""Times the live preview: how long after a document is saved the browser shows the change.

Usage: Benchmarks/serve.py NORMFOLIO_BINARY PORTFOLIO [EDITS]

Starts `normfolio serve` on the portfolio (a synthetic one from generate.py), then saves one
document EDITS times (default 9) and, for each page kind open in the browser, measures from the
save to the moment that page (with the search index, for the search page) has been served with the
change. The client does what the preview's
live-reload script does in a browser: it waits on /__normfolio/wait.js, and when that answers
with a reload, it fetches the page again. Prints the median and the slowest of the edits.
The portfolio is left as it was.
"""
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url):
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.read().decode("utf-8")


def main():
    binary, portfolio = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    edits = int(sys.argv[3]) if len(sys.argv) > 3 else 9
    port = free_port()
    base = "http://127.0.0.1:%d/" % port
    start = time.perf_counter()
    server = subprocess.Popen([binary, "serve", portfolio, "--port", str(port), "--timings"], stderr=subprocess.PIPE,
                              stdout=subprocess.DEVNULL, text=True)
    lines = []
    for line in server.stderr:
        lines.append(line)
        if line.startswith("Serving"):
            break
    ready = time.perf_counter() - start
    # Keep reading the log so the server never blocks on a full pipe.
    threading.Thread(target=lambda: lines.extend(server.stderr), daemon=True).start()
    ready_lines = [line for line in lines if line.startswith("Ready")]
    document = os.path.join(portfolio, "Content", "beleid", "doc-00000.md")
    original = open(document, encoding="utf-8").read()
    # What the browser fetches when the page reloads; the search page loads the index too.
    pages = {"document": ["documenten/beleid-doc-00000.html"],
             "norm": ["normen/%s.html" % re.search(r"^norms: \[([A-Z]{2}\.\d\d)", original, re.M).group(1)],
             "report": ["rapport.html"],
             "search": ["zoeken.html", "assets/zoekindex.js"]}
    documents = sum(len([f for f in files if f.endswith(".md")]) for folder, _, files in
                    os.walk(os.path.join(portfolio, "Content")) if "/norms" not in folder)
    print("serve: %d documents; first build and listening after %.2f s (%s)"
          % (documents, ready, ready_lines[-1].strip() if ready_lines else "?"))
    try:
        for kind, paths in pages.items():
            for path in paths:
                get(base + path)
            times = []
            for edit in range(edits):
                version = get(base + "__normfolio/version")
                marker = "Bewerking %s %d" % (kind, edit)
                answer = {}
                waiter = threading.Thread(target=lambda: answer.update(
                    script=get(base + "__normfolio/wait.js?since=" + version)))
                waiter.start()
                time.sleep(0.05)  # the browser is already waiting when the author saves
                saved = time.perf_counter()
                with open(document, "w", encoding="utf-8") as f:
                    f.write(re.sub(r"^title: .*$", "title: " + marker, original, count=1, flags=re.M))
                waiter.join()
                if "location.reload" not in answer.get("script", ""):
                    sys.exit("serve: the page was not told to reload")
                body = "".join(get(base + path) for path in paths)
                times.append(time.perf_counter() - saved)
                if marker not in body:
                    sys.exit("serve: %s does not show the edit" % paths[-1])
                time.sleep(0.2)
            print("serve: edit to visible on the %-8s page: median %.3f s, slowest %.3f s"
                  % (kind, statistics.median(times), max(times)))
    finally:
        with open(document, "w", encoding="utf-8") as f:
            f.write(original)
        server.terminate()
        server.wait()
    rebuilds = [(lines[i - 1].strip(), line.strip()) for i, line in enumerate(lines) if line.startswith("Ready after")]
    if rebuilds:
        print("serve: last rebuild: %s (%s)" % rebuilds[-1][::-1])


if __name__ == "__main__":
    main()
