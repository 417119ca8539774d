"""Chapters 10 and 11: their checks, demos and plotting helpers."""

import warnings

import numpy as np
import pytest
from matplotlib import pyplot as plt

import mlp
from mlp import checks, datasets, plotting
from mlp.checks import chain_rule as cb


def _sigma(x):
    return 1 / (1 + np.exp(-np.asarray(x, dtype=float)))


# -- chapter 10 checks -------------------------------------------------------------


def test_sigmoid_prime_check(capsys):
    assert checks.sigmoid_prime(lambda x: _sigma(x) * (1 - _sigma(x)))
    assert checks.sigmoid_prime(mlp.sigmoid_prime)
    wrong = {
        "x(1 - x)": lambda x: np.asarray(x) * (1 - np.asarray(x)),
        "squared": lambda x: np.exp(-np.asarray(x)) / (1 + np.exp(-np.asarray(x))),
        "positive everywhere": lambda x: -mlp.sigmoid_prime(x),
        "with a minus": lambda x: _sigma(x) * (1 + _sigma(x)),
        "itself": _sigma,
    }
    for phrase, fn in wrong.items():
        result = checks.sigmoid_prime(fn)
        assert not result and phrase in result.message


def ref_dL_dh(h, y):
    return -y / h + (1 - y) / (1 - h)


@pytest.mark.parametrize(
    "fn, phrase",
    [
        (lambda h, y: -y / h - (1 - y) / (1 - h), "slide has a sign error"),
        (lambda h, y: y / h - (1 - y) / (1 - h), "overall sign is flipped"),
        (lambda h, y: -(y * np.log(h) + (1 - y) * np.log(1 - h)),
         "loss L(h, y) itself"),
        (lambda h, y: -y / h, "only the first term"),
        (lambda h, y: h - y, "that is dL/dz"),
        (lambda h, y: -ref_dL_dh(h, y) * 1.5, "wrong value"),
    ],
)
def test_dL_dh_recognises_mistakes(fn, phrase):
    assert checks.dL_dh(ref_dL_dh)
    result = checks.dL_dh(fn)
    assert not result
    assert phrase in result.message


@pytest.mark.parametrize(
    "fn, phrase",
    [
        (lambda h, y: -y * (1 - h) - (1 - y) * h, "slide's last line"),
        (lambda h, y: ref_dL_dh(h, y) - h * (1 - h), "the chain rule multiplies"),
        (lambda h, y: -y / h - (1 - y) / (1 - h) - h * (1 - h), "followed the slide"),
        (lambda h, y: y - h, "sign is flipped"),
        (ref_dL_dh, "that is dL/dh"),
        (lambda h, y: (h - y) * h * (1 - h), "twice"),
    ],
)
def test_dL_dz_recognises_mistakes(fn, phrase):
    assert checks.dL_dz(lambda h, y: h - y)
    assert checks.dL_dz(lambda h, y: ref_dL_dh(h, y) * h * (1 - h))
    result = checks.dL_dz(fn)
    assert not result
    assert phrase in result.message


@pytest.mark.parametrize("check", [checks.sigmoid_prime, checks.dL_dh, checks.dL_dz,
                                   checks.dE_dW12, checks.backprop_221])
def test_checks_survive_bad_answers(check, capsys):
    def boom(*args):
        raise ZeroDivisionError("oops")

    def todo(*args):
        raise NotImplementedError

    assert check(None).status == "todo"
    assert check(...).status == "todo"
    assert check(todo).status == "todo"
    assert check(lambda *a: ...).status == "todo"
    assert check(boom).status == "fail" and "ZeroDivisionError" in check(boom).message
    assert check(3.0).status == "fail"
    assert check(lambda *a: None).status == "fail"
    assert check(lambda *a: "text").status == "fail"
    assert check(lambda *a: np.nan).status == "fail"
    assert check(lambda *a: np.ones((7, 7))).status == "fail"
    out = capsys.readouterr().out
    assert "Traceback" not in out


