"""Chapters 5 and 6: what hidden units and layers draw, and softmax over three classes.

``trained_network(dataset, units, depth)`` trains a network with ``depth`` hidden
layers of ``units`` sigmoid units on one of four small data sets, in a fraction of a
second, and remembers it: the chapter's figures and the demo's sliders ask for the
same networks again and again, and each is trained only once.
"""

from __future__ import annotations

import functools

import numpy as np

from .. import datasets, plotting
from .._validation import (
    check_integer,
    check_labels,
    check_one_of,
    check_weights,
    check_X,
)
from ..activations import get_activation, softmax
from ..network import forward_pass, init_weights
from ..training import DivergenceError, train
from ._core import Demo
from .render import (
    image_bytes,
    level_lines,
    live_text,
    probability_bands,
    set_title,
)

__all__ = [
    "ALPHA",
    "EPOCHS",
    "LAYER_DATASETS",
    "LayersDemo",
    "MulticlassTrainingDemo",
    "SoftmaxDemo",
    "layer_data",
    "trained_network",
]

#: The data sets of chapter 5's figures and demo: 200 points each, seeded.
LAYER_DATASETS = {
    "circles": lambda: datasets.circles(200, rng=0, noise=0.08),
    "moons": lambda: datasets.moons(200, rng=0, noise=0.15),
    "xor": lambda: datasets.xor(200, rng=0, noise=0.05),
    "spirals": lambda: datasets.spirals(200, rng=0, classes=2, noise=0.05, turns=1.25),
}

#: The settings the demo offers (and ``trained_network`` accepts).
MAX_UNITS, MAX_DEPTH = 32, 4

#: How ``trained_network`` trains: :func:`mlp.train`, full-batch gradient descent
#: (every step on all 200 points), learning rate ``ALPHA``, ``EPOCHS`` steps.
ALPHA, EPOCHS = 10.0, 800


def layer_data(dataset="circles"):
    """The data set ``dataset`` of :data:`LAYER_DATASETS` as ``(X, y)``.

    Returns
    -------
    X : array (200, 2), y : int array (200,), both read-only (they are shared).

    Examples
    --------
    >>> X, y = layer_data("circles")
    >>> X.shape, y.shape
    ((200, 2), (200,))
    """
    return _layer_data(check_one_of(dataset, "dataset", LAYER_DATASETS))


@functools.cache
def _layer_data(dataset):
    X, y = LAYER_DATASETS[dataset]()
    X.setflags(write=False)
    y.setflags(write=False)
    return X, y


def _check_setting(dataset, units, depth):
    return (check_one_of(dataset, "dataset", LAYER_DATASETS),
            check_integer(units, "units", 1, MAX_UNITS, "per hidden layer"),
            check_integer(depth, "depth", 1, MAX_DEPTH, "hidden layers"))


def trained_network(dataset="circles", units=4, depth=1, seed=0):
    """A network with ``depth`` hidden layers of ``units`` sigmoid units, trained on
    ``layer_data(dataset)`` (and remembered: a second call costs nothing).

    Parameters
    ----------
    dataset : {"circles", "moons", "xor", "spirals"}
    units : int, 1 to 32, hidden units per layer
    depth : int, 1 to 4, hidden layers
    seed : int, the seed of the starting weights

    Returns
    -------
    weights : list of new arrays, sizes ``[2] + [units] * depth + [1]``
    accuracy : float, on the training data

    Notes
    -----
    :func:`mlp.train`: ``EPOCHS`` (800) steps of full-batch gradient descent at the
    learning rate ``ALPHA`` (10), under 0.3 s on a laptop. The hidden layers' biases
    start random (not 0), so that the first layer's lines do not all start through
    the origin. Chapter 5 (What Layers can do?).

    Examples
    --------
    >>> weights, acc = trained_network("circles", units=4)
    >>> [W.shape for W in weights]
    [(3, 4), (5, 1)]
    """
    dataset, units, depth = _check_setting(dataset, units, depth)
    seed = int(seed)
    frozen, acc = _trained(dataset, units, depth, seed)
    return [W.copy() for W in frozen], acc


