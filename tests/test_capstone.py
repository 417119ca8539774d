"""Chapter 14 (the capstone): the fallback to mlp's pieces, the digits demo, the image
mosaic. The checkers themselves are tried by tests/test_checks_core.py."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

import mlp
from mlp import checks, datasets, plotting
from mlp.checks import capstone


def right_forward(weights, X):
    return mlp.forward(weights, X)[1]


def stub_backprop(weights, activations, y):
    raise NotImplementedError("fill in my_backprop() (exercise ex-capstone-backprop)")


def wrong_step(weights, grads, alpha):
    return [W + alpha * g for W, g in zip(weights, grads)]


def test_yours_or_mlp_keeps_what_passes_and_replaces_the_rest(capsys):
    use = checks.yours_or_mlp(my_forward=right_forward, my_backprop=stub_backprop,
                              my_step=wrong_step, my_epoch=None)
    out = capsys.readouterr().out.splitlines()
    assert use.my_forward is right_forward
    assert use.my_backprop is capstone.reference_backprop
    assert use.my_step is capstone.reference_step
    assert use.my_epoch is capstone.reference_epoch
    assert len(out) == 3 and all(line.startswith("note: my_") for line in out)
    assert "mlp.backprop" in out[0] and "mlp.gradient_descent_step" in out[1]


def test_yours_or_mlp_says_when_everything_is_yours(capsys):
    use = checks.yours_or_mlp(my_forward=right_forward)
    assert use.my_forward is right_forward
    assert capsys.readouterr().out.startswith("your my_forward pass")


def test_yours_or_mlp_does_not_raise_in_strict_mode(monkeypatch, capsys):
    monkeypatch.setenv("MLP_CHECKS_STRICT", "1")
    use = checks.yours_or_mlp(my_step=None)
    assert use.my_step is capstone.reference_step
    assert "note: my_step" in capsys.readouterr().out


def test_yours_or_mlp_refuses_unknown_pieces():
    with pytest.raises(ValueError, match="my_train"):
        checks.yours_or_mlp(my_train=right_forward)


def test_the_reference_epoch_is_mlp_train_for_one_epoch():
    X, y = datasets.three_class(50, rng=1)
    start = mlp.init_weights([2, 5, 3], rng=0)
    order = np.random.default_rng(7).permutation(50)
    ours = capstone.reference_epoch(start, X, y, 0.5, 8, order)
    theirs, _ = mlp.train(start, X, y, alpha=0.5, epochs=1, batch_size=8,
                          rng=np.random.default_rng(7))
    for a, b in zip(ours, theirs):
        np.testing.assert_allclose(a, b, rtol=0, atol=1e-12)


# -- DigitsDemo ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def digits_net():
    X, y = datasets.digits()
    X, y = X[:200], y[:200]
    Xs = (X - X.mean(axis=0)) / np.where(X.std(axis=0) > 0, X.std(axis=0), 1.0)
    weights, _ = mlp.train(mlp.init_weights([64, 16, 10], rng=0), Xs, y, alpha=0.5,
                           epochs=20, batch_size=20, rng=0)
    return weights, Xs, y, X


def test_digits_demo_shows_the_networks_probabilities(digits_net):
    from mlp.widgets import DigitsDemo

    weights, Xs, y, X = digits_net
    demo = DigitsDemo(weights, Xs, y, images=X, index=3)
    p = mlp.feedforward(weights, Xs[[3]])[0]
    heights = [bar.get_height() for bar in demo.bars]
    np.testing.assert_allclose(heights, p)
    assert f"the true digit is {y[3]}" in demo.status
    assert f"the network says {np.argmax(p)}" in demo.status
    np.testing.assert_array_equal(demo.img.get_array(), X[3].reshape(8, 8))
    assert "Cannot draw" in demo.update(index=len(y))


def test_digits_demo_refuses_other_networks(digits_net):
    from mlp.widgets import DigitsDemo

    weights, Xs, y, X = digits_net
    with pytest.raises(ValueError, match="64 inputs"):
        DigitsDemo(mlp.init_weights([64, 4, 3], rng=0), Xs, y % 3)
    with pytest.raises(ValueError, match="images must have the shape"):
        DigitsDemo(weights, Xs, y, images=X[:10])


# -- plotting.plot_images --------------------------------------------------------------


def test_plot_images_draws_one_mosaic_with_a_frame_and_title_each():
    images = np.arange(5 * 64, dtype=float).reshape(5, 64)
    fig, ax = plt.subplots()
    assert plotting.plot_images(ax, images, ncols=3, titles=list("abcde")) is ax
    (im,) = ax.images
    mosaic = im.get_array()
    assert mosaic.shape == (2 * (8 + 3), 3 * 9 - 1)
    np.testing.assert_array_equal(mosaic[2:10, 0:8], images[0].reshape(8, 8))
    np.testing.assert_array_equal(mosaic[13:21, 9:17], images[4].reshape(8, 8))
    assert [t.get_text() for t in ax.texts] == list("abcde")
    assert len(ax.collections[0].get_paths()) == 5


def test_plot_images_refuses_wrong_shapes():
    fig, ax = plt.subplots()
    with pytest.raises(ValueError, match="images must be"):
        plotting.plot_images(ax, np.zeros((3, 10)))
    with pytest.raises(ValueError, match="one entry per image"):
        plotting.plot_images(ax, np.zeros((3, 64)), titles=["a"])
