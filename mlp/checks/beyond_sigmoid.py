"""Checks for chapters 12 (vanishing gradients) and 13 (tanh and ReLU)."""

from __future__ import annotations

import numpy as np

from ..activations import relu as _relu
from ..activations import relu_prime as _relu_prime
from ..activations import sigmoid as _sigmoid
from ..activations import tanh_prime as _tanh_prime
from ..backpropagation import backprop as _backprop
from ..network import init_weights
from ._core import Mistake, check_choice, check_function, check_value

__all__ = [
    "gradient_sizes",
    "layers_below",
    "predict_output_spread",
    "predict_relu_prime",
    "predict_sigma_prime_max",
    "predict_sigmoid_scale",
    "predict_tanh_prime",
    "relu_prime",
    "sigmoid_prime_bound",
    "tanh_from_sigmoid",
    "tanh_prime",
]


def _f(x):
    return np.asarray(x, dtype=float)


# -- chapter 12 ------------------------------------------------------------------------


def sigmoid_prime_bound(student):
    """Check ``sigmoid_prime_bound(n)``: the largest a product of n sigmoid
    derivatives can be, (1/4)^n."""
    return check_function(
        "sigmoid_prime_bound",
        student,
        lambda n: 0.25**n,
        [(1,), (2,), (5,), (10,), (20,)],
        rtol=1e-9,
        atol=0.0,
        mistakes=[
            Mistake(lambda n: 0.25 * n,
                    "that is 1/4 times n: the factors multiply, so it is (1/4)**n."),
            Mistake(lambda n: 0.5**n,
                    "that is (1/2)^n: sigma(0) is 1/2, but sigma'(0) = "
                    "sigma(0)(1 - sigma(0)) = 1/4."),
            Mistake(lambda n: 0.25 ** (n - 1),
                    "one factor short: n factors of 1/4 make (1/4)**n."),
            Mistake(lambda n: 0.25 ** (n + 1),
                    "one factor too many: n factors of 1/4 make (1/4)**n."),
            Mistake(lambda n: 4.0**n,
                    "upside down: each factor is at most 1/4, so the product is "
                    "(1/4)**n, which shrinks."),
        ],
    )


def layers_below(student):
    """Check the smallest number n of layers with (1/4)^n below one millionth."""
    return check_value(
        "layers_below",
        student,
        10,
        mistakes=[
            (9, "(1/4)^9 = 3.8e-6 is still above 1e-6: one more layer is needed."),
            (11, "(1/4)^10 = 9.5e-7 is already below 1e-6: one layer too far."),
            (20, "that is the count for (1/2)^n: the factor is 1/4, not 1/2."),
        ],
        rtol=0.0,
        atol=0.0,
        success="10 layers: (1/4)^10 = 9.5e-7, already below one millionth.",
    )


def _network_grads(rng):
    depth = int(rng.integers(2, 6))
    weights = init_weights([2] + [4] * depth + [1], rng)
    X = rng.normal(size=(12, 2))
    y = (rng.random(12) < 0.5).astype(int)
    y[:2] = [0, 1]
    return (_backprop(weights, X, y),)


def _per_layer(reduce):
    """A list, so that a student's list and a student's array are both accepted."""
    return lambda grads: [float(reduce(np.asarray(g))) for g in grads]


_mean_abs = _per_layer(lambda g: np.mean(np.abs(g)))


def gradient_sizes(student):
    """Check ``gradient_sizes(grads)``: the mean absolute gradient of every layer,
    L numbers (an array or a list)."""
    rng = np.random.default_rng(12)
    inputs = [_network_grads(rng) for _ in range(3)]
    return check_function(
        "gradient_sizes",
        student,
        _mean_abs,
        inputs,
        rtol=1e-9,
        atol=0.0,
        mistakes=[
            Mistake(_per_layer(np.mean),
                    "that is the signed mean: positive and negative entries cancel. "
                    "Take np.abs before the mean."),
            Mistake(_per_layer(lambda g: np.sum(np.abs(g))),
                    "that is the sum of |dE/dW|, which grows with the layer's size: "
                    "take the mean."),
            Mistake(_per_layer(lambda g: np.max(np.abs(g))),
                    "that is the largest entry of each layer: take the mean of "
                    "|dE/dW|."),
            Mistake(_per_layer(lambda g: np.mean(np.abs(g[:-1]))),
                    "the bias row is left out: take the mean over the whole matrix."),
            Mistake(lambda grads: _mean_abs(grads)[::-1],
                    "the layers are reversed: the first entry is the first layer "
                    "W(1), nearest the input."),
        ],
    )


