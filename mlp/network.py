"""The network as a list of weight matrices, and feedforward.

Notation (the slides'): every input gets a 1 appended, and the bias is the last row of
each weight matrix. Layer k maps n_{k-1} values to n_k with ``W[k-1]`` of shape
(n_{k-1} + 1, n_k); row i, column j of it is the slide's :math:`W_{i+1, j+1}^{(k)}`.
The 2-2-1 network of the slides has ``W[0].shape == (3, 2)`` and
``W[1].shape == (3, 1)``.
"""

from __future__ import annotations

import numpy as np

from ._validation import (
    as_rng,
    check_labels,
    check_positive_int,
    check_weights,
    check_X,
)
from .activations import get_activation, sigmoid, softmax


def add_bias(X):
    r"""Append a column of ones: the slides' input vector :math:`(x_1, x_2, 1)`.

    Parameters
    ----------
    X : array of shape (m, n)

    Returns
    -------
    array of shape (m, n + 1), the last column all ones.

    Notes
    -----
    With it, a layer's input sum is one matrix product, ``h = add_bias(a) @ W``, and
    the bias is the weight of the constant 1 (chapter 7, Feedforward).

    Examples
    --------
    >>> add_bias([[2.0, 3.0]]).tolist()
    [[2.0, 3.0, 1.0]]
    """
    X = check_X(X)
    return np.hstack([X, np.ones((X.shape[0], 1))])


def init_weights(sizes, rng, scale=None) -> list[np.ndarray]:
    r"""Random weights for a network with layer sizes ``[n_0, n_1, ..., n_L]``.

    Parameters
    ----------
    sizes : list of int
        Units per layer, inputs first: ``[2, 2, 1]`` is the slides' 2-2-1 network.
    rng : numpy Generator or int seed
    scale : None, float, "xavier" or "he", optional
        The standard deviation :math:`s` of the weights of a layer with
        :math:`n_\text{in}` inputs and :math:`n_\text{out}` units:

        - None (default): :math:`s = 1/\sqrt{n_\text{in}}` (variance
          :math:`1/n_\text{in}`), which keeps the input sums of order 1 whatever
          the width;
        - ``"xavier"`` (Glorot and Bengio, 2010; for sigmoid and tanh):
          variance :math:`s^2 = 2 / (n_\text{in} + n_\text{out})`;
        - ``"he"`` (He et al., 2015; for ReLU): variance
          :math:`s^2 = 2 / n_\text{in}`;
        - a positive float: that standard deviation for every layer.

    Returns
    -------
    list of arrays, ``W[k]`` of shape (sizes[k] + 1, sizes[k + 1]); the weights are
    drawn from :math:`\mathcal N(0, s^2)`, the biases (last rows) start at 0 under
    every scheme.

    Notes
    -----
    Each layer multiplies the spread of its inputs across the examples by about
    :math:`\sqrt{n_\text{in}}\, s\, g`, where :math:`g` is the activation's slope
    (its gain): 1/4 for the sigmoid at 0, 1 for tanh at 0, 1 for an active ReLU
    unit. The schemes choose :math:`s` so that this factor stays near 1
    (chapter 13, initialisation). With :math:`n_\text{in} = n_\text{out}`,
    ``"xavier"`` equals the default.

    Examples
    --------
    >>> [W.shape for W in init_weights([2, 2, 1], rng=0)]
    [(3, 2), (3, 1)]
    >>> W = init_weights([400, 100], rng=0, scale="he")[0]
    >>> round(float(W[:-1].std() ** 2 * 400), 1)
    2.0
    """
    if not isinstance(sizes, (list, tuple)) or len(sizes) < 2:
        raise ValueError(
            "sizes must be a list of at least two layer sizes, inputs first, e.g. "
            f"[2, 2, 1]; got {sizes!r}"
        )
    sizes = [check_positive_int(n, f"sizes[{i}]") for i, n in enumerate(sizes)]
    _check_scale(scale)
    rng = as_rng(rng)
    weights = []
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        std = _weight_std(scale, n_in, n_out)
        W = np.zeros((n_in + 1, n_out))
        W[:-1] = rng.normal(0.0, std, size=(n_in, n_out))
        weights.append(W)
    return weights


