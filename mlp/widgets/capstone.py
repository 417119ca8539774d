"""Chapter 14 (the capstone): pick a digit, see the network's ten probabilities."""

from __future__ import annotations

import numpy as np

from .._validation import check_labels, check_weights, check_X
from ..network import feedforward
from ._core import Demo
from .render import live_text, set_changed

__all__ = ["DigitsDemo"]


class DigitsDemo(Demo):
    """A slider over a set of 8x8 digit images: the image, and the probability the
    network gives each of the 10 digits (the prediction in orange, the true digit's
    bar outlined).

    Parameters
    ----------
    weights : list of arrays, a network with 64 inputs and 10 outputs
    X : array (m, 64), the inputs as the network sees them (e.g. standardised)
    y : int array (m,), the true digits
    images : array (m, 64), optional, the pixels to show (default X)
    index : int, the digit shown first
    """

    defaults = {"index": 0}
    figsize = (8.5, 3.3)

    def __init__(self, weights, X, y, images=None, activation="sigmoid", **overrides):
        self.X = check_X(X)
        self.weights = check_weights(weights, n_inputs=self.X.shape[1])
        n_out = self.weights[-1].shape[1]
        if self.X.shape[1] != 64 or n_out != 10:
            raise ValueError("DigitsDemo needs a network with 64 inputs (8x8 pixels) "
                             f"and 10 outputs, got {self.X.shape[1]} and {n_out}")
        self.y = check_labels(y, self.X.shape[0], n_out).astype(int)
        self.images = self.X if images is None else check_X(images, "images")
        if self.images.shape != self.X.shape:
            raise ValueError(f"images must have the shape of X, {self.X.shape}, got "
                             f"{self.images.shape}")
        self.y_hat = feedforward(self.weights, self.X, activation)  # all at once
        super().__init__(**overrides)

    def controls(self):
        import ipywidgets as w

        return {"index": w.IntSlider(min=0, max=len(self.y) - 1, step=1,
                                     description="digit no.")}

    def setup(self, fig):
        self.ax_img, self.ax_p = fig.subplots(
            1, 2, gridspec_kw={"width_ratios": [1, 2.4]})
        top = max(16.0, float(self.images.max()))
        self.img = self.ax_img.imshow(np.zeros((8, 8)), cmap="gray_r", vmin=0,
                                      vmax=top)
        self.ax_img.set_xticks([])
        self.ax_img.set_yticks([])
        self.bars = self.ax_p.bar(range(10), np.zeros(10), color="0.6",
                                  edgecolor="k", linewidth=0)
        self.ax_p.set_xticks(range(10))
        self.ax_p.set_xlabel("digit")
        self.ax_p.set_ylim(0, 1.12)
        self.ax_p.set_ylabel("probability")
        self.ax_p.grid(axis="y", alpha=0.3)
        self.ax_p.set_title("the network's probabilities (softmax output)",
                            fontsize=10)
        self.caption = self.ax_img.set_title("", fontsize=10)
        self.label = live_text(self.ax_p, 0, 0, "", ha="center", va="bottom",
                               fontsize=9)

    def draw(self, index):
        i = int(index)
        if not 0 <= i < len(self.y):
            raise ValueError(f"index must be between 0 and {len(self.y) - 1}, got {i}")
        p = self.y_hat[i]
        guess, true = int(np.argmax(p)), int(self.y[i])
        self.img.set_data(self.images[i].reshape(8, 8))
        for k, bar in enumerate(self.bars):
            bar.set_height(p[k])
            set_changed(bar, color="tab:orange" if k == guess else "0.6")
            bar.set_edgecolor("k")
            bar.set_linewidth(2.0 if k == true else 0.0)
        self.label.set_position((guess, p[guess] + 0.02))
        self.label.set_text(f"{p[guess]:.2f}")
        self.caption.set_text(f"no. {i}: a {true}")
        verdict = "right" if guess == true else "WRONG"
        self.say(f"digit no. {i}: the true digit is {true}; the network says {guess} "
                 f"with probability {p[guess]:.3f} ({verdict})")
