"""Redraw only what changed: the frames of a demo's live figure, blitted with Agg.

A slider move updates a few artists (``set_data``, ``set_text``), and matplotlib marks
exactly those *stale*. Drawing the whole figure again for them is most of a widget
update's cost: every axis, tick label, legend and colour bar is laid out and drawn
again. Here the figure is drawn once into pieces kept as pixels:

- the background: in each Axes, what matplotlib draws before its first changing
  ("live") artist, and every Axes with nothing live;
- in each Axes, in matplotlib's drawing order (patch, then children by zorder), the
  live artists, drawn every frame, and the runs of unchanging artists after the first
  live one (a legend or the spines over a live region image), kept as transparent
  pixels and laid over the live ones in order.

A frame copies the background, draws the live artists and lays the kept runs over
them, so the picture is a full draw's up to rounding at anti-aliased edges
(``tests/test_perf_guards.py`` compares them). Where that cannot be guaranteed the
work is done whole: an Axes whose limits, scale, position or patch change, or which
gains or loses artists, is drawn whole each frame; a changed figure-level artist,
Axes coming or going, overlapping Axes, or a draw by anybody else (``savefig``) make a
full draw.

Which artists are live is learnt from the updates: an artist that changes becomes
live, and goes back to the kept pixels once it has kept still for ``STILL`` frames (a
slider usually moves again, but the next control may change other artists; a text
drawn every frame costs a millisecond or more). An Axes drawn whole goes back to
layers the same way.

Why not only matplotlib's blitting recipe
-----------------------------------------
The recipe in matplotlib's tutorial "Faster rendering by using blitting" marks the
changing artists ``animated``, keeps the background of a full draw
(``canvas.copy_from_bbox``) and per frame restores it and draws the animated artists
(``restore_region``, ``draw_artist``). This module does the same with the same
documented pieces (``set_animated``, ``canvas.draw``, ``copy_from_bbox``,
``restore_region``, ``Artist.draw``, the Agg buffer), and adds one step: the recipe
draws the animated artists over everything, so every unchanging artist above a live one
(a legend over a region image, the spines, a label box over a moving point) must be
animated too and drawn again on every frame. Measured on the benchmark machine, median
ms per move (update and PNG frame), kept pixels (``python benchmarks/bench_widgets.py``)
against drawing those runs again (the same with ``--draw-runs``): BackpropDemo 28 vs 72,
ErrorDemo 23 vs 63, VanishingDemo 17 vs 62, WeightsDemo 26 vs 55, four demos over the 50
ms goal. So those runs are kept as pixels (:class:`_Kept`) and laid over with numpy: the
one step matplotlib has no API for.

The order of drawing is read from public methods (``get_children``, ``zorder``,
``get_frame_on``, ``axison``) as ``Axes.draw`` documents it: the patch, then the
children sorted by zorder (:func:`_drawn`). If a new matplotlib drew in another
order, the frames would differ from a full draw, and ``tests/test_perf_guards.py``,
which compares them pixel by pixel for every demo, would fail.
"""

from __future__ import annotations

from operator import attrgetter

import numpy as np
from matplotlib.axis import Axis
from matplotlib.transforms import Bbox

#: frames an artist (or an Axes drawn whole) must keep still to be kept as pixels again
STILL = 3


class _Kept:
    """A run of unchanging artists of one Axes, kept as the pixels they cover."""

    def __init__(self, rgba):
        flat = rgba.reshape(-1, 4)
        self.index = np.flatnonzero(flat[:, 3])  # only the pixels the artists touch
        pixels = flat[self.index].astype(np.uint16)
        self.a = pixels[:, 3:]
        self.inv = 255 - self.a
        self.rgb_a = pixels[:, :3] * self.a  # at most 255 * 255: fits uint16

    def paste(self, frame):
        """Lay the pixels over ``frame`` (H, W, 4 uint8, changed in place): "over".

        Exact where the frame is opaque, which it is: the figure's patch is drawn
        first, opaque white, under everything."""
        flat = frame.reshape(-1, 4)
        below = flat[self.index].astype(np.uint16)
        # a * src + (255 - a) * dst is at most 255 * 255, + 127 still fits uint16
        below[:, :3] = (self.rgb_a + below[:, :3] * self.inv + 127) // 255
        below[:, 3:] = (self.a * 255 + below[:, 3:] * self.inv + 127) // 255
        flat[self.index] = below


