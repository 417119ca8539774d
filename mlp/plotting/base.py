"""The course's colours, shared by every figure, and the Axes a figure draws on.

Class 0 blue, class 1 red, class 2 green, everywhere in the book.
"""

from __future__ import annotations

from matplotlib import pyplot as plt

from .._validation import as_float_array

__all__ = [
    "CLASS_COLORS", "LABELS_ADMISSIONS", "REGION_CMAP", "axes_or_new", "check_extent",
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
