"""Issue 14's size limits on mlp/: no module over 600 lines, no function over 60.

A function's lines are counted from its ``def`` to its last line, docstring included
(``end_lineno - lineno + 1`` of the ast node); a module's are all its lines.
"""

import ast
from pathlib import Path

MLP = Path(__file__).resolve().parent.parent / "mlp"
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 60


def _modules():
    return sorted(MLP.rglob("*.py"))


def test_the_limits_see_every_module():
    names = {p.relative_to(MLP).as_posix() for p in _modules()}
    assert {"training.py", "widgets/playground/core.py"} <= names


def test_no_module_over_600_lines():
    long = {p.relative_to(MLP).as_posix(): n for p in _modules()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert not long, f"modules over {MAX_MODULE_LINES} lines: {long}"


def test_no_function_over_60_lines():
    long = {}
    for p in _modules():
        tree = ast.parse(p.read_text(encoding="utf-8"), filename=str(p))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                n = node.end_lineno - node.lineno + 1
                if n > MAX_FUNCTION_LINES:
                    long[f"{p.relative_to(MLP).as_posix()}:{node.name}"] = n
    assert not long, (f"functions over {MAX_FUNCTION_LINES} lines (def to last line, "
                      f"docstring included): {long}")
