"""The machinery behind every exercise check.

A check compares a student's answer (a function or a value) with the `mlp` reference on
several seeded inputs and prints exactly one line of feedback. It never raises on a
wrong answer: a stub (``...``, ``None``, ``raise NotImplementedError``), an exception
inside the student's function, a wrong type or shape, NaN or inf, a known typical
mistake and a plain wrong value each get their own message. It returns a
:class:`CheckResult` (true when the answer is right) that shows nothing in a notebook,
so the printed line is the only output.

Writing a checker (one per exercise, in ``mlp/checks/<topic>.py``)::

    def score(student):
        return check_function(
            "score", student, reference, seeded_inputs(1, make_input),
            mistakes=[Mistake(lambda x1, x2, w1, w2, b: w1 * x1 + w2 * x2,
                              "the bias b is missing: ...")])

Every public function of a ``mlp.checks`` submodule that goes through
:func:`check_function` or :func:`check_value` is found by :func:`all_checkers`, and
:func:`specs` reads its reference, inputs and mistakes without judging anything (see
:func:`capture`): the tests use them to run every checker against its own reference,
its own mistakes and a list of bad answers, including checkers added later.

Setting the environment variable ``MLP_CHECKS_STRICT=1`` makes a check that does not
pass raise ``AssertionError`` after printing its line (for a build or a test run of
the chapters with their solutions).
"""

from __future__ import annotations

import ast
import collections.abc
import contextlib
import copy
import importlib
import inspect
import io
import os
import pkgutil
import signal
import sys
import textwrap
import threading
import traceback
import types
import warnings
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

import numpy as np

PASS = "\u2714"  # heavy check mark
FAIL = "\u2718"  # heavy ballot x
TODO = "\u270e"  # pencil
MARKS = {"pass": PASS, "fail": FAIL, "todo": TODO}

#: Seconds one call of a student's function may take before the check gives up.
TIMEOUT = 10.0

_MAX_MESSAGE = 400
_MLP_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@dataclass
class CheckResult:
    """The outcome of a check: ``status`` is "pass", "fail" or "todo"."""

    name: str
    status: str
    message: str

    @property
    def passed(self) -> bool:
        return self.status == "pass"

    @property
    def line(self) -> str:
        """The line the check printed."""
        return f"{MARKS[self.status]} {self.name}: {self.message}"

    def __bool__(self) -> bool:
        return self.passed

    def _ipython_display_(self):  # the printed line is the feedback; show nothing more
        pass


@dataclass
class Mistake:
    """A typical wrong answer: ``reference`` computes what the mistake gives, and
    ``message`` tells the student what went wrong.

    In :func:`check_value`, ``reference`` is the wrong value itself.
    """

    reference: Any
    message: str


@dataclass
class Spec:
    """What a checker compares: recorded by :func:`capture` instead of judging.

    ``kind`` is "function" (``reference`` is the reference function, ``inputs`` its
    argument tuples, ``mistakes`` a list of :class:`Mistake`), "value"
    (``reference`` is the expected value, ``mistakes`` a list of :class:`Mistake`
    whose ``reference`` is the wrong value) or "open" (recorded by :func:`examples`:
    ``reference`` is a right answer as the checker's keyword arguments, each
    mistake's ``reference`` a wrong one and its ``message`` the start of the
    feedback). ``param`` names the checker's parameter that receives the student's
    answer (set by :func:`specs`; None for "open").
    """

    kind: str
    name: str
    student: Any
    reference: Any
    inputs: list = field(default_factory=list)
    mistakes: list = field(default_factory=list)
    options: dict = field(default_factory=dict)
    param: str | None = None

    def kwargs(self, *answer) -> dict:
        """The checker's keyword arguments for the right answer, or for ``answer``
        in its place (for "open", ``answer`` is itself a dict of them)."""
        chosen = answer[0] if answer else self.reference
        return dict(chosen) if self.kind == "open" else {self.param: chosen}


