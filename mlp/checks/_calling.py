"""Calling a student's function for a check: a time limit, arguments copied so that the
student cannot change the reference's inputs, and where an exception came from.

Part of the checks' machinery (:mod:`mlp.checks._core` re-exports every name).
"""

from __future__ import annotations

import collections.abc
import contextlib
import copy
import io
import os
import signal
import threading
import traceback
import types
import warnings

import numpy as np


MLP_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def unwrap(obj):
    seen = 0
    while hasattr(obj, "__wrapped__") and seen < 10:
        obj = obj.__wrapped__
        seen += 1
    return obj


class Timeout(BaseException):
    """Raised inside a student's function that runs too long (not an Exception, so
    that a bare ``except Exception`` in the student's code cannot swallow it)."""


@contextlib.contextmanager
def time_limit(seconds):
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
        raise Timeout

    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def call_timed(fn, args, timeout=None):
    """``fn(*args)`` on copies of ``args``: silently (no prints, no warnings), with
    numpy's floating-point warnings off."""
    return call_with_args(fn, args, timeout)[0]


def call_with_args(fn, args, timeout=None):
    """Like :func:`call_timed`; returns (result, the argument copies after the call)."""
    args = copy.deepcopy(tuple(args))
    with contextlib.ExitStack() as stack:
        stack.enter_context(warnings.catch_warnings())
        warnings.simplefilter("ignore")
        stack.enter_context(np.errstate(all="ignore"))
        stack.enter_context(contextlib.redirect_stdout(io.StringIO()))
        stack.enter_context(contextlib.redirect_stderr(io.StringIO()))
        stack.enter_context(time_limit(timeout))
        result = fn(*args)
        if isinstance(result, collections.abc.Iterator) and not isinstance(
            result, np.ndarray
        ):
            result = StudentGenerator(result)
    return result, args


class StudentGenerator:
    """A generator (or another one-pass iterator such as ``map`` or ``zip``) that a
    student's function returned: never consumed by the check."""

    def __init__(self, gen):
        if isinstance(gen, types.GeneratorType):
            gen.close()


def where_raised(exc, student) -> str:
    """``line 3: `return 1 / x``` for the last line of the student's own code."""
    frames = traceback.extract_tb(exc.__traceback__)
    own = getattr(getattr(unwrap(student), "__code__", None), "co_filename", None)
    chosen = None
    for frame in frames:
        path = os.path.abspath(frame.filename)
        if frame.filename == own or not (
            "site-packages" in path or path.startswith(MLP_DIR)
            or frame.filename.startswith("<frozen")
        ):
            chosen = frame
    if chosen is None or not chosen.line:
        return ""
    return f" (line {chosen.lineno}: `{chosen.line.strip()[:60]}`)"


def describe_exception(exc, student) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    kind = type(exc).__name__
    if isinstance(exc, RecursionError):
        return "your function calls itself without end (RecursionError)"
    if isinstance(exc, SystemExit):
        return "your function called exit(), which stops the check"
    where = where_raised(exc, student)
    return f"your function raised {kind}{': ' + text[:160] if text else ''}{where}"
