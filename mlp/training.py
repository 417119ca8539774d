"""Gradient descent: one step, and a training loop that returns a history.

Nothing here prints or changes its arguments; ``train`` works on copies.
"""

from __future__ import annotations

import numpy as np

from ._validation import (
    as_rng,
    check_labels,
    check_positive,
    check_positive_int,
    check_weights,
    check_X,
)
from .activations import get_activation
from .backprop import _backward, _targets
from .network import _forward, _output_in_blocks

__all__ = ["DivergenceError", "gradient_descent_step", "train"]


class DivergenceError(FloatingPointError):
    """Training produced NaN or infinite weights (the learning rate is too large).

    Attributes
    ----------
    epoch : int, the epoch in which it happened (1-based)
    weights : the last weights that were still finite
    history : the history up to the last finite epoch
    """

    def __init__(self, epoch, weights, history):
        self.epoch, self.weights, self.history = epoch, weights, history
        super().__init__(
            f"training diverged in epoch {epoch}: the weights became NaN or infinite. "
            "Try a smaller learning rate alpha."
        )


def gradient_descent_step(weights, grads, alpha):
    r"""One step of gradient descent on every weight.

    Parameters
    ----------
    weights, grads : lists of arrays of the same shapes
    alpha : float > 0, the learning rate

    Returns
    -------
    list of new arrays (the inputs are not changed).

    Notes
    -----
    .. math:: W'^{(k)}_{ij} \leftarrow W^{(k)}_{ij} - \alpha
              \frac{\partial E}{\partial W^{(k)}_{ij}}

    Chapter 9 (Gradient Descent) and chapter 11.

    Examples
    --------
    >>> gradient_descent_step([np.ones((3, 1))], [np.ones((3, 1))],
    ...                       0.5)[0].ravel().tolist()
    [0.5, 0.5, 0.5]
    """
    weights = check_weights(weights)
    alpha = check_positive(alpha, "alpha")
    if not isinstance(grads, (list, tuple)) or len(grads) != len(weights):
        raise ValueError(
            f"grads must be a list of {len(weights)} arrays, one per weight matrix; "
            f"got {type(grads).__name__} of length "
            f"{len(grads) if hasattr(grads, '__len__') else '?'}"
        )
    new = []
    for k, (W, g) in enumerate(zip(weights, grads)):
        g = np.asarray(g, dtype=float)
        if g.shape != W.shape:
            raise ValueError(
                f"grads[{k}] has shape {g.shape} but weights[{k}] has shape {W.shape}"
            )
        if not np.all(np.isfinite(g)):
            raise ValueError(f"grads[{k}] contains NaN or infinite values")
        new.append(W - alpha * g)
    return new


def _loss_and_accuracy(y_hat, y):
    """Cross-entropy and accuracy of an output ``y_hat`` (m, n_out) against labels y."""
    if y_hat.shape[1] == 1:
        p = np.clip(y_hat[:, 0], 1e-15, 1 - 1e-15)
        loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
        acc = np.mean((y_hat[:, 0] >= 0.5) == y)
    else:
        idx = y.astype(int)
        p = np.clip(y_hat[np.arange(y.shape[0]), idx], 1e-15, 1.0)
        loss = -np.mean(np.log(p))
        acc = np.mean(np.argmax(y_hat, axis=1) == idx)
    return float(loss), float(acc)


#: What ``train`` records after each epoch (see its ``history`` parameter).
HISTORIES = ("epoch", "running")


