"""The playground: train a network live, in the spirit of TensorFlow Playground.

Everything it runs is ``mlp``: the data come from :mod:`mlp.datasets`, the weights from
:func:`mlp.init_weights`, and every epoch of training is one call of :func:`mlp.train`
(feedforward, backpropagation, ``W <- W - alpha dE/dW``). This module only keeps the
state between calls and draws it.

The core is plain methods that a test (or a notebook cell) can call directly:

- ``reset()`` draws new weights and clears the history;
- ``step(epochs)`` trains that many more epochs with ``mlp.train`` and extends the
  history (never past ``max_epochs``; a divergence becomes a message);
- ``draw()`` updates the figure's artists and returns the status line;
- ``tick()`` is one frame of the live loop: ``step`` then ``draw``.

``widget()`` wraps this in buttons (start, pause, step, reset): the live loop is an
asyncio task in the kernel's event loop that calls ``tick()`` and then
``await asyncio.sleep(...)``, so button clicks are handled between frames and the
notebook never freezes. ``record()`` returns an animation of a run for the HTML book.
"""

from __future__ import annotations

import asyncio
import html
import numbers
import textwrap

import numpy as np
from matplotlib import colormaps
from matplotlib.animation import FuncAnimation
from matplotlib.colors import to_rgb
from matplotlib.transforms import ScaledTranslation

from .. import datasets, plotting
from .._validation import check_positive, check_positive_int
from ..activations import ACTIVATIONS, get_activation
from ..network import _forward, init_weights
from ..training import DivergenceError, _loss_and_accuracy, train
from ._core import Demo, nice_ceil

__all__ = ["Playground", "region_colors"]

#: Settings that change how training continues, not what is trained: changing them
#: keeps the current weights (as in TensorFlow Playground). Any other change resets.
CONTINUE_SETTINGS = ("alpha", "batch_size")


def region_colors(y_hat, alpha=0.55):
    r"""The colour of every grid point from the network's output, as an RGBA image.

    Parameters
    ----------
    y_hat : array of shape (g, n_out)
        Probabilities: one column (class 1) for a sigmoid output, or softmax rows.
    alpha : float in [0, 1], the image's opacity

    Returns
    -------
    array of shape (g, 4), floats in [0, 1].

    Notes
    -----
    One output: blue for class 0, white where :math:`\hat y = 0.5` (the decision
    boundary), red for class 1, as in every region plot of the book. Several outputs:
    the class colours mixed in proportion to the probabilities, so an uncertain point
    looks greyish.
    """
    y_hat = np.asarray(y_hat, dtype=float)
    if y_hat.ndim != 2 or y_hat.shape[1] < 1:
        raise ValueError(f"y_hat must be 2-D of shape (g, n_out), got {y_hat.shape}")
    if y_hat.shape[1] == 1:
        rgba = colormaps[plotting.REGION_CMAP](np.clip(y_hat[:, 0], 0.0, 1.0))
    else:
        k = y_hat.shape[1]
        colors = np.array(
            [to_rgb(plotting.CLASS_COLORS[c % len(plotting.CLASS_COLORS)])
             for c in range(k)]
        )
        rgba = np.ones((y_hat.shape[0], 4))
        rgba[:, :3] = np.clip(y_hat, 0.0, 1.0) @ colors
    rgba[:, 3] = alpha
    return rgba


def _check_setting(name, value):
    """One playground setting, checked; returns the value to store."""
    if name == "dataset":
        if value not in datasets.DATASETS:
            raise ValueError(
                f"dataset must be one of {sorted(datasets.DATASETS)}, got {value!r}"
            )
    elif name == "layers":
        if isinstance(value, bool) or not isinstance(value, numbers.Integral):
            raise TypeError(
                f"layers must be an integer >= 0, got {type(value).__name__}")
        if not 0 <= value <= 6:
            raise ValueError(
                f"layers (hidden layers) must be between 0 and 6, got {value}")
        value = int(value)
    elif name == "units":
        value = check_positive_int(value, "units")
        if value > 16:
            raise ValueError(
                f"units (per hidden layer) must be at most 16, got {value}")
    elif name == "activation":
        get_activation(value)
    elif name == "alpha":
        value = check_positive(value, "alpha")
    elif name == "batch_size":
        value = None if value is None else check_positive_int(value, "batch_size")
    elif name == "seed":
        if isinstance(value, bool) or not isinstance(value, numbers.Integral):
            raise TypeError(f"seed must be an integer, got {type(value).__name__}")
        value = int(value)
    return value


