"""The ipywidgets demos of the course (the only module that imports ipywidgets).

Every demo is a class with ``figure()`` (the static picture of its default state, for
the HTML book) and ``widget()`` (sliders and the live figure, for a running kernel).
"""

from ._core import Demo
from .perceptron import PerceptronDemo

__all__ = ["Demo", "PerceptronDemo"]
