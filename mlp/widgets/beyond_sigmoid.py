"""Chapters 12 and 13: gradient sizes layer by layer, for the sigmoid, tanh and ReLU."""

from __future__ import annotations

import numpy as np

from .. import datasets, diagnostics
from ..network import init_weights
from ._core import Demo
from .render import set_changed, set_title

_ACTIVATION_COLORS = {"sigmoid": "#1f77b4", "tanh": "#ff7f0e", "relu": "#2ca02c"}
_WIDTH = 8  # units per hidden layer in both demos
_WEIGHTS_LABEL = ("weight matrix $W^{(k)}$, input side on the left "
                  "(grey: not in this network)")


def _bars(ax, n, color, weight_labels=False):
    """``n`` bars at x = 1..n (log scale), one slot per layer of the deepest network.

    The axis keeps these limits and ticks for every depth (``_set_bars`` hides the
    bars a shallower network has not): a slider move then redraws the bars only, not
    the axes and their tick labels. With ``weight_labels`` the ticks read W^(1),
    W^(2), ...; a grey band covers the slots beyond the network.
    """
    ax.set_yscale("log")
    ax.set_xlim(0.4, n + 0.6)
    ax.set_xticks(np.arange(1, n + 1))
    if weight_labels:
        ax.set_xticklabels([f"$W^{{({k})}}$" for k in range(1, n + 1)])
    beyond = ax.axvspan(n + 0.5, n + 0.6, color="0.93", zorder=0, linewidth=0)
    return list(ax.bar(np.arange(1, n + 1), np.ones(n), width=0.7, color=color)), beyond


def _set_bars(bars, beyond, values, color=None):
    """Show ``values`` on the first len(values) bars, hide the others and shade their
    slots (they are not in this network)."""
    for k, bar in enumerate(bars):
        visible = k < len(values) and values[k] > 0
        bar.set_visible(visible)
        if visible:
            bar.set_height(values[k])
            if color is not None:
                set_changed(bar, color=color)
    beyond.set_x(len(values) + 0.5)
    beyond.set_width(max(len(bars) - len(values), 0) + 0.1)
    beyond.set_visible(len(values) < len(bars))


class VanishingDemo(Demo):
    """Chapter 12: a sigmoid network of ``depth`` hidden layers of 8 units on the moons.

    Left, the size of the gradient of every weight matrix (log scale) at the starting
    weights, beside the guide "x 1/4 per layer"; right, the mean :math:`\\sigma'(h)`
    of each hidden layer, never above 1/4. ``scale`` multiplies the starting weights.
    Both panels have a slot for every layer of the deepest network (``max_depth``);
    the slots a shallower network has not are grey.
    """

    defaults = {"depth": 8, "scale": 1.0}
    figsize = (10, 4)
    max_depth = 10

    def __init__(self, X=None, y=None, seed=0, **overrides):
        if X is None:
            X, y = datasets.moons(200, rng=0)
        self.X, self.y, self.seed = np.asarray(X, float), np.asarray(y), seed
        super().__init__(**overrides)

    def controls(self):
        import ipywidgets as w

        return {
            "depth": w.IntSlider(min=1, max=self.max_depth, step=1,
                                 description="hidden layers"),
            "scale": w.FloatSlider(min=0.25, max=4.0, step=0.25,
                                   description="weight scale"),
        }

    def setup(self, fig):
        self.ax_grad, self.ax_prime = fig.subplots(1, 2, width_ratios=(3, 2))
        ax = self.ax_grad
        self.grad_bars, self.grad_beyond = _bars(
            ax, self.max_depth + 1, _ACTIVATION_COLORS["sigmoid"], weight_labels=True)
        (self.guide,) = ax.plot([], [], "k--", marker="o", markersize=3,
                                label=r"$\times\,1/4$ per layer, from the last")
        ax.set_ylim(1e-12, 1.0)
        ax.set_xlabel(_WEIGHTS_LABEL)
        ax.set_ylabel(r"mean $|\partial E / \partial W^{(k)}|$")
        ax.grid(alpha=0.3, axis="y")
        ax.legend(loc="upper left", fontsize=8)
        ax = self.ax_prime
        self.prime_bars, self.prime_beyond = _bars(ax, self.max_depth, "#9467bd")
        ax.set_yscale("linear")
        ax.axhline(0.25, color="k", linestyle="--", linewidth=1)
        ax.text(0.5, 0.255, r"$\max \sigma' = 1/4$", fontsize=9, va="bottom")
        ax.set_ylim(0, 0.3)
        ax.set_xlabel("hidden layer $k$ (grey: not in this network)")
        ax.set_ylabel(r"mean $\sigma'(h^{(k)})$ over the data")
        ax.set_title("the factor each hidden layer adds", fontsize=10)
        ax.grid(alpha=0.3, axis="y")

    def draw(self, depth, scale):
        weights = init_weights([2] + [_WIDTH] * depth + [1], rng=self.seed)
        weights = [scale * W for W in weights]
        s = diagnostics.gradient_norms(weights, self.X, self.y, "sigmoid")
        if not np.all(np.isfinite(s)):
            raise ValueError("the gradient is not finite")
        _set_bars(self.grad_bars, self.grad_beyond, s)
        L = len(s)
        layers = np.arange(1, L + 1)
        self.guide.set_data(layers, s[-1] * 0.25 ** (L - layers))
        d = diagnostics.mean_derivatives(weights, self.X, "sigmoid")
        _set_bars(self.prime_bars, self.prime_beyond, d)
        ratio = s[-1] / s[0] if s[0] > 0 else np.inf
        if ratio >= 1000:
            times = f"about 10^{np.log10(ratio):.0f} times smaller"
        elif ratio >= 1:
            times = f"{ratio:.1f} times smaller"
        else:
            times = "the first is the larger one"
        set_title(self.ax_grad, f"2-{'-'.join(['8'] * depth)}-1 sigmoid network, "
                                f"weights \u00d7 {scale:g}")
        self.say(f"first layer's gradient {s[0]:.1e}, last layer's {s[-1]:.1e}: "
                 f"{times}")