_capturing: list[list[Spec]] = []


@contextlib.contextmanager
def capture():
    """Within this block, checks record a :class:`Spec` and judge nothing.

    >>> with capture() as found:
    ...     _ = check_value("x", None, 2.0)
    >>> found[0].reference
    2.0
    """
    found: list[Spec] = []
    _capturing.append(found)
    try:
        yield found
    finally:
        _capturing.pop()


class _Sentinel:
    """Stands for a student's answer while a checker's spec is captured."""

    def __init__(self, param):
        self.param = param

    def __repr__(self):
        return f"<answer for {self.param}>"


def _unwrap(obj):
    seen = 0
    while hasattr(obj, "__wrapped__") and seen < 10:
        obj = obj.__wrapped__
        seen += 1
    return obj


def specs(checker: Callable) -> list[Spec]:
    """The :class:`Spec` of every check ``checker`` runs, without running them."""
    params = [
        p for p in inspect.signature(checker).parameters.values()
        if p.default is p.empty
        and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
    ]
    sentinels = {p.name: _Sentinel(p.name) for p in params}
    with capture() as found:
        checker(**sentinels)
    for spec in found:
        student = _unwrap(spec.student)
        for name, sentinel in sentinels.items():
            if student is sentinel:
                spec.param = name
        if spec.param is None and len(params) == 1 and spec.kind != "open":
            spec.param = params[0].name
    return found


def all_checkers() -> dict[str, Callable]:
    """Every checker of every ``mlp.checks`` submodule, as ``{"module.name": fn}``.

    A checker is a public function defined in the module (listed in its
    ``__all__`` when it has one).
    """
    package = importlib.import_module(__name__.rsplit(".", 1)[0])
    found = {}
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        names = getattr(module, "__all__", None) or [
            n for n in vars(module) if not n.startswith("_")
        ]
        for name in names:
            fn = getattr(module, name, None)
            if inspect.isfunction(fn) and fn.__module__ == module.__name__:
                found[f"{info.name}.{name}"] = fn
    return found


# -- reporting -------------------------------------------------------------------------


def _one_line(text: str) -> str:
    text = " ".join(str(text).split())
    if len(text) > _MAX_MESSAGE:
        text = text[: _MAX_MESSAGE - 3].rstrip() + "..."
    return text


def _report(name, status, message, quiet=False) -> CheckResult:
    result = CheckResult(_one_line(name), status, _one_line(message))
    if _capturing:  # reading specs: judge nothing, say nothing
        return result
    if not quiet:  # one write, so the line never arrives as two output pieces
        sys.stdout.write(result.line + "\n")
    if status != "pass" and os.environ.get("MLP_CHECKS_STRICT", "") not in ("", "0"):
        raise AssertionError(result.line)
    return result


def is_stub(answer) -> bool:
    """True for the student edition's placeholders: ``...`` and ``None``."""
    return answer is None or answer is Ellipsis


def _is_stub_function(fn) -> bool:
    """True for ``def f(...): ...`` or ``pass`` (with at most a docstring)."""
    try:
        source = textwrap.dedent(inspect.getsource(fn))
        tree = ast.parse(source)
    except (OSError, TypeError, SyntaxError, ValueError):
        return False
    if not tree.body or not isinstance(tree.body[0], ast.FunctionDef):
        return False
    body = tree.body[0].body
    for stmt in body:
        if isinstance(stmt, ast.Pass):
            continue
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) and (
            stmt.value.value is Ellipsis or isinstance(stmt.value.value, str)
        ):
            continue
        return False
    return True


# -- calling the student's function ----------------------------------------------------


class _Timeout(BaseException):
    """Raised inside a student's function that runs too long (not an Exception, so
    that a bare ``except Exception`` in the student's code cannot swallow it)."""


