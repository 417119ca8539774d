"""Figures for the course: data, decision regions, networks, activations, loss curves.

Every function draws on the ``ax`` it is given (or a new one) and returns it; none calls
``plt.show()``. Colours: class 0 blue, class 1 red, class 2 green, everywhere.
"""

from __future__ import annotations


import numpy as np
from matplotlib import pyplot as plt
from matplotlib.colors import to_rgb

from ._validation import as_float_array, check_weights, check_X
from .activations import get_activation
from .network import forward_pass

#: Class colours (class id -> colour), and a light version for regions.
CLASS_COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"]
REGION_CMAP = "RdBu_r"
LABELS_ADMISSIONS = ("rejected", "accepted")


def _ax(ax):
    if ax is None:
        _, ax = plt.subplots(figsize=(5, 4.5))
    return ax


def plot_data(ax, X, y, labels=None, s=22, **kwargs):
    """Scatter the examples of ``X`` (m, 2) coloured by their labels ``y`` (m,).

    Parameters
    ----------
    ax : matplotlib Axes or None
    X : array (m, 2)
    y : array (m,) of class ids
    labels : sequence of str, optional, a legend name per class

    Returns
    -------
    ax
    """
    ax = _ax(ax)
    X = check_X(X)
    if X.shape[1] != 2:
        raise ValueError(f"plot_data draws 2-D data: X must be (m, 2), got {X.shape}")
    y = as_float_array(y, "y", ndim=1).astype(int)
    if y.shape[0] != X.shape[0]:
        raise ValueError(f"y has {y.shape[0]} labels but X has {X.shape[0]} rows")
    for c in np.unique(y):
        pts = X[y == c]
        name = labels[c] if labels is not None else f"class {c}"
        ax.scatter(
            pts[:, 0],
            pts[:, 1],
            s=s,
            color=CLASS_COLORS[c % len(CLASS_COLORS)],
            edgecolor="white",
            linewidth=0.6,
            label=name,
            zorder=3,
            **kwargs,
        )
    return ax


def grid_for(X, resolution=100, margin=0.1):
    """A regular grid covering the data with a margin.

    Returns
    -------
    xx, yy : arrays (resolution, resolution); points : array (resolution**2, 2)
    """
    X = check_X(X)
    lo, hi = X.min(axis=0), X.max(axis=0)
    pad = margin * np.maximum(hi - lo, 1e-9)
    xs = np.linspace(lo[0] - pad[0], hi[0] + pad[0], resolution)
    ys = np.linspace(lo[1] - pad[1], hi[1] + pad[1], resolution)
    xx, yy = np.meshgrid(xs, ys)
    return xx, yy, np.column_stack([xx.ravel(), yy.ravel()])


def over_white(rgba, alpha=None):
    """Colours as they show over a white background, made opaque.

    Parameters
    ----------
    rgba : array (..., 4) of RGBA floats in [0, 1]
    alpha : float in [0, 1], optional: the opacity to show them at (by default each
        colour's own alpha)

    Returns
    -------
    array (..., 4), a copy with alpha 1. Opaque colours draw faster (an opaque image,
    bands that may overlap at their edges) and look the same on the book's white page.

    Examples
    --------
    >>> over_white([[1.0, 0.0, 0.0, 0.5]]).tolist()
    [[1.0, 0.5, 0.5, 1.0]]
    """
    out = np.array(rgba, dtype=float)
    a = out[..., 3:] if alpha is None else alpha
    out[..., :3] = a * out[..., :3] + (1 - a)
    out[..., 3] = 1.0
    return out


def probability_bands(p, extent=(0.0, 1.0, 0.0, 1.0), levels=20, alpha=0.5):
    """A probability map as filled bands, for a ``PathCollection`` that a live
    figure updates (``set_paths``, ``set_facecolor``) instead of an image.

    Parameters
    ----------
    p : array (rows, columns) of probabilities on a regular grid (row i at x2)
    extent : (x1_min, x1_max, x2_min, x2_max), where the grid's corners lie
    levels : int, bands of equal width between 0 and 1
    alpha : float, how strongly the colours show over white

    Returns
    -------
    paths : list of Path, one per band that is not empty
    colors : array (len(paths), 4), opaque: :data:`REGION_CMAP` at the band's middle
        mixed with white, as ``alpha`` would show it on a white background

    Notes
    -----
    Draw them without anti-aliasing (``antialiased=False``, as ``contourf`` does):
    anti-aliased neighbouring bands leave light seams. Opaque colours, because
    neighbouring bands share a pixel here and there. Drawing 20 bands costs a
    fraction of resampling an image to the size of the Axes, and the bands look
    like the 20-level shading of :func:`plot_probability`.
    """
    from contourpy import FillType, contour_generator
    from matplotlib import colormaps
    from matplotlib.path import Path

    p = as_float_array(p, "p", ndim=2)
    p_min, p_max = float(p.min()), float(p.max())
    if p_min < 0.0 or p_max > 1.0:
        raise ValueError(
            f"p must hold probabilities in [0, 1]; got values from {p_min:.3g} to "
            f"{p_max:.3g} (scores? pass them through the sigmoid first)")
    x1_min, x1_max, x2_min, x2_max = _check_extent(extent)
    generator = contour_generator(np.linspace(x1_min, x1_max, p.shape[1]),
                                  np.linspace(x2_min, x2_max, p.shape[0]), p,
                                  fill_type=FillType.OuterCode)
    edges = np.linspace(0.0, 1.0, levels + 1)
    paths, middles = [], []
    for lo, hi in zip(edges[:-1], edges[1:]):
        if hi < p_min or lo > p_max:
            continue
        polygons, codes = generator.filled(lo, hi)
        if polygons:
            paths.append(Path(np.concatenate(polygons), np.concatenate(codes)))
            middles.append((lo + hi) / 2)
    colors = over_white(colormaps[REGION_CMAP](np.array(middles)), alpha)
    return paths, colors.reshape(-1, 4)


def level_lines(z, extent=(0.0, 1.0, 0.0, 1.0), level=0.5):
    """The lines where a map ``z`` crosses ``level`` (a decision boundary), for a
    ``LineCollection`` that a live figure updates with ``set_segments``.

    Parameters
    ----------
    z : array (rows, columns), values on a regular grid: row i at x2, column j at x1
    extent : (x1_min, x1_max, x2_min, x2_max), where the grid's corners lie
    level : float

    Returns
    -------
    list of arrays (n, 2), one per line, in the coordinates of ``extent``: the lines
    ``ax.contour`` draws, without making a new artist each time.
    """
    from contourpy import contour_generator

    z = as_float_array(z, "z", ndim=2)
    x1_min, x1_max, x2_min, x2_max = _check_extent(extent)
    if not z.min() < level < z.max():
        return []
    # "mpl2014", matplotlib's own algorithm: the same points as ax.contour
    lines, _ = contour_generator(np.linspace(x1_min, x1_max, z.shape[1]),
                                 np.linspace(x2_min, x2_max, z.shape[0]), z,
                                 name="mpl2014", line_type="SeparateCode").lines(level)
    return lines


def set_live_title(ax, title, fontsize=10):
    """Give ``ax`` the title ``title``, cheaply for a live figure: nothing happens if
    it already has that title (so it is not redrawn), and its position is fixed
    where matplotlib would put it over an Axes without tick labels on top (else each
    draw of the Axes measures its tick labels to place it).

    Returns
    -------
    the title's Text
    """
    if ax.get_title() != title:
        ax.set_title(title, fontsize=fontsize, y=1.0)
    return ax.title


