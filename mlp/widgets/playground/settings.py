"""The playground's settings: which ones keep the weights, the noise's argument per
data set, the inputs' labels, and the check of every setting's value."""

from __future__ import annotations

from ... import datasets
from ..._validation import (
    check_integer,
    check_number,
    check_one_of,
    check_positive,
    check_positive_int,
)
from ...activations import get_activation

__all__ = ["CONTINUE_SETTINGS", "FEATURE_LABELS", "NOISE_ARGUMENT", "check_setting"]

#: Settings that change how training continues (or only what is shown), not what is
#: trained: changing them keeps the current weights (as in TensorFlow Playground). Any
#: other change resets.
CONTINUE_SETTINGS = ("alpha", "batch_size", "show_test")

#: The name of each generator's noise argument (admissions flips labels instead).
NOISE_ARGUMENT = {"admissions": "flip"}

#: How the diagram labels each input feature (plain text, as a live figure's texts
#: are: :mod:`mlp.widgets.render.artists` says why).
FEATURE_LABELS = {"x1": "x₁", "x2": "x₂", "x1^2": "x₁²", "x2^2": "x₂²",
                  "x1*x2": "x₁x₂", "sin(x1)": "sin x₁", "sin(x2)": "sin x₂"}


def check_setting(name, value):
    """One playground setting, checked; returns the value to store."""
    if name == "dataset":
        value = check_one_of(value, "dataset", datasets.DATASETS)
    elif name == "layers":
        value = check_integer(value, "layers", 0, 6, "hidden layers")
    elif name == "units":
        value = check_integer(value, "units", 1, 16, "per hidden layer")
    elif name == "activation":
        get_activation(value)
    elif name == "alpha":
        value = check_positive(value, "alpha")
    elif name == "batch_size":
        value = None if value is None else check_positive_int(value, "batch_size")
    elif name == "seed":
        value = check_integer(value, "seed")
    elif name == "train_percent":
        value = check_integer(value, "train_percent", 10, 90,
                              "the training data's share in %")
    elif name == "noise" and value is not None:  # None: the data set's own
        value = check_number(value, "noise", 0, 0.45)
    elif name == "features":
        if isinstance(value, str):  # one feature (a control's single option)
            value = (value,)
        chosen = datasets.feature_names(value)[2:]  # checks the names
        value = tuple(f for f in datasets.FEATURES if f in chosen)
    elif name == "show_test":
        value = bool(value)
    return value