@contextlib.contextmanager
def _time_limit(seconds):
    usable = (
        seconds
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0  # nobody else's alarm
    )
    if not usable:
        yield
        return

    def _alarm(signum, frame):
        raise _Timeout

    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _call(fn, args, timeout=None):
    """``fn(*args)`` on copies of ``args``: silently (no prints, no warnings), with
    numpy's floating-point warnings off."""
    return _call_with_args(fn, args, timeout)[0]


def _call_with_args(fn, args, timeout=None):
    """Like :func:`_call`; returns (result, the argument copies after the call)."""
    args = copy.deepcopy(tuple(args))
    with contextlib.ExitStack() as stack:
        stack.enter_context(warnings.catch_warnings())
        warnings.simplefilter("ignore")
        stack.enter_context(np.errstate(all="ignore"))
        stack.enter_context(contextlib.redirect_stdout(io.StringIO()))
        stack.enter_context(contextlib.redirect_stderr(io.StringIO()))
        stack.enter_context(_time_limit(timeout))
        result = fn(*args)
        if isinstance(result, collections.abc.Iterator) and not isinstance(
            result, np.ndarray
        ):
            result = _Generator(result)
    return result, args


class _Generator:
    """A generator (or another one-pass iterator such as ``map`` or ``zip``) that a
    student's function returned: never consumed by the check."""

    def __init__(self, gen):
        if isinstance(gen, types.GeneratorType):
            gen.close()


def _where_raised(exc, student) -> str:
    """``line 3: `return 1 / x``` for the last line of the student's own code."""
    frames = traceback.extract_tb(exc.__traceback__)
    own = getattr(getattr(_unwrap(student), "__code__", None), "co_filename", None)
    chosen = None
    for frame in frames:
        path = os.path.abspath(frame.filename)
        if frame.filename == own or not (
            "site-packages" in path or path.startswith(_MLP_DIR)
            or frame.filename.startswith("<frozen")
        ):
            chosen = frame
    if chosen is None or not chosen.line:
        return ""
    return f" (line {chosen.lineno}: `{chosen.line.strip()[:60]}`)"


def _describe_exception(exc, student) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    kind = type(exc).__name__
    if isinstance(exc, RecursionError):
        return "your function calls itself without end (RecursionError)"
    if isinstance(exc, SystemExit):
        return "your function called exit(), which stops the check"
    where = _where_raised(exc, student)
    return f"your function raised {kind}{': ' + text[:160] if text else ''}{where}"


# -- comparing answers -----------------------------------------------------------------


def _is_structure(value) -> bool:
    """A list/tuple/dict whose items are compared one by one (e.g. a list of weight
    matrices), as opposed to a list of plain numbers, which is one array."""
    if isinstance(value, dict):
        return True
    if not isinstance(value, (list, tuple)):
        return False
    return any(
        isinstance(v, (list, tuple, dict, np.ndarray)) and np.ndim(v) > 0
        or not isinstance(v, (int, float, complex, np.number, np.bool_, bool))
        for v in value
    )


def _numbers(value):
    """The answer as a float array, or None when it is not numeric."""
    if isinstance(value, (str, bytes, dict, _Generator)) or value is None:
        return None
    if value is Ellipsis or callable(value):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            arr = np.asarray(value)
            if arr.dtype.kind not in "biuf":
                return None
            return arr.astype(float)
    except (TypeError, ValueError, OverflowError, Warning):
        return None


def _is_complex(value) -> bool:
    try:
        return bool(np.iscomplexobj(value))
    except Exception:
        return False


def _fmt(value) -> str:
    arr = _numbers(value)
    if arr is None:
        if isinstance(value, str):
            return repr(value[:40])
        return type(value).__name__
    if arr.ndim == 0:
        return f"{float(arr):.6g}"
    if arr.size <= 6:
        return np.array2string(arr, precision=4, separator=", ",
                               suppress_small=True).replace("\n", "")
    return f"an array of shape {arr.shape}"


