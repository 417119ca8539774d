"""Chapter 9's pictures: the error over two weights with the path gradient descent
takes on it, and a misclassified point pulling the perceptron's line toward itself.

The perceptron is the one-layer network ``[W]`` with ``W = (w1, w2, b)`` as a (3, 1)
column, as everywhere in `mlp`. The computing functions (:func:`error_over_two_weights`,
:func:`descent_path`) use `mlp`'s own feedforward, cross-entropy and backpropagation;
the drawing functions take an ``ax`` (or a row of axes) and return it, like
the rest of :mod:`mlp.plotting`.
"""

from __future__ import annotations

import numpy as np

from .._validation import as_float_array, check_positive, check_positive_int, check_X
from ..activations import sigmoid
from ..backpropagation import backprop
from ..losses import log_loss
from ..network import add_bias, feedforward
from ..training import gradient_descent_step
from .base import CLASS_COLORS
from .regions import half_plane, line_points, plot_data

__all__ = [
    "descent_path",
    "error_over_two_weights",
    "plot_descent_path",
    "plot_error_contours",
    "plot_line_pulled",
]


def _perceptron(w):
    """``(w1, w2, b)`` as the weights ``[W]`` of the one-layer network, W (3, 1)."""
    w = as_float_array(w, "w").ravel()
    if w.shape != (3,):
        raise ValueError(f"w must hold the three weights (w1, w2, b), got {w.size}")
    return [w.reshape(3, 1)]


def _data(X, y):
    X = check_X(X)
    if X.shape[1] != 2:
        raise ValueError(f"X must have shape (m, 2) for the perceptron's (w1, w2), "
                         f"got {X.shape}")
    y = as_float_array(y, "y").ravel()
    if y.shape[0] != X.shape[0]:
        raise ValueError(f"y has {y.shape[0]} labels but X has {X.shape[0]} rows")
    return X, y


def error_over_two_weights(X, y, w1_values, w2_values, b):
    r"""The error E of the perceptron for every pair ``(w1, w2)``, the bias fixed.

    Parameters
    ----------
    X : array of shape (m, 2); y : array of shape (m,) of 0/1 labels
    w1_values : array of shape (n1,); w2_values : array of shape (n2,)
    b : float, the bias, the same for every pair

    Returns
    -------
    array of shape (n2, n1): ``E[j, i]`` is E at ``(w1_values[i], w2_values[j])``,
    the layout of ``ax.contour(w1_values, w2_values, E)``.

    Notes
    -----
    .. math:: E(w_1, w_2) = -\frac{1}{m} \sum_{i=1}^m \left[ y_i \ln \hat y_i +
              (1 - y_i) \ln(1 - \hat y_i) \right], \quad
              \hat y_i = \sigma(w_1 x_{i1} + w_2 x_{i2} + b)

    Chapter 9 (Gradient Descent): the landscape that gradient descent walks down.
    """
    X, y = _data(X, y)
    w1_values = as_float_array(w1_values, "w1_values", ndim=1)
    w2_values = as_float_array(w2_values, "w2_values", ndim=1)
    b = float(as_float_array(b, "b"))
    A, B = np.meshgrid(w1_values, w2_values)
    # every pair's weights as one column: W is (3, n1 n2), and y_hat (m, n1 n2) is
    # sigma((x1, x2, 1) W) for all the perceptrons at once
    W = np.vstack([A.ravel(), B.ravel(), np.full(A.size, b)])
    y_hat = sigmoid(add_bias(X) @ W)
    errors = log_loss(np.repeat(y, A.size), y_hat.ravel())   # each example, each pair
    return errors.reshape(y.size, *A.shape).mean(axis=0)


