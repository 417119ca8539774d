"""The offline HTML book in a real browser (headless Chromium), the network blocked.

    python tools/offline.py && pytest tests/test_browser.py

For every page of the table of contents: it loads without a console error or a failed
request and asks nothing of the internet, the math is typeset (no raw TeX left in the
text, no MathJax error), every image loads and has alt text, every widget snapshot
renders from the saved widget state, every solution is collapsed (and opens), no output
shows a Traceback or a Warning, and the "next" link leads to the next page. A
screenshot of each page is saved in ``_build/screenshots/`` for a person to look at.

``BOOK_HTML=<folder>`` tests another build (default ``_build/html``),
``CHROMIUM=<path>`` another browser (default ``/usr/bin/chromium``, Debian's package
``chromium``). Without Chromium or playwright (``pip install playwright``; never run
``playwright install``: the test drives the system's Chromium), or without an offline
build made from the current sources (``tests/_artifacts.py``: a page older than its
chapter, or rewritten by a plain ``jupyter-book build``), the tests skip and say why,
unless ``BROWSER_REQUIRED=1`` (as in ``.ci/run``, which builds the book first): then
they fail.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests import _artifacts
from tests._offline_browser import missing as missing_browser
from tests._offline_browser import WAIT_FOR_MATH, offline_chromium, serve

ROOT = Path(__file__).resolve().parents[1]
HTML = Path(os.environ.get("BOOK_HTML", ROOT / "_build" / "html")).resolve()
SCREENSHOTS = HTML.parent / "screenshots"
TIMEOUT_MS = 30_000


PAGES = [f + ".html" for f in _artifacts.toc_files(ROOT)]


@pytest.fixture(scope="module", autouse=True)
def built():
    _artifacts.ensure(
        missing_browser() or _artifacts.html_book(HTML, offline=True).problem(),
        "BROWSER_REQUIRED")


@pytest.fixture(scope="module")
def server(built):
    with serve(HTML) as address:
        yield address


@pytest.fixture(scope="module")
def browser(built):
    with offline_chromium() as chromium:
        yield chromium


class PageLog:
    """What a page did: console errors, page errors, failed or blocked requests."""

    def __init__(self, page, base):
        self.errors: list[str] = []
        self.blocked: list[str] = []
        page.on(
            "console",
            lambda m: m.type == "error" and self.errors.append(f"console: {m.text}"),
        )
        page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        page.on(
            "requestfailed",
            lambda r: (
                r.url.startswith(base)
                and self.errors.append(f"request failed: {r.url} ({r.failure})")
            ),
        )
        page.on(
            "response",
            lambda r: (
                r.status >= 400
                and not r.url.endswith("/favicon.ico")
                and self.errors.append(f"HTTP {r.status}: {r.url}")
            ),
        )


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    blocked = []

    def route(r):
        if r.request.url.startswith(server) or r.request.url.startswith(
            ("data:", "blob:")
        ):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    log = PageLog(page, server)
    log.blocked = blocked
    yield page, log
    context.close()


# -- what is checked in a loaded page -------------------------------------------------
MATH_PROBLEMS = r"""() => {
  const problems = [];
  for (const el of document.querySelectorAll('.math')) {
    if (!el.querySelector('mjx-container'))
      problems.push('not typeset: ' + el.textContent.slice(0, 80));
  }
  for (const el of document.querySelectorAll('mjx-merror'))
    problems.push('MathJax error: ' +
                  (el.getAttribute('data-mjx-error') || el.textContent));
  // raw TeX in the text a reader sees (code, scripts and typeset math excluded)
  const skip = 'pre, code, script, style, textarea, mjx-container, .highlight, ' +
               '.cell_input';
  const commands = 'frac|sum|sigma|alpha|partial|hat|mathbf|mathrm|cdot|begin|end|' +
    'left|right|times|sqrt|ln|exp|tanh|nabla|delta|theta|eta|text';
  const raw = new RegExp('\\$\\$|\\\\\\(|\\\\\\)|\\\\\\[|\\\\\\]|' +
                         '\\\\(' + commands + ')\\b|\\$[^$\\s][^$\\n]{0,80}\\$');
  const article = document.querySelector('article') || document.body;
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (node.parentElement && node.parentElement.closest(skip)) continue;
    const m = node.textContent.match(raw);
    if (m) problems.push('raw TeX in the text: ...' +
      node.textContent.slice(Math.max(0, m.index - 30), m.index + 40) + '...');
  }
  return problems;
}"""

IMAGE_PROBLEMS = """async () => {
  const imgs = [...document.images];
  imgs.forEach(i => { i.loading = 'eager'; });
  await Promise.all(imgs.map(i => i.complete ? null : new Promise(r => {
    i.addEventListener('load', r); i.addEventListener('error', r); setTimeout(r, 15000);
  })));
  return imgs.filter(i => !(i.complete && i.naturalWidth > 0))
             .map(i => 'image does not load: ' + (i.currentSrc || i.src).slice(0, 120))
    .concat(imgs.filter(i => !i.alt.trim())
             .map(i => 'image without alt text: ' + (i.id || i.src).slice(0, 80)));
}"""

WIDGET_VIEWS = "script[type='application/vnd.jupyter.widget-view+json']"

WIDGET_PROBLEMS = (
    """() => {
  const problems = [];
  const views = document.querySelectorAll("%s");
  if (views.length && !document.querySelector(
      "script[type='application/vnd.jupyter.widget-state+json']"))
    problems.push('widget views but no widget state in the page');
  views.forEach((script, k) => {
    const area = script.previousElementSibling;
    if (!area || !area.classList.contains('widget-subarea')) {
      problems.push('widget ' + k + ' not rendered'); return;
    }
    const box = area.getBoundingClientRect();
    if (box.height < 10) problems.push('widget ' + k + ' rendered empty');
    const broken =
      /Error displaying widget|Failed to (load|render)|Could not (create|find)/i;
    if (broken.test(area.innerText) ||
        area.querySelector('.jupyter-widgets-error, .widget-error'))
      problems.push('widget ' + k + ' shows: ' + area.innerText.slice(0, 120));
  });
  return problems;
}"""
    % WIDGET_VIEWS
)

SOLUTIONS = """() => [...document.querySelectorAll('.solution')].map(el => ({
  dropdown: el.classList.contains('dropdown'),
  hidden: [...el.children].filter(c => !c.classList.contains('admonition-title'))
    .every(c => c.getClientRects().length === 0 ||
                getComputedStyle(c).visibility === 'hidden'),
}))"""

OUTPUT_PROBLEMS = r"""() => {
  const problems = [];
  for (const el of document.querySelectorAll('.cell_output')) {
    const text = el.innerText;
    const m = text.match(/Traceback|\b\w*Warning\b/);
    if (m) problems.push('output shows "' + m[0] + '": ' +
                         text.slice(Math.max(0, m.index - 40), m.index + 80));
  }
  for (const el of document.querySelectorAll('.cell_output .stderr, .output.stderr'))
    problems.push('stderr in output: ' + el.innerText.slice(0, 120));
  return problems;
}"""


def shot_path(name: str) -> Path:
    return SCREENSHOTS / (name.removesuffix(".html").replace("/", "__") + ".png")


def test_every_page_of_the_toc_is_built():
    missing = [p for p in PAGES if not (HTML / p).exists()]
    assert not missing, (
        f"not in the build (rebuild: python tools/offline.py): {missing}"
    )


@pytest.mark.parametrize("name", PAGES)
def test_page(page, server, name):
    page, log = page
    if not (HTML / name).exists():
        pytest.fail(f"{name} is not in the build (python tools/offline.py)")
    problems: list[str] = []
    response = page.goto(server + name, wait_until="load")
    assert response is not None and response.ok, (
        f"{name}: HTTP {response and response.status}"
    )

    state = page.evaluate(WAIT_FOR_MATH, ".math")  # a page may have no maths
    if state == "MathJax never started":
        problems.append(state)
    n_views = page.locator(WIDGET_VIEWS).count()
    if n_views:  # the HTML manager renders the saved widget state without a kernel
        try:
            page.wait_for_function(
                "() => document.querySelectorAll('.widget-subarea').length >= "
                f"{n_views}"
            )
        except Exception:
            problems.append(f"{n_views} widget view(s), not all rendered")
    problems += page.evaluate(MATH_PROBLEMS)
    problems += page.evaluate(IMAGE_PROBLEMS)
    problems += page.evaluate(WIDGET_PROBLEMS)
    problems += page.evaluate(OUTPUT_PROBLEMS)

    solutions = page.evaluate(SOLUTIONS)
    for k, sol in enumerate(solutions):
        if not sol["dropdown"]:
            problems.append(f"solution {k + 1} is not a dropdown (`:class: dropdown`)")
        elif not sol["hidden"]:
            problems.append(f"solution {k + 1} is shown open")
    if solutions and solutions[0]["dropdown"]:  # a reader can open one
        button = page.locator(".solution").first.locator("button.toggle-button")
        button.click()
        page.wait_for_timeout(400)  # the theme's transition
        if page.evaluate(SOLUTIONS)[0]["hidden"]:
            problems.append("solution 1 does not open when its button is clicked")
        button.click()  # closed again for the screenshot
        page.wait_for_timeout(400)

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=shot_path(name), full_page=True)

    problems += log.errors  # (the next page's own errors are its own test's)
    problems += [f"asked the internet for {url}" for url in log.blocked]

    # the "next" link leads to the next page of the table of contents
    index = PAGES.index(name)
    following = PAGES[index + 1] if index + 1 < len(PAGES) else None
    link = page.locator("a.right-next")
    if following is None:
        if link.count():
            problems.append(
                f"last page, but a next link to {link.get_attribute('href')}"
            )
    elif not link.count():
        problems.append(f"no next link (expected {following})")
    else:
        link.first.click()
        page.wait_for_load_state("load")
        landed = urlsplit(page.url).path.lstrip("/")
        if landed != following:
            problems.append(f"next link leads to {landed}, expected {following}")

    assert not problems, f"{name}:\n  " + "\n  ".join(dict.fromkeys(problems))
