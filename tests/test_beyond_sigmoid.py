"""Part IV (chapters 12 and 13): gradient diagnostics, their plot, demos and checks."""

import warnings

import matplotlib.pyplot as plt
import numpy as np
import pytest

import mlp
from mlp import checks, datasets, diagnostics, plotting

X_MOONS, Y_MOONS = datasets.moons(120, rng=0)


def deep(depth, width=8, seed=0):
    return mlp.init_weights([2] + [width] * depth + [1], rng=seed)


# -- diagnostics.gradient_sizes / gradient_norms -----------------------------------


def test_gradient_sizes_mean_abs_and_norm():
    grads = [np.array([[3.0, -4.0], [0.0, 0.0], [1.0, -1.0]]),
             np.array([[2.0], [-2.0]])]
    np.testing.assert_allclose(diagnostics.gradient_sizes(grads), [1.5, 2.0])
    np.testing.assert_allclose(diagnostics.gradient_sizes(grads, kind="norm"),
                               [np.sqrt(27.0), np.sqrt(8.0)])


@pytest.mark.parametrize("bad, error, match", [
    (np.ones((3, 2)), TypeError, "list of gradient arrays"),
    ("grads", TypeError, "list of gradient arrays"),
    ([], ValueError, "at least one"),
    ([np.array([[np.nan], [1.0]])], ValueError, "NaN"),
])
def test_gradient_sizes_rejects_bad_input(bad, error, match):
    with pytest.raises(error, match=match):
        diagnostics.gradient_sizes(bad)


def test_gradient_sizes_rejects_unknown_kind():
    with pytest.raises(ValueError, match="kind must be one of"):
        diagnostics.gradient_sizes([np.ones((2, 1))], kind="max")


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
def test_gradient_norms_is_the_size_of_backprop(activation):
    weights = deep(3)
    copy = [W.copy() for W in weights]
    got = diagnostics.gradient_norms(weights, X_MOONS, Y_MOONS, activation)
    grads = mlp.backprop(weights, X_MOONS, Y_MOONS, activation)
    want = diagnostics.gradient_sizes(grads)
    np.testing.assert_allclose(got, want)
    assert got.shape == (4,)
    for W, W0 in zip(weights, copy):  # the weights are not changed
        np.testing.assert_array_equal(W, W0)


def test_sigmoid_gradients_vanish_towards_the_input():
    s = diagnostics.gradient_norms(deep(8), X_MOONS, Y_MOONS, "sigmoid")
    assert s[0] < 1e-3 * s[-1]  # orders of magnitude smaller
    assert np.all(np.diff(np.log(s)) > 0)  # growing from input to output


@pytest.mark.parametrize("activation", ["tanh", "relu"])
def test_tanh_and_relu_gradients_do_not_vanish(activation):
    s = diagnostics.gradient_norms(deep(8), X_MOONS, Y_MOONS, activation)
    s_sigmoid = diagnostics.gradient_norms(deep(8), X_MOONS, Y_MOONS, "sigmoid")
    assert s[0] > 0.05 * s[-1]
    assert s[0] > 100 * s_sigmoid[0]


def test_gradient_norms_checks_its_input():
    with pytest.raises(ValueError, match="weights\\[0\\] must have 4 rows"):
        diagnostics.gradient_norms(deep(2), np.ones((5, 3)), np.zeros(5))
    with pytest.raises(ValueError, match="unknown activation"):
        diagnostics.gradient_norms(deep(2), X_MOONS, Y_MOONS, "softplus")
    with pytest.raises(ValueError, match="kind"):
        diagnostics.gradient_norms(deep(2), X_MOONS, Y_MOONS, kind="l1")


# -- mean_derivatives and relative_change --------------------------------------------


def test_mean_derivatives_bounds():
    for depth, scale in [(1, 1.0), (5, 1.0), (5, 4.0)]:
        weights = [scale * W for W in deep(depth)]
        d = diagnostics.mean_derivatives(weights, X_MOONS, "sigmoid")
        assert d.shape == (depth,)
        assert np.all((d > 0) & (d <= 0.25))
        t = diagnostics.mean_derivatives(weights, X_MOONS, "tanh")
        assert np.all((t > 0) & (t <= 1.0))
        r = diagnostics.mean_derivatives(weights, X_MOONS, "relu")
        assert np.all((r >= 0) & (r <= 1.0))
    no_hidden = mlp.init_weights([2, 1], rng=0)
    assert diagnostics.mean_derivatives(no_hidden, X_MOONS).shape == (0,)


