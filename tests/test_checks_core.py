"""The check machinery, and every checker of mlp.checks (found automatically).

The generic tests read each checker's reference, inputs and mistakes with
``_core.specs`` and then call the checker itself with: the reference (must pass), each
typical mistake (must fail with exactly that mistake's message), stubs (must say "not
yet done") and a list of bad answers (must print one line and return). A checker added
to any ``mlp/checks/<topic>.py`` is covered without touching this file.
"""

from __future__ import annotations

import copy
import inspect
import time
import warnings

import numpy as np
import pytest

from mlp import checks
from mlp.checks import _core
from mlp.checks._core import (
    CheckResult,
    Mistake,
    check_choice,
    check_function,
    check_value,
)

CHECKERS = _core.all_checkers()


def lines_of(capsys):
    return capsys.readouterr().out.splitlines()


def run(capsys, fn, *args, **kwargs):
    result = fn(*args, **kwargs)
    out = lines_of(capsys)
    assert isinstance(result, CheckResult)
    assert len(out) == 1, out
    assert out[0] == result.line
    return result


# -- the core, one kind of answer at a time ------------------------------------------


def add(a, b):
    return a + b


INPUTS = [(1.0, 2.0), (np.array([1.0, 2.0]), np.array([3.0, -1.0])), (-3.5, 0.25)]
MISTAKES = [Mistake(lambda a, b: a - b, "that is a - b: add them.")]


def check_add(student, **kw):
    return check_function("add", student, add, INPUTS, MISTAKES, **kw)


@pytest.mark.parametrize("answer", [None, Ellipsis])
def test_function_stub_is_not_yet_done(capsys, answer):
    result = run(capsys, check_add, answer)
    assert result.status == "todo" and not result
    assert result.line.startswith(_core.TODO)


def test_right_function_passes(capsys):
    result = run(capsys, check_add, add)
    assert result and result.status == "pass"
    assert result.message == "correct on 3 sample inputs."
    assert result.line.startswith(_core.PASS)


def test_success_message(capsys):
    assert run(capsys, check_add, add, success="well done.").message == "well done."


def test_typical_mistake_gets_its_message(capsys):
    result = run(capsys, check_add, lambda a, b: a - b)
    assert result.status == "fail"
    assert result.message == "that is a - b: add them."


def test_not_implemented_is_not_yet_done(capsys):
    def stub(a, b):
        raise NotImplementedError("fill in add() (exercise ex-x)")

    result = run(capsys, check_add, stub)
    assert result.status == "todo"
    assert result.message == "not yet done: fill in add() (exercise ex-x)."


def test_a_bare_not_implemented_error(capsys):
    def stub(a, b):
        raise NotImplementedError

    assert "raise NotImplementedError" in run(capsys, check_add, stub).message


@pytest.mark.parametrize("body", ["...", "pass", '"""Add."""\n    ...'])
def test_an_empty_function_is_not_yet_done(capsys, body):
    namespace = {}
    exec(f"def stub(a, b):\n    {body}\n", namespace)
    # exec'd code has no source: make inspect find it
    import linecache

    source = f"def stub(a, b):\n    {body}\n"
    linecache.cache["<stub-test>"] = (len(source), None, source.splitlines(True),
                                      "<stub-test>")
    code = compile(source, "<stub-test>", "exec")
    exec(code, namespace)
    assert run(capsys, check_add, namespace["stub"]).status == "todo"


def test_returning_ellipsis_is_not_yet_done(capsys):
    assert run(capsys, check_add, lambda a, b: ...).status == "todo"


def test_not_a_function(capsys):
    result = run(capsys, check_add, 3.0)
    assert result.status == "fail" and "expected a function" in result.message


def test_exception_inside_the_function(capsys):
    def broken(a, b):
        return a + c  # noqa: F821

    result = run(capsys, check_add, broken)
    assert result.status == "fail"
    assert "NameError" in result.message and "return a + c" in result.message
    assert "sample input 1 of 3" in result.message


def test_exception_with_a_multiline_message_stays_one_line(capsys):
    text = "first line\nsecond line\nthird"

    def broken(a, b):
        raise ValueError(text)

    result = run(capsys, check_add, broken)
    assert "first line" in result.message and "second" not in result.message


def test_recursion_and_exit(capsys):
    def forever(a, b):
        return forever(a, b)

    def leaves(a, b):
        raise SystemExit(0)

    assert "without end" in run(capsys, check_add, forever).message
    assert "exit()" in run(capsys, check_add, leaves).message


