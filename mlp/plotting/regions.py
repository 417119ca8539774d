"""Data and regions: scatter plots, lines, half-planes and the regions a network draws.

Chapters 1-5: a unit's line :math:`w_1 x_1 + w_2 x_2 + b = 0`, the region where a unit
or a network says "yes", each hidden unit's line.
"""

from __future__ import annotations

import numpy as np

from .._validation import as_float_array, check_weights, check_X
from ..activations import get_activation
from ..network import forward_pass
from .base import CLASS_COLORS, REGION_CMAP, axes_or_new, check_extent
from .latex import linear_formula

__all__ = [
    "best_line",
    "grid_for", "half_plane", "hidden_and_output", "line_points", "plot_data",
    "plot_decision_regions", "plot_hidden_lines", "plot_line", "plot_probability",
    "plot_region_map", "plot_unit_regions", "region_grid",
]


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
    ax = axes_or_new(ax)
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
    ax = axes_or_new(ax)
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
    ax = axes_or_new(ax)
    X = check_X(X)
    weights = check_weights(weights, n_inputs=X.shape[1])
    act = get_activation(activation)

    def proba(pts):
        with np.errstate(over="ignore", invalid="ignore"):
            return forward_pass(weights, pts, act)[1][-1]

    n_out = weights[-1].shape[1]
    if n_out == 1:
        plot_probability(ax, lambda pts: proba(pts)[:, 0], X, resolution)
    else:
        xx, yy, pts = grid_for(X, resolution)
        p = proba(pts)
        for c in range(n_out):
            # class c wins where its probability beats every other class's: filling
            # {p_c - max_other >= 0} gives smooth regions, and no sliver of a third
            # class where two others meet (as contouring the class ids would)
            lead = (p[:, c] - np.max(np.delete(p, c, axis=1), axis=1)).reshape(
                xx.shape)
            if lead.max() < 0:
                continue
            color = CLASS_COLORS[c % len(CLASS_COLORS)]
            ax.contourf(xx, yy, lead, levels=[0, np.inf], colors=[color], alpha=0.3,
                        zorder=1)
            if lead.min() < 0:
                ax.contour(xx, yy, lead, levels=[0], colors="k", linewidths=1.0,
                           alpha=0.6, zorder=2)
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
    ax = axes_or_new(ax)
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


def half_plane(w1, w2, b, xlim, ylim):
    r"""The part of a box where :math:`w_1 x_1 + w_2 x_2 + b \ge 0` (class 1's side).

    The box is ``xlim`` by ``ylim``.

    Returns
    -------
    array of shape (k, 2): the corners of that convex polygon in order (k = 0 when
    the whole box is on the negative side).

    Examples
    --------
    >>> half_plane(1.0, 0.0, -5.0, (0, 10), (0, 10)).tolist()
    [[5.0, 0.0], [10.0, 0.0], [10.0, 10.0], [5.0, 10.0]]
    """
    box = [(xlim[0], ylim[0]), (xlim[1], ylim[0]), (xlim[1], ylim[1]),
           (xlim[0], ylim[1])]
    out = []
    for (ax_, ay), (bx, by) in zip(box, box[1:] + box[:1]):  # clip each box edge
        sa, sb = w1 * ax_ + w2 * ay + b, w1 * bx + w2 * by + b
        if sa >= 0:
            out.append((ax_, ay))
        if (sa >= 0) != (sb >= 0):
            t = sa / (sa - sb)
            out.append((ax_ + t * (bx - ax_), ay + t * (by - ay)))
    return np.array(out, dtype=float).reshape(-1, 2)


def region_grid(extent, resolution=100):
    """A regular grid over ``extent = (x1_min, x1_max, x2_min, x2_max)``.

    Returns
    -------
    xx, yy : arrays (resolution, resolution); points : array (resolution**2, 2)
    """
    x1_min, x1_max, x2_min, x2_max = check_extent(extent)
    xx, yy = np.meshgrid(np.linspace(x1_min, x1_max, resolution),
                         np.linspace(x2_min, x2_max, resolution))
    return xx, yy, np.column_stack([xx.ravel(), yy.ravel()])


