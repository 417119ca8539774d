"""The playground's views: the live loop (an asyncio task), the widget with its
controls and buttons, and ``record``, an animation of a run for the HTML book."""

from __future__ import annotations

import asyncio
import html

from matplotlib.animation import FuncAnimation

from ... import datasets
from ..._validation import check_positive_int
from ...activations import ACTIVATIONS
from .settings import FEATURE_LABELS

__all__ = ["LiveViews", "feature_toggles"]


class LiveViews:
    """The live loop and the views of :class:`~mlp.widgets.playground.Playground`
    (a mixin)."""

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
            "features": feature_toggles(),
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
        start, step, reset, show_code = _buttons()
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
        RunAnimation, a matplotlib ``FuncAnimation``
            Its ``epochs`` attribute lists the epoch of each frame; the frames end
            early at a divergence or at ``max_epochs``.
        """
        n_frames = check_positive_int(n_frames, "n_frames")
        epochs_per_frame = check_positive_int(epochs_per_frame, "epochs_per_frame")
        rec = type(self)(max_epochs=self.max_epochs, figsize=figsize, diagram=diagram,
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

        return RunAnimation(rec.fig, show, [frame[1] for frame in frames], interval)



class RunAnimation(FuncAnimation):
    """The animation :meth:`LiveViews.record` returns: a ``FuncAnimation`` that also
    knows the epoch of each frame (``epochs``)."""

    def __init__(self, fig, show, epochs, interval):
        self.epochs = list(epochs)
        super().__init__(fig, show, frames=len(self.epochs), interval=interval,
                         repeat=True)


def _buttons():
    """The widget's buttons: start (or pause), step, reset and code."""
    import ipywidgets as w

    start = w.Button(description="Start", icon="play", button_style="success",
                     tooltip="train until paused (or the epoch cap)")
    step = w.Button(description="Step", icon="step-forward",
                    tooltip="train one epoch")
    reset = w.Button(description="Reset", icon="undo",
                     tooltip="new random weights, empty history")
    show_code = w.Button(description="Code", icon="code",
                         tooltip="the mlp code that reproduces this run")
    return start, step, reset, show_code


def feature_toggles():
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
