"""Backpropagation: the gradient of the error with respect to every weight.

The output layer is a sigmoid with the cross-entropy (one unit) or a softmax with the
multi-class cross-entropy (several); for both the error at the output's input sum is
``y_hat - y`` (chapter 10), which is where the backward pass starts.
"""

from __future__ import annotations

import numpy as np

from ._validation import check_labels, check_weights, check_X
from .activations import get_activation
from .network import _forward


def _targets(y, n_out):
    """Labels (m,) as the (m, n_out) array the output is compared with."""
    if n_out == 1:
        return y[:, None]
    T = np.zeros((y.shape[0], n_out))
    T[np.arange(y.shape[0]), y.astype(int)] = 1.0
    return T


def _backward(weights, activations, T, act):
    """Unchecked backward pass from a forward pass's ``activations`` and targets T.

    delta is dE/dh for the current layer, shape (m, n_k); the gradient of layer k is
    ``add_bias(a_{k-1}).T @ delta``, split into its weight rows and its bias row.
    """
    m = T.shape[0]
    delta = (activations[-1] - T) / m  # dE/dh at the output: (y_hat - y) / m
    grads = [None] * len(weights)
    for k in range(len(weights) - 1, -1, -1):
        a = activations[k]
        # dE/dW_ij = a_i * delta_j, and the bias row, whose input is the constant 1:
        # together add_bias(a).T @ delta, without building the column of ones
        grads[k] = np.concatenate((a.T @ delta, delta.sum(axis=0, keepdims=True)))
        if k > 0:
            # chain rule through W (bias row dropped) and the hidden activation
            delta = (delta @ weights[k][:-1].T) * act.f_prime_from_output(a)
    return grads


def backprop(weights, X, y, activation="sigmoid"):
    r"""The gradient :math:`\nabla E` of the cross-entropy error, one array per layer.

    Parameters
    ----------
    weights : list of arrays, ``W[k]`` of shape (n_k + 1, n_{k+1})
    X : array of shape (m, n_0)
    y : array of shape (m,): 0/1 labels for one output unit, class ids for several
    activation : {"sigmoid", "tanh", "relu"}, the hidden layers' function

    Returns
    -------
    list of arrays of the same shapes as ``weights``: ``grads[k][i, j]`` is
    :math:`\partial E / \partial W_{i+1, j+1}^{(k+1)}`.

    Notes
    -----
    For the 2-2-1 network (chapter 11):

    .. math:: \frac{\partial E}{\partial W_{11}^{(1)}} =
              \frac{\partial E}{\partial \hat y} \frac{\partial \hat y}{\partial h}
              \frac{\partial h}{\partial h_1} \frac{\partial h_1}{\partial W_{11}^{(1)}}

    In matrix form, with :math:`\delta^{(L)} = (\hat y - y)/m`:
    :math:`\nabla_{W^{(k)}} E = [a^{(k-1)}, 1]^T \delta^{(k)}` and
    :math:`\delta^{(k-1)} = \delta^{(k)} W^{(k)T}_{\text{no bias}} \odot f'(h^{(k-1)})`.

    Examples
    --------
    >>> from mlp import init_weights
    >>> W = init_weights([2, 2, 1], rng=0)
    >>> [g.shape for g in backprop(W, [[1.0, 2.0]], [1])]
    [(3, 2), (3, 1)]
    """
    X = check_X(X)
    weights = check_weights(weights, n_inputs=X.shape[1])
    n_out = weights[-1].shape[1]
    y = check_labels(y, X.shape[0], n_out)
    act = get_activation(activation)
    _, activations = _forward(weights, X, act)
    return _backward(weights, activations, _targets(y, n_out), act)


def numerical_gradient(f, weights, eps: float = 1e-6):
    r"""Central-difference gradient of a scalar function of the weights.

    Parameters
    ----------
    f : callable, ``f(weights) -> float``
    weights : list of arrays
    eps : float, the step

    Returns
    -------
    list of arrays of the same shapes as ``weights``.

    Notes
    -----
    .. math:: \frac{\partial f}{\partial W_{ij}} \approx
              \frac{f(W_{ij} + \varepsilon) - f(W_{ij} - \varepsilon)}{2 \varepsilon}

    The error is of order :math:`\varepsilon^2`; it is the independent check of every
    derivative in the course (chapter 11, gradient check). The weights passed in are
    never changed.
    """
    if not callable(f):
        raise TypeError(f"f must be a function of the weights, got {type(f).__name__}")
    weights = [np.array(W, dtype=float) for W in check_weights(weights)]
    grads = []
    for k, W in enumerate(weights):
        g = np.zeros_like(W)
        for idx in np.ndindex(W.shape):
            old = W[idx]
            W[idx] = old + eps
            f_plus = float(f(weights))
            W[idx] = old - eps
            f_minus = float(f(weights))
            W[idx] = old
            g[idx] = (f_plus - f_minus) / (2 * eps)
        grads.append(g)
        if not np.all(np.isfinite(g)):
            raise ValueError(f"f returned NaN or inf around weights[{k}]")
    return grads
