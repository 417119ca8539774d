"""Checks for chapters 7-9: feedforward, the error function and gradient descent.

Chapter 7 (Feedforward): :func:`y_hat_by_hand`, :func:`feedforward_fn`.
Chapter 8 (the error function): :func:`cross_entropy`, :func:`network_error`.
Chapter 9 (Gradient Descent): :func:`descent_step`, :func:`perceptron_gradient`.

The concept questions ("predict, then check", :func:`~mlp.checks.check_choice`):
chapter 7 :func:`predict_w2_rows`, :func:`predict_output_sum`; chapter 8
:func:`predict_worse_prediction`, :func:`predict_doubled_weights`; chapter 9
:func:`predict_largest_entry`, :func:`predict_error_after_step`.

Each check knows the typical mistakes of its exercise (a missing bias, a transposed
weight matrix, a forgotten sigmoid, the slide's missing brackets, ``log10``, a wrong
sign, a forgotten 1/m) and names them.
"""

from __future__ import annotations

import functools

import numpy as np

from ..activations import sigmoid as _sigmoid
from ._core import (
    Mistake,
    check_choice,
    check_function,
    check_value,
    is_stub,
    seeded_inputs,
)

__all__ = [
    "cross_entropy",
    "descent_step",
    "feedforward_fn",
    "network_error",
    "perceptron_gradient",
    "predict_doubled_weights",
    "predict_error_after_step",
    "predict_largest_entry",
    "predict_output_sum",
    "predict_w2_rows",
    "predict_worse_prediction",
    "y_hat_by_hand",
]

#: The network of chapters 3, 4 and 7: hidden units 5x1 - 2x2 + 8 and 7x1 - 3x2 - 1,
#: combined as 7 a1 + 5 a2 - 6. Bias in the last row, as everywhere in mlp.
W1_EXAMPLE = np.array([[5.0, 7.0], [-2.0, -3.0], [8.0, -1.0]])
W2_EXAMPLE = np.array([[7.0], [5.0], [-6.0]])

#: The point of chapter 7's "y_hat by hand" exercise.
X_BY_HAND = (-1.0, 1.0)

#: Chapter 8's exercise "the error of the network": four points and their labels.
X_ERROR = np.array([[-1.0, 1.0], [1.0, 3.0], [0.0, 2.0], [2.0, 1.0]])
Y_ERROR = np.array([0.0, 1.0, 1.0, 0.0])

#: Chapter 9's exercise "one step by hand": the line x1 + x2 - 10 = 0, the point
#: (4, 5) with label 1, and the learning rate.
STEP_W = np.array([1.0, 1.0, -10.0])
STEP_X = np.array([4.0, 5.0])
STEP_Y = 1.0
STEP_ALPHA = 0.1

_SHAPE_HINT = (
    "the matrix shapes do not fit: a layer is add_bias(a) @ W, (m, n + 1) @ "
    "(n + 1, n_out). Did you append the 1, or write W @ x, or use W.T?"
)


def _explain_shape_errors(student):
    """Wrap a student's function so that a matrix-shape error says what to check
    (numpy's own message is long and names no matrix)."""
    if not callable(student) or is_stub(student):
        return student

    @functools.wraps(student)
    def wrapped(*args):
        try:
            return student(*args)
        except ValueError as exc:
            text = str(exc)
            if any(k in text for k in ("matmul", "shapes", "broadcast", "align")):
                raise ValueError(_SHAPE_HINT) from exc
            raise

    return wrapped


def _with_bias(a):
    return np.hstack([a, np.ones((a.shape[0], 1))])


# -- chapter 7 ------------------------------------------------------------------------