def plot_region_map(ax, p, extent, boundary=True, alpha=0.75,
                    interpolation="bilinear"):
    """Shade a probability map ``p`` (resolution, resolution) over ``extent``, blue 0
    to red 1, with its 0.5 contour (the boundary) in black.

    ``p[i, j]`` is the probability at row i (x2) and column j (x1) of
    :func:`region_grid`. The image is ``ax.images[-1]`` (a demo updates it with
    ``set_data``, and passes ``interpolation="nearest"``, which draws faster).

    Returns
    -------
    ax
    """
    ax = axes_or_new(ax)
    ext = check_extent(extent)
    p = as_float_array(p, "p", ndim=2)
    ax.imshow(p, origin="lower", extent=ext, cmap=REGION_CMAP, vmin=0, vmax=1,
              alpha=alpha, aspect="auto", interpolation=interpolation, zorder=0)
    if boundary and p.min() < 0.5 < p.max():
        xx, yy = np.meshgrid(np.linspace(ext[0], ext[1], p.shape[1]),
                             np.linspace(ext[2], ext[3], p.shape[0]))
        ax.contour(xx, yy, p, levels=[0.5], colors="k", linewidths=1.5, zorder=2)
    ax.set_xlim(ext[0], ext[1])
    ax.set_ylim(ext[2], ext[3])
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    return ax


def hidden_and_output(weights, points):
    r"""The probability maps of a network with one hidden layer and one output unit:
    each hidden unit's :math:`\sigma(h_j)` and the output :math:`\hat y`.

    Parameters
    ----------
    weights : [W1, W2], W1 of shape (3, k), W2 of shape (k + 1, 1)
    points : array (g, 2)

    Returns
    -------
    array of shape (g, k + 1): column j < k is :math:`\sigma(h_{j+1})`, the last
    column is :math:`\hat y = \sigma(\sum_j W^{(2)}_{j} \sigma(h_j) + b)`.
    """
    weights = check_weights(weights, n_inputs=2)
    if len(weights) != 2 or weights[1].shape[1] != 1:
        raise ValueError(
            "weights must be [W1, W2] of one hidden layer and one output unit, got "
            f"shapes {[W.shape for W in weights]}"
        )
    with np.errstate(over="ignore", invalid="ignore"):
        act = get_activation("sigmoid")
        _, activations = forward_pass(weights, check_X(points), act)
    return np.hstack([activations[1], activations[2]])


def plot_unit_regions(axes, weights, extent, resolution=100, titles=None,
                      interpolation="bilinear", alpha=0.75):
    r"""Side by side: the region of each hidden unit, :math:`\sigma(h_j)`, and the
    region of the output unit that combines them, :math:`\hat y`.

    Parameters
    ----------
    axes : sequence of k + 1 Axes (k hidden units, then the output)
    weights : [W1, W2] with W1 of shape (3, k) and W2 of shape (k + 1, 1)
    extent : (x1_min, x1_max, x2_min, x2_max)
    resolution : int, grid points per side
    titles : sequence of k + 1 str, optional; default: the formulas, e.g.
        :math:`\sigma(5x_1 - 2x_2 + 8)`
    interpolation : str, how the images are drawn (see :func:`plot_region_map`)
    alpha : float, the opacity of the maps (lower it to show data drawn on top)

    Returns
    -------
    axes

    Notes
    -----
    Chapter 3 (Combining Regions): each hidden unit is a linear model through a
    sigmoid; the output puts a weighted sum of their probabilities through a sigmoid
    again, :math:`\hat y = \sigma(w_1 \sigma(h_1) + w_2 \sigma(h_2) + b)`.
    """
    xx, _, pts = region_grid(extent, resolution)
    maps = hidden_and_output(weights, pts)
    k = maps.shape[1] - 1
    if len(axes) != k + 1:
        raise ValueError(f"axes must hold {k + 1} Axes ({k} hidden units and the "
                         f"output), got {len(axes)}")
    W1, W2 = check_weights(weights)
    if titles is None:
        sigmas = [rf"\sigma_{{{j + 1}}}" for j in range(k)]
        titles = [rf"$\sigma_{{{j + 1}}} = \sigma({linear_formula(W1[:, j])})$"
                  for j in range(k)]
        titles.append(rf"$\hat y = \sigma({linear_formula(W2[:, 0], sigmas)})$")
    for j, ax in enumerate(axes):
        plot_region_map(ax, maps[:, j].reshape(xx.shape), extent, alpha=alpha,
                        interpolation=interpolation)
        ax.set_title(titles[j], fontsize=11)
        if j > 0 and ax.get_shared_y_axes().joined(axes[0], ax):
            ax.set_ylabel("")  # one label for a row that shares its y-axis
    return axes


