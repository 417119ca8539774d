"""The guard of the tests that read ``_build/`` (``tests/_artifacts.py``): built files
that are up to date are tested; missing or stale ones skip with what is stale and the
command that rebuilds it, or fail with that message when ``*_REQUIRED`` is set.

Each test builds a small repository and its "build" in a temporary folder and sets the
files' times with ``os.utime``: no build, no browser.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest
import yaml

from tests import _artifacts

ROOT = Path(__file__).resolve().parents[1]
NOW = time.time()
SOURCES, BUILT, LATER = NOW - 3000, NOW - 2000, NOW - 1000  # the order of events

TOC = """format: jb-book
root: intro
parts:
  - caption: One
    chapters:
      - file: chapters/01_a
      - file: chapters/02_b
  - caption: Reference
    chapters:
      - file: glossary
"""
OFFLINE_MATHJAX = '<script src="{up}_static/mathjax/es5/tex-mml-chtml.js?v=1"></script>'
CDN_MATHJAX = ('<script async="async" '
               'src="https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-mml-chtml.js">'
               '</script>')
PDFS = ["book.pdf", "book-instructor.pdf"]


def at(path: Path, when: float) -> Path:
    os.utime(path, (when, when))
    return path


def write(path: Path, text: str = "", when: float = SOURCES) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return at(path, when)


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A book's sources, all written before the build."""
    for env in ("BROWSER_REQUIRED", "PDF_REQUIRED", "SLIDES_REQUIRED"):
        monkeypatch.delenv(env, raising=False)
    root = tmp_path / "repo"
    write(root / "_toc.yml", TOC)
    for name in ("_config.yml", "intro.md", "glossary.md", "README.md",
                 "chapters/01_a.ipynb", "chapters/02_b.ipynb", "mlp/network.py",
                 "tools/book_js.py", "tools/offline.py", "tools/pdf.py",
                 "tools/book_without_solutions.py", "tools/edition.py",
                 "tools/slides.py"):
        write(root / name)
    return root


PAGES = ["intro", "chapters/01_a", "chapters/02_b", "glossary"]


def build_book(root: Path, mathjax: str = OFFLINE_MATHJAX, when: float = BUILT,
               pages=PAGES) -> Path:
    html = root / "_build" / "html"
    for page in pages:
        up = "../" * page.count("/")
        write(html / f"{page}.html", f"<html><head>{mathjax.format(up=up)}</head>",
              when)
    write(html / "_static" / "mathjax" / "es5" / "tex-mml-chtml.js", "", when)
    return html


def offline_book(root: Path) -> _artifacts.Artifact:
    return _artifacts.html_book(root / "_build" / "html", offline=True, root=root)


def outcome(why: str | None, env: str = "BROWSER_REQUIRED") -> tuple[str, str | None]:
    """What a guarded test does: ("run", None), ("skip", reason) or ("fail", message)
    (caught here, so that a skip where a failure is expected fails this test)."""
    try:
        _artifacts.ensure(why, env)
    except pytest.skip.Exception as skip:
        return "skip", skip.msg
    except pytest.fail.Exception as fail:
        return "fail", fail.msg
    return "run", None


# -- the HTML book ---------------------------------------------------------------------
def test_a_fresh_offline_book_is_tested(repo, monkeypatch):
    build_book(repo)
    assert offline_book(repo).problem() is None
    monkeypatch.setenv("BROWSER_REQUIRED", "1")
    assert outcome(offline_book(repo).problem()) == ("run", None)


def test_a_chapter_changed_since_the_build_skips_with_the_command(repo):
    build_book(repo)
    at(repo / "chapters" / "02_b.ipynb", LATER)
    why = offline_book(repo).problem()
    assert why == ("the offline book in _build/html: _build/html/chapters/02_b.html is "
                   "older than chapters/02_b.ipynb: run `python tools/offline.py`")
    assert outcome(why) == ("skip", why)


def test_the_newest_change_is_named(repo):
    build_book(repo)
    at(repo / "chapters" / "01_a.ipynb", LATER)
    at(repo / "intro.md", LATER + 10)
    assert "older than intro.md:" in offline_book(repo).problem()


