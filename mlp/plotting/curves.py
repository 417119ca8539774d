"""Learning curves, gradient checks and animations of training.

Chapters 9-13: the loss per epoch, gradient sizes per layer, a numerical check of a
derivative, the decision regions during training, and animations for the book.
"""

from __future__ import annotations

import numpy as np

from .._validation import as_float_array, check_weights, check_X
from ..activations import get_activation
from ..network import forward_pass
from .base import CLASS_COLORS, REGION_CMAP, axes_or_new
from .regions import (
    grid_for,
    half_plane,
    line_points,
    plot_data,
    plot_decision_regions,
    plot_probability,
)

__all__ = [
    "animate_line", "animate_training", "animation_html", "plot_activation_spreads",
    "plot_activations", "plot_derivative_check", "plot_gradient_check",
    "plot_gradient_sizes", "plot_loss", "plot_training_snapshots", "predicted_labels",
]


def plot_loss(ax, history, key="loss", label=None, **kwargs):
    """A loss (or accuracy) curve from ``train``'s history, one point per epoch.

    Returns
    -------
    ax
    """
    ax = axes_or_new(ax)
    values = history[key] if isinstance(history, dict) else history
    epochs = np.arange(1, len(values) + 1)
    ax.plot(epochs, values, label=label, **kwargs)
    ax.set_xlabel("epoch")
    ax.set_ylabel("error E" if key == "loss" else key)
    ax.grid(alpha=0.3)
    return ax


def plot_activations(ax, names=("sigmoid", "tanh", "relu"), derivative=False,
                     x=None):
    """Curves of the named activations (or of their derivatives).

    Returns
    -------
    ax
    """
    ax = axes_or_new(ax)
    x = np.linspace(-5, 5, 401) if x is None else np.asarray(x, dtype=float)
    for name in names:
        act = get_activation(name)
        f = act.f_prime if derivative else act.f
        ax.plot(x, f(x), label=f"{name}'" if derivative else name, linewidth=2)
    ax.axhline(0, color="0.6", linewidth=0.8)
    ax.axvline(0, color="0.6", linewidth=0.8)
    ax.set_xlabel("x")
    ax.legend()
    ax.grid(alpha=0.3)
    return ax


def plot_gradient_sizes(ax, sizes, label=None, offset=0.0, width=0.8, color=None,
                        **kwargs):
    r"""Bars of each layer's gradient size on a log scale, the first layer on the left.

    Parameters
    ----------
    ax : Axes or None
    sizes : array of shape (L,), e.g. from :func:`mlp.diagnostics.gradient_norms`;
        entry k is the size of :math:`\partial E / \partial W^{(k+1)}`
    label : str, optional, the legend entry
    offset, width : float
        Shift and width of the bars, so that several networks can be drawn side by
        side (e.g. three activations with ``width=0.27`` and offsets -0.27, 0, 0.27).
    color : optional matplotlib colour

    Returns
    -------
    ax

    Notes
    -----
    Chapter 12 (vanishing gradients): in a deep sigmoid network each bar is roughly
    four times shorter than the one to its right. Zero sizes (a layer of dead ReLUs)
    are left out, since a log scale cannot show them.
    """
    ax = axes_or_new(ax)
    s = as_float_array(sizes, "sizes", ndim=1)
    if s.size == 0:
        raise ValueError("sizes must hold one value per layer, got an empty array")
    if np.any(s < 0):
        raise ValueError("sizes must be >= 0 (they are magnitudes)")
    layers = np.arange(1, s.size + 1)
    shown = s > 0
    ax.set_yscale("log")
    ax.bar(layers[shown] + offset, s[shown], width=width, label=label, color=color,
           **kwargs)
    ax.set_xticks(layers)
    ax.set_xticklabels([f"$W^{{({k})}}$" for k in layers])
    ax.set_xlim(0.4, s.size + 0.6)
    ax.set_xlabel("layer (input side on the left, output on the right)")
    ax.set_ylabel(r"mean $|\partial E / \partial W|$")
    ax.grid(alpha=0.3, axis="y", which="major")
    return ax


