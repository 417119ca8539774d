"""Checks for chapters 10 (the chain rule) and 11 (backpropagation).

The slides' derivation of the log loss has a sign error (``dL/dh = -y/h - (1-y)/(1-h)``
and ``dL/dz = -y(1-h) - (1-y)h``); every check here recognises it when a student
reproduces it, and says so. The sample inputs always hold examples with ``y = 0``: with
``y = 1`` the wrong term is multiplied by ``1 - y = 0`` and the error hides.
"""

from __future__ import annotations

import numpy as np

from ..activations import sigmoid as _sigma
from ..network import layer_input
from ._core import Mistake, check_choice, check_function

__all__ = [
    "backprop_221",
    "dE_dW12",
    "dL_dh",
    "dL_dz",
    "predict_dL_dz_sign",
    "predict_gradient_through_sigmoid",
    "predict_sigmoid_slope_at_0",
    "predict_zero_gradient",
    "sigmoid_prime",
]

SLIDE_SIGN = (
    "this is the slide's formula, and the slide has a sign error: the derivative of "
    "ln(1 - h) is -1/(1 - h) (the inner function 1 - h has derivative -1), so "
)


def _sigmoid_prime(x):
    s = _sigma(x)
    return s * (1 - s)


# -- chapter 10 --------------------------------------------------------------------


def sigmoid_prime(student):
    """Check ``sigmoid_prime(x)`` = sigma(x) (1 - sigma(x)) on scalars and arrays."""

    def x_(x):
        return np.asarray(x, dtype=float)

    inputs = [(1.5,), (-2.0,), (0.0,), (np.linspace(-5, 5, 11),)]
    return check_function(
        "sigmoid_prime",
        student,
        _sigmoid_prime,
        inputs,
        mistakes=[
            Mistake(lambda x: x_(x) * (1 - x_(x)),
                    "you computed x(1 - x): the formula is sigma(x)(1 - sigma(x)), "
                    "with the sigmoid of x in both places (the slide's dh/dz = w(1-w) "
                    "makes the same slip)."),
            Mistake(lambda x: np.exp(-x_(x)) / (1 + np.exp(-x_(x))),
                    "the denominator must be squared: sigma'(x) = e^(-x) / "
                    "(1 + e^(-x))^2."),
            Mistake(lambda x: -np.exp(-x_(x)) / (1 + np.exp(-x_(x))) ** 2,
                    "sign error: the two minus signs (from 1/u and from e^(-x)) "
                    "cancel, so sigma'(x) is positive everywhere."),
            Mistake(lambda x: _sigma(x) * (1 + _sigma(x)),
                    "it is sigma(x)(1 - sigma(x)), with a minus."),
            Mistake(_sigma, "that is sigma(x) itself; its derivative is "
                            "sigma(x)(1 - sigma(x))."),
        ],
    )


def _h_y_inputs():
    """Predictions h in (0, 1) and labels y of the same shape, both labels in each."""
    rng = np.random.default_rng(10)
    # both labels in every input: with y = 0 alone the slide's sign error and a
    # flipped overall sign give the same numbers
    inputs = [(np.array([0.3, 0.8]), np.array([0.0, 1.0])),
              (np.array([0.2, 0.6, 0.9]), np.array([1.0, 0.0, 0.0]))]
    for m in (5, 8):
        h = rng.uniform(0.05, 0.95, m)
        y = (np.arange(m) % 2).astype(float)
        inputs.append((h, y))
    return inputs


def _h(h):
    return np.asarray(h, dtype=float)


def dL_dh(student):
    """Check ``dL_dh(h, y)``: the derivative of the log loss with respect to h."""
    return check_function(
        "dL_dh",
        student,
        lambda h, y: -y / _h(h) + (1 - y) / (1 - _h(h)),
        _h_y_inputs(),
        mistakes=[
            Mistake(lambda h, y: -y / _h(h) - (1 - y) / (1 - _h(h)),
                    SLIDE_SIGN + "dL/dh = -y/h + (1 - y)/(1 - h)."),
            Mistake(lambda h, y: y / _h(h) - (1 - y) / (1 - _h(h)),
                    "the overall sign is flipped: L has a minus in front, "
                    "L = -[y ln h + (1 - y) ln(1 - h)], so dL/dh = -y/h + "
                    "(1 - y)/(1 - h)."),
            Mistake(lambda h, y: y / _h(h) + (1 - y) / (1 - _h(h)),
                    "both signs are wrong: dL/dh = -y/h + (1 - y)/(1 - h)."),
            Mistake(lambda h, y: -(y * np.log(_h(h)) + (1 - y) * np.log(1 - _h(h))),
                    "that is the loss L(h, y) itself (the slide's brace calls it its "
                    "derivative): now differentiate it with respect to h."),
            Mistake(lambda h, y: -y / _h(h),
                    "only the first term: (1 - y) ln(1 - h) depends on h too, and its "
                    "derivative gives +(1 - y)/(1 - h)."),
            Mistake(lambda h, y: _h(h) - y,
                    "that is dL/dz = h - y, the derivative with respect to z; dL/dh is "
                    "the factor before multiplying by dh/dz = h(1 - h)."),
        ],
    )


