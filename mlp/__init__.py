"""mlp: the neural network of *Neural Networks from the Ground Up*, in plain numpy.

A network is a list of weight matrices ``[W1, W2, ...]`` with the bias as the last row
of each (the slides' notation). The core functions are importable from here
(``mlp.sigmoid`` is ``activations.sigmoid``).

How mlp is built
----------------
One module per idea of the slides; read each next to its chapter (in parentheses).

- ``activations``: the sigmoid (1), softmax (6), the sigmoid's derivative (10), tanh,
  ReLU and their derivatives (13).
- ``losses``: the log loss L and the cross-entropy E (8), dL/dy_hat and the slide's sign
  erratum (10), one-hot and the multi-class E (6); ``targets``, ``output_error``.
- ``network``: ``add_bias`` and ``init_weights`` (1), ``layer_input`` (7: the
  chapter writes it out; the checks and demos call it), ``feedforward`` (7-8),
  ``forward`` (10-11: keeps every layer's h and a), ``accuracy``.
- ``backpropagation``: ``backprop`` (9, 11), ``chain_factors`` (11: the chapter's
  demo and checks use it), ``numerical_gradient``, the check by finite differences
  (9, 11).
- ``training``: ``gradient_descent_step`` (9) and ``train``, the slides' loop
  (feedforward, backprop, step) per minibatch.
- ``datasets``: seeded data sets (admissions 1-2, XOR 2, moons 5, spirals 6, ...),
  ``best_line`` (2), the digits (14); ``data/`` holds the digits' file.
- ``scaling``: feature scaling, and weights mapped back to the raw inputs (1).
- ``diagnostics``: gradient sizes and activation spreads per layer (12-13).
- ``_validation``: the input checks, with the messages students see.
- ``plotting/``: the figures, one module per concept (its docstring lists them).
- ``widgets/``: the demos, one module per chapter topic; ``_core.Demo`` is their base.
- ``widgets/playground/``: the playground page (settings, core, code, figure, maps,
  views).
- ``widgets/render/``: the render layer every demo shares (frames, blitting, PNG).
- ``checks/``: the exercise checkers, one module per topic, split as ``widgets/`` is.

Slide formula -> where it is in mlp
-----------------------------------
- sigma(x) = 1 / (1 + e^-x) (1): ``activations.sigmoid``
- the score w1 x1 + w2 x2 + b (1): ``network.layer_input(X, W)``, W the column
  (w1, w2, b); the line where it is 0: ``plotting.regions.plot_line``
- y_hat = sigma(Wx + b), one unit (8): ``network.feedforward([W], X)``
- softmax (6): ``activations.softmax``
- h = add_bias(a) @ W (7): ``network.layer_input``; y_hat = sigma o W2 o sigma o W1 (x),
  layer by layer (7): ``network.feedforward``
- L = -[y ln y_hat + (1 - y) ln(1 - y_hat)] (8, 10): ``losses.log_loss``
- E(W) = -1/m sum [...], the mean L (8): ``losses.cross_entropy``
- grad E of the perceptron, (y_hat - y) (x1, x2, 1) averaged (9):
  ``backpropagation.backprop([W], X, y)``
- W <- W - alpha grad E (9, 11): ``training.gradient_descent_step``
- sigma'(x) = sigma(x)(1 - sigma(x)) (10): ``activations.sigmoid_prime``
- dE/dW11(1) = dE/dy_hat * dy_hat/dh * dh/dh1 * dh1/dW11(1), the four factors for a
  weight of the 2-2-1 network (11): ``backpropagation.chain_factors``
- delta = (y_hat - y) / m, grad = add_bias(a).T @ delta (11):
  ``backpropagation.backprop`` (one layer: ``backpropagation.layer_gradient``)
- tanh, ReLU and their derivatives (13): ``activations.tanh``, ``activations.relu``,
  ``activations.tanh_prime``, ``activations.relu_prime``
- Xavier / He initialisation (13): ``network.init_weights(sizes, rng, scale="xavier")``
  or ``scale="he"``
"""

from . import activations, backpropagation, datasets, losses, network
from . import scaling
from .activations import (
    relu,
    relu_prime,
    sigmoid,
    sigmoid_prime,
    softmax,
    tanh,
    tanh_prime,
)
from .backpropagation import backprop, numerical_gradient
from .losses import (
    cross_entropy,
    cross_entropy_prime,
    log_loss,
    log_loss_prime,
    multiclass_cross_entropy,
    one_hot,
)
from .network import accuracy, add_bias, feedforward, forward, init_weights, predict
from .training import DivergenceError, gradient_descent_step, train

__version__ = "0.1.0"

__all__ = [
    "DivergenceError",
    "accuracy",
    "activations",
    "add_bias",
    "backprop",
    "backpropagation",
    "cross_entropy",
    "cross_entropy_prime",
    "datasets",
    "feedforward",
    "forward",
    "gradient_descent_step",
    "init_weights",
    "log_loss",
    "log_loss_prime",
    "losses",
    "multiclass_cross_entropy",
    "network",
    "numerical_gradient",
    "one_hot",
    "predict",
    "relu",
    "relu_prime",
    "scaling",
    "sigmoid",
    "sigmoid_prime",
    "softmax",
    "tanh",
    "tanh_prime",
    "train",
]
