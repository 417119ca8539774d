"""The student edition (tools/edition.py): stubs, no leaks, and it runs.

Fast tests for every chapter (no execution): the student edition is valid, contains
no line of any solution, keeps the exercises and the check cells, and filling the
stubs back with the solutions gives the chapter's code again. Chapter 1's student
edition is executed (each stub, its check, then the solution and the check again);
``MLP_TEST_EDITIONS=all pytest tests/test_edition.py`` executes every chapter's, and
also runs each student edition alone from top to bottom. That the solutions pass their
checks in the chapters themselves is checked by nbval (see chapters/conftest.py).
"""

from __future__ import annotations

import ast
import copy
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import edition  # noqa: E402

from mlp.checks import _core  # noqa: E402

NOTEBOOKS = edition.book_notebooks(ROOT)
CHAPTERS = [p for p in NOTEBOOKS if p.parent.name == "chapters"]
EXECUTE = os.environ.get("MLP_TEST_EDITIONS", "01_acceptance").split(",")


def ids(path):
    return path.stem


def read(path):
    return nbformat.read(path, as_version=4)


# -- small notebooks -----------------------------------------------------------------


def md(text):
    return nbformat.v4.new_markdown_cell(text)


def code(text):
    return nbformat.v4.new_code_cell(text)


def notebook(*cells):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nb.metadata["widgets"] = {"huge": "state"}
    nb.cells = list(cells)
    for k, cell in enumerate(nb.cells):
        cell["id"] = f"c{k}"
    return nb


EXERCISE = """## Exercises

```{exercise} Twice
:label: ex-test-twice

Write `twice(x)`, which returns $2x$, and compute `four = twice(2)`.
```"""
START = "```{solution-start} ex-test-twice\n:class: dropdown\n```"
END = "```{solution-end}\n```"
SOLUTION = '''def twice(x):
    """Two times x."""
    result = 2 * x  # the secret line
    return result

four = twice(2)
print(four)'''


def simple():
    return notebook(code("import numpy as np"), md(EXERCISE), md(START),
                    code(SOLUTION), md(END), code("checks.twice(twice)"),
                    md("## Summary"))


def sources(nb, kind=None):
    return [c.source for c in nb.cells if kind is None or c.cell_type == kind]


def test_stub_keeps_the_signature_and_stubs_the_values():
    stub, names = edition.make_stub(SOLUTION, "ex-test-twice", "Twice")
    assert names == ["twice", "four"]
    assert "def twice(x):" in stub and "four = ..." in stub
    assert ('raise NotImplementedError("fill in twice() (exercise ex-test-twice)")'
            in stub)
    assert "2 * x" not in stub and "Two times" not in stub and "print" not in stub
    assert stub.startswith("# Exercise: Twice (ex-test-twice).")
    assert "run the check cell below" in " ".join(stub.replace("# ", "").split())
    namespace = {}
    exec(stub, namespace)
    assert namespace["four"] is Ellipsis
    with pytest.raises(NotImplementedError, match="ex-test-twice"):
        namespace["twice"](1)


@pytest.mark.parametrize("solution, names", [
    ("a, (b, *c) = 1, (2, 3, 4)", ["a", "b", "c"]),
    ("for k in range(3):\n    total = k", ["total"]),
    ("_hidden = 1\nshown: int = 2", ["shown"]),
    ("import numpy as np\nx = np.ones(2)\nx[0] = 5\nx += 1", ["x"]),
    ("%timeit 1 + 1\ny = 2", ["y"]),
    ("with open(__file__) as f:\n    text = f.read()", ["text"]),
    ("if True:\n    p = 1\nelse:\n    q = 2", ["p", "q"]),
    ("try:\n    r = 1\nexcept Exception:\n    s = 2", ["r", "s"]),
    ("def f(a, *args, b=2, **kw) -> float:\n    return a\n\n@staticmethod\ndef g(): "
     "pass", ["f", "g"]),
    ("class Net:\n    def forward(self, X):\n        return X", ["Net"]),
    ("print('no names')", []),
    ("this is not python", []),
])
def test_stub_names(solution, names):
    stub, found = edition.make_stub(solution, "ex-x", "X", has_check=False)
    assert found == names
    assert "check cell" not in stub
    compile(stub, "<stub>", "exec")


def test_stub_of_a_method_and_of_defaults():
    stub, _ = edition.make_stub(
        "class Net:\n    def forward(self, X, alpha=0.1):\n        return X * alpha",
        "ex-x")
    assert "class Net:" in stub and "def forward(self, X, alpha=0.1):" in stub
    assert "X * alpha" not in stub