def plot_derivative_check(ax, f, x, candidates, eps=1e-5, every=8, xlabel="x"):
    r"""Candidate formulas for a derivative against the finite differences of ``f``.

    Parameters
    ----------
    ax : Axes or None
    f : callable, ``f(x) -> array`` of the shape of ``x`` (element-wise)
    x : array of shape (g,), the points where the derivatives are compared
    candidates : dict ``{label: callable}``, each a formula for :math:`f'(x)`
        (element-wise); drawn as lines, the first solid, the others dashed
    eps : float, the finite-difference step
    every : int, draw one finite-difference marker every ``every`` points
    xlabel : str

    Returns
    -------
    ax

    Notes
    -----
    The markers are the central differences

    .. math:: f'(x) \approx
              \frac{f(x + \varepsilon) - f(x - \varepsilon)}{2\varepsilon},

    so the formula whose line runs through them is the right one. Chapter 10 uses it to
    show which of the slides' derivatives of the log loss is correct.
    """
    ax = axes_or_new(ax)
    if not callable(f):
        raise TypeError(f"f must be a function of x, got {type(f).__name__}")
    x = as_float_array(x, "x", ndim=1)
    if not isinstance(candidates, dict) or not all(
        callable(c) for c in candidates.values()
    ):
        raise TypeError("candidates must be a dict {label: function of x}")
    if isinstance(every, bool) or not isinstance(every, int) or every < 1:
        raise ValueError(f"every must be a positive integer, got {every!r}")
    styles = ["-", "--", ":", "-."]
    colors = ["#2ca02c", "#d62728", "#9467bd", "#ff7f0e"]
    for k, (label, g) in enumerate(candidates.items()):
        ax.plot(x, np.asarray(g(x), dtype=float), styles[k % len(styles)],
                color=colors[k % len(colors)], linewidth=2.2 if k == 0 else 1.8,
                label=label, zorder=2)
    numeric = ((np.asarray(f(x + eps), float) - np.asarray(f(x - eps), float))
               / (2 * eps))
    ax.plot(x[::every], numeric[::every], "o", color="k", markersize=4.5,
            label="finite differences", zorder=3)
    ax.axhline(0, color="0.6", linewidth=0.8, zorder=1)
    ax.set_xlabel(xlabel)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    return ax


def plot_gradient_check(ax, grads, numeric):
    r"""Backpropagation's gradient against the numerical one, one point per weight.

    Parameters
    ----------
    ax : Axes or None
    grads, numeric : lists of arrays of the same shapes (one per layer), e.g. from
        :func:`mlp.backprop` and :func:`mlp.numerical_gradient`

    Returns
    -------
    ax

    Notes
    -----
    Every point should lie on the diagonal :math:`y = x`; each layer has its own
    colour. Chapter 11 (gradient check).
    """
    ax = axes_or_new(ax)
    if not isinstance(grads, (list, tuple)) or not isinstance(numeric, (list, tuple)):
        raise TypeError("grads and numeric must be lists of arrays, one per layer")
    if len(grads) != len(numeric):
        raise ValueError(
            f"grads has {len(grads)} layers but numeric has {len(numeric)}")
    lo, hi = np.inf, -np.inf
    for k, (g, n) in enumerate(zip(grads, numeric)):
        g = as_float_array(g, f"grads[{k}]")
        n = as_float_array(n, f"numeric[{k}]")
        if g.shape != n.shape:
            raise ValueError(
                f"grads[{k}] has shape {g.shape} but numeric[{k}] has shape {n.shape}")
        ax.scatter(n.ravel(), g.ravel(), s=28,
                   color=CLASS_COLORS[k % len(CLASS_COLORS)],
                   edgecolor="white", linewidth=0.5, label=f"$W^{{({k + 1})}}$",
                   zorder=3)
        lo = min(lo, n.min(), g.min())
        hi = max(hi, n.max(), g.max())
    pad = 0.05 * max(hi - lo, 1e-12)
    ax.plot([lo - pad, hi + pad], [lo - pad, hi + pad], color="0.5", linewidth=1,
            zorder=1, label="$y = x$")
    ax.set_xlabel("finite differences")
    ax.set_ylabel("backpropagation")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    return ax


