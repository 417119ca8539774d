"""Chapters 7-9: the forward pass, the error it makes, and gradient descent.

- :class:`FeedforwardDemo` (chapter 7): sliders for the input ``(x1, x2)``; the values
  h1, h2, h and y_hat flow through the 2-2-1 network's diagram and bars.
- :class:`ErrorDemo` (chapter 8): sliders for the perceptron's ``w1, w2, b``; the error
  ``-ln`` of every example and their mean E(W).
- :class:`LearningRateDemo` (chapter 9): sliders for the learning rate ``alpha`` and the
  number of epochs; the loss curve and the final line, with a message when the error
  oscillates or the weights diverge.
- :class:`DescentDemo` (chapter 9): sliders for the learning rate ``alpha`` and the
  number of steps; the path of gradient descent over the contour lines of the error
  E(w1, w2) (the bias fixed), and E after each step.
"""

from __future__ import annotations

import numpy as np
from matplotlib import ticker
from matplotlib.collections import PathCollection, PolyCollection
from matplotlib.patches import FancyBboxPatch
from matplotlib.transforms import ScaledTranslation

from .. import datasets, plotting
from .._validation import check_positive, check_positive_int, check_weights, check_X
from ..activations import get_activation, sigmoid
from ..backpropagation import backprop
from ..losses import log_loss
from ..network import forward_pass
from ..training import DivergenceError, train
from ._core import Demo
from .render import (
    live_text,
    minus_signs,
    nice_ceil,
    number,
    probability_bands,
    set_title,
)

__all__ = ["DescentDemo", "ErrorDemo", "FeedforwardDemo", "LearningRateDemo"]

#: The 2-2-1 network of chapters 3, 4 and 7 (bias in the last row).
W1_EXAMPLE = np.array([[5.0, 7.0], [-2.0, -3.0], [8.0, -1.0]])
W2_EXAMPLE = np.array([[7.0], [5.0], [-6.0]])


#: Where the flow diagram of :class:`FeedforwardDemo` puts its nodes (layer, row).
_FLOW_XY = {"x1": (0.0, 1.0), "x2": (0.0, 0.0), "b1": (0.0, -1.0),
            "h1": (1.0, 1.0), "h2": (1.0, 0.0), "b2": (1.0, -1.0), "out": (2.0, 0.0)}