def test_student_edition_of_a_small_notebook():
    original = simple()
    student = edition.make_edition(original)
    nbformat.validate(student)
    text = json.dumps(student)
    assert "solution" not in text and "the secret line" not in text
    assert "widgets" not in student.metadata
    stub = [c for c in student.cells if "exercise_stub" in c.metadata]
    assert len(stub) == 1
    assert stub[0].metadata["exercise_stub"] == {"label": "ex-test-twice",
                                                 "defines": ["twice", "four"]}
    assert sources(student)[-2] == "checks.twice(twice)"
    exercise = student.cells[1].source
    assert exercise.startswith("## Exercises\n\n**Exercise: Twice**")
    assert "Write `twice(x)`" in exercise and ":label:" not in exercise
    assert edition.leaks(original, student) == []
    assert original == simple()  # the chapter itself is not changed


def test_markers_in_the_same_cell_as_other_text():
    original = notebook(
        md(EXERCISE + "\n\n" + START + "\n\nSome solution prose."),
        code(SOLUTION),
        md(END + "\n\nText after the solution."),
        code("checks.twice(twice)"))
    student = edition.make_edition(original)
    texts = sources(student)
    assert "Some solution prose." not in "".join(texts)
    assert texts[-2] == "Text after the solution."
    assert "exercise_stub" in student.cells[1].metadata
    ids_ = [c["id"] for c in student.cells]
    assert len(set(ids_)) == len(ids_)


def test_colon_fences_and_longer_fences():
    original = notebook(
        md("::::{exercise} Colons\n:label: ex-c\nDo it.\n::::"),
        md(":::{solution-start} ex-c\n:::"), code("answer = 42"),
        md("````{solution-end}\n````"), code("checks.answer(answer)"))
    student = edition.make_edition(original)
    assert sources(student)[0] == "**Exercise: Colons**\n\nDo it."
    assert "answer = ...\n" in sources(student)[1] + "\n"
    assert "42" not in json.dumps(student)


def test_text_solutions_become_an_answer_cell():
    original = notebook(
        md("```{exercise}\n:label: ex-t\nWhy?\n```\n\n```{solution} ex-t\n:class: "
           "dropdown\nBecause of the secret reason.\n```"),
        md(START.replace("ex-test-twice", "ex-t")), md("Gated prose only."), md(END))
    student = edition.make_edition(original)
    text = json.dumps(student)
    assert "secret reason" not in text and "Gated prose" not in text
    assert text.count("Your answer") == 2
    assert sources(student)[0].startswith("**Exercise**\n\nWhy?")


def test_gated_exercises_keep_their_code():
    original = notebook(
        md("```{exercise-start} Gated\n:label: ex-g\n```"), code("starter = 1"),
        md("```{exercise-end}\n```"),
        md("```{solution-start} ex-g\n```"), code("starter = 2"), md(END))
    student = edition.make_edition(original)
    assert sources(student)[:2] == ["**Exercise: Gated**", "starter = 1"]
    assert "starter = 2" not in json.dumps(student)


@pytest.mark.parametrize("cells, words", [
    ([md(START)], "has no solution-end"),
    ([md(END)], "solution-end without solution-start"),
    ([md(START), md(START)], "solution-start inside"),
    ([md(START), md("```{solution} x\nno\n```")], "a solution inside"),
])
def test_unbalanced_markers_are_errors(cells, words):
    with pytest.raises(edition.EditionError, match=words):
        edition.make_edition(notebook(*cells), where="nb.ipynb")


def test_myst_becomes_plain_markdown():
    original = notebook(md(
        "(ch-x)=\n# Title\n\n```{admonition} Careful\n:class: tip\nLine one.\n\n"
        "Line two.\n```\n\n```{note}\nA note.\n```\n\n```{math}\n:label: eq-x\n"
        "a = b\n```\n\n```{figure} x.png\n```"))
    text = edition.make_edition(original).cells[0].source
    assert text == (
        "# Title\n\n> **Careful**\n>\n> Line one.\n>\n> Line two.\n\n"
        "> **Note**\n>\n> A note.\n\n$$\na = b\n$$\n\n```{figure} x.png\n```")


def test_solutions_edition_keeps_the_solutions():
    solutions = edition.make_edition(simple(), "solutions")
    text = json.dumps(solutions)
    assert "the secret line" in text and "{solution" not in text
    assert "**Solution: Twice**" in text
    with pytest.raises(ValueError, match="edition must be"):
        edition.make_edition(simple(), "teacher")


