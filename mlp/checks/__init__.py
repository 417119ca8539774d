"""Exercise checks: ``from mlp import checks`` then e.g. ``checks.sigmoid(my_sigmoid)``.

Each check prints one line (right, not yet done, or what is wrong with a hint) and
never raises on a wrong answer. See :mod:`mlp.checks._core` for the machinery.
"""

from ._core import (
    CheckResult,
    Mistake,
    check_choice,
    check_function,
    check_value,
    is_stub,
)
from .activations import (
    gradient_sizes,
    layers_below,
    predict_output_spread,
    predict_relu_prime,
    predict_sigma_prime_max,
    predict_sigmoid_scale,
    predict_tanh_prime,
    relu_prime,
    sigmoid_prime_bound,
    tanh_from_sigmoid,
    tanh_prime,
)
from .backprop import backprop_221, dE_dW12, dL_dh, dL_dz, sigmoid_prime
from .feedforward import (
    cross_entropy,
    descent_step,
    feedforward_fn,
    network_error,
    perceptron_gradient,
    y_hat_by_hand,
)
from .layers import (
    count_weights,
    multiclass_cross_entropy,
    one_hot,
    softmax,
    weight_shapes,
)
from .perceptron import probability, score, sigmoid, student_probability
from .regions import (
    combine,
    combine_sum,
    curved_line,
    hidden_probabilities,
    line_accuracy,
    outside_band,
)

__all__ = [
    "count_weights",
    "multiclass_cross_entropy",
    "one_hot",
    "outside_band",
    "softmax",
    "weight_shapes",
    "combine",
    "combine_sum",
    "curved_line",
    "hidden_probabilities",
    "line_accuracy",
    "CheckResult",
    "Mistake",
    "backprop_221",
    "check_choice",
    "check_function",
    "check_value",
    "cross_entropy",
    "dE_dW12",
    "dL_dh",
    "dL_dz",
    "descent_step",
    "feedforward_fn",
    "gradient_sizes",
    "is_stub",
    "layers_below",
    "network_error",
    "perceptron_gradient",
    "predict_output_spread",
    "predict_relu_prime",
    "predict_sigma_prime_max",
    "predict_sigmoid_scale",
    "predict_tanh_prime",
    "probability",
    "relu_prime",
    "score",
    "sigmoid",
    "student_probability",
    "sigmoid_prime",
    "sigmoid_prime_bound",
    "tanh_from_sigmoid",
    "tanh_prime",
    "y_hat_by_hand",
]
