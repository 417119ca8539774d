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
from .backpropagation import backward_pass
from .losses import output_error, targets
from .network import forward_pass, output_in_blocks, output_labels

__all__ = ["DivergenceError", "HISTORIES", "gradient_descent_step", "loss_and_accuracy",
           "minibatches", "train"]


class DivergenceError(FloatingPointError):
    """Training produced NaN or infinite weights, or finite weights whose error is NaN
    because the network's outputs overflowed (the learning rate is too large).

    Attributes
    ----------
    epoch : int, the epoch in which it happened (1-based)
    weights : the last weights that were still finite, with a finite error
    history : the history up to the last finite epoch
    """

    def __init__(self, epoch, weights, history,
                 cause="the weights became NaN or infinite"):
        self.epoch, self.weights, self.history = epoch, weights, history
        super().__init__(
            f"training diverged in epoch {epoch}: {cause}. "
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


def loss_and_accuracy(y_hat, y):
    """The error E (:func:`~mlp.losses.output_error`) and the fraction of correct labels
    of a network's output ``y_hat`` (m, n_out) against labels y (m,): one entry of the
    history ``train`` returns."""
    correct = output_labels(y_hat) == y
    if not np.all(np.isfinite(y_hat)):  # h overflowed: the weights diverge next step
        return float("nan"), float(np.mean(correct))
    return output_error(y, y_hat), float(np.mean(correct))


def minibatches(arrays, batch_size, rng=None):
    """One epoch's minibatches: tuples of consecutive rows of each of ``arrays``.

    In order without ``rng``; with it, the rows of all the arrays are shuffled by the
    same ``rng.permutation(m)`` first (a full batch is never shuffled: its gradient
    does not depend on the order). Without shuffling the batches are views.

    Examples
    --------
    >>> X, y = np.arange(10).reshape(5, 2), np.arange(5)
    >>> [yb.tolist() for _, yb in minibatches((X, y), 2)]
    [[0, 1], [2, 3], [4]]
    """
    m = arrays[0].shape[0]
    if rng is not None and batch_size < m:
        order = rng.permutation(m)
        arrays = [a[order] for a in arrays]
    return [tuple(a[s : s + batch_size] for a in arrays)
            for s in range(0, m, batch_size)]


#: What ``train`` records for each epoch (its ``history`` parameter):
#:
#: - ``"epoch"`` (default): the error and accuracy on all of X after the epoch, with
#:   the weights it ended with. With minibatches this is one more forward pass over X
#:   per epoch (with full batches it is the next step's forward pass: no extra cost).
#: - ``"running"``: the mean over the epoch's minibatches of the error and accuracy
#:   each had when it was fed forward, just before its step; what scikit-learn's
#:   ``loss_curve_`` and Keras report. It costs nothing extra, but it mixes weights from
#:   the whole epoch (with full batches it is the error *before* each step, one step
#:   behind ``"epoch"``).
HISTORIES = ("epoch", "running")


def train(weights, X, y, alpha, epochs, batch_size=None, activation="sigmoid", rng=None,
          callback=None, history="epoch"):
    r"""Train a network with (minibatch) gradient descent on the cross-entropy.

    Each step is the slide's loop on one minibatch (chapter 11): feedforward,
    backpropagation and :math:`W \leftarrow W - \alpha \nabla E`. Raises
    :class:`DivergenceError`, with the last finite weights, if they or E become NaN.

    Parameters
    ----------
    weights : list of arrays, the starting weights (not changed)
    X, y : arrays (m, n_0) and (m,): 0/1 labels (one output) or class ids (several)
    alpha, epochs : float > 0, the learning rate; int > 0, passes over the data
    batch_size : int, optional, examples per step. ``None`` (default) is full-batch
        gradient descent: one step per epoch on all m examples.
    activation : {"sigmoid", "tanh", "relu"}, the hidden layers' function
    rng : numpy Generator or int seed, optional. Shuffles the examples before each
        epoch when given; without it the minibatches are taken in order.
    callback : callable, optional. ``callback(epoch, weights, history)`` after every
        epoch (from 1); return ``False`` to stop early. For live plots.
    history : {"epoch", "running"}, what each epoch records, see :data:`HISTORIES`

    Returns
    -------
    weights : list of new arrays
    history : dict with lists ``"loss"`` and ``"accuracy"``, one entry per epoch

    Examples
    --------
    >>> from mlp import init_weights, datasets
    >>> X, y = datasets.xor(200, rng=0)
    >>> W, hist = train(init_weights([2, 8, 1], rng=0), X, y, alpha=1.0, epochs=5)
    >>> len(hist["loss"])
    5
    """
    X, weights, y, alpha, epochs, batch_size, act, rng = _checked_arguments(
        weights, X, y, alpha, epochs, batch_size, activation, rng, callback, history)
    T = targets(y, weights[-1].shape[1])
    weights = [W.copy() for W in weights]  # ours to update in place from here on
    record = {"loss": [], "accuracy": []}
    next_pass = None  # full batch: the history's pass over X is the next feedforward
    with np.errstate(over="ignore", invalid="ignore"):
        for epoch in range(1, epochs + 1):
            last_good = [W.copy() for W in weights]
            batches = minibatches((X, T, y), batch_size, rng)
            outputs = []  # each minibatch's y_hat, as it was fed forward
            for Xb, Tb, _ in batches:
                # feedforward
                activations = next_pass or forward_pass(weights, Xb, act)[1]
                grads = backward_pass(weights, activations, Tb, act)  # backpropagation
                for W, g in zip(weights, grads):  # W <- W - alpha dE/dW
                    W -= alpha * g
                outputs.append(activations[-1])
                next_pass = None
            next_pass = _record_epoch(record, history, weights, X, y, act, batches,
                                      outputs)
            _stop_if_diverged(epoch, weights, last_good, record)
            if not _go_on(callback, epoch, weights, record):
                break
    return weights, record


def _checked_arguments(weights, X, y, alpha, epochs, batch_size, activation, rng,
                       callback, history):
    """``train``'s arguments checked (a clear error for each), in the form it uses:
    X, the weights, y, alpha, epochs, the batch size (m for ``None``), the activation
    function and the generator (or None)."""
    X = check_X(X)
    weights = check_weights(weights, n_inputs=X.shape[1])
    y = check_labels(y, X.shape[0], weights[-1].shape[1])
    alpha = check_positive(alpha, "alpha")
    epochs = check_positive_int(epochs, "epochs")
    batch_size = (X.shape[0] if batch_size is None
                  else check_positive_int(batch_size, "batch_size"))
    act = get_activation(activation)
    rng = None if rng is None else as_rng(rng)
    _check_history_options(callback, history)
    return X, weights, y, alpha, epochs, batch_size, act, rng


def _stop_if_diverged(epoch, weights, last_good, record):
    """Raise :class:`DivergenceError` if the epoch's weights, or the error it just
    recorded, are NaN or infinite; with the weights it started from (``last_good``)
    and the history without its entry."""
    if not all(np.all(np.isfinite(W)) for W in weights):
        cause = "the weights became NaN or infinite"
    elif not np.isfinite(record["loss"][-1]):
        cause = ("the error became NaN: the weights are still finite, but the "
                 "network's outputs overflowed")
    else:
        return
    del record["loss"][-1], record["accuracy"][-1]
    raise DivergenceError(epoch, last_good, record, cause)


def _go_on(callback, epoch, weights, record):
    """Call ``train``'s callback, if any, with a copy of the weights (it may keep
    them); False when it asks to stop."""
    if callback is None:
        return True
    snapshot = [W.copy() for W in weights]
    return callback(epoch, snapshot, record) is not False


def _check_history_options(callback, history):
    """A clear error for a callback that is not a function or an unknown history."""
    if callback is not None and not callable(callback):
        raise TypeError(f"callback must be callable, got {type(callback).__name__}")
    if history not in HISTORIES:
        raise ValueError(f"history must be one of {HISTORIES}, got {history!r}")


def _record_epoch(record, history, weights, X, y, act, batches, outputs):
    """Append the epoch's loss and accuracy to ``record`` (see ``train``'s history).

    Returns the forward pass of all of X when it computed one and the epoch was a
    single full batch: the next epoch's step starts from the same weights and the
    same X, so ``train`` reuses it instead of feeding X forward twice.
    """
    if history == "running":  # the minibatches' outputs, in the order they were fed
        labels = np.concatenate([yb for _, _, yb in batches])
        loss, acc = loss_and_accuracy(np.concatenate(outputs), labels)
        passed = None
    elif len(batches) == 1:  # the error after the epoch; the next step's pass too
        passed = forward_pass(weights, X, act)[1]
        loss, acc = loss_and_accuracy(passed[-1], y)
    else:  # the error after the epoch, on all of X
        passed = None
        loss, acc = loss_and_accuracy(output_in_blocks(weights, X, act), y)
    record["loss"].append(loss)
    record["accuracy"].append(acc)
    return passed
