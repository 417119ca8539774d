"""The old name of :mod:`mlp.plotting.descent`, kept because chapters import it."""

from .plotting.descent import *  # noqa: F401,F403
from .plotting.descent import __all__  # noqa: F401
