"""Chapters 5 and 6: network diagrams, 3-D plots, the cached trained networks, the
layers/softmax/training demos, and the exercise checks."""

import warnings

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.collections import LineCollection, PatchCollection
from matplotlib.colors import to_hex
from matplotlib.text import Text

import mlp
from mlp import checks, plotting
from mlp.widgets import layers as wl

# -- plot_network --------------------------------------------------------------------


def _edge_labels(ax):
    """Texts drawn on edges (the weight values): they have a white box."""
    return [t for t in ax.texts if t.get_bbox_patch() is not None and t.get_visible()]


def _edges(ax):
    """The diagram's edges: one LineCollection, a segment per weight."""
    (edges,) = [c for c in ax.collections if isinstance(c, LineCollection)]
    return edges


def _nodes(ax):
    """The diagram's nodes: one PatchCollection, a circle per node."""
    (nodes,) = [c for c in ax.collections if isinstance(c, PatchCollection)]
    return nodes


@pytest.mark.parametrize("sizes", [[2, 2, 1], [2, 4, 1], [3, 4, 4, 1], [2, 8, 8, 3],
                                   [2, 1]])
def test_plot_network_draws_every_weight_without_warnings(sizes):
    weights = mlp.init_weights(sizes, rng=0)
    fig, ax = plt.subplots()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert plotting.plot_network(ax, weights) is ax
        fig.canvas.draw()
    n_weights = sum(W.size for W in weights)
    assert len(_edges(ax).get_segments()) == n_weights  # biases included
    nodes = sum(sizes) + len(sizes) - 1  # units and one bias node per layer but last
    assert len(_nodes(ax).get_paths()) == nodes


def test_plot_network_writes_values_only_on_small_networks():
    W1 = np.array([[5.0, 7.0], [-2.0, -3.0], [8.0, -1.0]])
    W2 = np.array([[7.0], [5.0], [-6.0]])
    ax = plotting.plot_network(None, [W1, W2])
    values = sorted(t.get_text() for t in _edge_labels(ax))
    assert values == sorted(f"{w:.1f}" for w in np.concatenate([W1.ravel(),
                                                               W2.ravel()]))
    ax = plotting.plot_network(None, mlp.init_weights([2, 8, 8, 3], rng=0))
    assert _edge_labels(ax) == []
    ax = plotting.plot_network(None, [W1, W2], show_weights=False)
    assert _edge_labels(ax) == []


def test_plot_network_colours_and_widths_follow_the_weights():
    W1 = np.array([[4.0], [-1.0], [0.5]])
    ax = plotting.plot_network(None, [W1])
    edges = _edges(ax)
    widths, colors = edges.get_linewidth(), edges.get_color()
    # drawn weakest first: 0.5, -1.0, then the largest, 4.0, on top
    assert list(widths) == sorted(widths)
    assert to_hex(colors[-1], keep_alpha=False) == "#d62728"  # 4.0 is positive: red
    assert to_hex(colors[-2], keep_alpha=False) == "#1f77b4"  # -1.0 is negative: blue
    assert colors[-1][3] > colors[-2][3] > colors[0][3]  # larger: more opaque
    assert ax.get_legend() is not None


def test_plot_network_from_sizes_and_labels():
    ax = plotting.plot_network(None, sizes=[3, 2, 1],
                               input_labels=["test", "grades", "interview"],
                               output_labels=["accepted"])
    texts = {t.get_text() for t in ax.texts if isinstance(t, Text)}
    assert {"test", "grades", "interview", "accepted", "input layer",
            "hidden layer", "output layer", "$h_{2}$", r"$\hat y$"} <= texts
    assert ax.get_legend() is None  # grey edges need no colour key
    ax = plotting.plot_network(None, sizes=[2, 3, 3, 1])
    assert {"hidden 1", "hidden 2"} <= {t.get_text() for t in ax.texts}


def test_plot_network_rejects_bad_input():
    with pytest.raises(ValueError, match="weights .* or sizes"):
        plotting.plot_network(None)
    with pytest.raises(ValueError, match="at least two layer sizes"):
        plotting.plot_network(None, sizes=[3])
    with pytest.raises(ValueError, match="sizes\\[1\\]"):
        plotting.plot_network(None, sizes=[2, 0, 1])
    with pytest.raises(TypeError):
        plotting.plot_network(None, sizes=[2, 1.5, 1])
    with pytest.raises(ValueError, match="output_labels must name the 3"):
        plotting.plot_network(None, sizes=[2, 3], output_labels=["CAT", "DOG"])
    with pytest.raises(TypeError, match="list of weight matrices"):
        plotting.plot_network(None, np.ones((3, 1)))


