"""What keeps the course fast, checked without a clock (timings: benchmarks/).

- A widget update redraws only what changed (``mlp/widgets/render/blit.py``), and
  the picture is still exactly a full draw's.
- A demo's update adds no artists or Axes.
- Training feeds the data forward no more often than it must.
"""

import inspect
import io

import numpy as np
import pytest
from matplotlib.figure import Figure
from PIL import Image

import mlp
import mlp.training
import mlp.widgets as widgets
from mlp.widgets._core import Demo


def _multiclass_training_demo():
    X, y = mlp.datasets.spirals(90, rng=0, classes=3, noise=0.1, turns=0.75)
    snapshots = []
    def keep(epoch, weights, history):
        if epoch in (1, 20):
            snapshots.append((epoch, weights))

    _, history = mlp.train(mlp.init_weights([2, 8, 3], rng=0), X, y, alpha=2.0,
                           epochs=20, batch_size=30, rng=0, callback=keep)
    return widgets.MulticlassTrainingDemo(snapshots, history, X, y)


FACTORIES = {
    "MulticlassTrainingDemo": _multiclass_training_demo,
    # every setting trains a network: a few epochs show the same drawing at less cost
    "ActivationDemo": lambda: widgets.ActivationDemo(epochs=5),
    # chapter 14's digits, with an untrained network (the drawing is the same)
    "DigitsDemo": lambda: widgets.DigitsDemo(
        mlp.init_weights([64, 32, 10], rng=0), *[a[:40] for a in
                                                 mlp.datasets.digits()]),
}
DEMOS = sorted(
    name for name in widgets.__all__
    if inspect.isclass(getattr(widgets, name))
    and issubclass(getattr(widgets, name), Demo) and name != "Demo"
)


def _demo(name):
    return FACTORIES[name]() if name in FACTORIES else getattr(widgets, name)()


def _moves(demo, n=None):
    """Updates that each move one control: every control (or ``n`` of them, repeated
    if there are fewer)."""
    moves = []
    for name, control in demo.controls().items():
        value = demo.values[name]
        options = getattr(control, "options", None)
        if options:
            values = [o[1] if isinstance(o, tuple) else o for o in options]
            other = next((v for v in values if v != value), None)
        elif isinstance(value, bool):
            other = not value
        elif hasattr(control, "max"):
            step = (control.max - control.min) / 7
            other = value + step if value + step <= control.max else value - step
            other = type(value)(round(other)) if isinstance(value, int) else other
        else:
            other = None
        if other is not None and other != value:
            moves.append({name: other})
    if n is None:
        return moves
    return moves[:n] if len(moves) >= n else (moves * n)[:n]


def _pixels(png):
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA")).astype(int)


def _full_draw(demo):
    demo.fig.canvas.draw()
    return np.asarray(demo.fig.canvas.get_renderer().buffer_rgba()).astype(int)


def _count_figure_draws(monkeypatch):
    calls = []
    original = Figure.draw

    def counting(self, renderer):
        calls.append(self)
        return original(self, renderer)

    monkeypatch.setattr(Figure, "draw", counting)
    return calls


#: The Axes of a demo that some controls redraw whole, and those controls: they
#: change its size or its axis (a new diagram, a longer axis, a new error scale). Any
#: other full draw or Axes drawn whole on a move is a slowdown.
REDRAWN_WHOLE = {
    "LayersDemo": (("ax_net",), {"depth", "units"}),  # a new network diagram
    "LearningRateDemo": (("ax_loss",), {"epochs"}),  # a longer error axis
    "ShapesDemo": (("ax",), {"m", "n", "k"}),  # a new grid of cells
    # a new network: a new diagram; another activation: a new error scale
    "Playground": (("ax_net", "ax_loss"), {"layers", "units", "features",
                                            "activation"}),
}


@pytest.mark.parametrize("name", DEMOS)
def test_an_update_redraws_only_what_changed_and_looks_the_same(name, monkeypatch):
    """Each control dragged back and forth, as a student does: once it has moved,
    moving it again draws only what it changes (no full figure draw, which lays out
    every axis and label again; no Axes drawn whole), adds no artists, never fails,
    and the frame is the picture a full draw makes."""
    demo = _demo(name)
    demo.fig.set_layout_engine(None)  # the layout is not under test: skip its cost
    demo.render()
    start = dict(demo.values)
    counts = [len(ax.get_children()) for ax in demo.fig.axes]
    axes_names, controls = REDRAWN_WHOLE.get(name, ((), set()))
    calls = _count_figure_draws(monkeypatch)
    slow, statuses = {}, []
    for move in _moves(demo):
        back = {key: start[key] for key in move}
        for values in (move, back):  # learn what this control changes
            demo.update(**values)
            demo.render()
        before = len(calls)
        for values in (move, back):  # and again: the same artists change
            statuses.append(demo.update(**values))
            png = demo.render()
        if set(move) & controls:
            continue
        whole = [ax for ax in demo.frames.blitter.whole]
        if len(calls) > before or whole:
            slow[next(iter(move))] = (len(calls) - before, len(whole))
    assert not slow, f"{name}: control: (full draws, Axes drawn whole) {slow}"
    assert not [s for s in statuses if s.startswith("Cannot draw")], statuses
    assert [len(ax.get_children()) for ax in demo.fig.axes] == counts
    frame, full = _pixels(png), _full_draw(demo)
    assert frame.shape == full.shape
    diff = np.abs(frame - full)
    # rounding at anti-aliased edges only: no missing or stale artist
    assert diff.max() <= 16, f"{name}: a pixel differs by {diff.max()}"
    assert diff.mean() < 0.05
    for axes_name in axes_names:  # the exceptions name real Axes
        assert getattr(demo, axes_name) in demo.fig.axes