def dL_dz(student):
    """Check ``dL_dz(h, y)``: the derivative of the log loss with respect to z, where
    h = sigma(z). The answer is h - y."""

    def slide_dL_dh(h, y):
        return -y / _h(h) - (1 - y) / (1 - _h(h))

    def dL_dh_(h, y):
        return -y / _h(h) + (1 - y) / (1 - _h(h))

    return check_function(
        "dL_dz",
        student,
        lambda h, y: _h(h) - y,
        _h_y_inputs(),
        mistakes=[
            Mistake(lambda h, y: -y * (1 - _h(h)) - (1 - y) * _h(h),
                    "this is the slide's last line, -y(1 - h) - (1 - y)h, which "
                    "inherits the slide's sign error in dL/dh. With dL/dh = -y/h + "
                    "(1 - y)/(1 - h) the product is -y(1 - h) + (1 - y)h = h - y."),
            Mistake(lambda h, y: dL_dh_(h, y) - _h(h) * (1 - _h(h)),
                    "you subtracted dh/dz from dL/dh, as the slide writes; the chain "
                    "rule multiplies: dL/dz = dL/dh * dh/dz."),
            Mistake(lambda h, y: slide_dL_dh(h, y) - _h(h) * (1 - _h(h)),
                    "you followed the slide twice: dL/dz = dL/dh * dh/dz is a product, "
                    "not a difference, and dL/dh = -y/h + (1 - y)/(1 - h) (the slide "
                    "has a sign error)."),
            Mistake(lambda h, y: y - _h(h),
                    "the sign is flipped: dL/dz = h - y, the prediction minus the "
                    "label (a prediction that is too high must push z down)."),
            Mistake(dL_dh_,
                    "that is dL/dh: multiply it by dh/dz = h(1 - h)."),
            Mistake(lambda h, y: (_h(h) - y) * _h(h) * (1 - _h(h)),
                    "you multiplied by h(1 - h) twice: dL/dh * dh/dz is already "
                    "h - y."),
        ],
    )


# -- chapter 11 --------------------------------------------------------------------


def _forward_221(W1, W2, X):
    """Hidden sums (m, 2), hidden outputs (m, 2) and y_hat (m,)."""
    h_hidden = layer_input(X, W1)
    a = _sigma(h_hidden)
    y_hat = _sigma(layer_input(a, W2))[:, 0]
    return h_hidden, a, y_hat


def _network_inputs(seed, n, m=None):
    """``n`` seeded problems (W1, W2, X, y) for the 2-2-1 network; y holds 0 and 1.

    With ``m=None`` each X is one example of shape (2,) and y a scalar 0 or 1.
    """
    rng = np.random.default_rng(seed)
    out = []
    for k in range(n):
        W1 = rng.normal(0.0, 1.2, (3, 2))
        W2 = rng.normal(0.0, 1.2, (3, 1))
        if m is None:
            # y = 1, 0, 1, 0: a flipped sign shows first with y = 1, where the
            # slide's sign error is invisible; with y = 0 the two look the same
            out.append((W1, W2, rng.uniform(-2, 2, 2), (k + 1) % 2))
        else:
            y = np.arange(m) % 2
            rng.shuffle(y)
            out.append((W1, W2, rng.uniform(-2, 2, (m, 2)), y))
    return out


def _entry_W12(W1, W2, x, y, *, slide_sign=False, sigma_h2=True, dyhat_dh=True,
               hidden=1, x_index=0, sign=1.0):
    """dE/dW12(1) for one example, with optional mistakes (for the checker)."""
    x = np.asarray(x, dtype=float)
    _, a, y_hat = _forward_221(W1, W2, x[None, :])
    y_hat = y_hat[0]
    dE_dyhat = (-y / y_hat - (1 - y) / (1 - y_hat) if slide_sign
                else -y / y_hat + (1 - y) / (1 - y_hat))
    dyhat = y_hat * (1 - y_hat) if dyhat_dh else 1.0
    s = a[0, hidden]
    dh_dhj = W2[hidden, 0] * (s * (1 - s) if sigma_h2 else 1.0)
    return sign * dE_dyhat * dyhat * dh_dhj * x[x_index]


