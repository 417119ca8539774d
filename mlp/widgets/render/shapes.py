"""A probability map as a live figure draws it: filled bands and level lines.

What ``contourf`` and ``contour`` draw, as paths and lines that a demo updates in
place (``set_paths``, ``set_segments``) instead of a new contour set on every move:
making a contour set creates new artists, which the blitter would have to learn and
lay out anew, and resampling an image to the size of the Axes costs more than
drawing 20 bands.
"""

from __future__ import annotations

import numpy as np

from ..._validation import as_float_array
from ...plotting.base import REGION_CMAP, check_extent, over_white

__all__ = ["level_lines", "probability_bands"]


def probability_bands(p, extent=(0.0, 1.0, 0.0, 1.0), levels=20, alpha=0.5):
    """A probability map as filled bands, for a ``PathCollection`` that a live
    figure updates (``set_paths``, ``set_facecolor``) instead of an image.

    Parameters
    ----------
    p : array (rows, columns) of probabilities on a regular grid (row i at x2)
    extent : (x1_min, x1_max, x2_min, x2_max), where the grid's corners lie
    levels : int, bands of equal width between 0 and 1
    alpha : float, how strongly the colours show over white

    Returns
    -------
    paths : list of Path, one per band that is not empty
    colors : array (len(paths), 4), opaque: :data:`REGION_CMAP` at the band's middle
        mixed with white, as ``alpha`` would show it on a white background

    Notes
    -----
    Draw them without anti-aliasing (``antialiased=False``, as ``contourf`` does):
    anti-aliased neighbouring bands leave light seams. Opaque colours, because
    neighbouring bands share a pixel here and there. Drawing 20 bands costs a
    fraction of resampling an image to the size of the Axes, and the bands look
    like the 20-level shading of :func:`mlp.plotting.plot_probability`.
    """
    from contourpy import FillType, contour_generator
    from matplotlib import colormaps
    from matplotlib.path import Path

    p = as_float_array(p, "p", ndim=2)
    p_min, p_max = float(p.min()), float(p.max())
    if p_min < 0.0 or p_max > 1.0:
        raise ValueError(
            f"p must hold probabilities in [0, 1]; got values from {p_min:.3g} to "
            f"{p_max:.3g} (scores? pass them through the sigmoid first)")
    x1_min, x1_max, x2_min, x2_max = check_extent(extent)
    generator = contour_generator(np.linspace(x1_min, x1_max, p.shape[1]),
                                  np.linspace(x2_min, x2_max, p.shape[0]), p,
                                  fill_type=FillType.OuterCode)
    edges = np.linspace(0.0, 1.0, levels + 1)
    paths, middles = [], []
    for lo, hi in zip(edges[:-1], edges[1:]):
        if hi < p_min or lo > p_max:
            continue
        polygons, codes = generator.filled(lo, hi)
        if polygons:
            paths.append(Path(np.concatenate(polygons), np.concatenate(codes)))
            middles.append((lo + hi) / 2)
    colors = over_white(colormaps[REGION_CMAP](np.array(middles)), alpha)
    return paths, colors.reshape(-1, 4)


def level_lines(z, extent=(0.0, 1.0, 0.0, 1.0), level=0.5):
    """The lines where a map ``z`` crosses ``level`` (a decision boundary), for a
    ``LineCollection`` that a live figure updates with ``set_segments``.

    Parameters
    ----------
    z : array (rows, columns), values on a regular grid: row i at x2, column j at x1
    extent : (x1_min, x1_max, x2_min, x2_max), where the grid's corners lie
    level : float

    Returns
    -------
    list of arrays (n, 2), one per line, in the coordinates of ``extent``: the lines
    ``ax.contour`` draws, without making a new artist each time.
    """
    from contourpy import contour_generator

    z = as_float_array(z, "z", ndim=2)
    x1_min, x1_max, x2_min, x2_max = check_extent(extent)
    if not z.min() < level < z.max():
        return []
    # "mpl2014", matplotlib's own algorithm: the same points as ax.contour
    lines, _ = contour_generator(np.linspace(x1_min, x1_max, z.shape[1]),
                                 np.linspace(x2_min, x2_max, z.shape[0]), z,
                                 name="mpl2014", line_type="SeparateCode").lines(level)
    return lines
