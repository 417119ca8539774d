"""Bad input gets a clear error naming what was expected, never a numpy traceback."""

import numpy as np
import pytest

import mlp
from mlp._validation import check_integer, check_number, check_one_of

W221 = mlp.init_weights([2, 2, 1], rng=0)
X = np.array([[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]])
y = np.array([0, 1, 1])


@pytest.mark.parametrize(
    "call, err, match",
    [
        (lambda: mlp.feedforward(W221, np.ones((3, 3))), ValueError,
         "X has 3 feature.*must have 4 rows.*got shape \\(3, 2\\)"),
        (lambda: mlp.feedforward(W221, np.ones(2)), ValueError,
         "2-D of shape \\(m, n\\)"),
        (lambda: mlp.feedforward(W221, [[np.nan, 1.0]]), ValueError, "NaN or infinite"),
        (lambda: mlp.feedforward(W221, [[np.inf, 1.0]]), ValueError, "NaN or infinite"),
        (lambda: mlp.feedforward(W221, "data"), TypeError, "numeric array"),
        (lambda: mlp.feedforward(W221, np.ones((0, 2))), ValueError, "no examples"),
        (lambda: mlp.feedforward(W221[0], X), TypeError, "list of weight matrices"),
        (lambda: mlp.feedforward([np.ones((3, 2)), np.ones((2, 1))], X), ValueError,
         "weights\\[1\\] has shape \\(2, 1\\).*must have 3 rows"),
        (lambda: mlp.feedforward([np.ones(3)], X), ValueError,
         "weights\\[0\\] must be 2-D"),
        (lambda: mlp.feedforward([], X), TypeError, "non-empty list"),
        (lambda: mlp.feedforward(W221, X, activation="soft"), ValueError,
         "unknown activation 'soft'"),
        (lambda: mlp.backprop(W221, X, y[:2]), ValueError, "2 labels but X has 3"),
        (lambda: mlp.backprop(W221, X, y[:, None]), ValueError, "ravel"),
        (lambda: mlp.backprop(W221, X, [0, 1, 2]), ValueError, "must hold 0 or 1"),
        (lambda: mlp.backprop(mlp.init_weights([2, 3], rng=0), X, [0, 1, 3]),
         ValueError, "class ids 0..2"),
        (lambda: mlp.backprop(W221, X, [0, 1, np.nan]), ValueError, "NaN"),
        (lambda: mlp.init_weights([2], rng=0), ValueError, "at least two layer sizes"),
        (lambda: mlp.init_weights([2, 0, 1], rng=0), ValueError, "positive integer"),
        (lambda: mlp.init_weights([2, 1], rng=None), TypeError, "seed"),
        (lambda: mlp.gradient_descent_step(W221, W221[:1], 0.1), ValueError,
         "list of 2 arrays"),
        (lambda: mlp.gradient_descent_step(
            W221, [np.ones((3, 2)), np.ones((2, 1))], 0.1),
         ValueError, "grads\\[1\\] has shape"),
        (lambda: mlp.gradient_descent_step(W221, W221, -0.1), ValueError, "alpha"),
        (lambda: mlp.datasets.xor(-5), ValueError, "m must be a positive integer"),
        (lambda: mlp.datasets.admissions(10, boundary="wavy"), ValueError, "boundary"),
        (lambda: mlp.datasets.moons(10, noise=-1), ValueError, "noise"),
    ],
)
def test_bad_input_is_explained(call, err, match):
    with pytest.raises(err, match=match):
        call()


@pytest.mark.parametrize("call, error, words", [
    (lambda: check_integer(True, "seed"), TypeError, "seed must be an integer, got bool"),
    (lambda: check_integer(2.0, "layers"), TypeError, "integer, got float"),
    (lambda: check_integer(7, "layers", 0, 6, "hidden layers"), ValueError,
     r"layers \(hidden layers\) must be between 0 and 6, got 7"),
    (lambda: check_integer(-1, "m", low=0), ValueError, ">= 0, got -1"),
    (lambda: check_integer(9, "k", high=8), ValueError, "at most 8, got 9"),
    (lambda: check_number("x", "noise"), TypeError, "number, got str"),
    (lambda: check_number(float("nan"), "noise"), ValueError, "finite"),
    (lambda: check_number(0.5, "noise", 0, 0.45), ValueError, "between 0 and 0.45"),
    (lambda: check_one_of("mnist", "dataset", {"moons": 1, "xor": 2}), ValueError,
     r"dataset must be one of \['moons', 'xor'\], got 'mnist'"),
    (lambda: check_one_of(3, "dataset", ["moons"]), ValueError, "one of"),
])
def test_setting_checks_say_what_was_expected(call, error, words):
    with pytest.raises(error, match=words):
        call()


def test_setting_checks_return_the_value():
    assert check_integer(np.int64(3), "units", 1, 16) == 3
    assert type(check_integer(np.int64(3), "units")) is int
    assert check_number(0.2, "noise", 0, 0.45) == 0.2
    assert check_one_of("xor", "dataset", ["xor"]) == "xor"