def plot_probability(ax, f, X, resolution=100, levels=21, alpha=0.55, boundary=True):
    """Shade the probability ``f(points) -> (g,)`` of class 1 over the data's range,
    with the 0.5 contour (the decision boundary) drawn as a black line.

    Returns
    -------
    ax
    """
    ax = _ax(ax)
    xx, yy, pts = grid_for(X, resolution)
    p = np.asarray(f(pts), dtype=float).reshape(xx.shape)
    ax.contourf(xx, yy, p, levels=np.linspace(0, 1, levels), cmap=REGION_CMAP,
                alpha=alpha, zorder=1)
    if boundary and p.min() < 0.5 < p.max():
        ax.contour(xx, yy, p, levels=[0.5], colors="k", linewidths=1.5, zorder=2)
    ax.set_xlim(xx.min(), xx.max())
    ax.set_ylim(yy.min(), yy.max())
    return ax


def plot_decision_regions(ax, weights, X, y=None, activation="sigmoid",
                          resolution=100, labels=None):
    """The regions a network assigns to each class, with the data on top.

    One output unit: the probability of class 1 shaded blue-to-red and the 0.5
    boundary. Several: each point of the grid coloured by its most probable class.

    Parameters
    ----------
    ax : Axes or None
    weights : list of arrays; the network must take 2 inputs
    X : array (m, 2), the data (sets the range)
    y : array (m,), optional, labels to scatter on top

    Returns
    -------
    ax
    """
    ax = _ax(ax)
    X = check_X(X)
    weights = check_weights(weights, n_inputs=X.shape[1])
    act = get_activation(activation)

    def proba(pts):
        with np.errstate(over="ignore", invalid="ignore"):
            return forward_pass(weights, pts, act)[1][-1]

    n_out = weights[-1].shape[1]
    if n_out == 1:
        plot_probability(ax, lambda pts: proba(pts)[:, 0], X, resolution)
    else:
        xx, yy, pts = grid_for(X, resolution)
        p = proba(pts)
        for c in range(n_out):
            # class c wins where its probability beats every other class's: filling
            # {p_c - max_other >= 0} gives smooth regions, and no sliver of a third
            # class where two others meet (as contouring the class ids would)
            lead = (p[:, c] - np.max(np.delete(p, c, axis=1), axis=1)).reshape(
                xx.shape)
            if lead.max() < 0:
                continue
            color = CLASS_COLORS[c % len(CLASS_COLORS)]
            ax.contourf(xx, yy, lead, levels=[0, np.inf], colors=[color], alpha=0.3,
                        zorder=1)
            if lead.min() < 0:
                ax.contour(xx, yy, lead, levels=[0], colors="k", linewidths=1.0,
                           alpha=0.6, zorder=2)
        ax.set_xlim(xx.min(), xx.max())
        ax.set_ylim(yy.min(), yy.max())
    if y is not None:
        plot_data(ax, X, y, labels=labels)
    return ax


def plot_line(ax, w1, w2, b, X=None, **kwargs):
    """The perceptron's line ``w1 x1 + w2 x2 + b = 0`` across the axes' x-range.

    Returns
    -------
    the Line2D artist (so a widget can move it with ``set_data``)
    """
    ax = _ax(ax)
    x1 = np.array(ax.get_xlim() if X is None else (np.min(X[:, 0]), np.max(X[:, 0])))
    xs, ys = line_points(w1, w2, b, x1)
    kwargs.setdefault("color", "k")
    kwargs.setdefault("linewidth", 2)
    (line,) = ax.plot(xs, ys, **kwargs)
    return line


def line_points(w1, w2, b, x1_range):
    """Two points on ``w1 x1 + w2 x2 + b = 0`` for drawing (vertical if w2 = 0)."""
    x1 = np.asarray(x1_range, dtype=float)
    if abs(w2) < 1e-12:
        if abs(w1) < 1e-12:
            return np.array([np.nan, np.nan]), np.array([np.nan, np.nan])
        return np.full(2, -b / w1), np.array([-1e6, 1e6])
    return x1, -(w1 * x1 + b) / w2


def plot_loss(ax, history, key="loss", label=None, **kwargs):
    """A loss (or accuracy) curve from ``train``'s history, one point per epoch.

    Returns
    -------
    ax
    """
    ax = _ax(ax)
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
    ax = _ax(ax)
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


def plot_network(ax, weights=None, sizes=None, show_weights=True, input_labels=None,
                 output_labels=None, max_width=6.0, fmt="{:.1f}", show_bias=True,
                 legend=None, max_labels=16, layer_names=True):
    r"""Draw a network as a diagram: its layers of nodes and every weight as an edge.

    Nodes stand in columns, inputs on the left; a grey bias node "1" sits under every
    layer but the last (its edges are the bias row of the next weight matrix). With
    ``weights`` each edge shows its weight by colour (red positive, blue negative) and
    by thickness and opacity (in proportion to ``|w|``), and small networks carry the
    values on their edges. Readable for any small network: 2-2-1, 2-4-1, 3-4-4-1,
    2-8-8-3.

    Parameters
    ----------
    ax : Axes or None
    weights : list of arrays, optional
        ``W[k]`` of shape (n_k + 1, n_{k+1}); the diagram's sizes come from them.
    sizes : list of int, optional
        Units per layer, inputs first (e.g. ``[2, 4, 1]``), when there are no weights:
        the edges are drawn grey.
    show_weights : bool
        Write each weight's value on its edge, when the network has at most
        ``max_labels`` weights (more would be unreadable).
    input_labels, output_labels : sequence of str, optional
        Names written beside the input nodes (left) and output nodes (right), e.g.
        ``["CAT", "DOG", "BIRD"]``; the nodes themselves show :math:`x_i` and
        :math:`\hat y_j`.
    max_width : float, line width of the largest weight
    fmt : str, format of the weight values
    show_bias : bool, draw the bias nodes and their edges
    legend : bool, optional
        A key for the colours under the diagram; default: when weights are given.
    max_labels : int, the largest number of weights whose values are written
    layer_names : bool or "short", write "input layer", "hidden layer", "output layer"
        on top; "short": "input", "hidden", "output" (as networks of four or more
        layers always have: "hidden 1", "hidden 2", ...)

    Returns
    -------
    ax

    Notes
    -----
    The edge from node i of layer k to node j of layer k + 1 is ``W[k][i, j]``, the
    slide's :math:`W_{i+1, j+1}^{(k+1)}`; the edge from the bias node is
    ``W[k][-1, j]``. All the edges are one ``LineCollection`` (the weakest first, so
    that strong ones lie on top): a live figure redraws them at the cost of one
    artist (:func:`update_network`, :func:`redraw_network`). Chapter 5 (What Layers
    can do?).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> ax = plot_network(None, sizes=[2, 2, 1])
    >>> plt.close("all")
    """
    ax = _ax(ax)
    options = _network_options(weights, sizes, show_weights, input_labels,
                               output_labels, max_width, fmt, show_bias, legend,
                               max_labels, layer_names)
    diagram = _NetworkDiagram(ax)
    diagram.draw(**options)
    ax._mlp_diagram = diagram
    return ax


def redraw_network(ax, weights=None, sizes=None, **options):
    """:func:`plot_network` again on an Axes that holds a diagram, reusing its artists.

    The network may have other sizes than the one drawn before: the nodes, labels and
    edges already there are moved, restyled, shown or hidden, and new ones are made
    only for more nodes or labels than the Axes ever showed. A live figure (a demo
    whose slider sets the number of units) so redraws the diagram without building
    it again. On an Axes with no diagram it is :func:`plot_network`.

    Parameters
    ----------
    ax : Axes or None
    weights, sizes, **options : as for :func:`plot_network`

    Returns
    -------
    ax

    Examples
    --------
    >>> import mlp
    >>> ax = plot_network(None, mlp.init_weights([2, 3, 1], rng=0), show_weights=False)
    >>> ax = redraw_network(ax, mlp.init_weights([2, 4, 4, 1], rng=0),
    ...                     show_weights=False)
    """
    ax = _ax(ax)
    diagram = _diagram_on(ax)
    if diagram is None:
        diagram = ax._mlp_diagram = _NetworkDiagram(ax)
    diagram.draw(**_network_options(weights, sizes, **options))
    # every artist of the Axes may have changed: say so by its patch too, so that a
    # figure redrawn piecewise (mlp.widgets._blit) draws this Axes whole until it
    # keeps still, rather than redrawing each node and label in every later frame
    ax.patch.stale = True
    return ax


