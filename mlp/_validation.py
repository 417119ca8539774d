"""Input checks shared by the package: one clear error that says what was expected.

Every public function of `mlp` checks its arguments here, so a wrong shape or a NaN
never becomes a traceback from deep inside numpy.
"""

from __future__ import annotations

import numbers

import numpy as np


def as_float_array(value, name: str, ndim: int | None = None) -> np.ndarray:
    """Return ``value`` as a float64 array, with a clear error if it cannot be one.

    Raises ``TypeError`` for non-numeric input, ``ValueError`` for the wrong number of
    dimensions or for NaN/inf entries.
    """
    if isinstance(value, (str, bytes)) or value is None:
        raise TypeError(f"{name} must be a numeric array, got {type(value).__name__}")
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError) as exc:
        raise TypeError(
            f"{name} must be a numeric array, got {type(value).__name__}"
        ) from exc
    if ndim is not None and arr.ndim != ndim:
        expected = {1: "(m,)", 2: "(m, n)"}.get(ndim, f"{ndim}-D")
        raise ValueError(
            f"{name} must be a {ndim}-D array of shape {expected}, "
            f"got shape {arr.shape}"
        )
    if not np.all(np.isfinite(arr)):
        bad = int(np.size(arr) - np.count_nonzero(np.isfinite(arr)))
        raise ValueError(f"{name} contains {bad} NaN or infinite value(s)")
    return arr


def check_X(X, name: str = "X") -> np.ndarray:
    """A data set: a finite 2-D array of shape (m, n), one example per row."""
    arr = as_float_array(X, name)
    if arr.ndim == 1:
        raise ValueError(
            f"{name} must be 2-D of shape (m, n), one example per row; got shape "
            f"{arr.shape}. For one example use {name}.reshape(1, -1)."
        )
    if arr.ndim != 2:
        raise ValueError(f"{name} must be 2-D of shape (m, n), got shape {arr.shape}")
    if arr.shape[0] == 0:
        raise ValueError(f"{name} has no examples (shape {arr.shape})")
    return arr


def check_weights(weights, n_inputs: int | None = None) -> list[np.ndarray]:
    """A network: a non-empty list of 2-D weight matrices, bias in the last row.

    Layer k maps n_{k-1} inputs to n_k outputs with a matrix of shape
    (n_{k-1} + 1, n_k); consecutive matrices must chain.
    """
    if isinstance(weights, np.ndarray):
        if weights.ndim == 2:
            raise TypeError(
                "weights must be a list of weight matrices [W1, W2, ...]; got a single "
                f"array of shape {weights.shape}. Wrap it: [W]."
            )
        raise TypeError("weights must be a list of 2-D weight matrices [W1, W2, ...]")
    if not isinstance(weights, (list, tuple)) or len(weights) == 0:
        raise TypeError(
            "weights must be a non-empty list of 2-D weight matrices [W1, W2, ...], "
            f"got {type(weights).__name__}"
        )
    out = []
    for k, W in enumerate(weights):
        W = as_float_array(W, f"weights[{k}]")
        if W.ndim != 2 or W.shape[0] < 2 or W.shape[1] < 1:
            raise ValueError(
                f"weights[{k}] must be 2-D of shape (n_in + 1, n_out) with the bias as "
                f"its last row, got shape {W.shape}"
            )
        if out and out[-1].shape[1] + 1 != W.shape[0]:
            raise ValueError(
                f"weights[{k}] has shape {W.shape}, but the layer before it has "
                f"{out[-1].shape[1]} outputs, so it must have "
                f"{out[-1].shape[1] + 1} rows (inputs plus the bias row)"
            )
        out.append(W)
    if n_inputs is not None and out[0].shape[0] != n_inputs + 1:
        raise ValueError(
            f"X has {n_inputs} feature(s) per example, so weights[0] must have "
            f"{n_inputs + 1} rows (features plus the bias row); got shape "
            f"{out[0].shape}"
        )
    return out