@functools.lru_cache(maxsize=128)
def _trained(dataset, units, depth, seed):
    """(read-only weights, training accuracy) for one setting."""
    X, y = layer_data(dataset)
    rng = np.random.default_rng(seed)
    sizes = [2] + [units] * depth + [1]
    weights = init_weights(sizes, rng)
    for W in weights[:-1]:
        W[-1] = rng.normal(0.0, 1.0, size=W.shape[1])  # random biases: spread lines
    weights, history = train(weights, X, y, alpha=ALPHA, epochs=EPOCHS)
    for W in weights:
        W.setflags(write=False)
    return tuple(weights), history["accuracy"][-1]


def _network_name(units, depth):
    return "-".join(str(n) for n in [2] + [units] * depth + [1])


class LayersDemo(Demo):
    """Choose the data, the hidden units per layer and the number of hidden layers:
    the boundary the trained network draws, the lines of its first layer, and the
    network itself.

    Each setting is trained once (under 0.3 s) and remembered, so moving a slider back
    costs only a redraw.
    """

    defaults = {"dataset": "circles", "units": 4, "depth": 1}
    figsize = (10, 4.6)
    resolution = 70
    #: The hidden units per layer and the numbers of hidden layers on the sliders.
    UNITS, DEPTHS = range(1, 9), range(1, 4)

    def controls(self):
        import ipywidgets as w

        return {
            "dataset": w.Dropdown(options=sorted(LAYER_DATASETS), description="data"),
            "units": w.IntSlider(min=self.UNITS[0], max=self.UNITS[-1], step=1,
                                 description="hidden units", continuous_update=False),
            "depth": w.IntSlider(min=self.DEPTHS[0], max=self.DEPTHS[-1], step=1,
                                 description="hidden layers", continuous_update=False),
        }

    def setup(self, fig):
        from matplotlib.collections import LineCollection, PathCollection

        # a layout of our own: the diagram's colour key is placed from the Axes'
        # position, which must not move when the network changes
        fig.set_layout_engine(None)
        self.ax, self.ax_net = fig.subplots(1, 2, gridspec_kw={
            "width_ratios": [1, 1.1], "left": 0.01, "right": 0.99, "bottom": 0.02,
            "top": 0.93, "wspace": 0.04})
        # the colour key of the diagram's edges, under it, drawn once: the diagram
        # itself is drawn anew for every network size
        box = self.ax_net.get_position()
        key = 0.05  # of the figure's height
        self.ax_net.set_position([box.x0, box.y0 + key, box.width, box.height - key])
        plotting.network_key(fig, 8, loc="upper center",
                             bbox_to_anchor=(box.x0 + box.width / 2, box.y0 + key))
        plotting.reserve_network(self.ax_net, [[2] + [units] * depth + [1]
                                               for units in self.UNITS
                                               for depth in self.DEPTHS],
                                 layer_names="short")
        ax = self.ax
        # the data's extent is drawn as the unit square (the Axes have no ticks), so
        # that a new data set moves the points, not the Axes' limits
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        # the probability of class 1 in 20 bands: cheaper to draw than an image
        self.bands = ax.add_collection(PathCollection(
            [], edgecolors="none", antialiased=False, zorder=0), autolim=False)
        self.points = [
            ax.scatter([], [], s=16, color=plotting.CLASS_COLORS[c], edgecolor="white",
                       linewidth=0.5, zorder=3, label=f"class {c}")
            for c in (0, 1)
        ]
        self.lines = [ax.plot([], [], color="0.25", linewidth=0.9, linestyle="--",
                              zorder=2)[0] for _ in range(MAX_UNITS)]
        self.lines[0].set_label("first layer's lines")
        self.boundary = ax.add_collection(LineCollection(
            [], colors="k", linewidths=2, zorder=2), autolim=False)
        self.dataset = None
        self.sizes = None  # of the network in the diagram
        self._drawings = {}  # (dataset, units, depth) -> what draw shows for it
        ax.set_xticks([])
        ax.set_yticks([])
        ax.legend(loc="upper right", fontsize=7, framealpha=0.85)

    def _show_data(self, dataset):
        X, y = layer_data(dataset)
        _, _, grid = plotting.grid_for(X, self.resolution, margin=0.1)
        self.lo = grid.min(axis=0)
        self.span = grid.max(axis=0) - self.lo
        for c, artist in enumerate(self.points):
            artist.set_offsets(self._unit(X[y == c]))
        self.dataset = dataset

    def _unit(self, points):
        """Points of the data's plane in the unit square the Axes show."""
        return (points - self.lo) / self.span

    def _drawing(self, dataset, units, depth):
        """The trained network of a setting and what the left panel shows of it, in
        the unit square: the bands of its probability, its boundary, the lines of
        its first layer. Computed once per setting (a slider moved back is quick)."""
        key = (dataset, units, depth)
        if key not in self._drawings:
            weights, acc = trained_network(dataset, units, depth)
            X, _ = layer_data(dataset)
            xx, _, grid = plotting.grid_for(X, self.resolution, margin=0.1)
            p = forward_pass(weights, grid, get_activation("sigmoid"))[1][-1][:, 0]
            p = p.reshape(xx.shape)
            W1 = weights[0]
            x_range = self.lo[0] + np.array([0.0, 1.0]) * self.span[0]
            lines = [self._unit(np.column_stack(plotting.line_points(
                W1[0, j], W1[1, j], W1[2, j], x_range))).T for j in range(W1.shape[1])]
            self._drawings[key] = (weights, acc,
                                   probability_bands(p, alpha=0.5),
                                   level_lines(p), lines)
        return self._drawings[key]

    def draw(self, dataset, units, depth):
        if self.dataset != dataset:
            self._show_data(dataset)
        name = _network_name(units, depth)
        sizes = [2] + [units] * depth + [1]
        try:
            weights, acc, (paths, colors), boundary, lines = self._drawing(
                dataset, units, depth)
        except DivergenceError:
            self.bands.set_paths([])
            self.boundary.set_segments([])
            for line in self.lines:
                line.set_data([], [])
            set_title(self.ax, f"{name}: training diverged")
            plotting.redraw_network(self.ax_net, sizes=sizes,  # grey: no weights
                                    layer_names="short")
            set_title(self.ax_net, f"the {name} network")
            self.sizes = None
            self.say(f"Training the {name} network diverged: no boundary to show.")
            return
        self.bands.set_paths(paths)
        self.bands.set_facecolor(colors)
        self.boundary.set_segments(boundary)
        for j, line in enumerate(self.lines):
            if j < len(lines):
                line.set_data(*lines[j])
            elif len(line.get_xdata()):
                line.set_data([], [])
        # the network is named on the right: a short title, quick to draw
        set_title(self.ax, f"training accuracy {acc:.0%}")
        if sizes == self.sizes:
            plotting.update_network(self.ax_net, weights)
        else:
            # short layer names: the diagram is drawn anew for each size, and
            # text is the slowest part of it to draw
            plotting.redraw_network(self.ax_net, weights, show_weights=False,
                                    legend=False, layer_names="short")
            self.sizes = sizes
        set_title(self.ax_net, f"the {name} network")
        n_weights = sum(W.size for W in weights)
        self.say(f"{name} network, {n_weights} weights: {acc:.0%} of the 200 points "
                 "on the right side")


