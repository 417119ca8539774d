"""Backpropagation: the gradient of the error with respect to every weight.

Two forms, as chapter 11 teaches them: :func:`chain_factors`, the slides' chain of
factors for one weight of the 2-2-1 network; and :func:`backprop`, every weight at once
in matrix form (:func:`backward_pass` is its unchecked loop).

The output layer is a sigmoid with the cross-entropy (one unit) or a softmax with the
multi-class cross-entropy (several); for both the error at the output's input sum is
``y_hat - y`` (chapter 10), which is where the backward pass starts.
"""

from __future__ import annotations

import numpy as np

from ._validation import (
    as_float_array,
    check_labels,
    check_positive,
    check_weights,
    check_X,
)
from .activations import get_activation, sigmoid
from .losses import targets
from .network import forward, forward_pass

__all__ = ["ENTRIES", "backprop", "backward_pass", "chain_factors", "layer_gradient",
           "numerical_gradient"]


# -- the slides' chain, one weight of the 2-2-1 network at a time (chapter 11) --------

#: The nine weights of the 2-2-1 network, slide names -> (layer index, row, column).
ENTRIES = {
    f"W{i + 1}{j + 1}({k + 1})": (k, i, j)
    for k, cols in ((0, 2), (1, 1))
    for j in range(cols)
    for i in range(3)
}


def chain_factors(weights, x, y, entry):
    r"""The factors of the chain rule for one weight of the 2-2-1 network, one example.

    Parameters
    ----------
    weights : [W1 (3, 2), W2 (3, 1)]
    x : array of shape (2,), the example :math:`(x_1, x_2)`
    y : 0 or 1, its label
    entry : str, a key of :data:`ENTRIES`, e.g. ``"W11(1)"``

    Returns
    -------
    list of ``(label, value)`` pairs: the factors (LaTeX labels) whose product is
    :math:`\partial E / \partial W`. Four for a weight of :math:`W^{(1)}`, three for
    one of :math:`W^{(2)}`.

    Notes
    -----
    .. math:: \frac{\partial E}{\partial W_{ij}^{(1)}} =
              \frac{\partial E}{\partial \hat y}\frac{\partial \hat y}{\partial h}
              \frac{\partial h}{\partial h_j}\frac{\partial h_j}{\partial W_{ij}^{(1)}},
              \qquad
              \frac{\partial E}{\partial W_{i1}^{(2)}} =
              \frac{\partial E}{\partial \hat y}\frac{\partial \hat y}{\partial h}
              \frac{\partial h}{\partial W_{i1}^{(2)}}

    with :math:`\partial E/\partial \hat y = -y/\hat y + (1-y)/(1-\hat y)`,
    :math:`\partial \hat y/\partial h = \hat y(1-\hat y)`,
    :math:`\partial h/\partial h_j = W_{j1}^{(2)} \sigma'(h_j)`, and the last factor the
    input the weight multiplies (:math:`x_i`, :math:`\sigma(h_i)`, or 1 for a bias).
    Chapter 11. :func:`backprop` computes all nine at once in matrix form.

    Examples
    --------
    >>> W = [np.zeros((3, 2)), np.zeros((3, 1))]
    >>> [round(v, 3) for _, v in chain_factors(W, [1.0, 2.0], 1, "W31(2)")]
    [-2.0, 0.25, 1.0]
    """
    W1, W2, x, y = _checked_221(weights, x, y, entry)
    hs, acts = forward([W1, W2], x)
    h_hidden, a, y_hat = hs[0][0], acts[1][0], acts[2][0, 0]
    k, i, j = ENTRIES[entry]
    factors = [
        (r"\partial E/\partial \hat y", _dE_dy_hat(y, y_hat)),
        (r"\partial \hat y/\partial h", y_hat * (1 - y_hat)),
    ]
    inputs = np.append(x[0], 1.0) if k == 0 else np.append(a, 1.0)
    if k == 0:
        s = sigmoid(h_hidden[j])
        factors.append((f"\\partial h/\\partial h_{j + 1}",
                        float(W2[j, 0] * s * (1 - s))))
        name = f"x_{i + 1}" if i < 2 else "1"
        label = (f"\\partial h_{j + 1}/\\partial W_{{{i + 1}{j + 1}}}^{{(1)}}"
                 f" = {name}")
        factors.append((label, float(inputs[i])))
    else:
        name = f"\\sigma(h_{i + 1})" if i < 2 else "1"
        factors.append((f"\\partial h/\\partial W_{{{i + 1}1}}^{{(2)}} = {name}",
                        float(inputs[i])))
    return [(label, float(v)) for label, v in factors]


