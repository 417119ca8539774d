"""Pictures of arrays: the shapes of a matrix product (chapter 0) and images such as
the digits (chapter 14).
"""

from __future__ import annotations

import numpy as np
from matplotlib.colors import to_rgb

from .._validation import as_float_array
from .base import CLASS_COLORS, axes_or_new
from .base import over_white

__all__ = ["plot_images", "plot_matmul_shapes"]


def _shape_box(ax, x0, rows, cols, fill, label, shape_text, values=None):
    """Draw a matrix as a grid of unit cells, top-left corner at (x0, 0), rows going
    down; ``fill`` maps (i, j) to a colour, ``values`` (rows, cols) or None is written
    in the cells. The name above, the shape below."""
    from matplotlib.collections import PatchCollection
    from matplotlib.patches import Rectangle

    # the cells as one collection: one artist, not rows * cols patches (each added
    # patch would update the Axes' data limits, which are set by the caller anyway)
    cells = [Rectangle((x0 + j, -i - 1), 1, 1, facecolor=fill.get((i, j), "white"),
                       edgecolor="0.55", linewidth=0.8)
             for i in range(rows) for j in range(cols)]
    ax.add_collection(PatchCollection(cells, match_original=True), autolim=False)
    if values is not None:
        for i in range(rows):
            for j in range(cols):
                ax.text(x0 + j + 0.5, -i - 0.5, f"{values[i, j]:g}", ha="center",
                        va="center", fontsize=9)
    ax.add_patch(Rectangle((x0, -rows), cols, rows, fill=False, edgecolor="k",
                           linewidth=1.6))
    ax.text(x0 + cols / 2, 0.35, label, ha="center", va="bottom", fontsize=12)
    ax.text(x0 + cols / 2, -rows - 0.35, shape_text, ha="center", va="top",
            fontsize=11, family="monospace")


def plot_matmul_shapes(ax, m, n, k, row=0, col=0, names=("X", "W", "H"),
                       m_name=None, X=None, W=None):
    r"""The shapes of a matrix product ``H = X @ W``: (m, n) @ (n, k) -> (m, k).

    Draws the three matrices as grids of cells, row ``row`` of ``X`` and column ``col``
    of ``W`` shaded, and the one entry ``H[row, col]`` they give.

    Parameters
    ----------
    ax : matplotlib Axes or None
    m, n, k : int, the shapes: ``X`` is (m, n), ``W`` is (n, k), ``H`` is (m, k)
    row, col : int, the row of ``X`` and the column of ``W`` to shade (from 0)
    names : three str, the matrices' names (mathtext allowed)
    m_name : str, optional, a name for the number of rows (e.g. ``"m"``): the shapes
        are then written ``(m, n)`` and ``(m, k)`` with ``m`` rows drawn
    X, W : arrays of shapes (m, n) and (n, k), optional: their numbers (and those of
        ``X @ W``) are written in the cells

    Returns
    -------
    ax

    Notes
    -----
    Entry ``H[i, j]`` is row ``i`` of ``X`` against column ``j`` of ``W``:
    :math:`H_{ij} = \sum_l X_{il} W_{lj}`. Chapter 0 (numpy for this course) draws
    the slides' :math:`W^{(1)}`: (m, 3) @ (3, 2) -> (m, 2).
    """
    X, W, H = _matmul_numbers(m, n, k, row, col, names, X, W)
    ax = axes_or_new(ax)
    rows = m_name if m_name is not None else str(m)
    c_row, c_col, c_out = CLASS_COLORS[4], CLASS_COLORS[0], CLASS_COLORS[3]
    light = {c: over_white(to_rgb(c) + (0.45,)) for c in (c_row, c_col, c_out)}
    gap = 1.6
    x_w = n + gap
    x_h = x_w + k + gap
    _shape_box(ax, 0, m, n, {(row, j): light[c_row] for j in range(n)},
               f"${names[0]}$", f"({rows}, {n})", X)
    _shape_box(ax, x_w, n, k, {(i, col): light[c_col] for i in range(n)},
               f"${names[1]}$", f"({n}, {k})", W)
    _shape_box(ax, x_h, m, k, {(row, col): light[c_out] if H is not None else c_out},
               f"${names[2]}$", f"({rows}, {k})", H)
    middle = -min(m, n) / 2
    ax.text(n + gap / 2, middle, "@", ha="center", va="center", fontsize=20)
    ax.text(x_w + k + gap / 2, middle, r"$\rightarrow$", ha="center", va="center",
            fontsize=20)
    depth = max(m, n)
    centre = (x_h + k) / 2
    ax.text(centre, -depth - 1.2, f"inner sizes agree: ${names[0]}$ has {n} columns, "
            f"${names[1]}$ has {n} rows", ha="center", va="top", fontsize=10)
    ax.annotate(f"row ${names[0]}$[{row}, :] against column ${names[1]}$[:, {col}] "
                f"gives the one entry ${names[2]}$[{row}, {col}]",
                (centre, -depth - 1.2), xytext=(0, -18), textcoords="offset points",
                ha="center", va="top", fontsize=10, color=c_out)
    ax.set_xlim(-0.5, x_h + k + 0.5)
    ax.set_ylim(-depth - 3.0, 1.2)
    ax.set_aspect("equal")
    ax.axis("off")
    return ax


