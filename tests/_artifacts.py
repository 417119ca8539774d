"""Are the built files a test reads there, and built from the current sources?

The browser, publishing, accessibility, PDF and slides tests read what a build left in
``_build/`` (the HTML book, the executed notebooks, the PDFs, the decks). A ``_build/``
left from an older build (a chapter changed since, or the offline book replaced by a
plain ``jupyter-book build``) would make them fail for no fault of the code, after
minutes of browser timeouts. Each test module asks this module first:

- **missing**: one of the built files is not there;
- **not what the test needs**: the offline book's pages load MathJax from a CDN, so a
  plain ``jupyter-book build`` wrote them after ``tools/offline.py``;
- **stale**: a built file is older (its modification time) than one of the files it is
  made from: its own source (a chapter for its page or deck) or a file all of them are
  made from (``_toc.yml``, ``_config.yml``, the builder in ``tools/``). This is the rule
  Sphinx itself applies to a page and its source.

Then the test skips with what is stale and the command that rebuilds it, or fails with
the same message when its ``*_REQUIRED`` variable is set (``BROWSER_REQUIRED``,
``PDF_REQUIRED``, ``SLIDES_REQUIRED``, set by ``.ci/run`` after it builds them), so CI
cannot skip them silently.

``mlp/`` is not among the sources: the builds take the chapters' outputs from the
book's cache of executed notebooks (``_build/.jupyter_cache``), keyed on each
notebook's code, so a change to ``mlp`` alone changes nothing a build writes, and
rebuilding would not make the files newer.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[1]


def required(env: str) -> bool:
    """Whether ``env`` (e.g. ``PDF_REQUIRED``) asks for the tests to run."""
    return os.environ.get(env, "") not in ("", "0")


def ensure(why: str | None, env: str) -> None:
    """Nothing when ``why`` is None; else skip with it, or fail when ``env`` is set."""
    if why is None:
        return
    if required(env):
        pytest.fail(f"{why} ({env} is set)", pytrace=False)
    pytest.skip(why)


def shown(path: Path, root: Path = ROOT) -> str:
    """``path`` relative to the repository when it is inside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


@dataclass
class Artifact:
    """Built files, each with the files it is made from.

    ``outputs`` maps each built file to its own sources; every one of them is also made
    from ``shared``. ``rebuild`` is the command that brings them up to date, as the
    message shows it (in backticks); ``rebuild_shared`` the one when a shared source
    changed, when that differs (Sphinx rewrites a page when its source is newer, not
    when the configuration or an extension's file is). ``check`` finds what the times
    cannot show, or returns None.
    """

    what: str
    outputs: Mapping[Path, Sequence[Path]]
    rebuild: str
    shared: Sequence[Path] = ()
    rebuild_shared: str | None = None
    check: Callable[[], str | None] | None = None
    root: Path = field(default=ROOT)

    def problem(self) -> str | None:
        """Why the built files cannot be tested (missing, not the right build, stale,
        with the command that rebuilds them), or None when they are up to date."""
        missing = [out for out in self.outputs if not out.is_file()]
        if missing:
            return f"{self.what}: {self._files(missing)} missing: run {self.rebuild}"
        if self.check is not None:
            why = self.check()
            if why:
                return f"{self.what}: {why}: run {self.rebuild}"
        return self._stale()

    def _stale(self) -> str | None:
        shared = [(t, p) for p in self.shared if (t := _mtime(p)) is not None]
        newest_shared = max(shared, default=None)
        found: dict[Path, tuple[int, bool, list[Path]]] = {}  # a newer source: its
        for out, own in self.outputs.items():  # time, shared?, the files older than it
            built = _mtime(out)
            sources = [(t, s, False) for s in own if (t := _mtime(s)) is not None]
            if newest_shared is not None:
                sources.append((*newest_shared, True))
            for t, source, is_shared in sources:
                if t > built:
                    found.setdefault(source, (t, is_shared, []))[2].append(out)
        if not found:
            return None
        # a changed shared source needs the fuller rebuild: it is the one named
        source, (_, is_shared, older) = max(found.items(),
                                            key=lambda kv: (kv[1][1], kv[1][0]))
        command = (self.rebuild_shared or self.rebuild) if is_shared else self.rebuild
        return (f"{self.what}: {self._files(older)} older than "
                f"{shown(source, self.root)}: run {command}")

    def _files(self, paths: Sequence[Path]) -> str:
        """The first of ``paths`` and how many more, with the verb."""
        if len(paths) == 1:
            return f"{shown(paths[0], self.root)} is"
        return f"{shown(paths[0], self.root)} and {len(paths) - 1} more are"


def _mtime(path: Path) -> int | None:
    try:
        return path.stat().st_mtime_ns
    except OSError:  # a source that is not there is newer than nothing
        return None


# -- the table of contents -------------------------------------------------------------
def toc_files(root: Path = ROOT) -> list[str]:
    """Every page of ``_toc.yml`` in reading order (the root first), without suffix
    (``tools/colab_cell.py`` reads the table of contents)."""
    if str(ROOT / "tools") not in sys.path:
        sys.path.insert(0, str(ROOT / "tools"))
    import colab_cell

    return [re.sub(r"\.(md|ipynb)$", "", f) for f in colab_cell.toc_files(root)]