def test_leaks_are_found():
    original = simple()
    student = edition.make_edition(original)
    student.cells.append(code("result = 2 * x  # the secret line"))
    assert edition.leaks(original, student) == ["result = 2 * x  # the secret line"]
    student.cells.append(md("```{solution-end}\n```"))
    assert "{solution-end}" in edition.leaks(original, student)


def test_solution_lines_skip_public_lines_and_signatures():
    original = simple()
    original.cells.append(code("four = twice(2)"))
    secret = edition.solution_lines(original)
    assert "result = 2 * x  # the secret line" in secret
    assert "four = twice(2)" not in secret  # also outside the solution
    assert "def twice(x):" not in secret
    assert "" not in secret and ")" not in secret


def test_round_trip_of_a_small_notebook():
    original = simple()
    filled = edition.fill_stubs(edition.make_edition(original),
                                edition.solutions_by_label(original))
    assert sources(filled, "code") == sources(original, "code")


def test_write_edition_and_the_command(tmp_path):
    book = tmp_path / "book"
    (book / "chapters" / "images").mkdir(parents=True)
    nbformat.write(simple(), book / "chapters" / "01_x.ipynb")
    nbformat.write(notebook(md("# Play")), book / "playground.ipynb")
    (book / "chapters" / "images" / "a.png").write_bytes(b"png")
    (book / "chapters" / "conftest.py").write_text("x = 1\n")
    (book / "_toc.yml").write_text("format: jb-book\nroot: intro\nchapters:\n"
                                   "  - file: chapters/01_x\n  - file: playground\n")
    out = tmp_path / "out"
    written = edition.write_edition(out, root=book)
    assert [p.relative_to(out).as_posix() for p in written] == [
        "chapters/01_x.ipynb", "playground.ipynb"]
    assert (out / "chapters" / "images" / "a.png").read_bytes() == b"png"
    assert not (out / "chapters" / "conftest.py").exists()
    assert "Student edition" in (out / "README.md").read_text()
    edition.write_edition(out, root=book)  # its own directory: rewritten
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "keep.txt").write_text("mine")
    with pytest.raises(edition.EditionError, match="not written by this script"):
        edition.write_edition(foreign, root=book)
    assert (foreign / "keep.txt").exists()


def test_the_command_line(tmp_path):
    nb_path = tmp_path / "x.ipynb"
    nbformat.write(simple(), nb_path)
    run = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "edition.py"), "--out",
         str(tmp_path / "student"), str(nb_path)],
        capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "1 notebooks, 1 exercise stubs" in run.stdout
    bad = tmp_path / "bad.ipynb"
    nbformat.write(notebook(md(START)), bad)
    run = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "edition.py"), "--out",
         str(tmp_path / "student"), str(bad)],
        capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 1 and "has no solution-end" in run.stderr


# -- every chapter, without executing ------------------------------------------------


@pytest.fixture(params=NOTEBOOKS, ids=ids)
def chapter(request):
    original = read(request.param)
    return request.param, original, edition.make_edition(original,
                                                         where=request.param.name)


def _labels(nb, name):
    return [p.options.get("label") if name.startswith("exercise") else p.arg.strip()
            for c in nb.cells if c.cell_type == "markdown"
            for p in edition.split_directives(c.source)
            if isinstance(p, edition.Directive) and p.name == name]


def test_student_edition_is_valid_and_clean(chapter):
    path, original, student = chapter
    nbformat.validate(student)
    for cell in student.cells:
        assert not cell.get("outputs") and not cell.get("execution_count")
    assert edition.leaks(original, student) == []
    assert not re.search(r"\{solution", json.dumps(student))


def test_every_exercise_has_a_stub_and_keeps_its_text(chapter):
    path, original, student = chapter
    stubs = [c.metadata["exercise_stub"]["label"] for c in student.cells
             if "exercise_stub" in c.metadata]
    gated = _labels(original, "solution-start")
    solutions = edition.solutions_by_label(original)
    assert stubs == [label for label in gated if solutions[label]]
    text = "\n".join(sources(student, "markdown"))
    for cell in original.cells:
        for piece in (edition.split_directives(cell.source)
                      if cell.cell_type == "markdown" else []):
            if isinstance(piece, edition.Directive) and piece.name == "exercise":
                assert piece.body in text