def test_wrong_signature(capsys):
    result = run(capsys, check_add, lambda a: a)
    assert result.status == "fail"
    assert "add(a, b)" in result.message


def test_forgotten_return(capsys):
    def no_return(a, b):
        a + b

    result = run(capsys, check_add, no_return)
    assert "got None" in result.message and "return" in result.message


def test_nan_and_inf(capsys):
    assert "NaN" in run(capsys, check_add, lambda a, b: a * np.nan).message
    assert "inf" in run(capsys, check_add, lambda a, b: a * np.inf).message


def test_wrong_value_shows_the_input_and_the_expected_value(capsys):
    result = run(capsys, check_add, lambda a, b: a + b + 1)
    assert result.message.startswith("wrong value for sample input 1 of 3, add(1, 2)")
    assert "got 4, expected 3" in result.message


def test_wrong_value_hints(capsys):
    assert "sign is flipped" in run(capsys, check_add, lambda a, b: -(a + b)).message
    assert "2 times" in run(capsys, check_add, lambda a, b: 2 * (a + b)).message
    result = run(capsys, check_add, lambda a, b: a * b, hint="a hint.")
    assert "a hint." in result.message


def test_hard_coding_one_answer_fails(capsys):
    assert run(capsys, check_add, lambda a, b: 3.0).status == "fail"


@pytest.mark.parametrize("returned, words", [
    ("text", "text"),
    ({"a": 1}, "dict"),
    (object(), "object"),
    (1j, "complex"),
])
def test_wrong_types(capsys, returned, words):
    result = run(capsys, check_add, lambda a, b: returned)
    assert result.status == "fail" and words in result.message


def test_generator_and_iterators(capsys):
    def gen(a, b):
        return (x for x in np.atleast_1d(a + b))

    assert "generator" in run(capsys, check_add, gen).message
    assert "generator" in run(capsys, check_add, lambda a, b: map(float, [a])).message


def test_list_instead_of_array(capsys):
    def as_list(a, b):
        return (a + b).tolist() if isinstance(a, np.ndarray) else a + b

    result = run(capsys, check_add, as_list)
    assert result.status == "fail" and "numpy array" in result.message


def test_wrong_shapes(capsys):
    def column(a, b):
        return np.reshape(a + b, (-1, 1)) if np.ndim(a) else a + b

    def scalar_as_array(a, b):
        return np.array([a + b]) if np.ndim(a) == 0 else a + b

    assert "only the shape" in run(capsys, check_add, column).message
    assert "single number" in run(capsys, check_add, scalar_as_array).message


def test_transposed_matrix():
    result = check_function("t", lambda A: A.T, lambda A: A,
                            [(np.arange(6.0).reshape(2, 3),)], quiet=True)
    assert "transposed" in result.message


def test_prints_and_warnings_of_the_student_are_silenced(capsys):
    def chatty(a, b):
        print("debugging", a)
        warnings.warn("careful")
        np.log(-1.0)
        return a + b

    assert run(capsys, check_add, chatty).status == "pass"


def test_changing_an_argument_in_place(capsys):
    def in_place(a, b):
        if isinstance(a, np.ndarray):
            a += b
            return a
        return a + b

    result = run(capsys, check_add, in_place)
    assert result.status == "fail" and "in place" in result.message
    assert check_add(in_place, pure=False, quiet=True)


def test_slow_function_times_out(capsys):
    def slow(a, b):
        time.sleep(3)
        return a + b

    start = time.perf_counter()
    result = run(capsys, check_add, slow, timeout=0.2)
    assert time.perf_counter() - start < 2
    assert result.status == "fail" and "did not finish" in result.message


def test_a_timeout_cannot_be_swallowed_by_the_student(capsys):
    def stubborn(a, b):
        try:
            time.sleep(3)
        except Exception:
            pass
        return a + b

    assert "did not finish" in run(capsys, check_add, stubborn, timeout=0.2).message


def test_quiet_prints_nothing(capsys):
    assert check_add(add, quiet=True)
    assert capsys.readouterr().out == ""


def test_a_broken_reference_is_reported_not_raised(capsys):
    result = run(capsys, check_function, "x", add, lambda a, b: a.nope, [(1, 2)])
    assert result.status == "fail" and "instructor" in result.message


