"""Checks for chapter 14, the capstone: your own network on real data.

The student writes the four pieces of a training loop, each checked against `mlp`:
:func:`my_forward` (feedforward keeping every layer's output), :func:`my_backprop`
(chapter 11's matrix form), :func:`my_step` (the gradient step) and :func:`my_epoch`
(one epoch of minibatches). The hidden layers are sigmoids and the output a softmax,
as in the chapter's digits network. Three concept questions go with them.

:func:`yours_or_mlp` hands the chapter's later cells the student's pieces where their
checks pass and `mlp`'s in their place where not, with a printed note: the chapter
runs to the end either way.
"""

from __future__ import annotations

import types

import numpy as np

from ..activations import sigmoid as _sigmoid, sigmoid_prime as _sigmoid_prime
from ..backpropagation import backprop as _backprop
from ..losses import one_hot as _one_hot
from ..network import forward as _forward, init_weights as _init_weights
from ..training import gradient_descent_step as _step
from ._core import Mistake, check_choice, check_function

__all__ = [
    "my_backprop",
    "my_epoch",
    "my_forward",
    "my_step",
    "predict_overfitting",
    "predict_untrained_accuracy",
    "predict_weight_count",
]


# -- the references: the pieces written with mlp ---------------------------------------


def reference_forward(weights, X):
    """``[X, a1, ..., y_hat]``: every layer's output (``mlp.forward``'s second list)."""
    return _forward(weights, X)[1]


def reference_backprop(weights, activations, y):
    """The gradient list from a forward pass's ``activations`` (``mlp.backprop``)."""
    return _backprop(weights, activations[0], y)


def reference_step(weights, grads, alpha):
    """``W - alpha * dE/dW`` for every layer (``mlp.gradient_descent_step``)."""
    return _step(weights, grads, alpha)


def reference_epoch(weights, X, y, alpha, batch_size, order):
    """One epoch: the examples in ``order``, a step on each minibatch of
    ``batch_size`` of them (the last one may be smaller), with mlp's pieces."""
    X, y = X[order], y[order]
    for start in range(0, X.shape[0], batch_size):
        Xb, yb = X[start:start + batch_size], y[start:start + batch_size]
        grads = _backprop(weights, Xb, yb)
        weights = _step(weights, grads, alpha)
    return weights


# -- sample inputs ---------------------------------------------------------------------

#: Layer sizes of the test networks: one and two hidden layers, several outputs (the
#: output is a softmax, as for the digits).
_SIZES = ([3, 4, 2], [5, 3, 4], [4, 6, 5, 3], [6, 4, 10])


def _problem(rng, sizes, m):
    """Weights (biases not zero), X and class ids y with every class at least once
    where m allows."""
    weights = [W + np.vstack([np.zeros((W.shape[0] - 1, W.shape[1])),
                              rng.normal(0, 0.5, (1, W.shape[1]))])
               for W in _init_weights(list(sizes), rng)]
    X = rng.normal(0.0, 1.0, (m, sizes[0]))
    y = rng.permutation(np.arange(m) % sizes[-1])
    return weights, X, y


def _forward_inputs():
    rng = np.random.default_rng(140)
    return [_problem(rng, sizes, m)[:2] for sizes, m in zip(_SIZES, (5, 4, 7, 6))]


def _backprop_inputs():
    rng = np.random.default_rng(141)
    out = []
    for sizes, m in zip(_SIZES, (5, 4, 7, 12)):
        weights, X, y = _problem(rng, sizes, m)
        out.append((weights, reference_forward(weights, X), y))
    return out


def _step_inputs():
    rng = np.random.default_rng(142)
    out = []
    for sizes, alpha in zip(_SIZES, (0.5, 0.1, 2.0, 0.3)):
        weights, X, y = _problem(rng, sizes, 6)
        out.append((weights, _backprop(weights, X, y), alpha))
    return out


def _epoch_inputs():
    rng = np.random.default_rng(143)
    out = []
    for sizes, m, batch in zip(_SIZES, (11, 9, 13, 20), (4, 3, 5, 8)):
        weights, X, y = _problem(rng, sizes, m)
        out.append((weights, X, y, 0.5, batch, rng.permutation(m)))
    return out


# -- feedforward -----------------------------------------------------------------------


