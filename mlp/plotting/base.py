"""The course's colours, shared by every figure (and how they show over white), and the
Axes a figure draws on.

Class 0 blue, class 1 red, class 2 green, everywhere in the book.
"""

from __future__ import annotations

import numpy as np
from matplotlib import pyplot as plt

from .._validation import as_float_array

__all__ = [
    "CLASS_COLORS", "LABELS_ADMISSIONS", "REGION_CMAP", "axes_or_new", "check_extent",
    "over_white",
]


#: Class colours (class id -> colour), and a light version for regions.
CLASS_COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"]


REGION_CMAP = "RdBu_r"


LABELS_ADMISSIONS = ("rejected", "accepted")


def axes_or_new(ax):
    if ax is None:
        _, ax = plt.subplots(figsize=(5, 4.5))
    return ax


def check_extent(extent):
    ext = as_float_array(extent, "extent").ravel()
    if ext.size != 4 or not (ext[0] < ext[1] and ext[2] < ext[3]):
        raise ValueError(
            "extent must be (x1_min, x1_max, x2_min, x2_max) with min < max, got "
            f"{extent!r}"
        )
    return tuple(float(v) for v in ext)


def over_white(rgba, alpha=None):
    """Colours as they show over a white background, made opaque.

    Parameters
    ----------
    rgba : array (..., 4) of RGBA floats in [0, 1]
    alpha : float in [0, 1], optional: the opacity to show them at (by default each
        colour's own alpha)

    Returns
    -------
    array (..., 4), a copy with alpha 1. Opaque colours draw faster (an opaque image,
    bands that may overlap at their edges) and look the same on the book's white page.

    Examples
    --------
    >>> over_white([[1.0, 0.0, 0.0, 0.5]]).tolist()
    [[1.0, 0.5, 0.5, 1.0]]
    """
    out = np.array(rgba, dtype=float)
    a = out[..., 3:] if alpha is None else alpha
    out[..., :3] = a * out[..., :3] + (1 - a)
    out[..., 3] = 1.0
    return out
