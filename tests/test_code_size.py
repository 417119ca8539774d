"""Issue 14's limits on mlp/: no module over 600 lines, no function over 60, no
private name used across modules.

A function's lines are counted from its ``def`` to its last line, docstring included
(``end_lineno - lineno + 1`` of the ast node); a module's are all its lines. A private
name is one with a leading underscore (``_forward``); private *modules* such as
``_validation`` are fine to import from, their public names are their API.
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


def _private(name):
    return name.startswith("_") and not name.startswith("__")


def _is_module(path, node, name):
    """``from . import _core``: a private module, not a private name."""
    package = path.parent
    for _ in range(node.level - 1):
        package = package.parent
    if node.module:
        package = package.joinpath(*node.module.split("."))
    return (package / f"{name}.py").exists() or (package / name).is_dir()


def test_no_private_name_imported_from_another_module():
    found = []
    for p in _modules():
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                found += [f"{p.relative_to(MLP).as_posix()}:{node.lineno} "
                          f"{node.module}.{a.name}" for a in node.names
                          if _private(a.name) and not _is_module(p, node, a.name)]
    assert not found, f"private names imported from another module: {found}"


def test_no_private_attribute_of_another_object():
    """``obj._name`` only on ``self`` or ``cls``: not another module's private
    function (``network._forward``), nor a matplotlib object's (``ax._frameon``)."""
    found = []
    for p in _modules():
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Attribute) and _private(node.attr)
                    and not (isinstance(node.value, ast.Name)
                             and node.value.id in ("self", "cls"))):
                found.append(f"{p.relative_to(MLP).as_posix()}:{node.lineno} "
                             f"{ast.unparse(node)}")
    assert not found, f"private attributes used from outside: {found}"