def _type_name(value) -> str:
    if isinstance(value, _Generator):
        return "a generator"
    if isinstance(value, np.ndarray):
        return f"an array of dtype {value.dtype}"
    return type(value).__name__


def _kind_of(want) -> str:
    if isinstance(want, str):
        return "text (a str)"
    arr = _numbers(want)
    if arr is not None and arr.ndim == 0:
        return "a number"
    if isinstance(want, (list, tuple)) and not isinstance(want, np.ndarray):
        return f"a {type(want).__name__} of {len(want)} items"
    return "a numpy array"


def _equal(got, want, rtol, atol) -> bool:
    return _compare(got, want, rtol, atol, reveal=False) is None


def _value_hint(arr, want_arr, rtol, atol) -> str:
    """A generic hint for a wrong number: a flipped sign or a constant factor."""
    if want_arr.size == 0 or not np.all(np.isfinite(arr)):
        return ""
    if np.allclose(arr, -want_arr, rtol=rtol, atol=atol):
        return " The sign is flipped."
    nonzero = np.abs(want_arr) > 1e-12
    if nonzero.any() and np.allclose(arr[~nonzero], 0, atol=atol):
        ratios = arr[nonzero] / want_arr[nonzero]
        r = float(ratios.flat[0])
        nice = any(abs(v - round(v)) < 1e-6 and abs(round(v)) >= 2
                   for v in (abs(r), 1 / abs(r) if r else 0.0))
        if np.allclose(ratios, r, rtol=1e-6) and abs(r - 1) > 1e-3 and r != 0 and (
            nice or ratios.size >= 2
        ):
            return f" It is {r:.4g} times the right answer."
    if np.allclose(arr, want_arr, rtol=1e-2, atol=1e-3):
        return " Close, but not within the tolerance: check for rounding."
    return ""


def _compare(got, want, rtol, atol, reveal=True, where=""):
    """None when ``got`` matches ``want``; else (status, message)."""
    if got is Ellipsis:
        return "todo", f"not yet done: replace the `...`{where}."
    if _is_structure(want):
        return _compare_structure(got, want, rtol, atol, reveal, where)
    if isinstance(want, str):
        if not isinstance(got, str):
            return "fail", f"expected text (a str){where}, got {_type_name(got)}."
        if got.strip().lower() != want.strip().lower():
            shown = f", expected {want!r}" if reveal else ""
            return "fail", f"got {got[:40]!r}{where}{shown}."
        return None
    want_arr = _numbers(want)
    if want_arr is None:  # an answer of another kind: compare with ==
        try:
            same = bool(got == want)
        except Exception:
            same = False
        return None if same else ("fail", f"wrong answer{where}: got {_fmt(got)}.")
    if got is None:
        return "fail", f"got None{where}. Did you forget to `return` the result?"
    if isinstance(got, collections.abc.Iterator) and not isinstance(got, np.ndarray):
        got = _Generator(got)
    if isinstance(got, _Generator):
        return "fail", (f"got a generator{where}: build an array from it, e.g. "
                        "np.array([... for ...]) with square brackets.")
    if callable(got):
        return "fail", (f"got a function{where}, expected {_kind_of(want)}: call it "
                        "with its arguments.")
    if isinstance(got, str):
        return "fail", f"got the text {got[:30]!r}{where}, expected {_kind_of(want)}."
    if _is_complex(got):
        return "fail", (f"got complex numbers{where}: a square root or logarithm of a "
                        "negative number?")
    arr = _numbers(got)
    if arr is None:
        return "fail", f"expected {_kind_of(want)}{where}, got {_type_name(got)}."
    if isinstance(got, (list, tuple)) and isinstance(want, np.ndarray) and (
        want.ndim > 0
    ):
        if arr.shape == want_arr.shape and np.allclose(arr, want_arr, rtol=rtol,
                                                       atol=atol):
            return "fail", (f"the numbers are right{where}, but it is a "
                            f"{type(got).__name__}: make it a numpy array "
                            "(np.array(...)).")
    bad = ~np.isfinite(arr)
    if arr.shape == want_arr.shape:
        bad &= ~(np.isnan(want_arr) & np.isnan(arr)) & ~(
            np.isinf(want_arr) & (arr == want_arr))
    if np.any(np.isnan(arr) & bad):
        return "fail", (f"the answer contains NaN{where}. Look for 0/0, log of a "
                        "negative number, or inf - inf.")
    if np.any(bad):
        return "fail", (f"the answer contains inf{where}: an overflow (np.exp of a "
                        "large number?) or a division by zero.")
    if arr.shape != want_arr.shape:
        hint = ""
        if arr.size == want_arr.size:
            if np.allclose(arr.ravel(), want_arr.ravel(), rtol=rtol, atol=atol):
                hint = " The numbers are right: only the shape is wrong."
            if arr.ndim == 2 and want_arr.ndim == 2 and arr.T.shape == want_arr.shape:
                hint = " It looks transposed: check the order of the matrix product."
        if want_arr.ndim == 0:
            return "fail", (f"expected a single number{where}, got an array of shape "
                            f"{arr.shape}.{hint}")
        return "fail", (f"expected shape {want_arr.shape}{where}, got "
                        f"{'a single number' if arr.ndim == 0 else arr.shape}.{hint}")
    if not np.allclose(arr, want_arr, rtol=rtol, atol=atol, equal_nan=True):
        shown = f", expected {_fmt(want_arr)}" if reveal else ""
        return "fail", (f"wrong value{where}: got {_fmt(arr)}{shown}."
                        f"{_value_hint(arr, want_arr, rtol, atol)}")
    return None