class FeedforwardDemo(Demo):
    """Move the input ``(x1, x2)`` and follow it through a 2-2-1 network.

    Left: the network with its weights on the edges, each node showing the value it
    computes (``h1``, ``sigma(h1)``, ..., ``y_hat``). Middle: bars of the hidden outputs
    and of ``y_hat``. Right: ``y_hat`` over the plane, with the input as a point.

    Parameters
    ----------
    weights : [W1 (3, 2), W2 (3, 1)], optional; default the chapters' example network
    x1, x2 : float, the starting input
    """

    defaults = {"x1": 1.0, "x2": 3.0}
    figsize = (11, 3.9)
    resolution = 80
    extent = (-3.0, 3.0, -3.0, 7.0)

    def __init__(self, weights=None, **overrides):
        weights = [W1_EXAMPLE, W2_EXAMPLE] if weights is None else weights
        weights = check_weights(weights, n_inputs=2)
        if [W.shape for W in weights] != [(3, 2), (3, 1)]:
            raise ValueError(
                "FeedforwardDemo draws the 2-2-1 network: weights must have shapes "
                f"[(3, 2), (3, 1)], got {[W.shape for W in weights]}")
        self.weights = weights
        super().__init__(**overrides)

    def controls(self):
        import ipywidgets as w

        x0, x1, y0, y1 = self.extent
        return {
            "x1": w.FloatSlider(min=x0, max=x1, step=0.1, description="x1"),
            "x2": w.FloatSlider(min=y0, max=y1, step=0.1, description="x2"),
        }

    def setup(self, fig):
        grid = fig.add_gridspec(1, 3, width_ratios=[1.45, 0.8, 1.0])
        ax_net = self.ax_net = fig.add_subplot(grid[0])
        self.t_x, self.t_h, self.t_out = self._draw_flow(ax_net)

        ax_bar = self.ax_bar = fig.add_subplot(grid[1])
        names = [r"$\sigma(h_1)$", r"$\sigma(h_2)$", r"$\hat y = \sigma(h)$"]
        self.bars = ax_bar.bar(range(3), [0, 0, 0],
                               color=["#9ecae1", "#9ecae1", "#d62728"])
        self.t_bar = [live_text(ax_bar, i, 0, "", ha="center", va="bottom", fontsize=8)
                      for i in range(3)]
        ax_bar.axhline(0.5, color="0.5", linestyle=":", linewidth=1)
        ax_bar.set_xticks(range(3), names, fontsize=9)
        ax_bar.set_ylim(0, 1.12)
        ax_bar.set_title("outputs of the units", fontsize=10)

        ax_map = self.ax_map = fig.add_subplot(grid[2])
        x0, x1, y0, y1 = self.extent
        gx, gy = np.meshgrid(np.linspace(x0, x1, self.resolution),
                             np.linspace(y0, y1, self.resolution))
        pts = np.column_stack([gx.ravel(), gy.ravel()])
        y_hat = forward_pass(self.weights, pts, get_activation("sigmoid"))[1][-1]
        image = ax_map.imshow(y_hat.reshape(gx.shape), origin="lower",
                              extent=self.extent, cmap=plotting.REGION_CMAP,
                              vmin=0, vmax=1, alpha=0.6, aspect="auto")
        ax_map.contour(gx, gy, y_hat.reshape(gx.shape), levels=[0.5], colors="k",
                       linewidths=1.2)
        (self.point,) = ax_map.plot([], [], "o", color="#ffd92f", markeredgecolor="k",
                                    markersize=9, zorder=5)
        ax_map.set_xlabel("$x_1$")
        ax_map.set_ylabel("$x_2$")
        ax_map.set_title(r"$\hat y$ over the plane", fontsize=10)
        fig.colorbar(image, ax=ax_map, label=r"$\hat y$", shrink=0.85)

    def _draw_flow(self, ax):
        """The 2-2-1 network as boxes that will hold the values, and its weights as
        edges (red positive, blue negative, the value written near the start)."""
        W1, W2 = self.weights
        big = max(np.abs(W1).max(), np.abs(W2).max())
        edges = [(src, dst, W1[i, j]) for i, src in enumerate(("x1", "x2", "b1"))
                 for j, dst in enumerate(("h1", "h2"))]
        edges += [(src, "out", W2[i, 0]) for i, src in enumerate(("h1", "h2", "b2"))]
        for src, dst, w in edges:
            (x0, y0), (x1, y1) = _FLOW_XY[src], _FLOW_XY[dst]
            color = plotting.CLASS_COLORS[1] if w > 0 else plotting.CLASS_COLORS[0]
            ax.plot([x0, x1], [y0, y1], color=color, alpha=0.6, zorder=1,
                    linewidth=0.6 + 4.0 * abs(w) / big)
            t = 0.33 if src in ("x1", "x2", "b1") else 0.45
            ax.text(x0 + t * (x1 - x0), y0 + t * (y1 - y0), f"{w:g}", fontsize=7.5,
                    ha="center", va="center", zorder=3,
                    bbox=dict(boxstyle="round,pad=0.1", fc="white", ec="none"))
        bias = dict(boxstyle="circle,pad=0.3", fc="#eeeeee", ec="0.4")
        for name in ("b1", "b2"):
            ax.text(*_FLOW_XY[name], "1", ha="center", va="center", fontsize=8.5,
                    zorder=4, bbox=bias)
        t_x = self._node(ax, "x1", [("$x_1 =$", number(-0.0, 1))])
        t_x += self._node(ax, "x2", [("$x_2 =$", number(-0.0, 1))])
        t_h = [self._node(ax, f"h{k}", [(f"$h_{k} =$", number(-88.0, 2)),
                                        (f"$\\sigma(h_{k}) =$", number(0.0, 3))])
               for k in (1, 2)]
        t_out = self._node(ax, "out", [("$h =$", number(-88.0, 2)),
                                       (r"$\hat y =$", number(0.0, 3))], fc="#fde0dd")
        for k, name in enumerate(("input", "hidden", "output")):
            ax.text(k, 1.65, name, ha="center", fontsize=9, color="0.35")
        ax.set_xlim(-0.45, 2.45)
        ax.set_ylim(-1.35, 1.9)
        ax.axis("off")
        return t_x, t_h, t_out

    @staticmethod
    def _node(ax, name, lines, fc="white"):
        """A box at node ``name`` with a line "label value" per (label, widest value)
        of ``lines``; returns the value Texts, empty, for ``draw`` to fill.

        The box and the labels are drawn once; a move redraws only the short values
        (live texts: :mod:`mlp.widgets.render`).
        Sizes are in points, so the box fits its text whatever the Axes' size.
        """
        renderer = ax.figure.canvas.get_renderer()
        at = ax.figure.dpi_scale_trans + ScaledTranslation(*_FLOW_XY[name],
                                                           ax.transData)
        style = dict(fontsize=8.5, va="baseline", zorder=5, transform=at)
        spacing = 11 / 72  # inches from baseline to baseline

        def width(text):  # inches
            return text.get_window_extent(renderer).width / ax.figure.dpi

        labels, values, widest = [], [], []
        for k, (label, value) in enumerate(lines):
            y = (len(lines) / 2 - k - 0.75) * spacing  # the lines centred on the node
            labels.append(ax.text(0, y, label, ha="right", **style))
            widest.append(ax.text(0, y, value, ha="left", **style))
            values.append(live_text(ax, 0, y, "", ha="left", **style))
        gap = 2 / 72  # after the "=", as much space as before it
        left = max(width(t) for t in labels)
        right = gap + max(width(t) for t in widest)
        for t in widest:
            t.remove()
        shift = (left - right) / 2  # centre "label value" on the node
        for t in labels:
            t.set_x(shift)
        for t in values:
            t.set_x(shift + gap)
        pad = 3.5 / 72
        ax.add_patch(FancyBboxPatch(
            (shift - left, -len(lines) / 2 * spacing), left + right,
            len(lines) * spacing, boxstyle=f"round,pad={pad}", fc=fc, ec="k",
            zorder=4, transform=at))
        return values

    def draw(self, x1, x2):
        X = np.array([[x1, x2]], dtype=float)
        hs, acts = forward_pass(self.weights, X, get_activation("sigmoid"))
        h1, h2 = hs[0][0]
        a1, a2 = acts[1][0]
        h, y_hat = hs[1][0, 0], acts[2][0, 0]
        for t, v in zip(self.t_x, (x1, x2)):
            t.set_text(number(v, 1))
        for (t_sum, t_out), hv, av in zip(self.t_h, (h1, h2), (a1, a2)):
            t_sum.set_text(number(hv, 2))
            t_out.set_text(number(av, 3))
        self.t_out[0].set_text(number(h, 2))
        self.t_out[1].set_text(number(y_hat, 3))
        for bar, t, v in zip(self.bars, self.t_bar, (a1, a2, y_hat)):
            bar.set_height(v)
            t.set_position((t.get_position()[0], v + 0.02))
            t.set_text(f"{v:.3f}")
        self.point.set_data([x1], [x2])
        side = "class 1" if y_hat >= 0.5 else "class 0"
        self.say(f"h1 = {h1:.2f}, h2 = {h2:.2f}, h = {h:.2f}, ŷ = σ(h) = "
                 f"{y_hat:.3f}: {side}")


