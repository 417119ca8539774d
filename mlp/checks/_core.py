"""The machinery behind every exercise check.

A check compares a student's answer (a function or a value) with the `mlp` reference on
several seeded inputs and prints exactly one line of feedback. It never raises on a
wrong answer: a stub, ``None``, an exception inside the student's function, a wrong
type or shape, NaN, a known typical mistake and a plain wrong value each get their own
message. It returns a :class:`CheckResult` (true when the answer is right) that shows
nothing in a notebook, so the printed line is the only output.
"""

from __future__ import annotations

import copy
import warnings
from dataclasses import dataclass
from typing import Any, Callable, Sequence

import numpy as np

PASS = "\u2714"  # heavy check mark
FAIL = "\u2718"  # heavy ballot x
TODO = "\u270e"  # pencil


@dataclass
class CheckResult:
    """The outcome of a check: ``status`` is "pass", "fail" or "todo"."""

    name: str
    status: str
    message: str

    @property
    def passed(self) -> bool:
        return self.status == "pass"

    def __bool__(self) -> bool:
        return self.passed

    def _ipython_display_(self):  # the printed line is the feedback; show nothing more
        pass


@dataclass
class Mistake:
    """A typical wrong answer: ``reference`` computes what the mistake gives, and
    ``message`` tells the student what went wrong."""

    reference: Callable[..., Any]
    message: str


def _report(name, status, message, quiet=False) -> CheckResult:
    mark = {"pass": PASS, "fail": FAIL, "todo": TODO}[status]
    if not quiet:
        print(f"{mark} {name}: {message}")
    return CheckResult(name, status, message)


def is_stub(answer) -> bool:
    """True for the student edition's placeholders: ``...`` and ``None``."""
    return answer is None or answer is Ellipsis


def _call(fn, args):
    """Call the student's function quietly on copies of the inputs."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with np.errstate(all="ignore"):
            return fn(*copy.deepcopy(args))


def _as_numbers(value):
    """The answer as a float array, or None when it is not numeric."""
    if isinstance(value, (str, bytes)) or value is None or value is Ellipsis:
        return None
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        return None
    return arr


def _close(a, b, rtol, atol):
    return a.shape == b.shape and np.allclose(a, b, rtol=rtol, atol=atol)


def _describe(value) -> str:
    arr = _as_numbers(value)
    if arr is None:
        return repr(value)[:60]
    if arr.ndim == 0:
        return f"{float(arr):.6g}"
    if arr.size <= 6:
        return np.array2string(arr, precision=4, separator=", ")
    return f"an array of shape {arr.shape}"


def _judge(name, got, want, mistakes_out, rtol, atol, where, quiet):
    """Compare one answer with the reference; None when it is right."""
    arr = _as_numbers(got)
    want_arr = np.asarray(want, dtype=float)
    if got is None:
        return _report(
            name, "fail",
            f"got None{where}. Did you forget to `return` the result?", quiet)
    if arr is None:
        return _report(
            name, "fail",
            f"expected a number or a numpy array{where}, got "
            f"{type(got).__name__}.", quiet)
    if np.any(np.isnan(arr)):
        return _report(
            name, "fail",
            f"the answer contains NaN{where}. Look for 0/0, log(0) or inf - inf.",
            quiet)
    for mistake_value, message in mistakes_out:
        m_arr = _as_numbers(mistake_value)
        if m_arr is not None and _close(arr, m_arr, rtol, atol) and not _close(
            m_arr, want_arr, rtol, atol
        ):
            return _report(name, "fail", message, quiet)
    if arr.shape != want_arr.shape:
        hint = ""
        if arr.size == want_arr.size:
            hint = " The numbers may be right: check how you shape the result."
            if arr.ndim == 2 and want_arr.ndim == 2 and arr.T.shape == want_arr.shape:
                hint = " It looks transposed: check the order of the matrix product."
        return _report(
            name, "fail",
            f"expected shape {want_arr.shape}{where}, got shape {arr.shape}.{hint}",
            quiet)
    if not np.allclose(arr, want_arr, rtol=rtol, atol=atol):
        return _report(
            name, "fail",
            f"wrong value{where}: got {_describe(arr)}, expected {_describe(want_arr)}.",
            quiet)
    return None


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
) -> CheckResult:
    """Check a student's function against ``reference`` on every tuple of ``inputs``.

    The first failing input decides the message; a typical mistake is recognised when
    the student's output equals the mistake's on that input.
    """
    if is_stub(student):
        return _report(name, "todo", "not yet done: fill in the exercise cell above.",
                       quiet)
    if not callable(student):
        return _report(
            name, "fail",
            f"expected a function, got {type(student).__name__}. Define it with "
            "`def ...:` and pass its name without calling it.", quiet)
    for k, args in enumerate(inputs):
        where = "" if len(inputs) == 1 else f" for test input {k + 1} of {len(inputs)}"
        try:
            got = _call(student, args)
        except NotImplementedError:
            return _report(name, "todo",
                           "not yet done: replace `raise NotImplementedError`.", quiet)
        except Exception as exc:  # the student's bug is feedback, not a crash
            return _report(
                name, "fail",
                f"your function raised {type(exc).__name__}: {exc}{where}.", quiet)
        if got is Ellipsis:
            return _report(name, "todo", "not yet done: replace the `...`.", quiet)
        want = _call(reference, args)
        mistakes_out = []
        for mistake in mistakes:
            try:
                mistakes_out.append((_call(mistake.reference, args), mistake.message))
            except Exception:
                continue
        verdict = _judge(name, got, want, mistakes_out, rtol, atol, where, quiet)
        if verdict is not None:
            return verdict
    n = len(inputs)
    return _report(
        name, "pass",
        success or f"correct on {n} test input{'s' if n != 1 else ''}.", quiet)


def check_value(
    name: str,
    student,
    expected,
    mistakes: Sequence[tuple[Any, str]] = (),
    rtol: float = 1e-6,
    atol: float = 1e-9,
    success: str | None = None,
    quiet: bool = False,
) -> CheckResult:
    """Check a value the student computed against ``expected``.

    ``mistakes`` pairs a typical wrong value with the message that explains it.
    """
    if is_stub(student):
        return _report(name, "todo", "not yet done: fill in the exercise cell above.",
                       quiet)
    verdict = _judge(name, student, expected, list(mistakes), rtol, atol, "", quiet)
    if verdict is not None:
        return verdict
    return _report(name, "pass", success or "correct.", quiet)


def seeded_inputs(seed: int, make: Callable[[np.random.Generator], tuple], n: int = 4):
    """``n`` input tuples from ``make(rng)``, from one seeded generator."""
    rng = np.random.default_rng(seed)
    return [make(rng) for _ in range(n)]