#: The class names of chapter 6.
ANIMALS = ("CAT", "DOG", "BIRD")


class SoftmaxDemo(Demo):
    """Three output scores on sliders, and the probabilities softmax makes of them.

    The scores can be any numbers; the probabilities are positive and add up to 1,
    and the largest score always gets the largest probability.
    """

    defaults = {"cat": 2.0, "dog": 1.0, "bird": 0.1}
    figsize = (8.5, 3.4)

    def controls(self):
        import ipywidgets as w

        return {
            name: w.FloatSlider(min=-5, max=5, step=0.1, description=f"score {label}")
            for name, label in zip(self.defaults, ANIMALS)
        }

    def setup(self, fig):
        self.ax_h, self.ax_p = fig.subplots(1, 2)
        colors = plotting.CLASS_COLORS[:3]
        self.bars_h = self.ax_h.bar(ANIMALS, [0, 0, 0], color=colors, alpha=0.8)
        self.bars_p = self.ax_p.bar(ANIMALS, [0, 0, 0], color=colors, alpha=0.8)
        self.ax_h.axhline(0, color="k", linewidth=0.8)
        self.ax_h.set_ylim(-5.5, 5.5)
        self.ax_h.set_title("scores $h$ (output layer's input sums)", fontsize=10)
        self.ax_p.set_ylim(0, 1.12)
        self.ax_p.set_title(r"probabilities $\mathrm{softmax}(h)$", fontsize=10)
        self.texts_h = [live_text(self.ax_h, i, 0, "", ha="center", fontsize=9)
                        for i in range(3)]
        self.texts_p = [live_text(self.ax_p, i, 0, "", ha="center", va="bottom",
                                  fontsize=9)
                        for i in range(3)]
        for ax in (self.ax_h, self.ax_p):
            ax.grid(axis="y", alpha=0.3)
        # where the x-axis label would be, but a text of its own: a new label would
        # redraw the whole axis, tick labels and all
        self.summary = self.ax_p.annotate(
            "", xy=(0.5, 0), xycoords="axes fraction", xytext=(0, -21),
            textcoords="offset points", ha="center", va="top", fontsize=9)

    def draw(self, cat, dog, bird):
        h = np.array([cat, dog, bird], dtype=float)
        if not np.all(np.isfinite(h)):
            raise ValueError("the scores must be finite numbers")
        p = softmax(h[None, :])[0]
        for i in range(3):
            self.bars_h[i].set_height(h[i])
            self.texts_h[i].set_text(f"{h[i]:.1f}")
            self.texts_h[i].set_y(h[i] + (0.15 if h[i] >= 0 else -0.55))
            self.bars_p[i].set_height(p[i])
            self.texts_p[i].set_text(f"{p[i]:.3f}")
            self.texts_p[i].set_y(p[i] + 0.02)
        best = ANIMALS[int(np.argmax(p))]
        self.summary.set_text(f"sum = {p.sum():.3f}; prediction: {best}")
        self.say(", ".join(f"P({a}) = {q:.3f}" for a, q in zip(ANIMALS, p))
                 + f": they add up to {p.sum():.3f}")