def _forward(weights, X, *, bias=(True, True), hidden_sigmoid=True,
             output_sigmoid=True, transpose=False):
    """The reference feedforward and its typical mistakes.

    ``bias`` = (use the bias in hidden layers, use it in the output layer);
    ``transpose`` uses W[:-1].T (the slide's W_ij read as W_ji) where it is square.
    """
    a = np.asarray(X, dtype=float)
    last = len(weights) - 1
    for k, W in enumerate(weights):
        W = np.asarray(W, dtype=float)
        Wx = W[:-1]
        if transpose and Wx.shape[0] == Wx.shape[1]:
            Wx = Wx.T
        use_bias = bias[1] if k == last else bias[0]
        h = a @ Wx + (W[-1] if use_bias else 0.0)
        if k == last:
            a = _sigmoid(h) if output_sigmoid else h
        else:
            a = _sigmoid(h) if hidden_sigmoid else h
    return a


def _y_hat_mistakes(x):
    X = np.array([x], dtype=float)
    W = [W1_EXAMPLE, W2_EXAMPLE]
    return [
        (_forward(W, X, output_sigmoid=False)[0, 0],
         "that is h, the output's input sum: y_hat = sigma(h) needs one more sigmoid."),
        (_forward(W, X, bias=(False, False))[0, 0],
         "the biases are missing: h1 ends with + W31(1) = 8 and h2 with + W32(1) = -1, "
         "h with + W31(2) = -6 (the last row of each matrix)."),
        (_forward(W, X, bias=(True, False))[0, 0],
         "the output's bias is missing: h = 7 sigma(h1) + 5 sigma(h2) - 6."),
        (_forward(W, X, bias=(False, True))[0, 0],
         "the hidden biases are missing: h1 = 5 x1 - 2 x2 + 8, h2 = 7 x1 - 3 x2 - 1."),
        (_forward(W, X, hidden_sigmoid=False)[0, 0],
         "h uses h1 and h2 themselves: it combines sigma(h1) and sigma(h2)."),
        (_forward(W, X, transpose=True)[0, 0],
         "the weights are read along the rows: h1 = W11 x1 + W21 x2 + W31 takes the "
         "first COLUMN of W(1), (5, -2, 8)."),
    ]


def y_hat_by_hand(value):
    """Check y_hat of chapter 7's network for the point x = (-1, 1), by hand."""
    want = _forward([W1_EXAMPLE, W2_EXAMPLE], np.array([X_BY_HAND]))[0, 0]
    if not is_stub(value) and np.ndim(value) == 2 and np.size(value) == 1:
        value = np.asarray(value).ravel()[0]  # mlp's (1, 1) output is fine too
    return check_value(
        "y_hat by hand", value, want, mistakes=_y_hat_mistakes(X_BY_HAND), rtol=1e-3,
        atol=1e-4,
        success=f"correct: y_hat = {want:.4f} for x = (-1, 1).")


def _feedforward_inputs():
    rng = np.random.default_rng(7)
    X3 = np.array([[1.0, 3.0], [-1.0, 1.0], [0.5, -2.0]])
    inputs = [([W1_EXAMPLE, W2_EXAMPLE], X3)]
    for sizes, m in (([2, 2, 1], 4), ([2, 1], 3), ([2, 2, 2, 1], 5), ([3, 3, 1], 2)):
        weights = [rng.normal(0, 1.5, (n_in + 1, n_out))
                   for n_in, n_out in zip(sizes[:-1], sizes[1:])]
        inputs.append((weights, rng.normal(0, 2, (m, sizes[0]))))
    return inputs


