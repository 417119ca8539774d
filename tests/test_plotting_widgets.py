import warnings

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.colors import to_rgb
from matplotlib.contour import ContourSet

import mlp
from mlp import datasets, plotting
from mlp.widgets.render import level_lines, probability_bands


def test_plots_return_their_axes():
    X, y = datasets.xor(60, rng=0)
    weights = mlp.init_weights([2, 4, 1], rng=0)
    fig, axes = plt.subplots(1, 5)
    assert plotting.plot_data(axes[0], X, y) is axes[0]
    assert plotting.plot_decision_regions(axes[1], weights, X, y) is axes[1]
    assert plotting.plot_loss(axes[2], {"loss": [1.0, 0.5]}) is axes[2]
    assert plotting.plot_activations(axes[3], derivative=True) is axes[3]
    assert plotting.plot_network(axes[4], weights) is axes[4]
    W3 = mlp.init_weights([2, 5, 3], rng=0)
    X3, y3 = datasets.three_class(30, rng=0)
    plotting.plot_decision_regions(None, W3, X3, y3)


def test_training_snapshots_shade_every_class():
    X, y = datasets.three_class(60, rng=0)
    W = mlp.init_weights([2, 4, 3], rng=0)
    W[-1][-1] = [5.0, 0.0, -5.0]  # class 0 everywhere: one region, no boundary
    W[-1][:-1] = 0.0
    fig, axes = plt.subplots(1, 2)
    plotting.plot_training_snapshots(axes, [(1, W), (2, W)], X, y, resolution=20)
    fills = [c for c in axes[0].collections if isinstance(c, ContourSet) and c.filled]
    assert len(fills) == 1  # one region, class 0's (not class 1's probability)
    assert np.allclose(fills[0].get_facecolor()[0][:3],
                       to_rgb(plotting.CLASS_COLORS[0]))
    assert axes[1].get_title().startswith("epoch 2:")
    plt.close(fig)


def test_probability_bands_and_level_lines():
    x = np.linspace(-1, 1, 41)
    p = 1 / (1 + np.exp(-8 * (0.5 - np.hypot(*np.meshgrid(x, x)))))  # a disc
    paths, colors = probability_bands(p, extent=(-1, 1, -1, 1), alpha=0.5)
    assert len(paths) == len(colors) > 10 and np.all(colors[:, 3] == 1)  # opaque
    assert np.all(colors[:, :3] >= 0.5)  # mixed half with white
    (line,) = level_lines(p, extent=(-1, 1, -1, 1))
    np.testing.assert_allclose(np.hypot(*line.T), 0.5, atol=0.02)  # the disc's edge
    assert level_lines(np.full((5, 5), 0.9)) == []
    assert probability_bands(np.full((5, 5), 0.9))[0]  # one band


def test_plot_data_rejects_wrong_dimensions():
    with pytest.raises(ValueError, match="X must be \\(m, 2\\)"):
        plotting.plot_data(None, np.ones((3, 3)), [0, 1, 0])


def test_line_points_lie_on_the_line():
    xs, ys = plotting.line_points(2.0, -1.0, 3.0, [0.0, 4.0])
    np.testing.assert_allclose(2 * xs - ys + 3, 0)


def test_perceptron_demo_updates_without_warnings():
    pytest.importorskip("ipywidgets")
    from mlp.widgets import PerceptronDemo

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        demo = PerceptronDemo()
        assert "accuracy" in demo.status
        demo.update(w1=0.0, w2=0.0, b=0.0)  # a degenerate line must not break it
        demo.render()
        demo.update(w1=1.0, w2=1.0, b=-10.0)
        assert demo.status.startswith("training accuracy 9")
        demo.widget()
    with pytest.raises(ValueError, match="no setting"):
        PerceptronDemo(w3=1.0)


def test_probability_bands_refuse_what_is_not_a_probability():
    with pytest.raises(ValueError, match=r"probabilities in \[0, 1\]"):
        probability_bands(np.linspace(-2, 2, 25).reshape(5, 5))


def test_a_diagram_does_not_keep_its_figure_alive():
    import gc
    import weakref

    from matplotlib.figure import Figure

    refs = []
    for _ in range(3):
        fig = Figure()
        ax = fig.subplots()
        plotting.plot_network(ax, mlp.init_weights([2, 3, 1], rng=0))
        plotting.redraw_network(ax, mlp.init_weights([2, 4, 1], rng=0))
        refs.append(weakref.ref(fig))
        del fig, ax
    gc.collect()
    assert all(ref() is None for ref in refs)