def test_check_cells_are_kept_after_their_stub(chapter):
    path, original, student = chapter
    checks_before = [c.source for c in original.cells if edition.is_check_cell(c)]
    checks_after = [c.source for c in student.cells if edition.is_check_cell(c)]
    assert checks_before == checks_after
    solutions = edition.solutions_by_label(original)
    for k, cell in enumerate(student.cells[:-1]):
        stub = cell.metadata.get("exercise_stub")
        if stub and edition.is_check_cell(student.cells[k + 1]):
            used, _ = _loads_and_stores(student.cells[k + 1].source)
            _, stored = _loads_and_stores("\n".join(solutions[stub["label"]]))
            missing = set(used) & set(stored) - set(stub["defines"])
            assert not missing, f"the check uses {missing}, which the stub lacks"


def _loads_and_stores(source):
    tree = edition._parse(source)
    if tree is None:
        return {}, {}
    loads, stores = {}, {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            target = loads if isinstance(node.ctx, ast.Load) else stores
            target.setdefault(node.id, node.lineno)
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            stores.setdefault(node.name, node.lineno)
    return loads, stores


def test_later_cells_do_not_use_the_answers(chapter):
    """A cell after an exercise that uses its answer stops the student edition at a
    stub: the chapter must not need the student's solution to go on."""
    path, original, student = chapter
    answers: dict[str, str] = {}
    problems = []
    for k, cell in enumerate(student.cells):
        if cell.cell_type != "code":
            continue
        stub = cell.metadata.get("exercise_stub")
        if stub:
            answers.update({name: stub["label"] for name in stub["defines"]})
            continue
        loads, stores = _loads_and_stores(cell.source)
        if not edition.is_check_cell(cell):
            for name, line in loads.items():
                if name in answers and stores.get(name, line + 1) >= line:
                    problems.append(f"cell {k} uses `{name}` of {answers[name]}")
        for name in stores:
            answers.pop(name, None)
    assert not problems, f"{path.name}: " + "; ".join(problems)


def test_filling_the_stubs_gives_the_chapter_back(chapter):
    path, original, student = chapter
    filled = edition.fill_stubs(student, edition.solutions_by_label(original))
    assert sources(filled, "code") == sources(original, "code")


def test_the_whole_book_edition(tmp_path):
    written = edition.write_edition(tmp_path / "student", root=ROOT)
    assert len(written) == len(NOTEBOOKS)
    for path in written:
        nbformat.validate(read(path))


# -- executing student editions ------------------------------------------------------


def interleaved(original):
    """The student edition with, after each stub's check cell, the solution and the
    check again: the checks must say "not yet done" first and "right" after."""
    student = edition.make_edition(original)
    solutions = edition.solutions_by_label(original)
    cells, pending = [], []
    for cell in student.cells:
        stub = "exercise_stub" in cell.metadata
        if cell.cell_type == "code" and pending and not stub:
            is_check = edition.is_check_cell(cell)
            if is_check:
                cell.metadata["phase"] = "todo"
                cells.append(cell)
            cells += [code(source) for label in pending for source in solutions[label]]
            pending = []
            if not is_check:
                cells.append(cell)
                continue
            again = copy.deepcopy(cell)
            again.metadata["phase"] = "pass"
            cells.append(again)
            continue
        cells.append(cell)
        if "exercise_stub" in cell.metadata:
            pending.append(cell.metadata["exercise_stub"]["label"])
    cells += [code(source) for label in pending for source in solutions[label]]
    nb = copy.deepcopy(student)
    nb.cells = cells
    for k, cell in enumerate(nb.cells):
        cell["id"] = f"run-{k}"
    return nb


def execute(nb, path, monkeypatch):
    from nbclient import NotebookClient

    monkeypatch.setenv("MPLBACKEND", "Agg")  # no figures to render: faster
    monkeypatch.delenv("MLP_CHECKS_STRICT", raising=False)
    NotebookClient(nb, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return nb


def printed(cell):
    return "".join(o.get("text", "") for o in cell.get("outputs", [])
                   if o.get("output_type") == "stream").splitlines()


def _selected(path):
    return "all" in EXECUTE or path.stem in EXECUTE


@pytest.mark.parametrize("path", CHAPTERS, ids=ids)
def test_student_edition_runs_stub_then_solution(path, monkeypatch):
    if not _selected(path):
        pytest.skip("set MLP_TEST_EDITIONS=all to execute every chapter's edition")
    nb = execute(interleaved(read(path)), path, monkeypatch)
    phases = [c for c in nb.cells if c.metadata.get("phase")]
    for cell in phases:
        lines = printed(cell)
        mark = _core.TODO if cell.metadata["phase"] == "todo" else _core.PASS
        assert lines and all(line.startswith(mark) for line in lines), (
            f"{path.name}: {cell.source!r} printed {lines}")
        errors = [o for o in cell.outputs if o.get("output_type") == "error"
                  or o.get("name") == "stderr"]
        assert not errors


@pytest.mark.parametrize("path", CHAPTERS, ids=ids)
def test_student_edition_runs_alone_to_the_end(path, monkeypatch):
    if "all" not in EXECUTE:
        pytest.skip("set MLP_TEST_EDITIONS=all to run every student edition alone")
    nb = execute(edition.make_edition(read(path)), path, monkeypatch)
    for cell in nb.cells:
        if edition.is_check_cell(cell):
            lines = printed(cell)
            assert lines and all(line.startswith(_core.TODO) for line in lines), lines


# -- the book without solutions ------------------------------------------------------

import book_without_solutions as nosolutions  # noqa: E402


def _sphinx_book(tmp_path):
    """A one-page Sphinx project: a notebook with stored outputs, not executed."""
    source = tmp_path / "src"
    source.mkdir()
    solution = code(SOLUTION)
    solution.outputs = [nbformat.v4.new_output("stream", text="4 (solution output)\n")]
    check = code("checks.twice(twice)")
    check.outputs = [nbformat.v4.new_output("stream", text="OK from the check\n")]
    after = code("print('later')")
    after.outputs = [nbformat.v4.new_output("stream", text="a later output\n")]
    nbformat.write(notebook(md("# Page\n\n" + EXERCISE), md(START), solution,
                            md("Solution prose, never shown.\n\n" + END), check,
                            after), source / "page.ipynb")
    (source / "index.md").write_text("# Home\n\n```{toctree}\npage\n```\n")
    (source / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT / 'tools')!r})\n"
        "extensions = ['myst_nb', 'book_without_solutions']\n"
        "nb_execution_mode = 'off'\nexclude_patterns = ['_build']\n"
        "hide_solutions = True\n")
    return source