def plot_training_snapshots(axes, snapshots, X, y, activation="sigmoid", labels=None,
                            resolution=60):
    """The decision regions of a network at several moments of its training.

    Parameters
    ----------
    axes : sequence of Axes, one per snapshot
    snapshots : list of ``(epoch, weights)`` pairs, e.g. kept by ``train``'s callback;
        the networks have 2 inputs, and one output unit (the probability of class 1
        is shaded) or one per class (each class's region is)
    X : array (m, 2), y : array (m,), the training data drawn on every panel
    activation : the hidden layers' function
    labels : sequence of str, optional, a legend name per class
    resolution : int, grid points per side

    Returns
    -------
    the axes

    Notes
    -----
    Each panel's title gives the epoch and the accuracy on ``X``. Chapter 11.
    """
    axes = list(np.ravel(axes))
    if not isinstance(snapshots, (list, tuple)) or not snapshots:
        raise TypeError("snapshots must be a non-empty list of (epoch, weights) pairs")
    if len(axes) != len(snapshots):
        raise ValueError(
            f"got {len(snapshots)} snapshots but {len(axes)} axes: one axis each")
    for ax, snap in zip(axes, snapshots):
        if not isinstance(snap, (list, tuple)) or len(snap) != 2:
            raise TypeError("each snapshot must be an (epoch, weights) pair")
        epoch, weights = snap
        W = check_weights(weights, 2)
        act = get_activation(activation)

        def proba(pts, W=W, act=act):
            with np.errstate(over="ignore", invalid="ignore"):
                return forward_pass(W, pts, act)[1][-1][:, 0]

        if W[-1].shape[1] == 1:
            # lighter shading than plot_decision_regions: the points stay readable
            # even where the network is sure
            plot_probability(ax, proba, X, resolution, alpha=0.35)
        else:  # several classes: their regions, as plot_decision_regions draws them
            plot_decision_regions(ax, W, X, activation=activation,
                                  resolution=resolution)
        plot_data(ax, X, y, labels=labels, s=12)
        acc = float(np.mean(
            predicted_labels(weights, check_X(X), activation) == np.asarray(y)))
        ax.set_title(f"epoch {epoch}: accuracy {acc:.0%}", fontsize=10)
        ax.set_xticks([])
        ax.set_yticks([])
    return axes


def predicted_labels(weights, X, activation):
    with np.errstate(over="ignore", invalid="ignore"):
        y_hat = forward_pass(check_weights(weights, X.shape[1]), X,
                         get_activation(activation))[1][-1]
    return (y_hat[:, 0] >= 0.5).astype(int) if y_hat.shape[1] == 1 else np.argmax(
        y_hat, axis=1)


def _loss_panel(ax_loss, loss):
    """The error per epoch on a log axis, and the dot that marks the current epoch."""
    from matplotlib.ticker import FormatStrFormatter, NullFormatter

    epochs = np.arange(1, loss.size + 1)
    ax_loss.plot(epochs, loss, color="0.4")
    (dot,) = ax_loss.plot([], [], "o", color="#d62728", markersize=8)
    ax_loss.set_xscale("log")
    # plain tick labels (1, 10, 100) rather than math text: cheaper on every frame
    ax_loss.xaxis.set_major_formatter(FormatStrFormatter("%d"))
    ax_loss.xaxis.set_minor_formatter(NullFormatter())
    ax_loss.set_xlabel("epoch (log scale)")
    ax_loss.set_ylabel("error E")
    ax_loss.grid(alpha=0.3)
    return dot