class MulticlassTrainingDemo(Demo):
    """A slider over the epochs at which a network was saved during training: its
    class regions then, and where it was on the error curve.

    Parameters
    ----------
    snapshots : list of ``(epoch, weights)`` pairs (kept by ``train``'s callback)
    history : dict with the per-epoch ``"loss"`` (and ``"accuracy"``) from ``train``
    X : array (m, 2), y : array (m,) of class ids, the training data
    labels : sequence of str, the class names
    """

    defaults = {"epoch": None}
    figsize = (9, 3.9)
    resolution = 70

    def __init__(self, snapshots, history, X, y, labels=ANIMALS, activation="sigmoid",
                 **overrides):
        if not isinstance(snapshots, (list, tuple)) or not snapshots:
            raise TypeError("snapshots must be a non-empty list of (epoch, weights) "
                            "pairs")
        self.snapshots = {}
        for snap in snapshots:
            if not isinstance(snap, (list, tuple)) or len(snap) != 2 or isinstance(
                    snap[0], bool) or not isinstance(snap[0], (int, np.integer)):
                raise TypeError("each snapshot must be an (epoch, weights) pair, the "
                                "epoch an int")
            self.snapshots[int(snap[0])] = check_weights(snap[1], n_inputs=2)
        self.epochs = sorted(self.snapshots)
        self.X = check_X(X)
        self.n_out = self.snapshots[self.epochs[0]][-1].shape[1]
        self.y = check_labels(y, self.X.shape[0], self.n_out).astype(int)
        self.loss = np.asarray(history["loss"], dtype=float)
        self.labels = labels
        self.act = get_activation(activation)
        self.defaults = {"epoch": self.epochs[-1]}
        super().__init__(**overrides)

    def controls(self):
        import ipywidgets as w

        return {"epoch": w.SelectionSlider(options=self.epochs, description="epoch")}

    def setup(self, fig):
        from matplotlib.colors import to_rgba_array

        self.ax, self.ax_loss = fig.subplots(1, 2, width_ratios=[1, 1.2])
        self.xx, self.yy, self.grid = plotting.grid_for(self.X, self.resolution)
        k = max(self.n_out, 2)
        # each class's colour as it shows at opacity 0.3 over the white Axes
        self.colors = image_bytes(to_rgba_array(plotting.CLASS_COLORS[:k]), 0.3)
        self.image = self.ax.imshow(
            self.colors[np.zeros(self.xx.shape, dtype=int)], origin="lower",
            aspect="auto", interpolation="nearest",
            extent=(self.xx.min(), self.xx.max(), self.yy.min(), self.yy.max()))
        plotting.plot_data(self.ax, self.X, self.y, labels=self.labels, s=12)
        self.ax.set_xlim(self.xx.min(), self.xx.max())
        self.ax.set_ylim(self.yy.min(), self.yy.max())
        self.ax.set_xticks([])
        self.ax.set_yticks([])
        self.ax.legend(loc="upper right", fontsize=7, framealpha=0.85)
        epochs = np.arange(1, self.loss.size + 1)
        self.ax_loss.plot(epochs, self.loss, color="0.4")
        (self.dot,) = self.ax_loss.plot([], [], "o", color="#d62728", markersize=8)
        self.ax_loss.set_xscale("log")
        self.ax_loss.set_xlabel("epoch (log scale)")
        self.ax_loss.set_ylabel("error E")
        self.ax_loss.grid(alpha=0.3)

    def draw(self, epoch):
        if epoch not in self.snapshots:
            raise ValueError(f"no snapshot at epoch {epoch}; saved: {self.epochs}")
        weights = self.snapshots[epoch]
        y_hat = forward_pass(weights, self.grid, self.act)[1][-1]
        if not np.all(np.isfinite(y_hat)):
            raise ValueError(f"the network of epoch {epoch} gives NaN (it diverged)")
        if y_hat.shape[1] == 1:
            cls = (y_hat[:, 0] >= 0.5).astype(int)
        else:
            cls = np.argmax(y_hat, axis=1)
        self.image.set_data(self.colors[cls.reshape(self.xx.shape)])
        y_hat_X = forward_pass(weights, self.X, self.act)[1][-1]
        pred = (y_hat_X[:, 0] >= 0.5) if y_hat_X.shape[1] == 1 else np.argmax(
            y_hat_X, axis=1)
        acc = float(np.mean(pred == self.y))
        set_title(self.ax, f"epoch {epoch}: training accuracy {acc:.0%}")
        e = min(max(int(epoch), 1), self.loss.size)
        if self.loss.size:
            self.dot.set_data([e], [self.loss[e - 1]])
            set_title(self.ax_loss, f"error E = {self.loss[e - 1]:.3f}")
        self.say(f"epoch {epoch}: training accuracy {acc:.0%}")