def _compare_structure(got, want, rtol, atol, reveal, where):
    if isinstance(want, dict):
        if not isinstance(got, dict):
            return "fail", f"expected a dict{where}, got {_type_name(got)}."
        missing = [k for k in want if k not in got]
        if missing:
            return "fail", f"the key {missing[0]!r} is missing{where}."
        for key in want:
            verdict = _compare(got[key], want[key], rtol, atol, reveal,
                               f"{where} in [{key!r}]")
            if verdict is not None:
                return verdict
        return None
    kind = type(want).__name__
    if got is None:
        return "fail", f"got None{where}. Did you forget to `return` the result?"
    if not isinstance(got, (list, tuple)):
        return "fail", (f"expected a {kind} of {len(want)} items{where}, got "
                        f"{_type_name(got)}.")
    if len(got) != len(want):
        return "fail", (f"expected {len(want)} items{where}, got {len(got)}.")
    for k, (g, w) in enumerate(zip(got, want)):
        verdict = _compare(g, w, rtol, atol, reveal,
                           f"{where} in item {k + 1} of {len(want)}")
        if verdict is not None:
            return verdict
    return None


def _same_object(a, b) -> bool:
    """Did an argument stay the same during the student's call?"""
    try:
        if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
            return (isinstance(a, np.ndarray) and isinstance(b, np.ndarray)
                    and a.shape == b.shape and np.array_equal(a, b, equal_nan=True))
        if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
            return len(a) == len(b) and all(_same_object(x, y) for x, y in zip(a, b))
        if isinstance(a, dict) and isinstance(b, dict):
            return a.keys() == b.keys() and all(_same_object(a[k], b[k]) for k in a)
        if isinstance(a, (int, float, complex, str, bytes, np.number, np.bool_)):
            return bool(a == b) or (a != a and b != b)  # NaN stays NaN
        return True  # another kind of object: nothing we can compare
    except Exception:
        return True


def _matching(got, want, mistakes_out, rtol, atol) -> list:
    """The indices of the mistakes whose output ``got`` equals (where they differ
    from ``want``)."""
    found = []
    for k, (mistake_value, _) in enumerate(mistakes_out):
        try:
            if _equal(got, mistake_value, rtol, atol) and not _equal(
                want, mistake_value, rtol, atol
            ):
                found.append(k)
        except Exception:
            continue
    return found


