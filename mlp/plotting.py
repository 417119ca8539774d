"""Figures for the course: data, decision regions, networks, activations, loss curves.

Every function draws on the ``ax`` it is given (or a new one) and returns it; none calls
``plt.show()``. Colours: class 0 blue, class 1 red, class 2 green, everywhere.
"""

from __future__ import annotations

import numpy as np
from matplotlib import pyplot as plt
from matplotlib.colors import ListedColormap

from ._validation import as_float_array, check_weights, check_X
from .activations import get_activation
from .network import _forward

#: Class colours (class id -> colour), and a light version for regions.
CLASS_COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"]
REGION_CMAP = "RdBu_r"
LABELS_ADMISSIONS = ("rejected", "accepted")


def _ax(ax):
    if ax is None:
        _, ax = plt.subplots(figsize=(5, 4.5))
    return ax


def plot_data(ax, X, y, labels=None, s=22, **kwargs):
    """Scatter the examples of ``X`` (m, 2) coloured by their labels ``y`` (m,).

    Parameters
    ----------
    ax : matplotlib Axes or None
    X : array (m, 2)
    y : array (m,) of class ids
    labels : sequence of str, optional, a legend name per class

    Returns
    -------
    ax
    """
    ax = _ax(ax)
    X = check_X(X)
    if X.shape[1] != 2:
        raise ValueError(f"plot_data draws 2-D data: X must be (m, 2), got {X.shape}")
    y = as_float_array(y, "y", ndim=1).astype(int)
    if y.shape[0] != X.shape[0]:
        raise ValueError(f"y has {y.shape[0]} labels but X has {X.shape[0]} rows")
    for c in np.unique(y):
        pts = X[y == c]
        name = labels[c] if labels is not None else f"class {c}"
        ax.scatter(
            pts[:, 0],
            pts[:, 1],
            s=s,
            color=CLASS_COLORS[c % len(CLASS_COLORS)],
            edgecolor="white",
            linewidth=0.6,
            label=name,
            zorder=3,
            **kwargs,
        )
    return ax


def grid_for(X, resolution=100, margin=0.1):
    """A regular grid covering the data with a margin.

    Returns
    -------
    xx, yy : arrays (resolution, resolution); points : array (resolution**2, 2)
    """
    X = check_X(X)
    lo, hi = X.min(axis=0), X.max(axis=0)
    pad = margin * np.maximum(hi - lo, 1e-9)
    xs = np.linspace(lo[0] - pad[0], hi[0] + pad[0], resolution)
    ys = np.linspace(lo[1] - pad[1], hi[1] + pad[1], resolution)
    xx, yy = np.meshgrid(xs, ys)
    return xx, yy, np.column_stack([xx.ravel(), yy.ravel()])


def plot_probability(ax, f, X, resolution=100, levels=21, alpha=0.55, boundary=True):
    """Shade the probability ``f(points) -> (g,)`` of class 1 over the data's range,
    with the 0.5 contour (the decision boundary) drawn as a black line.

    Returns
    -------
    ax
    """
    ax = _ax(ax)
    xx, yy, pts = grid_for(X, resolution)
    p = np.asarray(f(pts), dtype=float).reshape(xx.shape)
    ax.contourf(xx, yy, p, levels=np.linspace(0, 1, levels), cmap=REGION_CMAP,
                alpha=alpha, zorder=1)
    if boundary and p.min() < 0.5 < p.max():
        ax.contour(xx, yy, p, levels=[0.5], colors="k", linewidths=1.5, zorder=2)
    ax.set_xlim(xx.min(), xx.max())
    ax.set_ylim(yy.min(), yy.max())
    return ax


def plot_decision_regions(ax, weights, X, y=None, activation="sigmoid",
                          resolution=100, labels=None):
    """The regions a network assigns to each class, with the data on top.

    One output unit: the probability of class 1 shaded blue-to-red and the 0.5
    boundary. Several: each point of the grid coloured by its most probable class.

    Parameters
    ----------
    ax : Axes or None
    weights : list of arrays; the network must take 2 inputs
    X : array (m, 2), the data (sets the range)
    y : array (m,), optional, labels to scatter on top

    Returns
    -------
    ax
    """
    ax = _ax(ax)
    X = check_X(X)
    weights = check_weights(weights, n_inputs=X.shape[1])
    act = get_activation(activation)

    def proba(pts):
        with np.errstate(over="ignore", invalid="ignore"):
            return _forward(weights, pts, act)[1][-1]

    n_out = weights[-1].shape[1]
    if n_out == 1:
        plot_probability(ax, lambda pts: proba(pts)[:, 0], X, resolution)
    else:
        xx, yy, pts = grid_for(X, resolution)
        cls = np.argmax(proba(pts), axis=1).reshape(xx.shape)
        cmap = ListedColormap(CLASS_COLORS[:n_out])
        ax.contourf(xx, yy, cls, levels=np.arange(n_out + 1) - 0.5, cmap=cmap,
                    alpha=0.3, zorder=1)
        ax.set_xlim(xx.min(), xx.max())
        ax.set_ylim(yy.min(), yy.max())
    if y is not None:
        plot_data(ax, X, y, labels=labels)
    return ax


def plot_line(ax, w1, w2, b, X=None, **kwargs):
    """The perceptron's line ``w1 x1 + w2 x2 + b = 0`` across the axes' x-range.

    Returns
    -------
    the Line2D artist (so a widget can move it with ``set_data``)
    """
    ax = _ax(ax)
    x1 = np.array(ax.get_xlim() if X is None else (np.min(X[:, 0]), np.max(X[:, 0])))
    xs, ys = line_points(w1, w2, b, x1)
    kwargs.setdefault("color", "k")
    kwargs.setdefault("linewidth", 2)
    (line,) = ax.plot(xs, ys, **kwargs)
    return line