def test_redraw_network_reuses_the_artists_and_draws_what_plot_network_draws():
    small = mlp.init_weights([2, 4, 1], rng=0)
    large = mlp.init_weights([2, 3, 3, 2], rng=1)
    fig_a, ax_a = plt.subplots()
    plotting.reserve_network(ax_a, [[2, 4, 1], [2, 3, 3, 2]])
    plotting.redraw_network(ax_a, small, show_weights=False)
    children = ax_a.get_children()
    plotting.redraw_network(ax_a, large, show_weights=False)
    assert len(_edges(ax_a).get_segments()) == sum(W.size for W in large)
    assert plotting.update_network(ax_a, mlp.init_weights([2, 3, 3, 2], rng=2)) is ax_a
    plotting.redraw_network(ax_a, small, show_weights=False)
    assert ax_a.get_children() == children  # moved and restyled, none added
    fig_b, ax_b = plt.subplots()
    plotting.plot_network(ax_b, small, show_weights=False)
    for fig in (fig_a, fig_b):
        fig.canvas.draw()
    assert np.array_equal(np.asarray(fig_a.canvas.buffer_rgba()),
                          np.asarray(fig_b.canvas.buffer_rgba()))
    plt.close(fig_a)
    plt.close(fig_b)


# -- plot_hidden_lines, 3-D plots ------------------------------------------------------


def test_plot_hidden_lines_draws_one_line_per_unit_and_keeps_limits():
    _, ax = plt.subplots()
    ax.set_xlim(-1, 1)
    ax.set_ylim(-2, 2)
    W = mlp.init_weights([2, 3, 1], rng=0)
    W[0][-1] = [0.1, 0.2, 0.3]
    assert plotting.plot_hidden_lines(ax, W, label="lines") is ax
    assert len(ax.lines) == 3
    assert ax.get_xlim() == (-1, 1) and ax.get_ylim() == (-2, 2)
    xs, ys = ax.lines[0].get_data()
    np.testing.assert_allclose(W[0][0, 0] * xs + W[0][1, 0] * ys + 0.1, 0, atol=1e-9)
    assert ax.lines[0].get_label() == "lines"
    plotting.plot_hidden_lines(ax, W[0])  # one matrix works too
    with pytest.raises(ValueError, match="2 inputs"):
        plotting.plot_hidden_lines(ax, mlp.init_weights([3, 2, 1], rng=0))


def test_plot_probability_surface_needs_3d_axes():
    fig = plt.figure()
    ax = fig.add_subplot(projection="3d")
    assert plotting.plot_probability_surface(ax, 1.0, 1.0, -1.0) is ax
    assert ax.get_zlim() == (0, 1)
    plotting.plot_probability_surface(fig.add_subplot(projection="3d"), 0.0, 0.0, 1.0)
    with pytest.raises(TypeError, match="3-D Axes"):
        plotting.plot_probability_surface(fig.add_subplot(), 1.0, 1.0, 0.0)
    with pytest.raises(TypeError, match="w2 must be a finite number"):
        plotting.plot_probability_surface(ax, 1.0, np.nan, 0.0)


def test_plot_plane_with_data():
    rng = np.random.default_rng(0)
    X = rng.uniform(0, 10, (40, 3))
    y = (X.sum(axis=1) > 15).astype(int)
    fig = plt.figure()
    ax = fig.add_subplot(projection="3d")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert plotting.plot_plane(ax, [1, 1, 1], -15, X, y, labels=["no", "yes"]) is ax
        fig.canvas.draw()
    assert {t.get_text() for t in ax.legend().get_texts()} == {"no", "yes"}
    with pytest.raises(ValueError, match="w3 must not be 0"):
        plotting.plot_plane(ax, [1, 1, 0], 0)
    with pytest.raises(ValueError, match="3 weights"):
        plotting.plot_plane(ax, [1, 1], 0)
    with pytest.raises(ValueError, match="\\(m, 3\\)"):
        plotting.plot_plane(ax, [1, 1, 1], 0, X[:, :2])
    with pytest.raises(TypeError, match="3-D Axes"):
        plotting.plot_plane(fig.add_subplot(), [1, 1, 1], 0)


# -- the cached networks: trained by mlp.train -------------------------------------------


