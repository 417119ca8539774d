"""The playground's settings: which ones keep the weights, the noise's argument per
data set, the inputs' labels, and the check of every setting's value."""

from __future__ import annotations

import numbers

from ... import datasets
from ..._validation import check_positive, check_positive_int
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
        if value not in datasets.DATASETS:
            raise ValueError(
                f"dataset must be one of {sorted(datasets.DATASETS)}, got {value!r}"
            )
    elif name == "layers":
        if isinstance(value, bool) or not isinstance(value, numbers.Integral):
            raise TypeError(
                f"layers must be an integer >= 0, got {type(value).__name__}")
        if not 0 <= value <= 6:
            raise ValueError(
                f"layers (hidden layers) must be between 0 and 6, got {value}")
        value = int(value)
    elif name == "units":
        value = check_positive_int(value, "units")
        if value > 16:
            raise ValueError(
                f"units (per hidden layer) must be at most 16, got {value}")
    elif name == "activation":
        get_activation(value)
    elif name == "alpha":
        value = check_positive(value, "alpha")
    elif name == "batch_size":
        value = None if value is None else check_positive_int(value, "batch_size")
    elif name == "seed":
        if isinstance(value, bool) or not isinstance(value, numbers.Integral):
            raise TypeError(f"seed must be an integer, got {type(value).__name__}")
        value = int(value)
    elif name == "train_percent":
        if isinstance(value, bool) or not isinstance(value, numbers.Integral):
            raise TypeError("train_percent (the training data's share in %) must be an "
                            f"integer, got {type(value).__name__}")
        if not 10 <= value <= 90:
            raise ValueError("train_percent (the training data's share in %) must be "
                             f"between 10 and 90, got {value}")
        value = int(value)
    elif name == "noise":
        if value is not None:
            if isinstance(value, bool) or not isinstance(value, numbers.Real):
                raise TypeError("noise must be None (the data set's own) or a number "
                                f">= 0, got {type(value).__name__}")
            if not 0 <= value <= 0.45:
                raise ValueError(f"noise must be between 0 and 0.45, got {value}")
            value = float(value)
    elif name == "features":
        if isinstance(value, str):  # one feature (a control's single option)
            value = (value,)
        chosen = datasets.feature_names(value)[2:]  # checks the names
        value = tuple(f for f in datasets.FEATURES if f in chosen)
    elif name == "show_test":
        value = bool(value)
    return value

