"""Widget speed: one slider change of every demo in ``mlp.widgets``, headless.

What a student waits for after moving a control is ``demo.update(...)`` (the demo's
``draw``: recompute and update the artists) plus ``demo.render()`` (Agg draws the
figure, PNG-encodes it for the Image widget). Both are timed, in wall-clock and in CPU
time of this process (on a loaded machine the CPU time is the steadier figure).

Every control of a demo is moved in turn, away from its default and back; a demo whose
constructor needs data gets it the way its chapter builds it (``FACTORIES``).
"""

from __future__ import annotations

import inspect
import statistics
import time
import warnings

import matplotlib

matplotlib.use("Agg")


def _multiclass_training_demo():
    """As chapter 6 builds it: a 2-16-3 network trained on three spirals, snapshots."""
    import mlp
    from mlp import datasets
    from mlp.widgets import MulticlassTrainingDemo

    X, y = datasets.spirals(300, rng=0, classes=3, noise=0.1, turns=0.75)
    keep = {1, 2, 3, 5, 10, 20, 30, 50, 100, 200, 300}
    snapshots = []
    _, history = mlp.train(
        mlp.init_weights([2, 16, 3], rng=0), X, y, alpha=2.0, epochs=300,
        batch_size=30, rng=0,
        callback=lambda e, W, h: snapshots.append((e, W)) if e in keep else None)
    return MulticlassTrainingDemo(snapshots, history, X, y)


def _digits_demo():
    """As chapter 14 builds it: the 64-32-10 network on the standardised test digits."""
    import bench_train as bt
    from mlp.widgets import DigitsDemo

    (X, y), _, (X_test, y_test), raw = bt.capstone_task(with_raw=True)
    weights = bt.run_capstone_mlp(X, y, X_test, y_test, keep_weights=True)
    return DigitsDemo(weights, X_test, y_test, images=raw)


FACTORIES = {"MulticlassTrainingDemo": _multiclass_training_demo,
             "DigitsDemo": _digits_demo}


def demos(only=None):
    """``{name: demo}`` for every Demo subclass exported by ``mlp.widgets`` (or only
    those named in ``only``)."""
    import mlp.widgets as w
    from mlp.widgets._core import Demo

    out = {}
    for name in sorted(w.__all__):
        cls = getattr(w, name)
        if not (inspect.isclass(cls) and issubclass(cls, Demo)) or cls is Demo:
            continue
        if only is not None and name not in only:
            continue
        out[name] = FACTORIES[name]() if name in FACTORIES else cls()
    return out


def _perturbed(control, value):
    """Another legal value for a control (for a slider, a step away from the value)."""
    if hasattr(control, "options") and control.options:
        opts = [o[1] if isinstance(o, tuple) else o for o in control.options]
        return next((o for o in opts if o != value), value)
    if isinstance(value, bool):
        return not value
    if hasattr(control, "max") and hasattr(control, "min"):
        span = control.max - control.min
        new = value + span / 7
        if new > control.max:
            new = value - span / 7
        if isinstance(value, int):
            new = int(round(new))
            if new == value:
                new = value + 1 if value + 1 <= control.max else value - 1
        return new
    return value


def moves(demo):
    """The sequence of updates: each control away from its default, then back."""
    controls = demo.controls()
    base = dict(demo.values)
    out = []
    for key, control in controls.items():
        if key not in base:
            continue
        other = _perturbed(control, base[key])
        if other != base[key]:
            out += [(key, {key: other}), (key, {key: base[key]})]
    return out


def _timed(fn):
    t, c = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - t, time.process_time() - c


