"""The ipywidgets demos of the course (the only module that imports ipywidgets).

Every demo is a class with ``figure()`` (the static picture of its default state, for
the HTML book) and ``widget()`` (sliders and the live figure, for a running kernel).
"""

from ._core import Demo
from .activations import ActivationDemo, VanishingDemo
from .backprop import BackpropDemo, BackpropGraphDemo, ChainRuleDemo
from .capstone import DigitsDemo
from .descent import DescentDemo, ErrorDemo, FeedforwardDemo, LearningRateDemo
from .layers import LayersDemo, MulticlassTrainingDemo, SoftmaxDemo
from .numpy_basics import ShapesDemo
from .perceptron import PerceptronDemo
from .playground import Playground
from .regions import CombineDemo, WeightsDemo

__all__ = [
    "LayersDemo",
    "MulticlassTrainingDemo",
    "SoftmaxDemo",
    "ActivationDemo",
    "BackpropDemo",
    "BackpropGraphDemo",
    "ChainRuleDemo",
    "CombineDemo",
    "Demo",
    "DescentDemo",
    "ErrorDemo",
    "FeedforwardDemo",
    "LearningRateDemo",
    "PerceptronDemo",
    "Playground",
    "ShapesDemo",
    "VanishingDemo",
    "WeightsDemo",
    "DigitsDemo",
]
