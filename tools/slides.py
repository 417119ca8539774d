"""Write one reveal.js slide deck per chapter, for class.

    python tools/slides.py                                  # every chapter
    python tools/slides.py chapters/09_gradient_descent.ipynb
    python tools/slides.py --out /tmp/decks

The decks land in ``_build/slides/`` (``NN_slug.html``, one per chapter, and
``index.html`` listing them); open ``index.html`` straight from the disk or serve the
folder (``python -m http.server -d _build/slides``). They need no internet: reveal.js
5.2.1 and MathJax 3.2.2 are fetched once from the npm registry (``npm pack``, pinned
versions checked against their sha512, with ``tools/offline.py``'s helpers; the
tarballs are kept in ``_build/npm/``) and unpacked into ``_build/slides/vendor/``
(git-ignored, never committed). Every figure and every frame of an animation is
embedded in its deck.

What a deck shows, made from the chapter's structure by this script (no cell
metadata is kept by hand for it):

- the chapter's ``#`` title, with its opening list, is the title slide;
- a ``##`` heading starts a new slide, a ``###`` heading a sub-slide below it (the
  arrow keys and the space bar go through every slide in order; ``Esc`` shows them
  as a grid, one column per ``##`` section);
- on a slide: the headings, the display formulas, the lists and boxes, the formulas
  and numbers the code prints (small), and each code cell's code folded away behind
  a "code" button; a section's prose paragraphs are its **speaker notes** (press
  ``S`` for the speaker view), except the first one when the slide would otherwise
  show only its heading; a slide that grows too tall continues on a sub-slide;
- each figure (with its caption and alt text) and each animation (the jshtml player,
  its frames embedded) on a slide of its own; a live demo's widget as a line saying
  which call starts it in the notebook;
- each exercise and concept question ("Predict: ...") as a slide with its statement;
  never its solution (the cells between ``{solution-start}`` and ``{solution-end}``,
  read with ``tools/edition.py``'s parser, as the student edition drops them), nor the
  check cell after it.

The outputs come from the HTML book's cache of executed notebooks
(``_build/.jupyter_cache``, written by ``jupyter-book build .``): a chapter whose code
has not changed since the last book build is not run again. A chapter missing from
the cache is executed here with nbclient (about 4 s each).
"""

from __future__ import annotations

import argparse
import html
import json
import math
import os
import re
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
import edition  # noqa: E402
import offline  # noqa: E402

#: npm packages the decks load (served from ``<out>/vendor/``).
PACKAGES = {
    "reveal.js": (
        "reveal.js@5.2.1",
        "sha512-r7//6mIM5p34hFiDMvYfXgyjXqGRta+/psd9YtytsgRlrpRzFv4RbH76TXd2qD+7ZPZEbp"
        "BDhdRhJaFgfQ7zNQ==",
        [("package/dist", "reveal.js/dist"), ("package/plugin/notes",
                                                "reveal.js/plugin/notes"),
         ("package/LICENSE", "reveal.js/LICENSE")],
    ),
    "mathjax": offline.PACKAGES["mathjax"],
    # the icons of an animation's buttons (matplotlib's jshtml player asks a CDN for
    # Font Awesome 4; the decks load this copy instead)
    "font-awesome": (
        "font-awesome@4.7.0",
        "sha512-U6kGnykA/6bFmg1M/oT9EkFeIYv7JlX3bozwQJWiiLz6L0w3F5vBVPxHlwyX/vtNq1ckcp"
        "RKOB9f2Qal/VtFpg==",
        [("package/css/font-awesome.min.css", "font-awesome/css/font-awesome.min.css"),
         ("package/fonts", "font-awesome/fonts"),
         ("package/README.md", "font-awesome/README.md")],
    ),
}
_CDN_FONTAWESOME = re.compile(
    r'<link\b[^>]*href="https?://[^"]*/font-awesome/[^"]*"[^>]*>\s*', re.IGNORECASE)