def test_a_page_rebuilt_after_its_chapter_changed_is_up_to_date(repo):
    html = build_book(repo)
    at(repo / "chapters" / "02_b.ipynb", LATER)
    at(html / "chapters" / "02_b.html", LATER + 10)  # Sphinx rewrote only that page
    assert offline_book(repo).problem() is None


@pytest.mark.parametrize("shared", ["_config.yml", "_toc.yml", "tools/book_js.py",
                                    "tools/offline.py"])
def test_a_changed_configuration_or_tool_asks_for_a_full_rebuild(repo, shared):
    build_book(repo)
    at(repo / "chapters" / "01_a.ipynb", LATER + 10)  # newer, but the page's own
    at(repo / shared, LATER)
    assert offline_book(repo).problem() == (
        f"the offline book in _build/html: _build/html/intro.html and 3 more are older "
        f"than {shared}: run `python tools/offline.py --all`")


def test_files_that_are_no_source_of_the_book_do_not_make_it_stale(repo):
    build_book(repo)
    for name in ("README.md", "mlp/network.py", "tools/pdf.py", "tools/slides.py"):
        at(repo / name, LATER)
    assert offline_book(repo).problem() is None


def test_stale_and_required_fails_with_the_same_message(repo, monkeypatch):
    build_book(repo)
    at(repo / "chapters" / "01_a.ipynb", LATER)
    why = offline_book(repo).problem()
    monkeypatch.setenv("BROWSER_REQUIRED", "1")
    assert outcome(why) == ("fail", f"{why} (BROWSER_REQUIRED is set)")
    monkeypatch.setenv("BROWSER_REQUIRED", "0")  # as unset
    assert outcome(why) == ("skip", why)


def test_no_build_skips_or_fails_when_required(repo, monkeypatch):
    why = offline_book(repo).problem()
    assert why == ("the offline book in _build/html: _build/html/intro.html and 3 more "
                   "are missing: run `python tools/offline.py`")
    assert outcome(why) == ("skip", why)
    monkeypatch.setenv("BROWSER_REQUIRED", "1")
    assert outcome(why) == ("fail", f"{why} (BROWSER_REQUIRED is set)")


def test_a_page_added_to_the_toc_and_not_built_is_missing(repo):
    build_book(repo)
    write(repo / "chapters" / "03_c.ipynb")
    write(repo / "_toc.yml", TOC.replace(
        "      - file: chapters/02_b\n",
        "      - file: chapters/02_b\n      - file: chapters/03_c.ipynb\n"), LATER)
    assert offline_book(repo).problem() == (
        "the offline book in _build/html: _build/html/chapters/03_c.html is missing: "
        "run `python tools/offline.py`")


def test_a_plain_build_over_the_offline_one_is_not_the_offline_book(repo):
    build_book(repo, mathjax=CDN_MATHJAX, when=LATER)  # _static/'s copy stays behind
    why = offline_book(repo).problem()
    assert why == (
        "the offline book in _build/html: _build/html/intro.html loads MathJax from "
        "https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-mml-chtml.js, not from "
        "_static/: a build other than tools/offline.py (e.g. `jupyter-book build .`) "
        "wrote it: run `python tools/offline.py`")
    # the checks that need a built book, not the offline one, still run
    html_book = _artifacts.html_book(repo / "_build" / "html", offline=False, root=repo)
    assert html_book.problem() is None


def test_the_offline_book_without_its_vendored_mathjax(repo):
    html = build_book(repo)
    (html / "_static" / "mathjax" / "es5" / "tex-mml-chtml.js").unlink()
    assert offline_book(repo).problem() == (
        "the offline book in _build/html: _build/html/_static/mathjax/es5/"
        "tex-mml-chtml.js is missing: run `python tools/offline.py`")


def test_the_html_book_names_both_builds(repo):
    build_book(repo, mathjax=CDN_MATHJAX)
    book = _artifacts.html_book(repo / "_build" / "html", offline=False, root=repo)
    at(repo / "glossary.md", LATER)
    assert book.problem() == (
        "the HTML book in _build/html: _build/html/glossary.html is older than "
        "glossary.md: run `jupyter-book build .` or `python tools/offline.py`")
    at(repo / "_config.yml", LATER + 10)
    assert book.problem().endswith(
        "run `jupyter-book build --all .` or `python tools/offline.py --all`")