def reserve_network(ax, networks, show_bias=True, input_labels=None,
                    output_labels=None, layer_names=True):
    """Make room on ``ax`` for the diagram of each of ``networks``, so that drawing
    any of them later (:func:`redraw_network`, without weight values) adds no artist
    to the Axes: a live figure's slider then only moves and restyles artists.

    Parameters
    ----------
    ax : Axes, holding a diagram from :func:`plot_network` or none yet
    networks : iterable of lists of layer sizes, e.g. every network a demo offers
    show_bias, input_labels, output_labels, layer_names : as for ``plot_network``

    Returns
    -------
    ax
    """
    diagram = _diagram_on(ax)
    if diagram is None:
        diagram = ax._mlp_diagram = _NetworkDiagram(ax)
    diagram.grow_texts(max(len(_network_layout(
        sizes, show_bias, input_labels, output_labels, layer_names)["texts"])
        for sizes in networks))
    return ax


def update_network(ax, weights, max_width=6.0):
    r"""Show new weights on a diagram drawn by :func:`plot_network`, in place.

    Only the edges change (colour, width, opacity, and the strong ones on top), so a
    live figure redraws them without building the diagram again. The network must
    have the diagram's sizes (else see :func:`redraw_network`), and the diagram no
    weight values written on its edges (``show_weights=False``, or a network too
    large for them).

    Parameters
    ----------
    ax : Axes holding a diagram from :func:`plot_network` drawn with weights
    weights : list of arrays of the diagram's shapes
    max_width : float, line width of the largest weight (as in ``plot_network``)

    Returns
    -------
    ax

    Examples
    --------
    >>> import mlp
    >>> ax = plot_network(None, mlp.init_weights([2, 3, 1], rng=0), show_weights=False)
    >>> ax = update_network(ax, mlp.init_weights([2, 3, 1], rng=1))
    """
    weights = check_weights(weights)
    diagram = _diagram_on(ax)
    if diagram is None:
        raise ValueError("update_network needs an Axes with a diagram drawn by "
                         "plot_network(ax, weights)")
    if diagram.values_shown:
        raise ValueError("the diagram shows the weights' values: draw it again with "
                         "plot_network (or with show_weights=False)")
    if _sizes_of(weights) != diagram.sizes:
        raise ValueError("the weights do not have the diagram's shapes: draw it again "
                         "with plot_network")
    diagram.style_edges(weights, max_width)
    return ax


def network_key(target, fontsize=8, **kwargs):
    """The colour key of a diagram's edges: red "positive weight", blue "negative
    weight", as a legend of ``target``.

    :func:`plot_network` puts it under the diagram. A live figure whose diagram
    changes size draws the diagram with ``legend=False`` and the key once, on the
    figure (``target=fig``), where it never has to be drawn again.

    Parameters
    ----------
    target : Axes or Figure
    fontsize : float
    **kwargs : passed to ``target.legend`` (e.g. ``loc``, ``bbox_to_anchor``)

    Returns
    -------
    the Legend
    """
    from matplotlib.lines import Line2D

    handles = [Line2D([], [], color="#d62728", linewidth=3, label="positive weight"),
               Line2D([], [], color="#1f77b4", linewidth=3, label="negative weight")]
    return target.legend(handles=handles, **{"ncol": 2, "frameon": False,
                                             "fontsize": fontsize,
                                             "handlelength": 1.5, **kwargs})


def _diagram_on(ax):
    """The diagram plot_network drew on ``ax``, or None (none, or cleared since).

    It is kept on the Axes itself: a registry beside them (even a weak one: the
    diagram refers to its Axes) would keep every figure alive."""
    diagram = getattr(ax, "_mlp_diagram", None)
    return diagram if diagram is not None and diagram.edges.axes is ax else None


def _sizes_of(weights):
    return [weights[0].shape[0] - 1] + [W.shape[1] for W in weights]


def _network_options(weights=None, sizes=None, show_weights=True, input_labels=None,
                     output_labels=None, max_width=6.0, fmt="{:.1f}", show_bias=True,
                     legend=None, max_labels=16, layer_names=True):
    """plot_network's arguments, checked; the sizes taken from the weights."""
    from ._validation import check_positive_int

    if weights is not None:
        weights = check_weights(weights)
        sizes = _sizes_of(weights)
    elif sizes is None:
        raise ValueError("plot_network needs weights (a list of arrays) or sizes "
                         "(a list of layer sizes such as [2, 2, 1])")
    else:
        if not isinstance(sizes, (list, tuple)) or len(sizes) < 2:
            raise ValueError("sizes must be a list of at least two layer sizes, inputs "
                             f"first, e.g. [2, 2, 1]; got {sizes!r}")
        sizes = [check_positive_int(n, f"sizes[{i}]") for i, n in enumerate(sizes)]
    for names, layer, side in ((input_labels, 0, "input"),
                               (output_labels, -1, "output")):
        if names is not None and len(names) != sizes[layer]:
            raise ValueError(
                f"{side}_labels must name the {sizes[layer]} nodes of that layer, got "
                f"{len(names)} names")
    return {"weights": weights, "sizes": sizes, "show_weights": bool(show_weights),
            "input_labels": input_labels, "output_labels": output_labels,
            "max_width": max_width, "fmt": fmt, "show_bias": bool(show_bias),
            "legend": weights is not None if legend is None else bool(legend),
            "max_labels": max_labels,
            "layer_names": "short" if layer_names == "short" else bool(layer_names)}


def _edge_styles(w, big, max_width):
    """RGBA colours and line widths of edges of weights w (largest |w|: big): red
    positive, blue negative, thicker and more opaque the larger |w|."""
    size = np.abs(w) / big
    rgba = np.where((w > 0)[:, None], _RED, _BLUE)
    rgba[:, 3] = 0.3 + 0.65 * size
    return rgba, 0.4 + max_width * size


_RED, _BLUE = (np.array([*to_rgb(c), 1.0]) for c in ("#d62728", "#1f77b4"))


