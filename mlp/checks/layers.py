"""Checks for chapters 5 (What Layers can do?) and 6 (Multi-Class Classification):
the weight matrices of a network, softmax, one-hot labels and the multi-class
cross-entropy."""

from __future__ import annotations

import numpy as np

from ..activations import sigmoid as _sigmoid
from ..activations import softmax as _softmax
from ..losses import one_hot as _one_hot
from . import _core
from ._core import Mistake, call_timed, report, Timeout, check_function

__all__ = [
    "count_weights",
    "multiclass_cross_entropy",
    "one_hot",
    "predict_deep_or_wide",
    "predict_softmax_shift",
    "predict_softmax_sum",
    "predict_test_accuracy",
    "predict_weights_231",
    "softmax",
    "weight_shapes",
]

#: Networks to test on, inputs first (the first one tells every typical mistake apart).
_NETWORKS = [[3, 4, 4, 1], [2, 2, 1], [2, 4, 1], [2, 8, 8, 3], [5, 3], [4, 6, 2, 5]]


def _shapes(sizes):
    return [(n_in + 1, n_out) for n_in, n_out in zip(sizes[:-1], sizes[1:])]


def weight_shapes(student):
    """Check ``weight_shapes(sizes)``: the shape ``(n_in + 1, n_out)`` of every weight
    matrix of a network with layer sizes ``sizes`` (inputs first)."""
    return check_function(
        "weight_shapes",
        student,
        _shapes,
        [(list(s),) for s in _NETWORKS],
        mistakes=[
            Mistake(lambda s: [(a, b) for a, b in zip(s[:-1], s[1:])],
                    "the bias row is missing: each matrix has one row per input "
                    "plus one for the bias, (n_in + 1, n_out)."),
            Mistake(lambda s: [(b, a + 1) for a, b in zip(s[:-1], s[1:])],
                    "the shapes are transposed: one row per input (and the bias), "
                    "one column per unit of the next layer, (n_in + 1, n_out)."),
            Mistake(lambda s: [(a, b + 1) for a, b in zip(s[:-1], s[1:])],
                    "the bias is a row, not a column: (n_in + 1, n_out), the 1 "
                    "appended to the layer's inputs."),
        ],
    )


def _count(sizes):
    return sum((a + 1) * b for a, b in zip(sizes[:-1], sizes[1:]))


def count_weights(student):
    """Check ``count_weights(sizes)``: how many weights (biases included) a network
    with layer sizes ``sizes`` has."""
    return check_function(
        "count_weights",
        student,
        _count,
        [(list(s),) for s in _NETWORKS],
        mistakes=[
            Mistake(lambda s: sum(a * b for a, b in zip(s[:-1], s[1:])),
                    "the biases are missing: every unit after the input layer has "
                    "one, the last row of its layer's matrix, (n_in + 1) * n_out."),
            Mistake(lambda s: sum(s),
                    "that is the number of nodes: count the edges between layers, "
                    "(n_in + 1) * n_out for each weight matrix."),
            Mistake(lambda s: sum(s) + len(s) - 1,
                    "that counts nodes and bias nodes: count the edges between "
                    "layers, (n_in + 1) * n_out for each weight matrix."),
            Mistake(lambda s: sum(a * (b + 1) for a, b in zip(s[:-1], s[1:])),
                    "the bias adds a row of n_out weights (one per unit it feeds), "
                    "so each matrix holds (n_in + 1) * n_out, not n_in * (n_out + 1)."),
            Mistake(lambda s: (s[0] + 1) * s[1],
                    "that is the first layer only: add the weights of every layer."),
            Mistake(lambda s: _count(s) - (s[0] + 1) * s[1],
                    "the first layer (inputs to the first hidden layer) is missing."),
        ],
    )


def _softmax_inputs():
    rng = np.random.default_rng(6)
    return [
        (rng.normal(0, 2, (3, 3)).round(2),),  # square first: a wrong axis shows
        (np.array([[2.0, 1.0, 0.1]]),),
        (rng.normal(0, 2, (4, 3)).round(2),),
        (rng.normal(0, 3, (2, 5)).round(2),),
    ]


def _exp(h):
    return np.exp(np.asarray(h, dtype=float))


