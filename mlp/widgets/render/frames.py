"""A figure's frames as PNG bytes, for the ``Image`` widget of a live demo.

One frame per update: the picture travels to the browser as a PNG once per move.

- The first frame lays the figure out (constrained layout, unless the static figure
  above the widget already did) and draws it all; then the layout engine is dropped
  and its positions kept, so that no later frame lays anything out again.
- Later frames redraw only what changed (:class:`~mlp.widgets.render.blit.Blitter`).
- :func:`encode_png` is Pillow's PNG writer at zlib level 1: a 960 x 360 playground
  frame takes about 9 ms, against 15 ms at Pillow's default level (6) for a file 7 %
  smaller. (A hand-written encoder with one "Up" filter for every row took 4.4 ms; the
  course uses Pillow, which matplotlib already needs, and stays within the 50 ms goal
  of a move: ``benchmarks/README.md``.)
"""

from __future__ import annotations

import io

import numpy as np

from .blit import Blitter

__all__ = ["Frames", "encode_png"]


def encode_png(rgba, compress_level: int = 1) -> bytes:
    """PNG bytes of an image, RGB when it is fully opaque (a quarter less to
    compress), else RGBA.

    Parameters
    ----------
    rgba : uint8 array of shape (height, width, 4), such as an Agg canvas buffer
    compress_level : zlib level, 0-9 (1, the default, is the fastest that packs)

    Returns
    -------
    bytes of a PNG file, 8 bits per channel.
    """
    from PIL import Image

    a = np.asarray(rgba)
    if a.dtype != np.uint8 or a.ndim != 3 or a.shape[2] != 4:
        raise ValueError(
            f"expected a uint8 array of shape (height, width, 4), got {a.dtype} "
            f"of shape {a.shape}")
    height, width = a.shape[:2]
    if height == 0 or width == 0:
        raise ValueError(f"the image is empty: shape {a.shape}")
    if not 0 <= compress_level <= 9:
        raise ValueError(f"compress_level must be 0-9 (zlib), got {compress_level}")
    image = Image.frombuffer("RGBA", (width, height), np.ascontiguousarray(a), "raw",
                             "RGBA", 0, 1)
    if a[:, :, 3].min() == 255:
        image = image.convert("RGB")
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=compress_level)
    return out.getvalue()


class Frames:
    """The PNG frames of one figure (which has an Agg canvas of its own).

    ``png()`` brings the figure up to date and returns its picture as PNG bytes.
    ``blitter`` is None until the first frame, then the
    :class:`~mlp.widgets.render.blit.Blitter` that redraws what changed.
    """

    def __init__(self, fig):
        self.fig = fig
        self.blitter = None
        self._laid_out = False  # drawn once (as the static figure): laid out
        fig.canvas.mpl_connect("draw_event", self._on_draw)

    def _on_draw(self, event):
        self._laid_out = True

    def png(self) -> bytes:
        """The figure now, as PNG bytes."""
        fig = self.fig
        if self.blitter is None or fig.get_layout_engine() is not None:
            if self._laid_out:  # the static figure was shown: keep its layout
                fig.set_layout_engine(None)
            fig.canvas.draw()
            # keep the positions just computed. None, not "none": "none" leaves a
            # placeholder engine, and with any engine this branch would run again
            fig.set_layout_engine(None)
            self.blitter = Blitter(fig)
            return encode_png(np.asarray(fig.canvas.buffer_rgba()))
        return encode_png(self.blitter.frame())
