"""Write the student edition (or the solutions edition) of the course's notebooks.

    python tools/edition.py --out _build/student
    python tools/edition.py --edition solutions --out _build/solutions

The chapters hold each exercise's solution between the sphinx-exercise markers
``{solution-start} <label>`` and ``{solution-end}``. The **student edition** replaces
every such solution by a stub cell to fill in: a comment naming the exercise, then the
solution's functions with their signature kept and the body
``raise NotImplementedError(...)``, and its values as ``name = ...``. The check cell
after it then reports "not yet done" until the student fills the stub in. The
solution's code, its prose and the markers are gone; outputs are stripped; the
``{exercise}`` boxes, admonitions and math blocks become plain Markdown that any Jupyter
shows well, and MyST's ``(label)=`` targets go.

The **solutions edition** keeps the solutions, as plain Markdown headings instead of
the markers: the chapters as an instructor hands them out after class.

Every notebook of ``chapters/`` and every notebook in ``_toc.yml`` is written, at the
same relative path under ``--out``, with the other files of ``chapters/`` (images;
not its Python files, such as the conftest.py of the tests).
After writing a student notebook the script checks that no line of any solution is
left in it, and stops with an error if one is.
"""

from __future__ import annotations

import argparse
import ast
import copy
import json
import re
import shutil
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
MARKER_FILE = ".edition"

_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|:{3,})\{(?P<name>[\w-]+)\}"
                   r"[ \t]*(?P<arg>.*?)[ \t]*$")
_OPTION = re.compile(r"^:(?P<key>[\w-]+):[ \t]*(?P<value>.*)$")
_CHECK_CALL = re.compile(r"\bchecks\.\w+\s*\(")
_ID_CHARS = re.compile(r"[^A-Za-z0-9_-]")

SOLUTION_DIRECTIVES = ("solution", "solution-start", "solution-end")


class EditionError(ValueError):
    """A notebook whose solution markers do not pair up, or a solution that leaked."""


# -- reading MyST directives in a Markdown cell ----------------------------------------


@dataclass
class Directive:
    name: str
    arg: str
    options: dict
    body: str
    raw: str


def split_directives(text: str) -> list[str | Directive]:
    """The text of a Markdown cell as plain-text pieces and top-level directives."""
    lines = text.split("\n")
    pieces: list[str | Directive] = []
    plain: list[str] = []
    i = 0
    while i < len(lines):
        match = _OPEN.match(lines[i])
        if not match:
            plain.append(lines[i])
            i += 1
            continue
        fence = match["fence"]
        close = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        j = i + 1
        while j < len(lines) and not close.match(lines[j]):
            j += 1
        body_lines = lines[i + 1:j]
        options = {}
        while body_lines and _OPTION.match(body_lines[0].strip()):
            option = _OPTION.match(body_lines[0].strip())
            options[option["key"]] = option["value"]
            body_lines = body_lines[1:]
        if plain:
            pieces.append("\n".join(plain))
            plain = []
        pieces.append(Directive(match["name"], match["arg"], options,
                                "\n".join(body_lines).strip("\n"),
                                "\n".join(lines[i:j + 1])))
        i = j + 1
    if plain:
        pieces.append("\n".join(plain))
    return pieces


def exercise_titles(nb) -> dict[str, str]:
    """``{label: title}`` of every exercise in the notebook."""
    titles = {}
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for piece in split_directives(cell.source):
            if isinstance(piece, Directive) and piece.name in ("exercise",
                                                               "exercise-start"):
                label = piece.options.get("label")
                if label:
                    titles[label] = piece.arg
    return titles


ADMONITIONS = ("note", "tip", "hint", "important", "warning", "caution", "attention",
                "danger", "error", "seealso")
_TARGET = re.compile(r"^\([\w.:-]+\)=[ \t]*$", re.M)


def plain_markdown(text: str) -> str:
    """Markdown without MyST's targets ``(label)=``, which Jupyter shows as text."""
    return _TARGET.sub("", text)


