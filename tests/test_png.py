"""The widgets' PNG encoder (mlp/widgets/_png.py): Pillow decodes exactly the pixels."""

import io

import numpy as np
import pytest
from PIL import Image

from mlp.widgets._png import encode_png


def _decoded(png):
    image = Image.open(io.BytesIO(png))
    image.load()
    return image


@pytest.mark.parametrize("shape", [(1, 1), (3, 5), (64, 97), (400, 1000)])
def test_opaque_images_round_trip_as_rgb(shape):
    rng = np.random.default_rng(0)
    rgba = rng.integers(0, 256, size=(*shape, 4), dtype=np.uint8)
    rgba[:, :, 3] = 255
    image = _decoded(encode_png(rgba))
    assert image.mode == "RGB"
    assert image.size == (shape[1], shape[0])
    np.testing.assert_array_equal(np.asarray(image), rgba[:, :, :3])


def test_transparent_images_keep_their_alpha():
    rng = np.random.default_rng(1)
    rgba = rng.integers(0, 256, size=(31, 17, 4), dtype=np.uint8)
    image = _decoded(encode_png(rgba))
    assert image.mode == "RGBA"
    np.testing.assert_array_equal(np.asarray(image), rgba)


def test_a_figure_frame_round_trips_and_is_compressed():
    """A real frame (flat colour and lines) packs to a fraction of its raw size."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(6, 3))
    canvas = FigureCanvasAgg(fig)
    ax = fig.subplots()
    ax.plot(np.linspace(0, 1, 50), np.linspace(0, 1, 50) ** 2)
    ax.set_title("a frame")
    canvas.draw()
    rgba = np.asarray(canvas.buffer_rgba())
    png = encode_png(rgba)
    np.testing.assert_array_equal(np.asarray(_decoded(png)), rgba[:, :, :3])
    assert len(png) < rgba[:, :, :3].nbytes / 10


@pytest.mark.parametrize("bad, match", [
    (np.zeros((4, 4, 3), np.uint8), r"shape \(height, width, 4\)"),
    (np.zeros((4, 4, 4), np.float64), "uint8"),
    (np.zeros((0, 4, 4), np.uint8), "empty"),
])
def test_bad_input_says_what_was_expected(bad, match):
    with pytest.raises(ValueError, match=match):
        encode_png(bad)


def test_level_out_of_range():
    with pytest.raises(ValueError, match="0-9"):
        encode_png(np.zeros((2, 2, 4), np.uint8), level=12)
