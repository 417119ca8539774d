"""Issue 14's limits on mlp/: no module over 600 lines, no function over 60, no
private name used across modules.

A function's lines are counted from its ``def`` to its last line, docstring included
(``end_lineno - lineno + 1`` of the ast node); a module's are all its lines. A private
name is one with a leading underscore (``_forward``); private *modules* such as
``_validation`` are fine to import from, their public names are their API.
"""

import ast
import re
from pathlib import Path

import pytest

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
            if (n := len(p.read_text(encoding="utf-8").splitlines()))
            > MAX_MODULE_LINES}
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


def _private_uses(tree):
    """Where ``tree`` reaches a private attribute of an object not its own:
    ``obj._name`` (not on ``self``/``cls``), ``getattr``/``setattr``/``hasattr``/
    ``delattr`` with a private name (not on ``self``/``cls``), any ``__dict__``,
    and in a class with a matplotlib base, ``self._name`` read but never assigned
    there, or read or written where the base uses that name (the base's)."""
    imported = {a.asname or a.name: (node.module, a.name) for node in ast.walk(tree)
                if isinstance(node, ast.ImportFrom)
                and (node.module or "").startswith("matplotlib")
                for a in node.names}
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr == "__dict__":
            yield node
        elif (isinstance(node, ast.Attribute) and _private(node.attr)
                and not (isinstance(node.value, ast.Name)
                         and node.value.id in ("self", "cls"))):
            yield node
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id in ("getattr", "setattr", "hasattr", "delattr")
                and len(node.args) > 1 and isinstance(node.args[1], ast.Constant)
                and not (isinstance(node.args[0], ast.Name)
                         and node.args[0].id in ("self", "cls"))
                and isinstance(node.args[1].value, str)
                and _private(node.args[1].value)):
            yield node
        elif isinstance(node, ast.ClassDef) and any(
                isinstance(base, ast.Name) and base.id in imported
                or isinstance(base, ast.Attribute) for base in node.bases):
            bases = [imported[b.id] for b in node.bases
                     if isinstance(b, ast.Name) and b.id in imported]
            yield from _inherited_private(node, _base_source(bases))


def _base_source(bases):
    """The source of the matplotlib classes ``bases`` ((module, name) pairs) and
    every class they derive from: where their own ``self._name`` are."""
    import importlib
    import inspect

    text = []
    for module, name in bases:
        cls = getattr(importlib.import_module(module), name)
        for klass in cls.__mro__:
            if klass.__module__.startswith("matplotlib"):
                text.append(inspect.getsource(klass))
    return "\n".join(text)


def _inherited_private(cls, base_source=""):
    """``self._name`` in ``cls`` that is its base's: read but never assigned in
    ``cls``, or used (read or written) in ``base_source``."""
    own, uses = set(), []
    for node in ast.walk(cls):
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                and node.value.id == "self" and _private(node.attr)):
            uses.append(node)
            if isinstance(node.ctx, ast.Store):
                own.add(node.attr)
        elif isinstance(node, ast.FunctionDef):
            own.add(node.name)
    return [node for node in uses
            if (node.attr not in own and isinstance(node.ctx, ast.Load))
            or re.search(rf"\bself\.{node.attr}\b", base_source)]


def test_no_private_attribute_of_another_object():
    """Private names only of one's own: not another module's private function
    (``network._forward``), nor a matplotlib object's (``ax._frameon``,
    ``getattr(ax, "_frameon")``, a subclass reading its base's ``self._text``)."""
    found = [f"{p.relative_to(MLP).as_posix()}:{node.lineno} {ast.unparse(node)[:60]}"
             for p in _modules()
             for node in _private_uses(ast.parse(p.read_text(encoding="utf-8")))]
    assert not found, f"private attributes used from outside: {found}"


@pytest.mark.parametrize("code", [
    "def f(ax):\n    return ax._frameon",
    "def f(ax):\n    return getattr(ax, '_frameon')",
    "def f(ax):\n    setattr(ax, '_mlp_marker', 1)",
    "def f(ax):\n    ax.__dict__['_x'] = 2",
    "from matplotlib.text import Text\n"
    "class T(Text):\n    def f(self):\n        return self._text",
    "from matplotlib.collections import LineCollection\n"
    "class C(LineCollection):\n    def f(self):\n        self._paths = []",
])
def test_the_private_attribute_rule_sees_each_way_in(code):
    assert list(_private_uses(ast.parse(code)))


def test_the_private_attribute_rule_allows_ones_own():
    code = ("from matplotlib.text import Text\n"
            "class T(Text):\n    def __init__(self):\n        self._mine = 1\n"
            "    def f(self):\n        return self._mine + self._g()\n"
            "    def _g(self):\n        return getattr(self, 'public')")
    assert not list(_private_uses(ast.parse(code)))