def plot_hidden_lines(ax, weights, x_range=None, **kwargs):
    r"""Draw the line of every unit of a network's first layer,
    :math:`W_{1j} x_1 + W_{2j} x_2 + W_{3j} = 0`: where that unit's input sum is 0 and
    its output 0.5.

    Parameters
    ----------
    ax : Axes or None (draw the data or regions first: the lines span its x-range)
    weights : list of arrays (a network with 2 inputs) or one array of shape (3, n)
    x_range : (float, float), optional; default the axes' current x-limits
    **kwargs : passed to ``ax.plot`` (default: dashed dark grey)

    Returns
    -------
    ax (its limits unchanged)

    Notes
    -----
    Chapter 5 (What Layers can do?): every hidden unit of the first layer cuts the
    plane with one line, and the network's boundary is pieced together from them.
    """
    ax = axes_or_new(ax)
    W1 = weights if isinstance(weights, np.ndarray) else check_weights(weights)[0]
    W1 = as_float_array(W1, "weights[0]", ndim=2)
    if W1.shape[0] != 3:
        raise ValueError(
            "plot_hidden_lines draws the lines of a network with 2 inputs: its first "
            f"weight matrix must have shape (3, n), got {W1.shape}")
    xlim, ylim = ax.get_xlim(), ax.get_ylim()
    x_range = xlim if x_range is None else x_range
    kwargs.setdefault("color", "0.25")
    kwargs.setdefault("linewidth", 1.0)
    kwargs.setdefault("linestyle", "--")
    kwargs.setdefault("zorder", 2)
    for j in range(W1.shape[1]):
        label = kwargs.pop("label", None) if j == 0 else None
        ax.plot(*line_points(W1[0, j], W1[1, j], W1[2, j], x_range), label=label,
                **kwargs)
    ax.set_xlim(xlim)
    ax.set_ylim(ylim)
    return ax


# -- the best line: found exactly, not trained (chapter 2) -------------------------

