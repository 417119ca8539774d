"""Chapters 10 and 11: the chain rule as slopes, and backpropagation factor by factor.

- :class:`ChainRuleDemo` (chapter 10): the slopes of :math:`h = \\sigma(z)`, of the log
  loss :math:`L(h, y)` and of :math:`L(\\sigma(z), y)`, with the slide's formulas drawn
  beside the corrected ones.
- :class:`BackpropDemo` (chapter 11): the 2-2-1 network on one example; each factor of
  the chain for a chosen weight, and every entry of :math:`\\nabla E`.
- :class:`BackpropGraphDemo` (chapter 11): the backward pass through the graph of the
  2-2-1 network, one node at a time.
"""

from __future__ import annotations

import numpy as np
from matplotlib.patches import Rectangle
from matplotlib.transforms import blended_transform_factory, offset_copy

from ..activations import sigmoid
from ..backpropagation import ENTRIES, backprop, chain_factors, numerical_gradient
from ..plotting.graph import BACKWARD_ORDER, GraphDrawing, backprop_graph
from ..losses import cross_entropy, log_loss
from ..network import forward
from ._core import Demo
from .render import (
    live_text,
    minus_signs,
    number,
    set_changed,
    title_values,
    value_box,
)

__all__ = ["ENTRIES", "BackpropDemo", "BackpropGraphDemo", "ChainRuleDemo",
           "chain_factors"]

def _loss(h, y):
    """The log loss L(h, y) of predictions h for the label y (``losses.log_loss``)."""
    h = np.asarray(h, dtype=float)
    return log_loss(np.full(h.size, y), h.ravel()).reshape(h.shape)


