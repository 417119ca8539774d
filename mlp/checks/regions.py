"""Checks for chapters 3-4: combining the regions of two linear models.

- chapter 3 (Combining Regions): :func:`combine_sum`, :func:`hidden_probabilities`
- chapter 4 (What Weights can do?): :func:`combine`, :func:`outside_band`
- concept questions (predict, then check): :func:`predict_sum_below_one`,
  :func:`predict_combined_minimum` (chapter 3), :func:`predict_bias_region`,
  :func:`predict_doubled_boundary` (chapter 4)

Chapter 2's checks (a single line) are in :mod:`mlp.checks.perceptron`.
"""

from __future__ import annotations

import numpy as np

from ..activations import sigmoid as _sigmoid
from ._core import (
    CheckResult,
    Mistake,
    check_choice,
    check_function,
    examples,
    report,
    seeded_inputs,
)
from .perceptron import three_numbers

__all__ = [
    "combine",
    "combine_sum",
    "hidden_probabilities",
    "outside_band",
    "predict_bias_region",
    "predict_combined_minimum",
    "predict_doubled_boundary",
    "predict_sum_below_one",
]

#: The slides' two linear models, 5x1 - 2x2 + 8 and 7x1 - 3x2 - 1, as columns.
SLIDE_W1 = np.array([[5.0, 7.0], [-2.0, -3.0], [8.0, -1.0]])


# -- chapter 3 -------------------------------------------------------------------------


def _prob_inputs():
    return [(0.7, 0.8), (1.0, 0.5), (0.1, 0.2),
            (np.array([0.0, 0.3, 0.9]), np.array([0.0, 0.6, 1.0]))]


def combine_sum(student, quiet=False):
    """Check ``combine_sum(p1, p2)``: the sigmoid of the sum of two probabilities."""
    return check_function(
        "combine_sum",
        student,
        lambda p1, p2: _sigmoid(np.asarray(p1, float) + p2),
        _prob_inputs(),
        mistakes=[
            Mistake(lambda p1, p2: np.asarray(p1, float) + p2,
                    "that is the plain sum, which can be bigger than 1: put it "
                    "through the sigmoid."),
            Mistake(lambda p1, p2: (np.asarray(p1, float) + p2) / 2,
                    "the average is a probability too, but the slides put the sum "
                    "through the sigmoid: sigmoid(p1 + p2)."),
            Mistake(lambda p1, p2: _sigmoid(p1) + _sigmoid(p2),
                    "the sigmoid comes after the sum: sigmoid(p1 + p2), not "
                    "sigmoid(p1) + sigmoid(p2)."),
        ],
        quiet=quiet,
    )


def _hidden(X, W1):
    X = np.asarray(X, float)
    return _sigmoid(np.hstack([X, np.ones((X.shape[0], 1))]) @ W1)


def hidden_probabilities(student, quiet=False):
    """Check ``hidden_probabilities(X, W1)``: each column of W1 is a linear model
    (weights of x1, x2, then the bias); return the (m, k) array of their probabilities
    ``sigma(add_bias(X) @ W1)``."""

    def make(r):
        X = r.uniform(-3, 3, size=(6, 2)).round(2)
        return X, r.normal(0, 2, size=(3, 2)).round(1)

    inputs = [(np.array([[1.0, 2.0], [0.0, 0.0], [-1.0, 3.0]]), SLIDE_W1)]
    inputs += seeded_inputs(3, make, n=3)

    def ones_first(X, W1):
        return _sigmoid(np.hstack([np.ones((len(X), 1)), X]) @ W1)

    return check_function(
        "hidden_probabilities",
        student,
        _hidden,
        inputs,
        mistakes=[
            Mistake(lambda X, W1: np.hstack([X, np.ones((len(X), 1))]) @ W1,
                    "those are the scores h1, h2: put them through the sigmoid."),
            Mistake(lambda X, W1: _sigmoid(np.asarray(X, float) @ W1[:-1]),
                    "the bias is missing: append a column of ones to X "
                    "(mlp.add_bias), so that the last row of W1 is added."),
            Mistake(ones_first,
                    "the 1 goes last: the bias is the LAST row of W1, so the input "
                    "is (x1, x2, 1)."),
        ],
        quiet=quiet,
    )


# -- chapter 4 -------------------------------------------------------------------------


def combine(student, quiet=False):
    """Check ``combine(p1, p2, w1, w2, b)``: ``sigma(w1 p1 + w2 p2 + b)``."""
    inputs = [(0.7, 0.8, 7.0, 5.0, -6.0), (1.0, 0.0, 7.0, -5.0, -3.0),
              (0.2, 0.9, -2.0, 4.0, 1.0),
              (np.array([0.0, 1.0, 0.5]), np.array([1.0, 1.0, 0.5]), 3.0, 2.0, -4.0)]
    return check_function(
        "combine",
        student,
        lambda p1, p2, w1, w2, b: _sigmoid(w1 * np.asarray(p1, float) + w2 * p2 + b),
        inputs,
        mistakes=[
            Mistake(lambda p1, p2, w1, w2, b: w1 * np.asarray(p1, float) + w2 * p2 + b,
                    "that is the score (2.9 on the slide's numbers): put it through "
                    "the sigmoid to get a probability."),
            Mistake(lambda p1, p2, w1, w2, b: _sigmoid(w1 * np.asarray(p1, float)
                                                       + w2 * p2),
                    "the bias b is missing inside the sigmoid."),
            Mistake(lambda p1, p2, w1, w2, b: _sigmoid(w1 * np.asarray(p2, float)
                                                       + w2 * p1 + b),
                    "the weights are swapped: w1 multiplies p1 and w2 multiplies p2."),
        ],
        quiet=quiet,
    )


