"""Build the book as two PDFs: the student's (no solutions) and the instructor's.

    python tools/pdf.py                  # both -> _build/pdf/*.pdf
    python tools/pdf.py --edition student

The PDFs land in ``_build/pdf/`` (and, when the HTML book is built, in
``_build/html/pdf/``, where its intro page links them):

- ``neural-networks-from-the-ground-up.pdf``: the student's book: every chapter with
  its exercises and check cells, no solution (as ``tools/book_without_solutions.py``
  builds the HTML book);
- ``neural-networks-from-the-ground-up-instructor.pdf``: the same with every solution.

Each is Jupyter Book's ``pdflatex`` builder run on a configuration derived from
``_config.yml``: plain pdflatex with Sphinx's own LaTeX style
(``use_jupyterbook_latex: false``), which needs only Debian's
``texlive-latex-recommended texlive-latex-extra texlive-fonts-recommended tex-gyre
latexmk`` (about 75 MB); Jupyter Book's default style needs texlive-fonts-extra
(about 1.4 GB).

A book page is made for a browser; on paper, this file (also the small Sphinx
extension the build loads) makes three changes:

- a live demo's widget has no picture of its own: its output (the widget's text repr,
  ``VBox(children=...)``) is left out; the demo's static figure beside it stays;
- an animation (an HTML player) becomes its last frame, as a still image;
- a cell whose code the HTML book folds away (tag ``hide-input``: it only draws a
  figure) shows its figure without its code;
- the book's parts become LaTeX parts and its pages chapters, numbered as in the
  HTML book (the parts the table of contents leaves unnumbered, and the intro's own
  sections, get unnumbered chapters);
- the characters pdflatex does not know (``σ``, ``ŷ``, the checks' marks ``✔ ✘ ✎``)
  are declared in the preamble.

Other arguments go to ``jupyter-book build`` (by default ``-W -n --keep-going``:
a warning fails the build). Every page is read again each time (``--all``: the
pages' doctrees would not see a change to this file); the notebooks run once, kept in
the HTML book's cache of executed notebooks (``_build/.jupyter_cache``).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXTENSION = Path(__file__).stem
NAME = "neural-networks-from-the-ground-up"
EDITIONS = {"student": f"{NAME}.pdf", "instructor": f"{NAME}-instructor.pdf"}

#: What pdflatex prints for the characters it has no glyph for in its fonts.
UNICODE = {
    "σ": r"\ensuremath{\sigma}",
    "α": r"\ensuremath{\alpha}",
    "Σ": r"\ensuremath{\Sigma}",
    "ŷ": r"\ensuremath{\hat{y}}",
    "✔": r"\ensuremath{\checkmark}",
    "✘": r"\ensuremath{\times}",
    "✎": r"\ensuremath{\triangleright}",
    "→": r"\ensuremath{\rightarrow}",
    "←": r"\ensuremath{\leftarrow}",
    "≈": r"\ensuremath{\approx}",
    "≤": r"\ensuremath{\leq}",
    "≥": r"\ensuremath{\geq}",
    "≠": r"\ensuremath{\neq}",
    "−": r"\ensuremath{-}",
    "×": r"\ensuremath{\times}",
    "·": r"\ensuremath{\cdot}",
    "∂": r"\ensuremath{\partial}",
    "∇": r"\ensuremath{\nabla}",
    "√": r"\ensuremath{\surd}",
    "∞": r"\ensuremath{\infty}",
    "±": r"\ensuremath{\pm}",
    "′": r"\ensuremath{'}",
    "²": r"\ensuremath{^2}",
    "½": r"\ensuremath{\tfrac12}",
}

_FRAMES = re.compile(r'frames\[(\d+)\]\s*=\s*"data:image/png;base64,([^"]+)"')
_WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


# -- the Sphinx extension --------------------------------------------------------------


def last_frame(player: str) -> bytes | None:
    """The PNG of the last frame of a matplotlib ``to_jshtml`` player, or None."""
    frames = {int(k): data for k, data in _FRAMES.findall(player)}
    if not frames:
        return None
    return base64.b64decode(frames[max(frames)])


def setup(app):
    """The Sphinx extension: three transforms that act in a LaTeX build only, and the
    outputs' priorities for paper (``for_paper``)."""
    from sphinx.transforms import SphinxTransform

    class AnimationStill(SphinxTransform):
        """In a LaTeX build, an animation's HTML player becomes its last frame."""

        default_priority = 400

        def apply(self):
            if self.app.builder.format == "latex":
                animations_to_stills(self.document, self.app)

    class BookStructure(SphinxTransform):
        """In a LaTeX build of the root page: the book's parts and chapters (see
        ``parts_and_chapters``)."""

        default_priority = 900

        def apply(self):
            if (self.app.builder.format == "latex"
                    and self.env.docname == self.config.root_doc):
                parts_and_chapters(self.document)

    class FoldedCode(SphinxTransform):
        """In a LaTeX build, a ``hide-input`` cell keeps its output, not its code."""

        default_priority = 400

        def apply(self):
            if self.app.builder.format == "latex":
                fold_code(self.document)

    app.connect("config-inited", for_paper)
    app.add_transform(AnimationStill)
    app.add_transform(BookStructure)
    app.add_transform(FoldedCode)
    return {"parallel_read_safe": True, "parallel_write_safe": True}


