"""How big is the gradient in each layer? Measurements for chapters 12 and 13.

A deep network's gradient is a product of one factor per layer (chapter 11); with the
sigmoid, each factor holds a :math:`\\sigma'(h) \\le 1/4`, so the layers far from the
output get tiny gradients (chapter 12, vanishing gradients). The functions here measure
that, layer by layer, and train the same network with different activations so that
chapter 13 can compare them.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from ._validation import (
    as_float_array,
    as_rng,
    check_labels,
    check_positive,
    check_positive_int,
    check_weights,
    check_X,
)
from .activations import get_activation
from .backpropagation import backward_pass
from .losses import targets
from .network import forward_pass, init_weights
from .training import DivergenceError, train

__all__ = [
    "Run",
    "activation_spreads",
    "compare_activations",
    "gradient_norms",
    "gradient_sizes",
    "mean_derivatives",
    "relative_change",
    "train_run",
]

_KINDS = ("mean_abs", "norm")


def _check_kind(kind):
    if kind not in _KINDS:
        raise ValueError(f"kind must be one of {_KINDS}, got {kind!r}")
    return kind


def gradient_sizes(grads, kind="mean_abs") -> np.ndarray:
    r"""One number per layer: how big that layer's gradient is.

    Parameters
    ----------
    grads : list of L arrays, ``grads[k]`` of shape (n_k + 1, n_{k+1}), as returned by
        :func:`mlp.backprop`
    kind : {"mean_abs", "norm"}
        ``"mean_abs"`` (default): the mean of :math:`|\partial E / \partial W_{ij}|`
        over the layer's entries (bias row included), which does not grow with the
        layer's width. ``"norm"``: the Frobenius norm
        :math:`\sqrt{\sum_{ij} (\partial E / \partial W_{ij})^2}`.

    Returns
    -------
    array of shape (L,), entry k for layer k + 1 (the first hidden layer first).

    Notes
    -----
    .. math:: s_k = \frac{1}{|W^{(k)}|} \sum_{ij}
              \left| \frac{\partial E}{\partial W^{(k)}_{ij}} \right|

    Chapter 12 (vanishing gradients).

    Examples
    --------
    >>> gradient_sizes([np.array([[1.0, -3.0], [0.0, 0.0]]), np.ones((3, 1))]).tolist()
    [1.0, 1.0]
    """
    kind = _check_kind(kind)
    if isinstance(grads, np.ndarray) or not isinstance(grads, (list, tuple)):
        raise TypeError(
            "grads must be a list of gradient arrays [dE/dW1, dE/dW2, ...], got "
            f"{type(grads).__name__}"
        )
    if len(grads) == 0:
        raise ValueError("grads must hold at least one gradient array, got []")
    grads = [as_float_array(g, f"grads[{k}]") for k, g in enumerate(grads)]
    if kind == "norm":
        return np.array([np.sqrt(np.sum(g * g)) for g in grads])
    return np.array([np.mean(np.abs(g)) for g in grads])


def gradient_norms(weights, X, y, activation="sigmoid", kind="mean_abs"):
    r"""Backpropagate once and measure the gradient's size in every layer.

    Parameters
    ----------
    weights : list of L arrays, ``W[k]`` of shape (n_k + 1, n_{k+1})
    X : array of shape (m, n_0)
    y : array of shape (m,), 0/1 labels (one output unit) or class ids
    activation : {"sigmoid", "tanh", "relu"}, the hidden layers' function
    kind : {"mean_abs", "norm"}, see :func:`gradient_sizes`

    Returns
    -------
    array of shape (L,): the size of :math:`\partial E / \partial W^{(k)}` for
    k = 1 .. L (first hidden layer first, output layer last).

    Notes
    -----
    For a sigmoid network every layer between :math:`W^{(k)}` and the output adds a
    factor :math:`W \sigma'(h)` to the chain rule, and :math:`\sigma'(h) \le 1/4`, so
    the first layers' gradients are the smallest (chapter 12).

    Examples
    --------
    >>> from mlp import datasets
    >>> X, y = datasets.moons(100, rng=0)
    >>> s = gradient_norms(init_weights([2, 8, 8, 8, 1], rng=0), X, y)
    >>> s.shape, bool(s[0] < s[-1])
    ((4,), True)
    """
    X = check_X(X)
    weights = check_weights(weights, n_inputs=X.shape[1])
    n_out = weights[-1].shape[1]
    y = check_labels(y, X.shape[0], n_out)
    act = get_activation(activation)
    _check_kind(kind)
    with np.errstate(over="ignore", invalid="ignore"):
        _, activations = forward_pass(weights, X, act)
        grads = backward_pass(weights, activations, targets(y, n_out), act)
    return gradient_sizes(grads, kind)


def mean_derivatives(weights, X, activation="sigmoid") -> np.ndarray:
    r"""The mean of :math:`f'(h^{(k)})` over the data and the units of each hidden
    layer: the factor each layer contributes to the chain rule.

    Parameters
    ----------
    weights : list of L arrays
    X : array of shape (m, n_0)
    activation : {"sigmoid", "tanh", "relu"}

    Returns
    -------
    array of shape (L - 1,), one entry per hidden layer (empty for a network without
    hidden layers).

    Notes
    -----
    For the sigmoid every entry is at most :math:`\sigma'(0) = 1/4`; for tanh at
    most 1; for ReLU it is the fraction of active units (chapter 13).

    Examples
    --------
    >>> X = np.zeros((1, 2))
    >>> mean_derivatives(init_weights([2, 3, 1], rng=0), X).tolist()
    [0.25]
    """
    X = check_X(X)
    weights = check_weights(weights, n_inputs=X.shape[1])
    act = get_activation(activation)
    with np.errstate(over="ignore", invalid="ignore"):
        hs, _ = forward_pass(weights, X, act)
    return np.array([float(np.mean(act.f_prime(h))) for h in hs[:-1]])


def relative_change(before, after) -> np.ndarray:
    r"""How far training moved each layer's weights, relative to where they started.

    Parameters
    ----------
    before, after : lists of L arrays of the same shapes

    Returns
    -------
    array of shape (L,): :math:`\|W^{(k)}_\text{after} - W^{(k)}_\text{before}\|
    / \|W^{(k)}_\text{before}\|` (Frobenius norms).

    Examples
    --------
    >>> relative_change([np.ones((2, 1))], [2 * np.ones((2, 1))]).tolist()
    [1.0]
    """
    before = check_weights(before)
    after = check_weights(after)
    if len(before) != len(after) or any(
        a.shape != b.shape for a, b in zip(before, after)
    ):
        raise ValueError(
            "before and after must be weight lists of the same shapes, got "
            f"{[b.shape for b in before]} and {[a.shape for a in after]}"
        )
    out = []
    for k, (b, a) in enumerate(zip(before, after)):
        size = np.linalg.norm(b)
        if size == 0:
            raise ValueError(
                f"before[{k}] is all zeros: its relative change is undefined")
        out.append(np.linalg.norm(a - b) / size)
    return np.array(out)


class Run(NamedTuple):
    """One training run of :func:`train_run`.

    Attributes
    ----------
    activation : str
    sizes : list of int, the layer sizes
    weights : list of arrays, the trained weights (the last finite ones if it diverged)
    history : dict with per-epoch ``"loss"`` and ``"accuracy"``
    gradient_sizes : array (L,), :func:`gradient_norms` of the starting weights
    diverged_epoch : int or None, the epoch in which training diverged (the weights
        or the error became NaN or inf)
    """

    activation: str
    sizes: list
    weights: list
    history: dict
    gradient_sizes: np.ndarray
    diverged_epoch: int | None


def train_run(sizes, X, y, activation="sigmoid", alpha=0.2, epochs=100,
              batch_size=20, seed=0) -> Run:
    r"""Initialise a network from ``seed``, measure its gradients, and train it.

    Parameters
    ----------
    sizes : list of int, e.g. ``[2, 8, 8, 8, 1]``
    X : array (m, n_0); y : array (m,)
    activation : {"sigmoid", "tanh", "relu"}
    alpha : float > 0, the learning rate
    epochs : int > 0
    batch_size : int > 0 or None (full batch)
    seed : int
        Seeds both the initial weights and the shuffling, so two runs that differ
        only in ``activation`` start from the very same weights.

    Returns
    -------
    Run

    Notes
    -----
    Divergence does not raise: the run keeps the last finite weights and history and
    records the epoch in ``diverged_epoch``.

    Examples
    --------
    >>> from mlp import datasets
    >>> X, y = datasets.moons(60, rng=0)
    >>> run = train_run([2, 4, 4, 1], X, y, "tanh", epochs=3)
    >>> len(run.history["loss"]), run.diverged_epoch
    (3, None)
    """
    name = get_activation(activation).name
    alpha = check_positive(alpha, "alpha")
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
        raise TypeError(f"seed must be an int, got {type(seed).__name__}")
    weights0 = init_weights(list(sizes), rng=seed)
    start = gradient_norms(weights0, X, y, name)
    try:
        weights, history = train(weights0, X, y, alpha, epochs, batch_size=batch_size,
                                 activation=name, rng=as_rng(seed))
        diverged = None
    except DivergenceError as err:
        weights, history, diverged = err.weights, err.history, err.epoch
    return Run(name, list(sizes), weights, history, start, diverged)


def compare_activations(sizes, X, y, activations=("sigmoid", "tanh", "relu"),
                        alpha=0.2, epochs=100, batch_size=20, seed=0):
    """Train the same network (same data, same starting weights, same minibatches)
    once per activation.

    Returns
    -------
    dict mapping each activation's name to its :class:`Run`.

    Notes
    -----
    Chapter 13: the sigmoid network's error stays near :math:`\\ln 2` while tanh and
    ReLU train.
    """
    epochs = check_positive_int(epochs, "epochs")
    if isinstance(activations, str):
        activations = (activations,)
    return {
        get_activation(a).name: train_run(sizes, X, y, a, alpha, epochs, batch_size,
                                          seed)
        for a in activations
    }


def activation_spreads(weights, X, activation="sigmoid") -> np.ndarray:
    r"""How different the examples still look in each layer: the spread of every
    layer's output across the examples.

    Parameters
    ----------
    weights : list of L arrays, ``W[k]`` of shape (n_k + 1, n_{k+1})
    X : array of shape (m, n_0), m >= 2 examples
    activation : {"sigmoid", "tanh", "relu"}, the hidden layers' function

    Returns
    -------
    array of shape (L + 1,): entry 0 for the inputs :math:`a^{(0)} = X`, entry k for
    layer k's output :math:`a^{(k)}`, the last one for :math:`\hat y`.

    Notes
    -----
    The spread of a unit is the standard deviation of its output over the m
    examples; a layer's spread is the mean over its units:

    .. math:: s_k = \frac{1}{n_k} \sum_j \operatorname{std}_x\, a^{(k)}_j(x)

    When it is near 0 the layer gives (almost) the same output for every input, and
    the layers after it cannot tell the inputs apart (chapter 12).

    Examples
    --------
    >>> X = np.array([[0.0, 1.0], [2.0, 1.0]])
    >>> activation_spreads([np.zeros((3, 1))], X).tolist()
    [0.5, 0.0]
    """
    X = check_X(X)
    if X.shape[0] < 2:
        raise ValueError(
            f"X must hold at least 2 examples to have a spread, got {X.shape[0]}")
    weights = check_weights(weights, n_inputs=X.shape[1])
    act = get_activation(activation)
    with np.errstate(over="ignore", invalid="ignore"):
        _, activations = forward_pass(weights, X, act)
    return np.array([float(np.mean(np.std(a, axis=0))) for a in activations])
