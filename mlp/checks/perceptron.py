"""Checks for chapter 1 (Acceptance at a University): the score, the sigmoid, the
probability of acceptance, and the probability of one student; and the chapter's
concept questions (predict, then check)."""

from __future__ import annotations

import numpy as np

from ..activations import sigmoid as _sigmoid
from ._core import Mistake, check_choice, check_function, check_value, seeded_inputs

__all__ = ["score", "sigmoid", "probability", "student_probability", "predict_side",
           "predict_sigma_zero", "predict_doubling"]

#: The student of exercise "The probability of acceptance": test score 4, grades 9,
#: and the line x1 + x2 - 10 = 0.
STUDENT = (4.0, 9.0, 1.0, 1.0, -10.0)


def _score_inputs():
    return seeded_inputs(
        1, lambda r: (*r.uniform(0, 10, 2).round(1), *r.normal(0, 2, 3).round(2))
    )


def score(student):
    """Check ``score(x1, x2, w1, w2, b)``: the perceptron's ``w1 x1 + w2 x2 + b``."""
    return check_function(
        "score",
        student,
        lambda x1, x2, w1, w2, b: w1 * x1 + w2 * x2 + b,
        _score_inputs(),
        mistakes=[
            Mistake(lambda x1, x2, w1, w2, b: w1 * x1 + w2 * x2,
                    "the bias b is missing: the score is w1*x1 + w2*x2 + b."),
            Mistake(lambda x1, x2, w1, w2, b: w1 * x2 + w2 * x1 + b,
                    "the weights are swapped: w1 multiplies x1 and w2 multiplies x2."),
            Mistake(lambda x1, x2, w1, w2, b: _sigmoid(w1 * x1 + w2 * x2 + b),
                    "that is the probability: the score comes before the sigmoid."),
        ],
    )


def sigmoid(student):
    """Check a student's ``sigmoid(x)`` on scalars and arrays, including large |x|."""
    inputs = [(0.0,), (2.9,), (-3.0,), (np.array([-2.0, 0.5, 4.0]),),
              (np.linspace(-6, 6, 7),)]
    return check_function(
        "sigmoid",
        student,
        _sigmoid,
        inputs,
        mistakes=[
            # 1 / (1 + e^x) and e^(-x) / (1 + e^(-x)) are the same function
            Mistake(lambda x: 1 / (1 + np.exp(np.asarray(x, float))),
                    "that is 1 - sigma(x): check the sign in the exponent, "
                    "1 / (1 + e^(-x)), and that the numerator is 1."),
            Mistake(lambda x: 1 / (1 - np.exp(-np.asarray(x, float))),
                    "sign error in the denominator: it is 1 + e^(-x), not 1 - e^(-x)."),
        ],
    )


def probability(student):
    """Check ``probability(x1, x2, w1, w2, b)``: the sigmoid of the score."""
    return check_function(
        "probability",
        student,
        lambda x1, x2, w1, w2, b: _sigmoid(w1 * x1 + w2 * x2 + b),
        _score_inputs(),
        mistakes=[
            Mistake(lambda x1, x2, w1, w2, b: w1 * x1 + w2 * x2 + b,
                    "that is the score: pass it through the sigmoid to get a "
                    "probability."),
            Mistake(lambda x1, x2, w1, w2, b: _sigmoid(w1 * x1 + w2 * x2),
                    "the bias b is missing inside the sigmoid."),
            Mistake(lambda x1, x2, w1, w2, b: _sigmoid(-(w1 * x1 + w2 * x2 + b)),
                    "that is 1 - sigma(score), the probability of being rejected: "
                    "check the sign in e^(-x)."),
        ],
    )


def student_probability(value):
    """Check the probability of acceptance of the student with test score 4 and
    grades 9, for the line x1 + x2 - 10 = 0: sigma(3), about 0.953."""
    x1, x2, w1, w2, b = STUDENT
    score_ = w1 * x1 + w2 * x2 + b
    return check_value(
        "probability of the student",
        value,
        _sigmoid(score_),
        mistakes=[
            (score_, "that is the score (3): the probability is sigma(score)."),
            (_sigmoid(-score_), "that is 1 - sigma(3), the probability of being "
                                "rejected: check the sign in e^(-x)."),
            (_sigmoid(w1 * x1 + w2 * x2), "the bias -10 is missing from the score."),
            (0.5,
             "0.5 is the probability ON the line: this student's score is 3."),
        ],
        rtol=1e-3,
        success=f"correct: sigma(3) = {_sigmoid(score_):.3f}, very likely accepted.",
    )


# -- concept questions -----------------------------------------------------------------


def predict_side(side):
    """Predict: on which side of the line x1 + x2 - 10 = 0 is the student with test
    score 9 and grades 2?"""
    return check_choice(
        "side of the line", side, "accepted",
        "the score is 9 + 2 - 10 = 1 > 0. This line trades test score against grades "
        "one for one: a high test score makes up for low grades.",
        {"rejected": "look at the score, not at the grades alone: 9 + 2 - 10 = 1 is "
                     "positive.",
         "on the line": "on the line the score is exactly 0; here it is "
                        "9 + 2 - 10 = 1."},
    )


def predict_sigma_zero(value):
    """Predict: sigma(0), the probability of a student exactly on the line."""
    return check_choice(
        "sigma(0)", value, 0.5,
        "e^0 = 1, so sigma(0) = 1 / (1 + 1) = 1/2: on the line, accepted and rejected "
        "are equally likely.",
        {0.0: "0 is the score on the line; the sigmoid turns it into 1 / (1 + e^0).",
         1.0: "sigma reaches 1 only far on the accepted side; at 0 it is "
              "1 / (1 + e^0)."},
    )


def predict_doubling(answer):
    """Predict: doubling w1, w2 and b (a) moves the line, (b) keeps it and sharpens the
    shading, (c) keeps it and softens the shading."""
    return check_choice(
        "doubling w1, w2, b", answer, "b",
        "every score doubles, so its sign (the side, and the line where it is 0) stays "
        "and every probability moves away from 0.5.",
        {"a": "the line is where the score is 0, and twice 0 is still 0: it stays.",
         "c": "the scores double, so they get further from 0 and the probabilities "
              "further from 0.5: sharper, not softer."},
    )