def feedforward_fn(student):
    """Check ``feedforward(weights, X)``: y_hat of shape (m, n_out) for any depth."""
    return check_function(
        "feedforward",
        _explain_shape_errors(student),
        _forward,
        _feedforward_inputs(),
        mistakes=[
            Mistake(lambda W, X: _forward(W, X, bias=(False, False)),
                    "the biases are missing: every layer is add_bias(a) @ W, the last "
                    "row of W multiplying the appended 1."),
            Mistake(lambda W, X: _forward(W, X, bias=(True, False)),
                    "the output layer's bias is missing: append the 1 before the last "
                    "matrix too."),
            Mistake(lambda W, X: _forward(W, X, bias=(False, True)),
                    "the hidden layers' biases are missing: append the 1 to X and to "
                    "each hidden layer's output."),
            Mistake(lambda W, X: _forward(W, X, transpose=True),
                    "the weight matrix is transposed: h_j = sum_i a_i W_ij, so "
                    "column j of W feeds unit j (add_bias(a) @ W, not @ W.T)."),
            Mistake(lambda W, X: _forward(W, X).T,
                    "the result is transposed: return one row per example, shape "
                    "(m, n_out), as add_bias(a) @ W gives."),
            Mistake(lambda W, X: _forward(W, X, output_sigmoid=False),
                    "the output sigmoid is missing: y_hat = sigma(h) for the last "
                    "layer too."),
            Mistake(lambda W, X: _forward(W, X, hidden_sigmoid=False),
                    "the hidden layers need their sigmoid: a = sigma(add_bias(a) @ W) "
                    "in every layer."),
        ],
    )


# -- chapter 8 ------------------------------------------------------------------------


def _ce(y, y_hat, log=np.log):
    y, y_hat = np.asarray(y, float), np.asarray(y_hat, float)
    return -np.mean(y * log(y_hat) + (1 - y) * log(1 - y_hat))


def _ce_mistakes():
    """The typical wrong versions of E, as (function of (y, y_hat), message)."""
    return [
        (lambda y, p: -np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)),
         "that is the sum: E is the mean, -1/m times the sum (divide by m)."),
        (lambda y, p: -np.mean(y * np.log(p)) + np.sum((1 - y) * np.log(1 - p)),
         "the brackets are missing (the slide's shorthand, read literally): -1/m "
         "must multiply the whole sum of [y ln(y_hat) + (1 - y) ln(1 - y_hat)]."),
        (lambda y, p: -np.mean(y * np.log(p)) + np.mean((1 - y) * np.log(1 - p)),
         "the minus sign covers only the first term: E = -1/m sum [y ln(y_hat) + "
         "(1 - y) ln(1 - y_hat)], with brackets."),
        (lambda y, p: -np.mean(y * np.log(p)) + (1 - y) * np.log(1 - p),
         "the brackets are missing (the slide's shorthand, read literally): the "
         "second term must be inside the sum too, so that E is one number."),
        (lambda y, p: np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)),
         "the sign is wrong: the logarithms are negative, so E = -1/m sum [...] is "
         "positive."),
        (lambda y, p: _ce(y, p, np.log10),
         "that uses log10: ln is the natural logarithm, np.log."),
        (lambda y, p: _ce(y, p, np.log2),
         "that uses log2: ln is the natural logarithm, np.log."),
        (lambda y, p: -np.mean(y * np.log(p)),
         "the second term is missing: (1 - y) ln(1 - y_hat) counts the examples with "
         "y = 0."),
    ]


def _ce_inputs():
    table = ((np.array([1.0, 0.0, 1.0, 0.0]), np.array([0.9, 0.2, 0.6, 0.3])),)

    def make(rng):
        m = int(rng.integers(4, 9))
        y = rng.permutation(np.r_[1.0, 0.0, rng.integers(0, 2, m - 2).astype(float)])
        return y, rng.uniform(0.05, 0.95, m)

    return list(table) + seeded_inputs(8, make, n=4)


def cross_entropy(student):
    """Check ``cross_entropy(y, y_hat)``: the slides' E with its brackets."""
    return check_function(
        "cross_entropy",
        student,
        _ce,
        _ce_inputs(),
        mistakes=[Mistake(f, msg) for f, msg in _ce_mistakes()],
    )


def network_error(value):
    """Check E of chapter 7's network on the four points of chapter 8's exercise."""
    y_hat = _forward([W1_EXAMPLE, W2_EXAMPLE], X_ERROR)[:, 0]
    want = _ce(Y_ERROR, y_hat)
    mistakes = [(f(Y_ERROR, y_hat), msg) for f, msg in _ce_mistakes()]
    return check_value(
        "E of the network", value, want, mistakes=mistakes, rtol=1e-4, atol=1e-6,
        success=f"correct: E = {want:.4f} for the four points.")