def test_structured_answers():
    def ref(a):
        return [a * np.ones((2, 2)), a * np.ones((1, 3))]

    inputs = [(1.0,), (2.0,)]
    assert check_function("grads", lambda a: ref(a), ref, inputs, quiet=True)
    assert check_function("grads", lambda a: tuple(ref(a)), ref, inputs, quiet=True)
    r = check_function("grads", lambda a: ref(a)[:1], ref, inputs, quiet=True)
    assert "expected 2 items" in r.message
    r = check_function("grads", lambda a: [ref(a)[0], ref(a)[1].T], ref, inputs,
                       quiet=True)
    assert "item 2 of 2" in r.message and "shape" in r.message
    r = check_function("grads", lambda a: ref(a)[0], ref, inputs, quiet=True)
    assert "list of 2 items" in r.message


def test_dict_answers():
    want = {"loss": np.array([1.0, 0.5]), "accuracy": np.array([0.5, 1.0])}
    assert check_value("h", {k: v.copy() for k, v in want.items()}, want, quiet=True)
    r = check_value("h", {"loss": want["loss"]}, want, quiet=True)
    assert "'accuracy' is missing" in r.message


# -- check_value ---------------------------------------------------------------------


@pytest.mark.parametrize("answer", [None, Ellipsis])
def test_value_stub_is_not_yet_done(capsys, answer):
    assert run(capsys, check_value, "v", answer, 2.5).status == "todo"


def test_value_right_and_wrong(capsys):
    assert run(capsys, check_value, "v", 2.5, 2.5).message == "correct."
    wrong = run(capsys, check_value, "v", 2.0, 2.5)
    assert wrong.status == "fail" and "2.5" not in wrong.message  # never revealed
    r = run(capsys, check_value, "v", 7.0, 2.5, mistakes=[(7.0, "seven.")])
    assert r.message == "seven."
    r = run(capsys, check_value, "v", 7.0, 2.5, mistakes=[Mistake(7.0, "seven.")])
    assert r.message == "seven."


def test_value_mistake_equal_to_the_answer_is_ignored(capsys):
    assert run(capsys, check_value, "v", 2.5, 2.5, mistakes=[(2.5, "no")]).passed


@pytest.mark.parametrize("answer, words", [
    ("2.5", "text"),
    (lambda: 2.5, "call it"),
    (np.nan, "NaN"),
    (np.inf, "inf"),
    (np.array([2.5, 2.5]), "single number"),
    ((x for x in [2.5]), "generator"),
    ([1, [2, 3]], "expected a number"),
])
def test_value_bad_answers(capsys, answer, words):
    result = run(capsys, check_value, "v", answer, 2.5)
    assert result.status == "fail" and words in result.message


def test_text_and_bool_answers():
    assert check_value("t", " Yes ", "yes", quiet=True)
    assert not check_value("t", "no", "yes", quiet=True)
    assert check_value("b", True, True, quiet=True)
    assert not check_value("b", False, True, quiet=True)


def test_strict_mode_raises(monkeypatch, capsys):
    monkeypatch.setenv("MLP_CHECKS_STRICT", "1")
    with pytest.raises(AssertionError, match="v: wrong value"):
        check_value("v", 1.0, 2.0)
    assert check_value("v", 2.0, 2.0)


def test_result_shows_nothing_more_in_a_notebook():
    result = CheckResult("x", "pass", "ok")
    assert result._ipython_display_() is None


def test_capture_records_instead_of_judging(capsys):
    with _core.capture() as found:
        result = check_add(add)
        check_value("v", 1.0, 2.0, mistakes=[(3.0, "three")])
    assert capsys.readouterr().out == ""
    assert result.status == "todo"
    assert [s.kind for s in found] == ["function", "value"]
    assert found[0].reference is add and found[0].inputs == INPUTS
    assert found[1].mistakes[0].message == "three"


def test_seeded_inputs_are_reproducible():
    def make(rng):
        return (rng.normal(),)

    assert _core.seeded_inputs(3, make) == _core.seeded_inputs(3, make)
    assert len({x for (x,) in _core.seeded_inputs(3, make)}) == 4


# -- every checker of mlp.checks -----------------------------------------------------


def test_checkers_are_found():
    assert {"perceptron.score", "perceptron.sigmoid", "perceptron.probability",
            "perceptron.student_probability"} <= set(CHECKERS)
    for key, fn in CHECKERS.items():
        assert getattr(checks, fn.__name__, None) is fn, (
            f"{key} is not exported by mlp/checks/__init__.py")