def descent_path(X, y, w_start, alpha, steps, train_bias=True):
    r"""The weights ``(w1, w2, b)`` after 0, 1, ..., ``steps`` steps of gradient
    descent on the perceptron's error.

    Parameters
    ----------
    X : array of shape (m, 2); y : array of shape (m,) of 0/1 labels
    w_start : the starting ``(w1, w2, b)``
    alpha : float > 0, the learning rate
    steps : int > 0, how many steps (each on all m examples)
    train_bias : bool
        False keeps ``b`` fixed (its gradient is set to 0), so that the path stays on
        the plane of :func:`error_over_two_weights`.

    Returns
    -------
    array of shape (steps + 1, 3), row ``t`` the weights after ``t`` steps.

    Notes
    -----
    Each step is :math:`w \leftarrow w - \alpha \nabla E` with `mlp`'s backprop and
    gradient_descent_step (chapter 9).
    """
    X, y = _data(X, y)
    weights = _perceptron(w_start)
    alpha = check_positive(alpha, "alpha")
    steps = check_positive_int(steps, "steps")
    path = [weights[0][:, 0]]
    for _ in range(steps):
        grad = backprop(weights, X, y)[0]
        if not train_bias:
            grad[2] = 0.0  # b stays where it is
        weights = gradient_descent_step(weights, [grad], alpha)
        path.append(weights[0][:, 0])
    return np.array(path)


def plot_error_contours(ax, w1_values, w2_values, E, levels=None, label_levels=True):
    """Contour lines of the error over the ``(w1, w2)`` plane, shaded darker where
    the error is larger, and a star at the lowest error on the grid.

    Parameters
    ----------
    ax : matplotlib Axes
    w1_values, w2_values, E : as given and returned by :func:`error_over_two_weights`
    levels : sequence of float, optional, the error of each contour line
        (default: 12 levels spaced evenly in ln E, so that the valley floor shows)
    label_levels : bool, write the error on the lines

    Returns
    -------
    ax
    """
    E = as_float_array(E, "E", ndim=2)
    if levels is None:
        lo, hi = np.log(E.min() * 1.05), np.log(np.percentile(E, 90))
        levels = np.round(np.exp(np.linspace(lo, hi, 12)), 2)
        levels = np.unique(levels[levels > 0])
    top = max(E.max(), levels[-1]) * 1.01
    ax.contourf(w1_values, w2_values, E, levels=[0, *levels, top], cmap="Greys",
                alpha=0.35)
    lines = ax.contour(w1_values, w2_values, E, levels=levels, colors="0.35",
                       linewidths=0.8)
    if label_levels:
        ax.clabel(lines, fontsize=7, fmt="%g", colors="0.2")
    j, i = np.unravel_index(np.argmin(E), E.shape)
    ax.plot(w1_values[i], w2_values[j], marker="*", color="k", markersize=11,
            linestyle="none", label=f"lowest E on the grid, {E[j, i]:.3f}")
    ax.set_xlabel("$w_1$")
    ax.set_ylabel("$w_2$")
    return ax


def plot_descent_path(ax, path, color="#d62728", label=None, arrows=True):
    """The path of gradient descent over the ``(w1, w2)`` plane: a dot per step and
    an arrow from each step to the next.

    Parameters
    ----------
    ax : matplotlib Axes
    path : array of shape (T, 2) or (T, 3), as from :func:`descent_path`
    color : the path's colour; label : its legend entry
    arrows : bool, draw the arrows (else a line through the dots)

    Returns
    -------
    ax
    """
    path = as_float_array(path, "path", ndim=2)
    if path.shape[1] not in (2, 3) or path.shape[0] < 1:
        raise ValueError(f"path must have shape (T, 2) or (T, 3), got {path.shape}")
    w1, w2 = path[:, 0], path[:, 1]
    ax.plot(w1, w2, marker="o", markersize=3.5, color=color, label=label,
            linestyle="none" if arrows else "-", linewidth=1.0, zorder=4)
    ax.plot(w1[:1], w2[:1], marker="s", markersize=6, color=color, zorder=4,
            linestyle="none")
    if arrows and path.shape[0] > 1:
        ax.quiver(w1[:-1], w2[:-1], np.diff(w1), np.diff(w2), color=color,
                  angles="xy", scale_units="xy", scale=1, width=0.004,
                  headwidth=4, headlength=5, zorder=4)
    return ax


