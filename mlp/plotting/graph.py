r"""Backpropagation as a graph (chapter 11): the picture a teacher draws on the board.

The 2-2-1 network on one example, drawn as a graph of its values, as micrograd draws
an expression: a node for each input, each hidden sum :math:`h_j`, each hidden output
:math:`\sigma(h_j)`, the output's sum :math:`h`, the prediction :math:`\hat y`, the
error :math:`E`, and the weight :math:`W_{11}^{(1)}`. The forward pass fills in the
values from left to right; the backward pass fills in the gradients from right to
left, each one the gradient arriving from above times the local derivative on the
edge:

.. math:: \frac{\partial E}{\partial \text{node}} =
          \frac{\partial E}{\partial \text{parent}} \cdot
          \frac{\partial\, \text{parent}}{\partial \text{node}} .

- :func:`backprop_graph` computes the nodes (values, local derivatives, gradients);
- :func:`plot_backprop_graph` draws them on an ``ax``;
- :class:`GraphDrawing` keeps the artists, so that a demo can step through the
  backward pass node by node (``mlp.widgets.BackpropGraphDemo``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib import pyplot as plt
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from .._validation import as_float_array
from ..activations import sigmoid

__all__ = ["BACKWARD_ORDER", "GraphDrawing", "GraphNode", "backprop_graph",
           "plot_backprop_graph"]

#: The nodes whose gradient the backward pass computes, in the order it computes them.
BACKWARD_ORDER = ("E", "y_hat", "h", "a1", "a2", "h1", "h2", "W11")

GRAD_COLOR = "#e66101"  # orange: gradients, flowing backwards
SIDE_COLOR = "#5e81ac"  # the branch through the second hidden unit
EDGE_COLOR = "0.6"


@dataclass(frozen=True)
class GraphNode:
    r"""One node of the graph.

    ``value`` is its forward value; ``grad`` is :math:`\partial E/\partial` node (None
    for the inputs, whose gradient nobody needs); ``parent`` is the node it feeds on its
    way to :math:`E`, and ``local`` the local derivative
    :math:`\partial\,\text{parent}/\partial\,\text{node}` (``local_label`` in LaTeX).
    """

    name: str
    label: str
    value: float
    grad: float | None = None
    parent: str | None = None
    local: float | None = None
    local_label: str | None = None


def backprop_graph(weights, x, y) -> dict[str, GraphNode]:
    r"""The forward and backward pass of the 2-2-1 network on one example, by node.

    Parameters
    ----------
    weights : [W1 of shape (3, 2), W2 of shape (3, 1)], the slides' layout
    x : array of shape (2,), the example :math:`(x_1, x_2)`
    y : 0 or 1, its label

    Returns
    -------
    dict ``{name: GraphNode}`` with the names ``"x1", "x2", "W11", "h1", "h2", "a1",
    "a2", "h", "y_hat", "E"`` (``a_j`` is :math:`\sigma(h_j)`, ``W11`` is
    :math:`W_{11}^{(1)}`).

    Notes
    -----
    The backward pass starts with :math:`\partial E/\partial E = 1` and visits
    :data:`BACKWARD_ORDER`; each node's gradient is its parent's times the local
    derivative:
    :math:`\partial E/\partial \hat y = -y/\hat y + (1-y)/(1-\hat y)`,
    :math:`\partial \hat y/\partial h = \hat y(1-\hat y)`,
    :math:`\partial h/\partial \sigma(h_j) = W_{j1}^{(2)}`,
    :math:`\partial \sigma(h_j)/\partial h_j = \sigma'(h_j)`,
    :math:`\partial h_1/\partial W_{11}^{(1)} = x_1`. So ``W11``'s gradient is the
    slide's product, and equals ``mlp.backprop(weights, [x], [y])[0][0, 0]``; the
    gradients of ``h1``, ``h2`` and ``h`` are those of the biases
    :math:`W_{31}^{(1)}`, :math:`W_{32}^{(1)}` and :math:`W_{31}^{(2)}`. Chapter 11.

    Examples
    --------
    >>> W = [np.zeros((3, 2)), np.zeros((3, 1))]
    >>> g = backprop_graph(W, [1.0, 2.0], 1)
    >>> g["y_hat"].value, g["h"].grad
    (0.5, -0.5)
    """
    W1, W2, x = _checked_example(weights, x, y)
    h1, h2 = x @ W1[:2] + W1[2]                      # the hidden input sums
    a1, a2 = sigmoid(h1), sigmoid(h2)
    h = W2[0, 0] * a1 + W2[1, 0] * a2 + W2[2, 0]
    y_hat = sigmoid(h)
    E = -(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))
    local = {  # name: (parent, local derivative d parent / d name, its LaTeX)
        "y_hat": ("E", -y / y_hat + (1 - y) / (1 - y_hat),
                  r"(-y/\hat y + (1-y)/(1-\hat y))"),
        "h": ("y_hat", y_hat * (1 - y_hat), r"\hat y(1 - \hat y)"),
        "a1": ("h", W2[0, 0], r"W_{11}^{(2)}"),
        "a2": ("h", W2[1, 0], r"W_{21}^{(2)}"),
        "h1": ("a1", a1 * (1 - a1), r"\sigma'(h_1)"),
        "h2": ("a2", a2 * (1 - a2), r"\sigma'(h_2)"),
        "W11": ("h1", x[0], r"x_1"),
    }
    grads = {"E": 1.0}
    for name in BACKWARD_ORDER[1:]:                  # the backward pass
        parent, d, _ = local[name]
        grads[name] = grads[parent] * d              # arriving from above x local
    values = {"x1": x[0], "x2": x[1], "W11": W1[0, 0], "h1": h1, "h2": h2, "a1": a1,
              "a2": a2, "h": h, "y_hat": y_hat, "E": E}
    return _graph_nodes(values, grads, local)


def _checked_example(weights, x, y):
    """``backprop_graph``'s arguments checked: W1 (3, 2), W2 (3, 1) and x (2,) as
    float arrays, y a label 0 or 1."""
    W1 = as_float_array(weights[0], "W1") if len(weights) == 2 else None
    W2 = as_float_array(weights[1], "W2") if len(weights) == 2 else None
    x = as_float_array(x, "x").reshape(-1)
    if W1 is None or W1.shape != (3, 2) or W2.shape != (3, 1) or x.shape != (2,):
        raise ValueError("backprop_graph is for the 2-2-1 network: weights [W1 (3, 2), "
                         "W2 (3, 1)] and one example x of shape (2,)")
    if y not in (0, 1):
        raise ValueError(f"y must be the label 0 or 1, got {y!r}")
    return W1, W2, x


#: Each node's LaTeX label.
NODE_LABELS = {"x1": "x_1", "x2": "x_2", "W11": "W_{11}^{(1)}", "h1": "h_1",
               "h2": "h_2", "a1": r"\sigma(h_1)", "a2": r"\sigma(h_2)", "h": "h",
               "y_hat": r"\hat y", "E": "E"}


def _graph_nodes(values, grads, local):
    """The ``GraphNode`` of every node from its forward value, its gradient (none for
    the inputs) and its ``(parent, local derivative, LaTeX)``."""
    nodes = {}
    for name, label in NODE_LABELS.items():
        parent, d, tex = local.get(name, (None, None, None))
        nodes[name] = GraphNode(name, label, float(values[name]),
                                None if name in ("x1", "x2") else float(grads[name]),
                                parent, None if d is None else float(d), tex)
    return nodes


#: Where each node sits (forward pass from left to right).
POSITIONS = {"W11": (0.0, 2.9), "x1": (0.0, 1.2), "x2": (0.0, -1.2),
             "h1": (2.7, 1.2), "h2": (2.7, -1.2), "a1": (5.4, 1.2), "a2": (5.4, -1.2),
             "h": (8.1, 0.0), "y_hat": (10.8, 0.0), "E": (13.5, 0.0)}
_INPUT_EDGES = (("x1", "h1"), ("x1", "h2"), ("x2", "h1"), ("x2", "h2"))
_BELOW = ("h2", "a2")  # their backward arrows and labels go below their edges
_BOX_W, _BOX_H = 1.9, 0.82


def _fmt(v):
    """A number as a figure shows it: 3 significant digits, a true minus sign."""
    return f"{v:.3g}".replace("-", "\u2212")


def _exit(a, b, gap=0.06):
    """Where the segment from box ``a``'s centre towards ``b`` leaves box ``a``."""
    (xa, ya), (xb, yb) = a, b
    dx, dy = xb - xa, yb - ya
    t = min((_BOX_W / 2 + gap) / abs(dx) if dx else np.inf,
            (_BOX_H / 2 + gap) / abs(dy) if dy else np.inf)
    return xa + t * dx, ya + t * dy