def test_a_savefig_in_between_is_seen():
    """A full draw by someone else (the static figure shown in the notebook) must not
    leave a later frame with stale pixels."""
    demo = widgets.PerceptronDemo()
    demo.render()
    demo.update(b=-8.0)
    demo.render()
    demo.update(w1=2.0)
    demo.fig.savefig(io.BytesIO(), format="png")  # draws it all, clears "stale"
    frame = _pixels(demo.render())
    assert np.abs(frame - _full_draw(demo)).max() <= 16


def _count_forward(monkeypatch):
    calls = []
    original = mlp.training.forward_pass

    def counting(weights, X, act):
        calls.append(X.shape[0])
        return original(weights, X, act)

    monkeypatch.setattr(mlp.training, "forward_pass", counting)
    return calls


def test_full_batch_training_feeds_forward_once_per_epoch(monkeypatch):
    X, y = mlp.datasets.xor(40, rng=0)
    calls = _count_forward(monkeypatch)
    mlp.train(mlp.init_weights([2, 4, 1], rng=0), X, y, alpha=1.0, epochs=10)
    # the first step's own pass, then one per epoch: its error, reused by the next step
    assert calls == [40] * 11


def test_minibatch_training_feeds_each_example_forward_once_per_step_and_error(
        monkeypatch):
    X, y = mlp.datasets.xor(40, rng=0)
    calls = _count_forward(monkeypatch)
    monkeypatch.setattr(mlp.network, "forward_pass", mlp.training.forward_pass)
    mlp.train(mlp.init_weights([2, 4, 1], rng=0), X, y, alpha=1.0, epochs=3,
              batch_size=16, rng=0)
    # per epoch: batches of 16, 16, 8, then the error on all 40
    assert calls == [16, 16, 8, 40] * 3


def test_a_running_history_feeds_each_example_forward_once_per_epoch(monkeypatch):
    """history="running" takes the error from the steps' own forward passes."""
    X, y = mlp.datasets.xor(40, rng=0)
    calls = _count_forward(monkeypatch)
    mlp.train(mlp.init_weights([2, 4, 1], rng=0), X, y, alpha=1.0, epochs=3,
              batch_size=16, rng=0, history="running")
    assert calls == [16, 16, 8] * 3


def test_update_network_draws_what_plot_network_draws():
    import matplotlib.pyplot as plt

    from mlp import plotting

    old, new = (mlp.init_weights([2, 8, 8, 1], rng=seed) for seed in (0, 1))
    fig_a, ax_a = plt.subplots()
    plotting.plot_network(ax_a, old, show_weights=False)
    assert plotting.update_network(ax_a, new) is ax_a
    fig_b, ax_b = plt.subplots()
    plotting.plot_network(ax_b, new, show_weights=False)
    fig_a.canvas.draw()
    fig_b.canvas.draw()
    assert np.array_equal(np.asarray(fig_a.canvas.buffer_rgba()),
                          np.asarray(fig_b.canvas.buffer_rgba()))


def test_update_network_rejects_other_diagrams():
    from mlp import plotting

    ax = plotting.plot_network(None, mlp.init_weights([2, 4, 1], rng=0),
                               show_weights=False)
    with pytest.raises(ValueError, match="shapes"):
        plotting.update_network(ax, mlp.init_weights([2, 3, 1], rng=0))
    with pytest.raises(ValueError, match="values"):
        plotting.update_network(plotting.plot_network(None, mlp.init_weights(
            [2, 2, 1], rng=0)), mlp.init_weights([2, 2, 1], rng=1))
    with pytest.raises(ValueError, match="plot_network"):
        plotting.update_network(plotting.plot_data(None, np.zeros((2, 2)), [0, 1]),
                                mlp.init_weights([2, 1], rng=0))
    with pytest.raises(TypeError):
        plotting.update_network(ax, "weights")