# -- chapter 9 ------------------------------------------------------------------------


def _step(w, x, y, alpha, *, sign=1.0, use_alpha=True, use_x=True, use_sigmoid=True):
    """One gradient-descent step of the perceptron on one point, and its mistakes."""
    xb = np.append(x, 1.0)
    score = float(w @ xb)
    y_hat = _sigmoid(score) if use_sigmoid else score
    grad = (y_hat - y) * (xb if use_x else np.ones(3))
    return w - sign * (alpha if use_alpha else 1.0) * grad


def descent_step(value):
    """Check the new (w1, w2, b) after one step on chapter 9's one-point example."""
    args = (STEP_W, STEP_X, STEP_Y, STEP_ALPHA)
    want = _step(*args)
    if not is_stub(value):
        try:
            arr = np.asarray(value, dtype=float)
            if arr.size == 3 and arr.ndim <= 2:
                value = arr.ravel()  # [w1, w2, b] as a list, row or column
        except (TypeError, ValueError):
            pass
    mistakes = [
        (_step(*args, sign=-1.0),
         "the step goes the wrong way: w <- w - alpha dE/dw moves AGAINST the "
         "gradient (that raised the error)."),
        (_step(*args, use_alpha=False),
         "the learning rate is missing: the step is alpha times the gradient."),
        (_step(*args, use_x=False),
         "each weight's derivative is (y_hat - y) x_i: multiply by x1, x2 (and by 1 "
         "for b)."),
        (_step(*args, use_sigmoid=False),
         "y_hat is the probability sigma(w1 x1 + w2 x2 + b), not the score itself."),
    ]
    return check_value(
        "one gradient-descent step", value, want, mistakes=mistakes, rtol=1e-4,
        atol=1e-6,
        success="correct: the line moved toward the point (w1, w2, b) = "
                f"({want[0]:.4f}, {want[1]:.4f}, {want[2]:.4f}).")


def _grad(W, X, y, *, scale=True, sign=1.0, use_sigmoid=True, bias_row=True):
    W, X, y = (np.asarray(v, dtype=float) for v in (W, X, y))
    Xb = _with_bias(X)
    score = Xb @ W
    y_hat = _sigmoid(score) if use_sigmoid else score
    g = sign * Xb.T @ (y_hat - y[:, None])
    g = g / X.shape[0] if scale else g
    return g if bias_row else g[:-1]


def _gradient_inputs():
    def make(rng):
        m = int(rng.integers(3, 8))
        X = rng.uniform(0, 10, (m, 2)).round(1)
        y = rng.permutation(np.r_[1.0, 0.0, rng.integers(0, 2, m - 2).astype(float)])
        W = np.array([[rng.normal(0, 0.5)], [rng.normal(0, 0.5)], [rng.normal(0, 3)]])
        return W, X, y

    one = (STEP_W.reshape(3, 1), STEP_X.reshape(1, 2), np.array([STEP_Y]))
    return [one] + seeded_inputs(9, make, n=4)


def perceptron_gradient(student):
    """Check ``perceptron_gradient(W, X, y)``: dE/dW of shape (3, 1) for the
    perceptron, the average of (y_hat - y) (x1, x2, 1)."""
    return check_function(
        "perceptron_gradient",
        _explain_shape_errors(student),
        _grad,
        _gradient_inputs(),
        mistakes=[
            Mistake(lambda W, X, y: _grad(W, X, y, scale=False),
                    "that is the sum over the examples: E is a mean, so divide by m."),
            Mistake(lambda W, X, y: _grad(W, X, y, sign=-1.0),
                    "the sign is wrong: dE/dw_i = (y_hat - y) x_i, not "
                    "(y - y_hat) x_i."),
            Mistake(lambda W, X, y: _grad(W, X, y, use_sigmoid=False),
                    "y_hat is sigma(add_bias(X) @ W), not the score itself."),
            Mistake(lambda W, X, y: _grad(W, X, y, bias_row=False),
                    "the bias row is missing: dE/db = mean(y_hat - y) is the last row "
                    "(use add_bias(X))."),
            Mistake(lambda W, X, y: _grad(W, X, y).T,
                    "the result is transposed: return the shape of W, (3, 1)."),
        ],
    )


