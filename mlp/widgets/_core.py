"""The machinery shared by every demo: sliders, one figure, a static snapshot.

A demo draws its figure once and then only updates the artists that change
(``set_data``, ``set_array``, text); the render layer (:mod:`mlp.widgets.render`)
redraws only those for the next frame. Each demo
has ``figure()``, the static picture of its default state for the HTML book, and
``widget()``, the live ipywidgets version for a running kernel. A demo never shows a
broken plot: an error or a NaN becomes a message under the figure.
"""

from __future__ import annotations

import html

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from .render import Frames


class Demo:
    """Base class: subclasses define ``controls()``, ``setup(fig)`` and
    ``draw(**values)``.

    - ``controls()`` returns ``{name: ipywidgets control}`` (built lazily, so that
      ``figure()`` works without ipywidgets);
    - ``defaults`` maps each control's name to its default value;
    - ``setup(fig)`` creates the axes and artists once;
    - ``draw(**values)`` updates the artists, and ``say``s the line to show under the
      figure (the numbers a student reads off the picture), if any.
    """

    defaults: dict = {}
    figsize = (9, 4)

    def __init__(self, **overrides):
        unknown = set(overrides) - set(self.defaults)
        if unknown:
            raise ValueError(
                f"{type(self).__name__} has no setting(s) {sorted(unknown)}; "
                f"expected some of {sorted(self.defaults)}"
            )
        self.values = {**self.defaults, **overrides}
        self.fig = Figure(figsize=self.figsize, layout="constrained")
        # an Agg canvas of its own: every render reuses one renderer, and with it
        # matplotlib's cache of text layouts (a bare Figure gets a new canvas, and
        # lays out every label and formula again, on each savefig)
        FigureCanvasAgg(self.fig)
        self.frames = Frames(self.fig)  # how each update reaches the screen
        self.setup(self.fig)
        self.status = ""
        self.update(**self.values)

    # -- to implement -------------------------------------------------------------
    def controls(self):  # pragma: no cover - abstract
        raise NotImplementedError

    def setup(self, fig):  # pragma: no cover - abstract
        raise NotImplementedError

    def draw(self, **values) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def say(self, line: str) -> None:
        """Show ``line`` under the figure after this update (``status``)."""
        self.status = line

    # -- shared -------------------------------------------------------------------
    def update(self, **values) -> str:
        """Apply new values to the figure; returns the status line shown under it."""
        self.values.update(values)
        self.status = ""
        try:
            with np.errstate(all="ignore"):
                returned = self.draw(**self.values)
            if returned is not None:  # the old contract: a status line returned
                raise TypeError(f"{type(self).__name__}.draw returned {returned!r}: "
                                "it returns nothing and says its line with self.say")
        except Exception as exc:  # a message instead of a broken plot
            self.status = f"Cannot draw this setting: {exc}"
        return self.status

    def figure(self) -> Figure:
        """The figure in its current state (the default state for the static book)."""
        return self.fig

    def render(self) -> bytes:
        """The figure as PNG bytes: what one widget update costs. The render layer
        (:mod:`mlp.widgets.render`) draws only what ``draw`` changed."""
        return self.frames.png()

    def widget(self):
        """The live demo: the controls above the figure and its status line."""
        import ipywidgets as widgets

        controls = self.controls()
        for name, control in controls.items():
            control.value = self.values[name]
        image = widgets.Image(format="png", layout=widgets.Layout(max_width="100%"))
        status = widgets.HTML()

        def refresh(change=None):
            new = {name: c.value for name, c in controls.items()}
            status.value = f"<b>{html.escape(self.update(**new))}</b>"
            image.value = self.render()  # swap the picture in place: no flicker

        for control in controls.values():
            control.observe(refresh, names="value")
        refresh()
        box = widgets.HBox(list(controls.values()), layout=widgets.Layout(
            flex_flow="row wrap"))
        return widgets.VBox([box, image, status])