def _judge(got, want, mistakes_out, rtol, atol, where, reveal):
    """(status, message) when the answer is wrong, None when it is right."""
    first = _compare(got, want, rtol, atol, reveal, where)
    if first is None or first[0] == "todo":
        return first
    found = _matching(got, want, mistakes_out, rtol, atol)
    return ("fail", mistakes_out[found[0]][1]) if found else first


def _disambiguate(student, candidates, inputs, reference, rtol, atol, timeout):
    """Several mistakes explain the student's output on one input: keep those that
    also explain it on the other inputs (where the mistakes differ)."""
    for args in inputs:
        if len(candidates) < 2:
            break
        try:
            got = _call(student, args, timeout)
            want = _call(reference, args)
            outs = [(_call(m.reference, args), m.message) for m in candidates]
        except (Exception, _Timeout):
            break
        keep = [candidates[k] for k in _matching(got, want, outs, rtol, atol)]
        if keep:
            candidates = keep
    return candidates[0]


def _signature_problem(student, args, reference, name) -> str | None:
    try:
        signature = inspect.signature(student)
    except (TypeError, ValueError):
        return None
    try:
        signature.bind(*args)
    except TypeError:
        try:
            wanted = f"{name}{inspect.signature(reference)}"
        except (TypeError, ValueError):
            wanted = f"{len(args)} argument{'s' if len(args) != 1 else ''}"
        return (f"your function takes {signature} but the check calls it with "
                f"{len(args)} argument{'s' if len(args) != 1 else ''}: define it as "
                f"{wanted}.")
    return None


def _show_call(name, args) -> str:
    """``score(7, 6, 1, 1, -10)`` when the arguments are short enough to show."""
    parts = []
    for a in args:
        arr = _numbers(a)
        if arr is None or arr.size > 4:
            return ""
        parts.append(_fmt(a))
    text = f"{name}({', '.join(parts)})"
    return text if len(text) <= 70 and name.isidentifier() else ""


# -- the checks ------------------------------------------------------------------------


def check_function(
    name: str,
    student: Callable | None,
    reference: Callable,
    inputs: Sequence[tuple],
    mistakes: Sequence[Mistake] = (),
    rtol: float = 1e-6,
    atol: float = 1e-9,
    success: str | None = None,
    quiet: bool = False,
    *,
    timeout: float | None = None,
    pure: bool = True,
    hint: str = "",
) -> CheckResult:
    """Check a student's function against ``reference`` on every tuple of ``inputs``.

    Parameters
    ----------
    name : str
        The name shown in the feedback, usually the function's name.
    student : callable or None
        The student's function (a stub, ``None`` or ``...`` means not yet done).
    reference : callable
        The right function, usually from `mlp`.
    inputs : sequence of tuple
        The argument tuples, several and seeded, so that hard-coding one answer fails.
    mistakes : sequence of Mistake
        Typical wrong functions; the first one whose output equals the student's on
        the first failing input gives its message.
    rtol, atol : float
        Tolerances of ``np.allclose``.
    success : str, optional
        The message on success (default: "correct on N sample inputs.").
    quiet : bool
        Print nothing (the result still says everything).
    timeout : float or None
        Seconds one call may take (main thread only); None for the module's
        ``TIMEOUT``, 0 for no limit.
    pure : bool
        Fail an otherwise right function that changes its arguments in place.
    hint : str
        Appended to the message for a wrong value that is no known mistake.

    Returns
    -------
    CheckResult
        True when the function is right.
    """
    if timeout is None:
        timeout = TIMEOUT
    options = dict(rtol=rtol, atol=atol, success=success, timeout=timeout, pure=pure,
                   hint=hint)
    if _capturing:
        _capturing[-1].append(Spec("function", name, student, reference, list(inputs),
                                   list(mistakes), options))
        return CheckResult(name, "todo", "captured")
    try:
        status, message = _check_function(name, student, reference, list(inputs),
                                          list(mistakes), rtol, atol, timeout, pure,
                                          hint)
    except _Timeout:  # pragma: no cover - the alarm fired outside the student's call
        status, message = "fail", "your function took too long."
    except Exception as exc:  # a bug in the checker must not look like the student's
        status, message = "fail", (f"the check itself failed ({type(exc).__name__}: "
                                   f"{exc}); please tell your instructor.")
    if status == "pass":
        n = len(inputs)
        message = success or f"correct on {n} sample input{'s' if n != 1 else ''}."
    return _report(name, status, message, quiet)