def test_trained_network_is_mlp_train_with_the_modules_settings():
    """One training loop: the demo's networks are plain full-batch gradient descent."""
    X, y = wl.layer_data("circles")
    W, acc = wl.trained_network("circles", units=2, depth=1, seed=3)
    rng = np.random.default_rng(3)
    W0 = mlp.init_weights([2, 2, 1], rng)
    W0[0][-1] = rng.normal(0.0, 1.0, size=2)  # the random biases trained_network uses
    expected, history = mlp.train(W0, X, y, alpha=wl.ALPHA, epochs=wl.EPOCHS)
    for a, b in zip(W, expected):
        np.testing.assert_array_equal(a, b)
    assert acc == history["accuracy"][-1] == mlp.accuracy(W, X, y)
    assert not hasattr(wl, "quick_train")


def test_trained_networks_are_cached_and_returned_as_copies():
    W, acc = wl.trained_network("circles", units=4, depth=1)
    assert [w.shape for w in W] == [(3, 4), (5, 1)]
    assert acc >= 0.95
    assert acc == mlp.accuracy(W, *wl.layer_data("circles"))
    hits = wl._trained.cache_info().hits
    W[0][:] = 0.0  # the caller's copy: the cache is untouched
    W2, acc2 = wl.trained_network("circles", units=4, depth=1)
    assert wl._trained.cache_info().hits == hits + 1
    assert acc2 == acc and np.any(W2[0] != 0)


def test_more_units_draw_better_boundaries_and_wide_beats_deep_here():
    accs = [wl.trained_network("circles", u, 1)[1] for u in (1, 2, 4)]
    assert accs[0] < 0.8 < accs[2] and accs[0] < accs[1]
    # in this setting (plain gradient descent, 800 steps) one wide layer beats two
    assert wl.trained_network("spirals", 26, 1)[1] > wl.trained_network("spirals", 8,
                                                                        2)[1] + 0.2


def test_trained_network_and_layer_data_reject_bad_settings():
    with pytest.raises(ValueError, match="dataset must be one of"):
        wl.trained_network("mnist")
    with pytest.raises(ValueError, match="between 1 and 32"):
        wl.trained_network("circles", units=100)
    with pytest.raises(ValueError, match="units"):
        wl.trained_network("circles", units=0)
    with pytest.raises(TypeError, match="depth"):
        wl.trained_network("circles", depth=1.5)
    with pytest.raises(ValueError, match="dataset"):
        wl.layer_data("nope")
    X, _ = wl.layer_data("moons")
    assert X.shape == (200, 2) and not X.flags.writeable


# -- demos -----------------------------------------------------------------------------


def test_layers_demo_updates_without_warnings():
    pytest.importorskip("ipywidgets")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        demo = wl.LayersDemo()
        assert demo.status.startswith("2-4-1 network, 17 weights")
        assert len(demo.boundary.get_segments()) == 1  # a closed curve
        demo.update(dataset="xor", units=1, depth=2)
        assert "2-1-1-1" in demo.status
        demo.update(dataset="circles", units=4, depth=1)
        demo.render()
        demo.widget()
    visible = [line for line in demo.lines if len(line.get_xdata())]
    assert len(visible) == 4  # one dashed line per first-layer unit


def test_layers_demo_shows_a_message_when_training_diverges(monkeypatch):
    def diverge(*args, **kwargs):
        raise mlp.DivergenceError(3, None, None)

    demo = wl.LayersDemo()
    monkeypatch.setattr(wl, "trained_network", diverge)
    status = demo.update(units=3)
    assert "diverged" in status
    assert "diverged" in demo.ax.get_title()
    demo.render()
    status = demo.update(units=100)  # any error becomes a message, never a crash
    assert status


def test_softmax_demo():
    pytest.importorskip("ipywidgets")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        demo = wl.SoftmaxDemo()
        assert demo.status.startswith("P(CAT) = 0.659, P(DOG) = 0.242, P(BIRD) = 0.099")
        assert demo.status.endswith("add up to 1.000")
        demo.update(cat=5.0, dog=5.0, bird=-5.0)
        heights = [bar.get_height() for bar in demo.bars_p]
        np.testing.assert_allclose(sum(heights), 1.0)
        assert heights[0] == pytest.approx(heights[1])
        demo.render()
        demo.widget()
    assert "Cannot draw" in demo.update(cat=np.nan)


def _snapshots():
    X, y = mlp.datasets.three_class(60, rng=0)
    snaps = []
    _, hist = mlp.train(mlp.init_weights([2, 4, 3], rng=0), X, y, alpha=1.0,
                        epochs=20, callback=lambda e, w, h: snaps.append((e, w)))
    return snaps[::5], hist, X, y


