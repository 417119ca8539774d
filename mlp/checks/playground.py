"""Checks for the playground: two concept questions ("predict, then check").

:func:`predict_unit_region`: where a unit of the first hidden layer is on;
:func:`predict_squares_accuracy`: the training accuracy on the circles of a network
without hidden layers, given the features x1^2 and x2^2.
"""

from __future__ import annotations

from ._core import check_choice

__all__ = ["predict_squares_accuracy", "predict_unit_region"]


def predict_unit_region(region):
    """Concept question: where a ReLU unit of the first hidden layer outputs more
    than 0, over the plane of (x1, x2)."""
    return check_choice(
        "predict_unit_region", region, "half-plane",
        "the unit computes relu(w1 x1 + w2 x2 + b), which is above 0 exactly where "
        "w1 x1 + w2 x2 + b > 0: on one side of the line w1 x1 + w2 x2 + b = 0 "
        "(chapter 3).",
        {"band": "a band lies between two lines; one unit has only one weighted sum, "
                 "so only one line: it is on on one side of it.",
         "curved region": "a curved edge needs a combination of units (chapter 5); a "
                          "first-layer unit sees only the inputs x1 and x2, through "
                          "one line."})


def predict_squares_accuracy(accuracy):
    """Concept question: the training accuracy, on the circles, of a network without
    hidden layers whose inputs are x1, x2, x1^2 and x2^2."""
    return check_choice(
        "predict_squares_accuracy", accuracy, 1.0,
        "its boundary w1 x1 + w2 x2 + w3 x1^2 + w4 x2^2 + b = 0 is a line in the "
        "space of the four inputs, but a circle (or ellipse) in the plane: it can "
        "go around the inner circle.",
        {0.5: "without hidden layers the network draws one line in the plane of "
              "x1 and x2, but here its inputs include x1^2 and x2^2: its boundary "
              "need not be a line in the plane.",
         0.75: "that would be a boundary that fits only part of the rings; with "
               "x1^2 and x2^2 it can be a whole circle between them, which "
               "separates the two rings completely."})
