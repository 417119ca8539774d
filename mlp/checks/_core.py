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
import contextlib
import importlib
import inspect
import os
import pkgutil
import sys
import textwrap
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

import numpy as np

from ._calling import (  # noqa: F401  (re-exported: checkers and tests use them)
    MLP_DIR,
    unwrap,
    Timeout,
    time_limit,
    call_timed,
    call_with_args,
    StudentGenerator,
    where_raised,
    describe_exception,
)
from ._compare import (  # noqa: F401
    is_structure,
    as_numbers,
    is_complex,
    fmt,
    type_name,
    kind_of,
    values_equal,
    value_hint,
    compare_values,
    compare_structure,
    same_object,
    matching,
    judge_values,
)

PASS = "\u2714"  # heavy check mark
FAIL = "\u2718"  # heavy ballot x
TODO = "\u270e"  # pencil
MARKS = {"pass": PASS, "fail": FAIL, "todo": TODO}

#: Seconds one call of a student's function may take before the check gives up.
TIMEOUT = 10.0

_MAX_MESSAGE = 400


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
        student = unwrap(spec.student)
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


def report(name, status, message, quiet=False) -> CheckResult:
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


def _disambiguate(student, candidates, inputs, reference, rtol, atol, timeout):
    """Several mistakes explain the student's output on one input: keep those that
    also explain it on the other inputs (where the mistakes differ)."""
    for args in inputs:
        if len(candidates) < 2:
            break
        try:
            got = call_timed(student, args, timeout)
            want = call_timed(reference, args)
            outs = [(call_timed(m.reference, args), m.message) for m in candidates]
        except (Exception, Timeout):
            break
        keep = [candidates[k] for k in matching(got, want, outs, rtol, atol)]
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
        arr = as_numbers(a)
        if arr is None or arr.size > 4:
            return ""
        parts.append(fmt(a))
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
    rtol, atol : float, the tolerances of ``np.allclose``.
    success : str, optional
        The message on success (default: "correct on N sample inputs.").
    quiet : bool, print nothing (the result still says everything).
    timeout : float or None
        Seconds one call may take (main thread only); None for the module's
        ``TIMEOUT``, 0 for no limit.
    pure : bool, fail an otherwise right function that changes its arguments in place.
    hint : str
        Appended to the message for a wrong value that is no known mistake.

    Returns
    -------
    CheckResult
        True when the function is right.
    """
    timeout = TIMEOUT if timeout is None else timeout
    options = dict(rtol=rtol, atol=atol, success=success, timeout=timeout, pure=pure,
                   hint=hint)
    if _capturing:
        _capturing[-1].append(Spec("function", name, student, reference, list(inputs),
                                   list(mistakes), options))
        return CheckResult(name, "todo", "captured")
    status, message = _check_function_safely(name, student, reference, list(inputs),
                                             list(mistakes), rtol, atol, timeout, pure,
                                             hint)
    if status == "pass":
        n = len(inputs)
        message = success or f"correct on {n} sample input{'s' if n != 1 else ''}."
    return report(name, status, message, quiet)


def _check_function_safely(*args):
    """``_check_function(*args)``; a timeout or a bug of the checker itself becomes a
    failure with its message."""
    try:
        return _check_function(*args)
    except Timeout:  # pragma: no cover - the alarm fired outside the student's call
        return "fail", "your function took too long."
    except Exception as exc:  # a bug in the checker must not look like the student's
        return "fail", (f"the check itself failed ({type(exc).__name__}: "
                        f"{exc}); please tell your instructor.")


def _check_function(name, student, reference, inputs, mistakes, rtol, atol, timeout,
                    pure, hint):
    if is_stub(student):
        return "todo", "not yet done: fill in the exercise cell above."
    if not callable(student):
        return "fail", (f"expected a function, got {type_name(student)}: define it "
                        "with `def ...:` and pass its name, without calling it.")
    if _is_stub_function(unwrap(student)):
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
            got, after = call_with_args(student, args, timeout)
        except NotImplementedError as exc:
            text = str(exc).strip().rstrip(".")
            return "todo", (f"not yet done: {text}." if text else "not yet done: "
                            "replace `raise NotImplementedError` with your code.")
        except Timeout:
            return "fail", (f"your function did not finish within {timeout:g} s{where}:"
                            " is there a loop that never ends?")
        except (Exception, SystemExit) as exc:  # the student's bug is feedback
            return "fail", f"{describe_exception(exc, student)}{where}."
        if got is Ellipsis:
            return "todo", "not yet done: your function returns `...`."
        want = call_timed(reference, args)
        verdict = compare_values(got, want, rtol, atol, True, where)
        if verdict is not None:
            if verdict[0] == "todo":
                return verdict
            return _explain_wrong(verdict, student, got, want, args, mistakes,
                                  inputs[k + 1:], reference, rtol, atol, timeout, hint)
        if pure:
            for j, (a, b) in enumerate(zip(args, after)):
                if not same_object(a, b):
                    return "fail", (f"right values, but your function changed its "
                                    f"argument number {j + 1} in place{where}: compute "
                                    "a new array (W = W - ... rather than W -= ...).")
    return "pass", ""


def _explain_wrong(verdict, student, got, want, args, mistakes, later_inputs,
                   reference, rtol, atol, timeout, hint):
    """(status, message) for a wrong answer ``got`` on ``args``: the message of the
    known mistake it matches (told apart on the later inputs), else ``verdict``'s
    message (with the ``hint`` for a wrong value)."""
    usable, mistakes_out = [], []
    for mistake in mistakes:
        try:
            mistakes_out.append((call_timed(mistake.reference, args), mistake.message))
            usable.append(mistake)
        except Exception:
            continue
    found = matching(got, want, mistakes_out, rtol, atol)
    if found:
        chosen = _disambiguate(student, [usable[i] for i in found], later_inputs,
                               reference, rtol, atol, timeout)
        return "fail", chosen.message
    status, message = verdict
    if hint and message.startswith("wrong value"):
        message = f"{message} {hint}"
    return status, message


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
    return report(name, status, message, quiet)


def _check_value(student, expected, mistakes, rtol, atol, hint):
    if student is Ellipsis:
        return "todo", "not yet done: replace the `...` with your answer."
    if student is None:
        return "todo", ("not yet done: the answer is None (if you stored what a "
                        "function returned, did it forget to `return`?).")
    verdict = judge_values(student, expected, [(m.reference, m.message) for m in mistakes],
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
            return report(name, "fail", f"got {student!r}: not one of the choices; "
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