def _forward_variant(weights, X, output="softmax", bias="last", sums=False):
    a, outs, hs = X, [X], []
    for k, W in enumerate(weights):
        h = a @ W[:-1] + W[-1] if bias == "last" else (
            a @ W[1:] + W[0] if bias == "first" else a @ W[:-1])
        last = k == len(weights) - 1
        if last and output == "softmax":
            e = np.exp(h - h.max(axis=1, keepdims=True))
            a = e / e.sum(axis=1, keepdims=True)
        else:
            a = _sigmoid(h)
        outs.append(a)
        hs.append(h)
    return hs if sums else outs


def my_forward(student, quiet=False):
    """Check ``my_forward(weights, X)`` -> ``[X, a1, ..., y_hat]``: sigmoid hidden
    layers, a softmax output, every layer's output kept (for backpropagation)."""
    return check_function(
        "my_forward", student, reference_forward, _forward_inputs(),
        mistakes=[
            Mistake(lambda W, X: _forward_variant(W, X, output="sigmoid"),
                    "the output layer is a sigmoid in yours: with 10 classes it is a "
                    "softmax, so that each row of y_hat holds probabilities that add "
                    "up to 1 (chapter 6)."),
            Mistake(lambda W, X: _forward_variant(W, X, bias="none"),
                    "the bias is missing: the last row of each W multiplies the "
                    "constant 1, so a layer is add_bias(a) @ W, not a @ W[:-1]."),
            Mistake(lambda W, X: _forward_variant(W, X, bias="first"),
                    "the bias is the LAST row of each W (the slides' notation): "
                    "add_bias appends the 1 at the end, h = add_bias(a) @ W."),
            Mistake(lambda W, X: _forward_variant(W, X)[1:],
                    "the list must start with X itself (a^(0) = X): backpropagation "
                    "needs the input of every layer, the first one included."),
            Mistake(lambda W, X: _forward_variant(W, X)[-1],
                    "you returned y_hat alone: return the list of every layer's "
                    "output, [X, a1, ..., y_hat]; backpropagation needs them all."),
            Mistake(lambda W, X: _forward_variant(W, X, sums=True),
                    "those are the input sums h of the layers: keep their outputs, "
                    "a = sigmoid(h) (softmax(h) for the last), starting with X."),
        ],
        success="right on 4 networks, with one and two hidden layers.", quiet=quiet,
        hint=("Start with activations = [X]; for each W: h = mlp.add_bias(a) @ W, "
              "then a = mlp.sigmoid(h), or mlp.softmax(h) for the last layer; append "
              "a."),
    )


# -- backpropagation -------------------------------------------------------------------


def _backprop_variant(weights, activations, y, per_example=False, prime="output",
                      transposed=False, no_bias_row=False, sign=1.0):
    m = activations[0].shape[0]
    delta = sign * (activations[-1] - _one_hot(y, weights[-1].shape[1]))
    delta = delta / (1 if per_example else m)
    grads = [None] * len(weights)
    for k in range(len(weights) - 1, -1, -1):
        a = activations[k]
        g = np.vstack([a.T @ delta, delta.sum(axis=0, keepdims=True)])
        grads[k] = g[:-1] if no_bias_row else (g.T if transposed else g)
        if k > 0:
            delta = delta @ weights[k][:-1].T
            if prime == "output":  # sigma'(h) = a (1 - a), from the layer's output
                delta = delta * a * (1 - a)
            elif prime == "of_output":  # sigma' applied to the output a
                delta = delta * _sigmoid_prime(a)
    return grads


_BACKPROP_MISTAKES = [
    ({"prime": "none"},
     "the factor sigma'(h) is missing when you send delta back a layer: "
     "delta = (delta @ W[:-1].T) * a * (1 - a), with a the layer's output."),
    ({"prime": "of_output"},
     "you applied sigma' to the layer's OUTPUT a: sigma'(h) = sigma(h)(1 - sigma(h)) "
     "= a (1 - a), so multiply by a * (1 - a), not by mlp.sigmoid_prime(a)."),
    ({"per_example": True},
     "the gradient is m times too big: E is the MEAN over the m examples, so the "
     "output's delta is (y_hat - Y) / m."),
    ({"transposed": True},
     "your gradients are transposed: each must have the shape of its W, so use "
     "add_bias(a).T @ delta, not delta.T @ add_bias(a)."),
    ({"no_bias_row": True},
     "the bias rows are missing: each gradient has the shape of its W, bias row "
     "included; the bias's input is the constant 1, so its row is delta summed over "
     "the examples (add_bias(a).T @ delta does it)."),
    ({"sign": -1.0},
     "the sign is flipped: the output's delta is y_hat - Y (prediction minus the "
     "one-hot label), divided by m."),
]


