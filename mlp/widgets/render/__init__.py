"""The render layer: how every demo's figure reaches the screen fast.

The demos say *what* they draw (a line's new points, a value's new text, a bar's
colour); this package decides *how* to draw it in the time a slider allows (the goal:
under 50 ms from a move to a new picture, ``benchmarks/bench_widgets.py``). Four
pieces, each with its reasons in its own docstring:

- :mod:`.frames`: :class:`Frames`, a figure's PNG frames. The first is laid out and
  drawn whole; later ones keep that layout and redraw only what changed
  (:mod:`.blit`); Pillow encodes each frame (:func:`encode_png`).
- :mod:`.blit`: :class:`Blitter`, which redraws only the artists a move changed and
  keeps the rest as pixels. It is built on matplotlib's documented blitting pieces
  (``animated`` artists, ``Artist.draw``, the Agg buffer) plus one step of its own,
  measured there: unchanging artists drawn *over* changing ones are kept as pixels.
- :mod:`.artists`: the few habits that keep a move cheap, named so that a demo's code
  says what it means: :func:`live_text` (a value redrawn on every move, in plain
  text), :func:`number` and :func:`minus_signs` (true minus signs in plain text),
  :func:`value_box` (a fixed box under such a value), :func:`title_values` (a fixed
  title and its changing values), :func:`set_title` and :func:`set_changed` (touch an
  artist only when its value really changes, since the blitter redraws everything
  touched), :func:`nice_ceil` (an axis top that keeps still while the data grow),
  :func:`image_bytes` (an opaque image in bytes, drawn faster).
- :mod:`.shapes`: a probability map as bands and level lines that a demo updates in
  place (:func:`probability_bands`, :func:`level_lines`), not a new contour set.
"""

from .artists import (
    image_bytes,
    live_text,
    minus_signs,
    nice_ceil,
    number,
    set_changed,
    set_title,
    title_values,
    value_box,
)
from .blit import Blitter
from .shapes import level_lines, probability_bands
from .frames import Frames, encode_png

__all__ = ["Blitter", "Frames", "encode_png", "image_bytes", "level_lines",
           "live_text", "minus_signs", "nice_ceil", "number", "probability_bands",
           "set_changed", "set_title", "title_values", "value_box"]
