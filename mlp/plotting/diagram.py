"""The network diagram: nodes, edges whose width and colour show the weights.

:func:`plot_network` draws it; :func:`redraw_network`, :func:`reserve_network` and
:func:`update_network` change it in place for the demos (its artists are reused).
"""

from __future__ import annotations

import numpy as np
from matplotlib.collections import LineCollection, PatchCollection
from matplotlib.colors import to_rgb

from .._validation import check_weights
from .base import axes_or_new

__all__ = [
    "layer_sizes", "network_key", "network_node_positions", "plot_network",
    "redraw_network", "reserve_network", "update_network",
]


def plot_network(ax, weights=None, sizes=None, show_weights=True, input_labels=None,
                 output_labels=None, max_width=6.0, fmt="{:.1f}", show_bias=True,
                 legend=None, max_labels=16, layer_names=True):
    r"""Draw a network as a diagram: its layers of nodes and every weight as an edge.

    Nodes stand in columns, inputs on the left; a grey bias node "1" sits under every
    layer but the last (its edges are the bias row of the next weight matrix). With
    ``weights`` each edge shows its weight by colour (red positive, blue negative) and
    by thickness and opacity (in proportion to ``|w|``), and small networks carry the
    values on their edges. Readable for any small network: 2-2-1, 2-4-1, 2-8-8-3.

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
    max_width, fmt : float, the largest weight's line width; str, the values' format
    show_bias : bool, draw the bias nodes and their edges
    legend : bool, optional, a key for the colours under the diagram (default: with
        weights)
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
    ax = axes_or_new(ax)
    options = _network_options(weights, sizes, show_weights, input_labels,
                               output_labels, max_width, fmt, show_bias, legend,
                               max_labels, layer_names)
    _NetworkDiagram(ax).draw(**options)
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
    ax = axes_or_new(ax)
    diagram = _diagram_on(ax)
    if diagram is None:
        diagram = _NetworkDiagram(ax)
    diagram.draw(**_network_options(weights, sizes, **options))
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
        diagram = _NetworkDiagram(ax)
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
    if layer_sizes(weights) != diagram.sizes:
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


class _DiagramEdges(LineCollection):
    """The diagram's edges: a LineCollection that knows the diagram it belongs to.

    The Axes' own list of collections is the registry: ``ax.cla()`` empties it, and a
    registry beside the Axes (even a weak one: the diagram refers to its Axes) would
    keep every figure alive."""

    def __init__(self, diagram, **kwargs):
        super().__init__([], **kwargs)
        self.diagram = diagram


def _diagram_on(ax):
    """The diagram plot_network last drew on ``ax``, or None (none, or cleared)."""
    for collection in reversed(ax.collections):
        if isinstance(collection, _DiagramEdges):
            return collection.diagram
    return None


def layer_sizes(weights):
    """The layer sizes ``[n_0, n_1, ..., n_L]`` of a list of weight matrices."""
    return [weights[0].shape[0] - 1] + [W.shape[1] for W in weights]


def _network_options(weights=None, sizes=None, show_weights=True, input_labels=None,
                     output_labels=None, max_width=6.0, fmt="{:.1f}", show_bias=True,
                     legend=None, max_labels=16, layer_names=True):
    """plot_network's arguments, checked; the sizes taken from the weights."""
    from .._validation import check_positive_int

    if weights is not None:
        weights = check_weights(weights)
        sizes = layer_sizes(weights)
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


def _node_name(k, i, n, n_layers, tallest):
    """The name written in unit i of layer k (of n units), or "" when it won't fit."""
    if k == 0:
        return f"$x_{{{i + 1}}}$"
    if k == n_layers - 1:
        return r"$\hat y$" if n == 1 else f"$\\hat y_{{{i + 1}}}$"
    if n_layers == 3:
        return f"$h_{{{i + 1}}}$"
    # h^(k)_j would not fit in the node: the layer name says k
    return f"$h_{{{i + 1}}}$" if tallest <= 6 else ""


def _layer_name(k, n_layers, layer_names):
    """The name over layer k: "input layer", "hidden 2", ... (see plot_network)."""
    last = n_layers - 1
    if n_layers <= 3 and layer_names != "short":
        return ("input layer" if k == 0 else "output layer" if k == last else
                "hidden layer")
    # short names: four or more columns sit closer together
    return ("input" if k == 0 else "output" if k == last else
            "hidden" if n_layers <= 3 else f"hidden {k}")


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
            text = "1" if is_bias else _node_name(k, i, n, n_layers, tallest)
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
            name = _layer_name(k, n_layers, layer_names)
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
        self.ax = ax
        self.edges = _DiagramEdges(self, capstyle="round", zorder=1)
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

        self.values_shown = label_edges
        texts = (self._weight_labels(weights, keys, order, sizes, fmt, fontsize)
                 if label_edges else [])
        texts += layout["texts"]

        self._draw_nodes_and_texts(layout, texts)

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

    def _weight_labels(self, weights, keys, order, sizes, fmt, fontsize):
        """(x, y, text, properties) of each non-zero weight's label, in order."""
        texts = []
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
        return texts

    def _draw_nodes_and_texts(self, layout, texts):
        """The nodes' circles; the pool of texts: ``texts`` shown, the rest hidden."""
        from matplotlib.patches import Circle

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


def network_node_positions(sizes, show_bias=True, input_labels=None,
                           output_labels=None, layer_names=True):
    """Where :func:`plot_network` puts the nodes of a network, in the diagram's data
    coordinates: for drawing on top of a diagram (the playground's unit maps).

    Parameters
    ----------
    sizes : list of int, units per layer, inputs first
    show_bias, input_labels, output_labels, layer_names : as for ``plot_network``

    Returns
    -------
    positions : list of arrays, one (sizes[k], 2) array of node centres per layer
        (the bias nodes left out); neighbouring nodes of a layer are 1 apart
    xlim, ylim : the diagram's limits

    Examples
    --------
    >>> positions, xlim, ylim = network_node_positions([2, 3, 1])
    >>> positions[1].tolist()
    [[3.25, 1.0], [3.25, 0.0], [3.25, -1.0]]
    """
    layout = _network_layout(list(sizes), show_bias, input_labels, output_labels,
                             layer_names)
    positions = [np.array([layout["node_xy"](k, i) for i in range(n)], dtype=float)
                 for k, n in enumerate(sizes)]
    return positions, layout["xlim"], layout["ylim"]
