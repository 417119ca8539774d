"""The playground's core: the class :class:`Playground`, its data, its training
(``reset``, ``step``, ``tick``) and its settings (``update``); no drawing. The figure,
the unit maps and the views are its mixins from the sibling modules."""

from __future__ import annotations

import numpy as np

from ... import datasets
from ..._validation import check_positive_int
from ...activations import get_activation
from ...network import forward_pass, init_weights
from ...training import DivergenceError, loss_and_accuracy, train
from .._core import Demo
from .code import reproducing_code
from .figure import PlaygroundFigure
from .maps import UnitMaps
from .settings import CONTINUE_SETTINGS, NOISE_ARGUMENT, check_setting
from .views import LiveViews

__all__ = ["Playground", "first_nonfinite"]


def first_nonfinite(*errors):
    """The first epoch (from 1) in which any of the lists of errors is not finite,
    or None."""
    finite = np.all([np.isfinite(e) for e in errors], axis=0)
    return None if np.all(finite) else int(np.argmin(finite)) + 1


class Playground(LiveViews, PlaygroundFigure, UnitMaps, Demo):
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
                settings[name] = check_setting(name, value)
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

    def data_arguments(self):
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
                rng=0, **self.data_arguments())
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
        self.weights, hist = self._train_finite(epochs)
        for key in self.history:
            self.history[key].extend(hist[key])
        trained = len(hist["loss"])
        self._add_segment(trained)
        self.epoch += trained
        if self.epoch >= self.max_epochs and not self.diverged:
            self.message = f"Stopped at the cap of {self.max_epochs} epochs."
        return trained

    def _train_finite(self, epochs):
        """``_train`` for ``epochs`` epochs, cut before the first epoch whose error is
        not finite (then ``diverged`` and ``message`` say so). Returns the weights and
        the history, the test set's errors and accuracies included."""
        v = self.values
        kwargs = {"alpha": v["alpha"], "batch_size": v["batch_size"],
                  "activation": v["activation"], "rng": self.rng}
        state = self.rng.bit_generator.state  # to replay a run that went bad
        try:
            weights, hist, test = self._train(epochs, **kwargs)
            diverged_in = first_nonfinite(hist["loss"], test["test_loss"])
        except DivergenceError as exc:
            diverged_in = min(exc.epoch, first_nonfinite(exc.history["loss"]) or
                              exc.epoch)
        while diverged_in is not None:
            # train stopped (its error or weights not finite) or the test error
            # overflowed: replay only the epochs whose errors were finite, from the
            # same shuffles, so that the generator is where those epochs left it
            # (and ``code`` reproduces the run)
            self.rng.bit_generator.state = state
            self.diverged = True
            self.message = (
                f"Diverged in epoch {self.epoch + diverged_in}: the network's numbers "
                f"overflowed to NaN or infinity with learning rate {v['alpha']:g}. "
                "Lower the learning rate (chapter 9) and press reset."
            )
            if diverged_in > 1:
                weights, hist, test = self._train(diverged_in - 1, **kwargs)
                diverged_in = first_nonfinite(hist["loss"], test["test_loss"])
            else:
                weights, hist = self.weights, {"loss": [], "accuracy": []}
                test = {"test_loss": [], "test_accuracy": []}
                diverged_in = None
        return weights, {**hist, **test}

    def _add_segment(self, trained):
        """Count ``trained`` epochs at the current learning rate and batch size in
        ``segments``, the runs of ``mlp.train`` that ``code`` replays."""
        v = self.values
        if trained:
            run = [v["alpha"], v["batch_size"]]
            if self.segments and self.segments[-1][:2] == run:
                self.segments[-1][2] += trained
            else:
                self.segments.append(run + [trained])

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
        return reproducing_code(self)

    # -- settings -----------------------------------------------------------------
    def _set(self, settings):
        unknown = set(settings) - set(self.defaults)
        if unknown:
            raise ValueError(
                f"Playground has no setting(s) {sorted(unknown)}; expected some of "
                f"{sorted(self.defaults)}"
            )
        for name, value in settings.items():
            self.values[name] = check_setting(name, value)

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
        self.draw()
        return self.status