def test_executed_notebooks(repo):
    folder = repo / "_build" / "jupyter_execute"
    notebooks = _artifacts.executed_notebooks(folder, root=repo)
    assert "01_a.ipynb and 1 more are missing" in notebooks.problem()
    for name in ("01_a", "02_b"):
        write(folder / "chapters" / f"{name}.ipynb", "{}", BUILT)
    assert notebooks.problem() is None
    at(repo / "chapters" / "01_a.ipynb", LATER)
    assert notebooks.problem() == (
        "the executed notebooks in _build/jupyter_execute: "
        "_build/jupyter_execute/chapters/01_a.ipynb is older than chapters/01_a.ipynb: "
        "run `jupyter-book build .` or `python tools/offline.py`")


# -- the PDFs --------------------------------------------------------------------------
def pdfs(repo: Path) -> _artifacts.Artifact:
    return _artifacts.pdfs(repo / "_build" / "pdf", PDFS, root=repo)


def test_pdfs_fresh_stale_missing(repo, monkeypatch):
    out = repo / "_build" / "pdf"
    write(out / PDFS[0], "%PDF", BUILT)
    why = pdfs(repo).problem()
    assert why == ("the PDFs in _build/pdf: _build/pdf/book-instructor.pdf is missing: "
                   "run `python tools/pdf.py`")
    write(out / PDFS[1], "%PDF", BUILT)
    assert pdfs(repo).problem() is None
    at(repo / "chapters" / "01_a.ipynb", LATER)  # a page of the book
    why = pdfs(repo).problem()
    assert why == ("the PDFs in _build/pdf: _build/pdf/book.pdf and 1 more are older "
                   "than chapters/01_a.ipynb: run `python tools/pdf.py`")
    assert outcome(why, "PDF_REQUIRED") == ("skip", why)
    monkeypatch.setenv("PDF_REQUIRED", "1")
    assert outcome(why, "PDF_REQUIRED") == ("fail", f"{why} (PDF_REQUIRED is set)")


@pytest.mark.parametrize("source", ["tools/pdf.py", "tools/book_without_solutions.py",
                                    "tools/edition.py", "tools/book_js.py",
                                    "_config.yml", "notation.md"])
def test_pdfs_older_than_a_tool_or_page(repo, source):
    if source == "notation.md":  # a page added to the table of contents
        write(repo / "_toc.yml", TOC + "      - file: notation\n")
    for name in PDFS:
        write(repo / "_build" / "pdf" / name, "%PDF", BUILT)
    write(repo / source, "", LATER)
    assert f"older than {source}: run `python tools/pdf.py`" in pdfs(repo).problem()


def test_the_pdfs_copies_in_the_html_book(repo):
    out, html = repo / "_build" / "pdf", repo / "_build" / "html"
    copies = _artifacts.pdf_copies(html, out, PDFS, root=repo)
    write(out / PDFS[0], "%PDF", LATER)
    write(out / PDFS[1], "%PDF", LATER + 1)
    assert copies.problem() == (
        "the PDFs' copies in _build/html/pdf: _build/html/pdf/book.pdf and 1 more are "
        "missing: run `python tools/pdf.py`")
    for name in PDFS:
        write(html / "pdf" / name, "%PDF", BUILT)  # from an earlier tools/pdf.py
    assert copies.problem() == (  # the newest change is named
        "the PDFs' copies in _build/html/pdf: _build/html/pdf/book-instructor.pdf is "
        "older than _build/pdf/book-instructor.pdf: run `python tools/pdf.py`")
    for name in PDFS:
        at(html / "pdf" / name, LATER + 10)
    assert copies.problem() is None


# -- the decks -------------------------------------------------------------------------
def decks(repo: Path) -> _artifacts.Artifact:
    chapters = sorted((repo / "chapters").glob("*.ipynb"))
    return _artifacts.decks(repo / "_build" / "slides", chapters, root=repo)


def build_decks(repo: Path, when: float = BUILT) -> Path:
    out = repo / "_build" / "slides"
    for name in ("01_a.html", "02_b.html", "index.html"):
        write(out / name, "<html>", when)
    return out