class ActivationDemo(Demo):
    """Chapter 13: choose the hidden activation and the depth of a 2-8-...-8-1
    network on the moons data.

    Left, each layer's gradient size at the starting weights (log scale); right, the
    error while training (minibatches of 20, ``alpha`` 0.2, the same seed for every
    choice). Each (activation, depth) is trained once and remembered, so revisiting a
    setting is instant. Pass ``runs`` (from :func:`mlp.diagnostics.compare_activations`
    with the same settings) to reuse runs already trained.
    """

    defaults = {"activation": "relu", "depth": 8}
    figsize = (10, 4)
    max_depth = 8

    def __init__(self, X=None, y=None, alpha=0.2, epochs=100, batch_size=20, seed=0,
                 runs=None, **overrides):
        if X is None:
            X, y = datasets.moons(200, rng=0)
        self.X, self.y = np.asarray(X, float), np.asarray(y)
        self.alpha, self.epochs, self.batch_size, self.seed = (
            alpha, epochs, batch_size, seed)
        self._runs = {}
        for run in (runs or {}).values():
            hidden = run.sizes[1:-1]
            if run.sizes[0] == 2 and run.sizes[-1] == 1 and set(hidden) == {_WIDTH}:
                self._runs[(run.activation, len(hidden))] = run
        super().__init__(**overrides)

    def controls(self):
        import ipywidgets as w

        return {
            "activation": w.Dropdown(options=["sigmoid", "tanh", "relu"],
                                     description="activation"),
            "depth": w.IntSlider(min=1, max=self.max_depth, step=1,
                                 description="hidden layers"),
        }

    def run(self, activation, depth):
        """The training run for this setting (trained on first use, then remembered)."""
        key = (activation, depth)
        if key not in self._runs:
            self._runs[key] = diagnostics.train_run(
                [2] + [_WIDTH] * depth + [1], self.X, self.y, activation, self.alpha,
                self.epochs, self.batch_size, self.seed)
        return self._runs[key]

    def setup(self, fig):
        self.ax_grad, self.ax_loss = fig.subplots(1, 2)
        ax = self.ax_grad
        self.grad_bars, self.grad_beyond = _bars(ax, self.max_depth + 1, "C0",
                                                 weight_labels=True)
        ax.set_ylim(1e-10, 1.0)
        ax.set_xlabel(_WEIGHTS_LABEL)
        ax.set_ylabel(r"mean $|\partial E / \partial W^{(k)}|$ at the start")
        ax.grid(alpha=0.3, axis="y")
        ax = self.ax_loss
        ax.axhline(np.log(2), color="0.5", linestyle=":", linewidth=1)
        ax.text(2, np.log(2) + 0.03, r"$\ln 2 \approx 0.693$: always guessing 0.5",
                ha="left", va="bottom", fontsize=8, color="0.3")
        (self.loss_line,) = ax.plot([], [], linewidth=2)
        ax.set_xlim(0, self.epochs)
        ax.set_ylim(0, 0.85)
        ax.set_xlabel("epoch")
        ax.set_ylabel("error E")
        ax.grid(alpha=0.3)

    def draw(self, activation, depth):
        run = self.run(activation, depth)
        color = _ACTIVATION_COLORS[run.activation]
        _set_bars(self.grad_bars, self.grad_beyond, run.gradient_sizes, color)
        loss = np.asarray(run.history["loss"])
        self.loss_line.set_data(np.arange(1, loss.size + 1), loss)
        set_changed(self.loss_line, color=color)
        set_title(self.ax_grad, f"{activation}, {depth} hidden layer(s) of {_WIDTH}")
        if run.diverged_epoch is not None:
            set_title(self.ax_loss, f"diverged in epoch {run.diverged_epoch}",
                      color="#d62728")
            self.say(f"{activation}: training diverged in epoch {run.diverged_epoch} "
                     "(the weights or the error became infinite); try fewer layers")
            return
        acc = run.history["accuracy"][-1]
        set_title(self.ax_loss, f"error {loss[0]:.3f} after epoch 1, {loss[-1]:.3f} "
                                f"after {loss.size}")
        self.say(f"{activation}, {depth} hidden layer(s): error {loss[-1]:.3f}, "
                 f"training accuracy {acc:.0%} after {loss.size} epochs")
