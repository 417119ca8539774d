"""Chapters 3 and 4: combine the regions of two linear models into a new region.

Both demos use a network with two hidden units, ``W1`` of shape (3, 2) (default: the
slides' models :math:`5x_1 - 2x_2 + 8` and :math:`7x_1 - 3x_2 - 1`), and draw their
probability maps once; a slider move only updates markers, text, bars and one image.
"""

from __future__ import annotations

from typing import ClassVar

import numpy as np

from .. import plotting
from .._validation import as_float_array
from ..activations import sigmoid
from ._core import Demo
from .render import level_lines, live_text, minus_signs, set_title

#: The slides' two linear models as the columns of W1 (bias in the last row):
#: :math:`h_1 = 5x_1 - 2x_2 + 8` and :math:`h_2 = 7x_1 - 3x_2 - 1`.
SLIDE_W1 = np.array([[5.0, 7.0], [-2.0, -3.0], [8.0, -1.0]])
#: The part of the plane where both of the slides' lines cross the picture.
SLIDE_EXTENT = (-3.0, 4.0, -2.0, 8.0)


def _check_W1(W1):
    W1 = SLIDE_W1 if W1 is None else as_float_array(W1, "W1", ndim=2)
    if W1.shape != (3, 2):
        raise ValueError(
            "W1 must have shape (3, 2): two linear models (columns) with the weights "
            f"of x1, x2 and the bias (rows); got {W1.shape}"
        )
    return W1


class CombineDemo(Demo):
    r"""Sliders for a point :math:`(x_1, x_2)`: the two models' probabilities
    :math:`\sigma_1, \sigma_2` there, their sum (which can exceed 1) and the sigmoid
    of the sum, each on its own map.

    Parameters
    ----------
    W1 : array (3, 2), optional, the two linear models (default the slides')
    extent : (x1_min, x1_max, x2_min, x2_max), optional, the part of the plane shown
    """

    defaults: ClassVar[dict] = {"x1": 1.0, "x2": 2.0}
    figsize = (8.5, 7.0)
    resolution = 80

    def __init__(self, W1=None, extent=None, **overrides):
        self.W1 = _check_W1(W1)
        self.extent = plotting.check_extent(SLIDE_EXTENT if extent is None else extent)
        self.W = [self.W1, np.array([[1.0], [1.0], [0.0]])]
        super().__init__(**overrides)

    def controls(self):
        import ipywidgets as w

        x1_min, x1_max, x2_min, x2_max = self.extent
        return {
            "x1": w.FloatSlider(min=x1_min, max=x1_max, step=0.05, description="x1"),
            "x2": w.FloatSlider(min=x2_min, max=x2_max, step=0.05, description="x2"),
        }

    def setup(self, fig):
        axes = fig.subplots(2, 2, sharex=True, sharey=True).ravel()
        xx, yy, pts = plotting.region_grid(self.extent, self.resolution)
        maps = plotting.hidden_and_output(self.W, pts)
        h1, h2 = (plotting.linear_formula(self.W1[:, j]) for j in range(2))
        for j, ax in zip((0, 1, 2), (axes[0], axes[1], axes[3])):
            plotting.plot_region_map(ax, maps[:, j].reshape(xx.shape), self.extent,
                                     interpolation="nearest")
        axes[0].set_title(rf"$\sigma_1 = \sigma({h1})$", fontsize=10)
        axes[1].set_title(rf"$\sigma_2 = \sigma({h2})$", fontsize=10)
        axes[3].set_title(r"$\sigma(\sigma_1 + \sigma_2)$", fontsize=10)
        # the plain sum: not a probability, it reaches 2
        total = (maps[:, 0] + maps[:, 1]).reshape(xx.shape)
        axes[2].imshow(total, origin="lower", extent=self.extent, vmin=0, vmax=2,
                       cmap="magma", aspect="auto", interpolation="nearest", zorder=0)
        if total.min() < 1 < total.max():
            axes[2].contour(xx, yy, total, levels=[1.0], colors="w",
                            linestyles="--", linewidths=1.5)
        axes[2].set(xlabel="$x_1$", ylabel="$x_2$")
        axes[2].set_title(r"$\sigma_1 + \sigma_2$: black 0, yellow 2, dashed 1",
                          fontsize=10)
        for ax in axes[:2]:
            ax.set_xlabel("")
        for ax in axes[1::2]:
            ax.set_ylabel("")
        fig.colorbar(axes[3].images[-1], ax=[axes[1], axes[3]], label="probability")
        self.axes = axes
        self.markers, self.labels = [], []
        for ax in axes:
            (marker,) = ax.plot([], [], "o", ms=9, mfc="white", mec="k", mew=2,
                                zorder=5)
            label = live_text(ax, 0.03, 0.97, "", transform=ax.transAxes, ha="left",
                            va="top", fontsize=10, zorder=6,
                            bbox={"boxstyle": "round", "fc": "white",
                                  "alpha": 0.85})
            self.markers.append(marker)
            self.labels.append(label)

    def draw(self, x1, x2):
        s1, s2, y_hat = plotting.hidden_and_output(self.W, np.array([[x1, x2]]))[0]
        total = s1 + s2
        for marker in self.markers:
            marker.set_data([x1], [x2])
        texts = [f"σ₁ = {s1:.2f}", f"σ₂ = {s2:.2f}", f"σ₁ + σ₂ = {total:.2f}",
                 f"σ({total:.2f}) = {y_hat:.2f}"]
        for label, text in zip(self.labels, texts):
            label.set_text(text)
        verdict = "> 1, not a probability" if total > 1 else "<= 1"
        self.say(f"σ1 + σ2 = {s1:.2f} + {s2:.2f} = {total:.2f} {verdict}; "
                 f"σ({total:.2f}) = {y_hat:.2f}")