def test_relative_change():
    before = [np.ones((3, 2)), np.full((3, 1), 2.0)]
    after = [np.ones((3, 2)), np.full((3, 1), 3.0)]
    np.testing.assert_allclose(diagnostics.relative_change(before, after), [0.0, 0.5])
    with pytest.raises(ValueError, match="same shapes"):
        diagnostics.relative_change(before, before[:1])
    with pytest.raises(ValueError, match="all zeros"):
        diagnostics.relative_change([np.zeros((2, 1))], [np.ones((2, 1))])



# -- activation_spreads ----------------------------------------------------------------


def test_activation_spreads_is_the_mean_std_of_every_layer():
    weights = deep(3)
    for name in ["sigmoid", "tanh", "relu"]:
        s = diagnostics.activation_spreads(weights, X_MOONS, name)
        _, acts = mlp.forward(weights, X_MOONS, name)
        assert s.shape == (len(weights) + 1,)
        np.testing.assert_allclose(s, [a.std(axis=0).mean() for a in acts])
    assert np.isclose(s[0], X_MOONS.std(axis=0).mean())


def test_sigmoid_spread_collapses_with_depth():
    s = diagnostics.activation_spreads(deep(8), X_MOONS, "sigmoid")
    assert s[-1] < 1e-5 * s[0]
    assert np.all(s[1:] < s[:-1])


def test_activation_spreads_checks_its_input():
    with pytest.raises(ValueError, match="at least 2 examples"):
        diagnostics.activation_spreads(deep(2), X_MOONS[:1])
    with pytest.raises(ValueError):
        diagnostics.activation_spreads(deep(2), X_MOONS[:, :1])
    with pytest.raises(ValueError):
        diagnostics.activation_spreads(deep(2), X_MOONS, "softplus")



def test_plot_activation_spreads_draws_one_point_per_layer_on_a_log_scale():
    fig, ax = plt.subplots()
    s = diagnostics.activation_spreads(deep(3), X_MOONS, "relu")
    assert plotting.plot_activation_spreads(ax, s, label="relu") is ax
    (line,) = ax.get_lines()
    np.testing.assert_allclose(line.get_ydata(), s[s > 0])
    assert ax.get_yscale() == "log"
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels[0] == "$x$" and labels[-1] == r"$\hat y$" and len(labels) == 5
    plt.close(fig)


@pytest.mark.parametrize("bad", [[0.5], [0.5, -1.0], [[0.5, 0.1]]])
def test_plot_activation_spreads_rejects_bad_spreads(bad):
    fig, ax = plt.subplots()
    with pytest.raises(ValueError):
        plotting.plot_activation_spreads(ax, bad)
    plt.close(fig)


# -- train_run and compare_activations ------------------------------------------------


def test_runs_start_from_the_same_weights_and_are_reproducible():
    runs = diagnostics.compare_activations([2, 8, 8, 1], X_MOONS, Y_MOONS, epochs=3)
    assert list(runs) == ["sigmoid", "tanh", "relu"]
    for name, run in runs.items():
        assert run.activation == name and run.diverged_epoch is None
        assert len(run.history["loss"]) == 3
        want = diagnostics.gradient_norms(mlp.init_weights([2, 8, 8, 1], rng=0),
                                          X_MOONS, Y_MOONS, name)
        np.testing.assert_allclose(run.gradient_sizes, want)
    again = diagnostics.train_run([2, 8, 8, 1], X_MOONS, Y_MOONS, "tanh", epochs=3)
    assert again.history == runs["tanh"].history


def test_deep_sigmoid_stalls_where_relu_trains():
    sizes = [2] + [8] * 6 + [1]
    runs = diagnostics.compare_activations(
        sizes, X_MOONS, Y_MOONS, ("sigmoid", "relu"), alpha=0.2, epochs=60,
        batch_size=20)
    assert abs(runs["sigmoid"].history["loss"][-1] - np.log(2)) < 0.01
    assert runs["relu"].history["loss"][-1] < 0.2


def test_train_run_reports_divergence_instead_of_raising():
    run = diagnostics.train_run([2, 8, 8, 8, 1], X_MOONS, Y_MOONS, "relu", alpha=1e308,
                                epochs=3)
    assert run.diverged_epoch == 1
    assert all(np.all(np.isfinite(W)) for W in run.weights)


def test_train_run_checks_its_input():
    with pytest.raises(TypeError, match="seed must be an int"):
        diagnostics.train_run([2, 4, 1], X_MOONS, Y_MOONS, seed=None)
    with pytest.raises(ValueError, match="alpha"):
        diagnostics.train_run([2, 4, 1], X_MOONS, Y_MOONS, alpha=-1.0)
    with pytest.raises(ValueError, match="epochs"):
        diagnostics.compare_activations([2, 4, 1], X_MOONS, Y_MOONS, epochs=0)