def test_decks_each_follow_their_chapter(repo, monkeypatch):
    assert decks(repo).problem() == (
        "the decks in _build/slides: _build/slides/01_a.html and 2 more are missing: "
        "run `python tools/slides.py`")
    out = build_decks(repo)
    assert decks(repo).problem() is None
    at(repo / "chapters" / "02_b.ipynb", LATER)
    why = decks(repo).problem()
    assert why == ("the decks in _build/slides: _build/slides/02_b.html is older than "
                   "chapters/02_b.ipynb: run `python tools/slides.py`")
    monkeypatch.setenv("SLIDES_REQUIRED", "1")
    assert outcome(why, "SLIDES_REQUIRED") == ("fail",
                                               f"{why} (SLIDES_REQUIRED is set)")
    # `python tools/slides.py chapters/02_b.ipynb` rewrites that deck and the index
    at(out / "02_b.html", LATER + 10)
    at(out / "index.html", LATER + 10)
    assert decks(repo).problem() is None
    # the book's configuration is no source of the decks; the tools are
    at(repo / "_config.yml", LATER + 20)
    assert decks(repo).problem() is None
    at(repo / "tools" / "slides.py", LATER + 20)
    assert ("01_a.html and 2 more are older than tools/slides.py"
            in decks(repo).problem())


# -- the repository's own use of the guard ---------------------------------------------
def test_every_source_the_guard_names_exists():
    """A renamed tool or page must not drop out of the rule unnoticed."""
    import sys

    sys.path.insert(0, str(ROOT / "tools"))
    import pdf
    import slides

    build = ROOT / "_build"
    book = _artifacts.html_book(build / "html", offline=True)
    assert all(own for own in book.outputs.values()), "a page of _toc.yml has no source"
    for artifact in [
        book,
        _artifacts.executed_notebooks(build / "jupyter_execute"),
        _artifacts.pdfs(build / "pdf", list(pdf.EDITIONS.values())),
        _artifacts.decks(build / "slides", slides.chapters()),
    ]:
        sources = [*artifact.shared, *(s for own in artifact.outputs.values()
                                       for s in own)]
        missing = [str(s) for s in sources if not s.is_file()]
        assert not missing, f"{artifact.what}: {missing}"


GUARDED = {"test_browser.py": "BROWSER_REQUIRED", "test_publishing.py":
           "BROWSER_REQUIRED", "test_accessibility.py": "BROWSER_REQUIRED",
           "test_pdf.py": "PDF_REQUIRED", "test_slides.py": "SLIDES_REQUIRED"}


def _guarded_runs(script):
    """The guarded test modules each pytest command of a shell ``script`` runs, as
    {module: whether the command sets the module's variable to 1} (a command may
    span lines joined by a backslash)."""
    found = {}
    for line in script.replace("\\\n", " ").splitlines():
        if line.lstrip().startswith("#") or "pytest" not in line:
            continue
        for module in re.findall(r"tests/(test_\w+\.py)", line):
            if module in GUARDED:
                found[module] = f"{GUARDED[module]}=1" in line
    return found


def test_ci_requires_every_guarded_test_it_runs():
    """CI builds, then runs each guarded module with its variable: it cannot skip."""
    runs = _guarded_runs((ROOT / ".ci" / "run").read_text())
    assert runs == dict.fromkeys(GUARDED, True), runs


def test_the_workflows_require_the_guarded_tests_they_run():
    """A workflow that runs a guarded module sets its variable too (the Pages build
    checks the offline book in a browser)."""
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    seen = {}
    for path in workflows:
        for job in (yaml.safe_load(path.read_text()).get("jobs") or {}).values():
            for step in job.get("steps") or []:
                for module, required in _guarded_runs(step.get("run") or "").items():
                    seen[f"{path.name}: {module}"] = required
    assert seen and all(seen.values()), seen


def test_a_command_split_over_lines_is_read_whole():
    script = 'CHROMIUM=x \\\n  BROWSER_REQUIRED=1 pytest tests/test_browser.py\n'
    assert _guarded_runs(script) == {"test_browser.py": True}
    assert _guarded_runs("pytest tests/test_pdf.py") == {"test_pdf.py": False}