_SCHEMES = ("xavier", "he")


def _check_scale(scale):
    """A clear error for a scale that is no scheme's name and no positive number."""
    if scale is None or scale in _SCHEMES:
        return
    if isinstance(scale, str):
        raise ValueError(
            f"scale must be None, a positive number or one of {_SCHEMES}, got "
            f"{scale!r}")
    if isinstance(scale, bool) or not isinstance(scale, (int, float, np.number)):
        raise TypeError(
            f"scale must be None, a positive number or one of {_SCHEMES}, got "
            f"{type(scale).__name__}")
    if not np.isfinite(scale) or scale <= 0:
        raise ValueError(f"scale must be a positive number, got {scale!r}")


def _weight_std(scale, n_in, n_out):
    """The standard deviation of one layer's weights (see :func:`init_weights`)."""
    if scale is None:
        return 1.0 / np.sqrt(n_in)
    if scale == "xavier":
        return np.sqrt(2.0 / (n_in + n_out))
    if scale == "he":
        return np.sqrt(2.0 / n_in)
    return float(scale)


def layer_input(a, W):
    r"""A layer's input sum :math:`h = [a, 1]\, W`, the slide's ``add_bias(a) @ W``.

    Parameters
    ----------
    a : array of shape (m, n_{k-1}), the previous layer's outputs (or X)
    W : array of shape (n_{k-1} + 1, n_k), bias in the last row

    Returns
    -------
    h : array of shape (m, n_k)

    Notes
    -----
    .. math:: h_j = \sum_i a_i W_{ij} + 1 \cdot W_{n+1, j}

    The same numbers as ``add_bias(a) @ W`` (a test checks it), computed as
    ``a @ W[:-1] + W[-1]``: the weight rows times the inputs, plus the bias row times
    the constant 1, without building the column of ones. Every forward pass in
    ``mlp`` (training, the demos, the figures) computes a layer with it; it does not
    check its input, :func:`forward` does that once.

    Examples
    --------
    >>> a, W = np.array([[2.0, 3.0]]), np.array([[1.0], [1.0], [-4.0]])
    >>> layer_input(a, W).tolist(), (add_bias(a) @ W).tolist()
    ([[1.0]], [[1.0]])
    """
    return a @ W[:-1] + W[-1]


def output_activation(h):
    """The output layer: a sigmoid for one unit, a softmax for several."""
    return sigmoid(h) if h.shape[1] == 1 else softmax(h)


def forward_pass(weights, X, act):
    """:func:`forward` without the input checks, for code that checked them once.

    Parameters
    ----------
    weights : list of float arrays that chain (as ``check_weights`` returns them)
    X : float array of shape (m, n_0)
    act : an :class:`~mlp.activations.Activation` (``get_activation(name)``), the
        hidden layers' function

    Returns
    -------
    hs, activations : as :func:`forward`

    Notes
    -----
    ``train``, ``backprop``, the demos and the figures call it in their loops, where
    checking every minibatch again would cost more than the arithmetic.
    """
    hs, activations = [], [X]
    a = X
    last = len(weights) - 1
    for k, W in enumerate(weights):
        h = layer_input(a, W)  # h = add_bias(a) @ W
        a = output_activation(h) if k == last else act.f(h)  # a = f(h)
        hs.append(h)
        activations.append(a)
    return hs, activations