class Playground(Demo):
    """Choose data, layers, units, activation, learning rate and batch size; train.

    Parameters
    ----------
    max_epochs : int, training stops here (default 2000)
    epochs_per_tick : int, epochs trained per frame of the live loop (default 20)
    figsize : (width, height) in inches, optional
    diagram : bool, draw the network diagram between the regions and the loss
        (default True; it is the most expensive panel to redraw)
    **settings : the values of ``Playground.defaults`` to change:
        ``dataset`` (a name in ``mlp.datasets.DATASETS``), ``layers`` (hidden layers,
        0 to 6), ``units`` (per hidden layer, 1 to 16), ``activation`` ("sigmoid",
        "tanh" or "relu"), ``alpha`` (the learning rate), ``batch_size`` (``None`` for
        all examples) and ``seed`` (for the weights and the shuffling).

    Attributes
    ----------
    X, y : the data set, (m, 2) and (m,)
    weights : the current weights, a list of arrays as everywhere in ``mlp``
    history : dict of lists ``"loss"`` and ``"accuracy"``; entry k is measured after
        k epochs (entry 0 is the untrained network), so ``len(history["loss"]) ==
        epoch + 1``
    epoch : int, epochs trained since the last reset
    message : str, why training stopped (divergence, the epoch cap), or ""

    Examples
    --------
    >>> pg = Playground(dataset="xor", layers=1, units=4, activation="tanh", alpha=1.0)
    >>> pg.step(20)
    20
    >>> pg.epoch, len(pg.history["loss"])
    (20, 21)
    """

    defaults = {
        "dataset": "spirals",
        "layers": 3,
        "units": 8,
        "activation": "relu",
        "alpha": 0.3,
        "batch_size": None,
        "seed": 0,
    }
    figsize = (9.5, 3.4)
    resolution = 70
    #: The learning rates, batch sizes, hidden layers and units the widget offers.
    ALPHAS = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0, 30.0, 100.0)
    BATCH_SIZES = (None, 100, 30, 10, 1)
    LAYERS, UNITS = range(5), range(1, 9)

    def __init__(self, max_epochs=2000, epochs_per_tick=20, figsize=None, diagram=True,
                 **settings):
        self.diagram = bool(diagram)
        self.max_epochs = check_positive_int(max_epochs, "max_epochs")
        self.epochs_per_tick = check_positive_int(epochs_per_tick, "epochs_per_tick")
        if figsize is not None:
            self.figsize = tuple(figsize)
        self.running = False
        self._task = None
        self._listeners = []  # called after each frame: the widgets' refresh
        self._dataset = None  # the name of the data set now loaded
        self.weights = None
        self.loss_xmax = None  # a fixed epoch axis (for a recording), else growing
        for name, value in settings.items():
            if name in self.defaults:
                settings[name] = _check_setting(name, value)
        super().__init__(**settings)  # checks the names, builds the figure, resets

    # -- the core: no drawing ----------------------------------------------------
    @property
    def sizes(self):
        """Units per layer, inputs first: ``[2, units, ..., units, n_out]``."""
        n_out = 1 if self.n_classes == 2 else self.n_classes
        return [2] + [self.values["units"]] * self.values["layers"] + [n_out]

    @property
    def finished(self):
        """True when training cannot go on: the epoch cap or a divergence."""
        return self.epoch >= self.max_epochs or self.diverged

    def _load_data(self):
        name = self.values["dataset"]
        if name != self._dataset:
            self.X, self.y = datasets.DATASETS[name](rng=0)
            self.n_classes = int(self.y.max()) + 1
            self._dataset = name
            return True
        return False

    def reset(self, **settings):
        """New random weights (from ``seed``) and an empty history; no drawing.

        Keyword arguments change settings first, e.g. ``reset(activation="tanh")``.
        """
        self._set(settings)
        self._load_data()
        self.rng = np.random.default_rng(self.values["seed"])
        self.weights = init_weights(self.sizes, rng=self.rng)
        act = get_activation(self.values["activation"])
        with np.errstate(over="ignore", invalid="ignore"):
            loss, acc = _loss_and_accuracy(_forward(self.weights, self.X, act)[1][-1],
                                           self.y)
        self.history = {"loss": [loss], "accuracy": [acc]}
        self.epoch = 0
        self.diverged = False
        self.message = ""

    def step(self, epochs=1):
        """Train ``epochs`` more epochs with ``mlp.train`` from the current weights.

        Returns
        -------
        int, the epochs actually trained: fewer at the cap ``max_epochs``, and only
        those whose error E was finite when training diverges (then ``message`` says
        so, and the weights and the history stop at the last finite epoch).
        """
        epochs = check_positive_int(epochs, "epochs")
        if self.diverged:
            return 0
        epochs = min(epochs, self.max_epochs - self.epoch)
        if epochs <= 0:
            self.message = (
                f"Stopped at the cap of {self.max_epochs} epochs. Press reset to "
                "start again."
            )
            return 0
        v = self.values
        kwargs = {"alpha": v["alpha"], "batch_size": v["batch_size"],
                      "activation": v["activation"], "rng": self.rng}
        state = self.rng.bit_generator.state  # to replay a run that went bad
        diverged_in = None
        try:
            weights, hist = train(self.weights, self.X, self.y, epochs=epochs, **kwargs)
        except DivergenceError as exc:
            weights, hist, diverged_in = exc.weights, exc.history, exc.epoch
        finite = np.isfinite(hist["loss"])
        if not np.all(finite):
            # the outputs overflowed (error NaN) an epoch before the weights did:
            # replay only the epochs whose error was finite
            diverged_in = int(np.argmin(finite)) + 1
            self.rng.bit_generator.state = state
            if diverged_in > 1:
                weights, hist = train(self.weights, self.X, self.y,
                                      epochs=diverged_in - 1, **kwargs)
            else:
                weights, hist = self.weights, {"loss": [], "accuracy": []}
        self.weights = weights
        if diverged_in is not None:
            self.diverged = True
            self.message = (
                f"Diverged in epoch {self.epoch + diverged_in}: the network's numbers "
                f"overflowed to NaN or infinity with learning rate {v['alpha']:g}. "
                "Lower the learning rate (chapter 9) and press reset."
            )
        for key in ("loss", "accuracy"):
            self.history[key].extend(hist[key])
        trained = len(hist["loss"])
        self.epoch += trained
        if self.epoch >= self.max_epochs and not self.diverged:
            self.message = f"Stopped at the cap of {self.max_epochs} epochs."
        return trained

    def tick(self):
        """One frame of the live loop: ``step(epochs_per_tick)`` then ``draw()``.
        Returns True while training can go on."""
        self.step(self.epochs_per_tick)
        self.draw()
        return not self.finished

    # -- settings -----------------------------------------------------------------
    def _set(self, settings):
        unknown = set(settings) - set(self.defaults)
        if unknown:
            raise ValueError(
                f"Playground has no setting(s) {sorted(unknown)}; expected some of "
                f"{sorted(self.defaults)}"
            )
        for name, value in settings.items():
            self.values[name] = _check_setting(name, value)

    def update(self, **settings):
        """Change settings (the widget's controls call this) and redraw.

        A new learning rate or batch size applies from the next epoch on (and lets a
        diverged run go on with a smaller rate); any other change pauses and resets.
        Returns the status line.
        """
        old = dict(self.values)
        self._set(settings)
        changed = {k for k in self.values if self.values[k] != old[k]}
        if self.weights is None or changed - set(CONTINUE_SETTINGS):
            self.pause()
            self.reset()
        elif "alpha" in changed and self.diverged:
            self.diverged = False
            self.message = ""
        return self.draw()

    # -- drawing --------------------------------------------------------------------
    def setup(self, fig):
        # A fixed layout: a constrained layout on every frame would double its cost.
        fig.set_layout_engine(None)
        if self.diagram:
            self.ax_regions, self.ax_net, self.ax_loss = fig.subplots(
                1, 3, width_ratios=[1.0, 1.25, 1.0],
                gridspec_kw={"left": 0.04, "right": 0.985, "bottom": 0.15, "top": 0.83,
                                 "wspace": 0.22},
            )
        else:
            self.ax_net = None
            self.ax_regions, self.ax_loss = fig.subplots(
                1, 2, gridspec_kw={"left": 0.06, "right": 0.98, "bottom": 0.16,
                                   "top": 0.83, "wspace": 0.3},
            )
        r = self.resolution
        # the regions' Axes show the data's extent as the unit square (it has no
        # ticks), so that a new data set moves the points, not the Axes' limits
        self.ax_regions.set_xlim(0, 1)
        self.ax_regions.set_ylim(0, 1)
        self.ax_regions.set_xticks([])
        self.ax_regions.set_yticks([])
        self.ax_regions.set_xlabel("x₁")  # not "$x_1$": mathtext is slow to lay out
        self.ax_regions.set_ylabel("x₂")
        self.image = self.ax_regions.imshow(
            np.ones((r, r, 4)), origin="lower", extent=(0, 1, 0, 1), aspect="auto",
            interpolation="bilinear", zorder=1,
        )
        self._scatter = []  # one scatter per class, the most classes seen so far
        (self.loss_line,) = self.ax_loss.plot([], [], color="k", linewidth=1.8)
        self.ax_loss.set_xlabel("epoch")
        self.ax_loss.set_ylabel("error E (cross-entropy)")
        self.ax_loss.grid(alpha=0.3)
        # the loss panel's heading has two lines: the settings (its title, changed
        # with them) and, above them, the epoch and error: a text of its own, which
        # changes in every frame (text is slow to draw: the less changes, the better)
        self.progress = self.ax_loss.text(
            0.5, 1.0, "", ha="center", va="bottom", fontsize=10,
            transform=self.ax_loss.transAxes + ScaledTranslation(
                0, 18 / 72, fig.dpi_scale_trans))  # 18 points: over the title
        if self.ax_net is not None:
            # the colour key of the diagram's edges, under it, drawn once: the
            # diagram itself is drawn anew for every network size
            box = self.ax_net.get_position()
            plotting.network_key(fig, 6, loc="upper center",
                                 bbox_to_anchor=(box.x0 + box.width / 2, box.y0))
            # room for every network the widget offers (outputs: 1 for two classes,
            # 3 for three_class)
            plotting.reserve_network(self.ax_net, [
                [2] + [units] * layers + [n_out] for layers in self.LAYERS
                for units in self.UNITS for n_out in (1, 3)])
        self.note = self.ax_regions.text(
            0.5, 0.5, "", transform=self.ax_regions.transAxes, ha="center",
            va="center", fontsize=8, zorder=5, visible=False,
            bbox={"boxstyle": "round", "fc": "#fff3cd", "ec": "#b58900"},
        )

    def _draw_data(self):
        """Scatter the data (after a new data set) over the grid of the regions,
        both scaled to the unit square of the regions' Axes."""
        self.xx, self.yy, self.grid = plotting.grid_for(self.X, self.resolution)
        lo = self.grid.min(axis=0)
        unit = (self.X - lo) / (self.grid.max(axis=0) - lo)
        while len(self._scatter) < self.n_classes:
            c = len(self._scatter)
            self._scatter.append(self.ax_regions.scatter(
                [], [], s=12, color=plotting.CLASS_COLORS[c % len(
                    plotting.CLASS_COLORS)], edgecolor="white", linewidth=0.6,
                zorder=3, label=f"class {c}"))
        for c, artist in enumerate(self._scatter):
            artist.set_offsets(unit[self.y == c])
        self._drawn_dataset = self._dataset

    def draw(self, **ignored):
        """Update the figure (and any live widget showing it) from the current state;
        returns the status line.

        The region image, the loss line and the diagram's edges are updated in place
        (``set_data``, ``plotting.update_network``); the diagram is drawn anew only
        when the network's sizes change.
        """
        if getattr(self, "_drawn_dataset", None) != self._dataset:
            self._draw_data()
        v = self.values
        act = get_activation(v["activation"])
        with np.errstate(over="ignore", invalid="ignore"):
            y_hat = _forward(self.weights, self.grid, act)[1][-1]
        if np.all(np.isfinite(y_hat)):
            # the colours as they show over the white Axes, opaque, in bytes: an
            # image drawn two to three times faster than a translucent float one
            rgba = plotting.over_white(region_colors(y_hat))
            self.image.set_data(np.round(rgba * 255).astype(np.uint8).reshape(
                self.xx.shape + (4,)))
            self.image.set_visible(True)
        else:  # never draw NaN: say so instead
            self.image.set_visible(False)
        loss, acc = self.history["loss"][-1], self.history["accuracy"][-1]
        plotting.set_live_title(self.ax_regions,
                                f"{v['dataset']}: accuracy {acc:.0%}")

        hidden = " x ".join([str(v["units"])] * v["layers"]) or "no hidden layer"
        if self.ax_net is not None:
            if getattr(self, "_net_sizes", None) == self.sizes:  # only weights moved
                plotting.update_network(self.ax_net, self.weights)
            else:  # the same artists, laid out anew
                plotting.redraw_network(self.ax_net, self.weights, show_weights=False,
                                        legend=False)
                self._net_sizes = self.sizes
            sizes = "-".join(str(n) for n in self.sizes)
            plotting.set_live_title(self.ax_net, f"the {sizes} network")

        epochs = np.arange(len(self.history["loss"]))
        self.loss_line.set_data(epochs, self.history["loss"])
        # the epoch axis grows in steps 10, 20, 50, 100, ..., the error axis in
        # steps 1, 1.5, 2, 3, 5, ...; limits are set only when they change, so that
        # most frames (and most new settings) redraw the line and not the axes
        xlim = (0.0, float(self.loss_xmax or nice_ceil(max(10, self.epoch))))
        # the error axis in few steps: the untrained error of a two-class network is
        # about ln 2 = 0.69, and its axis goes up to 1 whatever the data or seed
        top = 1.02 * max(self.history["loss"])
        ylim = (0.0, nice_ceil(top, (1, 1.5, 2, 3, 5)) if np.isfinite(top) and top > 0
                else 1.0)
        if self.ax_loss.get_xlim() != xlim:
            self.ax_loss.set_xlim(xlim)
        if self.ax_loss.get_ylim() != ylim:
            self.ax_loss.set_ylim(ylim)
        batch = "all" if v["batch_size"] is None else v["batch_size"]
        # the settings in one text: a new one makes it change (and be redrawn in
        # every later frame), the diagram's title changes only with its sizes
        net = v["activation"] + ("" if self.ax_net is not None else f" {hidden}")
        plotting.set_live_title(self.ax_loss,
                                f"{net}, alpha = {v['alpha']:g}, batch {batch}")
        self.progress.set_text(f"epoch {self.epoch}: E = {loss:.3f}")

        note = textwrap.fill(self.message, 30) if self.diverged else ""
        if self.note.get_text() != note:
            self.note.set_text(note)
            self.note.set_visible(self.diverged)
        status = (f"epoch {self.epoch} of {self.max_epochs}: error E = {loss:.3f}, "
                  f"accuracy {acc:.0%}")
        self.status = f"{status}. {self.message}" if self.message else status
        self._notify(picture=True)
        return self.status

    # -- the live loop ------------------------------------------------------------
    def _notify(self, picture=False):
        """Tell the widgets: a new picture (after ``draw``), or only a new state of
        the start/pause button."""
        for listener in list(self._listeners):
            listener(picture)

    async def run(self, delay=0.01):
        """Train frame by frame until paused, diverged or at the cap.

        Each frame is ``tick()``; between frames ``await asyncio.sleep(delay)`` hands
        control back to the kernel, which handles button clicks (pause!) meanwhile.
        """
        self.running = True
        self._notify()
        try:
            while self.running and self.tick():
                await asyncio.sleep(delay)
        except Exception as exc:  # noqa: BLE001 - a message, never a dead task
            self.message = f"Training stopped: {exc}"
            self.draw()
        finally:
            self.running = False
            self._notify()

    def start(self):
        """Start the live loop as a task in the running event loop (the kernel's).

        Without a running loop (a plain script) it trains to the end at once.
        """
        if self.running or self.finished:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            loop = None
        if loop is None:
            self.running = True
            while self.running and self.tick():
                pass
            self.running = False
            self._notify()
        else:
            self.running = True  # at once, so that the button shows "Pause"
            self._task = loop.create_task(self.run())

    def pause(self):
        """Stop the live loop after the current frame."""
        self.running = False

    # -- the two views --------------------------------------------------------------
    def controls(self):
        import ipywidgets as w

        style = {"description_width": "initial"}
        small = w.Layout(width="190px")
        return {
            "dataset": w.Dropdown(options=sorted(datasets.DATASETS),
                                  description="data", style=style, layout=small),
            "layers": w.IntSlider(min=self.LAYERS[0], max=self.LAYERS[-1],
                                  description="hidden layers", style=style,
                                  layout=w.Layout(width="230px")),
            "units": w.IntSlider(min=self.UNITS[0], max=self.UNITS[-1],
                                 description="units", style=style,
                                 layout=w.Layout(width="200px")),
            "activation": w.Dropdown(options=list(ACTIVATIONS),
                                     description="activation", style=style,
                                     layout=small),
            "alpha": w.Dropdown(options=list(self.ALPHAS),
                                description="learning rate", style=style,
                                layout=small),
            "batch_size": w.Dropdown(
                options=[("all", None)] + [(str(b), b) for b in self.BATCH_SIZES[1:]],
                description="batch size", style=style, layout=small),
            "seed": w.BoundedIntText(min=0, max=9999, description="seed",
                                     style=style, layout=w.Layout(width="120px")),
        }

    def widget(self):
        """The live playground: controls, start/pause, step, reset, the figure."""
        import ipywidgets as w

        controls = self.controls()
        for name, control in controls.items():
            control.value = self.values[name]
        start = w.Button(description="Start", icon="play", button_style="success",
                         tooltip="train until paused (or the epoch cap)")
        step = w.Button(description="Step", icon="step-forward",
                        tooltip="train one epoch")
        reset = w.Button(description="Reset", icon="undo",
                         tooltip="new random weights, empty history")
        image = w.Image(format="png", layout=w.Layout(max_width="100%"))
        status = w.HTML()

        def refresh(picture=True):
            if picture:
                image.value = self.render()
                status.value = f"<b>{html.escape(self.status)}</b>"
            start.description = "Pause" if self.running else "Start"
            start.icon = "pause" if self.running else "play"
            start.button_style = "warning" if self.running else "success"

        def on_setting(change):  # draw() refreshes the picture
            self.update(**{n: c.value for n, c in controls.items()})

        def on_start(_):
            if self.running:
                self.pause()
            else:
                self.start()
            refresh(picture=False)

        def on_step(_):
            self.pause()
            self.step(1)
            self.draw()

        def on_reset(_):
            self.pause()
            self.reset()
            self.draw()

        for control in controls.values():
            control.observe(on_setting, names="value")
        start.on_click(on_start)
        step.on_click(on_step)
        reset.on_click(on_reset)
        self._listeners.append(refresh)
        refresh()  # the figure as last drawn
        row = w.HBox(list(controls.values()), layout=w.Layout(flex_flow="row wrap"))
        return w.VBox([row, w.HBox([start, step, reset]), image, status])

    def record(self, n_frames=20, epochs_per_frame=50, figsize=(7.0, 3.0), dpi=72,
               diagram=False, interval=250):
        """An animation of a run with the current settings, for the HTML book.

        The run is trained first (frame 0 is the untrained network, frame k is after
        ``k * epochs_per_frame`` epochs) on a separate playground with a smaller
        figure, so this playground is not changed. Without the ``diagram`` (the
        default) each frame is cheap to draw and small to store. Show it with
        ``IPython.display.HTML(anim.to_jshtml())``.

        Returns
        -------
        matplotlib.animation.FuncAnimation
            Its ``epochs`` attribute lists the epoch of each frame; the frames end
            early at a divergence or at ``max_epochs``.
        """
        n_frames = check_positive_int(n_frames, "n_frames")
        epochs_per_frame = check_positive_int(epochs_per_frame, "epochs_per_frame")
        rec = Playground(max_epochs=self.max_epochs, figsize=figsize, diagram=diagram,
                         **self.values)
        rec.fig.set_dpi(dpi)
        rec.image.set_interpolation("nearest")  # smaller PNG frames
        rec.loss_xmax = max(10, (n_frames - 1) * epochs_per_frame)
        frames = []
        for k in range(n_frames):
            if k:
                rec.step(epochs_per_frame)
            frames.append((rec.weights, rec.epoch, rec.diverged, rec.message,
                           {key: list(val) for key, val in rec.history.items()}))
            if rec.finished:
                break

        def show(i):
            rec.weights, rec.epoch, rec.diverged, rec.message, rec.history = frames[i]
            rec.draw()
            return []

        anim = FuncAnimation(rec.fig, show, frames=len(frames), interval=interval,
                             repeat=True)
        anim.epochs = [frame[1] for frame in frames]
        return anim