def _segment(a, b, offset=(0.0, 0.0)):
    """The part of the edge between the boxes ``a`` and ``b``, shifted by offset."""
    pa, pb = POSITIONS[a], POSITIONS[b]
    start, end = _exit(pa, pb), _exit(pb, pa)
    return ((start[0] + offset[0], start[1] + offset[1]),
            (end[0] + offset[0], end[1] + offset[1]))


class GraphDrawing:
    r"""The graph drawn on an ``ax``, with its artists kept for :meth:`update`.

    ``update(graph, step)`` writes the values of ``graph`` (from
    :func:`backprop_graph`) and the gradients of the first ``step`` nodes of
    :data:`BACKWARD_ORDER` (all of them when ``step`` is None); the others show "?".
    The last node revealed is outlined.
    """

    def __init__(self, ax, graph, step=None, fontsize=10):
        self.ax = ax
        self.value_texts, self.grad_texts, self.local_texts = {}, {}, {}
        self.boxes, self.arrows = {}, {}
        for a, b in _INPUT_EDGES:
            self._edge(a, b)
        for name, node in graph.items():
            if node.parent is not None:
                self._edge(name, node.parent)
                self._local(name, node, fontsize)
        for name, (px, py) in POSITIONS.items():
            box = FancyBboxPatch((px - _BOX_W / 2, py - _BOX_H / 2), _BOX_W, _BOX_H,
                                 boxstyle="round,pad=0.0,rounding_size=0.15",
                                 facecolor="white", edgecolor="0.3", linewidth=1.0,
                                 zorder=3)
            ax.add_patch(box)
            self.boxes[name] = box
            up = 0.17 if graph[name].grad is not None else 0.0  # inputs: one line
            self.value_texts[name] = ax.text(px, py + up, "", ha="center",
                                             va="center", fontsize=fontsize, zorder=4)
            if graph[name].grad is not None:
                self.grad_texts[name] = ax.text(px, py - 0.2, "", ha="center",
                                                va="center", fontsize=fontsize,
                                                color=GRAD_COLOR, zorder=4)
        ax.text(13.5 + _BOX_W / 2, -2.2,
                "forward: values, left to right    "
                "backward: grad = grad on the right \u00d7 local derivative",
                ha="right", va="center", fontsize=fontsize - 1, color="0.35")
        ax.set_xlim(-1.1, 14.6)
        ax.set_ylim(-2.5, 3.45)
        ax.set_aspect("equal")
        ax.axis("off")
        self.update(graph, step)

    def _edge(self, a, b):
        start, end = _segment(a, b)
        self.ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>",
                                          mutation_scale=10, color=EDGE_COLOR,
                                          linewidth=1.0, shrinkA=0, shrinkB=0,
                                          zorder=1))

    def _local(self, name, node, fontsize):
        """The backward arrow beside the edge name -> parent, and its local label."""
        (xa, ya), (xb, yb) = POSITIONS[name], POSITIONS[node.parent]
        d = np.array([xb - xa, yb - ya])
        n = np.array([-d[1], d[0]]) / np.hypot(*d)   # the left normal: above
        if name in _BELOW:
            n = -n
        start, end = _segment(node.parent, name, offset=0.16 * n)
        arrow = FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=11,
                                color=GRAD_COLOR, linewidth=1.4, shrinkA=0,
                                shrinkB=0, zorder=2)
        self.ax.add_patch(arrow)
        self.arrows[name] = arrow
        out = 0.62 if ya == yb else 0.85             # clear of a slanted arrow
        mx, my = (xa + xb) / 2 + out * n[0], (ya + yb) / 2 + out * n[1]
        self.local_texts[name] = self.ax.text(
            mx, my, "", ha="center", va="center", fontsize=fontsize - 1, zorder=4,
            color=GRAD_COLOR, linespacing=1.1)

    def update(self, graph, step=None):
        """Write the values and the revealed gradients; returns the names revealed."""
        n = len(BACKWARD_ORDER) if step is None else int(step)
        if not 0 <= n <= len(BACKWARD_ORDER):
            raise ValueError(f"step must be between 0 and {len(BACKWARD_ORDER)}, "
                             f"got {step!r}")
        shown = BACKWARD_ORDER[:n]
        for name, node in graph.items():
            self.value_texts[name].set_text(f"${node.label} = {_fmt(node.value)}$")
            if name in self.grad_texts:
                self.grad_texts[name].set_text(
                    f"grad ${_fmt(node.grad)}$" if name in shown else "grad ?")
            if name in self.local_texts:
                done = name in shown
                self.local_texts[name].set_text(
                    f"$\\times\\, {node.local_label}$\n$= {_fmt(node.local)}$")
                for artist in (self.local_texts[name], self.arrows[name]):
                    artist.set_alpha(1.0 if done else 0.25)
            last = bool(shown) and name == shown[-1] and step is not None
            self.boxes[name].set_edgecolor(GRAD_COLOR if last else "0.3")
            self.boxes[name].set_linewidth(2.4 if last else 1.0)
        return shown


def plot_backprop_graph(ax, graph, step=None, fontsize=10):
    r"""Draw the 2-2-1 network's forward values and backward gradients as a graph.

    Parameters
    ----------
    ax : Axes or None
    graph : dict from :func:`backprop_graph`
    step : int or None, how many nodes of :data:`BACKWARD_ORDER` have their gradient
        shown (None: all)
    fontsize : float

    Returns
    -------
    ax

    Notes
    -----
    Each node shows its value (black) and its gradient "grad"
    :math:`= \partial E/\partial\,\text{node}` (orange); each orange arrow runs
    backwards along an edge, labelled with the local derivative it multiplies by:
    a node's gradient is the gradient of the node to its right times that label.
    Chapter 11.
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(11, 4.3))
    GraphDrawing(ax, graph, step=step, fontsize=fontsize)
    return ax