def _output(W1, X, w1, w2, b):
    s = _hidden(X, W1)
    return _sigmoid(w1 * s[:, 0] + w2 * s[:, 1] + b)


#: Test points for the band: between the slides' two lines, left of both, right of
#: both (the line 5x1 - 2x2 + 8 = 0 is the left one in chapter 4's picture).
BAND_INSIDE = np.array([[0.0, 2.0], [1.0, 5.0], [-1.0, 0.0], [2.0, 7.5]])
BAND_LEFT = np.array([[-2.0, 2.0], [-1.0, 6.0], [0.0, 7.0]])
BAND_RIGHT = np.array([[2.0, 2.0], [3.0, 6.0], [1.0, 0.0]])


def outside_band(w1, w2, b, quiet=False):
    """Check output weights for the slides' two models whose region is everything
    but the band between the two lines: ``y_hat >= 0.5`` left of both lines and right
    of both, below 0.5 between them."""
    name = "outside_band"
    start = "your region is not everything but the band: "
    if examples(name, right={"w1": -7.0, "w2": 5.0, "b": 3.0}, mistakes=[
            ({"w1": 7.0, "w2": 5.0, "b": -6.0}, start + "it misses 3 of 3 points left"),
            ({"w1": 7.0, "w2": -5.0, "b": -3.0},
             start + "it misses 3 of 3 points left"),
            ({"w1": -7.0, "w2": 5.0, "b": 8.0}, start + "it covers 4 of 4 points"),
            ({"w1": -7.0, "w2": 1.0, "b": 3.0},
             start + "it misses 3 of 3 points right")]):
        return CheckResult(name, "todo", "captured")
    values = three_numbers(name, (w1, w2, b), quiet)
    if isinstance(values, CheckResult):
        return values
    inside = _output(SLIDE_W1, BAND_INSIDE, *values) >= 0.5
    left = _output(SLIDE_W1, BAND_LEFT, *values) >= 0.5
    right = _output(SLIDE_W1, BAND_RIGHT, *values) >= 0.5
    problems = []
    if not left.all():
        problems.append(
            f"it misses {int((~left).sum())} of {left.size} points left of both "
            "lines, where neither model says yes: there the score is about b, which "
            "must be positive")
    if inside.any():
        problems.append(
            f"it covers {int(inside.sum())} of {inside.size} points between the "
            "lines, where only model 1 says yes: there the score is about w1 + b, "
            "which must be negative")
    if not right.all():
        problems.append(
            f"it misses {int((~right).sum())} of {right.size} points right of both "
            "lines, where both models say yes: there the score is about w1 + w2 + b, "
            "which must be positive")
    if problems:
        return report(name, "fail", start + "; ".join(problems) + ".", quiet)
    return report(name, "pass", "everything but the band: two pieces, which no "
                  "single line can draw.", quiet)


# -- concept questions (predict, then check), chapters 3 and 4 -------------------------


def predict_sum_below_one(answer, quiet=False):
    """Chapter 3: is sigma(h1) + sigma(h2) always below 1? ("yes" or "no")."""
    return check_choice(
        "predict_sum_below_one", answer, "no",
        "each sigmoid is between 0 and 1, so their sum is between 0 and 2: at the "
        "point (1, 2) it is 0.9999 + 0.5 = 1.4999, and where both models say yes it "
        "comes close to 2.",
        {"yes": "each sigmoid alone stays below 1, but two of them can add up to "
                "almost 2: where both models are sure, 1 + 1."},
        quiet=quiet)


def predict_combined_minimum(answer, quiet=False):
    """Chapter 3: the smallest value of sigma(sigma1 + sigma2) anywhere (0, 0.5, 0.73
    or 1)."""
    return check_choice(
        "predict_combined_minimum", answer, 0.5,
        "the sum sigma1 + sigma2 is never negative, so the last sigmoid never gets "
        "below sigma(0) = 0.5: the plain sum rejects nothing.",
        {0.0: "the output would need a very negative sum, but sigma1 + sigma2 is at "
              "least 0, and sigma(0) = 0.5.",
         0.73: "that is sigma(1), where exactly one model says yes; where neither "
               "does, the sum is about 0 and the output sigma(0) = 0.5.",
         1.0: "the output is a sigmoid, always below 1; and it is smallest where "
              "the sum is smallest, about 0: sigma(0) = 0.5."},
        quiet=quiet)


def predict_bias_region(answer, quiet=False):
    """Chapter 4: the bias grows from -6 to -1 (weights 7 and 5 kept): does the
    combined region "grow", "shrink" or "stay" the same?"""
    return check_choice(
        "predict_bias_region", answer, "grows",
        "the bias is added to every point's score, so a larger bias lifts every "
        "score: more points reach a score >= 0 and the region grows. At b = -1 one "
        "model alone is enough (7 - 1 > 0 and 5 - 1 > 0): the union.",
        {"shrinks": "a larger bias makes every score larger, not smaller: more "
                    "points get y_hat >= 0.5.",
         "stays": "the bias is added to every score: points whose score was just "
                  "below 0 now reach it, so the region changes."},
        quiet=quiet)


def predict_doubled_boundary(answer, quiet=False):
    """Chapter 4: all three combination weights doubled (7, 5, -6 to 14, 10, -12):
    does the boundary "move" or "stay"?"""
    return check_choice(
        "predict_doubled_boundary", answer, "stays",
        "doubling every weight doubles every score, and 2z >= 0 exactly where "
        "z >= 0: the boundary stays, and the probabilities get sharper.",
        {"moves": "the boundary is where the score is 0, and twice 0 is still 0: "
                  "the same points are on it. Only the probabilities on either side "
                  "get closer to 0 and 1."},
        quiet=quiet)