class ChainRuleDemo(Demo):
    """Sliders for the input sum ``z`` and the label ``y``: three slopes at ``z``.

    Left, :math:`h = \\sigma(z)` with its tangent of slope :math:`dh/dz = h(1-h)`;
    middle, the log loss :math:`L(h, y)` against ``h`` with its tangent of slope
    :math:`dL/dh`; right, :math:`L(\\sigma(z), y)` against ``z`` with its tangent of
    slope :math:`dL/dz = dL/dh \\cdot dh/dz = h - y`. The slide's formulas
    (:math:`dL/dh = -y/h - (1-y)/(1-h)` and :math:`dL/dz = -y(1-h) - (1-y)h`) are drawn
    as dashed tangents: for ``y = 0`` they miss the curve.
    """

    defaults = {"z": 1.0, "y": 0}
    figsize = (10.5, 3.6)

    def controls(self):
        import ipywidgets as w

        return {
            "z": w.FloatSlider(min=-5, max=5, step=0.1, description="z"),
            "y": w.ToggleButtons(options=[0, 1], description="label y"),
        }

    def setup(self, fig):
        self.axes = fig.subplots(1, 3)
        zs = np.linspace(-6, 6, 241)
        hs = np.linspace(0.005, 0.995, 199)
        self.zs, self.hs = zs, hs
        ax1, ax2, ax3 = self.axes
        ax1.plot(zs, sigmoid(zs), color="k", linewidth=2)
        ax1.set(xlabel="$z$", ylabel=r"$h = \sigma(z)$", ylim=(-0.1, 1.1))
        (self.curve2,) = ax2.plot([], [], color="k", linewidth=2)
        ax2.set(xlabel="$h$", ylabel="$L(h, y)$", xlim=(0, 1), ylim=(-0.5, 5.5))
        (self.curve3,) = ax3.plot([], [], color="k", linewidth=2)
        ax3.set(xlabel="$z$", ylabel=r"$L(\sigma(z), y)$", xlim=(-6, 6),
                ylim=(-0.5, 6.5))
        self.tangents, self.slide_tangents, self.points = [], [], []
        for ax in self.axes:
            (t,) = ax.plot([], [], color="#2ca02c", linewidth=2.2, label="corrected")
            (s,) = ax.plot([], [], "--", color="#d62728", linewidth=1.8,
                           label="slide")
            (p,) = ax.plot([], [], "o", color="#2ca02c", markersize=7, zorder=4)
            self.tangents.append(t)
            self.slide_tangents.append(s)
            self.points.append(p)
            ax.grid(alpha=0.3)
        self.slide_tangents[0].set_label("_nolegend_")
        # each title: the formula, then its values
        self.title_values = [
            title_values(ax, formula) for ax, formula in zip(
                self.axes, ["dh/dz = h(1 - h) =", "dL/dh =", "dL/dz = h - y ="])]
        ax3.legend(loc="upper left", fontsize=8)
        ax2.legend(loc="upper center", fontsize=8)

    @staticmethod
    def _tangent(x0, y0, slope, half):
        xs = np.array([x0 - half, x0 + half])
        return xs, y0 + slope * (xs - x0)

    def draw(self, z, y):
        y = int(y)
        h = float(sigmoid(z))
        if not 1e-6 < h < 1 - 1e-6:
            raise ValueError("z is so large that h = sigma(z) is 0 or 1")
        dh_dz = h * (1 - h)
        dL_dh = -y / h + (1 - y) / (1 - h)
        dL_dh_slide = -y / h - (1 - y) / (1 - h)
        dL_dz = dL_dh * dh_dz
        dL_dz_slide = -y * (1 - h) - (1 - y) * h
        L = float(_loss(h, y))
        self.curve2.set_data(self.hs, _loss(self.hs, y))
        self.curve3.set_data(self.zs, _loss(sigmoid(self.zs), y))
        # the tangent's length shrinks with its slope so that it stays on the axes
        for k, (x0, y0, slope, slide, half) in enumerate([
            (z, h, dh_dz, None, 1.5),
            (h, L, dL_dh, dL_dh_slide, 0.5 / np.sqrt(1 + dL_dh**2 / 25)),
            (z, L, dL_dz, dL_dz_slide, 2.0),
        ]):
            self.tangents[k].set_data(*self._tangent(x0, y0, slope, half))
            self.points[k].set_data([x0], [y0])
            if slide is None or np.isclose(slide, slope):
                self.slide_tangents[k].set_data([], [])
            else:
                self.slide_tangents[k].set_data(*self._tangent(x0, y0, slide, half))
        for text, value in zip(self.title_values, [
                f"{dh_dz:.3f}", f"{dL_dh:.3f}   (slide: {dL_dh_slide:.3f})",
                f"{dL_dz:.3f}   (slide: {dL_dz_slide:.3f})"]):
            text.set_text(minus_signs(value))
        verdict = ("the slide's formulas agree here: with y = 1 their wrong term is "
                   "multiplied by 1 - y = 0" if y == 1 else
                   "the slide's dashed tangents miss the curve: its sign is wrong")
        self.say(f"h = σ({z:.1f}) = {h:.3f}; dL/dz = dL/dh * dh/dz = "
                 f"{dL_dh:.3f} * {dh_dz:.3f} = {dL_dz:.3f} = h - y; {verdict}")