FONTAWESOME = "vendor/font-awesome/css/font-awesome.min.css"

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
#: how many lines of text (at the slide's font size) fit below a slide's heading
BUDGET = 14.0


# -- executed notebooks ----------------------------------------------------------------


def executed(path: Path, cache_dir: Path) -> tuple[nbformat.NotebookNode, str]:
    """The chapter with its outputs, and where they come from ("cache" or "run")."""
    nb = nbformat.read(path, as_version=4)
    if cache_dir.is_dir():
        from jupyter_cache import get_cache

        try:
            _, merged = get_cache(str(cache_dir)).merge_match_into_notebook(nb)
            return merged, "cache"
        except KeyError:
            pass
    from nbclient import NotebookClient

    env_path = os.environ.get("PYTHONPATH", "")
    if str(ROOT) not in env_path.split(os.pathsep):  # the kernel imports this mlp
        os.environ["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(ROOT), env_path) if p)
    NotebookClient(nb, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return nb, "run"


# -- Markdown -> HTML ------------------------------------------------------------------


def _markdown():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.dollarmath import dollarmath_plugin

    def math(content, options):
        delims = ("\\[", "\\]") if options["display_mode"] else ("\\(", "\\)")
        return html.escape(delims[0] + content.strip() + delims[1])

    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    dollarmath_plugin(md, renderer=math, label_renderer=lambda label: "")
    return md


MD = _markdown()
_LABELLED = re.compile(
    r"^\$\$\s*\n(?P<body>.*?)\n\$\$[ \t]*\((?P<label>[\w.:-]+)\)[ \t]*$", re.S | re.M)
_EQ_ROLE = re.compile(r"\{eq\}`([^`]+)`")
_ROLE = re.compile(r"\{(?:ref|numref|term|doc)\}`(?:([^`<]*?)\s*<[^`]*>|([^`]*))`")
_LINK = re.compile(r"\[(?P<text>[^\]]+)\]\((?P<target>[^)\s]+)\)")


def myst_to_markdown(text: str) -> str:
    """MyST's additions as plain Markdown: targets go, roles become text, a labelled
    formula is numbered (``\\label``) and ``{eq}`` refers to it; links to another
    chapter lead to its deck, other links of the book become their text."""
    text = edition.plain_markdown(text)
    text = _LABELLED.sub(lambda m: "$$\n\\begin{equation}" + m["body"] + "\\label{"
                         + m["label"] + "}\\end{equation}\n$$", text)
    text = _EQ_ROLE.sub(lambda m: f"$\\eqref{{{m[1]}}}$", text)
    text = _ROLE.sub(lambda m: (m[1] or m[2]).strip(), text)

    def link(m):
        target = m["target"]
        if target.startswith(("http://", "https://", "mailto:")):
            return m[0]
        name = Path(target.split("#")[0]).name
        if target.endswith(".ipynb") and "/" not in target:
            return f"[{m['text']}]({Path(name).stem}.html)"
        return m["text"]

    return _LINK.sub(link, text)


@dataclass
class Block:
    kind: str  # heading1/2/3, paragraph, list, math, other
    html: str
    lines: float
    text: str = ""


def markdown_blocks(text: str) -> list[Block]:
    """The top-level blocks of a Markdown text, each rendered to HTML."""
    text = myst_to_markdown(text)
    source = text.split("\n")
    blocks = []
    tokens = MD.parse(text)
    for k, token in enumerate(tokens):
        if token.level != 0 or token.map is None or token.nesting == -1:
            continue
        chunk = "\n".join(source[token.map[0]:token.map[1]])
        if (token.type in ("bullet_list_open", "ordered_list_open")
                and estimate_lines("list", chunk) > BUDGET / 2):
            # a long list: item by item, so that a slide can end between two items
            items = [t.map for t in tokens[k + 1:] if t.level == 1
                     and t.type == "list_item_open" and t.map[0] < token.map[1]]
            for start, end in items:
                item = "\n".join(source[start:end])
                blocks.append(Block("list", MD.render(item),
                                    estimate_lines("list", item), item))
            continue
        if token.type == "table_open" and estimate_lines("table", chunk) > BUDGET - 3:
            # a long table: a few rows at a time, each part with the table's header
            for part in table_parts(chunk):
                blocks.append(Block("table", MD.render(part),
                                    estimate_lines("table", part), part))
            continue
        rendered = MD.render(chunk)
        if token.type == "heading_open":
            kind = f"heading{len(token.markup)}"
        elif token.type == "paragraph_open":
            kind = "paragraph"
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            kind = "list"
        elif token.type.startswith("math_block"):
            kind = "math"
        elif token.type == "table_open":
            kind = "table"
        else:
            kind = "other"
        blocks.append(Block(kind, rendered, estimate_lines(kind, chunk), chunk))
    return blocks


def table_parts(chunk: str) -> list[str]:
    """A Markdown table cut into tables of a few rows, each with the header and its
    separator row, so that a slide can end between two rows."""
    rows = [r for r in chunk.split("\n") if r.strip()]
    head, body = rows[:2], rows[2:]
    parts, part = [], []
    for row in body:
        longer = "\n".join(head + part + [row])
        if part and estimate_lines("table", longer) > BUDGET / 2:
            parts.append("\n".join(head + part))
            part = []
        part.append(row)
    parts.append("\n".join(head + part))
    return parts


def estimate_lines(kind: str, chunk: str) -> float:
    """About how many lines of the slide's text a block takes."""
    plain = re.sub(r"\$[^$]*\$", "xxxxxx", chunk)
    if kind == "math":
        rows = chunk.count("\\\\") + 1
        tall = 1.6 if re.search(r"\\frac|pmatrix|\\sum|\\begin", chunk) else 1.2
        return 0.6 + rows * tall
    if kind == "table":
        rows = [r for r in chunk.split("\n") if r.strip().startswith("|")]
        return 0.85 * sum(1 + len(r) // 110 for r in rows) + 0.5
    if kind == "list":
        items = re.split(r"\n(?=\s*(?:[-*+]|\d+\.)\s)", plain)
        return sum(math.ceil(len(" ".join(i.split())) / 95) + 0.2 for i in items) + 0.3
    return math.ceil(len(" ".join(plain.split())) / 100) + 0.4


# -- slides ----------------------------------------------------------------------------


@dataclass
class Slide:
    level: int  # 1: a new column (## heading), 2: a sub-slide below it
    title: str  # HTML
    body: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    first_note_at: int = 0  # how many body items came before the first note
    lines: float = 0.0
    kind: str = "text"  # text, title, figure, exercise
    said: bool = False  # holds a formula, a list or a box (not only code and numbers)

    def empty(self) -> bool:
        return not self.body


class Deck:
    """The slides of one chapter, built cell by cell."""

    def __init__(self):
        self.slides: list[Slide] = []
        self.title = ""  # the chapter's title (plain text), from its # heading
        self.section = ""  # the current ## heading (HTML), repeated on its sub-slides
        self.subsection = ""

    @property
    def current(self) -> Slide | None:
        return self.slides[-1] if self.slides else None

    def new(self, level: int, title: str, kind: str = "text") -> Slide:
        self._close()
        slide = Slide(level, title, kind=kind)
        self.slides.append(slide)
        return slide

    def _close(self):
        slide = self.current
        if slide is not None and slide.kind in ("text", "title") and not slide.said \
                and slide.notes:
            # a heading with only numbers or nothing below says too little
            slide.body.insert(slide.first_note_at, slide.notes.pop(0))

    def text_slide(self) -> Slide:
        """The slide that text goes on (a new one after a figure or an exercise)."""
        slide = self.current
        if slide is None or slide.kind in ("figure", "exercise"):
            title = self.subsection or self.section
            slide = self.new(2, title + _continued() if title else "")
        return slide

    def add(self, html_: str, lines: float, said: bool = True):
        slide = self.text_slide()
        if slide.lines + lines > BUDGET and slide.body:
            title = self.subsection or self.section or slide.title
            slide = self.new(2, _strip_continued(title) + _continued())
        slide.body.append(html_)
        slide.lines += lines
        slide.said = slide.said or said

    def figure_slide(self) -> Slide:
        """A new slide for a figure, or the section's slide if it shows nothing yet
        (a section that opens with its figure)."""
        slide = self.current
        if slide is not None and slide.kind == "text" and not slide.body:
            slide.kind = "figure"
            return slide
        title = self.subsection or self.section
        return self.new(2, _strip_continued(title), kind="figure")

    def attach_to_figure(self, html_: str) -> bool:
        """Put ``html_`` on the figure slide just made (a live demo's line under the
        demo's static figure), with the notes written since; False if there is none."""
        slides = self.slides
        if slides and slides[-1].kind == "figure":
            slides[-1].body.append(html_)
            return True
        if (len(slides) > 1 and slides[-1].kind == "text" and not slides[-1].body
                and slides[-2].kind == "figure"):
            slides[-2].body.append(html_)
            slides[-2].notes += slides.pop().notes
            return True
        return False

    def note(self, html_: str):
        slide = self.text_slide()
        if not slide.notes:
            slide.first_note_at = len(slide.body)
        slide.notes.append(html_)

    def finish(self) -> list[Slide]:
        self._close()
        for k, slide in enumerate(self.slides):
            if slide.kind != "text" or slide.body:
                continue
            # a heading over exercises only ("Exercises"): the list of them
            titles = []
            for after in self.slides[k + 1:]:
                if after.kind != "exercise":
                    break
                titles.append(f"<li>{after.title}</li>")
            if titles:
                slide.body.append("<ul>" + "".join(titles) + "</ul>")
        return self.slides


def _continued() -> str:
    return ' <span class="cont">(continued)</span>'


def _strip_continued(title: str) -> str:
    return title.replace(_continued(), "")


def _heading_html(block: Block) -> str:
    return re.sub(r"^<h\d[^>]*>|</h\d>\s*$", "", block.html.strip())


def _exercise_html(piece: edition.Directive) -> tuple[str, str]:
    title = piece.arg.strip()
    if title.lower().startswith("predict"):
        heading = html.escape(title)
        css = "predict"
    else:
        heading = "Exercise: " + html.escape(title) if title else "Exercise"
        css = "exercise"
    body = "".join(b.html for b in markdown_blocks(piece.body))
    return f"{_inline(heading)}", f'<div class="box {css}">{body}</div>'


def _inline(text: str) -> str:
    """Inline Markdown (a title with ``$math$``) as HTML."""
    return MD.renderInline(myst_to_markdown(text))


def _admonition_html(piece: edition.Directive) -> str:
    title = piece.arg if piece.name == "admonition" else piece.name.capitalize()
    body = "".join(b.html for b in markdown_blocks(piece.body))
    return (f'<div class="box note"><p class="box-title">{_inline(title)}</p>'
            f"{body}</div>")


def _pre(text: str, css: str) -> str:
    return f'<pre class="{css}">{html.escape(text.rstrip())}</pre>'


def _printed(text: str) -> tuple[str, float]:
    """What a cell prints, small, and about how many lines of the slide it takes."""
    return _pre(text, "output"), 0.55 * (text.count("\n") + 1) + 0.5


def _code_html(source: str) -> str:
    from pygments import highlight
    from pygments.formatters import HtmlFormatter
    from pygments.lexers import PythonLexer

    code = highlight(source, PythonLexer(), HtmlFormatter(nowrap=True))
    return (f'<details class="code"><summary>code</summary>'
            f'<pre class="source">{code}</pre></details>')


def _latex_output(text: str) -> str:
    text = text.strip()
    for start, end in (("$$", "$$"), ("$", "$"), ("\\[", "\\]")):
        if text.startswith(start) and text.endswith(end) and len(text) > 2 * len(start):
            text = text[len(start):-len(end)]
            break
    return html.escape("\\[" + text.replace("\\displaystyle", "").strip() + "\\]")


_ALT = re.compile(r'<img alt="([^"]*)" id="_anim_img')


def _figure_slide(deck: Deck, cell, output):
    meta = cell.metadata.get("mystnb", {})
    caption = meta.get("figure", {}).get("caption", "")
    alt = meta.get("image", {}).get("alt", "") or caption or "a figure of the chapter"
    data = output["data"]["image/png"]
    if isinstance(data, list):
        data = "".join(data)
    slide = deck.figure_slide()
    cap = f"<figcaption>{_inline(caption)}</figcaption>" if caption else ""
    slide.body.append(f'<figure><img src="data:image/png;base64,{data.strip()}" '
                      f'alt="{html.escape(alt)}">{cap}</figure>')


def _animation_slide(deck: Deck, player: str):
    slide = deck.figure_slide()
    player = _CDN_FONTAWESOME.sub("", player)  # the page loads the local copy
    slide.body.append(f'<div class="animation">{player}</div>')


def _merged_streams(outputs):
    """The outputs with consecutive printed texts (stdout) joined into one."""
    merged = []
    for output in outputs:
        if (output.get("output_type") == "stream" and output.get("name") == "stdout"
                and merged and merged[-1].get("output_type") == "stream"
                and merged[-1].get("name") == "stdout"):
            merged[-1] = {**merged[-1], "text": merged[-1]["text"] + output["text"]}
        else:
            merged.append(output)
    return merged


def chapter_deck(nb) -> tuple[str, list[Slide]]:
    """The chapter's title (plain text) and its slides."""
    deck = Deck()
    in_solution = False
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            in_solution = _markdown_slides(deck, cell.source, in_solution)
        elif (cell.cell_type == "code" and not in_solution
              and "remove-cell" not in cell.metadata.get("tags", [])
              and not edition.is_check_cell(cell)):
            # no check cell: after a solution, it would say "correct" under an
            # exercise nobody has done yet
            _code_slides(deck, cell)
    return deck.title, deck.finish()


def _markdown_slides(deck: Deck, text: str, in_solution: bool) -> bool:
    """Put a Markdown cell's text and directives on the deck, leaving out what is
    between ``{solution-start}`` and ``{solution-end}``; whether the cell ends inside
    a solution (its code cells are left out too)."""
    for piece in edition.split_directives(text):
        is_directive = isinstance(piece, edition.Directive)
        if is_directive and piece.name == "solution-start":
            in_solution = True
        elif is_directive and piece.name == "solution-end":
            in_solution = False
        elif in_solution:
            continue
        elif is_directive:
            _directive_slides(deck, piece)
        else:
            _text_slides(deck, piece)
    return in_solution


def _directive_slides(deck: Deck, piece: edition.Directive):
    """An exercise (or a concept question) on a slide of its own, an admonition as a
    box and a math block as a formula on the current slide; a ``{solution}`` box and
    any other directive are left out."""
    if piece.name in ("exercise", "exercise-start"):
        heading, body = _exercise_html(piece)
        slide = deck.new(2, heading, kind="exercise")
        slide.body.append(body)
    elif piece.name in ("admonition", *edition.ADMONITIONS):
        box = _admonition_html(piece)
        deck.add(box, estimate_lines("paragraph", piece.body) + 1.5)
    elif piece.name == "math":
        for block in markdown_blocks(f"$$\n{piece.body}\n$$"):
            deck.add(block.html, block.lines)


def _text_slides(deck: Deck, text: str):
    """Markdown text, block by block: the ``#`` heading starts the title slide, a
    ``##`` heading a new slide, a ``###`` heading a sub-slide; formulas, lists,
    tables and other blocks go on the slide, paragraphs into its speaker notes."""
    for block in markdown_blocks(text):
        if block.kind == "heading1":
            deck.title = re.sub(r"^#+\s*", "", block.text).strip()
            deck.new(1, _heading_html(block), kind="title")
            deck.section = deck.subsection = ""
        elif block.kind == "heading2":
            deck.section, deck.subsection = _heading_html(block), ""
            deck.new(1, deck.section)
        elif block.kind.startswith("heading"):
            deck.subsection = _heading_html(block)
            deck.new(2, deck.subsection)
        elif block.kind in ("math", "list", "table", "other"):
            deck.add(block.html, block.lines)
        else:
            deck.note(block.html)


def _code_slides(deck: Deck, cell):
    """A code cell: its outputs, with its code folded away above them (unless the
    book hides it), together on one slide; nothing if it shows nothing."""
    shown = _shown_outputs(deck, cell)
    if not shown:
        return
    tags = cell.metadata.get("tags", [])
    if "hide-input" not in tags and "remove-input" not in tags:
        shown.insert(0, (_code_html(cell.source), 0.8))
    # a cell's code and its outputs stay on one slide
    deck.add("\n".join(h for h, _ in shown), sum(n for _, n in shown), said=False)


def _shown_outputs(deck: Deck, cell) -> list[tuple[str, float]]:
    """What a code cell's outputs show on its slide (HTML, and about how many lines
    each takes), in order. A figure or an animation goes on a slide of its own
    instead, and a live demo's line under the demo's figure when there is one."""
    shown: list[tuple[str, float]] = []
    for output in _merged_streams(cell.get("outputs", [])):
        data = output.get("data", {})
        if output.get("output_type") == "stream" and output.get("name") == "stdout":
            shown.append(_printed(output.get("text", "")))
        elif "image/png" in data:
            _figure_slide(deck, cell, output)
        elif "text/html" in data and "_anim_img" in data["text/html"]:
            _animation_slide(deck, data["text/html"])
        elif WIDGET_VIEW in data:
            line = _live_line(cell)
            if not deck.attach_to_figure(line):
                shown.append((line, 1.0))
        elif "text/latex" in data:
            shown.append((_latex_output(data["text/latex"]), 2.0))
        elif "text/markdown" in data:
            for block in markdown_blocks(data["text/markdown"]):
                shown.append((block.html, block.lines))
        elif "text/html" in data:
            shown.append((f'<div class="html-output">{data["text/html"]}</div>', 4))
        elif "text/plain" in data:
            shown.append(_printed(data["text/plain"]))
    return shown


def _live_line(cell) -> str:
    """A live demo's widget as the line that says which call starts it (the cell's
    last line) in the notebook."""
    call = cell.source.strip().splitlines()[-1]
    return (f'<p class="live">Live in the notebook: <code>'
            f"{html.escape(call)}</code></p>")


# -- HTML ------------------------------------------------------------------------------

CSS = """
.reveal { font-size: 30px; }
.reveal h1 { font-size: 2.0em; text-transform: none; }
.reveal h2 { font-size: 1.35em; text-transform: none; margin-bottom: 0.5em; }
.reveal h2 .cont { font-size: 0.6em; color: #888; font-weight: normal; }
.reveal .slides section { text-align: left; height: 100%; }
.reveal .slides section.title { text-align: center; }
.reveal .slides section.title ul { text-align: left; }
.reveal p, .reveal li { line-height: 1.3; }
.reveal ul, .reveal ol { display: block; margin: 0.1em 0 0.1em 1.2em; }
.reveal li { margin: 0.15em 0; }
.reveal figure { margin: 0; text-align: center; }
.reveal figure img { width: 100%; height: 470px; object-fit: contain; margin: 0; }
.reveal figcaption { font-size: 0.6em; color: #444; margin-top: 0.3em;
                     text-align: left; }
.reveal pre { width: 100%; box-shadow: none; margin: 0.3em 0; }
.reveal pre.output { font-size: 0.5em; background: #f6f6f6; padding: 0.4em 0.6em;
                     max-height: 330px; overflow: auto; }
.reveal pre.source { font-size: 0.5em; background: #f3f6fb; padding: 0.4em 0.6em;
                     max-height: 300px; overflow: auto; }
.reveal details.code summary { font-size: 0.5em; color: #2a76dd; cursor: pointer; }
.reveal .box { border-left: 6px solid #2a76dd; background: #f3f6fb;
               padding: 0.4em 0.8em; font-size: 0.85em; }
.reveal .box.predict { border-left-color: #e08a00; background: #fdf6ec; }
.reveal .box.note { border-left-color: #5a9f3a; background: #f2f8ef; }
.reveal .box-title { font-weight: bold; margin: 0.2em 0; }
.reveal .live { font-size: 0.6em; color: #555; text-align: center; }
.reveal .animation { font-size: 0.6em; text-align: center; }
.reveal .animation img { height: 430px; width: auto; }
.reveal .animation .anim-controls, .reveal .animation .anim-buttons {
  justify-content: center; }
.reveal mjx-container[display="true"] { margin: 0.4em 0 !important; }
.reveal table { font-size: 0.65em; margin: 0.3em 0; }
.reveal table th, .reveal table td { padding: 0.15em 0.5em; }
.reveal .chapter-label { font-size: 0.7em; color: #666; }
"""

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} (slides)</title>
<link rel="stylesheet" href="vendor/reveal.js/dist/reset.css">
<link rel="stylesheet" href="vendor/reveal.js/dist/reveal.css">
<link rel="stylesheet" href="vendor/reveal.js/dist/theme/white.css">
<link rel="stylesheet" href="{fontawesome}">
<style>{pygments}{css}</style>
<script>
window.MathJax = {{
  tex: {{ inlineMath: [["\\\\(", "\\\\)"]], displayMath: [["\\\\[", "\\\\]"]],
          tags: "ams" }},
  svg: {{ fontCache: "local" }},
  options: {{
    skipHtmlTags: ["script", "noscript", "style", "textarea", "pre", "code"] }},
  startup: {{
    pageReady: () => MathJax.startup.defaultPageReady().then(() => {{
      // the speaker view copies the notes' HTML but not MathJax's style sheet: the
      // text for screen readers next to each formula is hidden inline
      for (const el of document.querySelectorAll("aside.notes mjx-assistive-mml"))
        el.setAttribute("style", "position: absolute; width: 1px; height: 1px; " +
                        "overflow: hidden; clip: rect(1px, 1px, 1px, 1px);");
    }})
  }}
}};
</script>
<script defer src="vendor/mathjax/es5/tex-svg.js"></script>
<script src="vendor/reveal.js/dist/reveal.js"></script>
<script src="vendor/reveal.js/plugin/notes/notes.js"></script>
</head>
<body>
<div class="reveal"><div class="slides">
{slides}
</div></div>
<script>
Reveal.initialize({{
  hash: true, navigationMode: "linear", transition: "none", slideNumber: "c/t",
  width: 1280, height: 760, margin: 0.03, center: false,
  plugins: [RevealNotes]
}});
</script>
</body>
</html>
"""


def slide_html(slide: Slide) -> str:
    classes = {"title": "title", "figure": "figure", "exercise": "exercise"}.get(
        slide.kind, "")
    tag = "h1" if slide.kind == "title" else "h2"
    parts = [f'<section class="{classes}">' if classes else "<section>"]
    if slide.title:
        parts.append(f"<{tag}>{slide.title}</{tag}>")
    parts += slide.body
    if slide.notes:
        parts.append('<aside class="notes">' + "".join(slide.notes) + "</aside>")
    parts.append("</section>")
    return "\n".join(parts)


def deck_html(title: str, slides: list[Slide], label: str) -> str:
    from pygments.formatters import HtmlFormatter

    columns: list[list[Slide]] = []
    for slide in slides:
        if slide.level == 1 or not columns:
            columns.append([])
        columns[-1].append(slide)
    if slides and slides[0].kind == "title" and label:
        slides[0].body.insert(0, f'<p class="chapter-label">{html.escape(label)}</p>')
    sections = []
    for column in columns:
        inner = "\n".join(slide_html(s) for s in column)
        sections.append(inner if len(column) == 1
                        else f"<section>\n{inner}\n</section>")
    return PAGE.format(title=html.escape(title), css=CSS, fontawesome=FONTAWESOME,
                       slides="\n".join(sections),
                       pygments=HtmlFormatter().get_style_defs(".reveal pre.source"))


INDEX = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Neural Networks from the Ground Up: slides</title>
<style>
body {{ font-family: sans-serif; max-width: 50em; margin: 2em auto; padding: 0 1em;
       line-height: 1.5; }}
td {{ padding: 0.2em 0.8em; }} td.n {{ text-align: right; color: #555; }}
</style>
</head>
<body>
<h1>Neural Networks from the Ground Up: slides for class</h1>
<p>One deck per chapter. Arrow keys or space: next slide; Esc: all slides;
S: speaker view with the chapter's text as notes; F: full screen.</p>
<table>
{rows}
</table>
</body>
</html>
"""


# -- the command -----------------------------------------------------------------------


def chapters(root: Path = ROOT, extra: bool = True) -> list[Path]:
    """The chapters with a deck: 00-14, then the playground and What's next."""
    found = sorted((root / "chapters").glob("[0-9][0-9]_*.ipynb"))
    if extra:
        found += [p for p in (root / "chapters" / "playground.ipynb",
                              root / "chapters" / "whats_next.ipynb") if p.exists()]
    return found


def vendor(out: Path, npm_cache: Path) -> None:
    target = out / "vendor"
    if target.exists():
        shutil.rmtree(target)
    size = 0
    for spec, integrity, members in PACKAGES.values():
        tarball = offline.fetch(spec, integrity, npm_cache)
        size += offline.unpack(tarball, members, target)
    print(f"slides: vendored {size / 1e6:.1f} MB (reveal.js, MathJax, Font Awesome) "
          f"into {target}")


def build(paths: list[Path], out: Path, cache_dir: Path) -> list[dict]:
    out.mkdir(parents=True, exist_ok=True)
    made = []
    for number, path in enumerate(paths):
        started = time.perf_counter()
        nb, source = executed(path, cache_dir)
        title, slides = chapter_deck(nb)
        stem = path.stem
        label = (f"Chapter {int(stem[:2])}" if stem[:2].isdigit() else "")
        target = out / f"{stem}.html"
        target.write_text(deck_html(title or stem, slides, label))
        made.append({"file": target.name, "title": title or stem, "label": label,
                     "slides": len(slides)})
        print(f"slides: {target.name}: {len(slides)} slides ({source}, "
              f"{time.perf_counter() - started:.1f} s)", flush=True)
    return made


def write_index(out: Path) -> None:
    manifest = out / "decks.json"
    decks = json.loads(manifest.read_text()) if manifest.exists() else []
    rows = "\n".join(
        f'<tr><td>{html.escape(d["label"])}</td><td><a href="{d["file"]}">'
        f'{html.escape(d["title"])}</a></td>'
        f'<td class="n">{d["slides"]} slides</td></tr>'
        for d in decks)
    (out / "index.html").write_text(INDEX.format(rows=rows))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path,
                        help="chapters to turn into decks (default: all)")
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "slides",
                        help="where the decks land (default _build/slides)")
    parser.add_argument("--cache", type=Path, help=argparse.SUPPRESS,
                        default=ROOT / "_build" / ".jupyter_cache")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    out = args.out.resolve()
    vendor(out, ROOT / "_build" / "npm")
    paths = [p.resolve() for p in args.notebooks] or chapters()
    made = build(paths, out, args.cache.resolve())
    manifest = out / "decks.json"
    old = (json.loads(manifest.read_text())
           if manifest.exists() and args.notebooks else [])
    names = {d["file"] for d in made}
    decks = sorted([d for d in old if d["file"] not in names] + made,
                   key=lambda d: d["file"])
    manifest.write_text(json.dumps(decks, indent=1))
    write_index(out)
    print(f"slides: {len(made)} decks in {out} (open index.html) in "
          f"{time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