def dE_dW12(student):
    """Check ``dE_dW12(W1, W2, x, y)``: dE/dW12(1) of the 2-2-1 network for one
    example ``x`` of shape (2,) with label ``y``."""
    return check_function(
        "dE_dW12",
        student,
        _entry_W12,
        _network_inputs(seed=12, n=4),
        mistakes=[
            Mistake(lambda *a: _entry_W12(*a, slide_sign=True),
                    "the factor dE/dy_hat has the slide's sign error: it is -y/y_hat + "
                    "(1 - y)/(1 - y_hat), so that dE/dy_hat * dy_hat/dh = y_hat - y "
                    "(chapter 10). With y = 1 you cannot see it; with y = 0 you can."),
            Mistake(lambda *a: _entry_W12(*a, sigma_h2=False),
                    "the factor dh/dh2 is W21(2) * sigma'(h2): the hidden unit's "
                    "output is sigma(h2), so its derivative sigma'(h2) = "
                    "sigma(h2)(1 - sigma(h2)) belongs in the chain."),
            Mistake(lambda *a: _entry_W12(*a, dyhat_dh=False),
                    "a factor is missing: dy_hat/dh = y_hat(1 - y_hat), the "
                    "derivative of the output sigmoid."),
            Mistake(lambda *a: _entry_W12(*a, hidden=0),
                    "that is dE/dW11(1), the chapter's worked example: W12(1) goes "
                    "from x1 to the second hidden unit, so the chain runs through "
                    "h2: dh/dh2 = W21(2) sigma'(h2)."),
            Mistake(lambda *a: _entry_W12(*a, x_index=1),
                    "that is dE/dW22(1): W12(1) is row 1 (input x1), column 2 (hidden "
                    "unit 2), so dh2/dW12(1) = x1."),
            Mistake(lambda *a: _entry_W12(*a, sign=-1.0),
                    "the sign is flipped: that is -dE/dW12(1), the direction of the "
                    "step, not the gradient."),
        ],
    )