# -- concept questions ("predict, then check") -----------------------------------------


def predict_w2_rows(rows):
    """Chapter 7: how many rows has W(2) of the 2-2-1 network?"""
    return check_choice(
        "the rows of W(2)", rows, 3,
        "W(2) takes sigma(h1), sigma(h2) and the 1 of its bias: three inputs, three "
        "rows; one column for the one output, so W(2) is 3 by 1.",
        {2: "that counts the hidden units, but the output layer also gets the 1 of "
            "its bias: its last row.",
         1: "1 is the number of columns (one output unit); the rows count the "
            "layer's inputs, plus one for the bias.",
         4: "the output layer gets sigma(h1), sigma(h2) and the 1 of its bias, three "
            "values, one row each."})


def predict_output_sum(choice):
    """Chapter 7: what does each row of mlp.feedforward's output add up to, with
    three output units? (a) exactly 1, (b) anything between 0 and 3."""
    return check_choice(
        "the sum of a row of y_hat", choice, "a",
        "with several output units mlp puts a softmax on the output layer "
        "(chapter 6), and a softmax's outputs add up to 1: one probability per class.",
        {"b": "that is what three separate sigmoids would give; mlp uses a sigmoid "
              "only for ONE output unit, and a softmax for several."})


def predict_worse_prediction(y_hat):
    """Chapter 8: for y = 1, which prediction has the larger error, 0.9 or 0.1?"""
    return check_choice(
        "the larger error", y_hat, 0.1,
        "for y = 1 the error is -ln(y_hat): -ln(0.1) = 2.30 is much larger than "
        "-ln(0.9) = 0.11. A confident wrong prediction costs the most.",
        {0.9: "y_hat = 0.9 is close to the truth y = 1: its error -ln(0.9) = 0.11 is "
              "small."})


def predict_doubled_weights(direction):
    """Chapter 8: double w1, w2 and b for the four students: does E go up or down?"""
    return check_choice(
        "E after doubling the weights", direction, "up",
        "the line stays, but every prediction becomes more confident: the three "
        "students on the right side get smaller errors, and student 3, on the wrong "
        "side, a larger one, which outweighs them.",
        {"down": "that happens when every student is on the right side. Student 3 is "
                 "not: more confidence makes their error grow, by more than the "
                 "others' fall.",
         "same": "the line stays the same, but the predictions do not: sigma(2 "
                 "score) is closer to 0 or 1 than sigma(score)."})


def predict_largest_entry(entry):
    """Chapter 9: which entry of the gradient is largest in size, for the point
    x = (3, 4), y = 1: "w1", "w2" or "b"?"""
    return check_choice(
        "the largest entry of the gradient", entry, "w2",
        "every entry is (y_hat - y) times its input, and the inputs are x1 = 3, "
        "x2 = 4 and the 1 of the bias: the largest input, x2, gives the largest "
        "entry.",
        {"w1": "dE/dw1 = (y_hat - y) x1 with x1 = 3; dE/dw2 has x2 = 4, larger.",
         "b": "dE/db = (y_hat - y) times the 1 of the bias, the smallest input."})


def predict_error_after_step(direction):
    """Chapter 9: after one step with alpha = 0.1, does E go up or down?"""
    return check_choice(
        "E after one step", direction, "down",
        "the step goes against the gradient, downhill, and alpha = 0.1 is small "
        "enough here not to overshoot: y_hat rises toward y = 1.",
        {"up": "the gradient points uphill, and the step goes the other way: "
               "w - alpha dE/dw.",
         "same": "every entry of the gradient is nonzero here, so the step changes "
                 "the weights, and E with them."})
