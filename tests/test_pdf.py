"""The PDFs of the book (``python tools/pdf.py``): what a reader of each finds in it.

Read with poppler's ``pdftotext``, ``pdfinfo`` and ``pdfimages``. The tests skip when
the PDFs have not been built or are older than the book's sources
(``tests/_artifacts.py`` says which file changed), unless ``PDF_REQUIRED=1`` (as in
``.ci/run``, which builds them first): then they fail.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import book_without_solutions  # noqa: E402
import pdf  # noqa: E402

from tests import _artifacts  # noqa: E402

OUT = ROOT / "_build" / "pdf"
STUDENT, INSTRUCTOR = (OUT / pdf.EDITIONS["student"], OUT / pdf.EDITIONS["instructor"])


def _why_skip():
    tools = [t for t in ("pdftotext", "pdfinfo", "pdfimages") if not shutil.which(t)]
    return (_artifacts.pdfs(OUT, list(pdf.EDITIONS.values())).problem()
            or (f"poppler-utils missing: {', '.join(tools)}" if tools else None))


@pytest.fixture(scope="module", autouse=True)
def built():
    _artifacts.ensure(_why_skip(), "PDF_REQUIRED")


def pages(path: Path) -> list[str]:
    """The text of every page."""
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
    return text.split("\f")


def flat(text: str) -> str:
    """Text without whitespace or hyphenation (lines wrap differently on paper), with
    LaTeX's curly apostrophes straight."""
    text = text.replace("-\n", "").replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", "", text)


def chapter_titles() -> list[str]:
    """The first heading of every page in ``_toc.yml`` except the root."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [c["file"] for part in toc["parts"] for c in part["chapters"]]
    titles = []
    for file in files:
        path = next(ROOT.glob(file + ".*"))
        if path.suffix == ".ipynb":
            text = "\n".join(c.source for c in nbformat.read(path, 4).cells
                             if c.cell_type == "markdown")
        else:
            text = path.read_text()
        titles.append(re.search(r"^# (.+)$", text, re.M).group(1).strip())
    return titles


def image_pages(path: Path) -> set[int]:
    """The (0-based) pages that hold at least one image."""
    listing = subprocess.run(["pdfimages", "-list", str(path)], check=True,
                             capture_output=True, text=True).stdout.splitlines()[2:]
    return {int(line.split()[0]) - 1 for line in listing if line.strip()}


@pytest.mark.parametrize("path", [STUDENT, INSTRUCTOR], ids=["student", "instructor"])
def test_every_chapter_is_there_with_a_figure(path):
    text = pages(path)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) == len(text) - 1 > 100
    # where each chapter starts: its title as a heading, after the table of contents
    body = next(i for i, page in enumerate(text) if "Part I" in page
                and "Getting started" in page and i > 3)
    starts, at = [], body
    for title in chapter_titles():
        heading = flat(title.upper())  # a chapter's title is set as an upper-case line
        at = next((i for i in range(at, len(text))
                   if any(flat(line) == heading for line in text[i].splitlines())),
                  None)
        assert at is not None, f"chapter {title!r} is missing from {path.name}"
        starts.append(at)
    with_images = image_pages(path)
    for title, start, end in zip(chapter_titles(), starts, starts[1:] + [len(text)]):
        if title in ("Notation", "What's next", "Glossary"):  # reference pages
            continue
        assert with_images & set(range(start, end)), f"{title!r} has no figure"


@pytest.mark.parametrize("path", [STUDENT, INSTRUCTOR], ids=["student", "instructor"])
def test_no_raw_latex_nor_widget_text(path):
    text = "\n".join(pages(path))
    for raw in (r"\(", r"\)", "IntSlider(", "FloatSlider(",
                "VBox(children", "HBox(children", "<IPython.core.display",
                "Output()", "Figure size"):
        assert raw not in text, f"{path.name} shows {raw!r}"


def test_no_solution_in_the_students_pdf():
    secrets = {flat(line) for line in book_without_solutions.book_secrets(ROOT)}
    # mlp's own code, which a page may print (the playground shows mlp.train), can hold
    # a solution's line with a comment after it: that is no leak
    code = flat("\n".join(p.read_text() for p in (ROOT / "mlp").rglob("*.py")))
    secrets = {s for s in secrets if len(s) >= 12  # a line that says something
               and s not in code}
    student, instructor = (flat("\n".join(pages(p))) for p in (STUDENT, INSTRUCTOR))
    leaked = sorted(s for s in secrets if s in student)
    assert not leaked, f"the student's PDF shows solution lines: {leaked[:5]}"
    # the same search finds them in the instructor's: the test can see a leak
    found = [s for s in secrets if s in instructor]
    assert len(found) >= 0.5 * len(secrets), (len(found), len(secrets))


def test_the_check_cells_stay_in_the_students_pdf():
    student = flat("\n".join(pages(STUDENT)))
    assert student.count("checks.") >= 20


@pytest.fixture
def html_with_pdfs():
    """The HTML book, up to date, with copies of the PDFs as new as they are."""
    html = ROOT / "_build" / "html"
    _artifacts.ensure(
        _artifacts.html_book(html, offline=False).problem()
        or _artifacts.pdf_copies(html, OUT, list(pdf.EDITIONS.values())).problem(),
        "PDF_REQUIRED")
    return html


def test_the_html_book_links_both_pdfs(html_with_pdfs):
    html = html_with_pdfs
    intro = (html / "intro.html").read_text()  # index.html only redirects to it
    for name in pdf.EDITIONS.values():
        assert f'href="pdf/{name}"' in intro, f"the intro page does not link {name}"
        assert (html / "pdf" / name).read_bytes() == (OUT / name).read_bytes()