def _grads_221(W1, W2, X, y, *, per_example=False, hidden_prime=True,
               output_prime=False, transposed=False, slide_sign=False,
               sums_not_outputs=False, sign=1.0):
    """The reference gradients [dE/dW1, dE/dW2], or a typical mistake's version."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    m = X.shape[0]
    h_hidden, a, y_hat = _forward_221(W1, W2, X)
    if slide_sign:
        delta = -y * (1 - y_hat) - (1 - y) * y_hat
    else:
        delta = y_hat - y
    if output_prime:
        delta = delta * y_hat * (1 - y_hat)
    delta = sign * delta[:, None] / (1 if per_example else m)  # (m, 1)
    a_in = h_hidden if sums_not_outputs else a
    dW2 = np.vstack([a_in.T @ delta, delta.sum(axis=0)])  # (3, 1)
    delta1 = delta @ W2[:-1].T  # (m, 2)
    if hidden_prime:
        delta1 = delta1 * a * (1 - a)
    dW1 = np.vstack([X.T @ delta1, delta1.sum(axis=0)])  # (3, 2)
    if transposed:
        return [dW1.T, dW2.T]
    return [dW1, dW2]


_GRAD_MISTAKES = [
    ({"hidden_prime": False},
     ("the factor sigma'(h_j) = sigma(h_j)(1 - sigma(h_j)) is missing when you send "
      "the error back to the hidden layer: delta1 = (delta2 @ W2[:-1].T) * "
      "sigma'(h1).")),
    ({"per_example": True},
     ("the gradient is m times too big: E is the MEAN of the m losses, so divide by "
      "m (delta2 = (y_hat - y) / m).")),
    ({"transposed": True},
     ("your gradient is transposed: dE/dW must have the shape of W (row i, column j "
      "is dE/dW_ij), so use add_bias(a).T @ delta, not delta.T @ add_bias(a).")),
    ({"output_prime": True},
     ("the output delta is y_hat - y alone: with the log loss, dE/dy_hat * "
      "dy_hat/dh = y_hat - y already contains sigma'(h) (chapter 10); you "
      "multiplied by it twice.")),
    ({"slide_sign": True},
     ("the output delta has the slide's sign error, -y(1 - y_hat) - (1 - y) y_hat; "
      "it is y_hat - y (chapter 10).")),
    ({"sums_not_outputs": True},
     ("the inputs of layer 2 are the hidden OUTPUTS sigma(h1), sigma(h2), not the "
      "sums h1, h2: dh/dW_i1(2) = sigma(h_i).")),
    ({"sign": -1.0},
     ("the sign is flipped: the output delta is y_hat - y (prediction minus label); "
      "what you have is minus the gradient.")),
]


def backprop_221(student):
    """Check ``backprop_221(W1, W2, X, y)`` -> ``[dE_dW1, dE_dW2]``, the gradient of
    the mean cross-entropy for the 2-2-1 network, on several seeded data sets."""
    mistakes = [Mistake(lambda *a, _kw=kw: _grads_221(*a, **_kw), message)
                for kw, message in _GRAD_MISTAKES]
    mistakes.append(Mistake(
        lambda *a: [g[:-1] for g in _grads_221(*a)],
        "the bias rows are missing: dE_dW1 must have the shape of W1, (3, 2), and "
        "dE_dW2 that of W2, (3, 1). A bias's input is the constant 1, so its gradient "
        "is delta summed over the examples."))
    return check_function(
        "backprop_221",
        student,
        _grads_221,
        _network_inputs(seed=11, n=4, m=5),
        mistakes=mistakes,
        success="both gradients are right on 4 data sets of 5 examples.",
        hint=("Go step by step: delta2 = (y_hat - y) / m of shape (m, 1); dE_dW2 = "
              "[sigma(h1), sigma(h2), 1].T @ delta2; delta1 = (delta2 @ W2[:-1].T) * "
              "sigma'(h); dE_dW1 = [x1, x2, 1].T @ delta1."),
    )


# -- concept questions (predict, then check) -----------------------------------------


def predict_sigmoid_slope_at_0(slope_at_0):
    """Chapter 10: the slope of the sigmoid at 0 (one of 0, 0.25, 0.5, 1)."""
    return check_choice(
        "predict_sigmoid_slope_at_0", slope_at_0, 0.25,
        "sigma'(0) = sigma(0)(1 - sigma(0)) = 1/2 * 1/2 = 1/4, the steepest point of "
        "the sigmoid.",
        wrong={
            0.5: "that is sigma(0), the height of the curve at 0; its slope is "
                 "sigma(0)(1 - sigma(0)).",
            0.0: "the sigmoid is flat far from 0, where its slope tends to 0; at 0 it "
                 "rises fastest: sigma(0)(1 - sigma(0)).",
            1.0: "the sigmoid needs several units of x to rise from 0 to 1, so its "
                 "slope stays well below 1: sigma(0)(1 - sigma(0)).",
        },
    )


def predict_dL_dz_sign(sign):
    """Chapter 10: the sign of dL/dz for y = 1 and h = 0.3."""
    return check_choice(
        "predict_dL_dz_sign", sign, "negative",
        "raising z moves h = 0.3 towards the label 1, so the loss falls: dL/dz = "
        "h - y = -0.7.",
        wrong={
            "positive": "a positive slope would mean the loss grows as h moves from "
                        "0.3 towards the label 1; it falls.",
            "zero": "the slope is zero only where h = y; here h = 0.3 and y = 1.",
        },
    )


def predict_gradient_through_sigmoid(choice):
    """Chapter 11: is |dE/dh1| bigger than, smaller than or the same as
    |dE/dsigma(h1)|?"""
    return check_choice(
        "predict_gradient_through_sigmoid", choice, "smaller",
        "one step back through the sigmoid multiplies by sigma'(h1), which is at most "
        "1/4 (chapter 10); here h1 = 7, so sigma'(7) is about 0.0009.",
        wrong={
            "bigger": "the step back multiplies by sigma'(h1) = sigma(h1)(1 - "
                      "sigma(h1)), never more than 1/4: it cannot grow.",
            "the same": "the step back through the sigmoid multiplies by its local "
                        "derivative sigma'(h1), which is not 1 (at most 1/4).",
        },
    )


def predict_zero_gradient(choice):
    """Chapter 11: which weights have a zero gradient when the input x1 is 0
    (a: W11(1) and W12(1), b: W11(1) and W21(1), c: all of W(1), d: none)."""
    return check_choice(
        "predict_zero_gradient", choice, "a",
        "dE/dW_1j(1) = delta_j * x1: the last factor of the chain, dh_j/dW_1j(1), is "
        "the input x1 = 0. The weights leaving x1 (row 1 of W(1)) get no gradient.",
        wrong={
            "b": "W21(1) multiplies x2, not x1; W11(1) and W21(1) are the weights into "
                 "h1. The zero factor is dh_j/dW_1j(1) = x1: the weights leaving x1.",
            "c": "only the weights that multiply x1 get the factor x1 = 0; those of x2 "
                 "and the biases still have gradients.",
            "d": "the last factor of dE/dW_1j(1) is dh_j/dW_1j(1) = x1, which is 0.",
        },
    )
