"""Activation functions and their derivatives, each derivative beside its function.

All functions are element-wise (softmax works along the last axis), accept any float
array, and are numerically stable: no overflow warning for inputs of +-1000.
"""

from __future__ import annotations

from typing import Callable, NamedTuple

import numpy as np


def _as_array(x) -> np.ndarray:
    if isinstance(x, (str, bytes)) or x is None:
        raise TypeError(f"expected a number or a numeric array, got {type(x).__name__}")
    try:
        return np.asarray(x, dtype=float)
    except (TypeError, ValueError) as exc:
        raise TypeError(
            f"expected a number or a numeric array, got {type(x).__name__}"
        ) from exc


def sigmoid(x):
    r"""The logistic sigmoid, squashing any score into a probability in (0, 1).

    Parameters
    ----------
    x : float or array of any shape

    Returns
    -------
    array of the same shape, values in [0, 1].

    Notes
    -----
    .. math:: \sigma(x) = \frac{1}{1 + e^{-x}}

    Chapter 1 (Acceptance at a University). Computed as ``exp(-|x|)`` over one of two
    denominators so that ``exp`` never overflows.

    Examples
    --------
    >>> float(sigmoid(0.0))
    0.5
    >>> round(float(sigmoid(2.9)), 4)
    0.9478
    """
    x = _as_array(x)
    z = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + z), z / (1.0 + z))


def sigmoid_prime(x):
    r"""Derivative of the sigmoid.

    Notes
    -----
    .. math:: \sigma'(x) = \sigma(x)\,(1 - \sigma(x)), \qquad \max_x \sigma'(x) = 1/4

    Chapter 10 (Sigmoid Derivative); the 1/4 bound is chapter 12's vanishing gradient.

    Examples
    --------
    >>> float(sigmoid_prime(0.0))
    0.25
    """
    s = sigmoid(x)
    return s * (1.0 - s)


def tanh(x):
    r"""The hyperbolic tangent, values in (-1, 1).

    Notes
    -----
    .. math:: \tanh(x) = \frac{e^x - e^{-x}}{e^x + e^{-x}}

    Chapter 13 (HYPERBOLIC TANGENT FUNCTION); ``np.tanh`` is stable for any input.

    Examples
    --------
    >>> float(tanh(0.0))
    0.0
    """
    return np.tanh(_as_array(x))


def tanh_prime(x):
    r"""Derivative of tanh.

    Notes
    -----
    .. math:: \tanh'(x) = 1 - \tanh^2(x), \qquad \max_x \tanh'(x) = 1

    Examples
    --------
    >>> float(tanh_prime(0.0))
    1.0
    """
    t = np.tanh(_as_array(x))
    return 1.0 - t * t


def relu(x):
    r"""The rectified linear unit.

    Notes
    -----
    .. math:: \mathrm{relu}(x) = \begin{cases} x & x \ge 0 \\ 0 & x < 0 \end{cases}

    Chapter 13 (RECTIFIED LINEAR UNIT).

    Examples
    --------
    >>> relu([-2.0, 0.0, 3.0]).tolist()
    [0.0, 0.0, 3.0]
    """
    return np.maximum(_as_array(x), 0.0)


def relu_prime(x):
    r"""Derivative of ReLU: 1 where x > 0, else 0.

    Notes
    -----
    .. math:: \mathrm{relu}'(x) = \begin{cases} 1 & x > 0 \\ 0 & x < 0 \end{cases}

    At the kink x = 0 the derivative does not exist; we take 0 there (a valid
    subgradient, and the convention of PyTorch and most libraries).

    Examples
    --------
    >>> relu_prime([-2.0, 0.0, 3.0]).tolist()
    [0.0, 0.0, 1.0]
    """
    return (_as_array(x) > 0).astype(float)


def softmax(x, axis: int = -1):
    r"""Softmax along ``axis``: scores to probabilities that sum to 1.

    Parameters
    ----------
    x : array of shape (m, k)
        One row of k class scores per example.

    Returns
    -------
    array of shape (m, k), each row non-negative and summing to 1.

    Notes
    -----
    .. math:: \mathrm{softmax}(h)_j = \frac{e^{h_j}}{\sum_l e^{h_l}}

    Chapter 6 (Multi-Class Classification). The row maximum is subtracted first, which
    changes nothing mathematically and keeps ``exp`` from overflowing.

    Examples
    --------
    >>> softmax([[0.0, 0.0]]).tolist()
    [[0.5, 0.5]]
    """
    x = _as_array(x)
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)


class Activation(NamedTuple):
    """A hidden-layer activation: its function, its derivative, and the derivative
    written in terms of the output ``a = f(h)`` (what backpropagation reuses)."""

    name: str
    f: Callable
    f_prime: Callable
    f_prime_from_output: Callable


ACTIVATIONS: dict[str, Activation] = {
    "sigmoid": Activation("sigmoid", sigmoid, sigmoid_prime, lambda a: a * (1.0 - a)),
    "tanh": Activation("tanh", tanh, tanh_prime, lambda a: 1.0 - a * a),
    "relu": Activation("relu", relu, relu_prime, lambda a: (a > 0).astype(float)),
}


def get_activation(name) -> Activation:
    """Look up a hidden-layer activation by name: "sigmoid", "tanh" or "relu".

    Examples
    --------
    >>> get_activation("tanh").name
    'tanh'
    """
    if isinstance(name, Activation):
        return name
    if not isinstance(name, str):
        raise TypeError(
            f"activation must be one of {sorted(ACTIVATIONS)} (a string), got "
            f"{type(name).__name__}"
        )
    try:
        return ACTIVATIONS[name]
    except KeyError:
        raise ValueError(
            f"unknown activation {name!r}; expected one of {sorted(ACTIVATIONS)}"
        ) from None
