"""Chapters 2-4: the best line, region maps, the combining demos, and the checks of
chapters 2-4 through ``mlp.checks`` (chapter 2's live in ``checks.perceptron``; the
tests that need that module are in test_perceptron_checks.py)."""

import itertools
import warnings

import matplotlib.pyplot as plt
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mlp
from mlp import checks, datasets, plotting
from mlp.checks import perceptron as pchecks
from mlp.checks import regions as rchecks

# -- datasets.best_line -------------------------------------------------------------


def _brute_force_best(X, y, n_angles=720):
    """A lower bound on the best line: many directions, every threshold."""
    best = 0.0
    for t in np.linspace(0, np.pi, n_angles, endpoint=False):
        p = X @ np.array([np.cos(t), np.sin(t)])
        for c in np.concatenate([[p.min() - 1], (np.sort(p)[:-1] + np.sort(p)[1:]) / 2,
                                 [p.max() + 1]]):
            acc = np.mean((p >= c) == y)
            best = max(best, acc, 1 - acc)
    return best


def test_best_line_on_xor_corners_is_three_of_four():
    X = np.array([[0.0, 0.0], [1.0, 1.0], [1.0, 0.0], [0.0, 1.0]])
    W, acc = datasets.best_line(X, np.array([0, 0, 1, 1]))
    assert acc == 0.75
    assert W.shape == (3, 1)
    assert mlp.accuracy([W], X, [0, 0, 1, 1]) == 0.75


def test_best_line_separates_separable_data():
    X, y = datasets.admissions(60, rng=3, flip=0.0)
    W, acc = datasets.best_line(X, y)
    assert acc == 1.0
    assert mlp.accuracy([W], X, y) == 1.0


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), m=st.integers(1, 14))
def test_best_line_is_at_least_any_line_and_is_achieved(seed, m):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(m, 2)).round(1)  # rounding makes ties and repeated points
    y = rng.integers(0, 2, m)
    W, acc = datasets.best_line(X, y)
    assert np.isclose(mlp.accuracy([W], X, y), acc)
    assert acc >= _brute_force_best(X, y, n_angles=90) - 1e-12


def test_best_line_of_the_chapter_data():
    X, y = datasets.admissions(200, rng=0, boundary="curved", flip=0.0)
    _, acc = datasets.best_line(X, y)
    assert acc == pchecks.BEST_LINE_CURVED
    assert acc >= _brute_force_best(X, y, n_angles=360)


def test_best_line_rejects_bad_input():
    with pytest.raises(ValueError, match=r"\(m, 2\)"):
        datasets.best_line(np.ones((4, 3)), [0, 1, 0, 1])
    with pytest.raises(ValueError, match="0/1 labels"):
        datasets.best_line(np.ones((4, 2)), [0, 1, 2, 1])
    with pytest.raises(ValueError, match="0/1 labels"):
        datasets.best_line(np.ones((4, 2)), [0, 1])
    with pytest.raises(ValueError, match="NaN"):
        datasets.best_line(np.array([[np.nan, 0.0]]), [1])
    with pytest.raises(ValueError, match="1000"):
        datasets.best_line(np.zeros((1001, 2)), np.zeros(1001))
    with pytest.raises(TypeError):
        datasets.best_line("data", [0])


# -- plotting -------------------------------------------------------------------------


@pytest.mark.parametrize("w, names, text", [
    ([5, -2, 8], ("x_1", "x_2"), "5x_1 - 2x_2 + 8"),
    ([7, -3, -1], ("x_1", "x_2"), "7x_1 - 3x_2 - 1"),
    ([1, 1, 0], ("a", "b"), "a + b"),
    ([-1, 0, 0.5], ("x_1", "x_2"), "-x_1 + 0.5"),
    ([0, 0, 0], ("x_1", "x_2"), "0"),
    (np.array([[7.0], [5.0], [-6.0]]), ("s_1", "s_2"), "7s_1 + 5s_2 - 6"),
])
def test_linear_formula(w, names, text):
    assert plotting.linear_formula(w, names) == text


def test_linear_formula_rejects_wrong_length():
    with pytest.raises(ValueError, match="3 numbers"):
        plotting.linear_formula([1, 2])