class WeightsDemo(Demo):
    r"""Sliders for the output unit's weights ``w1``, ``w2`` and bias ``b``: the
    combined region :math:`\hat y = \sigma(w_1 \sigma_1 + w_2 \sigma_2 + b)` on the
    plane, and what it says in the four cases "neither model, only model 1, only
    model 2, both".

    Parameters
    ----------
    W1 : array (3, 2), optional, the two hidden linear models (default the slides')
    extent : (x1_min, x1_max, x2_min, x2_max), optional; default the slides' view,
        or the data's range when X is given
    X, y : optional data to scatter on the map (and to report the accuracy on)
    labels : optional names of the two classes
    """

    defaults: ClassVar[dict] = {"w1": 7.0, "w2": 5.0, "b": -6.0}
    figsize = (9.5, 4.4)
    resolution = 80

    def __init__(self, W1=None, extent=None, X=None, y=None, labels=None,
                 **overrides):
        self.W1 = _check_W1(W1)
        if X is not None:
            X = as_float_array(X, "X", ndim=2)
            y = np.asarray(y).astype(int)
            if extent is None:
                xx, yy, _ = plotting.grid_for(X, 2, margin=0.0)
                extent = (xx.min(), xx.max(), yy.min(), yy.max())
        self.X, self.y, self.labels = X, y, labels
        self.extent = plotting.check_extent(SLIDE_EXTENT if extent is None else extent)
        super().__init__(**overrides)

    def controls(self):
        import ipywidgets as w

        return {
            "w1": w.FloatSlider(min=-10, max=10, step=0.5, description="w1"),
            "w2": w.FloatSlider(min=-10, max=10, step=0.5, description="w2"),
            "b": w.FloatSlider(min=-15, max=15, step=0.5, description="b"),
        }

    def setup(self, fig):
        ax, bars_ax = fig.subplots(1, 2, width_ratios=[1.25, 1])
        self.ax, self.bars_ax = ax, bars_ax
        self.xx, self.yy, pts = plotting.region_grid(self.extent, self.resolution)
        # the hidden units do not change: their probabilities are computed once
        hidden = plotting.hidden_and_output(
            [self.W1, np.zeros((3, 1))], pts)[:, :2]
        self.s1, self.s2 = hidden[:, 0], hidden[:, 1]
        plotting.plot_region_map(ax, np.full(self.xx.shape, 0.5), self.extent,
                                 boundary=False, interpolation="nearest",
                                 alpha=0.75 if self.X is None else 0.45)
        self.image = ax.images[-1]
        fig.colorbar(self.image, ax=ax)
        x1 = np.array(self.extent[:2])
        styles = [("--", "model 1: $\\sigma_1 = 0.5$"),
                  (":", "model 2: $\\sigma_2 = 0.5$")]
        for j, (style, name) in enumerate(styles):
            w1, w2, b = self.W1[:, j]
            ax.plot(*plotting.line_points(w1, w2, b, x1), color="0.25", linestyle=style,
                    linewidth=1.5, label=name, zorder=3)
        if self.X is not None:
            plotting.plot_data(ax, self.X, self.y, labels=self.labels, s=14)
        ax.set_xlim(*self.extent[:2])
        ax.set_ylim(*self.extent[2:])
        ax.legend(loc="lower right", fontsize=7, framealpha=0.9)
        # the boundary y_hat = 0.5: one line whose points each move replaces (pieces
        # apart by NaN), not a new contour set
        (self.boundary,) = ax.plot([], [], color="k", linewidth=2, zorder=2)
        cases = ["neither\n(0, 0)", "only 1\n(1, 0)", "only 2\n(0, 1)", "both\n(1, 1)"]
        self.bars = bars_ax.bar(range(4), np.zeros(4), color="0.5", edgecolor="k")
        self.bar_texts = [live_text(bars_ax, i, 0.0, "", ha="center", va="bottom",
                                       fontsize=8) for i in range(4)]
        bars_ax.axhline(0.5, color="k", linewidth=1, linestyle="--")
        bars_ax.set_xticks(range(4), cases, fontsize=9)
        bars_ax.set_ylim(0, 1.18)
        bars_ax.set_ylabel(r"$\hat y$")
        bars_ax.set_title(r"$\hat y$ in the four cases: which models say yes",
                          fontsize=10)

    def draw(self, w1, w2, b):
        y_hat = sigmoid(w1 * self.s1 + w2 * self.s2 + b).reshape(self.xx.shape)
        if not np.all(np.isfinite(y_hat)):
            self.say("these weights give no finite probability: try smaller ones")
            return
        self.image.set_data(y_hat)
        pieces = level_lines(y_hat, self.extent)  # as ax.contour draws them
        nan = np.full((1, 2), np.nan)  # one Line2D: the pieces apart by a NaN
        self.boundary.set_data(*np.concatenate(
            [part for piece in pieces for part in (piece, nan)] or [nan]).T)
        formula = plotting.linear_formula([w1, w2, b], ("σ₁", "σ₂"))
        set_title(self.ax, minus_signs(f"ŷ = σ({formula})"))
        corners = np.array([[0, 0], [1, 0], [0, 1], [1, 1]], float)
        for bar, text, (c1, c2) in zip(self.bars, self.bar_texts, corners):
            score = w1 * c1 + w2 * c2 + b
            p = float(sigmoid(score))
            bar.set_height(p)
            bar.set_facecolor(plotting.CLASS_COLORS[int(p >= 0.5)])
            text.set_position((text.get_position()[0], p + 0.02))
            text.set_text(minus_signs(f"σ({score:g})\n= {p:.2f}"))
        share = float(np.mean(y_hat >= 0.5))
        status = f"ŷ = σ({formula}) is 0.5 or more on {share:.0%} of the picture"
        if self.X is not None:
            s = sigmoid(self.X @ self.W1[:2] + self.W1[2])
            pred = sigmoid(w1 * s[:, 0] + w2 * s[:, 1] + b) >= 0.5
            status += (f"; accuracy {np.mean(pred == self.y):.0%} "
                       f"on {len(self.y)} points")
        self.say(status)
