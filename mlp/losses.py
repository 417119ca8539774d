"""The error functions: the log loss of one example and the cross-entropy E(W).

Predictions are clipped to [EPS, 1 - EPS] before the logarithm, so the error stays
finite when a prediction is exactly 0 or 1 (it is then large, about 34.5, not inf).
"""

from __future__ import annotations

import numpy as np

from ._validation import as_float_array

#: Predictions are clipped to ``[EPS, 1 - EPS]`` before taking a logarithm.
EPS = 1e-15


def _binary_pair(y, y_hat):
    """Check y (m,) against y_hat (m,) or (m, 1); return both as (m,) arrays."""
    y = as_float_array(y, "y")
    y_hat = as_float_array(y_hat, "y_hat")
    if y_hat.ndim == 2 and y_hat.shape[1] == 1:
        y_hat = y_hat[:, 0]  # the network's (m, 1) output column, one unit
    if y.ndim != 1 or y_hat.ndim != 1:
        raise ValueError(
            "y must have shape (m,) and y_hat shape (m,) or (m, 1); got y "
            f"{y.shape} and y_hat {y_hat.shape}"
        )
    if y.shape != y_hat.shape:
        raise ValueError(
            f"y has {y.shape[0]} labels but y_hat has {y_hat.shape[0]} predictions"
        )
    if y.size == 0:
        raise ValueError("y is empty: the error of no examples is undefined")
    if np.any((y < 0) | (y > 1)):
        raise ValueError(f"y must hold labels 0 or 1, got values {np.unique(y)[:6]}")
    if np.any((y_hat < 0) | (y_hat > 1)):
        raise ValueError(
            "y_hat must hold probabilities in [0, 1] (the output of a sigmoid), got "
            f"values from {y_hat.min():.3g} to {y_hat.max():.3g}"
        )
    return y, y_hat


def log_loss(y, y_hat):
    r"""The log loss of each example (the slides' :math:`L(h, y)` with
    :math:`h = \hat y`).

    Parameters
    ----------
    y : array of shape (m,), labels 0 or 1
    y_hat : array of shape (m,) or (m, 1), predicted probabilities

    Returns
    -------
    array of shape (m,)

    Notes
    -----
    .. math:: L(\hat y, y) = -\left[y \ln \hat y + (1 - y) \ln(1 - \hat y)\right]

    Chapter 10 (Sigmoid Derivative slide).

    Examples
    --------
    >>> round(float(log_loss([1], [0.5])[0]), 4)
    0.6931
    """
    y, y_hat = _binary_pair(y, y_hat)
    p = np.clip(y_hat, EPS, 1.0 - EPS)
    return -(y * np.log(p) + (1.0 - y) * np.log(1.0 - p))


def log_loss_prime(y, y_hat):
    r"""Derivative of the log loss with respect to the prediction, per example.

    Returns
    -------
    array of shape (m,)

    Notes
    -----
    .. math:: \frac{\partial L}{\partial \hat y} = -\frac{y}{\hat y}
              + \frac{1 - y}{1 - \hat y}

    The slide writes ``-y/h - (1-y)/(1-h)``: the second sign is wrong (chapter 10
    proves it with finite differences).

    Examples
    --------
    >>> float(log_loss_prime([1], [0.5])[0])
    -2.0
    """
    y, y_hat = _binary_pair(y, y_hat)
    p = np.clip(y_hat, EPS, 1.0 - EPS)
    return -y / p + (1.0 - y) / (1.0 - p)


def cross_entropy(y, y_hat) -> float:
    r"""The error function E of the slides: the mean log loss over the m examples.

    Parameters
    ----------
    y : array of shape (m,), labels 0 or 1
    y_hat : array of shape (m,) or (m, 1), predicted probabilities

    Returns
    -------
    float

    Notes
    -----
    .. math:: E(W) = -\frac{1}{m} \sum_{i=1}^m \left[ y_i \ln \hat y_i
              + (1 - y_i) \ln (1 - \hat y_i) \right]

    Chapter 8 (ERROR FUNCTION). The slide leaves out the square brackets; without them
    the 1/m and the minus sign would apply to the first term only.

    Examples
    --------
    >>> round(cross_entropy([1, 0], [0.9, 0.2]), 4)
    0.1643
    """
    return float(np.mean(log_loss(y, y_hat)))