def test_region_grid_and_extent_checks():
    xx, yy, pts = plotting.region_grid((-1, 1, 0, 2), 5)
    assert xx.shape == yy.shape == (5, 5) and pts.shape == (25, 2)
    assert pts.min(axis=0).tolist() == [-1, 0] and pts.max(axis=0).tolist() == [1, 2]
    with pytest.raises(ValueError, match="extent"):
        plotting.region_grid((1, -1, 0, 2))
    with pytest.raises(ValueError, match="extent"):
        plotting.region_grid((0, 1, 2))


def test_hidden_and_output_is_the_feedforward():
    W1 = rchecks.SLIDE_W1
    W2 = np.array([[7.0], [5.0], [-6.0]])
    pts = np.array([[1.0, 2.0], [0.0, 0.0], [-2.0, 5.0]])
    maps = plotting.hidden_and_output([W1, W2], pts)
    assert maps.shape == (3, 3)
    np.testing.assert_allclose(maps[:, :2], mlp.sigmoid(mlp.add_bias(pts) @ W1))
    np.testing.assert_allclose(maps[:, 2], mlp.feedforward([W1, W2], pts)[:, 0])
    with pytest.raises(ValueError, match="one hidden layer"):
        plotting.hidden_and_output(mlp.init_weights([2, 2, 2, 1], rng=0), pts)
    with pytest.raises(ValueError, match="one hidden layer"):
        plotting.hidden_and_output(mlp.init_weights([2, 2, 3], rng=0), pts)


def test_plot_unit_regions_draws_each_unit_and_the_output():
    _, axes = plt.subplots(1, 3)
    W = [rchecks.SLIDE_W1, np.array([[1.0], [1.0], [0.0]])]
    assert plotting.plot_unit_regions(axes, W, (-3, 4, -2, 8), resolution=20) is axes
    assert axes[0].get_title() == r"$\sigma_{1} = \sigma(5x_1 - 2x_2 + 8)$"
    assert axes[2].get_title() == r"$\hat y = \sigma(\sigma_{1} + \sigma_{2})$"
    image = axes[2].images[-1].get_array()
    assert image.min() >= 0.5  # sigma of a sum of probabilities is never below 0.5
    with pytest.raises(ValueError, match="3 Axes"):
        plotting.plot_unit_regions(axes[:2], W, (-3, 4, -2, 8))


def test_plot_region_map_skips_the_boundary_of_a_flat_map():
    ax = plotting.plot_region_map(None, np.full((4, 4), 0.7), (0, 1, 0, 1))
    assert not ax.collections  # no 0.5 contour where there is none
    ax = plotting.plot_region_map(None, np.linspace(0, 1, 16).reshape(4, 4),
                                  (0, 1, 0, 1))
    assert ax.collections


# -- widgets --------------------------------------------------------------------------


def test_combine_demo_shows_the_sum_above_one():
    pytest.importorskip("ipywidgets")
    from mlp.widgets import CombineDemo

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        demo = CombineDemo()
        assert "= 1.50 > 1, not a probability" in demo.status
        assert demo.labels[3].get_text() == "σ(1.50) = 0.82"
        demo.update(x1=-2.5, x2=7.0)
        assert "<= 1" in demo.status
        demo.render()
        demo.widget()
    with pytest.raises(ValueError, match=r"\(3, 2\)"):
        CombineDemo(W1=np.ones((3, 3)))
    with pytest.raises(ValueError, match="extent"):
        CombineDemo(extent=(0, 0, 0, 1))


