"""Chapters 7-9's figures and demos: the LaTeX matrices, the line animation, and the
feedforward, error and learning-rate demos."""

import warnings

import numpy as np
import pytest
from matplotlib.animation import FuncAnimation

import mlp
from mlp import datasets, plotting

# -- latex_matrix, latex_weight_symbols ------------------------------------------------


def test_latex_matrix_prints_the_numbers_row_by_row():
    W1 = np.array([[5.0, 7.0], [-2.0, -3.0], [8.0, -1.0]])
    assert plotting.latex_matrix(W1) == (
        r"\begin{pmatrix} 5 & 7 \\ -2 & -3 \\ 8 & -1 \end{pmatrix}")
    assert plotting.latex_matrix([0.123456, -0.0], fmt="{:.2f}") == (
        r"\begin{pmatrix} 0.12 \\ 0 \end{pmatrix}")


def test_latex_weight_symbols_follow_the_slides():
    S = plotting.latex_weight_symbols((3, 2), 1)
    assert S[0, 1] == "W_{12}^{(1)}" and S[2, 0] == "W_{31}^{(1)}"
    assert plotting.latex_matrix(S).count(r"\\") == 2
    assert plotting.latex_weight_symbols((11, 1), 3)[10, 0] == "W_{11,1}^{(3)}"


@pytest.mark.parametrize("bad, error", [
    (np.ones((2, 2, 2)), ValueError),
    ([], ValueError),
    ([[None, 1.0]], TypeError),
])
def test_latex_matrix_rejects_bad_input(bad, error):
    with pytest.raises(error, match="latex_matrix"):
        plotting.latex_matrix(bad)


def test_latex_weight_symbols_rejects_bad_input():
    with pytest.raises(ValueError, match="shape"):
        plotting.latex_weight_symbols((3,), 1)
    with pytest.raises(TypeError, match="layer"):
        plotting.latex_weight_symbols((3, 1), "1")


# -- animate_line ----------------------------------------------------------------------