def animate_training(snapshots, history, X, y, activation="sigmoid", labels=None,
                     resolution=60, figsize=(8.5, 3.6), interval=400, dpi=72):
    """An animation of the decision regions as a network learns, beside its loss.

    Parameters
    ----------
    snapshots : list of ``(epoch, weights)`` pairs, one frame each; networks with one
        output unit (two classes)
    history : dict with the per-epoch ``"loss"`` from ``train``
    X : array (m, 2), y : array (m,), the training data
    activation, labels, resolution : as in :func:`plot_training_snapshots`
    figsize : tuple, interval : int (milliseconds between frames)
    dpi : int, the frames' resolution (each frame is stored as an image in the page)

    Returns
    -------
    matplotlib.animation.FuncAnimation
        Call ``.to_jshtml()`` on it for a player that works in a static HTML page.

    Notes
    -----
    The figure is a ``matplotlib.figure.Figure`` outside pyplot, so a notebook shows
    only the player, not a stray still image. Chapter 11.
    """
    from matplotlib.animation import FuncAnimation
    from matplotlib.figure import Figure

    loss, X, y, act = _checked_snapshots(snapshots, history, X, y, activation)
    fig = Figure(figsize=figsize, layout="constrained", dpi=dpi)
    ax, ax_loss = fig.subplots(1, 2, width_ratios=[1, 1.25])
    xx, yy, pts, image = _regions_panel(ax, X, y, labels, resolution)
    dot = _loss_panel(ax_loss, loss)
    contours = []

    def frame(k):
        epoch, weights = snapshots[k]
        with np.errstate(over="ignore", invalid="ignore"):
            p = forward_pass(check_weights(weights, 2), pts, act)[1][-1][:, 0]
        p = p.reshape(xx.shape)
        image.set_data(p)
        for c in contours:
            c.remove()
        contours.clear()
        if p.min() < 0.5 < p.max():
            contours.append(ax.contour(xx, yy, p, levels=[0.5], colors="k",
                                       linewidths=1.5))
        acc = float(np.mean(predicted_labels(weights, X, act) == y))
        ax.set_title(f"epoch {epoch}: accuracy {acc:.0%}", fontsize=10)
        e = min(max(int(epoch), 1), loss.size)
        dot.set_data([e], [loss[e - 1]])
        ax_loss.set_title(f"E = {loss[e - 1]:.3f}", fontsize=10)
        return [image, dot]

    # lay the figure out once, for the last (busiest) frame, then keep that layout
    # with no layout engine at all (with any engine, even "none", savefig draws twice)
    frame(len(snapshots) - 1)
    fig.draw_without_rendering()
    fig.set_layout_engine(None)
    return FuncAnimation(fig, frame, frames=len(snapshots), interval=interval,
                         blit=False)


def _checked_snapshots(snapshots, history, X, y, activation):
    """``animate_training``'s arguments checked: the loss as an array, X, y and the
    activation function."""
    if not isinstance(snapshots, (list, tuple)) or not snapshots:
        raise TypeError("snapshots must be a non-empty list of (epoch, weights) pairs")
    loss = np.asarray(history["loss"] if isinstance(history, dict) else history, float)
    X = check_X(X)
    y = np.asarray(y)
    act = get_activation(activation)
    n_out = {check_weights(weights, 2)[-1].shape[1] for _, weights in snapshots}
    if n_out != {1}:
        raise ValueError(
            "animate_training shades the probability of class 1: it needs networks "
            f"with one output unit, got {sorted(n_out)}. For several classes, draw "
            "the snapshots with plot_training_snapshots.")
    return loss, X, y, act


