"""The class slides (``python tools/slides.py``): how a deck is made, and every deck
in headless Chromium with the network blocked.

The first tests build decks from small notebooks (no browser). The browser tests open
each deck of ``_build/slides/``: it loads without a console error or a request to the
internet, its maths is typeset (MathJax output present, no raw ``$$`` or ``\\(`` left),
its images load and have alt text, no slide runs off the bottom, and the right arrow
key moves to the next slide; a
screenshot of each of its first slides lands in ``_build/screenshots/slides/``. The
speaker view (``S``) of one deck shows a slide's notes with their formulas.

They skip without Chromium (``/usr/bin/chromium``, Debian's package), playwright (``pip
install playwright``; never ``playwright install``) or the decks, or when a deck is
older than its chapter or the tools that make it (``tests/_artifacts.py``), unless
``SLIDES_REQUIRED=1`` (as in ``.ci/run``, which builds the decks first): then they fail.
"""

from __future__ import annotations

import html
import os
import re
import sys
from pathlib import Path

import nbformat
import pytest

from tests import _artifacts
from tests._offline_browser import missing as missing_browser
from tests._offline_browser import WAIT_FOR_MATH, offline_chromium, serve

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import edition  # noqa: E402
import offline  # noqa: E402
import slides  # noqa: E402

OUT = Path(os.environ.get("SLIDES_DIR", ROOT / "_build" / "slides")).resolve()
SCREENSHOTS = ROOT / "_build" / "screenshots" / "slides"
FIRST_SLIDES = 3  # screenshots per deck
TIMEOUT_MS = 30_000
DECKS = [p.stem + ".html" for p in slides.chapters()]


# -- how a deck is made (no browser) ---------------------------------------------------


def _notebook(*cells):
    nb = nbformat.v4.new_notebook()
    for kind, source, *rest in cells:
        if kind == "md":
            cell = nbformat.v4.new_markdown_cell(source)
        else:
            cell = nbformat.v4.new_code_cell(source)
            cell.outputs = rest[0] if rest else []
        nb.cells.append(cell)
    return nb


PNG = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9"
       "awAAAABJRU5ErkJggg==")


def _figure(caption="A figure", alt="A picture"):
    out = nbformat.v4.new_output("display_data", data={"image/png": PNG,
                                                        "text/plain": "<Figure>"})
    return out, {"mystnb": {"figure": {"caption": caption, "name": "fig-x"},
                            "image": {"alt": alt}}, "tags": ["hide-input"]}


def test_the_chapters_structure_makes_the_slides():
    figure, meta = _figure("The line moves: $w_1$ grows.", "Two panels of a line.")
    nb = _notebook(
        ("md", "(ch-x)=\n# The Title\n\nIntro prose.\n\n- point one\n- point two"),
        ("code", "import numpy as np"),
        ("md", "## A section\n\nSome prose that goes to the notes.\n\n$$\na = b\n$$"),
        ("code", "print('E = 0.5')",
         [nbformat.v4.new_output("stream", name="stdout", text="E = 0.5\n")]),
        ("code", "plot()", [figure]),
        ("md", "### A sub-section\n\nOnly prose here."),
        ("md", "```{exercise} Predict: up or down\n:label: ex-p\n\n"
               "Will $E$ go up?\n```"),
        ("md", "```{solution-start} ex-p\n:class: dropdown\n```"),
        ("code", "E_goes = 'down'  # the secret answer"),
        ("md", "```{solution-end}\n```"),
        ("code", "checks.predict(E_goes)",
         [nbformat.v4.new_output("stream", name="stdout", text="✔ correct\n")]),
        ("md", "See [the next chapter](10_chain_rule.ipynb) and {term}`gradient`."),
    )
    nb.cells[4].metadata.update(meta)
    title, deck = slides.chapter_deck(nb)
    assert title == "The Title"
    kinds = [(s.level, s.kind) for s in deck]
    assert kinds == [(1, "title"), (1, "text"), (2, "figure"), (2, "text"),
                     (2, "exercise"), (2, "text")]
    title_slide, section, figure_slide, sub, exercise, after = deck
    assert "point one" in "".join(title_slide.body)
    assert "Intro prose" in "".join(title_slide.notes)
    assert "A section" in section.title
    body = "".join(section.body)
    assert "\\[a = b\\]" in body and "E = 0.5" in body and "code" in body
    assert "goes to the notes" in "".join(section.notes)
    assert 'alt="Two panels of a line."' in figure_slide.body[0]
    assert "\\(w_1\\)" in figure_slide.body[0]
    assert "A sub-section" in sub.title
    assert "Only prose here" in "".join(sub.body)  # alone, the prose stays on the slide
    assert "Predict: up or down" in exercise.title and "Will" in exercise.body[0]
    text = "".join(slides.slide_html(s) for s in deck)
    assert "secret answer" not in text and "correct" not in text
    assert 'href="10_chain_rule.html"' in text and "{term}" not in text