def animations_to_stills(document, app):
    """Replace each animation's HTML player in ``document`` by its last frame (a PNG
    written beside the LaTeX build) and a caption saying where it plays."""
    from docutils import nodes

    for raw in list(document.findall(nodes.raw)):
        png = last_frame(raw.astext()) if "html" in raw.get("format", "") else None
        if png is None:
            continue
        name = hashlib.sha256(png).hexdigest()[:16] + ".png"
        folder = Path(app.outdir).parent / "animation_stills"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(png)
        uri = "/" + os.path.relpath(folder / name, app.srcdir)
        image = nodes.image(uri=uri, candidates={"*": uri},
                            alt="the animation's last frame")
        caption = nodes.paragraph(
            "", "", nodes.emphasis(
                "", "The animation's last frame (run the notebook, or open "
                    "the HTML book, to play it)."))
        raw.replace_self([image, caption])
        if "mime_type" in image.parent:  # myst-nb then picks it as a picture
            image.parent["mime_type"] = "image/png"


def parts_and_chapters(document):
    """In the root page's ``document``: each part of ``_toc.yml`` becomes a
    ``\\part``, numbered or not like the HTML book, and its pages chapters.

    Sphinx nests the pages a toctree includes inside the section the toctree is in;
    the root page's toctrees sit in its last section ("Contents"), which would make
    every chapter a section of it. They move up to the page's top level, and the
    section they leave, empty, goes.
    """
    from docutils import nodes
    from sphinx import addnodes

    wrappers = [t.parent for t in document.findall(addnodes.toctree)
                if isinstance(t.parent, nodes.compound)]
    if not wrappers:
        return
    top = next(iter(document.findall(nodes.section)))
    top.insert(1, _latex(r"\setcounter{secnumdepth}{-1}"))
    for wrapper in wrappers:
        toctree = next(iter(wrapper.findall(addnodes.toctree)))
        left = wrapper.parent
        left.remove(wrapper)
        depth = 2 if toctree.get("numbered") else -1
        caption = toctree.get("caption") or ""
        part = (rf"\part{{{_tex_escape(caption)}}}" if caption else "")
        top.append(_latex(part + rf"\setcounter{{secnumdepth}}{{{depth}}}"))
        top.append(wrapper)
        if isinstance(left, nodes.section) and all(
                isinstance(c, (nodes.title, nodes.target)) for c in left):
            left.parent.remove(left)


def fold_code(document):
    """Remove the code of every ``hide-input`` cell in ``document``, not its output."""
    from docutils import nodes

    for cell in list(document.findall(nodes.container)):
        if "tag_hide-input" not in cell.get("classes", []):
            continue
        for child in list(cell.children):
            if child.get("nb_element") == "cell_code_source":
                cell.remove(child)


def _latex(text):
    """A piece of raw LaTeX for the document, on a line of its own."""
    from docutils import nodes

    return nodes.raw("", text + "\n", format="latex")


def for_paper(app, config):
    """The outputs' priorities in a LaTeX build: a widget's view before its text
    repr, an HTML output (an animation's player) before its text repr."""
    overrides = list(config.nb_mime_priority_overrides or [])
    # a widget's view (raw HTML, which LaTeX skips) before its text repr
    overrides.append(("latex", _WIDGET_VIEW, 5))
    # an HTML output (an animation's player) as HTML, not as its text repr
    # "<IPython.core.display.HTML object>": AnimationStill turns it into a picture
    overrides.append(("latex", "text/html", 95))
    config.nb_mime_priority_overrides = overrides


def _tex_escape(text: str) -> str:
    for ch, tex in (("\\", r"\textbackslash{}"), ("&", r"\&"), ("%", r"\%"),
                    ("#", r"\#"), ("_", r"\_"), ("$", r"\$")):
        text = text.replace(ch, tex)
    return text


# -- the command -----------------------------------------------------------------------