def my_backprop(student, quiet=False):
    """Check ``my_backprop(weights, activations, y)`` -> the gradient list, from a
    forward pass's ``activations`` and the class ids ``y``, in chapter 11's matrix
    form (softmax output, sigmoid hidden layers)."""
    mistakes = [Mistake(lambda *a, _kw=kw: _backprop_variant(*a, **_kw), message)
                for kw, message in _BACKPROP_MISTAKES]
    return check_function(
        "my_backprop", student, reference_backprop, _backprop_inputs(),
        mistakes=mistakes,
        success="the gradients of every layer are right on 4 networks.", quiet=quiet,
        hint=("delta = (activations[-1] - mlp.one_hot(y, n_out)) / m; from the top "
              "layer k down: grads[k] = mlp.add_bias(activations[k]).T @ delta, then "
              "delta = (delta @ W[k][:-1].T) * a * (1 - a) with a = activations[k]."),
    )


# -- the gradient step -----------------------------------------------------------------


def my_step(student, quiet=False):
    """Check ``my_step(weights, grads, alpha)`` -> the new weights,
    ``W - alpha * dE/dW`` for every layer, the old ones unchanged."""
    return check_function(
        "my_step", student, reference_step, _step_inputs(),
        mistakes=[
            Mistake(lambda W, G, alpha: [w + alpha * g for w, g in zip(W, G)],
                    "you stepped UP the gradient: W + alpha * dE/dW makes the error "
                    "grow; the step is W - alpha * dE/dW."),
            Mistake(lambda W, G, alpha: [w - g for w, g in zip(W, G)],
                    "the learning rate is missing: W - alpha * dE/dW."),
            Mistake(lambda W, G, alpha: [w - alpha * g for w, g in
                                         zip(W[:1], G[:1])] + list(W[1:]),
                    "only the first layer moved: step every W of the list."),
            Mistake(lambda W, G, alpha: list(W[:-1]) + [W[-1] - alpha * G[-1]],
                    "only the last layer moved: step every W of the list."),
        ],
        success="right on 4 networks, and the old weights are left as they were.",
        quiet=quiet,
    )


# -- an epoch of minibatches -----------------------------------------------------------


def _epoch_variant(weights, X, y, alpha, batch_size, order, shuffle=True,
                   drop_last=False, full_batch=False):
    if shuffle:
        X, y = X[order], y[order]
    if full_batch:
        batch_size = X.shape[0]
    stop = X.shape[0] - (X.shape[0] % batch_size if drop_last else 0)
    for start in range(0, stop, batch_size):
        Xb, yb = X[start:start + batch_size], y[start:start + batch_size]
        weights = _step(weights, _backprop(weights, Xb, yb), alpha)
    return weights


def my_epoch(student, quiet=False):
    """Check ``my_epoch(weights, X, y, alpha, batch_size, order)`` -> the weights after
    one epoch: the examples taken in ``order``, one step per minibatch of
    ``batch_size`` (the last one smaller when m is not a multiple of it)."""
    return check_function(
        "my_epoch", student, reference_epoch, _epoch_inputs(),
        mistakes=[
            Mistake(lambda *a: _epoch_variant(*a, shuffle=False),
                    "you took the examples in their stored order: take them in "
                    "`order` (X[order], y[order]), the epoch's shuffle."),
            Mistake(lambda *a: _epoch_variant(*a, drop_last=True),
                    "the last, smaller minibatch is missing: when m is not a multiple "
                    "of batch_size the last minibatch holds the examples left over, "
                    "and gets its step too."),
            Mistake(lambda *a: _epoch_variant(*a, full_batch=True),
                    "you took one step on all the examples: an epoch of minibatches "
                    "takes one step per minibatch of batch_size examples."),
        ],
        success="right on 4 networks and data sets, the last minibatch included.",
        quiet=quiet,
        hint=("X, y = X[order], y[order]; for start in range(0, m, batch_size): take "
              "the rows start to start + batch_size, my_forward, my_backprop, "
              "my_step."),
    )