class BackpropDemo(Demo):
    """The 2-2-1 network on one example ``(x1, x2)`` with label ``y``.

    Sliders for the nine weights and the example; a menu picks the weight whose chain
    is shown. Left, the network with the chain's path highlighted; middle, each factor
    of the chain rule and their product beside the finite difference; right, every
    entry of :math:`\\nabla E` laid out as the slide's 3x3 matrix.
    """

    # the network of chapters 7, 10 and 11 and its example x = (1, 3), y = 1
    defaults = {
        "W11_1": 5.0, "W21_1": -2.0, "W31_1": 8.0,
        "W12_1": 7.0, "W22_1": -3.0, "W32_1": -1.0,
        "W11_2": 7.0, "W21_2": 5.0, "W31_2": -6.0,
        "x1": 1.0, "x2": 3.0, "y": 1, "entry": "W11(1)",
    }
    figsize = (11, 3.9)
    _LINTHRESH, _XMAX = 1e-3, 300.0  # the factor axis: linear part, end

    def controls(self):
        import ipywidgets as w

        c = {}
        for name in self.defaults:
            if name.startswith("W"):
                i, j, k = name[1], name[2], name[4]
                c[name] = w.FloatSlider(
                    min=-10, max=10, step=0.5, description=f"W{i}{j}({k})",
                    layout=w.Layout(width="230px"))
        c["x1"] = w.FloatSlider(min=-5, max=5, step=0.1, description="x1",
                                layout=w.Layout(width="230px"))
        c["x2"] = w.FloatSlider(min=-5, max=5, step=0.1, description="x2",
                                layout=w.Layout(width="230px"))
        c["y"] = w.ToggleButtons(options=[0, 1], description="label y")
        c["entry"] = w.Dropdown(options=list(ENTRIES), description="weight")
        return c

    # -- drawing --------------------------------------------------------------------
    _POS = {"x1": (0, 1), "x2": (0, 0), "b1": (0, -1), "h1": (1, 0.5),
            "h2": (1, -0.5), "b2": (1, -1.5), "out": (2, 0)}

    def _edges(self):
        """(entry, start node, end node) for the nine weights."""
        starts1, starts2 = ["x1", "x2", "b1"], ["h1", "h2", "b2"]
        edges = []
        for name, (k, i, j) in ENTRIES.items():
            a = starts1[i] if k == 0 else starts2[i]
            b = f"h{j + 1}" if k == 0 else "out"
            edges.append((name, a, b))
        return edges

    def setup(self, fig):
        ax_net, ax_bar, ax_mat = fig.subplots(1, 3, width_ratios=[1.15, 1.25, 1.0])
        self.ax_net, self.ax_bar, self.ax_mat = ax_net, ax_bar, ax_mat
        self._setup_network(ax_net)
        self._setup_chain(ax_bar, fig)
        self._setup_matrix(ax_mat)

    def _setup_network(self, ax_net):
        """Left: the 2-2-1 network, its edges, nodes and the texts a move changes."""
        self.edge_lines, self.edge_labels = {}, {}
        for name, a, b in self._edges():
            (x0, y0), (x1, y1) = self._POS[a], self._POS[b]
            (line,) = ax_net.plot([x0, x1], [y0, y1], zorder=1)
            t = 0.3
            at = (x0 + t * (x1 - x0), y0 + t * (y1 - y0))
            # the weight's value on a box wide enough for "-10.0"
            label = value_box(ax_net, at, (0.18, 0.09), fontsize=7)
            self.edge_lines[name], self.edge_labels[name] = line, label
        self.node_text = {}
        names = {"x1": "$x_1$", "x2": "$x_2$", "h1": r"$\sigma(h_1)$",
                 "h2": r"$\sigma(h_2)$", "out": r"$\hat y$"}
        for node, (x, y) in self._POS.items():
            bias = node.startswith("b")
            ax_net.scatter([x], [y], s=900, facecolor="#f2f2f2" if bias else "white",
                           edgecolor="k", zorder=2)
            if bias:
                ax_net.text(x, y, "1", fontsize=8, ha="center", va="center", zorder=4)
                continue
            # the name (fixed maths) above, the value (a live text) below
            ax_net.text(x, y + 0.1, names[node], fontsize=7, ha="center",
                        va="center", zorder=4)
            self.node_text[node] = live_text(ax_net, x, y - 0.12, "", fontsize=7,
                                               ha="center", va="center", zorder=4)
        self.net_values = title_values(ax_net, "one example:")
        ax_net.set_xlim(-0.4, 2.4)
        ax_net.set_ylim(-2.0, 1.5)
        ax_net.set_aspect("equal", adjustable="box")
        ax_net.axis("off")

    def _setup_chain(self, ax_bar, fig):
        """Middle: one bar per factor of the chain, and the product."""
        # one fixed scale for every setting (nothing to rescale on a move): the factors
        # span orders of magnitude (sigma' can be 0.001, dE/dy_hat 1000), so the axis
        # is logarithmic on both sides of a linear part around 0
        ax_bar.set_xscale("symlog", linthresh=self._LINTHRESH, linscale=0.6)
        ax_bar.set_xlim(-self._XMAX, self._XMAX)
        ax_bar.set_xticks([-100, -1, -0.01, 0, 0.01, 1, 100],
                          ["-100", "-1", "-0.01", "0", "0.01", "1", "100"])
        ax_bar.set_xlabel("log scale, linear within ±0.001", fontsize=8,
                          loc="left")
        self.bars = ax_bar.barh(np.arange(5), np.zeros(5), color="0.6")
        (self.fd_marker,) = ax_bar.plot([], [], "D", color="k", markersize=6,
                                        label="finite difference", zorder=3)
        ax_bar.axvline(0, color="0.5", linewidth=0.8)
        ax_bar.set_yticks(np.arange(5))
        ax_bar.tick_params(axis="y", labelleft=False)
        # the factors' names, where tick labels go: Texts of their own, so that a new
        # weight redraws the names that change, not the whole axis
        at_left = offset_copy(blended_transform_factory(ax_bar.transAxes,
                                                        ax_bar.transData),
                              fig, x=-7, units="points")
        self.bar_label = [ax_bar.text(0, n, "", ha="right", va="center", fontsize=8,
                                      transform=at_left, clip_on=False)
                          for n in range(5)]
        self._n_rows = None  # the factors shown, and the product
        # below the axis, beside its label: no bar runs under it
        ax_bar.legend(loc="upper right", bbox_to_anchor=(1.0, -0.07), fontsize=7,
                      frameon=False, borderaxespad=0, handletextpad=0.2)
        ax_bar.grid(alpha=0.3, axis="x")
        ax_bar.set_title("the chain rule, factor by factor", fontsize=10)
        # each value beside the zero line, on the side its bar leaves free (3 points
        # off the line: an offset, not padding spaces, which cost a glyph each)
        self._beside = {ha: offset_copy(ax_bar.transData, fig, x=dx, units="points")
                        for ha, dx in (("left", 3), ("right", -3))}
        self.bar_text = [live_text(ax_bar, 0, k, "", va="center", fontsize=7)
                         for k in range(5)]

    def _setup_matrix(self, ax_mat):
        """Right: the nine entries of grad E as the slide's 3x3 matrix."""
        # nine cells as a mesh: drawing 9 quadrilaterals costs a fraction of an image
        # resampled to the Axes' size
        edges = np.arange(4) - 0.5
        self.image = ax_mat.pcolormesh(edges, edges, np.zeros((3, 3)), cmap="RdBu_r",
                                       vmin=-1, vmax=1)
        ax_mat.set_xlim(-0.5, 2.5)
        ax_mat.set_ylim(2.5, -0.5)  # row i = 1 at the top, as the slide writes it
        ax_mat.set_aspect("equal")
        self.cell_text = [[live_text(ax_mat, c, r, "", ha="center", va="center",
                                      fontsize=8)
                           for c in range(3)] for r in range(3)]
        self.outline = Rectangle((-0.5, -0.5), 1, 1, fill=False, edgecolor="#ff7f0e",
                                 linewidth=3)
        ax_mat.add_patch(self.outline)
        ax_mat.set_xticks(range(3))
        ax_mat.set_xticklabels([r"$W_{i1}^{(1)}$", r"$W_{i2}^{(1)}$",
                                r"$W_{i1}^{(2)}$"])
        ax_mat.set_yticks(range(3))
        ax_mat.set_yticklabels(["$i=1$", "$i=2$", "$i=3$"])
        ax_mat.set_title(r"$\nabla E$ (the slide's layout)", fontsize=10)

    def weights_from(self, values):
        """The [W1, W2] of the current slider values."""
        W1 = np.array([[values[f"W{i}{j}_1"] for j in (1, 2)] for i in (1, 2, 3)])
        W2 = np.array([[values[f"W{i}1_2"]] for i in (1, 2, 3)])
        return [W1, W2]

    def draw(self, **values):
        weights = self.weights_from(values)
        x = np.array([[values["x1"], values["x2"]]])
        y = np.array([int(values["y"])])
        entry = values["entry"]
        _, acts = forward(weights, x)
        y_hat = float(acts[2][0, 0])
        if not 1e-9 < y_hat < 1 - 1e-9:
            raise ValueError("y_hat is 0 or 1 to machine precision: the log loss is "
                             "infinite; make the weights smaller")
        grads = backprop(weights, x, y)
        numeric = numerical_gradient(lambda w: cross_entropy(y, forward(w, x)[1][-1]),
                                     weights)
        k, i, j = ENTRIES[entry]
        factors = chain_factors(weights, x[0], int(y[0]), entry)
        product = float(np.prod([v for _, v in factors]))

        self._draw_network(weights, x, y, acts, entry)
        fd = float(numeric[k][i, j])
        self._draw_chain(factors, product, fd, entry)
        self._draw_matrix(grads, k, i, j)
        agree = np.isclose(product, grads[k][i, j]) and np.isclose(product, fd,
                                                                     atol=1e-6)
        self.say(f"dE/d{entry} = {product:.5f} (chain) = {grads[k][i, j]:.5f} "
                 f"(mlp.backprop); finite difference {fd:.5f}"
                 + ("" if agree else "  -- they disagree!"))

    def _draw_network(self, weights, x, y, acts, entry):
        """The weights on the edges, the values in the nodes, the chain's path."""
        k, _, j = ENTRIES[entry]
        y_hat = float(acts[2][0, 0])
        # network: weights on edges, values in nodes, the chain's path highlighted
        path = {entry}
        if k == 0:
            path.add(f"W{j + 1}1(2)")
        for name, line in self.edge_lines.items():
            on = name in path
            set_changed(line, color="#ff7f0e" if on else "0.65",
                        linewidth=3.5 if on else 1.0)
        for name, (kk, ii, jj) in ENTRIES.items():
            self.edge_labels[name].set_text(number(weights[kk][ii, jj], 1))
        self.node_text["x1"].set_text(number(x[0, 0], 1))
        self.node_text["x2"].set_text(number(x[0, 1], 1))
        for n in (0, 1):
            self.node_text[f"h{n + 1}"].set_text(f"{acts[1][0, n]:.2f}")
        self.node_text["out"].set_text(f"{y_hat:.3f}")
        self.net_values.set_text(
            f"y = {int(y[0])}, E = {cross_entropy(y, acts[2]):.3f}")

    def _draw_chain(self, factors, product, fd, entry):
        """A bar per factor and the product, the finite difference as a marker."""
        # the chain: one bar per factor, then the product
        labels = [f"${lab}$" for lab, _ in factors] + [
            f"product $= \\partial E/\\partial {self._tex(entry)}$"]
        vals = [v for _, v in factors] + [product]
        labels += [""] * (5 - len(labels))
        vals += [0.0] * (5 - len(vals))
        for n, (bar, v, label) in enumerate(zip(self.bars, vals, labels)):
            shown = n <= len(factors)
            bar.set_width(np.clip(v, -self._XMAX, self._XMAX))
            set_changed(bar, color="#ff7f0e" if n == len(factors) else "0.6")
            bar.set_visible(shown)
            text = f"{v:.4f}" if 1e-3 <= abs(v) < 1e3 or v == 0 else f"{v:.2e}"
            if abs(v) > self._XMAX:
                text += ", off the scale"
            ha = "right" if v > 0 else "left"
            self.bar_text[n].set(text=minus_signs(text) if shown else "",
                                 horizontalalignment=ha,
                                 transform=self._beside[ha])
            self.bar_label[n].set_text(label)
        self.fd_marker.set_data([fd], [len(factors)])
        if len(factors) + 1 != self._n_rows:  # hide the unused bar slot
            self._n_rows = len(factors) + 1
            self.ax_bar.set_ylim(self._n_rows - 0.4, -0.6)

    def _draw_matrix(self, grads, k, i, j):
        """Every entry of grad E, the chosen one outlined."""
        # every entry of grad E, as the slide lays it out
        G = np.hstack([grads[0], grads[1]])
        big_g = max(float(np.abs(G).max()), 1e-6)
        self.image.set_array(G)
        self.image.set_clim(-big_g, big_g)
        for r in range(3):
            for c in range(3):
                cell = self.cell_text[r][c]
                cell.set_text(number(G[r, c], 3))
                set_changed(cell, color="white" if abs(G[r, c]) > 0.6 * big_g
                            else "black")
        set_changed(self.outline, xy=((j if k == 0 else 2) - 0.5, i - 0.5))

    @staticmethod
    def _tex(entry):
        return f"W_{{{entry[1:3]}}}^{{{entry[3:]}}}"


