"""Chapter 0: the shapes of a matrix product, with the sizes on sliders."""

from __future__ import annotations

from .. import plotting
from ._core import Demo


class ShapesDemo(Demo):
    """Sliders for ``m``, ``n`` and ``k``: the shape diagram of ``H = X @ W``,
    (m, n) @ (n, k) -> (m, k), row 0 of ``X`` against column 0 of ``W`` shaded.
    """

    defaults = {"m": 6, "n": 3, "k": 3}
    figsize = (6.5, 3.8)

    def controls(self):
        import ipywidgets as w

        return {
            "m": w.IntSlider(min=1, max=8, description="m (rows of X)"),
            "n": w.IntSlider(min=1, max=6, description="n (inner)"),
            "k": w.IntSlider(min=1, max=5, description="k (columns of W)"),
        }

    def setup(self, fig):
        self.ax = fig.add_subplot()

    def draw(self, m, n, k):
        self.ax.clear()  # a new grid of cells for new sizes: the diagram is redrawn
        plotting.plot_matmul_shapes(self.ax, int(m), int(n), int(k))
        self.say(f"({m}, {n}) @ ({n}, {k}) -> ({m}, {k}): {m * k} entries, each a row "
                 f"of {n} numbers against a column of {n}")