# -- chapter 13 ------------------------------------------------------------------------

# Test inputs away from 0, where relu has its kink.
_INPUTS = [(0.5,), (-1.5,), (np.array([-3.0, -0.2, 0.3, 2.0]),),
           (np.linspace(-4.05, 4.05, 9),)]


def tanh_prime(student):
    """Check ``tanh_prime(x)`` = 1 - tanh(x)^2."""
    return check_function(
        "tanh_prime",
        student,
        _tanh_prime,
        _INPUTS,
        mistakes=[
            Mistake(lambda x: 1 - np.tanh(_f(x)),
                    "that is 1 - tanh(x): the derivative is 1 - tanh(x)**2, with "
                    "tanh squared."),
            Mistake(lambda x: 1 - _f(x) ** 2,
                    "that is 1 - x**2: square tanh(x), not x. (1 - a**2 is the "
                    "derivative written with the output a = tanh(x).)"),
            Mistake(lambda x: np.tanh(_f(x)) * (1 - np.tanh(_f(x))),
                    "that is the sigmoid's pattern f(1 - f): for tanh it is "
                    "1 - tanh(x)**2."),
            Mistake(lambda x: 1 + np.tanh(_f(x)) ** 2,
                    "sign error: it is 1 - tanh(x)**2, at most 1."),
            Mistake(lambda x: np.tanh(_f(x)) ** 2,
                    "that is tanh(x)**2: the derivative is 1 minus that."),
        ],
    )


def relu_prime(student):
    """Check ``relu_prime(x)``: 1 for x > 0 and 0 for x < 0."""
    return check_function(
        "relu_prime",
        student,
        _relu_prime,
        _INPUTS,
        mistakes=[
            Mistake(_relu, "that is relu itself: its derivative is the slope, 1 where "
                           "x > 0 and 0 where x < 0."),
            Mistake(lambda x: np.sign(_f(x)),
                    "that gives -1 for negative inputs: relu is flat (0) there, so "
                    "its slope is 0, not -1."),
            Mistake(lambda x: np.ones_like(_f(x)),
                    "that is 1 everywhere: for negative inputs relu is constant, so "
                    "relu'(x) = 0 there."),
            Mistake(lambda x: (_f(x) < 0).astype(float),
                    "upside down: the slope is 1 for positive inputs and 0 for "
                    "negative ones."),
        ],
    )


def tanh_from_sigmoid(student):
    """Check ``tanh_from_sigmoid(x)`` = 2 sigma(2x) - 1, which equals tanh(x)."""
    return check_function(
        "tanh_from_sigmoid",
        student,
        lambda x: 2 * _sigmoid(2 * _f(x)) - 1,
        _INPUTS,
        mistakes=[
            Mistake(lambda x: 2 * _sigmoid(_f(x)) - 1,
                    "that is 2 sigma(x) - 1 = tanh(x/2): the sigmoid's input is 2x."),
            Mistake(lambda x: _sigmoid(2 * _f(x)),
                    "sigma(2x) has values in (0, 1): stretch and shift it to (-1, 1) "
                    "with 2 sigma(2x) - 1."),
            Mistake(lambda x: 2 * _sigmoid(2 * _f(x)),
                    "the -1 is missing: 2 sigma(2x) - 1."),
            Mistake(lambda x: 2 * _sigmoid(_f(x) / 2) - 1,
                    "that is tanh(x/4): the sigmoid's input is 2x."),
        ],
    )