def test_animate_line_plays_each_frame_without_warnings():
    X, y = np.array([[4.0, 5.0]]), np.array([1])
    path = np.array([[1.0, 1.0, -10.0], [1.2, 1.3, -9.9], [0.0, 0.0, 0.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        anim = plotting.animate_line(path, X, y, titles=["a", "b", "c"], dpi=30)
        assert isinstance(anim, FuncAnimation)
        html = anim.to_jshtml()
    assert html.count("data:image/png;base64") == 3
    import matplotlib.pyplot as plt

    assert anim._fig not in [plt.figure(n) for n in plt.get_fignums()]


def test_half_plane_is_the_positive_side_of_the_line():
    poly = plotting.half_plane(1.0, 1.0, -10.0, (0, 10), (0, 10))
    assert set(map(tuple, poly.tolist())) == {(0, 10), (10, 0), (10, 10)}
    assert np.all(poly @ [1.0, 1.0] - 10.0 >= -1e-12)
    assert plotting.half_plane(0.0, 0.0, 1.0, (0, 1), (0, 1)).shape == (4, 2)
    assert plotting.half_plane(0.0, 0.0, -1.0, (0, 1), (0, 1)).shape == (0, 2)


def test_animation_html_gives_the_player_alt_text():
    anim = plotting.animate_line(np.array([[1.0, 1.0, -10.0]]), np.ones((1, 2)), [1],
                                 dpi=20)
    html = plotting.animation_html(anim, 'the line "moves" <up>')
    assert 'alt="the line &quot;moves&quot; &lt;up&gt;" id="_anim_img' in html
    with pytest.raises(ValueError, match="alt"):
        plotting.animation_html(anim, " ")
    with pytest.raises(TypeError, match="Animation"):
        plotting.animation_html("<html>", "alt")


@pytest.mark.parametrize("path, titles, match", [
    (np.ones((3, 2)), None, "shape"),
    (np.ones((2, 3)), ["one"], "titles"),
])
def test_animate_line_rejects_bad_input(path, titles, match):
    with pytest.raises(ValueError, match=match):
        plotting.animate_line(path, np.ones((1, 2)), [1], titles=titles)


# -- the demos -------------------------------------------------------------------------


@pytest.fixture
def no_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield


def test_feedforward_demo_shows_the_slide_numbers(no_warnings):
    pytest.importorskip("ipywidgets")
    from mlp.widgets import FeedforwardDemo

    demo = FeedforwardDemo()
    y_hat = mlp.feedforward([demo.weights[0], demo.weights[1]], [[1.0, 3.0]])[0, 0]
    assert f"ŷ = σ(h) = {y_hat:.3f}" in demo.status
    assert "h1 = 7.00" in demo.status and "h2 = -3.00" in demo.status
    assert demo.t_out[1].get_text() == f"{y_hat:.3f}"  # the box of y_hat
    demo.update(x1=-3.0, x2=7.0)
    demo.render()
    assert "class 0" in demo.status
    demo.widget()
    with pytest.raises(ValueError, match="2-2-1"):
        FeedforwardDemo(weights=mlp.init_weights([2, 3, 1], rng=0))
    with pytest.raises(ValueError, match="no setting"):
        FeedforwardDemo(x3=1.0)


def test_error_demo_reports_the_cross_entropy(no_warnings):
    pytest.importorskip("ipywidgets")
    from mlp.widgets import ErrorDemo

    X, y = datasets.admissions(12, rng=0)
    demo = ErrorDemo()
    E = mlp.cross_entropy(y, mlp.sigmoid(X @ [1.0, 1.0] - 10.0))
    assert demo.status.startswith(f"E(W) = {E:.3f}")
    demo.update(w1=-3.0, w2=3.0, b=30.0)  # very wrong: errors far above the cap
    assert np.isfinite(float(demo.status.split()[2].rstrip(";")))
    demo.update(w1=0.0, w2=0.0, b=0.0)  # no line at all: E = ln 2
    assert demo.status.startswith(f"E(W) = {np.log(2):.3f}")
    demo.render()
    demo.widget()
    with pytest.raises(ValueError, match="y must hold labels 0 or 1"):
        ErrorDemo(X=X, y=y + 1)


def test_learning_rate_demo_names_slow_good_and_oscillating(no_warnings):
    pytest.importorskip("ipywidgets")
    from mlp.widgets import LearningRateDemo

    demo = LearningRateDemo(alpha=0.001, epochs=100)
    assert "still falling" in demo.status
    demo.update(alpha=1.0, epochs=300)
    assert "too large" in demo.status
    demo.update(alpha=30.0, epochs=50)
    assert "too large" in demo.status
    loss = demo.curve.get_ydata()
    assert len(loss) == 50 and np.all(np.isfinite(loss))
    demo.render()
    demo.widget()


def test_learning_rate_demo_reports_divergence_without_nan(monkeypatch, no_warnings):
    pytest.importorskip("ipywidgets")
    from mlp.widgets import LearningRateDemo, feedforward

    def diverging(weights, X, y, alpha, epochs, callback=None):
        raise mlp.DivergenceError(3, weights, {"loss": [0.7, 5.0], "accuracy":
                                               [0.5, 0.4]})

    monkeypatch.setattr(feedforward, "train", diverging)
    demo = LearningRateDemo()
    assert "training diverged in epoch 3" in demo.status
    assert demo.message.get_text() == "diverged"
    assert len(demo.line.get_xdata()) == 0
    demo.render()


def test_learning_rate_demo_says_settled_at_a_minimum(no_warnings):
    pytest.importorskip("ipywidgets")
    from mlp.widgets import LearningRateDemo

    X = np.array([[1.0, 1.0], [1.0, 1.0], [2.0, 3.0], [2.0, 3.0]])
    demo = LearningRateDemo(X=X, y=np.array([0, 1, 0, 1]), alpha=0.1, epochs=20)
    assert "settled" in demo.status  # all weights 0 is already the minimum


def test_learning_rate_demo_reads_shorter_runs_back_and_continues_longer_ones(
        no_warnings):
    pytest.importorskip("ipywidgets")
    from mlp.widgets import LearningRateDemo

    demo = LearningRateDemo(alpha=1.0, epochs=50)
    # longer: continued; shorter: read back. The epoch axis grows in 1-2-3-5 steps
    # and shrinks only when the run would fill half of it or less
    for epochs, top in [(200, 200), (120, 200), (300, 300), (10, 10)]:
        demo.update(epochs=epochs)
        W, history = mlp.train(demo.start, demo.X, demo.y, alpha=1.0, epochs=epochs)
        assert demo.curve.get_ydata().tolist() == history["loss"]  # exactly
        assert np.array_equal(demo.run(1.0, epochs)[0][0], W[0])
        assert demo.ax_loss.get_xlim() == (0, top)


def test_learning_rate_demo_divergence_comes_at_the_same_epoch_however_reached(
        monkeypatch, no_warnings):
    pytest.importorskip("ipywidgets")
    from mlp.widgets import LearningRateDemo, feedforward

    def diverging_in_epoch_5(weights, X, y, alpha, epochs, callback=None):
        """Adds 1 to every weight per epoch; the fifth epoch from 0 overflows."""
        W, history = weights[0].copy(), {"loss": [], "accuracy": []}
        for epoch in range(1, epochs + 1):
            if W[0, 0] == 4:
                raise mlp.DivergenceError(epoch, [W], history)
            W = W + 1
            history["loss"].append(float(W[0, 0]))
            history["accuracy"].append(0.5)
            callback(epoch, [W], history)
        return [W], history

    monkeypatch.setattr(feedforward, "train", diverging_in_epoch_5)
    demo = LearningRateDemo(epochs=3)
    assert demo.curve.get_ydata().tolist() == [1, 2, 3]
    demo.update(epochs=10)
    assert "diverged in epoch 5" in demo.status
    assert demo.curve.get_ydata().tolist() == [1, 2, 3, 4]
    demo.update(epochs=4)
    assert "infinite" not in demo.status and demo.line.get_xdata().size
    demo.update(epochs=5)
    assert "diverged in epoch 5" in demo.status


# -- plotting.descent: the error over two weights, the descent path, the pulled line


def _admissions():
    return datasets.admissions(100, rng=0)


def test_error_over_two_weights_is_the_cross_entropy_at_each_pair():
    from mlp.plotting import descent as fd

    X, y = _admissions()
    w1s, w2s = np.array([0.5, 1.0, 1.5]), np.array([-0.5, 1.0])
    E = fd.error_over_two_weights(X, y, w1s, w2s, b=-10.0)
    assert E.shape == (2, 3)  # (w2, w1): the layout of ax.contour
    W = np.array([[1.5], [-0.5], [-10.0]])
    assert np.isclose(E[0, 2], mlp.cross_entropy(y, mlp.feedforward([W], X)))


def test_descent_path_is_gradient_descent_and_can_keep_b_fixed():
    from mlp.plotting import descent as fd

    X, y = _admissions()
    path = fd.descent_path(X, y, (0.0, 0.0, 0.0), alpha=0.1, steps=5)
    assert path.shape == (6, 3) and np.allclose(path[0], 0.0)
    W, _ = mlp.train([np.zeros((3, 1))], X, y, alpha=0.1, epochs=5)
    assert np.allclose(path[-1], W[0][:, 0])
    fixed = fd.descent_path(X, y, (2.2, -0.3, -10.0), alpha=0.2, steps=25,
                            train_bias=False)
    assert np.all(fixed[:, 2] == -10.0)
    E = [mlp.cross_entropy(y, mlp.feedforward([w.reshape(3, 1)], X)) for w in fixed]
    assert np.all(np.diff(E) < 0)  # alpha = 0.2 goes downhill in every step here


def test_a_step_moves_each_weight_at_most_alpha_times_the_mean_input():
    """The perceptron's gradient is bounded because y_hat - y lies in (-1, 1)."""
    from mlp.plotting import descent as fd

    X, y = _admissions()
    for alpha in (1.0, 10.0):
        path = fd.descent_path(X, y, (0.0, 0.0, 0.0), alpha=alpha, steps=50)
        bound = alpha * np.abs(mlp.add_bias(X)).mean(axis=0)
        assert np.all(np.abs(np.diff(path, axis=0)) <= bound)


@pytest.mark.parametrize("kwargs, error", [
    (dict(w_start=(1.0, 2.0)), ValueError),
    (dict(alpha=0.0), ValueError),
    (dict(steps=0), ValueError),
    (dict(w_start="abc"), TypeError),
])
def test_descent_path_rejects_bad_input(kwargs, error):
    from mlp.plotting import descent as fd

    X, y = _admissions()
    args = dict(w_start=(0.0, 0.0, 0.0), alpha=0.1, steps=3) | kwargs
    with pytest.raises(error):
        fd.descent_path(X, y, **args)


def test_error_map_figures_draw_without_warnings():
    import matplotlib.pyplot as plt

    from mlp.plotting import descent as fd

    X, y = _admissions()
    ws = np.linspace(-0.5, 2.5, 21)
    E = fd.error_over_two_weights(X, y, ws, ws, -10.0)
    path = fd.descent_path(X, y, (2.2, -0.3, -10.0), 0.5, 10, train_bias=False)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig, ax = plt.subplots()
        assert fd.plot_error_contours(ax, ws, ws, E) is ax
        fd.plot_descent_path(ax, path, label="alpha 0.5")
        fig.canvas.draw()
    assert len(ax.collections) >= 2  # the contours and the arrows
    plt.close(fig)
    with pytest.raises(ValueError, match="path"):
        fd.plot_descent_path(ax, np.ones((3, 4)))


def test_plot_line_pulled_draws_one_panel_per_step_and_arrows_while_wrong():
    import matplotlib.pyplot as plt

    from mlp.plotting import descent as fd

    x, y = np.array([[3.0, 4.0]]), np.array([1])
    path = fd.descent_path(x, y, (1.0, 1.0, -10.0), alpha=0.015, steps=20)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig, axes = plt.subplots(1, 3)
        fd.plot_line_pulled(axes, path, x, y, steps=[0, 10, 20])
        fig.canvas.draw()
    titles = [ax.get_title() for ax in axes]
    assert "0.05" in titles[0] and "right side" not in titles[0]
    assert all("right side" in t for t in titles[1:])
    assert len(axes[0].texts) == 1 and len(axes[2].texts) == 0  # the pull arrow
    plt.close(fig)
    with pytest.raises(ValueError, match="one axes per step"):
        fd.plot_line_pulled(axes, path, x, y, steps=[0, 99, 5])


def test_descent_demo_says_falling_or_overshooting(no_warnings):
    pytest.importorskip("ipywidgets")
    from mlp.widgets import DescentDemo

    demo = DescentDemo()
    assert "fell in every step" in demo.status
    demo.update(alpha=0.5, steps=25)
    assert "went UP in 12 of 25" in demo.status
    assert len(demo.render()) > 1000
    demo.update(alpha=0.0)
    assert demo.status.startswith("Cannot draw")
    demo.widget()


@pytest.mark.parametrize("name", ["ErrorDemo", "LearningRateDemo", "DescentDemo"])
def test_the_descent_demos_check_their_data_alike(name):
    from mlp import widgets

    Demo = getattr(widgets, name)
    X, y = datasets.admissions(20, rng=0)
    with pytest.raises(ValueError, match="must be \\(m, 2\\)"):
        Demo(X=np.hstack([X, X]), y=y)
    with pytest.raises(ValueError, match="19 labels, X has 20 rows"):
        Demo(X=X, y=y[:-1])
    with pytest.raises(ValueError):
        Demo(X=X, y=y + 2)  # labels must be 0 or 1