def measure(rounds=5, only=None):
    """Per demo: median wall and CPU seconds of update and of render over every move
    repeated ``rounds`` times, the slowest control's median, the number of artists
    added per update, and any warning text seen.

    The demos are measured one after the other, and each control is moved back and
    forth ``rounds`` times before the next, as a student uses them (interleaving them
    would also measure matplotlib's caches being evicted, and an Axes whose limits one
    control changes being redrawn whole for every control). Before timing, every
    move is made once: the first move of a control is when the demo learns what it
    changes (``render.blit``), and its cost is reported apart ("first").
    """
    out = {}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for name, demo in demos(only).items():
            plan = moves(demo)
            demo.render()  # the first render lays the figure out: not an update
            before = _count_artists(demo.fig)
            first = [sum(x[0] for x in (_timed(lambda v=values: demo.update(**v)),
                                        _timed(demo.render)))
                     for _, values in plan]
            rows, seen = [], set()
            # one control at a time, back and forth, as a slider is dragged
            blocks = {}
            for key, values in plan:
                blocks.setdefault(key, []).append(values)
            for key, values_list in blocks.items():
                for values in values_list * rounds:
                    n = len(caught)
                    up = _timed(lambda v=values: demo.update(**v))
                    rd = _timed(demo.render)
                    rows.append((key, up, rd))
                    seen.update(str(w.message) for w in caught[n:])
            per_key = {}
            for key, u, r in rows:
                per_key.setdefault(key, []).append(u[0] + r[0])
            slowest = max(per_key, key=lambda k: statistics.median(per_key[k]))
            out[name] = {
                "wall": statistics.median(u[0] + r[0] for _, u, r in rows),
                "cpu": statistics.median(u[1] + r[1] for _, u, r in rows),
                "update_wall": statistics.median(u[0] for _, u, _ in rows),
                "render_wall": statistics.median(r[0] for _, _, r in rows),
                "first": statistics.median(first),
                "slowest": (slowest, statistics.median(per_key[slowest])),
                "artists_added": _count_artists(demo.fig) - before,
                "warnings": sorted(seen | {str(w.message) for w in caught}),
            }
            caught.clear()
            if name == "Playground":  # the live loop: a whole run, frame by frame
                demo.update(**demo.defaults)
                demo.reset()
                frames = []
                while not demo.finished:  # 20 epochs, draw, render
                    frames.append((_timed(lambda: demo.step(demo.epochs_per_tick)),
                                   _timed(demo.draw), _timed(demo.render)))
                out["Playground, a frame of the live loop (a run's median)"] = {
                    "wall": statistics.median(sum(p[0] for p in f) for f in frames),
                    "cpu": statistics.median(sum(p[1] for p in f) for f in frames),
                    "update_wall": statistics.median(f[0][0] + f[1][0] for f in frames),
                    "render_wall": statistics.median(f[2][0] for f in frames),
                    "first": frames[0][2][0],
                    "slowest": ("step", statistics.median(f[0][0] for f in frames)),
                    "artists_added": 0,
                    "warnings": [],
                }
    return out


def _count_artists(fig):
    return sum(len(ax.get_children()) for ax in fig.axes) + len(fig.axes)


if __name__ == "__main__":
    import sys

    # e.g. ``python benchmarks/bench_widgets.py Playground``: only those demos;
    # ``--draw-runs``: without the blitter's kept pixels (matplotlib's recipe)
    args = sys.argv[1:]
    if "--draw-runs" in args:
        from mlp.widgets.render.blit import Blitter

        Blitter.keep_runs = False
        args.remove("--draw-runs")
    for name, r in measure(3, only=args or None).items():
        print(f"{name:40s} wall {r['wall'] * 1e3:6.1f} ms  "
              f"cpu {r['cpu'] * 1e3:6.1f} ms "
              f"(update {r['update_wall'] * 1e3:5.1f}, render "
              f"{r['render_wall'] * 1e3:5.1f}; first {r['first'] * 1e3:5.0f}; slowest "
              f"{r['slowest'][0]} "
              f"{r['slowest'][1] * 1e3:5.1f}) +{r['artists_added']} artists "
              f"{r['warnings']}")