def test_multiclass_training_demo():
    pytest.importorskip("ipywidgets")
    snaps, hist, X, y = _snapshots()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        demo = wl.MulticlassTrainingDemo(snaps, hist, X, y)
        assert demo.status.startswith("epoch 16: training accuracy")
        demo.update(epoch=1)
        assert demo.ax.get_title().startswith("epoch 1:")
        demo.render()
        demo.widget()
    assert "no snapshot at epoch 7" in demo.update(epoch=7)
    bad = [(1, [np.full_like(W, np.nan) if k == 0 else W
                for k, W in enumerate(snaps[0][1])])]
    with pytest.raises(ValueError, match="NaN"):
        wl.MulticlassTrainingDemo(bad, hist, X, y)
    with pytest.raises(TypeError, match="snapshots"):
        wl.MulticlassTrainingDemo([], hist, X, y)
    with pytest.raises(TypeError, match="pair"):
        wl.MulticlassTrainingDemo([snaps[0][1]], hist, X, y)
    with pytest.raises(TypeError, match="pair"):
        wl.MulticlassTrainingDemo([(1, 2, 3)], hist, X, y)


# -- checks ----------------------------------------------------------------------------


def _said(capsys):
    return capsys.readouterr().out.strip()


def _passes(check, answer, capsys):
    result = check(answer)
    out = _said(capsys)
    assert result.passed, out
    assert out.count("\n") == 0


def _fails_with(check, answer, words, capsys, status="fail"):
    result = check(answer)
    out = _said(capsys)
    assert result.status == status, out
    assert words in out, out


def _robustness(check, capsys, nan="NaN", shape="shape"):
    _fails_with(check, None, "not yet done", capsys, status="todo")
    _fails_with(check, ..., "not yet done", capsys, status="todo")
    _fails_with(check, 3, "expected a function", capsys)

    def boom(*args):
        raise ZeroDivisionError("oops")

    _fails_with(check, boom, "raised ZeroDivisionError", capsys)
    _fails_with(check, lambda *a: None, "forget to `return`", capsys)
    _fails_with(check, lambda *a: np.nan, nan, capsys)
    _fails_with(check, lambda *a: np.zeros((7, 7)), shape, capsys)


def test_weight_shapes_check(capsys):
    _passes(checks.weight_shapes,
            lambda s: [(a + 1, b) for a, b in zip(s[:-1], s[1:])], capsys)
    _fails_with(checks.weight_shapes, lambda s: [(a, b) for a, b in zip(s[:-1], s[1:])],
                "bias row is missing", capsys)
    _fails_with(checks.weight_shapes,
                lambda s: [(b, a + 1) for a, b in zip(s[:-1], s[1:])], "transposed",
                capsys)
    _fails_with(checks.weight_shapes,
                lambda s: [(a, b + 1) for a, b in zip(s[:-1], s[1:])], "not a column",
                capsys)
    _robustness(checks.weight_shapes, capsys, nan="expected a list", shape="a list")


def test_count_weights_check(capsys):
    _passes(checks.count_weights,
            lambda s: sum((a + 1) * b for a, b in zip(s[:-1], s[1:])), capsys)
    _passes(checks.count_weights,
            lambda s: sum(W.size for W in mlp.init_weights(s, rng=0)), capsys)
    mistakes = {
        "biases are missing": lambda s: sum(a * b for a, b in zip(s[:-1], s[1:])),
        "number of nodes": lambda s: sum(s),
        "bias nodes": lambda s: sum(s) + len(s) - 1,
        "not n_in * (n_out + 1)": lambda s: sum(a * (b + 1)
                                                for a, b in zip(s[:-1], s[1:])),
        "first layer only": lambda s: (s[0] + 1) * s[1],
        "first layer (inputs": lambda s: sum((a + 1) * b for a, b in zip(s[1:-1],
                                                                         s[2:])),
        "wrong value": lambda s: 42,
    }
    for words, answer in mistakes.items():
        _fails_with(checks.count_weights, answer, words, capsys)
    _robustness(checks.count_weights, capsys)


