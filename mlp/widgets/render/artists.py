"""The habits that keep a demo's move cheap, named so the demo says what it means.

A move costs what it makes the blitter (:mod:`.blit`) redraw: every artist a demo
touches is redrawn, whether or not its value changed, and some artists cost more to
draw than others. Four habits follow, and each has its functions here:

- **Values in plain text.** A string with ``$...$`` is laid out by mathtext, which
  parses and measures the formula anew for every new string: a few milliseconds per
  text per move. A value that changes on every move (a weight, an error) is therefore
  written in plain text with Unicode symbols (``"σ₁ = 0.25"``, a true minus sign):
  :func:`live_text` and :func:`number`. Fixed names next to them keep their maths.
- **Fixed boxes under changing values.** A text's own ``bbox`` is drawn again with
  the text; a box that fits the widest value, drawn once beneath it, is not:
  :func:`value_box`.
- **Touch only what changed.** ``set_color``, ``set_title`` and most setters mark an
  artist changed (stale) even when the new value equals the old one (``set_text``
  does not): :func:`set_changed` and :func:`set_title` compare first. An axis whose
  limits change is drawn whole, ticks and labels: :func:`nice_ceil` lets its top
  grow in a few round steps instead of with every new value.
- **Opaque images in bytes.** An RGBA image of uint8, opaque, is drawn two to three
  times faster than a translucent float one, and looks the same on the white page:
  :func:`image_bytes`.
"""

from __future__ import annotations

import numpy as np
from matplotlib.colors import same_color
from matplotlib.patches import FancyBboxPatch, Patch

__all__ = ["image_bytes", "live_text", "minus_signs", "nice_ceil", "number",
           "set_changed", "set_title", "title_values", "value_box"]


def minus_signs(text) -> str:
    """``text`` with its hyphens as true minus signs, as mathtext writes a formula
    (for a plain-text formula such as ``"2.0 x₁ - 3.0 x₂ + 1.0"``).

    >>> minus_signs("-1 x₁ - 2")
    '−1 x₁ − 2'
    """
    return text.replace("-", "\u2212")


def number(v, decimals=2) -> str:
    """``v`` with ``decimals`` decimals in plain text, with a true minus sign (as
    mathtext writes it), for a :func:`live_text`.

    >>> number(-0.5, 1)
    '−0.5'
    """
    return minus_signs(f"{v:.{decimals}f}")


def image_bytes(rgba, alpha=None):
    """Colours for an ``imshow`` that a demo redraws: as they show over white at
    opacity ``alpha`` (by default each colour's own), opaque, as uint8.

    Parameters
    ----------
    rgba : array (..., 4) of RGBA floats in [0, 1]
    alpha : float in [0, 1], optional

    Returns
    -------
    uint8 array (..., 4), alpha 255 (:func:`mlp.plotting.over_white` in bytes).

    >>> image_bytes([[1.0, 0.0, 0.0, 0.5]]).tolist()
    [[255, 128, 128, 255]]
    """
    from ...plotting import over_white

    return np.round(255 * over_white(rgba, alpha)).astype(np.uint8)


def live_text(ax, x, y, text="", **kwargs):
    """A Text that a demo rewrites on every move (``set_text``): plain text, never
    parsed as mathtext (``parse_math=False``), so a new value costs one text draw.

    Parameters
    ----------
    ax : the Axes; x, y : its position (data coordinates unless ``transform`` is given)
    text : the first text; kwargs : any other Text property (fontsize, ha, ...)
    """
    return ax.text(x, y, text, parse_math=False, **kwargs)


def title_values(ax, title, fontsize=10):
    """A title in two parts: ``title`` (fixed, maths allowed), drawn once, and right
    after it a :func:`live_text` for the values that change on every move (a new
    title would lay out the formula again). Returns the values' Text, empty."""
    fixed = ax.set_title(title, loc="left", fontsize=fontsize)
    return ax.annotate("", xy=(1, 0), xycoords=fixed, xytext=(3, 0),
                       textcoords="offset points", va="bottom", fontsize=fontsize,
                       parse_math=False)


def value_box(ax, xy, size, zorder=3, **kwargs):
    """A :func:`live_text` centred at ``xy`` on a white box of ``size`` (width,
    height, data units) drawn once beneath it: make the box fit the widest value the
    text will show. Returns the Text."""
    (x, y), (width, height) = xy, size
    ax.add_patch(FancyBboxPatch(
        (x - width / 2, y - height / 2), width, height, boxstyle="round,pad=0.01",
        fc="white", ec="none", alpha=0.85, zorder=zorder - 0.5))
    return live_text(ax, x, y, ha="center", va="center", zorder=zorder, **kwargs)


def _equal(old, new, colour):
    if colour:
        return same_color(old, new)
    try:
        return bool(np.array_equal(np.asarray(old, dtype=float),
                                   np.asarray(new, dtype=float)))
    except (TypeError, ValueError):
        return old == new


def set_changed(artist, **properties) -> bool:
    """Set only those of ``properties`` whose value differs from the artist's, so an
    artist whose values stay the same is not redrawn. A patch's ``color`` is its face
    and edge colour (as ``Patch.set_color`` sets them).

    Returns
    -------
    bool: whether anything was set.

    >>> from matplotlib.figure import Figure
    >>> (line,) = Figure().subplots().plot([0, 1], color="red")
    >>> set_changed(line, color=(1, 0, 0), linewidth=line.get_linewidth())
    False
    >>> set_changed(line, color="blue")
    True
    """
    new = {}
    for name, value in properties.items():
        colour = "color" in name
        if name == "color" and isinstance(artist, Patch):
            same = (same_color(artist.get_facecolor(), value)
                    and same_color(artist.get_edgecolor(), value))
        else:
            same = _equal(getattr(artist, f"get_{name}")(), value, colour)
        if not same:
            new[name] = value
    if new:
        artist.set(**new)
    return bool(new)


def set_title(ax, title, fontsize=10, color="black"):
    """Give ``ax`` the plain-text title ``title`` cheaply: nothing is touched if it
    already has that title and colour, and its position is fixed where matplotlib
    puts it over an Axes without tick labels on top (else every draw of the Axes
    measures its tick labels to place it).

    Returns
    -------
    the title's Text
    """
    if ax.get_title() != title:
        ax.set_title(title, fontsize=fontsize, y=1.0, parse_math=False)
    set_changed(ax.title, color=color)
    return ax.title


def nice_ceil(x, steps=(1, 2, 5)):
    """The smallest of ``steps`` times a power of ten that is at least ``x`` (> 0):
    the top of an axis that grows in a few round steps, so that it keeps still (and
    is not drawn again) while the data move below it.

    >>> nice_ceil(0.69, (1, 1.5, 2, 3, 5)), nice_ceil(120), nice_ceil(300, (1, 2, 3, 5))
    (1.0, 200.0, 300.0)
    """
    if not (np.isfinite(x) and x > 0):
        raise ValueError(f"x must be a positive number, got {x}")
    scale = 10.0 ** np.floor(np.log10(x))
    return float(next(f * scale for f in (*steps, 10) if f * scale >= x))
