"""The playground's figure: the regions with the data, the network diagram and the
error curves, built once (``setup``) and updated in place by ``draw``."""

from __future__ import annotations

import textwrap

import numpy as np
from matplotlib import colormaps
from matplotlib.colors import to_rgb
from matplotlib.image import AxesImage
from matplotlib.transforms import ScaledTranslation

from ... import datasets, plotting
from ...activations import get_activation
from ...network import forward_pass
from ..render import image_bytes, nice_ceil, set_changed, set_title
from .settings import FEATURE_LABELS

__all__ = ["PlaygroundFigure", "region_colors"]


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


class PlaygroundFigure:
    """The drawing half of :class:`~mlp.widgets.playground.Playground` (a mixin): it
    builds the figure's artists once and updates them from the playground's weights,
    history and settings."""

    def setup(self, fig):
        # A layout of our own: the panels keep their places whatever the network,
        # the data or the titles (the colour key and texts are placed from them).
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
        self._setup_regions()
        self._setup_loss()
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
            self._setup_diagram(fig)
        self.note = self.ax_regions.text(
            0.5, 0.5, "", transform=self.ax_regions.transAxes, ha="center",
            va="center", fontsize=8, zorder=5, visible=False,
            bbox={"boxstyle": "round", "fc": "#fff3cd", "ec": "#b58900"},
        )

    def _setup_regions(self):
        """The regions' panel: an empty image, its x label and the scatters."""
        r = self.resolution
        # the regions' Axes show the data's extent as the unit square (it has no
        # ticks), so that a new data set moves the points, not the Axes' limits
        self.ax_regions.set_xlim(0, 1)
        self.ax_regions.set_ylim(0, 1)
        self.ax_regions.set_xticks([])
        self.ax_regions.set_yticks([])
        self.ax_regions.set_ylabel("x₂")  # plain text: see mlp.widgets.render.artists
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

    def _setup_loss(self):
        """The error panel: the training and test lines, the legend and the axes."""
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

    def _setup_diagram(self, fig):
        """The diagram's panel: the colour key, room for every network the widget
        offers, and the image of the unit maps."""
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

    def draw(self, **ignored):
        """Update the figure (and any live widget showing it) from the current state,
        and the status line under it (``status``).

        The region image, the error lines, the diagram's edges and the unit maps are
        updated in place (``set_data``, ``plotting.update_network``); the diagram is
        drawn anew only when the network's sizes change, the maps every
        ``maps_every`` frames.
        """
        if getattr(self, "_drawn_data", None) != self._data_key:
            self._draw_data()
        v = self.values
        self._draw_regions(v)
        h = self.history
        loss, acc = h["loss"][-1], h["accuracy"][-1]
        test_loss, test_acc = h["test_loss"][-1], h["test_accuracy"][-1]
        self._draw_headings(v, acc, test_acc)
        if self.ax_net is not None:
            self._draw_diagram(v)
        self._draw_loss(v, loss, test_loss)

        note = textwrap.fill(self.message, 30) if self.diverged else ""
        self.note.set_text(note)
        set_changed(self.note, visible=self.diverged)
        status = (f"epoch {self.epoch} of {self.max_epochs}: error E = {loss:.3f} "
                  f"training, {test_loss:.3f} test; accuracy {acc:.0%} training, "
                  f"{test_acc:.0%} test")
        self.say(f"{status}. {self.message}" if self.message else status)
        self._notify(picture=True)

    def _draw_regions(self, v):
        """The regions' image from the current weights (hidden if it is not finite),
        and the test points shown or not."""
        act = get_activation(v["activation"])
        with np.errstate(over="ignore", invalid="ignore"):
            inputs = datasets.features(self.grid, v["features"])
            y_hat = forward_pass(self.weights, inputs, act)[1][-1]
        if np.all(np.isfinite(y_hat)):
            # the colours as they show over the white Axes
            self.image.set_data(image_bytes(region_colors(y_hat)).reshape(
                self.xx.shape + (4,)))
        # never draw NaN: say so instead (the note under the diagram)
        set_changed(self.image, visible=bool(np.all(np.isfinite(y_hat))))
        for artist in self._scatter_test:
            set_changed(artist, visible=v["show_test"])

    def _draw_headings(self, v, acc, test_acc):
        """The regions' title (the accuracies), the data above it and the x label
        with the numbers of points."""
        set_title(self.ax_regions,
                  f"accuracy: training {acc:.0%}, test {test_acc:.0%}")
        noise = "" if v["noise"] is None else f", noise {v['noise']:g}"
        data = f"{v['dataset']}{noise}, {v['train_percent']}% for training"
        self.data_text.set_text(data)
        points = f"● {len(self.y_train)} training"
        if v["show_test"]:
            points += f", ○ {len(self.y_test)} test"
        label = f"x₁   ({points} points)"
        self.points_text.set_text(label)

    def _draw_diagram(self, v):
        """The diagram's edges (laid out anew for new sizes), the unit maps and its
        title."""
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
        set_title(self.ax_net, f"the {sizes} network")

    def _draw_loss(self, v, loss, test_loss):
        """The error curves, their axes' limits (changed only when needed), the
        settings as the panel's title and the progress above it."""
        h = self.history
        hidden = " x ".join([str(v["units"])] * v["layers"]) or "no hidden layer"
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
        set_changed(self.ax_loss, xlim=xlim, ylim=ylim)
        batch = "all" if v["batch_size"] is None else v["batch_size"]
        # the settings in one text: a new one makes it change (and be redrawn in
        # every later frame), the diagram's title changes only with its sizes
        net = v["activation"] + ("" if self.ax_net is not None else f" {hidden}")
        set_title(self.ax_loss,
                  f"{net}, α = {v['alpha']:g}, batch {batch}")
        self.progress.set_text(
            f"epoch {self.epoch}: E {loss:.3f} training, {test_loss:.3f} test")