def specs_of(checker, need=True):
    """The checker's specs; skip a test that needs them when the checker is an open
    one that records no examples."""
    found = _core.specs(checker)
    if not found and need:
        pytest.skip(f"{checker.__name__} records no spec: an open check should call "
                    "_core.examples(...) so that its answers can be tried")
    for spec in found:
        assert spec.kind == "open" or spec.param is not None, (
            f"{checker.__name__}: cannot tell which argument the check '{spec.name}' "
            "judges")
    return found


def answers(found, spec=None, *answer):
    """Keyword arguments: the right answer for every spec, ``answer`` for ``spec``."""
    kwargs = {}
    for other in found:
        kwargs.update(other.kwargs())
    if spec is not None:
        kwargs.update(spec.kwargs(*answer))
    return kwargs


@pytest.fixture(params=sorted(CHECKERS), ids=str)
def checker(request):
    return CHECKERS[request.param]


def judge(capsys, checker, found, spec, answer):
    """Run ``checker`` with ``answer`` for ``spec`` (the right answer for the others):
    (status, message) of the line printed for ``spec``."""
    result = checker(**answers(found, spec, answer))
    out = lines_of(capsys)
    assert isinstance(result, CheckResult)
    assert 1 <= len(out) <= len(found), out
    prefix = f" {_core._one_line(spec.name)}: "
    mine = [line for line in out if line[1:].startswith(prefix)]
    assert len(mine) == 1, out
    status = {mark: key for key, mark in _core.MARKS.items()}[mine[0][0]]
    return status, mine[0][len(prefix) + 1:]


def test_checker_accepts_its_reference(checker, capsys):
    found = specs_of(checker)
    result = checker(**answers(found))
    out = lines_of(capsys)
    assert result.passed, result.line
    assert len(out) == len(found) and all(line.startswith(_core.PASS) for line in out)


def test_checker_recognises_each_typical_mistake(checker, capsys):
    found = specs_of(checker)
    for spec in found:
        for mistake in spec.mistakes:
            status, message = judge(capsys, checker, found, spec, mistake.reference)
            expected = _core._one_line(mistake.message)
            assert status == "fail", f"{spec.name}: the mistake passes: {expected}"
            if spec.kind == "open":  # the message may go on with numbers
                message = message[:len(expected)]
            assert message == expected, (
                f"{spec.name}: the mistake '{expected}' is reported as '{message}'")


def test_checker_stubs_are_not_yet_done(checker, capsys):
    found = specs_of(checker)
    for spec in found:
        for stub in (None, Ellipsis):
            if spec.kind == "open":
                stub = {name: stub for name in spec.reference}
            status, message = judge(capsys, checker, found, spec, stub)
            assert status == "todo", message


def test_checker_inputs_are_seeded(checker):
    first, second = _core.specs(checker), _core.specs(checker)
    for a, b in zip(first, second):
        assert _core.same_object(a.inputs, b.inputs), f"{a.name}: inputs change"
        if a.kind == "value":
            assert _core.same_object(a.reference, b.reference)


def _ref_outputs(spec):
    return [_core.call_timed(spec.reference, args) for args in spec.inputs]


def test_function_checkers_cannot_be_fooled_by_a_constant(checker, capsys):
    found = specs_of(checker)
    for spec in found:
        if spec.kind != "function":
            continue
        assert len(spec.inputs) >= 2, f"{spec.name}: test more than one input"
        first = _ref_outputs(spec)[0]
        status, message = judge(capsys, checker, found, spec,
                                lambda *a, _v=first: copy.deepcopy(_v))
        assert status == "fail", f"{spec.name}: a constant function passes"


def _bad_functions(spec):
    """(student, expected status) pairs: every one must be judged, never raise."""
    first = _ref_outputs(spec)[0]
    arr = _core.as_numbers(first)
    like = arr if arr is not None else np.zeros(3)

    def raises(*a):
        raise ValueError("boom")

    def not_done(*a):
        raise NotImplementedError("fill in f()")

    def gen(*a):
        yield 1.0

    def chatty(*a):
        print("debug")
        warnings.warn("careful")
        return spec.reference(*a)

    def slow(*a):
        time.sleep(2)

    bad = [
        (None, "todo"), (Ellipsis, "todo"), (not_done, "todo"),
        (lambda *a: ..., "todo"),
        (42, "fail"), ("text", "fail"), ([1.0, 2.0], "fail"),
        (raises, "fail"), (lambda *a: None, "fail"), (lambda *a: "text", "fail"),
        (lambda *a: np.full_like(like, np.nan), "fail"),
        (lambda *a: np.full_like(like, np.inf), "fail"),
        (lambda *a: np.zeros((7, 5)), "fail"), (gen, "fail"),
        (lambda: 1.0, "fail"), (lambda *a: {"a": 1}, "fail"), (slow, "fail"),
        (chatty, "pass"),
    ]
    if isinstance(first, np.ndarray) and first.ndim > 0:
        bad.append((lambda *a: spec.reference(*a).tolist(), "fail"))
    return bad


