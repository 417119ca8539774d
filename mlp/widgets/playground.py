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
- ``tick()`` is one frame of the live loop: ``step`` then ``draw``;
- ``code()`` is the ``mlp`` code that reproduces the current run, to paste in a cell.

The data set is cut once per setting (``mlp.datasets.split``, seeded) into training
points, on which ``mlp.train`` runs, and test points, which it never sees: the error
panel draws both errors, so overfitting shows. Optional input features
(``mlp.datasets.features``: x1^2, x2^2, x1*x2, sin(x1), sin(x2)) are extra inputs
beside x1 and x2. In the network diagram each input and hidden unit is drawn as a
small map of its output over the input plane, as in TensorFlow Playground.

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
from matplotlib.image import AxesImage
from matplotlib.transforms import ScaledTranslation

from .. import datasets, plotting
from .._validation import check_positive, check_positive_int
from ..activations import ACTIVATIONS, get_activation
from ..network import forward_pass, init_weights
from ..training import DivergenceError, loss_and_accuracy, train
from ._core import Demo, nice_ceil

__all__ = ["Playground", "region_colors"]

#: Settings that change how training continues (or only what is shown), not what is
#: trained: changing them keeps the current weights (as in TensorFlow Playground). Any
#: other change resets.
CONTINUE_SETTINGS = ("alpha", "batch_size", "show_test")

#: The name of each generator's noise argument (admissions flips labels instead).
NOISE_ARGUMENT = {"admissions": "flip"}

#: How the diagram labels each input feature (plain text: mathtext is slow to lay out).
FEATURE_LABELS = {"x1": "x₁", "x2": "x₂", "x1^2": "x₁²", "x2^2": "x₂²",
                  "x1*x2": "x₁x₂", "sin(x1)": "sin x₁", "sin(x2)": "sin x₂"}


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
    elif name == "train_percent":
        if isinstance(value, bool) or not isinstance(value, numbers.Integral):
            raise TypeError("train_percent (the training data's share in %) must be an "
                            f"integer, got {type(value).__name__}")
        if not 10 <= value <= 90:
            raise ValueError("train_percent (the training data's share in %) must be "
                             f"between 10 and 90, got {value}")
        value = int(value)
    elif name == "noise":
        if value is not None:
            if isinstance(value, bool) or not isinstance(value, numbers.Real):
                raise TypeError("noise must be None (the data set's own) or a number "
                                f">= 0, got {type(value).__name__}")
            if not 0 <= value <= 0.45:
                raise ValueError(f"noise must be between 0 and 0.45, got {value}")
            value = float(value)
    elif name == "features":
        if isinstance(value, str):  # one feature (a control's single option)
            value = (value,)
        chosen = datasets.feature_names(value)[2:]  # checks the names
        value = tuple(f for f in datasets.FEATURES if f in chosen)
    elif name == "show_test":
        value = bool(value)
    return value


def _first_nonfinite(*errors):
    """The first epoch (from 1) in which any of the lists of errors is not finite,
    or None."""
    finite = np.all([np.isfinite(e) for e in errors], axis=0)
    return None if np.all(finite) else int(np.argmin(finite)) + 1