def page_source(root: Path, file: str) -> list[Path]:
    """The source of a page of the table of contents (none if it is not there)."""
    found = [root / (file + suffix) for suffix in (".ipynb", ".md")]
    return [p for p in found if p.exists()][:1]


# -- the artifacts ---------------------------------------------------------------------
def _book_shared(root: Path) -> list[Path]:
    # the book's configuration and its local extension (``_config.yml``)
    return [root / "_toc.yml", root / "_config.yml", root / "tools" / "book_js.py"]


def html_book(html: Path, offline: bool, root: Path = ROOT) -> Artifact:
    """The HTML book in ``html``: a page per entry of the table of contents, each
    built after its source and after the book's configuration. ``offline``: the
    build of ``tools/offline.py``, whose pages load the vendored MathJax."""
    pages = {html / (f + ".html"): page_source(root, f) for f in toc_files(root)}
    shared = _book_shared(root)
    if offline:
        shared.append(root / "tools" / "offline.py")
        return Artifact(
            what=f"the offline book in {shown(html, root)}", outputs=pages,
            shared=shared, rebuild="`python tools/offline.py`",
            rebuild_shared="`python tools/offline.py --all`",
            check=lambda: offline_mathjax_problem(html, list(pages), root), root=root)
    return Artifact(
        what=f"the HTML book in {shown(html, root)}", outputs=pages, shared=shared,
        rebuild="`jupyter-book build .` or `python tools/offline.py`",
        rebuild_shared=("`jupyter-book build --all .` or "
                        "`python tools/offline.py --all`"),
        root=root)


def executed_notebooks(folder: Path, root: Path = ROOT) -> Artifact:
    """The book build's copy of every chapter with its outputs (``jupyter_execute/``),
    each written when the build read the chapter."""
    outputs = {folder / (f + ".ipynb"): page_source(root, f) for f in toc_files(root)
               if (root / (f + ".ipynb")).exists()}
    return Artifact(
        what=f"the executed notebooks in {shown(folder, root)}", outputs=outputs,
        rebuild="`jupyter-book build .` or `python tools/offline.py`", root=root)


def pdfs(out: Path, names: Sequence[str], root: Path = ROOT) -> Artifact:
    """The PDFs of ``tools/pdf.py``: each made from every page of the book (it always
    rebuilds them all)."""
    sources = [s for f in toc_files(root) for s in page_source(root, f)]
    tools = [root / "tools" / name for name in
             ("pdf.py", "book_without_solutions.py", "edition.py")]
    return Artifact(
        what=f"the PDFs in {shown(out, root)}", outputs={out / n: () for n in names},
        shared=[*sources, *_book_shared(root), *tools], rebuild="`python tools/pdf.py`",
        root=root)


def pdf_copies(html: Path, out: Path, names: Sequence[str],
               root: Path = ROOT) -> Artifact:
    """The PDFs' copies in the HTML book (``html/pdf/``), where its intro page links
    them: ``tools/pdf.py`` copies them there after it builds them."""
    return Artifact(
        what=f"the PDFs' copies in {shown(html / 'pdf', root)}",
        outputs={html / "pdf" / n: (out / n,) for n in names},
        rebuild="`python tools/pdf.py`", root=root)


def decks(out: Path, chapters: Sequence[Path], root: Path = ROOT) -> Artifact:
    """The decks of ``tools/slides.py``: one per chapter, made from that chapter, and
    the index listing them."""
    outputs: dict[Path, Sequence[Path]] = {out / (c.stem + ".html"): (c,)
                                           for c in chapters}
    outputs[out / "index.html"] = ()
    tools = [root / "tools" / name
             for name in ("slides.py", "edition.py", "offline.py")]
    return Artifact(
        what=f"the decks in {shown(out, root)}", outputs=outputs, shared=tools,
        rebuild="`python tools/slides.py`", root=root)


_SCRIPT_SRC = re.compile(r"""<script\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']""",
                         re.IGNORECASE)


def offline_mathjax_problem(html: Path, pages: Sequence[Path],
                            root: Path = ROOT) -> str | None:
    """None when every page that loads MathJax loads the copy ``tools/offline.py``
    vendors into ``_static/`` (and the copy is there). A plain ``jupyter-book build``
    after it rewrites every page with MathJax from a CDN, and leaves ``_static/``'s
    copy behind, so the pages tell which build wrote them."""
    if str(ROOT / "tools") not in sys.path:
        sys.path.insert(0, str(ROOT / "tools"))
    import offline

    local = "_static/" + offline.OFFLINE_SPHINX_CONFIG["mathjax_path"]
    loading = 0
    for page in pages:
        for src in _SCRIPT_SRC.findall(page.read_text(errors="replace")):
            if "mathjax" not in src.lower():
                continue
            url = urlsplit(src)
            if url.scheme or url.netloc or not url.path.endswith(local):
                return (f"{shown(page, root)} loads MathJax from {src}, not from "
                        "_static/: a build other than tools/offline.py (e.g. "
                        "`jupyter-book build .`) wrote it")
            loading += 1
    if not loading:
        return "no page loads MathJax from _static/ (not the offline build)"
    if not (html / local).is_file():
        return f"{shown(html / local, root)} is missing"
    return None