# -- plotting.plot_gradient_sizes -----------------------------------------------------


def test_plot_gradient_sizes_draws_one_bar_per_layer_on_a_log_scale():
    _, ax = plt.subplots()
    out = plotting.plot_gradient_sizes(ax, [1e-6, 1e-4, 0.0, 1e-2], label="x")
    assert out is ax
    assert ax.get_yscale() == "log"
    assert len(ax.patches) == 3  # the zero is left out
    assert ax.get_xticklabels()[0].get_text() == "$W^{(1)}$"
    plotting.plot_gradient_sizes(ax, [1.0, 2.0, 3.0, 4.0], offset=0.3, width=0.3)
    assert plotting.plot_gradient_sizes(None, [0.5]) is not None


@pytest.mark.parametrize("bad, error", [([], ValueError), ([1.0, -1.0], ValueError),
                                        ([[1.0]], ValueError), ("ab", TypeError)])
def test_plot_gradient_sizes_rejects_bad_sizes(bad, error):
    with pytest.raises(error):
        plotting.plot_gradient_sizes(None, bad)


# -- the demos ----------------------------------------------------------------------


def test_vanishing_demo_updates_without_warnings():
    pytest.importorskip("ipywidgets")
    from mlp.widgets import VanishingDemo

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        demo = VanishingDemo()
        assert "about 10^6 times smaller" in demo.status
        visible = [b for b in demo.grad_bars if b.get_visible()]
        assert len(visible) == 9
        for depth, scale in [(1, 1.0), (10, 4.0), (3, 0.25), (10, 0.25)]:
            demo.update(depth=depth, scale=scale)
            assert demo.status.startswith("first layer's gradient")
            assert len([b for b in demo.grad_bars if b.get_visible()]) == depth + 1
        demo.render()
        demo.widget()
    with pytest.raises(ValueError, match="no setting"):
        VanishingDemo(width=3)


def test_activation_demo_memoizes_and_reuses_runs():
    pytest.importorskip("ipywidgets")
    from mlp.widgets import ActivationDemo

    runs = diagnostics.compare_activations([2, 8, 8, 1], X_MOONS, Y_MOONS, epochs=4)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        demo = ActivationDemo(X_MOONS, Y_MOONS, epochs=4, runs=runs, depth=2)
        assert demo.run("sigmoid", 2) is runs["sigmoid"]  # reused, not retrained
        demo.update(activation="relu")
        assert demo.status.startswith("relu, 2 hidden layer(s)")
        demo.update(depth=1)
        first = demo.run("relu", 1)
        demo.update(activation="tanh")
        demo.update(activation="relu")
        assert demo.run("relu", 1) is first  # remembered
        demo.render()
        demo.widget()


def test_activation_demo_reports_divergence():
    pytest.importorskip("ipywidgets")
    from mlp.widgets import ActivationDemo

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        demo = ActivationDemo(X_MOONS, Y_MOONS, alpha=1e308, epochs=2,
                              activation="relu", depth=3)
        assert "diverged in epoch 1" in demo.status
        demo.render()


# -- the checks ---------------------------------------------------------------------


def run_check(capsys, check, answer):
    result = check(answer)
    return result, capsys.readouterr().out


def _tanh_prime(x):
    return 1 - np.tanh(x) ** 2


def _relu_prime(x):
    return (np.asarray(x) > 0).astype(float)


REFERENCES = [
    (checks.sigmoid_prime_bound, lambda n: 0.25**n),
    (checks.gradient_sizes, lambda grads: [np.mean(np.abs(g)) for g in grads]),
    (checks.tanh_prime, _tanh_prime),
    (checks.relu_prime, _relu_prime),
    (checks.relu_prime, lambda x: np.where(np.asarray(x) > 0, 1.0, 0.0)),
    (checks.tanh_from_sigmoid, lambda x: 2 * mlp.sigmoid(2 * np.asarray(x)) - 1),
    (checks.tanh_from_sigmoid, np.tanh),
]


@pytest.mark.parametrize("check, answer", REFERENCES)
def test_checks_accept_the_reference(capsys, check, answer):
    result, out = run_check(capsys, check, answer)
    assert result.passed, out
    assert out.startswith("\u2714")


