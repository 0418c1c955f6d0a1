"""What the browser checks share: the sample portfolio copied to a work folder, Debian's Chromium,
free ports, and `normfolio serve` started on one."""
import os
import shutil
import socket
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def chromium(check):
    """The path of Debian's chromium; `check` names the check in the message when it is missing."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        sys.exit("%s: Debian's chromium is needed (make a11y-deps installs it)" % check)
    return found


def copy_sample(work):
    """A copy of the sample portfolio (Content/ and normfolio.yml) in `work`; returns its folder."""
    portfolio = os.path.join(work, "portfolio")
    shutil.copytree(os.path.join(ROOT, "Content"), os.path.join(portfolio, "Content"))
    shutil.copy(os.path.join(ROOT, "normfolio.yml"), portfolio)
    return portfolio


def start_serve(binary, portfolio, port, log):
    """`normfolio serve` on `port`, once it says it is serving; its standard error goes to `log`."""
    # The terminal speaks the portfolio's language (Dutch for the sample); these checks read its English lines.
    server = subprocess.Popen([binary, "serve", portfolio, "--port", str(port)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=dict(os.environ, NORMFOLIO_LANGUAGE="en"))
    for line in server.stderr:
        log.append(line)
        if line.startswith("Serving"):
            break
    return server