def test_a_long_section_continues_on_a_sub_slide():
    long = "\n\n".join(f"- item {k} " + "word " * 30 for k in range(12))
    _, deck = slides.chapter_deck(_notebook(("md", "## Long\n\n" + long)))
    assert len(deck) >= 2 and "(continued)" in deck[1].title
    assert all(s.lines <= slides.BUDGET for s in deck if len(s.body) > 1)


def test_a_heading_over_exercises_lists_them():
    exercise = "```{exercise} %s\n:label: ex-%s\n\nDo it.\n```"
    _, deck = slides.chapter_deck(_notebook(
        ("md", "## Exercises"), ("md", exercise % ("First", "a")),
        ("md", exercise % ("Second", "b"))))
    assert [s.kind for s in deck] == ["text", "exercise", "exercise"]
    assert "<li>Exercise: First</li><li>Exercise: Second</li>" in deck[0].body[0]


def test_a_labelled_formula_is_numbered_and_referred_to():
    text = slides.myst_to_markdown("$$\nf = g\n$$ (eq-x)\n\nBy {eq}`eq-x`.")
    assert "\\label{eq-x}" in text and "\\eqref{eq-x}" in text


# -- the built decks ------------------------------------------------------------------


@pytest.fixture(scope="module")
def built():
    _artifacts.ensure(
        missing_browser() or _artifacts.decks(OUT, slides.chapters()).problem(),
        "SLIDES_REQUIRED")


def _text(path: Path) -> str:
    """What a deck says, without its tags."""
    return html.unescape(re.sub(r"<[^>]+>", "", path.read_text()))


def test_every_chapter_has_a_deck_and_the_index_links_it(built):
    index = (OUT / "index.html").read_text()
    for name in DECKS:
        assert (OUT / name).exists(), f"{name} missing (python tools/slides.py)"
        assert f'href="{name}"' in index, f"index.html does not link {name}"


def test_nothing_is_loaded_from_the_internet(built):
    leaks = {page: urls for page, urls in offline.cdn_references(OUT).items()
             if not page.startswith("vendor/")}
    assert not leaks, leaks


@pytest.mark.parametrize("name", DECKS)
def test_no_solution_in_the_deck(built, name):
    nb = nbformat.read(ROOT / "chapters" / name.replace(".html", ".ipynb"), 4)
    lines = {line.strip() for line in _text(OUT / name).split("\n")}
    leaked = sorted(edition.solution_lines(nb) & lines)
    assert not leaked, f"{name} shows solution lines: {leaked[:3]}"


@pytest.fixture(scope="module")
def server(built):
    with serve(OUT) as address:
        yield address


