"""Checks for chapter 0 (numpy for this course): rows and columns of a data set, the
column of ones for the bias, every student's scores as one matrix product, accuracy as
the mean of a comparison, and the chapter's three "predict, then check" questions."""

from __future__ import annotations

import numpy as np

from ..activations import sigmoid as _sigmoid
from ..network import add_bias as _add_bias
from ._core import Mistake, check_choice, check_function, check_value, seeded_inputs

__all__ = [
    "x1_column",
    "second_student",
    "add_ones",
    "all_scores",
    "accuracy",
    "predict_product_shape",
    "predict_broadcast",
    "predict_mean_of_booleans",
]

#: The chapter's four students, one per row: (test score x1, grades x2).
X = np.array([[1.0, 3.0], [7.0, 6.0], [4.0, 9.0], [2.0, 2.0]])
#: The three new students of exercise "Scores for every student at once".
X_NEW = np.array([[5.0, 5.0], [9.0, 1.0], [0.0, 8.0]])
#: The slides' W(1) of the 2-2-1 network (chapter 7): rows x1, x2 and the bias.
W1 = np.array([[5.0, 7.0], [-2.0, -3.0], [8.0, -1.0]])


def x1_column(value):
    """Check ``x1_column = X[:, 0]``: every student's test score (the first column)."""
    return check_value(
        "x1_column",
        value,
        X[:, 0],
        mistakes=[
            (X[0], "that is the first row, the first student (x1, x2): the column "
                   "is X[:, 0], every row (:) and column 0."),
            (X[:, 1], "that is column 1, the grades x2: Python counts from 0, so "
                      "the test scores x1 are column 0."),
            (X[:, :1], "right numbers, but X[:, :1] keeps a column of shape (4, 1): "
                       "X[:, 0] gives the flat shape (4,)."),
        ],
        success="right: X[:, 0] is every row's entry 0, the test scores (1, 7, 4, 2).",
    )


def second_student(value):
    """Check ``second_student = X[1]``: the second row, the student (7, 6)."""
    return check_value(
        "second_student",
        value,
        X[1],
        mistakes=[
            (X[2], "that is the third student: Python counts from 0, so the second "
                   "row is X[1]."),
            (X[:, 1], "that is column 1, every student's grades: a row is X[1] "
                      "(or X[1, :])."),
            (X[0], "that is the first student, X[0]: the second one is X[1]."),
        ],
        success="right: X[1] is row 1, the second student (7, 6).",
    )


def _inputs_X(rng):
    m, n = int(rng.integers(1, 6)), int(rng.integers(1, 4))
    return (rng.uniform(0, 10, (m, n)).round(1),)


def add_ones(student):
    """Check ``add_ones(X)``: ``X`` (m, n) with a column of ones appended, (m, n + 1),
    as ``mlp.add_bias`` does."""
    inputs = [(X.copy(),), *seeded_inputs(0, _inputs_X)]
    return check_function(
        "add_ones",
        student,
        _add_bias,
        inputs,
        mistakes=[
            Mistake(lambda X_: np.hstack([np.ones((len(X_), 1)), X_]),
                    "the ones came first: the slides write (x1, x2, 1), so the "
                    "column of ones goes last, np.hstack([X, ones])."),
            Mistake(lambda X_: np.vstack([X_, np.ones((1, X_.shape[1]))]),
                    "you appended a row of ones (a new example): the 1 belongs to "
                    "every example, a column of shape (m, 1), np.ones((m, 1))."),
            Mistake(lambda X_: np.hstack([X_[:, :-1], np.ones((len(X_), 1))]),
                    "the last column of X was replaced by ones: append a column, so "
                    "that the shape grows from (m, n) to (m, n + 1)."),
        ],
    )


def all_scores(H_new):
    """Check ``H_new = mlp.add_bias(X_new) @ W1``: both hidden units' scores for the
    three new students, shape (3, 2)."""
    right = _add_bias(X_NEW) @ W1
    return check_value(
        "H_new",
        H_new,
        right,
        mistakes=[
            (X_NEW @ W1[:2], "the biases are missing: append the 1 to every student "
                             "first, mlp.add_bias(X_new) @ W1."),
            (_sigmoid(right), "that went through the sigmoid: the scores are the "
                              "product itself, mlp.add_bias(X_new) @ W1."),
        ],
        success="right: one product, (3, 3) @ (3, 2) -> (3, 2); row i holds student "
                "i's h1 and h2.",
    )


def _reference_accuracy(predicted, y):
    return float(np.mean(predicted == y))


def _inputs_labels(rng):
    m = int(rng.integers(5, 12))
    y = rng.integers(0, 2, m)
    predicted = np.where(rng.random(m) < 0.7, y, 1 - y)
    return predicted, y


def accuracy(student):
    """Check ``accuracy(predicted, y)``: the fraction of examples whose predicted label
    equals ``y``, ``np.mean(predicted == y)``."""
    inputs = [(np.array([0, 1, 1, 0]), np.array([0, 1, 0, 0])),
              *seeded_inputs(3, _inputs_labels)]
    return check_function(
        "accuracy",
        student,
        _reference_accuracy,
        inputs,
        mistakes=[
            Mistake(lambda p, y: np.sum(p == y),
                    "that is how many are right (the sum of the comparison): divide "
                    "by m, which is what np.mean does."),
            Mistake(lambda p, y: np.mean(p != y),
                    "that is the fraction that is wrong (p != y): compare with ==."),
            Mistake(lambda p, y: np.mean(p),
                    "that is the fraction predicted 1: compare the predictions with "
                    "the labels first, predicted == y."),
        ],
    )


def predict_product_shape(choice):
    """Concept question: the shape of ``Xb @ W1``, ``Xb`` of shape (4, 3) and ``W1``
    of shape (3, 2)."""
    return check_choice(
        "shape of Xb @ W1",
        choice,
        "a",
        "(4, 3) @ (3, 2) -> (4, 2): the inner 3s meet (each row of Xb against each "
        "column of W1), the outer numbers stay: one row per student, one column per "
        "unit.",
        {
            "b": "(3, 2) is W1's own shape: the product keeps the rows of Xb, one per "
                 "student.",
            "c": "(4, 3) is Xb's own shape: the product has one column per column of "
                 "W1.",
            "d": "the inner sizes agree, 3 columns of Xb and 3 rows of W1, so the "
                 "product is defined.",
        },
    )


def predict_broadcast(choice):
    """Concept question: what ``X @ W1[:2] + W1[2]`` does with the bias row."""
    return check_choice(
        "X @ W1[:2] + W1[2]",
        choice,
        "a",
        "numpy stretches the row (8, -1) over all 4 rows (broadcasting): 8 is added "
        "to column 0 and -1 to column 1 of every row.",
        {
            "b": "shapes (4, 2) and (2,) match from the right (2 and 2), so numpy "
                 "repeats the row for every example instead of refusing.",
            "c": "a row is added to every row, not only the first: each student "
                 "gets the biases.",
            "d": "the two biases are not summed: entry j of the row goes to column "
                 "j.",
        },
    )


def predict_mean_of_booleans(value):
    """Concept question: ``np.mean([True, False, True, True])``."""
    return check_choice(
        "np.mean([True, False, True, True])",
        value,
        0.75,
        "True counts as 1 and False as 0, so the mean is 3 / 4: the fraction of "
        "True.",
        {
            3: "3 is the sum, how many are True: the mean divides it by the 4 "
               "entries.",
            0.25: "0.25 is the fraction of False: True counts as 1.",
            1: "numpy does not stop at the first True: it averages all four, with "
               "True = 1 and False = 0.",
        },
    )
