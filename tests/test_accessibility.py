"""Every figure has text a screen reader can use.

- In the notebooks: every code cell that draws a figure (or an animation) carries alt
  text (``mystnb.image.alt``, a sentence that says what the picture shows) and, for a
  still figure, a caption (``mystnb.figure.caption``).
- In the executed notebooks of a build (``_build/jupyter_execute``): every cell whose
  output is an image carries alt text (this catches what the source heuristic misses).
- In the built HTML: every ``<img>`` has a non-empty ``alt``.

The last two need a build (``BOOK_HTML=<folder>`` picks one; default ``_build/html``):
without one, or with one older than its sources (``tests/_artifacts.py``), they skip,
or fail when ``BROWSER_REQUIRED=1`` (as in ``.ci/run``).
"""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest

from tests import _artifacts

ROOT = Path(__file__).resolve().parents[1]
HTML = Path(os.environ.get("BOOK_HTML", ROOT / "_build" / "html"))
EXECUTED = HTML.parent / "jupyter_execute"
NOTEBOOKS = sorted((ROOT / "chapters").glob("*.ipynb"))

# A cell that makes a figure: pyplot, a Figure object left as the cell's value (e.g. a
# demo's static picture `demo.figure()`), or a matplotlib animation.
FIGURE = re.compile(
    r"plt\.(subplots|figure|subplot|imshow|plot|scatter)\(|"
    r"\.figure\(\)\s*$|(?:^|\n)\s*fig\s*$|\bFigure\("
)
ANIMATION = re.compile(r"\.to_jshtml\(|\.to_html5_video\(")
HIDDEN = {"remove-output", "remove-cell"}


def mystnb(cell) -> dict:
    return cell.get("metadata", {}).get("mystnb") or {}


def alt_of(cell) -> str:
    return ((mystnb(cell).get("image") or {}).get("alt") or "").strip()


def caption_of(cell) -> str:
    return ((mystnb(cell).get("figure") or {}).get("caption") or "").strip()


def useful(alt: str) -> bool:
    """A sentence, not a file name or a placeholder."""
    return len(alt.split()) >= 4 and not re.search(r"\.(png|svg|jpe?g)\b", alt, re.I)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_figure_cell_has_alt_text_and_a_caption(notebook):
    problems = []
    for k, cell in enumerate(nbformat.read(notebook, as_version=4).cells):
        if cell.cell_type != "code" or HIDDEN & set(cell.metadata.get("tags", [])):
            continue
        animation = bool(ANIMATION.search(cell.source))
        if not (animation or FIGURE.search(cell.source)):
            continue
        where = f"cell {k} ({cell.source.strip().splitlines()[0][:60]!r})"
        if not useful(alt_of(cell)):
            problems.append(
                f"{where}: no alt text a screen reader can use "
                f"(metadata mystnb.image.alt, a sentence)"
            )
        if not animation and not caption_of(cell):
            problems.append(f"{where}: no caption (metadata mystnb.figure.caption)")
    assert not problems, f"{notebook.name}:\n  " + "\n  ".join(problems)


def executed_notebooks():
    return sorted(EXECUTED.rglob("*.ipynb")) if EXECUTED.exists() else []


@pytest.fixture
def executed():
    """The book build's executed notebooks, up to date with the chapters."""
    _artifacts.ensure(_artifacts.executed_notebooks(EXECUTED).problem(),
                      "BROWSER_REQUIRED")


def test_every_image_output_has_alt_text(executed):
    problems = []
    for path in executed_notebooks():
        nb = nbformat.read(path, as_version=4)
        for k, cell in enumerate(nb.cells):
            if cell.cell_type != "code" or HIDDEN & set(cell.metadata.get("tags", [])):
                continue
            images = [
                o
                for o in cell.get("outputs", [])
                if any(m.startswith("image/") for m in o.get("data", {}))
            ]
            if images and not useful(alt_of(cell)):
                problems.append(
                    f"{path.relative_to(EXECUTED)} cell {k}: an image "
                    f"without alt text ({cell.source[:60]!r})"
                )
    assert not problems, "\n".join(problems)


class _Images(HTMLParser):
    def __init__(self):
        super().__init__()
        self.without_alt: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "img" and not (attrs.get("alt") or "").strip():
            self.without_alt.append(attrs.get("src") or attrs.get("id") or "?")


def built_pages():
    return (
        sorted(
            p
            for p in HTML.rglob("*.html")
            if "_static" not in p.parts and "_sources" not in p.parts
        )
        if HTML.exists()
        else []
    )


@pytest.fixture
def html_book():
    """The HTML book (either build), up to date with its sources."""
    _artifacts.ensure(_artifacts.html_book(HTML, offline=False).problem(),
                      "BROWSER_REQUIRED")


def test_every_img_in_the_built_book_has_alt_text(html_book):
    problems = {}
    for page in built_pages():
        parser = _Images()
        parser.feed(page.read_text(errors="replace"))
        if parser.without_alt:
            problems[str(page.relative_to(HTML))] = [s[:80] for s in parser.without_alt]
    assert not problems, f"<img> without alt: {problems}"