def cross_entropy_prime(y, y_hat):
    r"""Gradient of E with respect to each prediction.

    Returns
    -------
    array of the shape of ``y_hat`` ((m,) or (m, 1))

    Notes
    -----
    .. math:: \frac{\partial E}{\partial \hat y_i} = \frac{1}{m}
              \left(-\frac{y_i}{\hat y_i} + \frac{1 - y_i}{1 - \hat y_i}\right)

    Examples
    --------
    >>> cross_entropy_prime([1, 0], [0.5, 0.5]).tolist()
    [-1.0, 1.0]
    """
    shape = np.shape(y_hat)
    g = log_loss_prime(y, y_hat) / len(np.atleast_1d(y))
    return g.reshape(shape)


def one_hot(y, k: int) -> np.ndarray:
    """Class ids of shape (m,) as one-hot rows of shape (m, k).

    Examples
    --------
    >>> one_hot([0, 2], 3).tolist()
    [[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]
    """
    y = as_float_array(y, "y", ndim=1)
    if not np.all((y == np.round(y)) & (y >= 0) & (y < k)):
        raise ValueError(f"y must hold class ids 0..{k - 1}, got {np.unique(y)[:6]}")
    out = np.zeros((y.shape[0], k))
    out[np.arange(y.shape[0]), y.astype(int)] = 1.0
    return out


def multiclass_cross_entropy(y, y_hat) -> float:
    r"""Cross-entropy for several classes (softmax output).

    Parameters
    ----------
    y : array of shape (m,), class ids 0..k-1
    y_hat : array of shape (m, k), each row a probability distribution

    Returns
    -------
    float

    Notes
    -----
    .. math:: E = -\frac{1}{m} \sum_{i=1}^m \ln \hat y_{i, y_i}

    With k = 2 and ``y_hat[:, 1]`` as the probability of class 1 this is exactly
    :func:`cross_entropy`. Chapter 6 (Multi-Class Classification).

    Examples
    --------
    >>> round(multiclass_cross_entropy([0, 2], [[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]]), 4)
    0.2899
    """
    y_hat = as_float_array(y_hat, "y_hat", ndim=2)
    m, k = y_hat.shape
    y = as_float_array(y, "y", ndim=1)
    if y.shape[0] != m:
        raise ValueError(f"y has {y.shape[0]} labels but y_hat has {m} rows")
    if np.any((y_hat < 0) | (y_hat > 1)):
        raise ValueError("y_hat must hold probabilities in [0, 1] (softmax output)")
    Y = one_hot(y, k)
    p = np.clip(np.sum(Y * y_hat, axis=1), EPS, 1.0)
    return float(-np.mean(np.log(p)))


def targets(y, n_out: int) -> np.ndarray:
    """Labels of shape (m,) as the (m, n_out) array a network's output is compared with.

    The column ``y[:, None]`` for one output unit (labels 0/1), :func:`one_hot` rows for
    several (class ids). Backpropagation starts from ``y_hat - targets(y, n_out)``.

    Examples
    --------
    >>> targets([1, 0], 1).tolist(), targets([1, 0], 2).tolist()
    ([[1.0], [0.0]], [[0.0, 1.0], [1.0, 0.0]])
    """
    y = as_float_array(y, "y", ndim=1)
    return y[:, None] if n_out == 1 else one_hot(y, n_out)


def output_error(y, y_hat) -> float:
    """The error E of a network's output ``y_hat`` (m, n_out) for labels ``y`` (m,).

    :func:`cross_entropy` for one output unit (a sigmoid),
    :func:`multiclass_cross_entropy` for several (a softmax): the error ``train``
    records and minimises.

    Examples
    --------
    >>> round(output_error([1, 0], [[0.9], [0.2]]), 4)
    0.1643
    """
    y_hat = as_float_array(y_hat, "y_hat", ndim=2)
    if y_hat.shape[1] == 1:
        return cross_entropy(y, y_hat)
    return multiclass_cross_entropy(y, y_hat)