def _ref_softmax(h):
    e = np.exp(h - h.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def test_softmax_check(capsys):
    _passes(checks.softmax, _ref_softmax, capsys)
    _passes(checks.softmax, mlp.softmax, capsys)
    mistakes = {
        "not normalised": lambda h: np.exp(h),
        "each column sums to 1": lambda h: np.exp(h) / np.exp(h).sum(axis=0,
                                                                     keepdims=True),
        "whole array": lambda h: np.exp(h) / np.exp(h).sum(),
        "keepdims": lambda h: np.exp(h) / np.exp(h).sum(axis=1),
        "exponential is missing": lambda h: h / h.sum(axis=1, keepdims=True),
        "sigmoid of each score": lambda h: 1 / (1 + np.exp(-h)),
        "overflows": lambda h: np.exp(h) / np.exp(h).sum(axis=1, keepdims=True),
    }
    for words, answer in mistakes.items():
        _fails_with(checks.softmax, answer, words, capsys)
    _robustness(checks.softmax, capsys)


def test_one_hot_check(capsys):
    _passes(checks.one_hot, lambda y, k: np.eye(k)[y], capsys)
    _passes(checks.one_hot, mlp.one_hot, capsys)
    _fails_with(checks.one_hot, lambda y, k: np.eye(k)[y - 1], "one column to the left",
                capsys)
    _fails_with(checks.one_hot, lambda y, k: 1 - np.eye(k)[y], "swapped", capsys)
    _fails_with(checks.one_hot, lambda y, k: np.eye(k)[y].T, "transposed", capsys)
    _robustness(checks.one_hot, capsys)


def test_multiclass_cross_entropy_check(capsys):
    def ref(y, y_hat):
        return -np.mean(np.log(y_hat[np.arange(len(y)), y]))

    _passes(checks.multiclass_cross_entropy, ref, capsys)
    _passes(checks.multiclass_cross_entropy, mlp.multiclass_cross_entropy, capsys)
    _passes(checks.multiclass_cross_entropy,
            lambda y, p: -np.mean(np.sum(np.eye(p.shape[1])[y] * np.log(p), axis=1)),
            capsys)
    mistakes = {
        "sign is wrong": lambda y, p: -ref(y, p),
        "divide by m": lambda y, p: -np.sum(np.log(p[np.arange(len(y)), y])),
        "log10": lambda y, p: -np.mean(np.log10(p[np.arange(len(y)), y])),
        "largest probability": lambda y, p: -np.mean(np.log(p.max(axis=1))),
        "every class": lambda y, p: -np.mean(np.sum(np.log(p), axis=1)),
        "two-class formula": lambda y, p: -np.mean(np.sum(
            np.eye(p.shape[1])[y] * np.log(p)
            + (1 - np.eye(p.shape[1])[y]) * np.log(1 - p), axis=1)),
    }
    for words, answer in mistakes.items():
        _fails_with(checks.multiclass_cross_entropy, answer, words, capsys)
    _robustness(checks.multiclass_cross_entropy, capsys)


def test_multiclass_regions_have_no_sliver_of_a_losing_class():
    # class 1 never wins: where classes 0 and 2 meet, no strip of class 1 may appear
    W = np.array([[1.0, 0.0, -1.0], [0.0, 0.0, 0.0], [0.0, -100.0, 0.0]])
    X = np.array([[-1.0, -1.0], [1.0, 1.0]])
    ax = plotting.plot_decision_regions(None, [W], X)
    colors = {tuple(np.round(rgba[:3], 3)) for c in ax.collections
              for rgba in c.get_facecolor() if rgba[3] > 0}
    red = tuple(np.round(matplotlib.colors.to_rgb(plotting.CLASS_COLORS[1]), 3))
    assert red not in colors and len(colors) == 2


# -- chapter 5: deep or wide at equal weights, and the concept questions ----------------


def test_trained_network_trains_one_layer_as_wide_as_a_deep_one():
    """Chapter 5 compares 2-26-1 with 2-8-8-1: the same 105 weights."""
    wide, _ = wl.trained_network("spirals", units=26, depth=1)
    deep, _ = wl.trained_network("spirals", units=8, depth=2)
    assert [W.shape for W in wide] == [(3, 26), (27, 1)]
    assert sum(W.size for W in wide) == sum(W.size for W in deep) == 105
    assert checks.predict_weights_231(13).passed  # (2 + 1) * 3 + (3 + 1) * 1
    with pytest.raises(ValueError, match="units .*between 1 and 32"):
        wl.trained_network("spirals", units=wl.MAX_UNITS + 1)


@pytest.mark.parametrize("checker, right, wrong", [
    (checks.predict_weights_231, 13, 9),
    (checks.predict_deep_or_wide, "wide", "deep"),
    (checks.predict_test_accuracy, "lower", "same"),
    (checks.predict_softmax_sum, 1, 2.137),
    (checks.predict_softmax_shift, "same", "closer"),
    (checks.predict_sum_below_one, "no", "yes"),
    (checks.predict_combined_minimum, 0.5, 0.0),
    (checks.predict_bias_region, "grows", "shrinks"),
    (checks.predict_doubled_boundary, "stays", "moves"),
])
def test_concept_questions(checker, right, wrong, capsys):
    assert checker(right).passed
    assert checker(wrong).status == "fail"
    assert checker(...).status == "todo"
    other = "not a choice" if isinstance(right, str) else 7.5
    assert "choose one of" in checker(other).message
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 4 and lines[0].startswith("\u2714")