def line_points(w1, w2, b, x1_range):
    """Two points on ``w1 x1 + w2 x2 + b = 0`` for drawing (vertical if w2 = 0)."""
    x1 = np.asarray(x1_range, dtype=float)
    if abs(w2) < 1e-12:
        if abs(w1) < 1e-12:
            return np.array([np.nan, np.nan]), np.array([np.nan, np.nan])
        return np.full(2, -b / w1), np.array([-1e6, 1e6])
    return x1, -(w1 * x1 + b) / w2


def plot_loss(ax, history, key="loss", label=None, **kwargs):
    """A loss (or accuracy) curve from ``train``'s history, one point per epoch.

    Returns
    -------
    ax
    """
    ax = _ax(ax)
    values = history[key] if isinstance(history, dict) else history
    epochs = np.arange(1, len(values) + 1)
    ax.plot(epochs, values, label=label, **kwargs)
    ax.set_xlabel("epoch")
    ax.set_ylabel("error E" if key == "loss" else key)
    ax.grid(alpha=0.3)
    return ax


def plot_activations(ax, names=("sigmoid", "tanh", "relu"), derivative=False,
                     x=None):
    """Curves of the named activations (or of their derivatives).

    Returns
    -------
    ax
    """
    ax = _ax(ax)
    x = np.linspace(-5, 5, 401) if x is None else np.asarray(x, dtype=float)
    for name in names:
        act = get_activation(name)
        f = act.f_prime if derivative else act.f
        ax.plot(x, f(x), label=f"{name}'" if derivative else name, linewidth=2)
    ax.axhline(0, color="0.6", linewidth=0.8)
    ax.axvline(0, color="0.6", linewidth=0.8)
    ax.set_xlabel("x")
    ax.legend()
    ax.grid(alpha=0.3)
    return ax


def plot_network(ax, weights=None, sizes=None, show_weights=True, input_labels=None,
                 output_labels=None, max_width=6.0, fmt="{:.1f}"):
    """Draw a network as a diagram: nodes by layer, a bias node "1" under each layer
    but the last, and every weight as an edge (red positive, blue negative, thickness
    by size).

    Parameters
    ----------
    ax : Axes or None
    weights : list of arrays, optional; the diagram's sizes come from them
    sizes : list of int, optional, when there are no weights (edges drawn grey)
    show_weights : bool, write each weight's value on its edge (small networks)

    Returns
    -------
    ax
    """
    ax = _ax(ax)
    if weights is not None:
        weights = check_weights(weights)
        sizes = [weights[0].shape[0] - 1] + [W.shape[1] for W in weights]
    elif sizes is None:
        raise ValueError("plot_network needs weights or sizes")
    n_layers = len(sizes)
    big = max(abs(W).max() for W in weights) if weights else 1.0
    big = big if big > 0 else 1.0

    def pos(layer, i, n):
        # nodes centred vertically; the bias node sits under the layer's nodes
        return layer, (n - 1) / 2.0 - i

    for layer in range(n_layers - 1):
        n_in, n_out = sizes[layer], sizes[layer + 1]
        for i in range(n_in + 1):
            x0, y0 = pos(layer, i, n_in + 1)
            for j in range(n_out):
                x1, y1 = pos(layer + 1, j, n_out + (1 if layer + 1 < n_layers - 1 else 0))
                if weights is not None:
                    w = weights[layer][i, j]
                    color = "#d62728" if w > 0 else "#1f77b4"
                    lw = 0.5 + max_width * abs(w) / big
                else:
                    w, color, lw = None, "0.6", 1.0
                ax.plot([x0, x1], [y0, y1], color=color, linewidth=lw, alpha=0.75,
                        zorder=1)
                if show_weights and w is not None and n_in * n_out <= 16:
                    t = 0.28
                    ax.text(x0 + t * (x1 - x0), y0 + t * (y1 - y0), fmt.format(w),
                            fontsize=8, ha="center", va="center", zorder=3,
                            bbox=dict(boxstyle="round,pad=0.15", fc="white",
                                      ec="none", alpha=0.85))
    for layer, n in enumerate(sizes):
        has_bias = layer < n_layers - 1
        total = n + (1 if has_bias else 0)
        for i in range(total):
            x, y = pos(layer, i, total)
            is_bias = has_bias and i == n
            face = "#f2f2f2" if is_bias else "white"
            ax.scatter([x], [y], s=700, facecolor=face, edgecolor="k", zorder=2)
            if is_bias:
                text = "1"
            elif layer == 0:
                text = input_labels[i] if input_labels else f"$x_{{{i + 1}}}$"
            elif layer == n_layers - 1:
                text = output_labels[i] if output_labels else (
                    r"$\hat y$" if n == 1 else f"$\\hat y_{{{i + 1}}}$")
            else:
                text = f"$h_{{{i + 1}}}$" if n_layers == 3 else ""
            ax.text(x, y, text, ha="center", va="center", fontsize=10, zorder=4)
    names = ["input"] + ["hidden"] * (n_layers - 2) + ["output"]
    top = max(sizes) / 2.0 + 0.6
    for layer, name in enumerate(names):
        ax.text(layer, top, name, ha="center", va="bottom", fontsize=10, color="0.3")
    ax.set_xlim(-0.5, n_layers - 0.5)
    ax.set_ylim(-top, top + 0.5)
    ax.set_aspect("equal", adjustable="datalim")
    ax.axis("off")
    return ax
