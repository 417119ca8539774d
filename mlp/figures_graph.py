"""The old name of :mod:`mlp.plotting.graph`, kept because chapters import it."""

from .plotting.graph import *  # noqa: F401,F403
from .plotting.graph import __all__  # noqa: F401