def _plain_directive(piece: Directive) -> str:
    """An admonition as a quote and a math block as ``$$``, which any Jupyter shows;
    other directives as they are."""
    if piece.name == "admonition" or piece.name in ADMONITIONS:
        title = piece.arg if piece.name == "admonition" else piece.name.capitalize()
        lines = [f"**{title}**", ""] + piece.body.split("\n")
        return "\n".join(("> " + line).rstrip() for line in lines)
    if piece.name == "math":
        return f"$$\n{piece.body}\n$$"
    return piece.raw


def _exercise_markdown(piece: Directive) -> str:
    title = f"**Exercise: {piece.arg}**" if piece.arg else "**Exercise**"
    return f"{title}\n\n{piece.body}".strip() if piece.name == "exercise" else title


# -- stubs -----------------------------------------------------------------------------


def _parse(code: str):
    lines = [
        line[:len(line) - len(line.lstrip())] + "pass  # " + line.lstrip()
        if line.lstrip().startswith(("%", "!")) else line
        for line in code.split("\n")
    ]
    try:
        return ast.parse("\n".join(lines))
    except SyntaxError:
        return None


def _target_names(target) -> list[str]:
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, (ast.Tuple, ast.List)):
        return [n for elt in target.elts for n in _target_names(elt)]
    if isinstance(target, ast.Starred):
        return _target_names(target.value)
    return []


def defined_names(code: str) -> tuple[list, list[str]]:
    """The functions/classes (ast nodes) and the variable names that ``code`` defines
    at the top level (also inside if/for/with/try, never inside a function)."""
    tree = _parse(code)
    if tree is None:
        return [], []
    defs: dict[str, ast.AST] = {}
    values: list[str] = []

    def visit(body):
        for node in body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                defs.setdefault(node.name, node)
            elif isinstance(node, ast.Assign):
                for target in node.targets:
                    values.extend(_target_names(target))
            elif isinstance(node, ast.AnnAssign) and node.value is not None:
                values.extend(_target_names(node.target))
            for child in ("body", "orelse", "finalbody"):
                if isinstance(node, (ast.If, ast.For, ast.AsyncFor, ast.While, ast.With,
                                     ast.AsyncWith, ast.Try)) and hasattr(node, child):
                    visit(getattr(node, child))
            if isinstance(node, ast.Try):
                for handler in node.handlers:
                    visit(handler.body)

    visit(tree.body)
    seen = set(defs)
    names = []
    for name in values:
        if name not in seen and not name.startswith("_"):
            seen.add(name)
            names.append(name)
    return [n for n in defs.values() if not n.name.startswith("_")], names