class Playground(Demo):
    """Choose data, noise, training share, input features, layers, units, activation,
    learning rate and batch size; train, and watch the training and test error.

    Parameters
    ----------
    max_epochs : int, training stops here (default 2000)
    epochs_per_tick : int, epochs trained per frame of the live loop (default 20)
    figsize : (width, height) in inches, optional
    diagram : bool, draw the network diagram between the regions and the loss
        (default True; it is the most expensive panel to redraw)
    **settings : the values of ``Playground.defaults`` to change:
        ``dataset`` (a name in ``mlp.datasets.DATASETS``), ``noise`` (``None`` for
        the data set's own, else the generator's ``noise``, 0 to 0.45; for
        ``admissions`` the share of flipped labels), ``train_percent`` (the share of
        the points used for training, 10 to 90; the rest is the test set),
        ``features`` (extra inputs beside x1 and x2, names from
        ``mlp.datasets.FEATURES``), ``layers`` (hidden layers, 0 to 6), ``units``
        (per hidden layer, 1 to 16), ``activation`` ("sigmoid", "tanh" or "relu"),
        ``alpha`` (the learning rate), ``batch_size`` (``None`` for all training
        examples), ``seed`` (for the weights and the shuffling) and ``show_test``
        (draw the test points, hollow, in the regions panel).

    Attributes
    ----------
    X, y : the whole data set, (m, 2) and (m,)
    X_train, y_train, X_test, y_test : its two parts (``mlp.datasets.split``, seed 0)
    inputs_train, inputs_test : the network's inputs, ``mlp.datasets.features`` of
        ``X_train`` and ``X_test``: x1, x2 and the extra features
    weights : the current weights, a list of arrays as everywhere in ``mlp``
    history : dict of lists ``"loss"`` and ``"accuracy"`` (on the training set) and
        ``"test_loss"`` and ``"test_accuracy"``; entry k is measured after k epochs
        (entry 0 is the untrained network), so ``len(history["loss"]) == epoch + 1``
    epoch : int, epochs trained since the last reset
    message : str, why training stopped (divergence, the epoch cap), or ""

    Examples
    --------
    >>> pg = Playground(dataset="xor", layers=1, units=4, activation="tanh", alpha=1.0)
    >>> pg.step(20)
    20
    >>> pg.epoch, len(pg.history["loss"]), len(pg.history["test_loss"])
    (20, 21, 21)
    """

    defaults = {
        "dataset": "spirals",
        "noise": None,
        "train_percent": 50,
        "features": (),
        "layers": 3,
        "units": 8,
        "activation": "relu",
        "alpha": 0.3,
        "batch_size": None,
        "seed": 0,
        "show_test": True,
    }
    figsize = (9.6, 3.6)
    resolution = 70
    #: The learning rates, batch sizes, hidden layers and units the widget offers.
    ALPHAS = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0, 30.0, 100.0)
    BATCH_SIZES = (None, 100, 30, 10, 1)
    LAYERS, UNITS = range(5), range(1, 9)
    NOISES = (None, 0.0, 0.1, 0.2, 0.3, 0.4)
    #: The unit maps: half the side of a map (nodes are 1 apart in the diagram), its
    #: pixels per unit of the diagram, and the frames between two updates of them.
    MAP_HALF, MAP_PIXELS = 0.4, 22
    maps_every = 1

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
        self._data_key = None  # the data set, noise and split now loaded
        self.weights = None
        self.loss_xmax = None  # a fixed epoch axis (for a recording), else growing
        self._frames = 0  # frames drawn: the unit maps are redrawn every maps_every
        for name, value in settings.items():
            if name in self.defaults:
                settings[name] = _check_setting(name, value)
        super().__init__(**settings)  # checks the names, builds the figure, resets

    # -- the core: no drawing ----------------------------------------------------
    @property
    def sizes(self):
        """Units per layer, inputs first: ``[n_inputs, units, ..., units, n_out]``,
        with ``n_inputs = 2 + len(features)``."""
        n_out = 1 if self.n_classes == 2 else self.n_classes
        n_in = 2 + len(self.values["features"])
        return [n_in] + [self.values["units"]] * self.values["layers"] + [n_out]

    @property
    def finished(self):
        """True when training cannot go on: the epoch cap or a divergence."""
        return self.epoch >= self.max_epochs or self.diverged

    @property
    def shares(self):
        """The split's fractions: (training, test)."""
        train = self.values["train_percent"] / 100
        return train, round(1 - train, 2)

    def _data_arguments(self):
        """The generator's keyword arguments besides the seed: the noise, if set."""
        v = self.values
        if v["noise"] is None:
            return {}
        return {NOISE_ARGUMENT.get(v["dataset"], "noise"): v["noise"]}

    def _load_data(self):
        """Generate and split the data (seed 0) when their settings changed."""
        v = self.values
        key = (v["dataset"], v["noise"], v["train_percent"])
        if key != self._data_key:
            self.X, self.y = datasets.DATASETS[v["dataset"]](
                rng=0, **self._data_arguments())
            self.n_classes = int(self.y.max()) + 1
            (self.X_train, self.y_train), (self.X_test, self.y_test) = datasets.split(
                self.X, self.y, self.shares, rng=0)
            self._data_key = key
            self._dataset = v["dataset"]
            self._features = None
        if self._features != v["features"]:
            self.inputs_train = datasets.features(self.X_train, v["features"])
            self.inputs_test = datasets.features(self.X_test, v["features"])
            self._features = v["features"]

    def _measure(self, weights, act):
        """Error and accuracy on the training and on the test set."""
        with np.errstate(over="ignore", invalid="ignore"):
            train = loss_and_accuracy(
                forward_pass(weights, self.inputs_train, act)[1][-1], self.y_train)
            test = loss_and_accuracy(
                forward_pass(weights, self.inputs_test, act)[1][-1], self.y_test)
        return train + test

    def reset(self, **settings):
        """New random weights (from ``seed``) and an empty history; no drawing.

        Keyword arguments change settings first, e.g. ``reset(activation="tanh")``.
        """
        self._set(settings)
        self._load_data()
        self.rng = np.random.default_rng(self.values["seed"])
        self.weights = init_weights(self.sizes, rng=self.rng)
        act = get_activation(self.values["activation"])
        loss, acc, test_loss, test_acc = self._measure(self.weights, act)
        self.history = {"loss": [loss], "accuracy": [acc], "test_loss": [test_loss],
                        "test_accuracy": [test_acc]}
        self.segments = []  # [alpha, batch_size, epochs]: the runs of mlp.train
        self.epoch = 0
        self.diverged = False
        self.message = ""

    def _train(self, epochs, **kwargs):
        """``mlp.train`` on the training set, measuring the test set after each
        epoch (in its callback). Returns the weights, the history and the test's."""
        act = get_activation(self.values["activation"])
        test = {"test_loss": [], "test_accuracy": []}

        def measure_test(epoch, weights, history):
            loss, acc = loss_and_accuracy(
                forward_pass(weights, self.inputs_test, act)[1][-1], self.y_test)
            test["test_loss"].append(loss)
            test["test_accuracy"].append(acc)

        weights, hist = train(self.weights, self.inputs_train, self.y_train,
                              epochs=epochs, callback=measure_test, **kwargs)
        return weights, hist, test

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
        try:
            weights, hist, test = self._train(epochs, **kwargs)
            diverged_in = _first_nonfinite(hist["loss"], test["test_loss"])
        except DivergenceError as exc:
            diverged_in = min(exc.epoch, _first_nonfinite(exc.history["loss"]) or
                              exc.epoch)
        while diverged_in is not None:
            # the outputs overflowed (error NaN) an epoch before the weights did:
            # replay only the epochs whose errors were finite, from the same
            # shuffles, so that the generator is where those epochs left it (and
            # ``code`` reproduces the run)
            self.rng.bit_generator.state = state
            self.diverged = True
            self.message = (
                f"Diverged in epoch {self.epoch + diverged_in}: the network's numbers "
                f"overflowed to NaN or infinity with learning rate {v['alpha']:g}. "
                "Lower the learning rate (chapter 9) and press reset."
            )
            if diverged_in > 1:
                weights, hist, test = self._train(diverged_in - 1, **kwargs)
                diverged_in = _first_nonfinite(hist["loss"], test["test_loss"])
            else:
                weights, hist = self.weights, {"loss": [], "accuracy": []}
                test = {"test_loss": [], "test_accuracy": []}
                diverged_in = None
        self.weights = weights
        hist = {**hist, **test}
        for key in self.history:
            self.history[key].extend(hist[key])
        trained = len(hist["loss"])
        if trained:
            run = [v["alpha"], v["batch_size"]]
            if self.segments and self.segments[-1][:2] == run:
                self.segments[-1][2] += trained
            else:
                self.segments.append(run + [trained])
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

    def code(self):
        """The ``mlp`` code that reproduces the current run, as a string to paste into
        a cell: the data, the split, the features, the weights from the seed, one call
        of ``mlp.train`` per learning rate and batch size used, and the errors and
        accuracies the playground shows. ``print(pg.code())`` shows it."""
        v = self.values
        extra = list(v["features"])
        data = ", ".join(["rng=0"] + [f"{k}={val!r}" for k, val in
                                      self._data_arguments().items()])
        train_share, test_share = self.shares
        act = v["activation"]
        lines = [
            "import numpy as np",
            "import mlp",
            "from mlp import datasets",
            "",
            f"X, y = datasets.{v['dataset']}({data})",
            "(X_train, y_train), (X_test, y_test) = datasets.split(",
            f"    X, y, ({train_share!r}, {test_share!r}), rng=0)",
        ]
        if extra:
            lines += [f"X_train = datasets.features(X_train, {extra!r})",
                      f"X_test = datasets.features(X_test, {extra!r})"]
        lines += [
            f"rng = np.random.default_rng({v['seed']})  # the weights, then the "
            "shuffles",
            f"W = mlp.init_weights({self.sizes!r}, rng=rng)",
        ]
        for alpha, batch_size, epochs in self.segments:
            batch = "" if batch_size is None else f" batch_size={batch_size},"
            lines += [f"W, history = mlp.train(W, X_train, y_train, alpha={alpha!r}, "
                      f"epochs={epochs},{batch}",
                      f"                       activation={act!r}, rng=rng)"]
        error = "cross_entropy" if self.n_classes == 2 else "multiclass_cross_entropy"
        lines += [
            "",
            f"E_train = mlp.{error}(y_train, mlp.feedforward(W, X_train, {act!r}))",
            f"E_test = mlp.{error}(y_test, mlp.feedforward(W, X_test, {act!r}))",
            f"acc_train = mlp.accuracy(W, X_train, y_train, {act!r})",
            f"acc_test = mlp.accuracy(W, X_test, y_test, {act!r})",
            'print(f"training error E = {E_train:.3f}, test error E = {E_test:.3f}")',
            'print(f"training accuracy {acc_train:.0%}, test accuracy {acc_test:.0%}")',
        ]
        return "\n".join(lines) + "\n"

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
        diverged run go on with a smaller rate), showing the test points or not
        changes only the picture; any other change pauses and resets.
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
                1, 3, width_ratios=[1.0, 1.2, 1.1],
                gridspec_kw={"left": 0.035, "right": 0.985, "bottom": 0.14,
                             "top": 0.8, "wspace": 0.2},
            )
        else:
            self.ax_net = None
            self.ax_regions, self.ax_loss = fig.subplots(
                1, 2, gridspec_kw={"left": 0.06, "right": 0.98, "bottom": 0.16,
                                   "top": 0.8, "wspace": 0.3},
            )
        r = self.resolution
        # the regions' Axes show the data's extent as the unit square (it has no
        # ticks), so that a new data set moves the points, not the Axes' limits
        self.ax_regions.set_xlim(0, 1)
        self.ax_regions.set_ylim(0, 1)
        self.ax_regions.set_xticks([])
        self.ax_regions.set_yticks([])
        self.ax_regions.set_ylabel("x₂")  # not "$x_2$": mathtext is slow to lay out
        # the x label, with the numbers of points: a text of its own (a new x label
        # would make the whole x axis be drawn again)
        self.points_text = self.ax_regions.text(
            0.5, -0.025, "x₁", ha="center", va="top", fontsize=10,
            transform=self.ax_regions.transAxes)
        self.image = self.ax_regions.imshow(
            np.ones((r, r, 4)), origin="lower", extent=(0, 1, 0, 1), aspect="auto",
            interpolation="bilinear", zorder=1,
        )
        # the training points filled, the test points hollow: one scatter per class
        # and part, for up to three classes (every data set the playground offers)
        self._scatter, self._scatter_test = [], []
        for c in range(3):
            color = plotting.CLASS_COLORS[c]
            self._scatter.append(self.ax_regions.scatter(
                [], [], s=12, color=color, edgecolor="white", linewidth=0.6,
                zorder=3, label=f"class {c}"))
            self._scatter_test.append(self.ax_regions.scatter(
                [], [], s=13, facecolor="none", edgecolor=color, linewidth=0.9,
                zorder=3))
        (self.loss_line,) = self.ax_loss.plot([], [], color="k", linewidth=1.8,
                                              label="training")
        (self.test_line,) = self.ax_loss.plot([], [], color="#ff7f0e", linewidth=1.8,
                                              linestyle=(0, (4, 1.5)), label="test")
        # at the right, half-way up: where neither a falling error nor a test error
        # that climbs (overfitting) usually ends
        self.ax_loss.legend(loc="center right", fontsize=8, handlelength=2.2)
        self.ax_loss.set_xlabel("epoch")
        self.ax_loss.set_ylabel("error E (cross-entropy)")
        self.ax_loss.grid(alpha=0.3)
        # each panel's heading has two lines: a title that changes with the settings,
        # and above it a text of its own (text is slow to draw: the less changes, the
        # better): the epoch and errors over the error panel, which change in every
        # frame, and the data over the regions
        over_title = ScaledTranslation(0, 18 / 72, fig.dpi_scale_trans)  # 18 points
        self.progress = self.ax_loss.text(
            0.5, 1.0, "", ha="center", va="bottom", fontsize=9,
            transform=self.ax_loss.transAxes + over_title)
        self.data_text = self.ax_regions.text(
            0.5, 1.0, "", ha="center", va="bottom", fontsize=10,
            transform=self.ax_regions.transAxes + over_title)
        if self.ax_net is not None:
            # the colour key of the diagram's edges, under it, drawn once: the
            # diagram itself is drawn anew for every network size
            box = self.ax_net.get_position()
            plotting.network_key(fig, 6, loc="upper center",
                                 bbox_to_anchor=(box.x0 + box.width / 2, box.y0))
            # room for every network the widget offers (inputs: 2 to 7; outputs: 1
            # for two classes, 3 for three_class)
            for n_in in range(2, 3 + len(datasets.FEATURES)):
                plotting.reserve_network(self.ax_net, [
                    [n_in] + [units] * layers + [n_out] for layers in self.LAYERS
                    for units in self.UNITS for n_out in (1, 3)],
                    input_labels=["x"] * n_in)
            # every input and hidden unit's map, in one image over the diagram
            self.maps = AxesImage(self.ax_net, origin="lower", interpolation="none",
                                  zorder=6)
            self.maps.set_data(np.zeros((1, 1, 4), np.uint8))
            self.ax_net.add_image(self.maps)
        self.note = self.ax_regions.text(
            0.5, 0.5, "", transform=self.ax_regions.transAxes, ha="center",
            va="center", fontsize=8, zorder=5, visible=False,
            bbox={"boxstyle": "round", "fc": "#fff3cd", "ec": "#b58900"},
        )

    def _draw_data(self):
        """Scatter the data (after a new data set, noise or split) over the grid of
        the regions, both scaled to the unit square of the regions' Axes."""
        self.xx, self.yy, self.grid = plotting.grid_for(self.X, self.resolution)
        lo = self.grid.min(axis=0)
        span = self.grid.max(axis=0) - lo
        for X, y, artists in ((self.X_train, self.y_train, self._scatter),
                              (self.X_test, self.y_test, self._scatter_test)):
            unit = (X - lo) / span
            for c, artist in enumerate(artists):
                artist.set_offsets(unit[y == c].reshape(-1, 2))
        # the unit maps' grid: s x s points over the same extent as the regions
        s = self.map_side
        xs = np.linspace(lo[0], lo[0] + span[0], s)
        ys = np.linspace(lo[1], lo[1] + span[1], s)
        xx, yy = np.meshgrid(xs, ys)
        self.map_grid = np.column_stack([xx.ravel(), yy.ravel()])
        self._drawn_data = self._data_key
        self._map_features = None

    @property
    def map_side(self):
        """The side of a unit's map, in pixels of the maps' image."""
        return int(round(2 * self.MAP_HALF * self.MAP_PIXELS))

    def unit_outputs(self):
        """What the unit maps show: the output of every input and hidden unit at each
        point of the maps' grid (``map_grid``, s x s points over the plane).

        Returns
        -------
        list of arrays, one per layer but the output layer, of shape (s * s, n_k):
        the inputs (x1, x2 and the features), then each hidden layer's outputs.
        """
        if self._map_features != self.values["features"]:
            self._map_inputs = datasets.features(self.map_grid,
                                                 self.values["features"])
            self._map_features = self.values["features"]
        act = get_activation(self.values["activation"])
        with np.errstate(over="ignore", invalid="ignore"):
            activations = forward_pass(self.weights, self._map_inputs, act)[1]
        return activations[:-1]

    def _map_colours(self, values, layer):
        """Colour levels in [0, 1] (0 blue, 0.5 white, 1 red) of one layer's maps:
        inputs scaled by their largest size on the plane, sigmoid outputs as they
        are (0.5 white), tanh from -1 to 1 (0 white), ReLU white at 0 and red at the
        unit's largest output on the plane."""
        name = self.values["activation"]
        if layer == 0 or name not in ("sigmoid", "tanh"):
            big = np.max(np.abs(values), axis=0)
            return 0.5 + 0.5 * values / np.where(big > 0, big, 1.0)
        if name == "sigmoid":
            return values
        return 0.5 + 0.5 * values

    def _draw_maps(self):
        """Paint each input and hidden unit's map over its node of the diagram."""
        sizes = self.sizes
        labels = [FEATURE_LABELS[f] for f in datasets.feature_names(
            self.values["features"])]
        positions, xlim, ylim = plotting.network_node_positions(
            sizes, input_labels=labels)
        P, s = self.MAP_PIXELS, self.map_side
        height = int(np.ceil((ylim[1] - ylim[0]) * P))
        width = int(np.ceil((xlim[1] - xlim[0]) * P))
        picture = np.zeros((height, width, 4), np.uint8)
        outputs = self.unit_outputs()
        lut = np.round(colormaps[plotting.REGION_CMAP](np.linspace(0, 1, 256))
                       * 255).astype(np.uint8)
        for layer, values in enumerate(outputs):
            if not np.all(np.isfinite(values)):
                continue  # never draw NaN: the node stays a circle
            levels = np.clip(self._map_colours(values, layer), 0.0, 1.0)
            colours = lut[np.round(levels * 255).astype(int)]  # (s * s, n_k, 4)
            for i, (x, y) in enumerate(positions[layer]):
                col = int(round((x - xlim[0]) * P - s / 2))
                row = int(round((y - ylim[0]) * P - s / 2))
                picture[row - 1:row + s + 1, col - 1:col + s + 1] = (110, 110, 110,
                                                                     255)
                picture[row:row + s, col:col + s] = colours[:, i].reshape(s, s, 4)
        self.maps.set_data(picture)
        self.maps.set_extent((xlim[0], xlim[0] + width / P, ylim[0],
                              ylim[0] + height / P))

    def draw(self, **ignored):
        """Update the figure (and any live widget showing it) from the current state;
        returns the status line.

        The region image, the error lines, the diagram's edges and the unit maps are
        updated in place (``set_data``, ``plotting.update_network``); the diagram is
        drawn anew only when the network's sizes change, the maps every
        ``maps_every`` frames.
        """
        if getattr(self, "_drawn_data", None) != self._data_key:
            self._draw_data()
        v = self.values
        act = get_activation(v["activation"])
        with np.errstate(over="ignore", invalid="ignore"):
            y_hat = forward_pass(self.weights, datasets.features(self.grid, v["features"]),
                             act)[1][-1]
        if np.all(np.isfinite(y_hat)):
            # the colours as they show over the white Axes, opaque, in bytes: an
            # image drawn two to three times faster than a translucent float one
            rgba = plotting.over_white(region_colors(y_hat))
            self.image.set_data(np.round(rgba * 255).astype(np.uint8).reshape(
                self.xx.shape + (4,)))
            self.image.set_visible(True)
        else:  # never draw NaN: say so instead
            self.image.set_visible(False)
        for artist in self._scatter_test:
            if artist.get_visible() != v["show_test"]:
                artist.set_visible(v["show_test"])
        h = self.history
        loss, acc = h["loss"][-1], h["accuracy"][-1]
        test_loss, test_acc = h["test_loss"][-1], h["test_accuracy"][-1]
        plotting.set_live_title(self.ax_regions,
                                f"accuracy: training {acc:.0%}, test {test_acc:.0%}")
        noise = "" if v["noise"] is None else f", noise {v['noise']:g}"
        data = f"{v['dataset']}{noise}, {v['train_percent']}% for training"
        if self.data_text.get_text() != data:
            self.data_text.set_text(data)
        points = f"● {len(self.y_train)} training"
        if v["show_test"]:
            points += f", ○ {len(self.y_test)} test"
        label = f"x₁   ({points} points)"
        if self.points_text.get_text() != label:
            self.points_text.set_text(label)

        hidden = " x ".join([str(v["units"])] * v["layers"]) or "no hidden layer"
        if self.ax_net is not None:
            if getattr(self, "_net_sizes", None) == self.sizes:  # only weights moved
                plotting.update_network(self.ax_net, self.weights)
            else:  # the same artists, laid out anew
                labels = [FEATURE_LABELS[f] for f in datasets.feature_names(
                    v["features"])]
                plotting.redraw_network(self.ax_net, self.weights, show_weights=False,
                                        legend=False, input_labels=labels)
                self._net_sizes = self.sizes
                self._frames = 0  # new maps at once
            if self._frames % self.maps_every == 0 or not self.running:
                self._draw_maps()
            self._frames += 1
            sizes = "-".join(str(n) for n in self.sizes)
            plotting.set_live_title(self.ax_net, f"the {sizes} network")

        epochs = np.arange(len(h["loss"]))
        self.loss_line.set_data(epochs, h["loss"])
        self.test_line.set_data(epochs, h["test_loss"])
        # the epoch axis grows in steps 10, 20, 50, 100, ..., the error axis in
        # steps 1, 1.5, 2, 3, 5, ...; limits are set only when they change, so that
        # most frames (and most new settings) redraw the lines and not the axes
        xlim = (0.0, float(self.loss_xmax or nice_ceil(max(10, self.epoch))))
        # the error axis in few steps: the untrained error of a two-class network is
        # about ln 2 = 0.69, and its axis goes up to 1 whatever the data or seed (no
        # margin over the largest error: a new axis means drawing the panel anew)
        top = max(max(h["loss"]), max(h["test_loss"]))
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
        self.progress.set_text(
            f"epoch {self.epoch}: E {loss:.3f} training, {test_loss:.3f} test")

        note = textwrap.fill(self.message, 30) if self.diverged else ""
        if self.note.get_text() != note:
            self.note.set_text(note)
            self.note.set_visible(self.diverged)
        status = (f"epoch {self.epoch} of {self.max_epochs}: error E = {loss:.3f} "
                  f"training, {test_loss:.3f} test; accuracy {acc:.0%} training, "
                  f"{test_acc:.0%} test")
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
            "noise": w.Dropdown(
                options=[("the data set's", None)] + [(f"{n:g}", n)
                                                      for n in self.NOISES[1:]],
                description="noise", style=style, layout=small),
            "train_percent": w.IntSlider(min=10, max=90, step=10,
                                         description="training data (%)",
                                         style=style, layout=w.Layout(width="260px")),
            "show_test": w.Checkbox(description="show test data", indent=False,
                                    layout=w.Layout(width="130px")),
            "features": _feature_toggles(),
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
        show_code = w.Button(description="Code", icon="code",
                             tooltip="the mlp code that reproduces this run")
        image = w.Image(format="png", layout=w.Layout(max_width="100%"))
        status = w.HTML()
        code = w.HTML()

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

        def on_code(_):
            code.value = ("<p>The <code>mlp</code> code of this run, to paste into a "
                          "cell:</p><pre>" + html.escape(self.code()) + "</pre>")

        for control in controls.values():
            control.observe(on_setting, names="value")
        start.on_click(on_start)
        step.on_click(on_step)
        reset.on_click(on_reset)
        show_code.on_click(on_code)
        self._listeners.append(refresh)
        refresh()  # the figure as last drawn
        row = w.HBox(list(controls.values()), layout=w.Layout(flex_flow="row wrap"))
        return w.VBox([row, w.HBox([start, step, reset, show_code]), image, status,
                       code])

    def record(self, n_frames=20, epochs_per_frame=50, figsize=(7.0, 3.0), dpi=72,
               diagram=False, interval=250):
        """An animation of a run with the current settings, for the HTML book: the
        regions with the training and test points, and both error curves.

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


def _feature_toggles():
    """The features control: a toggle button per extra input feature, with a
    ``value`` (the tuple of the features switched on) that can be observed and set
    like any control's."""
    import ipywidgets as w
    import traitlets

    class FeatureToggles(w.HBox):
        value = traitlets.Tuple()

        def __init__(self):
            self.options = list(datasets.FEATURES)
            self.description = "features"
            self._buttons = {
                name: w.ToggleButton(description=FEATURE_LABELS[name],
                                     tooltip=f"add the input {name}",
                                     layout=w.Layout(width="62px"))
                for name in self.options}
            label = w.HTML("<span style='padding-right: 4px'>features x₁, x₂ +</span>")
            super().__init__([label, *self._buttons.values()])
            for button in self._buttons.values():
                button.observe(self._on_button, names="value")

        def _on_button(self, change):
            self.value = tuple(n for n, b in self._buttons.items() if b.value)

        @traitlets.observe("value")
        def _on_value(self, change):
            for name, button in self._buttons.items():
                button.value = name in change["new"]

    return FeatureToggles()
