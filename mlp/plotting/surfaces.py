"""Surfaces in 3-D: the sigmoid's probability over the plane, and a plane through
three features (chapters 2 and 5).
"""

from __future__ import annotations

import numpy as np

from .._validation import as_float_array, check_X
from .base import CLASS_COLORS, REGION_CMAP
from .regions import line_points

__all__ = ["plot_plane", "plot_probability_surface"]


def plot_probability_surface(ax, w1, w2, b, xlim=(-3.0, 3.0), ylim=(-3.0, 3.0),
                             resolution=40, cmap=REGION_CMAP):
    r"""The probability :math:`\sigma(w_1 x_1 + w_2 x_2 + b)` of one sigmoid unit as
    a surface over the plane, with its 0.5 line drawn on the surface and on the floor.

    Parameters
    ----------
    ax : a 3-D Axes (``fig.add_subplot(projection="3d")``)
    w1, w2, b : float, the unit's weights and bias
    xlim, ylim : (float, float), the square of the plane to draw
    resolution : int, grid points per side

    Returns
    -------
    ax

    Notes
    -----
    Chapter 5 (What Layers can do?): a unit with two inputs is a sloping step in 3-D;
    its boundary, the line :math:`w_1 x_1 + w_2 x_2 + b = 0`, is where the step
    crosses height 0.5.
    """
    from ..activations import sigmoid

    if getattr(ax, "name", "") != "3d":
        raise TypeError("plot_probability_surface needs a 3-D Axes: "
                        "fig.add_subplot(projection='3d')")
    for name, v in (("w1", w1), ("w2", w2), ("b", b)):
        if isinstance(v, bool) or not isinstance(v, (int, float, np.floating,
                                                     np.integer)) or not np.isfinite(v):
            raise TypeError(f"{name} must be a finite number, got {v!r}")
    x1 = np.linspace(*xlim, resolution)
    x2 = np.linspace(*ylim, resolution)
    xx, yy = np.meshgrid(x1, x2)
    p = sigmoid(w1 * xx + w2 * yy + b)
    ax.plot_surface(xx, yy, p, cmap=cmap, vmin=0, vmax=1, alpha=0.85,
                    linewidth=0, antialiased=True, rcount=resolution,
                    ccount=resolution)
    xs, ys = line_points(w1, w2, b, xlim)
    if np.all(np.isfinite(xs)):
        # the 0.5 line, clipped to the square: on the surface and on the floor
        t = np.linspace(0, 1, 50)
        lx, ly = xs[0] + t * (xs[1] - xs[0]), ys[0] + t * (ys[1] - ys[0])
        inside = (ly >= ylim[0]) & (ly <= ylim[1]) & (lx >= xlim[0]) & (lx <= xlim[1])
        ax.plot(lx[inside], ly[inside], np.full(inside.sum(), 0.5), color="k",
                linewidth=2.5, zorder=5)
        ax.plot(lx[inside], ly[inside], np.zeros(inside.sum()), color="k",
                linewidth=1.5, linestyle="--", zorder=5)
    ax.set_xlim(xlim)
    ax.set_ylim(ylim)
    ax.set_zlim(0, 1)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.set_zlabel(r"$\sigma$")
    return ax


def plot_plane(ax, w, b, X=None, y=None, lim=None, labels=None, resolution=10):
    r"""The plane :math:`w_1 x_1 + w_2 x_2 + w_3 x_3 + b = 0` in 3-D, where a unit
    with three inputs gives probability 0.5, with the 3-D data on either side.

    Parameters
    ----------
    ax : a 3-D Axes (``fig.add_subplot(projection="3d")``)
    w : sequence of 3 floats; ``w[2]`` must not be 0 (the plane is drawn as
        :math:`x_3 = -(w_1 x_1 + w_2 x_2 + b) / w_3`)
    b : float
    X : array (m, 3), optional; y : array (m,) of 0/1, optional
    lim : ((lo, hi), (lo, hi), (lo, hi)), optional; default the data's range
    labels : sequence of str, optional, a legend name per class

    Returns
    -------
    ax

    Notes
    -----
    Chapter 5 (What Layers can do?): with three inputs a unit's boundary is a plane;
    with n inputs, a hyperplane of n - 1 dimensions.
    """
    if getattr(ax, "name", "") != "3d":
        raise TypeError("plot_plane needs a 3-D Axes: fig.add_subplot(projection='3d')")
    w = as_float_array(w, "w", ndim=1)
    if w.shape != (3,):
        raise ValueError(f"w must hold 3 weights (w1, w2, w3), got shape {w.shape}")
    if abs(w[2]) < 1e-12:
        raise ValueError("w3 must not be 0: the plane is drawn as a function of x1, x2")
    if X is not None:
        X = check_X(X)
        if X.shape[1] != 3:
            raise ValueError(f"X must have shape (m, 3), got {X.shape}")
    if lim is None:
        lim = (((0.0, 1.0),) * 3 if X is None
               else tuple(zip(X.min(axis=0), X.max(axis=0))))
    (a0, a1), (c0, c1), (z0, z1) = lim
    xx, yy = np.meshgrid(np.linspace(a0, a1, resolution), np.linspace(c0, c1,
                                                                       resolution))
    zz = -(w[0] * xx + w[1] * yy + b) / w[2]
    zz = np.where((zz >= z0) & (zz <= z1), zz, np.nan)  # only inside the box
    ax.plot_surface(xx, yy, zz, color="0.6", alpha=0.45, linewidth=0,
                    edgecolor="none")
    ax.plot_wireframe(xx, yy, zz, color="0.35", linewidth=0.4, rcount=resolution,
                      ccount=resolution)
    if X is not None and y is not None:
        y = as_float_array(y, "y", ndim=1).astype(int)
        if y.shape[0] != X.shape[0]:
            raise ValueError(f"y has {y.shape[0]} labels but X has {X.shape[0]} rows")
        for c in np.unique(y):
            pts = X[y == c]
            ax.scatter(pts[:, 0], pts[:, 1], pts[:, 2], s=14,
                       color=CLASS_COLORS[c % len(CLASS_COLORS)], depthshade=False,
                       label=labels[c] if labels is not None else f"class {c}")
    ax.set_xlim(a0, a1)
    ax.set_ylim(c0, c1)
    ax.set_zlim(z0, z1)
    return ax