def _regions_panel(ax, X, y, labels, resolution):
    """``animate_training``'s left panel: the data over an empty image of the
    regions, on a grid of ``resolution`` points a side. Returns the grid (xx, yy,
    points) and the image."""
    xx, yy, pts = grid_for(X, resolution)
    image = ax.imshow(np.zeros_like(xx), origin="lower", cmap=REGION_CMAP, vmin=0,
                      vmax=1, alpha=0.4, aspect="auto",
                      extent=(xx.min(), xx.max(), yy.min(), yy.max()))
    plot_data(ax, X, y, labels=labels, s=12)
    ax.set_xlim(xx.min(), xx.max())
    ax.set_ylim(yy.min(), yy.max())
    ax.set_xticks([])
    ax.set_yticks([])
    return xx, yy, pts, image


def animate_line(path, X, y, xlim=(0.0, 10.0), ylim=(0.0, 10.0), titles=None,
                 labels=None, figsize=(4.4, 3.6), dpi=72, interval=300):
    r"""An animation of the perceptron's line moving along a path of weights.

    Each frame draws the line :math:`w_1 x_1 + w_2 x_2 + b = 0` of one row of ``path``
    over the data, the side where the score is positive (class 1) tinted red and the
    other blue; the first line stays as a dashed grey reference.

    Parameters
    ----------
    path : array of shape (T, 3), one row ``(w1, w2, b)`` per frame (T >= 1)
    X : array of shape (m, 2); y : array of shape (m,) of 0/1 labels
    xlim, ylim : the axes' ranges
    titles : list of T str, optional, one title per frame
    labels : pair of str, optional, legend names of the classes
    figsize, dpi : keep them small: every frame is stored as a PNG
    interval : int, milliseconds between frames

    Returns
    -------
    matplotlib.animation.FuncAnimation
        Its figure is a plain :class:`matplotlib.figure.Figure`, not known to pyplot,
        so a notebook does not also show it as a still picture. In a notebook,
        ``IPython.display.HTML(anim.to_jshtml())`` plays in the static HTML book too.

    Notes
    -----
    Chapter 9 (Gradient Descent): each row of ``path`` is one step
    :math:`w \leftarrow w - \alpha \nabla E`. The sides are flat polygons rather than
    a probability shading, so that each frame is a small PNG (a few kB) and quick to
    draw.
    """
    from matplotlib.animation import FuncAnimation
    from matplotlib.figure import Figure

    path = _checked_path(path, titles)
    fig = Figure(figsize=figsize, dpi=dpi)
    ax = fig.add_subplot()
    sides, line, title = _line_panel(ax, path[0], X, y, xlim, ylim, labels)
    # fixed margins, no layout engine: with one, every saved frame is drawn twice
    fig.subplots_adjust(left=0.12, right=0.97, bottom=0.14, top=0.9)

    def frame(t):
        w1, w2, b = path[t]
        sides[0].set_xy(half_plane(w1, w2, b, xlim, ylim))     # score >= 0: red
        sides[1].set_xy(half_plane(-w1, -w2, -b, xlim, ylim))  # score < 0: blue
        line.set_data(*line_points(w1, w2, b, list(xlim)))
        title.set_text(titles[t] if titles is not None else f"step {t}")
        return (*sides, line, title)

    return FuncAnimation(fig, frame, frames=path.shape[0], interval=interval,
                         repeat=False)


def _checked_path(path, titles):
    """``animate_line``'s path as a float array (T, 3), checked against the number
    of ``titles``."""
    path = as_float_array(path, "path", ndim=2)
    if path.shape[1] != 3 or path.shape[0] < 1:
        raise ValueError(
            f"path must have shape (T, 3), one row (w1, w2, b) per frame; got "
            f"{path.shape}")
    if titles is not None and len(titles) != path.shape[0]:
        raise ValueError(
            f"titles must have one entry per frame ({path.shape[0]}), got "
            f"{len(titles)}")
    return path