# -- chapter 11 checks -------------------------------------------------------------


def ref_dE_dW12(W1, W2, x, y):
    grads = mlp.backprop([W1, W2], np.asarray(x).reshape(1, 2), np.array([y]))
    return grads[0][0, 1]


def test_dE_dW12_reference_is_backprop():
    for args in cb._network_inputs(seed=12, n=4):
        assert np.isclose(cb._entry_W12(*args), ref_dE_dW12(*args))
    assert checks.dE_dW12(ref_dE_dW12)


@pytest.mark.parametrize(
    "kw, phrase",
    [
        ({"slide_sign": True}, "slide's sign error"),
        ({"sigma_h2": False}, "sigma'(h2)"),
        ({"dyhat_dh": False}, "dy_hat/dh"),
        ({"hidden": 0}, "that is dE/dW11(1)"),
        ({"x_index": 1}, "that is dE/dW22(1)"),
        ({"sign": -1.0}, "sign is flipped"),
    ],
)
def test_dE_dW12_recognises_mistakes(kw, phrase):
    result = checks.dE_dW12(lambda *a: cb._entry_W12(*a, **kw))
    assert not result
    assert phrase in result.message


def ref_backprop_221(W1, W2, X, y):
    return mlp.backprop([W1, W2], X, y)


def test_backprop_221_reference_is_backprop():
    for args in cb._network_inputs(seed=11, n=4, m=5):
        for g, r in zip(cb._grads_221(*args), ref_backprop_221(*args)):
            np.testing.assert_allclose(g, r, rtol=1e-10, atol=1e-12)
    assert checks.backprop_221(ref_backprop_221)
    assert checks.backprop_221(lambda *a: tuple(ref_backprop_221(*a)))


@pytest.mark.parametrize("kw, message", cb._GRAD_MISTAKES)
def test_backprop_221_recognises_mistakes(kw, message):
    result = checks.backprop_221(lambda *a: cb._grads_221(*a, **kw))
    assert not result
    assert message in result.message


def test_backprop_221_shape_mistakes():
    no_bias = checks.backprop_221(lambda *a: [g[:-1] for g in ref_backprop_221(*a)])
    assert "bias rows are missing" in no_bias.message
    one = checks.backprop_221(lambda *a: ref_backprop_221(*a)[0])
    assert not one and "2 items" in one.message

    def full_W2(W1, W2, X, y):
        delta = (mlp.feedforward([W1, W2], X)[:, 0] - y)[:, None]
        return delta @ W2.T * np.ones((X.shape[0], 2))  # (m, 3) * (m, 2): broadcast

    assert "ValueError" in checks.backprop_221(full_W2).message
    wrong = checks.backprop_221(lambda *a: [2.5 * g for g in ref_backprop_221(*a)])
    assert "step by step" in wrong.message


# -- demos ---------------------------------------------------------------------------


def test_chain_factors_multiply_to_backprop():
    from mlp.widgets.chain_rule import ENTRIES, chain_factors

    rng = np.random.default_rng(3)
    weights = [rng.normal(size=(3, 2)), rng.normal(size=(3, 1))]
    x, y = np.array([0.7, -1.2]), 0
    grads = mlp.backprop(weights, x[None, :], np.array([y]))
    assert len(ENTRIES) == 9
    for entry, (k, i, j) in ENTRIES.items():
        factors = chain_factors(weights, x, y, entry)
        assert len(factors) == (4 if k == 0 else 3)
        assert np.isclose(np.prod([v for _, v in factors]), grads[k][i, j])
    with pytest.raises(ValueError, match="entry"):
        chain_factors(weights, x, y, "W44(1)")
    with pytest.raises(ValueError, match="2-2-1"):
        chain_factors([np.ones((3, 3)), np.ones((4, 1))], x, y, "W11(1)")


