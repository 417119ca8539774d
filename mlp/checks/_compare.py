"""Comparing a student's answer with the reference: values, shapes, types and nested
structures, and which known mistake an answer matches.

Part of the checks' machinery (:mod:`mlp.checks._core` re-exports every name).
"""

from __future__ import annotations

import collections.abc
import warnings

import numpy as np

from ._calling import StudentGenerator


def is_structure(value) -> bool:
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


def as_numbers(value):
    """The answer as a float array, or None when it is not numeric."""
    if isinstance(value, (str, bytes, dict, StudentGenerator)) or value is None:
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


def is_complex(value) -> bool:
    try:
        return bool(np.iscomplexobj(value))
    except Exception:
        return False


def fmt(value) -> str:
    arr = as_numbers(value)
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


def type_name(value) -> str:
    if isinstance(value, StudentGenerator):
        return "a generator"
    if isinstance(value, np.ndarray):
        return f"an array of dtype {value.dtype}"
    return type(value).__name__


def kind_of(want) -> str:
    if isinstance(want, str):
        return "text (a str)"
    arr = as_numbers(want)
    if arr is not None and arr.ndim == 0:
        return "a number"
    if isinstance(want, (list, tuple)) and not isinstance(want, np.ndarray):
        return f"a {type(want).__name__} of {len(want)} items"
    return "a numpy array"


def values_equal(got, want, rtol, atol) -> bool:
    return compare_values(got, want, rtol, atol, reveal=False) is None


def value_hint(arr, want_arr, rtol, atol) -> str:
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


def compare_values(got, want, rtol, atol, reveal=True, where=""):
    """None when ``got`` matches ``want``; else (status, message)."""
    if got is Ellipsis:
        return "todo", f"not yet done: replace the `...`{where}."
    if is_structure(want):
        return compare_structure(got, want, rtol, atol, reveal, where)
    if isinstance(want, str):
        if not isinstance(got, str):
            return "fail", f"expected text (a str){where}, got {type_name(got)}."
        if got.strip().lower() != want.strip().lower():
            shown = f", expected {want!r}" if reveal else ""
            return "fail", f"got {got[:40]!r}{where}{shown}."
        return None
    want_arr = as_numbers(want)
    if want_arr is None:  # an answer of another kind: compare with ==
        try:
            same = bool(got == want)
        except Exception:
            same = False
        return None if same else ("fail", f"wrong answer{where}: got {fmt(got)}.")
    return _compare_numbers(got, want, want_arr, rtol, atol, reveal, where)


def _not_numbers(got, want, where):
    """(status, message) when ``got`` is no answer of numbers at all (None, a
    generator, a function, text, complex numbers); else None."""
    if got is None:
        return "fail", f"got None{where}. Did you forget to `return` the result?"
    if isinstance(got, collections.abc.Iterator) and not isinstance(got, np.ndarray):
        got = StudentGenerator(got)
    if isinstance(got, StudentGenerator):
        return "fail", (f"got a generator{where}: build an array from it, e.g. "
                        "np.array([... for ...]) with square brackets.")
    if callable(got):
        return "fail", (f"got a function{where}, expected {kind_of(want)}: call it "
                        "with its arguments.")
    if isinstance(got, str):
        return "fail", f"got the text {got[:30]!r}{where}, expected {kind_of(want)}."
    if is_complex(got):
        return "fail", (f"got complex numbers{where}: a square root or logarithm of a "
                        "negative number?")
    return None


def _compare_numbers(got, want, want_arr, rtol, atol, reveal, where):
    """``compare_values`` for an answer of numbers ``want`` (as the array ``want_arr``)."""
    wrong_kind = _not_numbers(got, want, where)
    if wrong_kind is not None:
        return wrong_kind
    arr = as_numbers(got)
    if arr is None:
        return "fail", f"expected {kind_of(want)}{where}, got {type_name(got)}."
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
    return _compare_arrays(arr, want_arr, bad, rtol, atol, reveal, where)


def _compare_arrays(arr, want_arr, bad, rtol, atol, reveal, where):
    """``compare_values`` for two arrays of numbers; ``bad`` marks the entries of ``arr``
    that are NaN or infinite where ``want_arr`` is not."""
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
        shown = f", expected {fmt(want_arr)}" if reveal else ""
        return "fail", (f"wrong value{where}: got {fmt(arr)}{shown}."
                        f"{value_hint(arr, want_arr, rtol, atol)}")
    return None


def compare_structure(got, want, rtol, atol, reveal, where):
    if isinstance(want, dict):
        if not isinstance(got, dict):
            return "fail", f"expected a dict{where}, got {type_name(got)}."
        missing = [k for k in want if k not in got]
        if missing:
            return "fail", f"the key {missing[0]!r} is missing{where}."
        for key in want:
            verdict = compare_values(got[key], want[key], rtol, atol, reveal,
                               f"{where} in [{key!r}]")
            if verdict is not None:
                return verdict
        return None
    kind = type(want).__name__
    if got is None:
        return "fail", f"got None{where}. Did you forget to `return` the result?"
    if not isinstance(got, (list, tuple)):
        return "fail", (f"expected a {kind} of {len(want)} items{where}, got "
                        f"{type_name(got)}.")
    if len(got) != len(want):
        return "fail", (f"expected {len(want)} items{where}, got {len(got)}.")
    for k, (g, w) in enumerate(zip(got, want)):
        verdict = compare_values(g, w, rtol, atol, reveal,
                           f"{where} in item {k + 1} of {len(want)}")
        if verdict is not None:
            return verdict
    return None


def same_object(a, b) -> bool:
    """Did an argument stay the same during the student's call?"""
    try:
        if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
            return (isinstance(a, np.ndarray) and isinstance(b, np.ndarray)
                    and a.shape == b.shape and np.array_equal(a, b, equal_nan=True))
        if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
            return len(a) == len(b) and all(same_object(x, y) for x, y in zip(a, b))
        if isinstance(a, dict) and isinstance(b, dict):
            return a.keys() == b.keys() and all(same_object(a[k], b[k]) for k in a)
        if isinstance(a, (int, float, complex, str, bytes, np.number, np.bool_)):
            return bool(a == b) or (a != a and b != b)  # NaN stays NaN
        return True  # another kind of object: nothing we can compare
    except Exception:
        return True


def matching(got, want, mistakes_out, rtol, atol) -> list:
    """The indices of the mistakes whose output ``got`` equals (where they differ
    from ``want``)."""
    found = []
    for k, (mistake_value, _) in enumerate(mistakes_out):
        try:
            if values_equal(got, mistake_value, rtol, atol) and not values_equal(
                want, mistake_value, rtol, atol
            ):
                found.append(k)
        except Exception:
            continue
    return found


def judge_values(got, want, mistakes_out, rtol, atol, where, reveal):
    """(status, message) when the answer is wrong, None when it is right."""
    first = compare_values(got, want, rtol, atol, reveal, where)
    if first is None or first[0] == "todo":
        return first
    found = matching(got, want, mistakes_out, rtol, atol)
    return ("fail", mistakes_out[found[0]][1]) if found else first