def _students(X, y, m, demo):
    """The demo's data: ``X`` (m, 2) and its 0/1 labels ``y``, checked; by default
    ``m`` students of the admissions data (seed 0)."""
    if X is None:
        X, y = datasets.admissions(m, rng=0)
    X = check_X(X)
    if X.shape[1] != 2:
        raise ValueError(f"{demo} draws 2-D data: X must be (m, 2), got {X.shape}")
    y = np.asarray(y)
    log_loss(y, np.full(y.shape, 0.5))  # checks y: 0/1, one per row
    if y.shape[0] != X.shape[0]:
        raise ValueError(f"y has {y.shape[0]} labels, X has {X.shape[0]} rows")
    return X, y


class ErrorDemo(Demo):
    """The perceptron's line and the error each example contributes to E(W).

    Left: the data, the line ``w1 x1 + w2 x2 + b = 0`` and the probability shading,
    each point labelled with its error ``-ln(y_hat)`` (label 1) or ``-ln(1 - y_hat)``
    (label 0). Right: those errors as bars and their mean, E(W), on one scale for
    every line (linear up to 1, logarithmic above), so that the bars shrink as the
    line gets better.

    Parameters
    ----------
    X, y : the data; default 12 students of the admissions data (seed 0)
    w1, w2, b : the starting line
    """

    defaults = {"w1": 1.0, "w2": 1.0, "b": -10.0}
    figsize = (10, 4.0)
    resolution = 70
    cap = 8.0  # bars and labels stop here; the status line gives the true value

    def __init__(self, X=None, y=None, **overrides):
        self.X, self.y = _students(X, y, 12, "ErrorDemo")
        super().__init__(**overrides)

    def controls(self):
        import ipywidgets as w

        return {
            "w1": w.FloatSlider(min=-3, max=3, step=0.1, description="w1"),
            "w2": w.FloatSlider(min=-3, max=3, step=0.1, description="w2"),
            "b": w.FloatSlider(min=-30, max=30, step=0.5, description="b"),
        }

    def setup(self, fig):
        ax, ax_bar = self.ax, self.ax_bar = fig.subplots(
            1, 2, gridspec_kw=dict(width_ratios=[1.0, 1.15]))
        lo = np.minimum(self.X.min(axis=0), 0.0)
        hi = np.maximum(self.X.max(axis=0), 10.0)
        self.extent = (lo[0], hi[0], lo[1], hi[1])
        gx, gy = np.meshgrid(np.linspace(lo[0], hi[0], self.resolution),
                             np.linspace(lo[1], hi[1], self.resolution))
        self.gx, self.gy = gx, gy
        # y_hat in 20 bands (as plot_probability shades it): a few polygons draw in a
        # fraction of the time an image resampled to the Axes' size takes
        self.bands = ax.add_collection(PathCollection(
            [], edgecolors="none", antialiased=False, zorder=0), autolim=False)
        plotting.plot_data(ax, self.X, self.y, labels=plotting.LABELS_ADMISSIONS,
                           s=40)
        (self.line,) = ax.plot([], [], color="k", linewidth=2)
        self.labels = [live_text(ax, x1 + 0.25, x2, "", fontsize=7.5, va="center",
                                 zorder=4)
                       for x1, x2 in self.X]
        ax.set_xlim(lo[0], hi[0])
        ax.set_ylim(lo[1], hi[1])
        ax.set_xlabel("test score $x_1$")
        ax.set_ylabel("grades $x_2$")
        ax.legend(loc="upper left", fontsize=7, framealpha=0.9)

        m = len(self.y)
        colors = [plotting.CLASS_COLORS[int(c)] for c in self.y]
        # the bars as one collection: one draw call per frame, not m
        self.bars = PolyCollection([], facecolors=colors, linewidths=0)
        ax_bar.add_collection(self.bars, autolim=False)
        lo, hi = 1 - 0.4, m + 0.4  # bars 0.8 wide at 1..m, and 5 % margins
        ax_bar.set_xlim(lo - 0.05 * (hi - lo), hi + 0.05 * (hi - lo))
        self.capped = [live_text(ax_bar, i, self.cap, "", ha="center", va="bottom",
                                   fontsize=7) for i in range(1, m + 1)]
        self.mean_line = ax_bar.axhline(0, color="k", linewidth=1.5)
        ax_bar.set_xticks(np.arange(1, m + 1))
        ax_bar.set_xlabel("example i")
        ax_bar.set_ylabel(
            r"error of example i: $-\ln \hat y_i$ or $-\ln(1 - \hat y_i)$",
            fontsize=8.5)
        # one scale for every line, so that bars shrink as the line gets better (and
        # a move redraws the bars, not the axis): linear up to 1, where the errors of
        # a good line are, then logarithmic up to the cap
        ax_bar.set_yscale("symlog", linthresh=1.0, linscale=2.0)
        ax_bar.set_ylim(0, 1.6 * self.cap)  # room for the values of cut bars
        ax_bar.set_yticks([0, 0.25, 0.5, 0.75, 1, 2, 4, 8],
                          ["0", "0.25", "0.5", "0.75", "1", "2", "4", "8"])
        ax_bar.yaxis.set_minor_locator(ticker.NullLocator())
        ax_bar.grid(alpha=0.3, axis="y")
        ax_bar.set_title("the black line is their mean", loc="left", fontsize=10)
        self.mean_title = ax_bar.set_title("", loc="right", fontsize=10)

    def draw(self, w1, w2, b):
        score = w1 * self.X[:, 0] + w2 * self.X[:, 1] + b
        y_hat = sigmoid(score)
        errors = log_loss(self.y, y_hat)
        E = float(np.mean(errors))
        paths, colors = probability_bands(
            sigmoid(w1 * self.gx + w2 * self.gy + b), self.extent, alpha=0.4)
        self.bands.set_paths(paths)
        self.bands.set_facecolor(colors)
        x_range = [self.extent[0], self.extent[1]]
        self.line.set_data(*plotting.line_points(w1, w2, b, x_range))
        for t, e in zip(self.labels, errors):
            t.set_text(f"{e:.2f}")
        self.bars.set_verts(  # each bar is cut at cap ...
            [[(i - 0.4, 0), (i - 0.4, h), (i + 0.4, h), (i + 0.4, 0)]
             for i, h in enumerate(np.minimum(errors, self.cap), start=1)])
        for t, e in zip(self.capped, errors):
            t.set_text(f"{e:.0f}" if e > self.cap else "")  # ... and says its value
        self.mean_line.set_ydata([min(E, self.cap)] * 2)
        worst = int(np.argmax(errors))
        self.mean_title.set_text(f"E(W) = {E:.3f}")
        line = plotting.linear_formula([w1, w2, b], (" x₁", " x₂"), fmt="{:.1f}")
        set_title(self.ax, minus_signs(f"{line} = 0"))
        self.say(f"E(W) = {E:.3f}; the largest error is example {worst + 1}'s, "
                 f"{errors[worst]:.2f}")