def plot_line_pulled(axes, path, x, y, steps, xlim=(0.0, 10.0), ylim=(0.0, 10.0),
                     labels=None):
    r"""Snapshots of the perceptron's line as gradient descent on one point moves it.

    One panel per entry of ``steps``: the sides of the line (red where the score is
    positive, class 1; blue where it is negative), the line of that step in black, the
    line of the snapshot before it dashed grey, the point, and an arrow from the
    line's nearest point to the point while the point is on the wrong side: the pull.

    Parameters
    ----------
    axes : sequence of matplotlib Axes, one per entry of ``steps``
    path : array of shape (T, 3), rows ``(w1, w2, b)`` as from :func:`descent_path`
    x : array of shape (1, 2), the point; y : array of shape (1,), its label
    steps : sequence of int, the rows of ``path`` to draw
    xlim, ylim : the panels' ranges; labels : pair of str, the classes' names

    Returns
    -------
    axes

    Notes
    -----
    Chapter 9: each step is :math:`w \leftarrow w - \alpha (\hat y - y)(x_1, x_2, 1)`.
    """
    path = as_float_array(path, "path", ndim=2)
    x, y = _data(x, y)
    if path.shape[1] != 3:
        raise ValueError(f"path must have shape (T, 3), got {path.shape}")
    steps = [int(s) for s in steps]
    if len(axes) != len(steps) or not all(0 <= s < len(path) for s in steps):
        raise ValueError(f"give one axes per step, each step a row of path (0 to "
                         f"{len(path) - 1}); got {len(axes)} axes and steps {steps}")
    for k, (ax, s) in enumerate(zip(axes, steps)):
        w1, w2, b = path[s]
        _shade_sides(ax, w1, w2, b, xlim, ylim)
        if k > 0:
            ax.plot(*line_points(*path[steps[k - 1]], list(xlim)), color="0.45",
                    linestyle="--", linewidth=1.2)
        ax.plot(*line_points(w1, w2, b, list(xlim)), color="k", linewidth=2.2)
        score = float(add_bias(x)[0] @ path[s])
        wrong = (score >= 0) != (y[0] == 1)
        if wrong:  # the nearest point of the line, and an arrow to the point
            foot = x[0] - score * np.array([w1, w2]) / (w1**2 + w2**2)
            ax.annotate("", xy=x[0], xytext=foot, zorder=5,
                        arrowprops=dict(arrowstyle="->", color="k", lw=1.4))
        plot_data(ax, x, y, labels=labels, s=70)
        p = float(feedforward(_perceptron(path[s]), x)[0, 0])
        ax.set_title(f"step {s}: $\\hat y$ = {p:.2f}"
                     + ("" if wrong else ", right side"), fontsize=10)
        ax.set_xlim(*xlim)
        ax.set_ylim(*ylim)
        ax.set_xlabel("$x_1$")
        ax.set_aspect("equal")
    axes[0].set_ylabel("$x_2$")
    return axes


def _shade_sides(ax, w1, w2, b, xlim, ylim):
    """Tint the two sides of the line w1 x1 + w2 x2 + b = 0 in ``ax``: red where the
    score is positive (class 1), blue where it is negative."""
    from matplotlib.patches import Polygon

    for sign, color in ((1, CLASS_COLORS[1]), (-1, CLASS_COLORS[0])):
        corners = half_plane(sign * w1, sign * w2, sign * b, xlim, ylim)
        if len(corners):
            ax.add_patch(Polygon(corners, closed=True, facecolor=color,
                                 alpha=0.13, edgecolor="none", zorder=0))