def softmax(student):
    """Check ``softmax(h)`` for scores ``h`` of shape (m, k): every row becomes
    probabilities that sum to 1; it must also work for large scores such as 1000."""
    result = check_function(
        "softmax",
        student,
        _softmax,
        _softmax_inputs(),
        mistakes=[
            Mistake(_exp,
                    "not normalised: divide each row of e^h by its sum, so that "
                    "the row adds up to 1."),
            Mistake(lambda h: _exp(h) / _exp(h).sum(axis=0, keepdims=True),
                    "each column sums to 1, not each row: sum over the classes, "
                    "axis=1 (or -1), with keepdims=True."),
            Mistake(lambda h: _exp(h) / _exp(h).sum(),
                    "the whole array sums to 1: normalise each row (each example) "
                    "on its own, with axis=1 and keepdims=True."),
            Mistake(lambda h: _exp(h) / _exp(h).sum(axis=1),
                    "the row sums are divided along the wrong axis: keep them as a "
                    "column with keepdims=True (or sum(axis=1)[:, None])."),
            Mistake(lambda h: np.asarray(h, float) / np.asarray(h, float).sum(
                axis=1, keepdims=True),
                    "the exponential is missing: softmax divides e^h_j by the sum "
                    "of e^h_l, which also makes every probability positive."),
            Mistake(lambda h: _sigmoid(h),
                    "that is a sigmoid of each score: the three are not tied "
                    "together and need not sum to 1. Use e^h_j / sum_l e^h_l."),
        ],
        quiet=True,
    )
    if not result.passed:
        return report(result.name, result.status, result.message)
    big = np.array([[1000.0, 1001.0, 999.0], [-1000.0, 0.0, 1000.0]])
    try:
        got = np.asarray(call_timed(student, (big,), _core.TIMEOUT), dtype=float)
        ok = got.shape == big.shape and np.allclose(got, _softmax(big))
    except (Exception, Timeout):  # the student's overflow is feedback, not a crash
        ok = False
    if not ok:
        return report(
            "softmax", "fail",
            "right for ordinary scores, but not for large ones such as 1000: e^1000 "
            "overflows to inf, and inf / inf is NaN. Subtract each row's maximum "
            "before np.exp: softmax(h) = softmax(h - c) for any number c.")
    return report("softmax", "pass",
                   "correct on 4 sample inputs, and stable for scores as large as "
                   "1000.")


def one_hot(student):
    """Check ``one_hot(y, k)``: class ids of shape (m,) as rows of shape (m, k) with a
    single 1 in the column of the class."""
    inputs = [
        (np.array([0, 2, 1, 2, 0]), 3),
        (np.array([1, 1, 0]), 3),
        (np.array([3, 0, 1, 4, 2, 2]), 5),
        (np.array([0, 1, 0, 1]), 2),
    ]
    return check_function(
        "one_hot",
        student,
        _one_hot,
        inputs,
        mistakes=[
            Mistake(lambda y, k: _one_hot((np.asarray(y) - 1) % k, k),
                    "the ones are one column to the left: class ids start at 0, and "
                    "class c goes in column c (CAT 0, DOG 1, BIRD 2)."),
            Mistake(lambda y, k: 1.0 - _one_hot(y, k),
                    "zeros and ones are swapped: a single 1 per row, in the column "
                    "of the example's class."),
        ],
    )


def _mce(y, y_hat):
    y_hat = np.asarray(y_hat, dtype=float)
    p = y_hat[np.arange(y_hat.shape[0]), np.asarray(y).astype(int)]
    return float(-np.mean(np.log(p)))


def _mce_inputs():
    rng = np.random.default_rng(7)
    out = [(np.array([0, 2]), np.array([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]]))]
    for m, k in ((5, 3), (6, 3), (4, 4)):
        y_hat = _softmax(rng.normal(0, 1.5, (m, k))).round(3)
        y_hat = y_hat / y_hat.sum(axis=1, keepdims=True)
        out.append((rng.integers(0, k, m), y_hat))
    return out


def multiclass_cross_entropy(student):
    """Check ``multiclass_cross_entropy(y, y_hat)``: minus the mean log of the
    probability each example's true class gets, for class ids ``y`` (m,) and softmax
    outputs ``y_hat`` (m, k)."""
    def y_true(y, y_hat):
        return np.asarray(y_hat, float)[np.arange(len(y)), np.asarray(y).astype(int)]

    def binary_sum(y, y_hat):
        Y = _one_hot(y, np.shape(y_hat)[1])
        P = np.asarray(y_hat, float)
        return float(-np.mean(np.sum(Y * np.log(P) + (1 - Y) * np.log(1 - P), axis=1)))

    return check_function(
        "multiclass_cross_entropy",
        student,
        _mce,
        _mce_inputs(),
        mistakes=[
            Mistake(lambda y, p: -_mce(y, p),
                    "the sign is wrong: the logarithm of a probability is negative, "
                    "so E = -(1/m) sum ln(y_hat of the true class) is positive."),
            Mistake(lambda y, p: float(-np.sum(np.log(y_true(y, p)))),
                    "that is the sum over the examples: E is the mean, divide by m."),
            Mistake(lambda y, p: float(-np.mean(np.log10(y_true(y, p)))),
                    "that uses log10: the cross-entropy uses the natural logarithm, "
                    "np.log."),
            Mistake(lambda y, p: float(-np.mean(np.log(np.max(p, axis=1)))),
                    "that takes the largest probability of each row: take the "
                    "probability of the example's TRUE class, y_hat[i, y[i]]."),
            Mistake(lambda y, p: float(-np.mean(np.sum(np.log(p), axis=1))),
                    "that adds the logs of every class's probability: only the true "
                    "class counts, y_hat[i, y[i]] (one-hot y picks it out)."),
            Mistake(binary_sum,
                    "that is the two-class formula summed over the classes: with "
                    "softmax only the true class's term is needed, "
                    "-(1/m) sum ln y_hat[i, y[i]]."),
        ],
    )