def test_weights_demo_updates_the_region_and_the_four_cases():
    pytest.importorskip("ipywidgets")
    from mlp.widgets import WeightsDemo

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        demo = WeightsDemo()
        heights = [bar.get_height() for bar in demo.bars]
        np.testing.assert_allclose(heights, mlp.sigmoid(np.array([-6, 1, -1, 6.0])))
        assert demo.ax.get_title() == "ŷ = σ(7σ₁ + 5σ₂ \u2212 6)"  # a true minus
        assert np.isfinite(demo.boundary.get_xydata()).any()
        demo.update(w1=0.0, w2=0.0, b=3.0)  # everything accepted: no boundary
        assert not np.isfinite(demo.boundary.get_xydata()).any()
        assert "100%" in demo.status
        demo.update(w1=10.0, w2=-10.0, b=-15.0)
        demo.render()
        demo.widget()
    X, y = pchecks.curved_data()
    demo = WeightsDemo(W1=[[5.0, 2.0], [2.0, 5.0], [-30.0, -30.0]], X=X, y=y,
                       w1=10.0, w2=10.0, b=-15.0)
    assert "accuracy 96% on 200 points" in demo.status
    assert demo.extent == (X[:, 0].min(), X[:, 0].max(), X[:, 1].min(), X[:, 1].max())
    with pytest.raises(ValueError, match="no setting"):
        WeightsDemo(w3=1.0)


def test_demo_constants_agree_with_the_checks():
    from mlp.widgets import regions as rwidgets

    np.testing.assert_array_equal(rwidgets.SLIDE_W1, rchecks.SLIDE_W1)


# -- checks ---------------------------------------------------------------------------


def _line_accuracy(X, y, w1, w2, b):
    return np.mean(((w1 * X[:, 0] + w2 * X[:, 1] + b) >= 0) == y)


def _hidden(X, W1):
    return mlp.sigmoid(mlp.add_bias(X) @ W1)


def _combine(p1, p2, w1, w2, b):
    return mlp.sigmoid(w1 * p1 + w2 * p2 + b)


REFERENCES = {
    "line_accuracy": _line_accuracy,
    "combine_sum": lambda p1, p2: mlp.sigmoid(p1 + p2),
    "hidden_probabilities": _hidden,
    "combine": _combine,
}


@pytest.mark.parametrize("name", sorted(REFERENCES))
def test_function_checks_accept_the_reference(name, capsys):
    assert getattr(checks, name)(REFERENCES[name])
    assert capsys.readouterr().out.startswith("\u2714")


@pytest.mark.parametrize("name, wrong, message", [
    ("line_accuracy", lambda X, y, w1, w2, b: 1 - _line_accuracy(X, y, w1, w2, b),
     "sides are swapped"),
    ("line_accuracy", lambda X, y, w1, w2, b: len(y) * _line_accuracy(X, y, w1, w2, b),
     "divide by m"),
    ("line_accuracy", lambda X, y, w1, w2, b: _line_accuracy(X, y, w1, w2, 0),
     "bias b is missing"),
    ("combine_sum", lambda p1, p2: p1 + p2, "bigger than 1"),
    ("combine_sum", lambda p1, p2: (p1 + p2) / 2, "average"),
    ("combine_sum", lambda p1, p2: mlp.sigmoid(p1) + mlp.sigmoid(p2),
     "sigmoid comes after the sum"),
    ("hidden_probabilities", lambda X, W1: mlp.add_bias(X) @ W1, "scores h1, h2"),
    ("hidden_probabilities", lambda X, W1: mlp.sigmoid(X @ W1[:-1]),
     "bias is missing"),
    ("hidden_probabilities",
     lambda X, W1: mlp.sigmoid(np.hstack([np.ones((len(X), 1)), X]) @ W1),
     "the 1 goes last"),
    ("hidden_probabilities", lambda X, W1: _hidden(X, W1).T, "transposed"),
    ("combine", lambda p1, p2, w1, w2, b: w1 * p1 + w2 * p2 + b, "2.9"),
    ("combine", lambda p1, p2, w1, w2, b: mlp.sigmoid(w1 * p1 + w2 * p2),
     "bias b is missing"),
    ("combine", lambda p1, p2, w1, w2, b: _combine(p2, p1, w1, w2, b),
     "weights are swapped"),
])
def test_function_checks_name_each_mistake(name, wrong, message, capsys):
    assert not getattr(checks, name)(wrong)
    out = capsys.readouterr().out
    assert out.startswith("\u2718") and message in out


def _raises(*args):
    raise ZeroDivisionError("oops")