def _def_stub(node, label, indent="") -> list[str]:
    if isinstance(node, ast.ClassDef):
        header = copy.copy(node)
        header.decorator_list, header.body = [], [ast.Pass()]
        lines = [indent + ast.unparse(header).split("\n")[0]]
        methods = [n for n in node.body
                   if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
        for method in methods:
            lines += _def_stub(method, label, indent + "    ")
        return lines if methods else lines + [indent + "    pass  # your code here"]
    header = copy.copy(node)
    header.decorator_list, header.body = [], [ast.Pass()]
    signature = ast.unparse(header).split("\n")[0]
    message = f"fill in {node.name}() (exercise {label})"
    return [indent + signature,
            indent + "    # your code here",
            indent + f"    raise NotImplementedError({json.dumps(message)})"]


def _join_names(names: list[str]) -> str:
    quoted = [f"`{n}`" for n in names]
    if len(quoted) <= 2:
        return " and ".join(quoted)
    return ", ".join(quoted[:-1]) + " and " + quoted[-1]


def make_stub(code: str, label: str, title: str = "", has_check: bool = True):
    """The stub cell's source for a solution's ``code``, and the names it defines."""
    defs, values = defined_names(code)
    names = [d.name for d in defs] + values
    then = ", then run the check cell below." if has_check else "."
    heading = f"# Exercise: {title} ({label})." if title else f"# Exercise {label}."
    if defs and values:
        task = (f"# Write {_join_names([d.name for d in defs])} and compute "
                f"{_join_names(values)} (replace each `...`){then}")
    elif defs:
        task = f"# Write {_join_names([d.name for d in defs])}{then}"
    elif values:
        task = (f"# Compute {_join_names(values)}: replace each `...` with your "
                f"code{then}")
    else:
        task = f"# Write your code here{then}"
    lines = [heading] + textwrap.wrap(task[2:], 86, initial_indent="# ",
                                      subsequent_indent="# ")
    for node in defs:
        lines += [""] + _def_stub(node, label)
    if values:
        lines.append("")
        lines += [f"{name} = ..." for name in values]
    source = "\n".join(lines)
    compile(source, f"<stub {label}>", "exec")
    return source, names


# -- the editions ----------------------------------------------------------------------


@dataclass
class _Solution:
    label: str
    cell_index: int
    code: list[str] = field(default_factory=list)


def _clean(cell):
    cell = copy.deepcopy(cell)
    if cell.cell_type == "code":
        cell.outputs = []
        cell.execution_count = None
    cell.metadata.pop("execution", None)
    return cell


def _cell_id(text: str) -> str:
    return _ID_CHARS.sub("-", text)[:64] or "cell"


def is_check_cell(cell) -> bool:
    return cell.cell_type == "code" and bool(_CHECK_CALL.search(cell.source))


_ANSWER = "**Your answer:** _(double-click to write it here)_"


def make_edition(nb, edition: str = "student", where: str = "notebook"):
    """The ``edition`` ("student" or "solutions") of notebook ``nb`` (not changed)."""
    if edition not in ("student", "solutions"):
        raise ValueError(f"edition must be 'student' or 'solutions', not {edition!r}")
    return _EditionWriter(nb, edition, where).write()


def _empty_like(nb):
    """A new notebook with ``nb``'s kernel and language (no other metadata)."""
    out = nbformat.v4.new_notebook()
    out.metadata = {k: copy.deepcopy(v) for k, v in nb.metadata.items()
                    if k in ("kernelspec", "language_info")}
    out.nbformat, out.nbformat_minor = 4, max(nb.get("nbformat_minor", 5), 5)
    return out


def _solution_heading(title: str) -> str:
    """A solution's heading in the solutions edition (its exercise's title)."""
    return f"**Solution{': ' + title if title else ''}**"


class _EditionWriter:
    """One notebook's edition, written cell by cell.

    It reads the original's cells in order and keeps track of the solution it is in
    (``solution``, None outside one): a code cell inside a solution is collected for
    the stub (and kept in the solutions edition); a Markdown cell is read piece by
    piece (text, directives), and what it keeps is written as one Markdown cell, or
    several when a stub cell comes in the middle of it.
    """

    def __init__(self, nb, edition: str, where: str):
        self.nb, self.where = nb, where
        self.student = edition == "student"  # else the solutions edition
        self.titles = exercise_titles(nb)
        self.out = _empty_like(nb)
        self.used_ids: set[str] = set()
        self.solution: _Solution | None = None
        # the Markdown cell being read: the text kept since the last cell written
        # from it, and how many cells were written from it
        self.kept: list[str] = []
        self.part = 0

    def write(self):
        """The edition: every cell read, the markers checked to pair up."""
        for index, cell in enumerate(self.nb.cells):
            cell_id = cell.get("id") or f"cell-{index}"
            if cell.cell_type == "markdown":
                self.markdown_cell(cell, index, cell_id)
            else:
                self.other_cell(cell, cell_id)
        if self.solution is not None:
            raise EditionError(f"{self.where}: the solution of {self.solution.label} "
                               f"(cell {self.solution.cell_index}) has no solution-end")
        nbformat.validate(self.out)
        return self.out

    def add(self, cell, cell_id: str):
        """Append ``cell`` to the edition, with ``cell_id`` made valid and unique."""
        cell_id = _cell_id(cell_id)
        base, k = cell_id, 1
        while cell_id in self.used_ids:
            k += 1
            cell_id = _cell_id(f"{base[:60]}-{k}")
        self.used_ids.add(cell_id)
        cell["id"] = cell_id
        self.out.cells.append(cell)

    def other_cell(self, cell, cell_id: str):
        """A code (or raw) cell: a solution's code goes to its stub (and stays in the
        solutions edition); a raw cell inside a solution goes; any other is kept."""
        if self.solution is None:
            self.add(_clean(cell), cell_id)
        elif cell.cell_type == "code":
            self.solution.code.append(cell.source)
            if not self.student:
                self.add(_clean(cell), cell_id)

    def markdown_cell(self, cell, index: int, cell_id: str):
        """A Markdown cell, piece by piece: its text (not a solution's, in the student
        edition) and its directives, as plain Markdown."""
        self.kept, self.part = [], 0
        for piece in split_directives(cell.source):
            if isinstance(piece, Directive):
                self.directive(piece, cell, index, cell_id)
            elif self.solution is None or not self.student:
                self.kept.append(plain_markdown(piece))
        self.flush(cell, cell_id)

    def flush(self, cell, cell_id: str):
        """Write the Markdown kept so far from ``cell`` as a cell of its own (the
        first keeps the cell's id, the next ones get ``-1``, ``-2``...)."""
        text = "\n".join(self.kept).strip("\n")
        if text.strip():
            md = _clean(cell)
            md.source = text
            self.add(md, cell_id if self.part == 0 else f"{cell_id}-{self.part}")
            self.part += 1
        self.kept = []

    def directive(self, piece: Directive, cell, index: int, cell_id: str):
        """A directive of a Markdown cell: the solution markers open and close a
        solution, an exercise box and an admonition become plain Markdown."""
        if piece.name == "solution-start":
            self.solution_start(piece, index)
        elif piece.name == "solution-end":
            self.solution_end(cell, index, cell_id)
        elif piece.name == "solution":
            self.solution_box(piece, index)
        elif self.solution is not None and self.student:
            return  # any other directive inside a solution is solution prose
        elif piece.name in ("exercise", "exercise-start"):
            self.kept.append(_exercise_markdown(piece))
        elif piece.name != "exercise-end":
            self.kept.append(_plain_directive(piece))

    def solution_start(self, piece: Directive, index: int):
        """``{solution-start} label``: a solution begins (a heading in the solutions
        edition)."""
        if self.solution is not None:
            raise EditionError(f"{self.where}, cell {index}: solution-start inside "
                               f"the solution of {self.solution.label}")
        label = piece.arg.strip()
        self.solution = _Solution(label, index)
        if not self.student:
            self.kept.append(_solution_heading(self.titles.get(label, "")))

    def solution_end(self, cell, index: int, cell_id: str):
        """``{solution-end}``: in the student edition, the text before it is written,
        then the solution's stub."""
        if self.solution is None:
            raise EditionError(f"{self.where}, cell {index}: solution-end without "
                               "solution-start")
        if self.student:
            self.flush(cell, cell_id)
            for new, new_id in self.stub_cells(self.solution, index):
                self.add(new, new_id)
        self.solution = None

    def solution_box(self, piece: Directive, index: int):
        """A ``{solution}`` box (a solution in words): an answer line in the student
        edition, the solution under a heading in the solutions edition."""
        if self.solution is not None:
            raise EditionError(f"{self.where}, cell {index}: a solution inside the "
                               f"solution of {self.solution.label}")
        if self.student:
            self.kept.append(_ANSWER)
        else:
            title = self.titles.get(piece.arg.strip(), "")
            self.kept.append(f"{_solution_heading(title)}\n\n{piece.body}")

    def stub_cells(self, solution: _Solution, after: int):
        """The cells, with their ids, that replace ``solution`` (whose end marker is
        in cell ``after``) in the student edition: a code stub to fill in, or an
        answer cell when the solution has no code."""
        cells = self.nb.cells
        nxt = cells[after + 1] if after + 1 < len(cells) else None
        has_check = nxt is not None and is_check_cell(nxt)
        title = self.titles.get(solution.label, "")
        if not solution.code:
            return [(nbformat.v4.new_markdown_cell(_ANSWER),
                     f"answer-{solution.label}")]
        source, names = make_stub("\n\n".join(solution.code), solution.label, title,
                                  has_check)
        cell = nbformat.v4.new_code_cell(source)
        cell.metadata["exercise_stub"] = {"label": solution.label, "defines": names}
        return [(cell, f"stub-{solution.label}")]


# -- what must never leak --------------------------------------------------------------


def _is_markup(line: str) -> bool:
    return line.startswith(("```", ":::")) or bool(_OPTION.match(line))


def solution_lines(nb) -> set[str]:
    """Every line of every solution in ``nb`` (stripped) that must not appear in the
    student edition: not the signatures the stubs keep, not lines that also appear
    outside the solutions, not lines of punctuation only."""
    secret: set[str] = set()
    public: set[str] = set()
    state = False
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            target = secret if state else public
            for line in cell.source.split("\n"):
                target.add(line.strip())
            continue
        for piece in split_directives(cell.source):
            if isinstance(piece, str):
                target = secret if state else public
                target.update(line.strip() for line in piece.split("\n"))
                continue
            if piece.name == "solution-start":
                state = True
            elif piece.name == "solution-end":
                state = False
            elif piece.name == "solution" or state:
                secret.update(line.strip() for line in piece.body.split("\n"))
            else:
                public.update(line.strip() for line in piece.raw.split("\n"))
    return {
        line for line in secret - public
        if sum(c.isalnum() for c in line) >= 2
        and not _is_markup(line)
        and not line.startswith(("def ", "async def ", "class "))
    }


def leaks(original, student) -> list[str]:
    """The solution lines of ``original`` (and marker names) found in ``student``."""
    secret = solution_lines(original)
    found = []
    for cell in student.cells:
        for line in cell.source.split("\n"):
            if line.strip() in secret:
                found.append(line.strip())
        for marker in SOLUTION_DIRECTIVES:
            if "{" + marker + "}" in cell.source:
                found.append("{" + marker + "}")
    return found


def solutions_by_label(nb) -> dict[str, list[str]]:
    """``{label: [source of each solution code cell]}`` of a chapter."""
    found: dict[str, list[str]] = {}
    label = None
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for piece in split_directives(cell.source):
                if isinstance(piece, Directive) and piece.name == "solution-start":
                    label = piece.arg.strip()
                    found[label] = []
                elif isinstance(piece, Directive) and piece.name == "solution-end":
                    label = None
        elif cell.cell_type == "code" and label is not None:
            found[label].append(cell.source)
    return found


def fill_stubs(student, solutions: dict[str, list[str]]):
    """A copy of a student notebook with each stub replaced by its solution's cells
    (the round trip: this runs like the chapter itself)."""
    filled = copy.deepcopy(student)
    cells = []
    for cell in filled.cells:
        stub = cell.get("metadata", {}).get("exercise_stub")
        if stub is None:
            cells.append(cell)
            continue
        for k, source in enumerate(solutions[stub["label"]]):
            new = nbformat.v4.new_code_cell(source)
            new["id"] = _cell_id(f"{cell['id']}-solution-{k}")
            cells.append(new)
    filled.cells = cells
    return filled


# -- the command -----------------------------------------------------------------------


def book_notebooks(root: Path = ROOT) -> list[Path]:
    """Every notebook in ``_toc.yml`` (in its order), then any other notebook of
    ``chapters/``."""
    found: list[Path] = []
    toc = root / "_toc.yml"
    if toc.exists():
        import yaml

        def walk(node):
            if isinstance(node, dict):
                for key, value in node.items():
                    if key in ("file", "root") and isinstance(value, str):
                        path = root / (value if value.endswith(".ipynb")
                                       else value + ".ipynb")
                        if path.exists() and path not in found:
                            found.append(path)
                    walk(value)
            elif isinstance(node, list):
                for item in node:
                    walk(item)

        walk(yaml.safe_load(toc.read_text()) or {})
    for path in sorted((root / "chapters").glob("*.ipynb")):
        if path not in found:
            found.append(path)
    return found


def _prepare_out(out: Path):
    if out.exists() and any(out.iterdir()):
        if not (out / MARKER_FILE).exists():
            raise EditionError(f"{out} exists and was not written by this script: "
                               "choose an empty or new directory")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER_FILE).write_text("written by tools/edition.py; safe to delete\n")