# -- concept questions -----------------------------------------------------------------


def predict_weight_count(n_weights):
    """Concept question: how many weights (biases included) has the 64-32-10 network?"""
    return check_choice(
        "predict_weight_count", n_weights, 2410,
        "W1 is (64 + 1) x 32 = 2080 and W2 is (32 + 1) x 10 = 330: 2410, the bias "
        "rows included.",
        {2368: "that forgets the biases: each W has one more row, the bias, so W1 is "
               "65 x 32 and W2 33 x 10.",
         106: "that is the number of units (64 + 32 + 10); a weight connects two "
              "units, so there are many more.",
         20480: "that multiplies the three layer sizes; the weights connect "
                "neighbouring layers only: (64 + 1) x 32 + (32 + 1) x 10."})


def predict_untrained_accuracy(accuracy):
    """Concept question: the validation accuracy of the network before training."""
    return check_choice(
        "predict_untrained_accuracy", accuracy, 0.1,
        "random weights know nothing about digits, so the prediction is about as good "
        "as a guess among 10 classes: right about 1 time in 10.",
        {0.0: "a random guess is not always wrong: with 10 classes it is right about "
              "1 time in 10.",
         0.5: "0.5 is a coin toss between TWO classes; here there are 10.",
         0.9: "untrained weights have learned nothing: 90% would need knowledge of "
              "digits."})


def predict_overfitting(curve):
    """Concept question: the validation error of a large network trained long on a
    small training set."""
    return check_choice(
        "predict_overfitting", curve, "falls then rises",
        "at first the network learns what digits have in common, and both errors "
        "fall; then it learns the few training images by heart, details that do not "
        "hold for new images, and the validation error rises again while the training "
        "error keeps falling.",
        {"falls": "the training error keeps falling, but the validation error is "
                  "measured on images the network never trains on: once it learns "
                  "the training images' own details, it rises.",
         "rises": "at first the network learns what all digits of a kind share, "
                  "which helps on new images too: the validation error falls first."})


# -- the student's pieces, or mlp's ----------------------------------------------------

_PIECES = {
    "my_forward": (my_forward, reference_forward, "mlp.forward"),
    "my_backprop": (my_backprop, reference_backprop, "mlp.backprop"),
    "my_step": (my_step, reference_step, "mlp.gradient_descent_step"),
    "my_epoch": (my_epoch, reference_epoch, "an epoch of mlp's pieces"),
}


def yours_or_mlp(**pieces):
    """The chapter's four pieces: the student's where its check passes, `mlp`'s where
    not (not done yet, or not right), with one printed line saying which.

    Parameters
    ----------
    **pieces : the student's functions by name, ``my_forward=my_forward, ...``
        (any of ``my_forward``, ``my_backprop``, ``my_step``, ``my_epoch``).

    Returns
    -------
    types.SimpleNamespace with one attribute per piece, the function to use.

    Examples
    --------
    >>> use = yours_or_mlp(my_step=None)
    note: my_step is not done yet (or not right), so the cells below use mlp's \
version in its place (mlp.gradient_descent_step); fill it in and run this cell again.
    >>> use.my_step is reference_step
    True
    """
    unknown = set(pieces) - set(_PIECES)
    if unknown:
        raise ValueError(f"unknown piece(s) {sorted(unknown)}; expected some of "
                         f"{sorted(_PIECES)}")
    chosen, yours = {}, []
    for name, student in pieces.items():
        checker, reference, called = _PIECES[name]
        try:
            passed = checker(student, quiet=True).passed
        except AssertionError:  # MLP_CHECKS_STRICT: a failure here is not an error
            passed = False
        if passed:
            chosen[name] = student
            yours.append(name)
        else:
            chosen[name] = reference
            print(f"note: {name} is not done yet (or not right), so the cells below "
                  f"use mlp's version in its place ({called}); fill it in and run "
                  "this cell again.")
    if yours and len(yours) == len(pieces):
        print(f"your {', '.join(yours)} pass their checks: the cells below train "
              "YOUR network.")
    return types.SimpleNamespace(**chosen)