def test_importing_plotting_leaves_pyplot_as_it_was():
    """Issue 14: importing mlp.plotting (and the widgets) switches no backend and
    changes no display hook, in a notebook kernel with the inline backend."""
    import nbclient
    from nbformat.v4 import new_code_cell, new_notebook

    nb = new_notebook(cells=[
        # pyplot in use first, as in a chapter: its backend chosen, its display hook
        # and its post-execute callback installed (before that there is nothing to
        # change, and the test could not fail)
        new_code_cell("import matplotlib, matplotlib.pyplot as plt\n"
                      "plt.figure()\n"
                      "plt.close('all')\n"
                      "def state():\n"
                      "    ip = get_ipython()\n"
                      "    return (dict.__getitem__(matplotlib.rcParams, 'backend'),\n"
                      "            plt._REPL_DISPLAYHOOK, plt.show, plt.switch_backend,\n"
                      "            list(ip.events.callbacks['post_execute']),\n"
                      "            list(ip.display_formatter.formatters['image/png']\n"
                      "                 .type_printers))\n"
                      "before = state()\n"
                      "print(before[0], len(before[4]))"),
        new_code_cell("from mlp import plotting\nimport mlp.plotting.descent\n"
                      "import mlp.plotting.graph\nimport mlp.widgets"),
        new_code_cell("print(state() == before)"),
    ])
    nbclient.NotebookClient(nb, kernel_name="python3", timeout=60).execute()
    backend, callbacks = nb.cells[0].outputs[0]["text"].split()
    assert "inline" in backend and int(callbacks) >= 1  # pyplot was set up
    assert nb.cells[2].outputs[0]["text"].strip() == "True"


def test_importing_plotting_in_a_script_switches_no_backend():
    import subprocess
    import sys

    code = ("import matplotlib\n"
            "before = dict.__getitem__(matplotlib.rcParams, 'backend')\n"
            "from mlp import plotting\n"
            "import matplotlib.pyplot as plt\n"
            "after = dict.__getitem__(matplotlib.rcParams, 'backend')\n"
            "assert before == after, (before, after)\n"
            "assert plt._REPL_DISPLAYHOOK is plt._ReplDisplayHook.NONE\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


class _TwoTexts(Demo):
    """A demo whose two controls change one text each."""

    defaults = {"a": 0, "b": 0}
    figsize = (4, 2)

    def controls(self):  # pragma: no cover - not used headless
        return {}

    def setup(self, fig):
        ax = fig.subplots()
        self.text_a = ax.text(0.1, 0.6, "")
        self.text_b = ax.text(0.1, 0.2, "")

    def draw(self, a, b):
        self.text_a.set_text(f"a = {a}")
        self.text_b.set_text(f"b = {b}")


def test_an_artist_that_keeps_still_is_kept_as_pixels_again():
    """Moving one control, then another: the first control's artists stop being
    redrawn after a few frames (``render.blit.STILL``); the frame stays a full
    draw's."""
    from mlp.widgets.render.blit import STILL

    demo = _TwoTexts()
    demo.render()
    for a in (1, 2):
        demo.update(a=a)
        demo.render()
    assert demo.text_a in demo.frames.blitter.live
    for b in range(1, STILL + 2):
        demo.update(b=b)
        png = demo.render()
    assert demo.text_a not in demo.frames.blitter.live
    assert demo.text_b in demo.frames.blitter.live
    frame, full = _pixels(png), _full_draw(demo)
    assert np.abs(frame - full).max() <= 16
    demo.update(a=7)  # and it comes back when it changes again
    frame = _pixels(demo.render())
    assert demo.text_a in demo.frames.blitter.live
    assert np.abs(frame - _full_draw(demo)).max() <= 16


def test_a_playground_frame_redraws_only_what_changed(monkeypatch):
    """The live loop's frames (the unit maps, both error curves, the regions) draw
    no whole figure once the epoch axis keeps still, add no artists, and each frame
    is the picture a full draw makes."""
    pg = widgets.Playground(layers=2, units=4, features=("x1^2",), epochs_per_tick=5)
    pg.step(120)  # the epoch axis now stays at 200 for the frames below
    pg.draw()
    pg.render()
    counts = [len(ax.get_children()) for ax in pg.fig.axes]
    for _ in range(4):  # learn what a frame changes
        pg.tick()
        pg.render()
    calls = _count_figure_draws(monkeypatch)
    for _ in range(3):
        pg.tick()
        png = pg.render()
    assert not calls, f"{len(calls)} full draws in 3 frames"
    assert [len(ax.get_children()) for ax in pg.fig.axes] == counts
    assert pg.maps in pg.frames.blitter.live
    diff = np.abs(_pixels(png) - _full_draw(pg))
    # rounding at anti-aliased edges (kept pixels laid over the maps' image, whose
    # edges fall between pixels: a pixel or two differ by up to 31 of 255)
    assert (diff > 16).any(axis=2).sum() <= 3 and diff.max() <= 40
    assert diff.mean() < 0.05