_README = """# {title}

The notebooks of *Neural Networks from the Ground Up*{what}.

Install the course package once (from the course repository: `pip install -e .`, or
`pip install -r requirements.txt`), then open a notebook in Jupyter and run it from the
top. {how}
"""

_HOW = {
    "student": "Each exercise has a cell to fill in: replace `...` and `raise "
               "NotImplementedError(...)` with your code, run the cell, then run the "
               "check cell below it. The check prints one line: a pencil while the "
               "exercise is not yet done, a cross and a hint while it is wrong, a tick "
               "when it is right.",
    "solutions": "Each exercise is followed by its solution and its check.",
}


def write_edition(out: Path, edition: str = "student", notebooks=None,
                  root: Path = ROOT) -> list[Path]:
    """Write the edition of every notebook into ``out``; returns the paths written."""
    out = Path(out)
    notebooks = [Path(p).resolve() for p in (notebooks or book_notebooks(root))]
    _prepare_out(out)
    written = []
    for path in notebooks:
        try:
            rel = path.relative_to(root)
        except ValueError:
            rel = Path(path.name)
        nb = nbformat.read(path, as_version=4)
        result = make_edition(nb, edition, where=str(rel))
        if edition == "student":
            leaked = leaks(nb, result)
            if leaked:
                raise EditionError(f"{rel}: the student edition would contain solution "
                                   f"lines: {leaked[:3]}")
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(result, target)
        written.append(target)
    chapters = root / "chapters"
    if chapters.is_dir():
        for asset in chapters.rglob("*"):
            parts = set(asset.relative_to(chapters).parts)
            skipped = asset.suffix in (".ipynb", ".py", ".pyc") or parts & {
                ".ipynb_checkpoints", "__pycache__", "_build"}
            if asset.is_file() and not skipped:
                target = out / asset.relative_to(root)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(asset, target)
    title = {"student": "Student edition", "solutions": "Solutions"}[edition]
    what = (": fill in the exercises" if edition == "student"
            else ", with the solutions of every exercise")
    (out / "README.md").write_text(_README.format(title=title, what=what,
                                                  how=_HOW[edition]))
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="*",
                        help="notebooks to convert (default: the whole book)")
    parser.add_argument("--edition", choices=("student", "solutions"),
                        default="student")
    parser.add_argument("--out", type=Path, default=None,
                        help="output directory (default: _build/<edition>)")
    args = parser.parse_args(argv)
    out = args.out or ROOT / "_build" / args.edition
    try:
        written = write_edition(out, args.edition, args.notebooks or None)
    except (EditionError, nbformat.ValidationError, json.JSONDecodeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    exercises = sum(
        1 for path in written for cell in nbformat.read(path, as_version=4).cells
        if "exercise_stub" in cell.get("metadata", {})
    )
    extra = f", {exercises} exercise stubs" if args.edition == "student" else ""
    print(f"wrote the {args.edition} edition: {len(written)} notebooks{extra} in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