def _checked_221(weights, x, y, entry):
    """``chain_factors``'s arguments checked: W1, W2, x as a row (1, 2) and y."""
    if not isinstance(entry, str) or entry not in ENTRIES:
        raise ValueError(f"entry must be one of {list(ENTRIES)}, got {entry!r}")
    expected = ("chain_factors is for the 2-2-1 network: weights [W1 (3, 2), "
                "W2 (3, 1)] and x of shape (2,)")
    if not isinstance(weights, (list, tuple)) or len(weights) != 2:
        got = (f"{len(weights)} weight matrices" if isinstance(weights, (list, tuple))
               else type(weights).__name__)
        raise ValueError(f"{expected}; got {got}")
    W1, W2 = (as_float_array(W, f"weights[{k}]") for k, W in enumerate(weights))
    x = as_float_array(x, "x").reshape(1, -1)
    if W1.shape != (3, 2) or W2.shape != (3, 1) or x.shape != (1, 2):
        raise ValueError(f"{expected}; got W1 {W1.shape}, W2 {W2.shape} and x with "
                         f"{x.size} value(s)")
    label = np.ravel(y)[0] if np.size(y) == 1 else None
    if label is None or label not in (0, 1):
        raise ValueError(f"y must be the example's label, 0 or 1; got {y!r}")
    return W1, W2, x, float(label)


def _dE_dy_hat(y, y_hat):
    """The chain's first factor, -y/y_hat + (1 - y)/(1 - y_hat), or a clear error
    where it is not finite: y_hat so close to 0 or 1 that it rounded to it."""
    with np.errstate(divide="ignore", over="ignore", invalid="ignore"):
        value = -y / y_hat + (1 - y) / (1 - y_hat)
    if not np.isfinite(value):
        raise ValueError(
            f"y_hat = {y_hat:.3g} is 0 or 1 to machine precision, so dE/dy_hat = "
            "-y/y_hat + (1 - y)/(1 - y_hat) is inf or NaN; make the weights smaller "
            "(backprop's y_hat - y, the product of the first two factors, stays "
            "finite)")
    return value


# -- the matrix form: every weight of every layer at once ------------------------------

def layer_gradient(a, delta):
    r"""A layer's gradient :math:`[a, 1]^T \delta`: ``add_bias(a).T @ delta``.

    Parameters
    ----------
    a : array of shape (m, n_{k-1}), the layer's inputs (the previous layer's outputs)
    delta : array of shape (m, n_k), :math:`\partial E/\partial h` of the layer

    Returns
    -------
    array of shape (n_{k-1} + 1, n_k), the shape of the layer's ``W``

    Notes
    -----
    :math:`\partial E/\partial W_{ij} = \sum_\text{examples} a_i \delta_j`; the bias
    row's input is the constant 1, so its gradient is the column sums of delta. The
    same numbers as ``add_bias(a).T @ delta`` (a test checks it), without building
    the column of ones.
    """
    return np.concatenate((a.T @ delta, delta.sum(axis=0, keepdims=True)))


def backward_pass(weights, activations, T, act):
    """The gradient from a forward pass's ``activations`` and targets ``T``, unchecked.

    Parameters
    ----------
    weights : list of float arrays, ``W[k]`` of shape (n_k + 1, n_{k+1})
    activations : the second list :func:`~mlp.network.forward_pass` returns
    T : array of shape (m, n_out), :func:`~mlp.losses.targets` of the labels
    act : the hidden layers' :class:`~mlp.activations.Activation`

    Returns
    -------
    list of arrays of the shapes of ``weights``; :func:`backprop` checks its input
    and calls it, ``train`` calls it on every minibatch.
    """
    m = T.shape[0]
    delta = (activations[-1] - T) / m  # dE/dh at the output: (y_hat - y) / m
    grads = [None] * len(weights)
    for k in range(len(weights) - 1, -1, -1):
        a = activations[k]
        grads[k] = layer_gradient(a, delta)  # add_bias(a).T @ delta
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
    _, activations = forward_pass(weights, X, act)
    return backward_pass(weights, activations, targets(y, n_out), act)


def numerical_gradient(f, weights, eps: float = 1e-6):
    r"""Central-difference gradient of a scalar function of the weights.

    Parameters
    ----------
    f : callable, ``f(weights) -> float``
    weights : list of arrays
    eps : float > 0, the step

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
    eps = check_positive(eps, "eps")
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