def _check_function(name, student, reference, inputs, mistakes, rtol, atol, timeout,
                    pure, hint):
    if is_stub(student):
        return "todo", "not yet done: fill in the exercise cell above."
    if not callable(student):
        return "fail", (f"expected a function, got {_type_name(student)}: define it "
                        "with `def ...:` and pass its name, without calling it.")
    if _is_stub_function(_unwrap(student)):
        return "todo", "not yet done: write the body of your function."
    for k, args in enumerate(inputs):
        args = tuple(args)
        shown = _show_call(name, args)
        where = ("" if len(inputs) == 1
                 else f" for sample input {k + 1} of {len(inputs)}")
        if shown:
            where += f", {shown}"
        problem = _signature_problem(student, args, reference, name)
        if problem:
            return "fail", problem
        try:
            got, after = _call_with_args(student, args, timeout)
        except NotImplementedError as exc:
            text = str(exc).strip().rstrip(".")
            return "todo", (f"not yet done: {text}." if text else "not yet done: "
                            "replace `raise NotImplementedError` with your code.")
        except _Timeout:
            return "fail", (f"your function did not finish within {timeout:g} s{where}:"
                            " is there a loop that never ends?")
        except (Exception, SystemExit) as exc:  # the student's bug is feedback
            return "fail", f"{_describe_exception(exc, student)}{where}."
        if got is Ellipsis:
            return "todo", "not yet done: your function returns `...`."
        want = _call(reference, args)
        verdict = _compare(got, want, rtol, atol, True, where)
        if verdict is not None:
            if verdict[0] == "todo":
                return verdict
            usable, mistakes_out = [], []
            for mistake in mistakes:
                try:
                    mistakes_out.append((_call(mistake.reference, args),
                                         mistake.message))
                    usable.append(mistake)
                except Exception:
                    continue
            found = _matching(got, want, mistakes_out, rtol, atol)
            if found:
                chosen = _disambiguate(student, [usable[i] for i in found],
                                       inputs[k + 1:], reference, rtol, atol, timeout)
                return "fail", chosen.message
            status, message = verdict
            if hint and message.startswith("wrong value"):
                message = f"{message} {hint}"
            return status, message
        if pure:
            for j, (a, b) in enumerate(zip(args, after)):
                if not _same_object(a, b):
                    return "fail", (f"right values, but your function changed its "
                                    f"argument number {j + 1} in place{where}: compute "
                                    "a new array (W = W - ... rather than W -= ...).")
    return "pass", ""


def check_value(
    name: str,
    student,
    expected,
    mistakes: Sequence[tuple[Any, str] | Mistake] = (),
    rtol: float = 1e-6,
    atol: float = 1e-9,
    success: str | None = None,
    quiet: bool = False,
    *,
    hint: str = "",
) -> CheckResult:
    """Check a value the student computed against ``expected``.

    ``mistakes`` pairs a typical wrong value with the message that explains it (as a
    tuple or a :class:`Mistake`). The expected value is never shown.
    """
    mistakes = [m if isinstance(m, Mistake) else Mistake(*m) for m in mistakes]
    if _capturing:
        _capturing[-1].append(Spec("value", name, student, expected, [], mistakes,
                                   dict(rtol=rtol, atol=atol, success=success,
                                        hint=hint)))
        return CheckResult(name, "todo", "captured")
    try:
        status, message = _check_value(student, expected, mistakes, rtol, atol, hint)
    except Exception as exc:  # a bug in the checker must not look like the student's
        status, message = "fail", (f"the check itself failed ({type(exc).__name__}: "
                                   f"{exc}); please tell your instructor.")
    if status == "pass":
        message = success or "correct."
    return _report(name, status, message, quiet)