def _matmul_numbers(m, n, k, row, col, names, X, W):
    """``plot_matmul_shapes``'s arguments checked; returns X, W and H = X @ W as
    float arrays (all None without numbers)."""
    for name, value in (("m", m), ("n", n), ("k", k)):
        if not isinstance(value, (int, np.integer)) or isinstance(value, bool) or (
                value < 1):
            raise ValueError(f"{name} must be a positive int, got {value!r}")
    if not (0 <= row < m and 0 <= col < k):
        raise ValueError(f"row must be in 0..{m - 1} and col in 0..{k - 1}, got "
                         f"row={row}, col={col}")
    if len(names) != 3:
        raise ValueError(f"names must be three names (X, W, H), got {names!r}")
    if (X is None) != (W is None):
        raise ValueError("give both X and W, or neither")
    H = None
    if X is not None:
        X, W = as_float_array(X, "X", ndim=2), as_float_array(W, "W", ndim=2)
        if X.shape != (m, n) or W.shape != (n, k):
            raise ValueError(f"X must be ({m}, {n}) and W ({n}, {k}), got {X.shape} "
                             f"and {W.shape}")
        H = X @ W
    return X, W, H


def plot_images(ax, images, shape=(8, 8), ncols=10, titles=None, cmap="gray_r",
                vmin=None, vmax=None, fontsize=8):
    """Many small images (e.g. 8x8 digits) as one mosaic in one Axes, each framed.

    Parameters
    ----------
    ax : matplotlib Axes
    images : array of shape (n, h * w) or (n, h, w), one image per row
    shape : (h, w), the size of one image in pixels
    ncols : int, images per row of the mosaic (filled left to right, top to bottom)
    titles : sequence of n str, optional, written above each image
    cmap, vmin, vmax : the colour map and its range (default: the images' range)
    fontsize : of the titles

    Returns
    -------
    ax

    Notes
    -----
    One ``imshow`` of all the images (gaps left blank) instead of one Axes per image:
    a grid of 32 images draws several times faster. Chapter 14 shows digits and the
    first layer's weights with it.
    """
    images = _checked_images(images, shape, titles)
    h, w = shape
    n = images.shape[0]
    ncols = min(int(ncols), n)
    nrows = -(-n // ncols)
    gap_x, gap_y = 1, (3 if titles is not None else 1)  # blank pixels between images
    step_x, step_y = w + gap_x, h + gap_y
    mosaic = np.full((nrows * step_y, ncols * step_x - gap_x), np.nan)
    for k, image in enumerate(images.reshape(n, h, w)):
        row, col = divmod(k, ncols)
        top, left = row * step_y + gap_y - 1, col * step_x
        mosaic[top:top + h, left:left + w] = image
    vmin = np.nanmin(images) if vmin is None else vmin
    vmax = np.nanmax(images) if vmax is None else vmax
    ax.imshow(mosaic, cmap=cmap, vmin=vmin, vmax=vmax, interpolation="nearest")
    from matplotlib.collections import PatchCollection
    from matplotlib.patches import Rectangle

    frames = []
    for k in range(n):
        row, col = divmod(k, ncols)
        top, left = row * step_y + gap_y - 1, col * step_x
        frames.append(Rectangle((left - 0.5, top - 0.5), w, h))
        if titles is not None:
            ax.text(left + (w - 1) / 2, top - 0.7, titles[k], ha="center",
                    va="bottom", fontsize=fontsize)
    ax.add_collection(PatchCollection(frames, facecolor="none", edgecolor="0.5",
                                      linewidth=0.6))
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    return ax


def _checked_images(images, shape, titles):
    """``plot_images``'s images as a float array (n, h * w) or (n, h, w), checked
    against ``shape`` and the number of ``titles``."""
    images = as_float_array(images, "images")
    h, w = shape
    if images.ndim not in (2, 3) or images[0].size != h * w:
        raise ValueError(f"images must be (n, {h * w}) or (n, {h}, {w}) for shape "
                         f"{shape}, got {images.shape}")
    n = images.shape[0]
    if titles is not None and len(titles) != n:
        raise ValueError(f"titles must have one entry per image ({n}), got "
                         f"{len(titles)}")
    return images