# -- concept questions (predict, then check) -------------------------------------------


def predict_sigma_prime_max(sigma_prime_max):
    """Chapter 12: the largest value of the sigmoid's slope."""
    return check_choice(
        "sigma_prime_max", sigma_prime_max, 0.25,
        "sigma'(x) = sigma(x)(1 - sigma(x)) is largest where sigma(x) = 1/2, at "
        "x = 0: 1/2 * (1 - 1/2) = 1/4.",
        wrong={
            1.0: "that is the slope of the line y = x (and tanh's at 0). The sigmoid "
                 "climbs from 0 to 1 more gently: sigma'(0) = sigma(0)(1 - sigma(0)).",
            0.5: "0.5 is sigma(0), the sigmoid's value at x = 0, not its slope "
                 "there: sigma'(0) = 0.5 * (1 - 0.5).",
        },
    )


def predict_output_spread(y_hat_spread):
    """Chapter 12: how different the deep sigmoid network's 200 answers are."""
    return check_choice(
        "y_hat_spread", y_hat_spread, "same",
        "each sigmoid layer multiplies the spread across the examples by about its "
        "slope, below 1/4 (with weights of size 1/sqrt(n)); nine layers leave about "
        "0.7 * (1/4)**9 = 3e-6 of the inputs' spread 0.7 (here 3e-7).",
        wrong={
            "apart": "the labels are 0 and 1, but each of the nine layers shrinks "
                     "the differences between the examples by about 1/4.",
            "close": "closer still: each of the nine layers shrinks the differences "
                     "between the examples by about 1/4, and (1/4)**9 is about 4e-6.",
        },
    )


def predict_tanh_prime(tanh_prime_0):
    """Chapter 13: tanh'(0)."""
    return check_choice(
        "tanh_prime_0", tanh_prime_0, 1.0,
        "tanh'(x) = 1 - tanh(x)**2 and tanh(0) = 0, so tanh'(0) = 1: four times the "
        "sigmoid's 1/4.",
        wrong={
            0.25: "that is the sigmoid's sigma'(0). tanh is steeper: 1 - tanh(0)**2.",
            0.0: "0 is tanh(0), the value at x = 0, not the slope there: "
                 "1 - tanh(0)**2.",
            0.5: "that is sigma(0). The slope of tanh at 0 is 1 - tanh(0)**2.",
        },
    )


def predict_relu_prime(relu_prime_minus_2):
    """Chapter 13: relu'(-2)."""
    return check_choice(
        "relu_prime_minus_2", relu_prime_minus_2, 0.0,
        "for x < 0, relu(x) = 0 whatever x is: a flat line, slope 0.",
        wrong={
            1.0: "1 is the slope for positive inputs; for x < 0 relu is constant "
                 "(0), so its slope is 0.",
            -2.0: "-2 is the input itself; relu(-2) = 0 and relu is flat there, so "
                  "the slope is 0.",
            -1.0: "relu does not go down for negative inputs: it stays at 0, so the "
                  "slope is 0.",
        },
    )


def predict_sigmoid_scale(sigmoid_scale):
    """Chapter 13: how much larger than Xavier's the sigmoid's weights must be."""
    return check_choice(
        "sigmoid_scale", sigmoid_scale, 4.0,
        "a layer multiplies the spread by sqrt(n) * s * (gain); Xavier makes "
        "sqrt(n) * s = 1, and the sigmoid's gain is at most 1/4, so s must be 4 "
        "times larger for the product to reach 1.",
        wrong={
            1.0: "Xavier's scale suits an activation of gain 1, like tanh at 0. The "
                 "sigmoid's gain is only 1/4, so each layer would still shrink the "
                 "spread by 1/4.",
            2.0: "the gain to make up for is the sigmoid's 1/4, not ReLU's "
                 "(He's sqrt(2) makes up for ReLU's inactive half).",
            16.0: "16 is the factor for the variance s**2; the standard deviation s "
                  "needs sqrt(16) = 4.",
        },
    )
