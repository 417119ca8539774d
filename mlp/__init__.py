"""mlp: the neural network of *Neural Networks from the Ground Up*, in plain numpy.

A network is a list of weight matrices ``[W1, W2, ...]`` with the bias as the last row
of each (the slides' notation). The core functions are importable from here.

How mlp is built
----------------
One module per idea of the slides; read each next to its chapter.

- ``activations``: sigmoid, tanh, ReLU, softmax and their derivatives (chapters 2,
  6, 12-13); ``sigmoid(x) = 1 / (1 + e^-x)`` never overflows.
- ``losses``: the log loss L, the cross-entropy E (chapter 8), its derivative and the
  slide's sign erratum (chapter 10), the multi-class E and one-hot (chapter 6);
  ``targets`` and ``output_error`` are the one one-hot and the one E the rest uses.
- ``network``: ``add_bias``, ``init_weights``; ``layer_input`` is the slide's
  ``h = add_bias(a) @ W`` (chapter 7); ``forward`` / ``feedforward`` repeat it per layer
  (``forward_pass``: the same loop without the input checks).
- ``backpropagation``: ``chain_factors``, the four-factor chain for one weight of the
  2-2-1 network; ``backprop``, every weight at once in matrix form
  (``delta = (y_hat - y) / m``, ``grad = add_bias(a).T @ delta``, chapter 11);
  ``numerical_gradient``, the check by finite differences.
- ``training``: ``gradient_descent_step`` (``W <- W - alpha dE/dW``, chapter 9) and
  ``train``, the slides' loop: feedforward, backprop, step, per minibatch.
- ``datasets``, ``scaling``: seeded data sets, feature scaling (chapter 1).
- ``diagnostics``: gradient sizes and spreads per layer (chapters 12-13).
- ``plotting/``: figures by concept (data and regions, the network diagram, curves and
  animations, surfaces, descent, the backprop graph, LaTeX helpers); nothing on import.
- ``widgets/``: one module of demos per chapter topic (``numpy_basics``,
  ``perceptron``, ``regions``, ``layers``, ``feedforward``, ``chain_rule``,
  ``beyond_sigmoid``, ``capstone``, ``playground/``, a package: settings, core,
  code, figure, unit maps, views); ``_core.Demo`` is their base; ``render/`` the one
  render layer: frames, blitting, PNG, live texts (why: in its docstrings).
- ``checks/``: the exercise checkers, one module per topic named as in ``widgets/``,
  built on ``checks._core``.
- ``_validation``: the input checks with the messages students see.
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