# -- concept questions (predict, then check), chapters 5 and 6 -------------------------


def predict_weights_231(answer, quiet=False):
    """Chapter 5: how many weights, biases included, has a 2-3-1 network?"""
    return _core.check_choice(
        "predict_weights_231", answer, 13,
        "(2 + 1) * 3 = 9 weights into the hidden layer and (3 + 1) * 1 = 4 into the "
        "output: 13.",
        {9: "the biases are missing: every hidden unit and the output unit has one, "
            "(2 + 1) * 3 + (3 + 1) * 1 = 13.",
         6: "that is the number of nodes (2 + 3 + 1): count the edges, "
            "(n_in + 1) * n_out for each layer.",
         14: "the bias adds a row of n_out weights, one per unit it feeds: "
             "(n_in + 1) * n_out, so (2 + 1) * 3 + (3 + 1) * 1 = 13."},
        quiet=quiet)


def predict_deep_or_wide(answer, quiet=False):
    """Chapter 5: 2-26-1 and 2-8-8-1 have 105 weights each; after the same 800
    steps of gradient descent on the spirals, which fits more training points:
    "deep", "wide" or "same"?"""
    return _core.check_choice(
        "predict_deep_or_wide", answer, "wide",
        "in this setting (plain gradient descent, rate 10, 800 steps) 2-26-1 fits 95% "
        "to 100% of its training points, 2-8-8-1 only 50% to 66%, and below 70% even "
        "after 800 more steps. The first step moves 2-8-8-1's first layer about 7 "
        "times less than 2-8-1's; chapter 12 shows why deep sigmoid networks learn "
        "slowly.",
        {"deep": "not here: with the same 105 weights and the same 800 steps the "
                 "2-8-8-1 network fits only 50% to 66% of the training points, the "
                 "2-26-1 network 95% to 100%.",
         "same": "not after 800 steps: the 2-26-1 network fits 95% to 100% of the "
                 "training points, the 2-8-8-1 network 50% to 66% (and with 800 "
                 "more steps still below 70%)."},
        quiet=quiet)


def predict_test_accuracy(answer, quiet=False):
    """Chapter 5: a large network classifies all of its 30 noisy training points
    correctly; is its test accuracy "lower", "same" or "higher"?"""
    return _core.check_choice(
        "predict_test_accuracy", answer, "lower",
        "the boundary bends around every one of the 30 noisy training points, "
        "including the ones on the wrong side of the moons; new points do not follow "
        "those bends, and many fall on the wrong side.",
        {"same": "100% on the training points says only that the network fits "
                 "THOSE points; new points from the same data set are not in its "
                 "weights, and its bends around the noisy ones are wrong for them.",
         "higher": "a test accuracy above 100% is impossible, and here even 100% "
                   "on new points would need the bends around noisy training points "
                   "to be right for new points, which they are not."},
        quiet=quiet)


def predict_softmax_sum(answer, quiet=False):
    """Chapter 6: what do the softmax outputs of the scores (2.0, 1.0, 0.1) add up
    to?"""
    return _core.check_choice(
        "predict_softmax_sum", answer, 1,
        "softmax divides each e^h_j by the total of all of them, so the outputs add "
        "up to total / total = 1, whatever the scores.",
        {2.137: "that is the sum of three separate sigmoids; softmax divides by "
                "the total of the e^h_j, so its outputs add up to exactly 1.",
         3.1: "that is the sum of the scores themselves; softmax outputs are e^h_j "
              "divided by the total of the e^h_l, and those add up to 1.",
         11.213: "that is the total e^2.0 + e^1.0 + e^0.1, the denominator; "
                 "each output is divided by it, so the outputs add up to 1."},
        quiet=quiet)


def predict_softmax_shift(answer, quiet=False):
    """Chapter 6: 100 is added to all three scores; do the softmax probabilities stay
    the "same", get "closer" together or get "further" apart?"""
    return _core.check_choice(
        "predict_softmax_shift", answer, "same",
        "e^(h_j + 100) = e^100 e^h_j: every term and the total get the same factor "
        "e^100, which cancels. Only differences between scores matter.",
        {"closer": "the scores 102, 101, 100.1 look closer relative to their size, "
                   "but softmax only sees their differences (1 and 0.9), which did "
                   "not change: e^100 cancels.",
         "further": "the differences between the scores did not change, and those "
                    "are all that softmax sees: e^100 multiplies every term and the "
                    "total, and cancels."},
        quiet=quiet)