def _network_layout(sizes, show_bias=True, input_labels=None, output_labels=None,
                    layer_names=True):
    """Where a diagram's parts go: unit spacing between nodes, columns ``dx``
    apart, nodes centred on y = 0. Returns a dict with ``node_xy(layer, i)`` (node i
    == sizes[layer] is the layer's bias node), ``fontsize``, ``nodes`` (a list of
    (centre, is_bias)), ``texts`` (a list of (x, y, text, properties): node names,
    labels, layer names; none empty), ``xlim`` and ``ylim``."""
    n_layers = len(sizes)
    last = n_layers - 1
    tallest = max(n + (1 if show_bias and k < last else 0) for k, n in enumerate(sizes))
    dx = float(np.clip(1.3 * (tallest + 1) / max(last, 1), 2.4, 3.4))
    radius = 0.3
    fontsize = 10 if tallest <= 5 else 8 if tallest <= 9 else 6

    def node_xy(layer, i):
        n = sizes[layer]
        if i == n:  # the bias node, under the layer's units
            return layer * dx, -(n - 1) / 2.0 - 1.0
        return layer * dx, (n - 1) / 2.0 - i

    nodes, texts = [], []
    for k, n in enumerate(sizes):
        for i in range(n + (1 if show_bias and k < last else 0)):
            x, y = node_xy(k, i)
            is_bias = i == n
            nodes.append(((x, y), is_bias))
            if is_bias:
                text = "1"
            elif k == 0:
                text = f"$x_{{{i + 1}}}$"
            elif k == last:
                text = r"$\hat y$" if n == 1 else f"$\\hat y_{{{i + 1}}}$"
            elif n_layers == 3:
                text = f"$h_{{{i + 1}}}$"
            else:  # h^(k)_j would not fit in the node: the layer name says k
                text = f"$h_{{{i + 1}}}$" if tallest <= 6 else ""
            if text:
                texts.append((x, y, text, {"fontsize": fontsize, "zorder": 5,
                                           "color": "0.35" if is_bias else "k"}))
    for names, layer, side in ((input_labels, 0, -1), (output_labels, last, 1)):
        for i, name in enumerate(names or ()):
            x, y = node_xy(layer, i)
            texts.append((x + side * (radius + 0.15), y, str(name),
                          {"fontsize": fontsize, "zorder": 5, "color": "k",
                           "horizontalalignment": "right" if side < 0 else "left"}))
    # -- frame: layer names on top (and the colour key under the diagram)
    top = max((n - 1) / 2.0 for n in sizes) + radius
    bottom = min(node_xy(k, sizes[k] if show_bias and k < last else sizes[k] - 1)[1]
                 for k in range(n_layers)) - radius
    if layer_names:
        for k in range(n_layers):
            if n_layers <= 3 and layer_names != "short":
                name = ("input layer" if k == 0 else "output layer" if k == last else
                        "hidden layer")
            else:  # short names: four or more columns sit closer together
                name = ("input" if k == 0 else "output" if k == last else
                        "hidden" if n_layers <= 3 else f"hidden {k}")
            texts.append((k * dx, top + 0.35, name,
                          {"fontsize": fontsize - 1, "zorder": 3, "color": "0.3",
                           "verticalalignment": "bottom"}))
    pad_left = 1.6 if input_labels is not None else 0.6
    pad_right = 1.6 if output_labels is not None else 0.6
    return {"node_xy": node_xy, "radius": radius, "fontsize": fontsize,
            "nodes": nodes, "texts": texts,
            "xlim": (-pad_left, last * dx + pad_right),
            "ylim": (bottom - 0.3, top + (1.0 if layer_names else 0.3))}


class _NetworkDiagram:
    """The artists of the network diagram on one Axes: the edges and the nodes (a
    collection each) and a pool of texts, reused by every later drawing."""

    def __init__(self, ax):
        from matplotlib.collections import LineCollection, PatchCollection

        self.ax = ax
        self.edges = LineCollection([], capstyle="round", zorder=1)
        ax.add_collection(self.edges, autolim=False)
        self.nodes = PatchCollection([], linewidths=1.2, zorder=4)
        ax.add_collection(self.nodes, autolim=False)
        self.texts = []
        self.legend_fontsize = None
        self.sizes, self.values_shown = None, False

    def grow_texts(self, n):
        """Make the pool of texts at least n long (the new ones hidden)."""
        while len(self.texts) < n:
            self.texts.append(self.ax.text(0, 0, "", visible=False))

    def draw(self, weights, sizes, show_weights, input_labels, output_labels,
             max_width, fmt, show_bias, legend, max_labels, layer_names):
        from matplotlib.patches import Circle

        ax = self.ax
        last = len(sizes) - 1
        n_weights = sum((a + 1) * b for a, b in zip(sizes[:-1], sizes[1:]))
        label_edges = show_weights and weights is not None and n_weights <= max_labels
        layout = _network_layout(sizes, show_bias, input_labels, output_labels,
                                 layer_names)
        node_xy, fontsize = layout["node_xy"], layout["fontsize"]

        # -- edges, in the order of the weights' entries (layer, row, column)
        self.sizes, self.show_bias = list(sizes), show_bias
        keys = [(k, i, j) for k in range(last)
                for i in range(sizes[k] + 1 if show_bias else sizes[k])
                for j in range(sizes[k + 1])]
        self.segments = np.array([(node_xy(k, i), node_xy(k + 1, j))
                                  for k, i, j in keys], dtype=float).reshape(-1, 2, 2)
        if weights is None:
            self.edges.set_segments(self.segments)
            self.edges.set_color((0.55, 0.55, 0.55, 0.8))
            self.edges.set_linewidth(1.0)
            order = ()
        else:
            order = self.style_edges(weights, max_width)

        texts = []  # (x, y, text, properties), in the order they are drawn
        self.values_shown = label_edges
        if label_edges:
            w = self._edge_weights(weights)
            for e in order:
                (x0, y0), (x1, y1) = self.segments[e]
                k, _, j = keys[e]
                if float(fmt.format(w[e])) == 0.0:
                    continue
                # labels of edges into the same node share one x position, and edges
                # leaving one node carry theirs at different x: they never pile up
                t = 0.25 + 0.45 * (j + 0.5) / sizes[k + 1]
                texts.append((x0 + t * (x1 - x0), y0 + t * (y1 - y0), fmt.format(w[e]),
                              {"fontsize": fontsize - 2, "zorder": 3, "color": "0.1",
                               "bbox": {"boxstyle": "round,pad=0.12", "fc": "white",
                                        "ec": "none", "alpha": 0.9}}))
        texts += layout["texts"]

        self.nodes.set_paths([Circle(xy, layout["radius"])
                              for xy, _ in layout["nodes"]])
        self.nodes.set_facecolor(["#e6e6e6" if bias else "white"
                                  for _, bias in layout["nodes"]])
        self.nodes.set_edgecolor(["0.5" if bias else "k"
                                  for _, bias in layout["nodes"]])
        self.grow_texts(len(texts))
        for text, item in zip(self.texts, texts + [None] * len(self.texts)):
            if item is not None:
                x, y, s, props = item
                text.update({"horizontalalignment": "center",
                             "verticalalignment": "center", "bbox": None, **props})
                text.set_position((x, y))
                text.set_text(s)
            text.set_visible(item is not None)

        fontsize_key = fontsize - 2 if legend and weights is not None else None
        if fontsize_key != self.legend_fontsize:  # else the key there is right
            if ax.get_legend() is not None:
                ax.get_legend().remove()
            if fontsize_key is not None:
                network_key(ax, fontsize_key, loc="upper center",
                            bbox_to_anchor=(0.5, 0.0))
            self.legend_fontsize = fontsize_key
        ax.set_xlim(layout["xlim"])
        ax.set_ylim(layout["ylim"])
        ax.set_aspect("equal", adjustable="box")
        ax.axis("off")

    def _edge_weights(self, weights):
        """The weight of every edge, in the weights' order (layer, row, column)."""
        rows = slice(None) if self.show_bias else slice(0, -1)
        return np.concatenate([np.asarray(W, dtype=float)[rows].ravel()
                               for W in weights])

    def style_edges(self, weights, max_width):
        """Colour and width the edges by the weights, the weakest drawn first;
        returns that order (edge numbers)."""
        w = self._edge_weights(weights)
        big = max(float(np.abs(W).max()) for W in weights)
        big = big if big > 0 else 1.0
        order = np.argsort(np.abs(w), kind="stable")
        rgba, widths = _edge_styles(w[order], big, max_width)
        self.edges.set_segments(self.segments[order])
        self.edges.set_color(rgba)
        self.edges.set_linewidth(widths)
        return order


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
    ax = _ax(ax)
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


# -- chapters 10 and 11: derivatives, gradient checks, learning boundaries ------------


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
    ax = _ax(ax)
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
    ax = _ax(ax)
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
            _predicted_labels(weights, check_X(X), activation) == np.asarray(y)))
        ax.set_title(f"epoch {epoch}: accuracy {acc:.0%}", fontsize=10)
        ax.set_xticks([])
        ax.set_yticks([])
    return axes