class LearningRateDemo(Demo):
    """Train the perceptron with learning rate ``alpha`` for some epochs.

    Training starts from all weights 0 (y_hat = 0.5 for everyone, E = ln 2) and uses
    full-batch gradient descent, so a setting always gives the same result. Left: the
    data and the final line. Right: the error E after every epoch (linear up to 1,
    logarithmic above, the same axis for every alpha). The status line says whether
    the error settled, is still falling, oscillated (alpha too large) or diverged.

    Each ``alpha`` is trained once and remembered, epoch by epoch: fewer epochs read
    the first ones back, more epochs continue from the last (the same steps as one run
    from the start), so only a new ``alpha`` or a longer run trains.

    Parameters
    ----------
    X, y : the data; default the 100 students of the admissions data (seed 0)
    alpha : float, the learning rate
    epochs : int
    """

    defaults = {"alpha": 0.1, "epochs": 300}
    figsize = (10, 4.0)
    flat = 5e-3  # "settled" when no entry of the final gradient is larger
    loss_top = 20.0  # the error axis: linear up to 1, logarithmic up to here

    def __init__(self, X=None, y=None, **overrides):
        self.X, self.y = _students(X, y, 100, "LearningRateDemo")
        self.start = [np.zeros((3, 1))]  # w1 = w2 = b = 0
        self._runs = {}  # alpha -> the run so far (see _trained)
        super().__init__(**overrides)

    def controls(self):
        import ipywidgets as w

        return {
            "alpha": w.FloatLogSlider(min=-3, max=1.5, step=0.1, base=10,
                                      description="alpha"),
            "epochs": w.IntSlider(min=10, max=1000, step=10, description="epochs"),
        }

    def setup(self, fig):
        ax, ax_loss = self.ax, self.ax_loss = fig.subplots(1, 2)
        lo, hi = self.X.min(axis=0), self.X.max(axis=0)
        pad = 0.05 * (hi - lo)
        self.xlim = (lo[0] - pad[0], hi[0] + pad[0])
        self.ylim = (lo[1] - pad[1], hi[1] + pad[1])
        plotting.plot_data(ax, self.X, self.y, labels=plotting.LABELS_ADMISSIONS)
        (self.line,) = ax.plot([], [], color="k", linewidth=2.2, label="final line")
        ax.set_xlim(*self.xlim)
        ax.set_ylim(*self.ylim)
        ax.set_xlabel("test score $x_1$")
        ax.set_ylabel("grades $x_2$")
        ax.legend(loc="lower left", fontsize=7)
        (self.curve,) = ax_loss.plot([], [], color="#d62728", linewidth=1.3)
        # one error axis for every alpha (a move then redraws the curve, not the
        # axis): linear below 1, where a good run's error is, and logarithmic above,
        # where a too large alpha sends it
        ax_loss.set_yscale("symlog", linthresh=1.0, linscale=2.0)
        ax_loss.set_ylim(0, self.loss_top)
        ticks = [0, 0.2, 0.4, 0.6, 0.8, 1, 2, 5, 10, 20]
        ax_loss.set_yticks(ticks, [f"{t:g}" for t in ticks])
        ax_loss.yaxis.set_minor_locator(ticker.NullLocator())
        ax_loss.set_xlabel("epoch")
        ax_loss.set_ylabel("error E (log scale above 1)")
        ax_loss.grid(alpha=0.3)
        self.message = live_text(ax_loss, 0.97, 0.95, "", transform=ax_loss.transAxes,
                                    ha="right", va="top", fontsize=9,
                                    bbox=dict(fc="white", ec="0.7"))

    def _trained(self, alpha, epochs):
        """The run with learning rate ``alpha``, trained for at least ``epochs``
        epochs (or until it diverged): ``{"weights": the weights after 0, 1, 2, ...
        epochs, "loss": [...], "accuracy": [...], "diverged": None or (epoch, the
        last finite weights)}``."""
        run = self._runs.get(alpha)
        if run is None:
            run = {"weights": [self.start], "loss": [], "accuracy": [],
                   "diverged": None}
        done = len(run["loss"])
        if done < epochs and run["diverged"] is None:
            try:  # full batches, no shuffling: continuing is the same as restarting
                _, history = train(run["weights"][-1], self.X, self.y, alpha=alpha,
                                   epochs=epochs - done, callback=lambda e, W, h:
                                   run["weights"].append(W))
            except DivergenceError as exc:
                history = exc.history
                run["diverged"] = (done + exc.epoch, exc.weights)
            run["loss"] += history["loss"]
            run["accuracy"] += history["accuracy"]
        self._runs[alpha] = run
        return run

    def run(self, alpha, epochs):
        """Train from the fixed start (or read the epochs back from a longer run).

        Returns
        -------
        weights, history, label (one word for the plot), verdict (the status line),
        diverged (bool)
        """
        alpha = check_positive(float(alpha), "alpha")
        epochs = check_positive_int(int(epochs), "epochs")
        run = self._trained(alpha, epochs)
        if run["diverged"] is not None and run["diverged"][0] <= epochs:
            epoch, weights = run["diverged"]
            history = {key: run[key][:epoch - 1] for key in ("loss", "accuracy")}
            return weights, history, "diverged", (
                f"α = {alpha:.3g} is far too large: training diverged in epoch "
                f"{epoch} (the weights or the error became infinite). Make α "
                "smaller."), True
        weights = run["weights"][epochs]
        history = {key: run[key][:epochs] for key in ("loss", "accuracy")}
        loss = np.asarray(history["loss"])
        ups = int(np.sum(np.diff(loss) > 1e-9))
        if ups > 0.1 * len(loss):
            label = "oscillating"
            verdict = (f"α = {alpha:.3g} is too large: the error went UP in {ups} "
                       f"of {len(loss)} epochs - the steps overshoot.")
        elif np.abs(backprop(weights, self.X, self.y)[0]).max() > self.flat:
            label = "still falling"
            verdict = (f"α = {alpha:.3g}: the error fell steadily but is still "
                       "falling (the gradient is not yet 0) - more epochs or a larger "
                       "α.")
        else:
            label = "settled"
            verdict = f"α = {alpha:.3g}: the error fell and has settled."
        return weights, history, label, verdict, False

    def _epoch_axis(self, epochs):
        """Fit the epoch axis to ``epochs`` in 1-2-3-5 steps, growing it when the run
        is longer and shrinking it only when the run would fill half of it or less:
        dragging the slider between two steps redraws the curve, not the axis."""
        top = self.ax_loss.get_xlim()[1]
        if epochs > top or 2 * epochs <= top:
            self.ax_loss.set_xlim(0, nice_ceil(epochs, (1, 2, 3, 5)))

    def draw(self, alpha, epochs):
        weights, history, label, verdict, diverged = self.run(alpha, epochs)
        loss = np.asarray(history["loss"], dtype=float)
        self.curve.set_data(np.arange(1, loss.size + 1), loss)
        self._epoch_axis(int(epochs))
        w1, w2, b = np.asarray(weights[0], dtype=float).ravel()
        if diverged:
            self.line.set_data([], [])
        else:
            self.line.set_data(*plotting.line_points(w1, w2, b, list(self.xlim)))
        acc = history["accuracy"][-1] if history["accuracy"] else float("nan")
        final = (f"E = {loss[-1]:.3f}, training accuracy {acc:.0%}" if loss.size
                 else "no epoch")
        set_title(self.ax, f"after {loss.size} epochs: {final}")
        set_title(self.ax_loss, f"\u03b1 = {alpha:.3g}")
        self.message.set_text(label)
        self.say(verdict)