@pytest.fixture(scope="module")
def browser(built):
    with offline_chromium() as chromium:
        yield chromium


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 760})
    problems: list[str] = []

    def route(r):
        if r.request.url.startswith((server, "data:", "blob:")):
            r.continue_()
        else:
            problems.append(f"asked the internet for {r.request.url}")
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.on("console", lambda m: m.type == "error"
            and problems.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("response", lambda r: r.status >= 400 and not r.url.endswith("favicon.ico")
            and problems.append(f"HTTP {r.status}: {r.url}"))
    yield page, problems
    context.close()


MATH_PROBLEMS = r"""() => {
  const problems = [];
  for (const el of document.querySelectorAll('mjx-merror'))
    problems.push('MathJax error: ' + (el.getAttribute('data-mjx-error') ||
                                       el.textContent));
  const skip = 'pre, code, script, style, mjx-container, .animation';
  const raw = new RegExp('\\$\\$|\\\\\\(|\\\\\\)|\\\\\\[|\\\\\\]|' +
    '\\\\(frac|sum|sigma|alpha|partial|hat|cdot|begin|mathbf)\\b');
  const walker = document.createTreeWalker(document.querySelector('.slides'),
                                           NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (node.parentElement && node.parentElement.closest(skip)) continue;
    const m = node.textContent.match(raw);
    if (m) problems.push('raw TeX: ...' +
      node.textContent.slice(Math.max(0, m.index - 30), m.index + 40) + '...');
  }
  return problems;
}"""

IMAGE_PROBLEMS = """async () => {
  const imgs = [...document.querySelectorAll('.slides img')];
  await Promise.all(imgs.map(i => i.complete ? null : new Promise(r => {
    i.addEventListener('load', r); i.addEventListener('error', r); setTimeout(r, 15000);
  })));
  return imgs.filter(i => !(i.complete && i.naturalWidth > 0))
             .map(i => 'image does not load: ' + i.src.slice(0, 80))
    .concat(imgs.filter(i => !i.alt.trim()).map(i => 'image without alt text'));
}"""


OVERFLOWS = """() => {
  const height = Reveal.getConfig().height, problems = [];
  for (const slide of Reveal.getSlides()) {
    const i = Reveal.getIndices(slide);
    Reveal.slide(i.h, i.v);
    const top = slide.getBoundingClientRect().top;
    let bottom = top;
    for (const child of slide.children)
      if (child.tagName !== 'ASIDE')
        bottom = Math.max(bottom, child.getBoundingClientRect().bottom);
    const used = (bottom - top) / Reveal.getScale();
    if (used > height + 2) {
      const title = slide.querySelector('h1, h2');
      problems.push('slide ' + (Reveal.getSlides().indexOf(slide) + 1) + ' (' +
        (title ? title.textContent.trim() : '') + ') runs off the bottom: ' +
        Math.round(used) + ' px of ' + height);
    }
  }
  Reveal.slide(0, 0);
  return problems;
}"""


@pytest.mark.parametrize("name", DECKS)
def test_deck_in_the_browser(page, server, name):
    page, problems = page
    if not (OUT / name).exists():
        pytest.fail(f"{name} is not built (python tools/slides.py)")
    page.goto(server + name, wait_until="load")
    page.wait_for_function("() => window.Reveal && Reveal.isReady()")
    state = page.evaluate(WAIT_FOR_MATH, None)
    if state != "typeset":
        problems.append(state)
    if "\\(" in (OUT / name).read_text() and not page.locator("mjx-container").count():
        problems.append("the deck has maths but no MathJax output")
    problems += page.evaluate(MATH_PROBLEMS)
    problems += page.evaluate(IMAGE_PROBLEMS)
    problems += page.evaluate(OVERFLOWS)
    total = page.evaluate("() => Reveal.getTotalSlides()")
    assert total >= 5, f"{name}: only {total} slides"

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.locator("body").click(position={"x": 5, "y": 5})  # the keys go to the deck
    for k in range(FIRST_SLIDES):
        page.wait_for_timeout(150)
        page.screenshot(path=SCREENSHOTS / f"{name[:-5]}-{k + 1}.png")
        before = page.evaluate("() => Reveal.getSlidePastCount()")
        page.keyboard.press("ArrowRight")
        page.wait_for_timeout(100)
        after = page.evaluate("() => Reveal.getSlidePastCount()")
        if after != before + 1:
            problems.append(f"the right arrow on slide {before + 1} led to slide "
                            f"{after + 1}")
    assert not problems, f"{name}:\n  " + "\n  ".join(dict.fromkeys(problems))


def test_index_in_the_browser(page, server):
    page, problems = page
    page.goto(server + "index.html", wait_until="load")
    links = page.locator("a").evaluate_all(
        "els => els.map(a => a.getAttribute('href'))")
    assert sorted(links) == sorted(DECKS)
    page.locator(f'a[href="{DECKS[1]}"]').click()
    page.wait_for_function("() => window.Reveal && Reveal.isReady()")
    assert not problems, problems


SPEAKER_DECK = "09_gradient_descent.html"


def test_speaker_view_shows_the_notes_with_their_maths(page, server):
    """``S`` opens the speaker view (a second window, offline too): the prose of the
    slide, its formulas typeset and shown once (the screen readers' copy hidden)."""
    page, problems = page
    page.goto(server + SPEAKER_DECK, wait_until="load")
    page.wait_for_function("() => window.Reveal && Reveal.isReady()")
    assert page.evaluate(WAIT_FOR_MATH, None) == "typeset"
    found = page.evaluate("""() => {
      const slide = Reveal.getSlides().find(s =>
        s.querySelector(':scope > aside.notes mjx-container'));
      if (!slide) return false;
      const i = Reveal.getIndices(slide);
      Reveal.slide(i.h, i.v);
      return true;
    }""")
    assert found, f"{SPEAKER_DECK}: no slide has notes with a formula"
    page.locator("body").click(position={"x": 5, "y": 5})
    with page.context.expect_page() as opened:
        page.keyboard.press("s")
    speaker = opened.value
    speaker.on("console", lambda m: m.type == "error"
               and problems.append(f"speaker view console: {m.text}"))
    speaker.wait_for_load_state("load")
    notes = speaker.locator(".speaker-controls-notes")
    notes.locator("svg").first.wait_for()
    assert len(notes.inner_text()) > 100
    hidden = notes.locator("mjx-assistive-mml").evaluate_all(
        "els => els.every(e => e.getBoundingClientRect().width <= 1)")
    assert hidden, "the formulas' MathML shows beside them in the speaker view"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    speaker.screenshot(path=SCREENSHOTS / "speaker-view.png")
    assert not problems, problems