def _check_value(student, expected, mistakes, rtol, atol, hint):
    if student is Ellipsis:
        return "todo", "not yet done: replace the `...` with your answer."
    if student is None:
        return "todo", ("not yet done: the answer is None (if you stored what a "
                        "function returned, did it forget to `return`?).")
    verdict = _judge(student, expected, [(m.reference, m.message) for m in mistakes],
                     rtol, atol, "", reveal=False)
    if verdict is None:
        return "pass", ""
    status, message = verdict
    if hint and message.startswith("wrong value"):
        message = f"{message} {hint}"
    return status, message


def check_choice(
    name: str,
    student,
    right,
    why: str,
    wrong: dict,
    quiet: bool = False,
) -> CheckResult:
    """Check the answer to a concept question ("predict, then check").

    The reader commits to one of a few choices (a word such as ``"up"``, a letter, or
    a number) before a cell reveals it. ``right`` is the right choice and ``why`` the
    reason, printed with the verdict; ``wrong`` maps every other choice to the reason
    it is wrong. An answer that is none of the choices is told what the choices are.
    Text is compared without case or surrounding spaces; numbers as in
    :func:`check_value`.

    >>> r = check_choice("sigma(0)", 0.5, 0.5, "e^0 = 1, so 1 / (1 + 1).",
    ...                  {0.0: "that is the score at 0, not sigma(0)."})
    \u2714 sigma(0): right: e^0 = 1, so 1 / (1 + 1).
    """
    choices = sorted([right, *wrong], key=str)  # in an order that gives nothing away
    listed = ", ".join(repr(c) if isinstance(c, str) else f"{c:g}" for c in choices)
    hint = f"choose one of {listed}."
    if isinstance(right, str) and isinstance(student, str):
        known = [str(c).strip().lower() for c in choices]
        if student.strip().lower() not in known:
            return _report(name, "fail", f"got {student!r}: not one of the choices; "
                           f"{hint}", quiet)
    return check_value(name, student, right, list(wrong.items()),
                       success=f"right: {why}", quiet=quiet, hint=hint)


def examples(name: str, right: dict, mistakes: Sequence[tuple[dict, str]] = ()) -> bool:
    """Record example answers of a check that accepts many right answers.

    Some checks have no single reference: any weights that classify 95% of the
    students do. Such a checker calls ``examples`` first, with one right answer and
    its typical wrong ones as keyword arguments of the checker (and the start of the
    message each wrong one gets); the tests then try them. It returns True while
    :func:`capture` is active, and the checker returns at once::

        def band_weights(w1, w2, b, quiet=False):
            if examples("band_weights", right=dict(w1=10, w2=-10, b=-5),
                        mistakes=[(dict(w1=10, w2=10, b=-5), "your region is not")]):
                return CheckResult("band_weights", "todo", "captured")
            ...
    """
    if not _capturing:
        return False
    wrong = [Mistake(dict(kw), message) for kw, message in mistakes]
    _capturing[-1].append(Spec("open", name, None, dict(right), [], wrong))
    return True


def seeded_inputs(seed: int, make: Callable[[np.random.Generator], tuple], n: int = 4):
    """``n`` input tuples from ``make(rng)``, from one seeded generator."""
    rng = np.random.default_rng(seed)
    return [make(rng) for _ in range(n)]
