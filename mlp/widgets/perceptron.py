"""Chapters 1 and 2: move the perceptron's line over a data set (by default the
admissions)."""

from __future__ import annotations

import numpy as np

from .. import datasets, plotting
from ..activations import sigmoid
from ._core import Demo
from .render import minus_signs, set_title


class PerceptronDemo(Demo):
    """Sliders for ``w1``, ``w2`` and ``b``: the line ``w1 x1 + w2 x2 + b = 0``, the
    probability of acceptance ``sigma(w1 x1 + w2 x2 + b)`` shaded, and the training
    accuracy (on the students shown).
    """

    defaults = {"w1": 1.0, "w2": 1.0, "b": -10.0}
    figsize = (5.5, 4.6)
    resolution = 80

    def __init__(self, X=None, y=None, **overrides):
        if X is None:
            X, y = datasets.admissions(100, rng=0)
        self.X, self.y = np.asarray(X, float), np.asarray(y)
        super().__init__(**overrides)

    def controls(self):
        import ipywidgets as w

        return {
            "w1": w.FloatSlider(min=-3, max=3, step=0.1, description="w1"),
            "w2": w.FloatSlider(min=-3, max=3, step=0.1, description="w2"),
            "b": w.FloatSlider(min=-20, max=20, step=0.5, description="b"),
        }

    def setup(self, fig):
        ax = self.ax = fig.add_subplot()
        self.xx, self.yy, self.grid = plotting.grid_for(
            np.array([[0.0, 0.0], [10.0, 10.0]]), self.resolution, margin=0.0
        )
        self.image = ax.imshow(
            np.zeros_like(self.xx), origin="lower", extent=(0, 10, 0, 10),
            cmap=plotting.REGION_CMAP, vmin=0, vmax=1, alpha=0.45, aspect="auto")
        plotting.plot_data(ax, self.X, self.y, labels=plotting.LABELS_ADMISSIONS)
        (self.line,) = ax.plot([], [], color="k", linewidth=2.5, label="score = 0")
        ax.set_xlim(0, 10)
        ax.set_ylim(0, 10)
        ax.set_xlabel("test score $x_1$")
        ax.set_ylabel("grades $x_2$")
        ax.legend(loc="lower left", fontsize=8)
        fig.colorbar(self.image, ax=ax, label="probability of acceptance")

    def draw(self, w1, w2, b):
        score = w1 * self.grid[:, 0] + w2 * self.grid[:, 1] + b
        self.image.set_data(sigmoid(score).reshape(self.xx.shape))
        self.line.set_data(*plotting.line_points(w1, w2, b, [0.0, 10.0]))
        pred = (w1 * self.X[:, 0] + w2 * self.X[:, 1] + b) >= 0
        acc = float(np.mean(pred == self.y))
        line = plotting.linear_formula([w1, w2, b], (" x₁", " x₂"), fmt="{:.1f}")
        set_title(self.ax, minus_signs(f"{line} = 0   training accuracy {acc:.0%}"),
                  fontsize="large")
        self.say(f"training accuracy {acc:.0%} on {len(self.y)} students")