def train(
    weights,
    X,
    y,
    alpha,
    epochs,
    batch_size=None,
    activation="sigmoid",
    rng=None,
    callback=None,
    history="epoch",
):
    r"""Train a network with (minibatch) gradient descent on the cross-entropy.

    Parameters
    ----------
    weights : list of arrays, the starting weights (not changed)
    X : array of shape (m, n_0)
    y : array of shape (m,): 0/1 labels (one output unit) or class ids (several)
    alpha : float > 0, the learning rate
    epochs : int > 0, passes over the data
    batch_size : int, optional
        Examples per step. ``None`` (default) is full-batch gradient descent: one step
        per epoch on all m examples.
    activation : {"sigmoid", "tanh", "relu"}, the hidden layers' function
    rng : numpy Generator or int seed, optional
        Shuffles the examples before each epoch when given; without it the
        minibatches are taken in order (still deterministic).
    callback : callable, optional
        ``callback(epoch, weights, history)`` after every epoch (epoch counts from 1);
        return ``False`` to stop early. For live plots.
    history : {"epoch", "running"}, what the history records for each epoch
        ``"epoch"`` (default): the error and accuracy on all of X after the epoch,
        with the weights it ended with. With minibatches this is one more forward
        pass over X per epoch (with full batches it is the next step's forward pass,
        so it costs nothing).
        ``"running"``: the mean over the epoch's minibatches of the error and
        accuracy each had when it was fed forward, just before its step; what
        scikit-learn's ``loss_curve_`` and Keras report. It costs nothing extra, but
        it mixes weights from the whole epoch (with full batches it is the error
        *before* each step, one step behind ``"epoch"``).

    Returns
    -------
    weights : list of new arrays
    history : dict with lists ``"loss"`` and ``"accuracy"``, one entry per epoch
        (see the ``history`` parameter).

    Raises
    ------
    DivergenceError
        When the weights become NaN or infinite; it carries the last finite weights.

    Notes
    -----
    Each step is feedforward, backpropagation and
    :math:`W \leftarrow W - \alpha \nabla E` on one minibatch (chapter 11).

    Examples
    --------
    >>> from mlp import init_weights, datasets
    >>> X, y = datasets.xor(200, rng=0)
    >>> W, hist = train(init_weights([2, 8, 1], rng=0), X, y, alpha=1.0, epochs=5)
    >>> len(hist["loss"])
    5
    """
    X = check_X(X)
    weights = check_weights(weights, n_inputs=X.shape[1])
    m = X.shape[0]
    n_out = weights[-1].shape[1]
    y = check_labels(y, m, n_out)
    alpha = check_positive(alpha, "alpha")
    epochs = check_positive_int(epochs, "epochs")
    batch_size = (m if batch_size is None
                  else check_positive_int(batch_size, "batch_size"))
    act = get_activation(activation)
    rng = None if rng is None else as_rng(rng)
    if callback is not None and not callable(callback):
        raise TypeError(f"callback must be callable, got {type(callback).__name__}")
    if history not in HISTORIES:
        raise ValueError(f"history must be one of {HISTORIES}, got {history!r}")
    running = history == "running"

    T = _targets(y, n_out)
    weights = [W.copy() for W in weights]  # ours to update in place from here on
    record = {"loss": [], "accuracy": []}
    full_batch = batch_size >= m
    known = None  # full batch: the forward pass of all of X with the current weights
    with np.errstate(over="ignore", invalid="ignore"):
        for epoch in range(1, epochs + 1):
            last_good = [W.copy() for W in weights]
            if rng is not None and not full_batch:
                perm = rng.permutation(m)
                Xe, Te, ye = X[perm], T[perm], y[perm]
            else:
                Xe, Te, ye = X, T, y
            outputs = []  # running: each minibatch's y_hat, as fed forward
            for start in range(0, m, batch_size):
                Xb, Tb = Xe[start : start + batch_size], Te[start : start + batch_size]
                if known is not None:  # full batch: fed forward for the last error
                    activations, known = known, None
                else:
                    _, activations = _forward(weights, Xb, act)
                if running:
                    outputs.append(activations[-1])
                grads = _backward(weights, activations, Tb, act)
                for W, g in zip(weights, grads):
                    W -= alpha * g  # W <- W - alpha dE/dW
            if not all(np.all(np.isfinite(W)) for W in weights):
                raise DivergenceError(epoch, last_good, record)
            if running:  # the minibatches' outputs, in the order they were fed
                y_hat, labels = np.concatenate(outputs), ye
            elif full_batch:
                # the error after the epoch, on all of X. With full batches this
                # forward pass is also the next step's: X is fed forward once an epoch
                _, known = _forward(weights, X, act)
                y_hat, labels = known[-1], y
            else:
                y_hat, labels = _output_in_blocks(weights, X, act), y
            loss, acc = _loss_and_accuracy(y_hat, labels)
            record["loss"].append(loss)
            record["accuracy"].append(acc)
            if callback is not None:
                snapshot = [W.copy() for W in weights]  # the callback may keep them
                if callback(epoch, snapshot, record) is False:
                    break
    return weights, record
