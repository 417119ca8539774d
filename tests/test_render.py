"""The render layer (mlp/widgets/render): PNG frames that decode to exactly the pixels,
and the helpers that touch an artist only when its value changes."""

import io

import numpy as np
import pytest
from PIL import Image

from matplotlib.figure import Figure

from mlp.widgets.render import (encode_png, live_text, number, set_changed, set_title,
                                value_box)


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
        encode_png(np.zeros((2, 2, 4), np.uint8), compress_level=12)


def _drawn_axes():
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = Figure()
    FigureCanvasAgg(fig)
    return fig, fig.subplots()


def test_set_changed_touches_only_what_differs():
    fig, ax = _drawn_axes()
    (line,) = ax.plot([0, 1], [0, 1], color="red", linewidth=2)
    (bar,) = ax.bar([0], [1])
    bar.set_color("0.6")  # face and edge
    fig.canvas.draw()
    assert not set_changed(line, color=(1.0, 0.0, 0.0, 1.0), linewidth=2.0)
    assert not set_changed(bar, color="0.6")
    assert not line.stale and not bar.stale  # not redrawn
    assert set_changed(line, color="blue", linewidth=2)
    assert line.stale and line.get_color() == "blue"
    assert set_changed(bar, color="tab:orange") and bar.stale


def test_set_title_leaves_an_unchanged_title_alone():
    fig, ax = _drawn_axes()
    title = set_title(ax, "epoch 1")
    assert title.get_text() == "epoch 1"
    fig.canvas.draw()
    set_title(ax, "epoch 1")
    assert not title.stale  # not redrawn
    set_title(ax, "epoch 2")
    assert title.stale and ax.get_title() == "epoch 2"
    fig.canvas.draw()
    set_title(ax, "epoch 2", color="#d62728")  # only the colour: still redrawn
    assert title.stale


def test_live_texts_are_plain_text():
    fig, ax = _drawn_axes()
    text = live_text(ax, 0.5, 0.5, "$x$ = 1")
    box = value_box(ax, (0.5, 0.2), (0.2, 0.1), fontsize=7)
    assert not text.get_parse_math() and not box.get_parse_math()
    assert len(ax.patches) == 1  # the box under the value, drawn once
    assert number(-0.25, 1) == "\u22120.2" and number(3, 0) == "3"


def test_a_demo_says_its_line_and_returns_nothing():
    """Demo.draw updates the figure and says the status line; one that returns its
    line (the old contract) is told so under the figure."""
    from mlp.widgets import Demo

    class Saying(Demo):
        defaults = {"a": 1}

        def setup(self, fig):
            self.ax = fig.subplots()

        def draw(self, a):
            self.say(f"a = {a}")

    class Returning(Saying):
        def draw(self, a):
            return f"a = {a}"

    assert Saying().update(a=2) == "a = 2"
    status = Returning().update(a=2)
    assert status.startswith("Cannot draw") and "self.say" in status