def _predicted_labels(weights, X, activation):
    with np.errstate(over="ignore", invalid="ignore"):
        y_hat = forward_pass(check_weights(weights, X.shape[1]), X,
                         get_activation(activation))[1][-1]
    return (y_hat[:, 0] >= 0.5).astype(int) if y_hat.shape[1] == 1 else np.argmax(
        y_hat, axis=1)


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
    fig = Figure(figsize=figsize, layout="constrained", dpi=dpi)
    ax, ax_loss = fig.subplots(1, 2, width_ratios=[1, 1.25])
    xx, yy, pts = grid_for(X, resolution)
    image = ax.imshow(np.zeros_like(xx), origin="lower", cmap=REGION_CMAP, vmin=0,
                      vmax=1, alpha=0.4, aspect="auto",
                      extent=(xx.min(), xx.max(), yy.min(), yy.max()))
    plot_data(ax, X, y, labels=labels, s=12)
    ax.set_xlim(xx.min(), xx.max())
    ax.set_ylim(yy.min(), yy.max())
    ax.set_xticks([])
    ax.set_yticks([])
    epochs = np.arange(1, loss.size + 1)
    ax_loss.plot(epochs, loss, color="0.4")
    (dot,) = ax_loss.plot([], [], "o", color="#d62728", markersize=8)
    ax_loss.set_xscale("log")
    # plain tick labels (1, 10, 100) rather than math text: cheaper on every frame
    from matplotlib.ticker import FormatStrFormatter, NullFormatter

    ax_loss.xaxis.set_major_formatter(FormatStrFormatter("%d"))
    ax_loss.xaxis.set_minor_formatter(NullFormatter())
    ax_loss.set_xlabel("epoch (log scale)")
    ax_loss.set_ylabel("error E")
    ax_loss.grid(alpha=0.3)
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
        acc = float(np.mean(_predicted_labels(weights, X, act) == y))
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


# -- chapters 7-9: matrices as the slides print them, and the moving line ------------


def _latex_entry(value, fmt):
    """One matrix entry: a number formatted with ``fmt``, or a string as it is."""
    if isinstance(value, str):
        return value
    text = fmt.format(float(value))
    return "0" if text in ("-0", "-0.0", "-0.00", "-0.000") else text


def latex_matrix(A, fmt="{:.4g}"):
    r"""A matrix (or vector) as a LaTeX ``pmatrix``, for printing what the slides show.

    Parameters
    ----------
    A : array of shape (r, c), or (r,) for a column vector; numbers, or strings of
        LaTeX (e.g. from :func:`latex_weight_symbols`), which are inserted as they are
    fmt : str, the format of each number

    Returns
    -------
    str, e.g. ``\begin{pmatrix} 5 & 7 \\ -2 & -3 \end{pmatrix}``

    Notes
    -----
    Chapter 7 prints the weight matrices of the slides with their numbers filled in:
    ``IPython.display.Math("W^{(1)} = " + latex_matrix(W1))``.

    Examples
    --------
    >>> latex_matrix([[5, 7], [-2, -3]])
    '\\begin{pmatrix} 5 & 7 \\\\ -2 & -3 \\end{pmatrix}'
    >>> latex_matrix([1.5, 1])
    '\\begin{pmatrix} 1.5 \\\\ 1 \\end{pmatrix}'
    """
    if not isinstance(fmt, str):
        raise TypeError(f"fmt must be a format string like '{{:.3g}}', got {fmt!r}")
    arr = np.asarray(A, dtype=object)
    if arr.ndim == 1:
        arr = arr.reshape(-1, 1)
    if arr.ndim != 2 or arr.size == 0:
        raise ValueError(
            f"latex_matrix needs a non-empty 1-D or 2-D array, got shape {arr.shape}")
    rows = []
    for row in arr:
        try:
            rows.append(" & ".join(_latex_entry(v, fmt) for v in row))
        except (TypeError, ValueError) as exc:
            raise TypeError(
                f"latex_matrix entries must be numbers or LaTeX strings: {exc}"
            ) from None
    return r"\begin{pmatrix} " + r" \\ ".join(rows) + r" \end{pmatrix}"


def latex_weight_symbols(shape, layer, name="W"):
    r"""The slides' symbols :math:`W_{ij}^{(k)}` for a weight matrix of ``shape``.

    Parameters
    ----------
    shape : (rows, cols), e.g. ``W1.shape == (3, 2)``
    layer : int, the :math:`k` of :math:`W^{(k)}`
    name : str

    Returns
    -------
    array of str of that shape: entry ``[i, j]`` is ``"W_{i+1,j+1}^{(k)}"`` (row i,
    column j of the array is the slide's :math:`W_{i+1,j+1}`; the last row is the bias).

    Examples
    --------
    >>> latex_weight_symbols((3, 1), 2)[:, 0].tolist()
    ['W_{11}^{(2)}', 'W_{21}^{(2)}', 'W_{31}^{(2)}']
    """
    if (not isinstance(shape, (tuple, list)) or len(shape) != 2
            or not all(isinstance(n, (int, np.integer)) and n > 0 for n in shape)):
        raise ValueError(f"shape must be (rows, cols) of positive ints, got {shape!r}")
    if not isinstance(layer, (int, np.integer)) or isinstance(layer, bool):
        raise TypeError(f"layer must be an int, got {type(layer).__name__}")
    out = np.empty(tuple(shape), dtype=object)
    for i, j in np.ndindex(*shape):
        sep = "," if max(shape) > 9 else ""
        out[i, j] = f"{name}_{{{i + 1}{sep}{j + 1}}}^{{({layer})}}"
    return out


