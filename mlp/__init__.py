"""mlp: the neural network of *Neural Networks from the Ground Up*, in plain numpy.

A network is a list of weight matrices ``[W1, W2, ...]`` with the bias as the last row
of each (the slides' notation). The core functions are importable from here; the
modules are ``activations``, ``losses``, ``network``, ``backprop``, ``training``,
``datasets``, ``scaling``, ``plotting``, ``checks`` and (with ipywidgets) ``widgets``.
"""

from . import activations, backprop as _backprop_module, datasets, losses, network
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
from .backprop import backprop, numerical_gradient
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

del _backprop_module