def best_line(X, y):
    r"""The line that classifies the most examples of a 2-D data set correctly.

    Not trained but found exactly: every line splits the points in one of finitely
    many ways, and each is tried. Between two directions in which some pair of points
    has the same projection, the order of the projections (and so every split a line
    of that direction can make) stays the same; one direction per such interval and
    every threshold between consecutive projections, on both sides, covers all lines.

    Parameters
    ----------
    X : array of shape (m, 2), at most 1000 examples
    y : array of shape (m,) of 0/1 labels

    Returns
    -------
    W : array of shape (3, 1)
        ``(w1, w2, b)`` of the line, bias last as in the slides; ``(w1, w2)`` has
        length 1. ``mlp.accuracy([W], X, y)`` equals ``accuracy``.
    accuracy : float
        The fraction of examples the line classifies correctly; no line does better.

    Notes
    -----
    Chapter 2 (Non-Linear Regions): a line predicts 1 where
    :math:`w_1 x_1 + w_2 x_2 + b \ge 0`. The cost is about :math:`m^3 \log m`
    (under a second for m = 200). Directions closer than 1e-9 radians count as one,
    and a threshold never passes between points whose projections are that close.

    Examples
    --------
    >>> X = np.array([[0.0, 0.0], [1.0, 1.0], [1.0, 0.0], [0.0, 1.0]])
    >>> W, acc = best_line(X, np.array([0, 0, 1, 1]))     # XOR's four corners
    >>> acc
    0.75
    """
    X = check_X(X)
    if X.shape[1] != 2:
        raise ValueError(f"best_line needs 2-D data: X must be (m, 2), got {X.shape}")
    m = X.shape[0]
    if not 1 <= m <= 1000:
        raise ValueError(f"best_line takes 1 to 1000 examples, got m = {m}")
    y = np.asarray(y)
    if y.shape != (m,) or not np.all((y == 0) | (y == 1)):
        raise ValueError(f"y must be an array of shape ({m},) of 0/1 labels")
    y = y.astype(int)
    normals = _candidate_normals(X)
    count, a, k, flipped, Ps = _best_split(normals, X, y)
    if k == 0:
        t = Ps[0] - 1.0
    elif k == m:
        t = Ps[-1] + 1.0
    else:
        t = (Ps[k - 1] + Ps[k]) / 2
    W = np.array([[normals[a, 0]], [normals[a, 1]], [-t]])
    return (-W if flipped else W), count / m


def _candidate_normals(X):
    """One unit normal (w1, w2) inside each interval of directions in which no two
    points of X project to the same value (see :func:`best_line`)."""
    # directions of the normal (w1, w2) in which two points project to the same value
    i, j = np.triu_indices(X.shape[0], 1)
    d = X[j] - X[i]
    crit = np.sort(np.mod(np.arctan2(d[:, 1], d[:, 0]) + np.pi / 2, np.pi))
    if crit.size:  # parallel pairs give the same direction: keep one of each
        crit = crit[np.concatenate([[True], np.diff(crit) > 1e-9])]
        crit = np.concatenate([crit, [crit[0] + np.pi]])
    else:
        crit = np.zeros(2)
    angles = (crit[:-1] + crit[1:]) / 2  # one direction inside each interval
    return np.column_stack([np.cos(angles), np.sin(angles)])


def _best_split(normals, X, y):
    """(correct, normal's index, threshold's index, flipped, sorted projections) of
    the best threshold over every normal (see :func:`best_line`)."""
    m = X.shape[0]
    best = (-1, 0, 0, False, None)  # correct, angle, threshold, flipped, projections
    n1 = int(y.sum())
    for start in range(0, len(normals), 2048):
        P = normals[start : start + 2048] @ X.T  # (a, m) projections
        order = np.argsort(P, axis=1)
        Ps = np.take_along_axis(P, order, axis=1)
        ys = y[order]
        # threshold after the k smallest: they are called 0, the rest 1
        # correct(k) = zeros among the first k + ones among the others
        correct = n1 + np.concatenate(
            [np.zeros((len(P), 1)), np.cumsum(1 - 2 * ys, axis=1)], axis=1
        )
        # a threshold cannot pass between equal projections (repeated points)
        tol = 1e-9 * (1.0 + np.abs(Ps).max())
        tied = np.concatenate(
            [np.zeros((len(P), 1), bool), Ps[:, 1:] - Ps[:, :-1] <= tol,
             np.zeros((len(P), 1), bool)], axis=1)
        for flipped, score in ((False, correct), (True, m - correct)):
            score = np.where(tied, -1, score)
            a, k = np.unravel_index(np.argmax(score), score.shape)
            if score[a, k] > best[0]:
                best = (int(score[a, k]), start + a, k, flipped, Ps[a])
    return best