def half_plane(w1, w2, b, xlim, ylim):
    r"""The part of a box where :math:`w_1 x_1 + w_2 x_2 + b \ge 0` (class 1's side).

    The box is ``xlim`` by ``ylim``.

    Returns
    -------
    array of shape (k, 2): the corners of that convex polygon in order (k = 0 when
    the whole box is on the negative side).

    Examples
    --------
    >>> half_plane(1.0, 0.0, -5.0, (0, 10), (0, 10)).tolist()
    [[5.0, 0.0], [10.0, 0.0], [10.0, 10.0], [5.0, 10.0]]
    """
    box = [(xlim[0], ylim[0]), (xlim[1], ylim[0]), (xlim[1], ylim[1]),
           (xlim[0], ylim[1])]
    out = []
    for (ax_, ay), (bx, by) in zip(box, box[1:] + box[:1]):  # clip each box edge
        sa, sb = w1 * ax_ + w2 * ay + b, w1 * bx + w2 * by + b
        if sa >= 0:
            out.append((ax_, ay))
        if (sa >= 0) != (sb >= 0):
            t = sa / (sa - sb)
            out.append((ax_ + t * (bx - ax_), ay + t * (by - ay)))
    return np.array(out, dtype=float).reshape(-1, 2)


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
    from matplotlib.patches import Polygon

    path = as_float_array(path, "path", ndim=2)
    if path.shape[1] != 3 or path.shape[0] < 1:
        raise ValueError(
            f"path must have shape (T, 3), one row (w1, w2, b) per frame; got "
            f"{path.shape}")
    if titles is not None and len(titles) != path.shape[0]:
        raise ValueError(
            f"titles must have one entry per frame ({path.shape[0]}), got "
            f"{len(titles)}")
    fig = Figure(figsize=figsize, dpi=dpi)
    ax = fig.add_subplot()
    sides = [Polygon(np.zeros((0, 2)), closed=True, facecolor=c, alpha=0.15,
                     edgecolor="none", zorder=0) for c in CLASS_COLORS[1::-1]]
    for patch in sides:
        ax.add_patch(patch)
    ax.plot(*line_points(*path[0], list(xlim)), color="0.5", linestyle="--",
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


# -- chapters 3 and 4: combining regions ----------------------------------------------


def linear_formula(w, names=("x_1", "x_2"), fmt="{:g}"):
    r"""A linear model as LaTeX (without the dollars): ``(5, -2, 8)`` gives
    ``"5x_1 - 2x_2 + 8"``.

    Parameters
    ----------
    w : array of shape (n + 1,) or (n + 1, 1): the weights, then the bias (the
        slides' order, as in a column of a weight matrix)
    names : sequence of n str, the LaTeX names of the inputs
    fmt : format of each number's size

    Returns
    -------
    str

    Examples
    --------
    >>> linear_formula([7, 5, -6], names=(r"\sigma_1", r"\sigma_2"))
    '7\\sigma_1 + 5\\sigma_2 - 6'
    """
    w = as_float_array(w, "w").ravel()
    if w.size != len(names) + 1:
        raise ValueError(
            f"w must hold {len(names)} weights and a bias ({len(names) + 1} numbers), "
            f"got {w.size}"
        )
    terms = []
    for value, name in zip(w, list(names) + [None]):
        if value == 0:
            continue
        size = fmt.format(abs(value))
        if name is not None:
            size = "" if size == "1" else size
        sign = "-" if value < 0 else "+"
        terms.append((sign, size + (name or "")))
    if not terms:
        return "0"
    first_sign, first = terms[0]
    text = ("-" if first_sign == "-" else "") + first
    return text + "".join(f" {sign} {term}" for sign, term in terms[1:])


def _check_extent(extent):
    ext = as_float_array(extent, "extent").ravel()
    if ext.size != 4 or not (ext[0] < ext[1] and ext[2] < ext[3]):
        raise ValueError(
            "extent must be (x1_min, x1_max, x2_min, x2_max) with min < max, got "
            f"{extent!r}"
        )
    return tuple(float(v) for v in ext)


def region_grid(extent, resolution=100):
    """A regular grid over ``extent = (x1_min, x1_max, x2_min, x2_max)``.

    Returns
    -------
    xx, yy : arrays (resolution, resolution); points : array (resolution**2, 2)
    """
    x1_min, x1_max, x2_min, x2_max = _check_extent(extent)
    xx, yy = np.meshgrid(np.linspace(x1_min, x1_max, resolution),
                         np.linspace(x2_min, x2_max, resolution))
    return xx, yy, np.column_stack([xx.ravel(), yy.ravel()])


def plot_region_map(ax, p, extent, boundary=True, alpha=0.75,
                    interpolation="bilinear"):
    """Shade a probability map ``p`` (resolution, resolution) over ``extent``, blue 0
    to red 1, with its 0.5 contour (the boundary) in black.

    ``p[i, j]`` is the probability at row i (x2) and column j (x1) of
    :func:`region_grid`. The image is ``ax.images[-1]`` (a demo updates it with
    ``set_data``, and passes ``interpolation="nearest"``, which draws faster).

    Returns
    -------
    ax
    """
    ax = _ax(ax)
    ext = _check_extent(extent)
    p = as_float_array(p, "p", ndim=2)
    ax.imshow(p, origin="lower", extent=ext, cmap=REGION_CMAP, vmin=0, vmax=1,
              alpha=alpha, aspect="auto", interpolation=interpolation, zorder=0)
    if boundary and p.min() < 0.5 < p.max():
        xx, yy = np.meshgrid(np.linspace(ext[0], ext[1], p.shape[1]),
                             np.linspace(ext[2], ext[3], p.shape[0]))
        ax.contour(xx, yy, p, levels=[0.5], colors="k", linewidths=1.5, zorder=2)
    ax.set_xlim(ext[0], ext[1])
    ax.set_ylim(ext[2], ext[3])
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    return ax


def hidden_and_output(weights, points):
    r"""The probability maps of a network with one hidden layer and one output unit:
    each hidden unit's :math:`\sigma(h_j)` and the output :math:`\hat y`.

    Parameters
    ----------
    weights : [W1, W2], W1 of shape (3, k), W2 of shape (k + 1, 1)
    points : array (g, 2)

    Returns
    -------
    array of shape (g, k + 1): column j < k is :math:`\sigma(h_{j+1})`, the last
    column is :math:`\hat y = \sigma(\sum_j W^{(2)}_{j} \sigma(h_j) + b)`.
    """
    weights = check_weights(weights, n_inputs=2)
    if len(weights) != 2 or weights[1].shape[1] != 1:
        raise ValueError(
            "weights must be [W1, W2] of one hidden layer and one output unit, got "
            f"shapes {[W.shape for W in weights]}"
        )
    with np.errstate(over="ignore", invalid="ignore"):
        _, activations = forward_pass(weights, check_X(points), get_activation("sigmoid"))
    return np.hstack([activations[1], activations[2]])


def plot_unit_regions(axes, weights, extent, resolution=100, titles=None,
                      interpolation="bilinear", alpha=0.75):
    r"""Side by side: the region of each hidden unit, :math:`\sigma(h_j)`, and the
    region of the output unit that combines them, :math:`\hat y`.

    Parameters
    ----------
    axes : sequence of k + 1 Axes (k hidden units, then the output)
    weights : [W1, W2] with W1 of shape (3, k) and W2 of shape (k + 1, 1)
    extent : (x1_min, x1_max, x2_min, x2_max)
    resolution : int, grid points per side
    titles : sequence of k + 1 str, optional; default: the formulas, e.g.
        :math:`\sigma(5x_1 - 2x_2 + 8)`
    interpolation : str, how the images are drawn (see :func:`plot_region_map`)
    alpha : float, the opacity of the maps (lower it to show data drawn on top)

    Returns
    -------
    axes

    Notes
    -----
    Chapter 3 (Combining Regions): each hidden unit is a linear model through a
    sigmoid; the output puts a weighted sum of their probabilities through a sigmoid
    again, :math:`\hat y = \sigma(w_1 \sigma(h_1) + w_2 \sigma(h_2) + b)`.
    """
    xx, _, pts = region_grid(extent, resolution)
    maps = hidden_and_output(weights, pts)
    k = maps.shape[1] - 1
    if len(axes) != k + 1:
        raise ValueError(f"axes must hold {k + 1} Axes ({k} hidden units and the "
                         f"output), got {len(axes)}")
    W1, W2 = check_weights(weights)
    if titles is None:
        sigmas = [rf"\sigma_{{{j + 1}}}" for j in range(k)]
        titles = [rf"$\sigma_{{{j + 1}}} = \sigma({linear_formula(W1[:, j])})$"
                  for j in range(k)]
        titles.append(rf"$\hat y = \sigma({linear_formula(W2[:, 0], sigmas)})$")
    for j, ax in enumerate(axes):
        plot_region_map(ax, maps[:, j].reshape(xx.shape), extent, alpha=alpha,
                        interpolation=interpolation)
        ax.set_title(titles[j], fontsize=11)
        if j > 0 and ax.get_shared_y_axes().joined(axes[0], ax):
            ax.set_ylabel("")  # one label for a row that shares its y-axis
    return axes


def plot_hidden_lines(ax, weights, x_range=None, **kwargs):
    r"""Draw the line of every unit of a network's first layer,
    :math:`W_{1j} x_1 + W_{2j} x_2 + W_{3j} = 0`: where that unit's input sum is 0 and
    its output 0.5.

    Parameters
    ----------
    ax : Axes or None (draw the data or regions first: the lines span its x-range)
    weights : list of arrays (a network with 2 inputs) or one array of shape (3, n)
    x_range : (float, float), optional; default the axes' current x-limits
    **kwargs : passed to ``ax.plot`` (default: dashed dark grey)

    Returns
    -------
    ax (its limits unchanged)

    Notes
    -----
    Chapter 5 (What Layers can do?): every hidden unit of the first layer cuts the
    plane with one line, and the network's boundary is pieced together from them.
    """
    ax = _ax(ax)
    W1 = weights if isinstance(weights, np.ndarray) else check_weights(weights)[0]
    W1 = as_float_array(W1, "weights[0]", ndim=2)
    if W1.shape[0] != 3:
        raise ValueError(
            "plot_hidden_lines draws the lines of a network with 2 inputs: its first "
            f"weight matrix must have shape (3, n), got {W1.shape}")
    xlim, ylim = ax.get_xlim(), ax.get_ylim()
    x_range = xlim if x_range is None else x_range
    kwargs.setdefault("color", "0.25")
    kwargs.setdefault("linewidth", 1.0)
    kwargs.setdefault("linestyle", "--")
    kwargs.setdefault("zorder", 2)
    for j in range(W1.shape[1]):
        label = kwargs.pop("label", None) if j == 0 else None
        ax.plot(*line_points(W1[0, j], W1[1, j], W1[2, j], x_range), label=label,
                **kwargs)
    ax.set_xlim(xlim)
    ax.set_ylim(ylim)
    return ax


def plot_probability_surface(ax, w1, w2, b, xlim=(-3.0, 3.0), ylim=(-3.0, 3.0),
                             resolution=40, cmap=REGION_CMAP):
    r"""The probability :math:`\sigma(w_1 x_1 + w_2 x_2 + b)` of one sigmoid unit as
    a surface over the plane, with its 0.5 line drawn on the surface and on the floor.

    Parameters
    ----------
    ax : a 3-D Axes (``fig.add_subplot(projection="3d")``)
    w1, w2, b : float, the unit's weights and bias
    xlim, ylim : (float, float), the square of the plane to draw
    resolution : int, grid points per side

    Returns
    -------
    ax

    Notes
    -----
    Chapter 5 (What Layers can do?): a unit with two inputs is a sloping step in 3-D;
    its boundary, the line :math:`w_1 x_1 + w_2 x_2 + b = 0`, is where the step
    crosses height 0.5.
    """
    from .activations import sigmoid

    if getattr(ax, "name", "") != "3d":
        raise TypeError("plot_probability_surface needs a 3-D Axes: "
                        "fig.add_subplot(projection='3d')")
    for name, v in (("w1", w1), ("w2", w2), ("b", b)):
        if isinstance(v, bool) or not isinstance(v, (int, float, np.floating,
                                                     np.integer)) or not np.isfinite(v):
            raise TypeError(f"{name} must be a finite number, got {v!r}")
    x1 = np.linspace(*xlim, resolution)
    x2 = np.linspace(*ylim, resolution)
    xx, yy = np.meshgrid(x1, x2)
    p = sigmoid(w1 * xx + w2 * yy + b)
    ax.plot_surface(xx, yy, p, cmap=cmap, vmin=0, vmax=1, alpha=0.85,
                    linewidth=0, antialiased=True, rcount=resolution,
                    ccount=resolution)
    xs, ys = line_points(w1, w2, b, xlim)
    if np.all(np.isfinite(xs)):
        # the 0.5 line, clipped to the square: on the surface and on the floor
        t = np.linspace(0, 1, 50)
        lx, ly = xs[0] + t * (xs[1] - xs[0]), ys[0] + t * (ys[1] - ys[0])
        inside = (ly >= ylim[0]) & (ly <= ylim[1]) & (lx >= xlim[0]) & (lx <= xlim[1])
        ax.plot(lx[inside], ly[inside], np.full(inside.sum(), 0.5), color="k",
                linewidth=2.5, zorder=5)
        ax.plot(lx[inside], ly[inside], np.zeros(inside.sum()), color="k",
                linewidth=1.5, linestyle="--", zorder=5)
    ax.set_xlim(xlim)
    ax.set_ylim(ylim)
    ax.set_zlim(0, 1)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.set_zlabel(r"$\sigma$")
    return ax


def plot_plane(ax, w, b, X=None, y=None, lim=None, labels=None, resolution=10):
    r"""The plane :math:`w_1 x_1 + w_2 x_2 + w_3 x_3 + b = 0` in 3-D, where a unit
    with three inputs gives probability 0.5, with the 3-D data on either side.

    Parameters
    ----------
    ax : a 3-D Axes (``fig.add_subplot(projection="3d")``)
    w : sequence of 3 floats; ``w[2]`` must not be 0 (the plane is drawn as
        :math:`x_3 = -(w_1 x_1 + w_2 x_2 + b) / w_3`)
    b : float
    X : array (m, 3), optional; y : array (m,) of 0/1, optional
    lim : ((lo, hi), (lo, hi), (lo, hi)), optional; default the data's range
    labels : sequence of str, optional, a legend name per class

    Returns
    -------
    ax

    Notes
    -----
    Chapter 5 (What Layers can do?): with three inputs a unit's boundary is a plane;
    with n inputs, a hyperplane of n - 1 dimensions.
    """
    if getattr(ax, "name", "") != "3d":
        raise TypeError("plot_plane needs a 3-D Axes: fig.add_subplot(projection='3d')")
    w = as_float_array(w, "w", ndim=1)
    if w.shape != (3,):
        raise ValueError(f"w must hold 3 weights (w1, w2, w3), got shape {w.shape}")
    if abs(w[2]) < 1e-12:
        raise ValueError("w3 must not be 0: the plane is drawn as a function of x1, x2")
    if X is not None:
        X = check_X(X)
        if X.shape[1] != 3:
            raise ValueError(f"X must have shape (m, 3), got {X.shape}")
    if lim is None:
        if X is None:
            lim = ((0.0, 1.0),) * 3
        else:
            lim = tuple(zip(X.min(axis=0), X.max(axis=0)))
    (a0, a1), (c0, c1), (z0, z1) = lim
    xx, yy = np.meshgrid(np.linspace(a0, a1, resolution), np.linspace(c0, c1,
                                                                       resolution))
    zz = -(w[0] * xx + w[1] * yy + b) / w[2]
    zz = np.where((zz >= z0) & (zz <= z1), zz, np.nan)  # only inside the box
    ax.plot_surface(xx, yy, zz, color="0.6", alpha=0.45, linewidth=0,
                    edgecolor="none")
    ax.plot_wireframe(xx, yy, zz, color="0.35", linewidth=0.4, rcount=resolution,
                      ccount=resolution)
    if X is not None and y is not None:
        y = as_float_array(y, "y", ndim=1).astype(int)
        if y.shape[0] != X.shape[0]:
            raise ValueError(f"y has {y.shape[0]} labels but X has {X.shape[0]} rows")
        for c in np.unique(y):
            pts = X[y == c]
            ax.scatter(pts[:, 0], pts[:, 1], pts[:, 2], s=14,
                       color=CLASS_COLORS[c % len(CLASS_COLORS)], depthshade=False,
                       label=labels[c] if labels is not None else f"class {c}")
    ax.set_xlim(a0, a1)
    ax.set_ylim(c0, c1)
    ax.set_zlim(z0, z1)
    return ax


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


def _draw_each_figure_once():
    """In a notebook with the inline backend, draw each figure once per cell, not twice.

    After every cell pyplot draws each changed figure (for interactive backends, whose
    windows show the canvas), and then the inline backend draws it again to send it as
    a PNG: the first drawing is wasted, about a third of a figure cell's time. This
    takes pyplot's hook out for the inline backend only; ``%matplotlib widget`` or any
    other backend switch puts it back. Outside IPython it does nothing.
    """
    import sys

    if "IPython" not in sys.modules:
        return
    import matplotlib
    from IPython import get_ipython

    backend = matplotlib.get_backend()
    if get_ipython() is None or "inline" not in backend:
        return
    plt.switch_backend(backend)  # pyplot installs its hook now (else at the first
    plt.uninstall_repl_displayhook()  # figure), so that it can be taken out


_draw_each_figure_once()


def _shape_box(ax, x0, rows, cols, fill, label, shape_text, values=None):
    """Draw a matrix as a grid of unit cells, top-left corner at (x0, 0), rows going
    down; ``fill`` maps (i, j) to a colour, ``values`` (rows, cols) or None is written
    in the cells. The name above, the shape below."""
    from matplotlib.patches import Rectangle

    for i in range(rows):
        for j in range(cols):
            ax.add_patch(Rectangle((x0 + j, -i - 1), 1, 1, facecolor=fill.get(
                (i, j), "white"), edgecolor="0.55", linewidth=0.8))
            if values is not None:
                ax.text(x0 + j + 0.5, -i - 0.5, f"{values[i, j]:g}", ha="center",
                        va="center", fontsize=9)
    ax.add_patch(Rectangle((x0, -rows), cols, rows, fill=False, edgecolor="k",
                           linewidth=1.6))
    ax.text(x0 + cols / 2, 0.35, label, ha="center", va="bottom", fontsize=12)
    ax.text(x0 + cols / 2, -rows - 0.35, shape_text, ha="center", va="top",
            fontsize=11, family="monospace")


def plot_matmul_shapes(ax, m, n, k, row=0, col=0, names=("X", "W", "H"),
                       m_name=None, X=None, W=None):
    r"""The shapes of a matrix product ``H = X @ W``: (m, n) @ (n, k) -> (m, k).

    Draws the three matrices as grids of cells, row ``row`` of ``X`` and column ``col``
    of ``W`` shaded, and the one entry ``H[row, col]`` they give.

    Parameters
    ----------
    ax : matplotlib Axes or None
    m, n, k : int, the shapes: ``X`` is (m, n), ``W`` is (n, k), ``H`` is (m, k)
    row, col : int, the row of ``X`` and the column of ``W`` to shade (from 0)
    names : three str, the matrices' names (mathtext allowed)
    m_name : str, optional, a name for the number of rows (e.g. ``"m"``): the shapes
        are then written ``(m, n)`` and ``(m, k)`` with ``m`` rows drawn
    X, W : arrays of shapes (m, n) and (n, k), optional: their numbers (and those of
        ``X @ W``) are written in the cells

    Returns
    -------
    ax

    Notes
    -----
    Entry ``H[i, j]`` is row ``i`` of ``X`` against column ``j`` of ``W``:
    :math:`H_{ij} = \sum_l X_{il} W_{lj}`. Chapter 0 (numpy for this course) draws
    the slides' :math:`W^{(1)}`: (m, 3) @ (3, 2) -> (m, 2).
    """
    for name, value in (("m", m), ("n", n), ("k", k)):
        if not isinstance(value, (int, np.integer)) or isinstance(value, bool) or (
                value < 1):
            raise ValueError(f"{name} must be a positive int, got {value!r}")
    if not (0 <= row < m and 0 <= col < k):
        raise ValueError(f"row must be in 0..{m - 1} and col in 0..{k - 1}, got "
                         f"row={row}, col={col}")
    if len(names) != 3:
        raise ValueError(f"names must be three names (X, W, H), got {names!r}")
    if (X is None) != (W is None):
        raise ValueError("give both X and W, or neither")
    H = None
    if X is not None:
        X, W = as_float_array(X, "X", ndim=2), as_float_array(W, "W", ndim=2)
        if X.shape != (m, n) or W.shape != (n, k):
            raise ValueError(f"X must be ({m}, {n}) and W ({n}, {k}), got {X.shape} "
                             f"and {W.shape}")
        H = X @ W
    ax = _ax(ax)
    rows = m_name if m_name is not None else str(m)
    c_row, c_col, c_out = CLASS_COLORS[4], CLASS_COLORS[0], CLASS_COLORS[3]
    light = {c: over_white(to_rgb(c) + (0.45,)) for c in (c_row, c_col, c_out)}
    gap = 1.6
    x_w = n + gap
    x_h = x_w + k + gap
    _shape_box(ax, 0, m, n, {(row, j): light[c_row] for j in range(n)},
               f"${names[0]}$", f"({rows}, {n})", X)
    _shape_box(ax, x_w, n, k, {(i, col): light[c_col] for i in range(n)},
               f"${names[1]}$", f"({n}, {k})", W)
    _shape_box(ax, x_h, m, k, {(row, col): light[c_out] if H is not None else c_out},
               f"${names[2]}$", f"({rows}, {k})", H)
    middle = -min(m, n) / 2
    ax.text(n + gap / 2, middle, "@", ha="center", va="center", fontsize=20)
    ax.text(x_w + k + gap / 2, middle, r"$\rightarrow$", ha="center", va="center",
            fontsize=20)
    depth = max(m, n)
    centre = (x_h + k) / 2
    ax.text(centre, -depth - 1.2, f"inner sizes agree: ${names[0]}$ has {n} columns, "
            f"${names[1]}$ has {n} rows", ha="center", va="top", fontsize=10)
    ax.annotate(f"row ${names[0]}$[{row}, :] against column ${names[1]}$[:, {col}] "
                f"gives the one entry ${names[2]}$[{row}, {col}]",
                (centre, -depth - 1.2), xytext=(0, -18), textcoords="offset points",
                ha="center", va="top", fontsize=10, color=c_out)
    ax.set_xlim(-0.5, x_h + k + 0.5)
    ax.set_ylim(-depth - 3.0, 1.2)
    ax.set_aspect("equal")
    ax.axis("off")
    return ax


def plot_images(ax, images, shape=(8, 8), ncols=10, titles=None, cmap="gray_r",
                vmin=None, vmax=None, fontsize=8):
    """Many small images (e.g. 8x8 digits) as one mosaic in one Axes, each framed.

    Parameters
    ----------
    ax : matplotlib Axes
    images : array of shape (n, h * w) or (n, h, w), one image per row
    shape : (h, w), the size of one image in pixels
    ncols : int, images per row of the mosaic (filled left to right, top to bottom)
    titles : sequence of n str, optional, written above each image
    cmap, vmin, vmax : the colour map and its range (default: the images' range)
    fontsize : of the titles

    Returns
    -------
    ax

    Notes
    -----
    One ``imshow`` of all the images (gaps left blank) instead of one Axes per image:
    a grid of 32 images draws several times faster. Chapter 14 shows digits and the
    first layer's weights with it.
    """
    images = as_float_array(images, "images")
    h, w = shape
    if images.ndim not in (2, 3) or images[0].size != h * w:
        raise ValueError(f"images must be (n, {h * w}) or (n, {h}, {w}) for shape "
                         f"{shape}, got {images.shape}")
    n = images.shape[0]
    if titles is not None and len(titles) != n:
        raise ValueError(f"titles must have one entry per image ({n}), got "
                         f"{len(titles)}")
    ncols = min(int(ncols), n)
    nrows = -(-n // ncols)
    gap_x, gap_y = 1, (3 if titles is not None else 1)  # blank pixels between images
    step_x, step_y = w + gap_x, h + gap_y
    mosaic = np.full((nrows * step_y, ncols * step_x - gap_x), np.nan)
    for k, image in enumerate(images.reshape(n, h, w)):
        row, col = divmod(k, ncols)
        top, left = row * step_y + gap_y - 1, col * step_x
        mosaic[top:top + h, left:left + w] = image
    vmin = np.nanmin(images) if vmin is None else vmin
    vmax = np.nanmax(images) if vmax is None else vmax
    ax.imshow(mosaic, cmap=cmap, vmin=vmin, vmax=vmax, interpolation="nearest")
    from matplotlib.collections import PatchCollection
    from matplotlib.patches import Rectangle

    frames = []
    for k in range(n):
        row, col = divmod(k, ncols)
        top, left = row * step_y + gap_y - 1, col * step_x
        frames.append(Rectangle((left - 0.5, top - 0.5), w, h))
        if titles is not None:
            ax.text(left + (w - 1) / 2, top - 0.7, titles[k], ha="center",
                    va="bottom", fontsize=fontsize)
    ax.add_collection(PatchCollection(frames, facecolor="none", edgecolor="0.5",
                                      linewidth=0.6))
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    return ax


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
    ax = _ax(ax)
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