def output_in_blocks(weights, X, act, rows=256):
    """The output ``y_hat`` of :func:`forward_pass`, ``rows`` examples at a time.

    Parameters
    ----------
    weights, X, act : as :func:`forward_pass`
    rows : int, examples per block

    Returns
    -------
    y_hat : array of shape (m, n_out), the same numbers as
        ``forward_pass(weights, X, act)[1][-1]`` (a test checks it)

    Notes
    -----
    Only speed differs: blocks of a few hundred rows keep every layer's arrays in
    the CPU's cache, which makes the element-wise activations two to three times
    faster than on all of a large X at once (2000 examples through 2-32-32-1 on the
    benchmark machine: 0.5 ms against 1.4 ms). ``train`` uses it for the error on all
    of X after each epoch.
    """
    if X.shape[0] <= rows:
        return forward_pass(weights, X, act)[1][-1]
    return np.concatenate([forward_pass(weights, X[s : s + rows], act)[1][-1]
                           for s in range(0, X.shape[0], rows)])


def forward(weights, X, activation="sigmoid"):
    r"""Feedforward that keeps every layer's input sum ``h`` and output ``a``.

    Parameters
    ----------
    weights : list of arrays, ``W[k]`` of shape (n_k + 1, n_{k+1})
    X : array of shape (m, n_0)
    activation : {"sigmoid", "tanh", "relu"}
        The hidden layers' function; the output layer is a sigmoid (one unit) or a
        softmax (several).

    Returns
    -------
    hs : list of L arrays, ``hs[k]`` of shape (m, n_{k+1})
    activations : list of L + 1 arrays, ``activations[0] = X`` and
        ``activations[k + 1] = f(hs[k])``

    Notes
    -----
    .. math:: h^{(k)} = [a^{(k-1)}, 1]\, W^{(k)}, \qquad a^{(k)} = \sigma(h^{(k)})

    Backpropagation (chapter 11) reuses ``hs`` and ``activations``.
    """
    X = check_X(X)
    weights = check_weights(weights, n_inputs=X.shape[1])
    return forward_pass(weights, X, get_activation(activation))


def feedforward(weights, X, activation="sigmoid"):
    r"""The network's prediction :math:`\hat y` for every example.

    Parameters
    ----------
    weights : list of arrays, ``W[k]`` of shape (n_k + 1, n_{k+1})
    X : array of shape (m, n_0), one example per row
    activation : {"sigmoid", "tanh", "relu"}, hidden layers' function

    Returns
    -------
    y_hat : array of shape (m, n_out): probabilities (sigmoid for one output unit,
        softmax rows for several).

    Notes
    -----
    .. math:: \hat y = \sigma \circ W^{(2)} \circ \sigma \circ W^{(1)}(x)

    Chapter 7 (Feedforward); deeper networks compose more layers.

    Examples
    --------
    >>> W1 = np.array([[5.0, 7.0], [-2.0, -3.0], [8.0, -1.0]])
    >>> W2 = np.array([[7.0], [5.0], [-6.0]])
    >>> feedforward([W1, W2], [[0.0, 0.0]]).shape
    (1, 1)
    """
    return forward(weights, X, activation)[1][-1]


def predict(weights, X, activation="sigmoid") -> np.ndarray:
    """Predicted labels of shape (m,): 1 where y_hat >= 0.5 for one output unit, the
    most probable class id for several."""
    return output_labels(feedforward(weights, X, activation))


def output_labels(y_hat) -> np.ndarray:
    r"""The labels an output ``y_hat`` of shape (m, n_out) predicts, shape (m,).

    1 where :math:`\hat y \ge 0.5` for one output unit (else 0), the most probable
    class id for several (chapter 6).
    """
    if y_hat.shape[1] == 1:
        return (y_hat[:, 0] >= 0.5).astype(int)
    return np.argmax(y_hat, axis=1)


def accuracy(weights, X, y, activation="sigmoid") -> float:
    """Fraction of examples whose predicted label equals ``y`` (shape (m,))."""
    pred = predict(weights, X, activation)
    n_out = np.shape(weights[-1])[1]
    y = check_labels(y, pred.shape[0], n_out)
    return float(np.mean(pred == y))