def test_demos_update_without_warnings():
    pytest.importorskip("ipywidgets")
    from mlp.widgets import BackpropDemo, ChainRuleDemo

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        demo = ChainRuleDemo()
        assert "h - y" in demo.status and "miss" in demo.status
        demo.update(y=1, z=-2.0)
        assert "agree" in demo.status
        demo.update(z=60.0)  # h is 1 to machine precision: a message, not a crash
        assert demo.status.startswith("Cannot draw")
        demo.update(z=0.5)
        demo.render()
        demo.widget()

        demo = BackpropDemo()
        assert "disagree" not in demo.status and "dE/dW11(1)" in demo.status
        for entry in ["W32(1)", "W21(2)", "W31(2)"]:
            demo.update(entry=entry, y=0)
            assert f"dE/d{entry}" in demo.status and "disagree" not in demo.status
        demo.update(W11_2=3.0, W21_2=3.0, W31_2=3.0, W31_1=3.0, W32_1=3.0, x1=3.0,
                    x2=3.0)
        demo.update(W11_2=0.0, W21_2=0.0, W31_2=0.0)  # every gradient but one is 0
        demo.render()
        demo.widget()


# -- plotting helpers ----------------------------------------------------------------


def test_plot_derivative_check():
    x = np.linspace(-3, 3, 50)
    ax = plotting.plot_derivative_check(None, np.sin, x, {"cos": np.cos, "-cos":
                                                          lambda t: -np.cos(t)})
    lines = ax.get_lines()
    markers = next(ln for ln in lines if ln.get_marker() == "o")
    np.testing.assert_allclose(markers.get_ydata(), np.cos(x[::8]), atol=1e-8)
    with pytest.raises(TypeError, match="candidates"):
        plotting.plot_derivative_check(None, np.sin, x, [np.cos])
    with pytest.raises(TypeError, match="function"):
        plotting.plot_derivative_check(None, 3, x, {"cos": np.cos})
    with pytest.raises(ValueError, match="every"):
        plotting.plot_derivative_check(None, np.sin, x, {"cos": np.cos}, every=0)


def test_plot_gradient_check():
    weights = mlp.init_weights([2, 3, 1], rng=0)
    X, y = datasets.xor(10, rng=0)
    grads = mlp.backprop(weights, X, y)
    _, ax = plt.subplots()
    assert plotting.plot_gradient_check(ax, grads, grads) is ax
    with pytest.raises(ValueError, match="layers"):
        plotting.plot_gradient_check(ax, grads, grads[:1])
    with pytest.raises(ValueError, match="shape"):
        plotting.plot_gradient_check(ax, grads, [grads[0], grads[1].T])
    with pytest.raises(TypeError):
        plotting.plot_gradient_check(ax, grads[0], grads[0])


def test_training_snapshots_and_animation():
    X, y = datasets.xor(40, rng=0)
    snaps = []

    def keep(epoch, weights, history):
        if epoch in (1, 5):
            snaps.append((epoch, weights))

    _, history = mlp.train(mlp.init_weights([2, 3, 1], rng=0), X, y, alpha=1.0,
                           epochs=5, callback=keep)
    _, axes = plt.subplots(1, 2)
    out = plotting.plot_training_snapshots(axes, snaps, X, y, resolution=20)
    assert len(out) == 2 and out[1].get_title().startswith("epoch 5: accuracy")
    with pytest.raises(ValueError, match="axes"):
        plotting.plot_training_snapshots(axes[:1], snaps, X, y)
    with pytest.raises(TypeError):
        plotting.plot_training_snapshots(axes, [], X, y)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        anim = plotting.animate_training(snaps, history, X, y, resolution=20)
        html = anim.to_jshtml()
    assert "<script" in html and html.count("data:image/png") == 2


def test_animate_training_refuses_several_classes():
    """It shades the probability of class 1: several outputs would be drawn wrong."""
    X, y = mlp.datasets.three_class(30, rng=0)
    snaps = [(1, mlp.init_weights([2, 4, 3], rng=0))]
    with pytest.raises(ValueError, match="one output unit.*plot_training_snapshots"):
        plotting.animate_training(snaps, {"loss": [1.0]}, X, y)