def preamble() -> str:
    return "\n".join(f"\\DeclareUnicodeCharacter{{{ord(ch):04X}}}{{{tex}}}"
                     for ch, tex in UNICODE.items())


def pdf_config(source: Path, edition: str) -> dict:
    """``_config.yml`` for a PDF of ``edition`` (paths made absolute)."""
    import yaml

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import book_without_solutions

    if edition == "student":
        config = book_without_solutions.config_without_solutions(source)
    else:
        config = yaml.safe_load((source / "_config.yml").read_text())
        extensions = config.setdefault("sphinx", {}).get("local_extensions") or {}
        for name, path in extensions.items():
            extensions[name] = str((source / path).resolve())
        config["sphinx"]["local_extensions"] = extensions
    config["sphinx"]["local_extensions"][EXTENSION] = str(Path(__file__).parent)
    # the HTML book's cache of executed notebooks: a chapter runs once for all builds
    cache = source / "_build" / ".jupyter_cache"
    config.setdefault("execute", {})["cache"] = str(cache)
    title = config.get("title", NAME)
    if edition == "instructor":
        title += " (instructor's edition, with solutions)"
    config["latex"] = {
        "latex_engine": "pdflatex",
        "use_jupyterbook_latex": False,
        "latex_documents": {"targetname": "book.tex", "title": title},
    }
    sphinx_config = config["sphinx"].setdefault("config", {}) or {}
    sphinx_config["latex_elements"] = {
        "preamble": preamble(),
        "papersize": "a4paper",
        "extraclassoptions": "openany,oneside",  # no blank pages before chapters
        "pointsize": "10pt",
        "figure_align": "H",
        "sphinxsetup": "verbatimwithframe=false, VerbatimColor={rgb}{0.96,0.96,0.96}",
    }
    sphinx_config["latex_show_urls"] = "no"
    config["sphinx"]["config"] = sphinx_config
    return config


def jupyter_book() -> str:
    beside = Path(sys.executable).with_name("jupyter-book")
    return str(beside) if beside.exists() else (shutil.which("jupyter-book") or "")


def build(source: Path, out: Path, edition: str, jb_args: list[str]) -> Path:
    """Build one edition's PDF; its path in ``out``."""
    import yaml

    work = out / edition
    (work / "_build").mkdir(parents=True, exist_ok=True)
    config_path = work / "_build" / "config.yml"
    config_path.write_text(yaml.safe_dump(pdf_config(source, edition),
                                          sort_keys=False))
    command = [jupyter_book(), "build", str(source), "--builder", "pdflatex",
               "--config", str(config_path), "--path-output", str(work), "--all",
               *(jb_args or ["-W", "-n", "--keep-going"])]
    print(f"pdf ({edition}):", " ".join(command), flush=True)
    started = time.perf_counter()
    status = subprocess.run(command).returncode
    built = work / "_build" / "latex" / "book.pdf"
    if status != 0 or not built.exists():
        sys.exit(f"pdf ({edition}): the build failed (exit status {status}); "
                 f"LaTeX's log is in {built.with_suffix('.log')}")
    target = out / EDITIONS[edition]
    shutil.copyfile(built, target)
    print(f"pdf ({edition}): {target} ({target.stat().st_size / 1e6:.1f} MB) in "
          f"{time.perf_counter() - started:.0f} s", flush=True)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edition", choices=["both", *EDITIONS], default="both")
    parser.add_argument("--out", default=str(ROOT / "_build" / "pdf"),
                        help="where the PDFs land (default _build/pdf)")
    parser.add_argument("--source", default=str(ROOT), help=argparse.SUPPRESS)
    args, jb_args = parser.parse_known_args(argv)
    if not jupyter_book():
        sys.exit("jupyter-book is not installed (pip install -r requirements.txt)")
    if not shutil.which("latexmk") or not shutil.which("pdflatex"):
        sys.exit("pdflatex and latexmk are missing: apt-get install "
                 "--no-install-recommends texlive-latex-recommended "
                 "texlive-latex-extra texlive-fonts-recommended tex-gyre latexmk")
    out = Path(args.out).resolve()
    editions = list(EDITIONS) if args.edition == "both" else [args.edition]
    built = [build(Path(args.source).resolve(), out, edition, jb_args)
             for edition in editions]
    html = Path(args.source).resolve() / "_build" / "html"
    if html.is_dir():  # the intro page links them from there
        (html / "pdf").mkdir(exist_ok=True)
        for path in built:
            shutil.copyfile(path, html / "pdf" / path.name)
        print(f"pdf: copied into {html / 'pdf'}, where the book's intro page links "
              "them")
    return 0


if __name__ == "__main__":
    sys.exit(main())
