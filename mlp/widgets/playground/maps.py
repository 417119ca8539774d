"""The unit maps: each input and hidden unit of the network diagram drawn as a small
map of its output over the input plane, as in TensorFlow Playground."""

from __future__ import annotations

import numpy as np
from matplotlib import colormaps

from ... import datasets, plotting
from ...activations import get_activation
from ...network import forward_pass
from .settings import FEATURE_LABELS

__all__ = ["UnitMaps"]


class UnitMaps:
    """The unit maps of :class:`~mlp.widgets.playground.Playground` (a mixin): what
    they show (``unit_outputs``) and how they are painted over the diagram."""

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
