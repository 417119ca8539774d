"""Feature scaling: standardised inputs, and weights mapped back to the raw inputs.

Chapter 1 shows why: inputs from 0 to 10, all positive, make the error a long narrow
valley that gradient descent crawls along; centred inputs of the same scale make it a
bowl, where a learning rate a hundred times larger is safe.
"""

from __future__ import annotations

import numpy as np

from ._validation import as_float_array, check_X

__all__ = ["standardize", "unstandardize_weights"]


def _statistic(value, n, name):
    arr = as_float_array(value, name)
    if arr.shape != (n,):
        raise ValueError(f"{name} must have shape ({n},), one entry per column of X; "
                         f"got shape {arr.shape}")
    return arr


def standardize(X, mean=None, std=None):
    r"""Centre every column of ``X`` and divide it by its standard deviation.

    Parameters
    ----------
    X : array of shape (m, n), one example per row
    mean, std : arrays of shape (n,), optional
        The statistics to use; by default those of ``X`` itself. Give the training
        set's to scale a test set the same way. A column whose ``std`` is 0 (the same
        value in every example) is divided by 1 instead.

    Returns
    -------
    X_scaled : array (m, n), ``(X - mean) / std``
    mean, std : arrays (n,), the statistics used (``std`` with its zeros made 1)

    Notes
    -----
    .. math:: x'_i = \frac{x_i - \mu_i}{s_i}

    Chapter 1 (Acceptance at a University), "Scaling the inputs".

    Examples
    --------
    >>> X_scaled, mean, std = standardize(np.array([[0.0, 5.0], [10.0, 5.0]]))
    >>> X_scaled.tolist(), mean.tolist(), std.tolist()
    ([[-1.0, 0.0], [1.0, 0.0]], [5.0, 5.0], [5.0, 1.0])
    """
    X = check_X(X)
    n = X.shape[1]
    mean = X.mean(axis=0) if mean is None else _statistic(mean, n, "mean")
    std = X.std(axis=0) if std is None else _statistic(std, n, "std")
    if np.any(std < 0):
        raise ValueError(f"std must be >= 0, got {std}")
    std = np.where(std == 0, 1.0, std)
    return (X - mean) / std, mean, std


def unstandardize_weights(W, mean, std):
    r"""The first layer's weights on the raw inputs, from weights learned on
    standardised ones: the same scores for every example.

    Parameters
    ----------
    W : array of shape (n + 1, k), weights for the standardised inputs, bias last
    mean, std : arrays of shape (n,), the statistics ``standardize`` used

    Returns
    -------
    array (n + 1, k): ``add_bias(X) @ result == add_bias(standardize(X, mean, std)[0])
    @ W``.

    Notes
    -----
    .. math:: \sum_i w_i \frac{x_i - \mu_i}{s_i} + b
              = \sum_i \frac{w_i}{s_i} x_i + \Big(b - \sum_i \frac{w_i \mu_i}{s_i}\Big)

    Chapter 1 (Acceptance at a University), "Scaling the inputs".

    Examples
    --------
    >>> unstandardize_weights(np.array([[2.0], [1.0]]), [5.0], [2.0]).ravel().tolist()
    [1.0, -4.0]
    """
    W = as_float_array(W, "W", ndim=2)
    if W.shape[0] < 2 or W.shape[1] < 1:
        raise ValueError(f"W must have shape (n + 1, k) with the bias as its last row, "
                         f"got shape {W.shape}")
    n = W.shape[0] - 1
    mean = _statistic(mean, n, "mean")
    std = _statistic(std, n, "std")
    if np.any(std <= 0):
        raise ValueError(f"std must be > 0 (standardize makes its zeros 1), got {std}")
    w = W[:-1] / std[:, None]
    b = W[-1] - mean @ w
    return np.vstack([w, b])