def _drawn(ax):
    """The artists ``Axes.draw`` draws, in its order: the patch (if the frame is
    on), then the children by zorder; spines and axes left out when they are off."""
    artists = ax.get_children()
    artists.remove(ax.patch)
    frame = ax.axison and ax.get_frame_on()
    if not frame:
        for spine in ax.spines.values():
            artists.remove(spine)
    if not ax.axison:
        artists = [a for a in artists if not isinstance(a, Axis)]
    artists = sorted(artists, key=attrgetter("zorder"))
    if frame:
        artists = [ax.patch] + artists
    return artists


def _geometry(ax):
    return (tuple(ax.bbox.bounds), tuple(ax.viewLim.bounds), ax.get_xscale(),
            ax.get_yscale(), ax.axison, ax.get_visible())


class Blitter:
    """The frames of one figure (with an Agg canvas), redrawing only what changed.

    Create it right after a full draw of the figure; ``frame()`` then brings the
    canvas up to date and returns its RGBA buffer.

    ``keep_runs`` (a class attribute, True) keeps the unchanging artists drawn over
    live ones as pixels; False draws them again on every frame, as matplotlib's
    blitting recipe would: ``python benchmarks/bench_widgets.py --draw-runs``
    measures the difference (the numbers in this module's docstring).
    """

    keep_runs = True

    def __init__(self, fig):
        self.fig = fig
        self.live = set()  # artists drawn every frame
        self._idle = {}  # live artist -> frames since it last changed
        self.whole = set()  # Axes drawn whole every frame
        self._still, self._recent = {}, {}  # per whole Axes: frames unmoved, changes
        self.full_only = False  # gave up (overlapping Axes): full draws from now on
        self._drawing = False
        self._forget()
        fig.canvas.mpl_connect("draw_event", self._on_draw)

    # -- what changed ---------------------------------------------------------------
    def _forget(self):
        """After a full draw: remember the figure's structure, no pixels yet."""
        fig = self.fig
        self.in_background = None  # artists baked into the background
        self._kept = {}  # tuple of artists -> _Kept
        self._size = (tuple(fig.bbox.bounds), fig.dpi)
        self._fig_children = fig.get_children()
        self._children = {ax: set(ax.get_children()) for ax in fig.axes}
        self._settle()

    def _on_draw(self, event):
        if not self._drawing:  # somebody else drew it all (savefig): start over
            self._forget()

    def _changes(self):
        """Grow ``live`` and ``whole`` by what changed since the last frame.

        Returns None when only a full draw will do, else whether the background
        must be drawn again.
        """
        fig = self.fig
        if (self._size != (tuple(fig.bbox.bounds), fig.dpi)
                or fig.get_children() != self._fig_children):
            return None
        if any(a.stale for a in self._fig_children if a not in self._children):
            return None  # a figure-level artist (not an Axes) changed
        if any(ax.child_axes for ax in fig.axes):
            return None
        redraw = self.in_background is None
        for ax in fig.axes:
            redraw = self._axes_changes(ax) or redraw
        self._idle = {a: n for a, n in self._idle.items() if a in self.live}
        return redraw

    def _axes_changes(self, ax):
        """What changed in one Axes: its artists that changed become live; it is
        drawn whole if its geometry moved or it gained or lost artists (a new
        network diagram). True if the background must be drawn again."""
        children = set(ax.get_children())
        old = self._children[ax]
        self._children[ax] = children
        changed = {a for a in children if a.stale or a not in old}
        moved = (_geometry(ax) != self._geom[ax] or ax.patch.stale
                 or children != old)
        gone = old - children
        self.live -= gone
        if ax in self.whole:
            return self._whole_keeps_still(ax, moved, changed)
        if moved:
            self.whole.add(ax)
            self._still[ax], self._recent[ax] = 0, set()
            return True
        background = self.in_background or set()
        redraw = bool(gone & background)
        for artist in changed - self.live:
            self.live.add(artist)
            redraw = redraw or artist in background
        for artist in self.live & children:
            idle = 0 if artist in changed else self._idle.get(artist, 0) + 1
            if idle < STILL:
                self._idle[artist] = idle
            else:  # kept still: pixels again (a kept run, or the background
                self.live.discard(artist)  # when it comes before any live one)
                self._idle.pop(artist, None)
        return redraw

    def _whole_keeps_still(self, ax, moved, changed):
        """An Axes drawn whole goes back to layers once its limits and artists have
        kept still for ``STILL`` frames (after a one-off change, such as a new data
        set); what changed meanwhile is live then. True when it goes back."""
        if moved:
            self._still[ax], self._recent[ax] = 0, set()
            return False
        self._still[ax] += 1
        self._recent[ax] |= changed
        if self._still[ax] < STILL:
            return False
        self.whole.discard(ax)
        self.live |= self._recent.pop(ax)
        return True

    def _overlap(self):
        """True if an Axes with anything live overlaps another Axes."""
        boxes = [(ax, ax.bbox) for ax in self.fig.axes if ax.get_visible()]
        for ax, box in boxes:
            if ax not in self.whole and self.live.isdisjoint(ax.get_children()):
                continue
            for other, obox in boxes:
                if other is not ax and (min(box.x1, obox.x1) > max(box.x0, obox.x0)
                                        and min(box.y1, obox.y1) >
                                        max(box.y0, obox.y0)):
                    return True
        return False

    # -- drawing --------------------------------------------------------------------
    def _draw_background(self, renderer):
        """Draw everything before each Axes' first live artist, keep the pixels."""
        fig = self.fig
        self.in_background = set()
        left_out = list(self.whole)
        for ax in fig.axes:
            if ax in self.whole:
                continue
            order = _drawn(ax)
            first = next((i for i, a in enumerate(order) if a in self.live), len(order))
            self.in_background.update(order[:first])
            left_out += order[first:]
        # "animated" artists are left out of a draw but, unlike invisible ones, still
        # count for the layout (the title's place above the tick labels)
        left_out = [a for a in left_out if not a.get_animated()]
        try:
            for artist in left_out:
                artist.set_animated(True)
            fig.canvas.draw()
            # the whole canvas: fig.bbox itself can round to one row short
            self.background = fig.canvas.copy_from_bbox(
                Bbox.from_extents(-1, -1, fig.bbox.width + 1, fig.bbox.height + 1))
        finally:
            for artist in left_out:
                artist.set_animated(False)
        self._kept = {}

    def _plan(self, renderer):
        """Per Axes, what a frame draws over the background: live artists and kept
        runs, in order; the runs not yet kept are drawn now."""
        plans, kept = {}, {}
        for ax in self.fig.axes:
            if ax in self.whole or not ax.get_visible():
                continue
            plan, run = [], []
            for artist in _drawn(ax):
                if artist in self.in_background:
                    continue
                if artist in self.live:
                    if run:
                        plan.append(tuple(run))
                        run = []
                    plan.append(artist)
                else:
                    run.append(artist)
            if run:
                plan.append(tuple(run))
            for item in plan:
                if isinstance(item, tuple) and item not in kept and self.keep_runs:
                    kept[item] = self._kept.get(item) or self._keep(item, renderer)
            plans[ax] = plan
        self._kept = kept
        return plans

    @staticmethod
    def _keep(run, renderer):
        renderer.clear()
        for artist in run:
            artist.draw(renderer)
        return _Kept(np.asarray(renderer.buffer_rgba()))

    def _in_order(self):
        """True if every Axes' background part comes before all its other artists
        (else the background must be drawn again)."""
        for ax in self.fig.axes:
            if ax in self.whole:
                continue
            past = False
            for artist in _drawn(ax):
                if artist not in self.in_background:
                    past = True
                elif past:
                    return False
        return True

    def frame(self):
        """Bring the canvas up to date, redrawing what changed; its RGBA buffer."""
        canvas = self.fig.canvas
        self._drawing = True
        try:
            redraw = None if self.full_only else self._changes()
            if redraw is not None and self._overlap():
                self.full_only = True
                redraw = None
            if redraw is None:
                canvas.draw()
                self._forget()
                return np.asarray(canvas.get_renderer().buffer_rgba())
            renderer = canvas.get_renderer()
            if redraw or not self._in_order():
                self._draw_background(renderer)
            plans = self._plan(renderer)
            canvas.restore_region(self.background)
            frame = np.asarray(renderer.buffer_rgba())
            for ax in self.fig.axes:
                if ax in self.whole:
                    ax.draw(renderer)
                for item in plans.get(ax, ()):
                    if isinstance(item, tuple) and self.keep_runs:
                        self._kept[item].paste(frame)
                    elif isinstance(item, tuple):  # the recipe: draw them again
                        for artist in item:
                            artist.draw(renderer)
                    else:
                        item.draw(renderer)
            self._settle()
            return frame
        finally:
            self._drawing = False

    def _settle(self):
        """Mark everything drawn, so that the next change shows as stale (matplotlib
        leaves some artists it had no need to draw, such as empty titles, stale)."""
        for ax in self.fig.axes:
            for artist in ax.get_children():
                artist.stale = False
            ax.stale = False
        self.fig.stale = False
        self._geom = {ax: _geometry(ax) for ax in self.fig.axes}