def _build(source, out, *options):
    run = subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-W", "-q",
                          *options, str(source), str(out)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return (out / "page.html").read_text()


def test_hide_solutions_removes_gated_solutions(tmp_path):
    hidden = _build(_sphinx_book(tmp_path), tmp_path / "hidden")
    assert "Write <code" in hidden and "checks" in hidden and "a later output" in hidden
    for secret in ("the secret line", "never shown", "solution output", "OK from"):
        assert secret not in hidden
    assert "solution" not in hidden.lower()
    secrets = {"result = 2 * x  # the secret line"}
    assert nosolutions.leaked(tmp_path / "hidden", secrets) == {}
    (tmp_path / "hidden" / "leak.html").write_text(
        '<pre><span class="n">result</span> <span class="o">=</span> 2 * x  '
        '<span class="c1"># the secret line</span>\n</pre>')
    (tmp_path / "hidden" / "_sources").mkdir()
    (tmp_path / "hidden" / "_sources" / "page.ipynb.txt").write_text("{}")
    assert nosolutions.leaked(tmp_path / "hidden", secrets) == {
        "_sources/page.ipynb.txt": ["(a copy of a source notebook)"],
        "leak.html": sorted(secrets)}


def test_config_without_solutions():
    config = nosolutions.config_without_solutions(ROOT)
    assert config["sphinx"]["config"]["hide_solutions"] is True
    for path in config["sphinx"]["local_extensions"].values():
        assert Path(path).is_absolute() and Path(path).is_dir()
    assert "book_without_solutions" in config["sphinx"]["local_extensions"]
    assert not config["launch_buttons"]["colab_url"]
    assert config["html"]["use_repository_button"] is False


def test_book_secrets_are_solution_lines():
    secrets = nosolutions.book_secrets(ROOT)
    first = edition.solutions_by_label(read(CHAPTERS[0]))
    body = [line.strip() for sources_ in first.values() for src in sources_
            for line in src.split("\n") if "return" in line]
    assert body and set(body) <= secrets


def test_book_secrets_leave_out_the_package_source():
    secrets = nosolutions.book_secrets(ROOT)
    for module in (ROOT / "mlp").rglob("*.py"):
        assert not secrets & {line.strip() for line in module.read_text().split("\n")}