def check_labels(y, m: int, n_out: int, name: str = "y") -> np.ndarray:
    """Labels for m examples: 0/1 when the output has one unit, class ids 0..n_out-1
    when it has several. Always returned with shape (m,)."""
    if isinstance(y, (str, bytes)) or y is None:
        raise TypeError(f"{name} must be an array of labels, got {type(y).__name__}")
    arr = as_float_array(y, name)
    if arr.ndim == 2 and arr.shape[1] == 1 and n_out == 1:
        raise ValueError(
            f"{name} must have shape ({m},), one label per example; got the column "
            f"{arr.shape}. Use {name}.ravel() to flatten it."
        )
    if arr.ndim != 1:
        raise ValueError(
            f"{name} must have shape ({m},), one label per example; got {arr.shape}"
        )
    if arr.shape[0] != m:
        raise ValueError(f"{name} has {arr.shape[0]} labels but X has {m} examples")
    if n_out == 1:
        if not np.all((arr == 0) | (arr == 1)):
            raise ValueError(
                f"{name} must hold 0 or 1 for a network with one output unit; got "
                f"values {np.unique(arr)[:6]}"
            )
    else:
        if not np.all((arr == np.round(arr)) & (arr >= 0) & (arr < n_out)):
            raise ValueError(
                f"{name} must hold class ids 0..{n_out - 1} for a network with {n_out} "
                f"output units; got values {np.unique(arr)[:6]}"
            )
    return arr


def check_positive(value, name: str) -> float:
    """A strictly positive finite number (a learning rate, say)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a positive number, got {type(value).__name__}")
    if not np.isfinite(value) or value <= 0:
        raise ValueError(f"{name} must be a positive finite number, got {value}")
    return float(value)


def check_positive_int(value, name: str) -> int:
    """A strictly positive integer (epochs, batch size, layer sizes)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(
            f"{name} must be a positive integer, got {type(value).__name__}")
    if value <= 0:
        raise ValueError(f"{name} must be a positive integer, got {value}")
    return int(value)


def check_integer(value, name: str, low=None, high=None, what: str = "") -> int:
    """An integer (not a bool), optionally between ``low`` and ``high`` (inclusive).
    ``what`` says what the number counts, for the message ("hidden layers")."""
    label = f"{name} ({what})" if what else name
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{label} must be an integer, got {type(value).__name__}")
    _check_range(int(value), label, low, high)
    return int(value)


def check_number(value, name: str, low=None, high=None, what: str = "") -> float:
    """A finite real number (not a bool), optionally between ``low`` and ``high``
    (inclusive)."""
    label = f"{name} ({what})" if what else name
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{label} must be a number, got {type(value).__name__}")
    if not np.isfinite(value):
        raise ValueError(f"{label} must be a finite number, got {value}")
    _check_range(float(value), label, low, high)
    return float(value)


def _check_range(value, label, low, high):
    if low is not None and high is not None and not low <= value <= high:
        raise ValueError(f"{label} must be between {low} and {high}, got {value}")
    if low is not None and value < low:
        raise ValueError(f"{label} must be a number >= {low}, got {value}")
    if high is not None and value > high:
        raise ValueError(f"{label} must be at most {high}, got {value}")


def check_one_of(value, name: str, choices):
    """One of ``choices`` (a dict's keys or a sequence); the message lists them."""
    if not isinstance(value, str) or value not in choices:
        raise ValueError(f"{name} must be one of {sorted(choices)}, got {value!r}")
    return value


def as_rng(rng) -> np.random.Generator:
    """A numpy Generator from a Generator or an int seed. None is refused: the course
    seeds every random number."""
    if isinstance(rng, np.random.Generator):
        return rng
    if isinstance(rng, numbers.Integral) and not isinstance(rng, bool):
        return np.random.default_rng(int(rng))
    raise TypeError(
        "rng must be a numpy Generator or an int seed (the course seeds every random "
        f"number), got {type(rng).__name__}"
    )
