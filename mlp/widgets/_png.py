"""A fast PNG encoder for the frames of a live demo.

Pillow chooses a filter for every row of the image by trying them all, which on a
1000 x 400 frame costs 10-20 ms however light the compression; that was the largest
single cost of a widget update once only the changed artists are redrawn. A plot is
mostly flat colour with horizontal and vertical lines, and the PNG "Up" filter (each
byte minus the byte above it) turns it into runs of zeros that zlib's fastest level
compresses well; numpy computes the filter for the whole image in one subtraction.
The result is a standard PNG (any browser or Pillow reads it) about 5 % larger than
Pillow's, in 40 % of the time (4 ms against 10 ms for a 1000 x 400 frame on the
benchmark machine).

PNG format: https://www.w3.org/TR/png-3/ (chunks, colour types 2 and 6, filter 2).
"""

from __future__ import annotations

import struct
import zlib

import numpy as np

_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_UP = 2  # the PNG filter type "Up"


def _chunk(kind: bytes, data: bytes) -> bytes:
    """One PNG chunk: length, type, data and the CRC-32 of type and data."""
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def encode_png(rgba, level: int = 1) -> bytes:
    """PNG bytes of an image, RGB when it is fully opaque, else RGBA.

    Parameters
    ----------
    rgba : uint8 array of shape (height, width, 4), such as an Agg canvas buffer
    level : zlib compression level, 0-9 (1, the default, is the fastest that packs)

    Returns
    -------
    bytes of a PNG file, 8 bits per channel, every row with the "Up" filter:
    row ``r`` is stored as ``raw[r] - raw[r - 1]`` (mod 256; row 0 as it is).
    """
    a = np.asarray(rgba)
    if a.dtype != np.uint8 or a.ndim != 3 or a.shape[2] != 4:
        raise ValueError(
            f"expected a uint8 array of shape (height, width, 4), got {a.dtype} "
            f"of shape {a.shape}")
    height, width = a.shape[:2]
    if height == 0 or width == 0:
        raise ValueError(f"the image is empty: shape {a.shape}")
    if not 0 <= level <= 9:
        raise ValueError(f"level must be 0-9 (zlib), got {level}")
    opaque = bool(a[:, :, 3].min() == 255)
    if opaque:  # RGB: a quarter less to compress. Pillow drops alpha fastest
        from PIL import Image

        a = np.ascontiguousarray(a)
        a = np.asarray(Image.frombuffer("RGBA", (width, height), a, "raw", "RGBA", 0, 1)
                       .convert("RGB"))
    raw = a.reshape(height, -1)  # one row of bytes per image row: contiguous
    rows = np.empty((height, 1 + raw.shape[1]), dtype=np.uint8)
    rows[:, 0] = _UP
    rows[0, 1:] = raw[0]
    np.subtract(raw[1:], raw[:-1], out=rows[1:, 1:])  # uint8 wraps: mod 256
    header = struct.pack(">IIBBBBB", width, height, 8, 2 if opaque else 6, 0, 0, 0)
    return (_SIGNATURE + _chunk(b"IHDR", header)
            + _chunk(b"IDAT", zlib.compress(rows.tobytes(), level))
            + _chunk(b"IEND", b""))