def _bad_values(spec):
    arr = _core.as_numbers(spec.reference)
    like = arr if arr is not None else np.zeros(3)
    return [
        (None, "todo"), (Ellipsis, "todo"),
        ("text", "fail"), (lambda: 1.0, "fail"), ({"a": 1}, "fail"),
        ((x for x in [1.0]), "fail"), (object(), "fail"),
        (np.full_like(like, np.nan), "fail"), (np.full_like(like, np.inf), "fail"),
        (np.zeros((7, 5)), "fail"), (1j, "fail"),
    ]


def _bad_open_answers(names):
    return [({n: value for n in names}, status) for value, status in [
        (None, "todo"), (Ellipsis, "todo"), ("text", "fail"), (np.nan, "fail"),
        (np.inf, "fail"), ([1.0, 2.0], "fail"), (object(), "fail"),
        (lambda: 1.0, "fail"), (np.zeros((7, 5)), "fail"),
    ]]


def test_checker_survives_bad_answers(checker, capsys, monkeypatch):
    monkeypatch.setattr(_core, "TIMEOUT", 0.05)
    found = specs_of(checker, need=False)
    for spec in found:
        if spec.kind == "function":
            bad = _bad_functions(spec)
        elif spec.kind == "value":
            bad = _bad_values(spec)
        else:
            bad = _bad_open_answers(spec.reference)
        for answer, expected in bad:
            status, message = judge(capsys, checker, found, spec, answer)
            assert status == expected, f"{spec.name}, {answer!r}: {message}"


def test_open_checker_without_examples_survives_bad_answers(checker, capsys):
    """A checker that records no spec: every argument bad at once."""
    if _core.specs(checker):
        return
    params = [p.name for p in inspect.signature(checker).parameters.values()
              if p.default is p.empty]
    for kwargs, expected in _bad_open_answers(params):
        result = checker(**kwargs)
        out = lines_of(capsys)
        assert isinstance(result, CheckResult) and len(out) == 1, out
        assert result.status == expected, f"{kwargs}: {result.line}"


def test_checkers_are_fast(checker, capsys):
    found = specs_of(checker)
    start = time.perf_counter()
    checker(**answers(found))
    lines_of(capsys)
    assert time.perf_counter() - start < 2.0


def test_examples_of_an_open_check(capsys):
    def positive(w, quiet=False):
        if _core.examples("positive", right=dict(w=2.0),
                          mistakes=[(dict(w=-1.0), "w must be positive")]):
            return CheckResult("positive", "todo", "captured")
        if _core.is_stub(w):
            return _core.report("positive", "todo", "not yet done.", quiet)
        ok = isinstance(w, float) and w > 0
        return _core.report("positive", "pass" if ok else "fail",
                             "good." if ok else f"w must be positive, not {w}.", quiet)

    (spec,) = specs_of(positive)
    assert spec.kind == "open" and spec.param is None
    assert spec.kwargs() == {"w": 2.0}
    assert judge(capsys, positive, [spec], spec, {"w": 2.0})[0] == "pass"
    status, message = judge(capsys, positive, [spec], spec, spec.mistakes[0].reference)
    assert status == "fail" and message.startswith(spec.mistakes[0].message)
    assert not _core.examples("positive", right={})  # not capturing: nothing to do


def test_choice_right_wrong_and_unknown(capsys):
    wrong = {"up": "a small step against the gradient lowers E.", "same": "E moves."}
    assert run(capsys, check_choice, "q", " Down ", "down", "it goes down.",
               wrong).message == "right: it goes down."
    assert run(capsys, check_choice, "q", "up", "down", "why",
               wrong).message == wrong["up"]
    unknown = run(capsys, check_choice, "q", "left", "down", "why", wrong)
    assert unknown.status == "fail" and "'same', 'up'" in unknown.message
    assert run(capsys, check_choice, "q", ..., "down", "why", wrong).status == "todo"
    assert run(capsys, check_choice, "q", 0.25, 0.25, "why", {0.5: "no"}).passed
