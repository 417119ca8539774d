"""The ipywidgets demos of the course.

This package is the only part of mlp that imports ipywidgets, and its modules import
it only where they build the live controls (``controls()``, ``widget()`` and their
helpers), never at import time: importing it and drawing ``figure()`` work without
ipywidgets.

Every demo is a class with ``figure()`` (the static picture of its default state, for
the HTML book) and ``widget()`` (sliders and the live figure, for a running kernel).
One module per chapter topic, named and split as in :mod:`mlp.checks`, in chapter
order:

- ``numpy_basics`` (chapter 0): ShapesDemo
- ``perceptron`` (chapters 1-2): PerceptronDemo
- ``regions`` (chapters 3-4): CombineDemo, WeightsDemo
- ``layers`` (chapters 5-6): LayersDemo, SoftmaxDemo, MulticlassTrainingDemo
- ``feedforward`` (chapters 7-9): FeedforwardDemo, ErrorDemo, LearningRateDemo,
  DescentDemo
- ``chain_rule`` (chapters 10-11): ChainRuleDemo, BackpropDemo, BackpropGraphDemo
- ``beyond_sigmoid`` (chapters 12-13): VanishingDemo, ActivationDemo
- ``capstone`` (chapter 14): DigitsDemo
- ``playground``: Playground, everything together

``_core`` holds the base class :class:`Demo`; ``render`` is the render layer every demo
shares: the demos say what they draw, ``render`` decides how to draw it fast (its
docstrings give the reasons and the measurements).
"""

from ._core import Demo
from .numpy_basics import ShapesDemo
from .perceptron import PerceptronDemo
from .regions import CombineDemo, WeightsDemo
from .layers import LayersDemo, MulticlassTrainingDemo, SoftmaxDemo
from .feedforward import DescentDemo, ErrorDemo, FeedforwardDemo, LearningRateDemo
from .chain_rule import BackpropDemo, BackpropGraphDemo, ChainRuleDemo
from .beyond_sigmoid import ActivationDemo, VanishingDemo
from .capstone import DigitsDemo
from .playground import Playground

__all__ = [
    "Demo",
    "ShapesDemo",
    "PerceptronDemo",
    "CombineDemo",
    "WeightsDemo",
    "LayersDemo",
    "MulticlassTrainingDemo",
    "SoftmaxDemo",
    "DescentDemo",
    "ErrorDemo",
    "FeedforwardDemo",
    "LearningRateDemo",
    "BackpropDemo",
    "BackpropGraphDemo",
    "ChainRuleDemo",
    "ActivationDemo",
    "VanishingDemo",
    "DigitsDemo",
    "Playground",
]
