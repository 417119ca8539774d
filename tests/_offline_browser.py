"""What the browser tests share: a quiet local HTTP server for a built folder, and
Debian's Chromium driven by playwright with the network blocked (no name resolves but
the loopback address). Used by ``test_browser.py`` (the book) and ``test_slides.py``
(the decks); whether their built files are there and up to date is ``_artifacts.py``'s.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import threading
from pathlib import Path

#: Waits until MathJax has typeset the page and says how it went: "typeset", "MathJax
#: never started", or "no math" when an element matching the argument (a CSS selector,
#: or null to always wait) is not on the page.
WAIT_FOR_MATH = """async (mathSelector) => {
  if (mathSelector && !document.querySelector(mathSelector)) return 'no math';
  const t0 = Date.now();
  while (!(window.MathJax && MathJax.startup && MathJax.startup.promise)) {
    if (Date.now() - t0 > 20000) return 'MathJax never started';
    await new Promise(r => setTimeout(r, 50));
  }
  await MathJax.startup.promise;
  return 'typeset';
}"""

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def missing() -> str | None:
    """What the browser tests lack on this machine (playwright, Chromium), or None."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install playwright)"
    if not CHROMIUM or not Path(CHROMIUM).is_file():
        return (f"no Chromium at {CHROMIUM!r} (apt-get install chromium, or set "
                "CHROMIUM to its path)")
    return None


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a browser that drops a connection is not an error of the page


@contextlib.contextmanager
def serve(directory):
    """Serve ``directory`` on 127.0.0.1; yields its address, ending in "/"."""
    httpd = _QuietServer(("127.0.0.1", 0),
                         functools.partial(_QuietHandler, directory=str(directory)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@contextlib.contextmanager
def offline_chromium():
    """Chromium that resolves no name but the loopback address (each test also
    routes every other request to an abort: the network is blocked twice)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
                  "--no-proxy-server"])
        try:
            yield chromium
        finally:
            chromium.close()