MISTAKES = [
    (checks.sigmoid_prime_bound, lambda n: 0.25 * n, "factors multiply"),
    (checks.sigmoid_prime_bound, lambda n: 0.5**n, "sigma'(0)"),
    (checks.sigmoid_prime_bound, lambda n: 0.25 ** (n - 1), "one factor short"),
    (checks.sigmoid_prime_bound, lambda n: 0.25 ** (n + 1), "one factor too many"),
    (checks.sigmoid_prime_bound, lambda n: 4**n, "upside down"),
    (checks.gradient_sizes, lambda gs: [np.mean(g) for g in gs], "signed mean"),
    (checks.gradient_sizes, lambda gs: [np.sum(np.abs(g)) for g in gs], "sum of"),
    (checks.gradient_sizes, lambda gs: [np.max(np.abs(g)) for g in gs], "largest"),
    (checks.gradient_sizes, lambda gs: [np.mean(np.abs(g[:-1])) for g in gs],
     "bias row"),
    (checks.gradient_sizes, lambda gs: [np.mean(np.abs(g)) for g in gs][::-1],
     "reversed"),
    (checks.tanh_prime, lambda x: 1 - np.tanh(x), "1 - tanh(x): "),
    (checks.tanh_prime, lambda x: 1 - np.asarray(x) ** 2, "square tanh(x), not x"),
    (checks.tanh_prime, lambda x: np.tanh(x) * (1 - np.tanh(x)), "sigmoid's pattern"),
    (checks.tanh_prime, lambda x: 1 + np.tanh(x) ** 2, "sign error"),
    (checks.tanh_prime, lambda x: np.tanh(x) ** 2, "1 minus that"),
    (checks.relu_prime, mlp.relu, "relu itself"),
    (checks.relu_prime, np.sign, "-1 for negative inputs"),
    (checks.relu_prime, lambda x: np.ones_like(np.asarray(x, float)), "1 everywhere"),
    (checks.relu_prime, lambda x: (np.asarray(x) < 0).astype(float), "upside down"),
    (checks.tanh_from_sigmoid, lambda x: 2 * mlp.sigmoid(x) - 1, "tanh(x/2)"),
    (checks.tanh_from_sigmoid, lambda x: mlp.sigmoid(2 * np.asarray(x)), "stretch"),
    (checks.tanh_from_sigmoid, lambda x: 2 * mlp.sigmoid(2 * np.asarray(x)),
     "-1 is missing"),
    (checks.tanh_from_sigmoid, lambda x: 2 * mlp.sigmoid(np.asarray(x) / 2) - 1,
     "tanh(x/4)"),
]


@pytest.mark.parametrize("check, answer, message", MISTAKES)
def test_checks_recognise_typical_mistakes(capsys, check, answer, message):
    result, out = run_check(capsys, check, answer)
    assert not result.passed
    assert message in out, out


@pytest.mark.parametrize("check", [checks.sigmoid_prime_bound, checks.gradient_sizes,
                                   checks.tanh_prime, checks.relu_prime,
                                   checks.tanh_from_sigmoid])
def test_function_checks_survive_anything(capsys, check):
    assert run_check(capsys, check, None)[0].status == "todo"
    assert run_check(capsys, check, ...)[0].status == "todo"
    assert "expected a function" in run_check(capsys, check, 3.0)[1]
    assert "ZeroDivisionError" in run_check(capsys, check, lambda *a: 1 / 0)[1]
    assert "forget to `return`" in run_check(capsys, check, lambda *a: None)[1]
    assert "NaN" in run_check(capsys, check, lambda *a: np.full(4, np.nan))[1]
    assert "shape" in run_check(capsys, check, lambda *a: np.zeros((7, 3)))[1]
    result, out = run_check(capsys, check, lambda *a: "abc")
    assert not result.passed and "expected" in out

    def stub(*args):
        raise NotImplementedError

    assert run_check(capsys, check, stub)[0].status == "todo"


def test_layers_below(capsys):
    assert run_check(capsys, checks.layers_below, 10)[0].passed
    assert run_check(capsys, checks.layers_below, 10.0)[0].passed
    assert "still above" in run_check(capsys, checks.layers_below, 9)[1]
    assert "one layer too far" in run_check(capsys, checks.layers_below, 11)[1]
    assert "(1/2)^n" in run_check(capsys, checks.layers_below, 20)[1]
    assert "wrong value" in run_check(capsys, checks.layers_below, 3)[1]
    assert run_check(capsys, checks.layers_below, None)[0].status == "todo"
    assert "NaN" in run_check(capsys, checks.layers_below, float("nan"))[1]
    assert "expected a number" in run_check(capsys, checks.layers_below, "ten")[1]