@pytest.mark.parametrize("name", sorted(REFERENCES))
@pytest.mark.parametrize("answer, status", [
    (None, "todo"), (..., "todo"), (42, "fail"), (_raises, "fail"),
    (lambda *args: np.nan, "fail"), (lambda *args: np.zeros((7, 7)), "fail"),
    (lambda *args: "text", "fail"),
])
def test_function_checks_survive_bad_answers(name, answer, status, capsys):
    result = getattr(checks, name)(answer)
    assert result.status == status
    assert len(capsys.readouterr().out.strip().splitlines()) == 1


WEIGHT_CHECKS = {
    "curved_line": [(7, 9, -81), (0.6, 0.8, -7.1), (1.1, 1, -11.9)],
    "outside_band": [(-7, 5, 3), (-10, 8, 5), (-1, 1, 0.5)],
}


@pytest.mark.parametrize("name, right", [
    (name, right) for name, rights in WEIGHT_CHECKS.items() for right in rights
])
def test_weight_checks_accept_right_weights(name, right, capsys):
    assert getattr(checks, name)(*right)
    assert capsys.readouterr().out.startswith("\u2714")


@pytest.mark.parametrize("name, wrong, message", [
    ("curved_line", (-1, -1, 10), "worse than guessing"),
    ("curved_line", (0, 0, 1), "no line at all"),
    ("curved_line", (1, 0, -5), "the accepted students are the upper right"),
    ("curved_line", (1, 1, -10), "the demo's default line"),
    ("curved_line", (2, 2, -20), "the demo's default line"),
    ("curved_line", (1, 1, -9.5), "not there yet"),
    ("curved_line", (0, 1, -10), "the accepted students are the upper right"),
    ("outside_band", (7, 5, -6), "misses 3 of 3 points left"),
    ("outside_band", (7, -5, -3), "covers 4 of 4 points between"),
    ("outside_band", (-7, 1, 3), "misses 3 of 3 points right"),
    ("outside_band", (-7, 5, -1), "w1 + w2 + b, which must be positive"),
])
def test_weight_checks_explain_what_is_wrong(name, wrong, message, capsys):
    assert not getattr(checks, name)(*wrong)
    out = capsys.readouterr().out
    assert out.startswith("\u2718") and message in out


@pytest.mark.parametrize("name", sorted(WEIGHT_CHECKS))
@pytest.mark.parametrize("args, status", [
    ((..., 1, 1), "todo"), ((None, 1, 1), "todo"), (("7", 1, 1), "fail"),
    ((np.nan, 1, 1), "fail"), ((np.inf, 1, 1), "fail"), (([1, 2], 1, 1), "fail"),
    ((True, 1, 1), "fail"), ((np.float32(7), 5, -6), None),
])
def test_weight_checks_survive_bad_answers(name, args, status, capsys):
    result = getattr(checks, name)(*args)
    if status is not None:
        assert result.status == status
    assert len(capsys.readouterr().out.strip().splitlines()) == 1


def test_weight_checks_record_examples():
    from mlp.checks._core import specs

    for name in WEIGHT_CHECKS:
        (spec,) = specs(getattr(checks, name))
        assert spec.kind == "open" and spec.mistakes


def test_band_test_points_lie_where_their_names_say():
    """Inside the band only model 1 says yes; left of both, neither; right, both."""
    s_in = _hidden(rchecks.BAND_INSIDE, rchecks.SLIDE_W1)
    s_left = _hidden(rchecks.BAND_LEFT, rchecks.SLIDE_W1)
    s_right = _hidden(rchecks.BAND_RIGHT, rchecks.SLIDE_W1)
    assert np.all(s_in[:, 0] > 0.9) and np.all(s_in[:, 1] < 0.1)
    assert np.all(s_left < 0.1)
    assert np.all(s_right > 0.8)


@pytest.mark.parametrize("w1, w2, b",
                         list(itertools.product([-6, 6], [-6, 6], [-3, 3])))
def test_outside_band_check_agrees_with_the_sign_rule(w1, w2, b):
    """With clear weights, everything but the band is exactly
    w1 + b < 0 < b and 0 < w1 + w2 + b."""
    want = w1 + b < 0 < b and 0 < w1 + w2 + b
    assert bool(checks.outside_band(w1, w2, b, quiet=True)) == want
