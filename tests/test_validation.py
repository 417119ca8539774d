"""Bad input gets a clear error naming what was expected, never a numpy traceback."""

import numpy as np
import pytest

import mlp

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
