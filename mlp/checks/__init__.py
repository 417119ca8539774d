"""Exercise checks: ``from mlp import checks`` then e.g. ``checks.sigmoid(my_sigmoid)``.

Each check prints one line (right, not yet done, or what is wrong with a hint) and
never raises on a wrong answer. See :mod:`mlp.checks._core` for the machinery.
"""

from ._core import CheckResult, Mistake, check_function, check_value, is_stub
from .perceptron import probability, score, sigmoid

__all__ = [
    "CheckResult",
    "Mistake",
    "check_function",
    "check_value",
    "is_stub",
    "probability",
    "score",
    "sigmoid",
]