def _line_panel(ax, start, X, y, xlim, ylim, labels):
    """``animate_line``'s Axes: the data, the ``start`` line (w1, w2, b) dashed grey,
    and the artists each frame changes: the two sides (red, blue), the line and the
    title."""
    from matplotlib.patches import Polygon

    sides = [Polygon(np.zeros((0, 2)), closed=True, facecolor=c, alpha=0.15,
                     edgecolor="none", zorder=0) for c in CLASS_COLORS[1::-1]]
    for patch in sides:
        ax.add_patch(patch)
    ax.plot(*line_points(*start, list(xlim)), color="0.5", linestyle="--",
            linewidth=1.2, label="start")
    (line,) = ax.plot([], [], color="k", linewidth=2.2, label="line")
    plot_data(ax, X, y, labels=labels, s=60)
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.set_xlabel("$x_1$", fontsize=11)
    ax.set_ylabel("$x_2$", fontsize=11)
    ax.tick_params(labelsize=9)
    ax.legend(loc="upper right", fontsize=8)
    title = ax.set_title(" ", fontsize=11)
    return sides, line, title


def animation_html(anim, alt, **jshtml_options):
    """The animation as an HTML player (``anim.to_jshtml()``) with alt text.

    Parameters
    ----------
    anim : matplotlib.animation.Animation, e.g. from :func:`animate_line`
    alt : str, what the animation shows, for readers who cannot see it
    **jshtml_options : passed to ``anim.to_jshtml`` (e.g. ``default_mode="once"``)

    Returns
    -------
    str of HTML; in a notebook ``IPython.display.HTML(animation_html(anim, alt))``
    plays in the static HTML book too (every frame is embedded as a PNG).
    """
    import html

    from matplotlib.animation import Animation

    if not isinstance(anim, Animation):
        raise TypeError(
            f"anim must be a matplotlib Animation, got {type(anim).__name__}")
    if not isinstance(alt, str) or not alt.strip():
        raise ValueError("alt must be a non-empty description of the animation")
    player = anim.to_jshtml(**jshtml_options)
    tag = '<img id="_anim_img'
    if tag not in player:  # pragma: no cover - a matplotlib that changed its player
        return player
    return player.replace(tag, f'<img alt="{html.escape(alt)}" id="_anim_img', 1)


def plot_activation_spreads(ax, spreads, label=None, color=None, **kwargs):
    r"""Each layer's spread across the examples, inputs on the left, on a log scale.

    Parameters
    ----------
    ax : Axes or None
    spreads : array of shape (L + 1,), e.g. from
        :func:`mlp.diagnostics.activation_spreads`: entry 0 for the inputs, the last
        for :math:`\hat y`
    label : str, optional, the legend entry
    color : optional matplotlib colour

    Returns
    -------
    ax

    Notes
    -----
    Chapter 12: in a deep sigmoid network each point is about four times lower than
    the one to its left, and :math:`\hat y` is the same for every example.
    """
    ax = axes_or_new(ax)
    s = as_float_array(spreads, "spreads", ndim=1)
    if s.size < 2:
        raise ValueError("spreads must hold the inputs' and at least one layer's "
                         f"spread, got {s.size} value(s)")
    if np.any(s < 0):
        raise ValueError("spreads must be >= 0 (they are standard deviations)")
    layers = np.arange(s.size)
    shown = s > 0
    ax.set_yscale("log")
    kwargs.setdefault("marker", "o")
    ax.plot(layers[shown], s[shown], label=label, color=color, **kwargs)
    ax.set_xticks(layers)
    ax.set_xticklabels(["$x$"] + [f"$a^{{({k})}}$" for k in layers[1:-1]]
                       + [r"$\hat y$"])
    ax.set_xlim(-0.4, s.size - 0.6)
    ax.set_xlabel("layer (input on the left, output on the right)")
    ax.set_ylabel("spread: std over the examples")
    ax.grid(alpha=0.3, axis="y", which="major")
    return ax