class DescentDemo(Demo):
    """Gradient descent over the error landscape of two weights.

    The perceptron's bias is fixed at ``b``, so that the error is a function of
    ``(w1, w2)`` alone and can be drawn as contour lines (left). From a fixed start,
    ``steps`` steps of gradient descent on ``w1`` and ``w2`` with learning rate
    ``alpha`` draw a path, a dot per step; right, the error after each step. The
    status line says whether the error fell in every step or went up (overshooting).

    Parameters
    ----------
    X, y : the data; default the 100 students of the admissions data (seed 0)
    alpha : float, the learning rate
    steps : int, how many steps
    """

    defaults = {"alpha": 0.2, "steps": 25}
    figsize = (10, 4.2)
    start = (2.2, -0.3)  # (w1, w2) where every path begins
    b = -10.0  # the fixed bias
    w_range = (-0.5, 2.5)  # the drawn part of the (w1, w2) plane, both axes
    max_steps = 60  # the steps slider's end, and the step axis

    def __init__(self, X=None, y=None, **overrides):
        from ..plotting.descent import error_over_two_weights

        self.X, self.y = _students(X, y, 100, "DescentDemo")
        self.w_values = np.linspace(*self.w_range, 61)
        self.E = error_over_two_weights(self.X, self.y, self.w_values, self.w_values,
                                        self.b)
        super().__init__(**overrides)

    def controls(self):
        import ipywidgets as w

        return {
            "alpha": w.FloatLogSlider(min=-2.5, max=1, step=0.05, base=10,
                                      description="alpha"),
            "steps": w.IntSlider(min=1, max=self.max_steps, step=1,
                                 description="steps"),
        }

    def setup(self, fig):
        from ..plotting.descent import plot_error_contours

        ax, ax_E = self.ax, self.ax_E = fig.subplots(1, 2)
        plot_error_contours(ax, self.w_values, self.w_values, self.E)
        (self.path,) = ax.plot([], [], marker="o", markersize=3.5, linewidth=1.0,
                               color="#d62728", zorder=4, label="gradient descent")
        ax.plot(*self.start, marker="s", color="#d62728", linestyle="none",
                markersize=6, label="start")
        ax.set_xlim(*self.w_range)
        ax.set_ylim(*self.w_range)
        ax.set_aspect("equal")
        ax.legend(loc="upper right", fontsize=7)
        ax.set_title(f"E over $(w_1, w_2)$, with $b = {self.b:g}$", fontsize=10)
        (self.curve,) = ax_E.plot([], [], marker="o", markersize=3, color="#d62728",
                                  linewidth=1.2)
        ax_E.set_yscale("log")
        ax_E.set_ylim(0.1, 50)
        ticks = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50]
        ax_E.set_yticks(ticks, [f"{t:g}" for t in ticks])
        ax_E.yaxis.set_minor_locator(ticker.NullLocator())
        ax_E.set_xlim(0, self.max_steps)  # fixed: a move redraws the curve only
        ax_E.set_xlabel("step")
        ax_E.set_ylabel("error E (log scale)")
        ax_E.grid(alpha=0.3)

    def run(self, alpha, steps):
        """The path ``(steps + 1, 3)`` of weights and the error after each step."""
        from ..plotting.descent import descent_path
        from ..losses import cross_entropy

        alpha = check_positive(float(alpha), "alpha")
        steps = check_positive_int(int(steps), "steps")
        path = descent_path(self.X, self.y, (*self.start, self.b), alpha, steps,
                            train_bias=False)
        errors = np.array([cross_entropy(self.y, sigmoid(self.X @ w[:2] + w[2]))
                           for w in path])
        return path, errors

    def draw(self, alpha, steps):
        path, errors = self.run(alpha, steps)
        self.path.set_data(path[:, 0], path[:, 1])
        self.curve.set_data(np.arange(errors.size), errors)
        set_title(self.ax_E, f"\u03b1 = {alpha:.3g}: E = {errors[-1]:.3f} after "
                             f"{steps} steps")
        ups = int(np.sum(np.diff(errors) > 1e-12))
        if ups:
            self.say(f"α = {alpha:.3g}: the error went UP in {ups} of {steps} "
                     "steps - the steps overshoot the valley's floor.")
            return
        self.say(f"α = {alpha:.3g}: the error fell in every step, from "
                 f"{errors[0]:.3f} to {errors[-1]:.3f}.")