class BackpropGraphDemo(Demo):
    """The backward pass through the graph of the 2-2-1 network, one node at a time.

    A slider ``step`` reveals the gradients in the order backpropagation computes them
    (:data:`mlp.plotting.graph.BACKWARD_ORDER`, from ``E`` down to ``W11``); sliders for
    the example ``(x1, x2)`` and buttons for its label ``y`` change the values. The
    status line says how the node just reached got its gradient: the gradient arriving
    from above times the local derivative. The weights are those of chapters 7, 10 and
    11.
    """

    weights = [np.array([[5.0, 7.0], [-2.0, -3.0], [8.0, -1.0]]),
               np.array([[7.0], [5.0], [-6.0]])]
    defaults = {"step": len(BACKWARD_ORDER), "x1": 1.0, "x2": 3.0, "y": 1}
    figsize = (11, 4.3)

    def controls(self):
        import ipywidgets as w

        return {
            "step": w.IntSlider(min=1, max=len(BACKWARD_ORDER), step=1,
                                description="step back"),
            "x1": w.FloatSlider(min=-5, max=5, step=0.1, description="x1"),
            "x2": w.FloatSlider(min=-5, max=5, step=0.1, description="x2"),
            "y": w.ToggleButtons(options=[0, 1], description="label y"),
        }

    def graph(self, values):
        """The graph of the current example (see :func:`backprop_graph`)."""
        return backprop_graph(self.weights, [values["x1"], values["x2"]],
                              int(values["y"]))

    def setup(self, fig):
        ax = fig.add_subplot()
        self.drawing = GraphDrawing(ax, self.graph(self.defaults))

    def draw(self, step, x1, x2, y):
        graph = self.graph({"x1": x1, "x2": x2, "y": y})
        shown = self.drawing.update(graph, step)
        called = {"a1": "σ(h1)", "a2": "σ(h2)", "W11": "W11(1)"}
        if not shown:
            self.say("Step 0: the forward pass only; no gradient yet.")
            return
        node = graph[shown[-1]]
        if node.parent is None:
            self.say("Step 1: dE/dE = 1, where the backward pass starts.")
            return
        parent = graph[node.parent]
        self.say(f"Step {len(shown)}: grad of {called.get(node.name, node.name)} = "
                 f"grad of {called.get(parent.name, parent.name)} "
                 f"x local derivative = {parent.grad:.4g} x {node.local:.4g} "
                 f"= {node.grad:.4g}")
