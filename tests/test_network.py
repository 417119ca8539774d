import numpy as np
import pytest

import mlp


def test_add_bias_appends_a_column_of_ones():
    X = np.array([[2.0, 3.0], [4.0, 5.0]])
    Xb = mlp.add_bias(X)
    np.testing.assert_array_equal(Xb, [[2, 3, 1], [4, 5, 1]])
    np.testing.assert_array_equal(X, [[2, 3], [4, 5]])  # unchanged


def test_init_weights_shapes_of_the_slides():
    W1, W2 = mlp.init_weights([2, 2, 1], rng=0)
    assert W1.shape == (3, 2) and W2.shape == (3, 1)
    assert np.all(W1[-1] == 0) and np.all(W2[-1] == 0)  # biases start at 0
    again = mlp.init_weights([2, 2, 1], rng=0)
    np.testing.assert_array_equal(W1, again[0])
    shapes = [W.shape for W in mlp.init_weights([4, 8, 8, 3], rng=1)]
    assert shapes == [(5, 8), (9, 8), (9, 3)]



# -- init_weights' scale: the default, Xavier/Glorot and He ---------------------------


def test_init_weights_default_is_unchanged():
    """Every chapter's numbers depend on the default: N(0, 1/n_in), biases 0, drawn
    layer by layer from one generator."""
    rng = np.random.default_rng(3)
    expected = []
    for n_in, n_out in [(2, 4), (4, 3)]:
        W = np.zeros((n_in + 1, n_out))
        W[:-1] = rng.normal(0.0, 1.0 / np.sqrt(n_in), size=(n_in, n_out))
        expected.append(W)
    for got, want in zip(mlp.init_weights([2, 4, 3], rng=3), expected):
        np.testing.assert_array_equal(got, want)
    for got, want in zip(mlp.init_weights([2, 4, 3], rng=3, scale=None), expected):
        np.testing.assert_array_equal(got, want)


@pytest.mark.parametrize(
    "scale, variance",
    [
        (None, lambda n_in, n_out: 1 / n_in),
        ("xavier", lambda n_in, n_out: 2 / (n_in + n_out)),
        ("he", lambda n_in, n_out: 2 / n_in),
        (0.3, lambda n_in, n_out: 0.09),
    ],
)
def test_init_weights_schemes_have_their_variance(scale, variance):
    sizes = [300, 200, 400]
    weights = mlp.init_weights(sizes, rng=0, scale=scale)
    assert [W.shape for W in weights] == [(301, 200), (201, 400)]
    for W, n_in, n_out in zip(weights, sizes[:-1], sizes[1:]):
        assert np.all(W[-1] == 0)  # biases start at 0 under every scheme
        np.testing.assert_allclose(W[:-1].var(), variance(n_in, n_out), rtol=0.03)
        assert abs(W[:-1].mean()) < 0.1 * np.sqrt(variance(n_in, n_out))  # centred


def test_init_weights_xavier_equals_the_default_for_square_layers():
    a = mlp.init_weights([8, 8, 8], rng=1, scale="xavier")
    b = mlp.init_weights([8, 8, 8], rng=1)
    for Wa, Wb in zip(a, b):
        np.testing.assert_allclose(Wa, Wb)
    he = mlp.init_weights([8, 8, 8], rng=1, scale="he")
    for Wh, Wb in zip(he, b):
        np.testing.assert_allclose(Wh, np.sqrt(2) * Wb)


@pytest.mark.parametrize(
    "bad, error, match",
    [
        ("glorot", ValueError, "one of .*xavier.*he"),
        ("He", ValueError, "one of"),
        (-1.0, ValueError, "positive"),
        (0, ValueError, "positive"),
        (float("nan"), ValueError, "positive"),
        (True, TypeError, "bool"),
        ([1.0], TypeError, "list"),
    ],
)
def test_init_weights_rejects_a_bad_scale(bad, error, match):
    with pytest.raises(error, match=match):
        mlp.init_weights([2, 2, 1], rng=0, scale=bad)


def test_weighted_combination_of_the_slides():
    # "What Weights can do?": 7 * 0.7 + 5 * 0.8 - 6 = 2.9, sigma(2.9) ~ 0.95
    W = np.array([[7.0], [5.0], [-6.0]])
    a = np.array([[0.7, 0.8]])
    h = mlp.add_bias(a) @ W
    assert np.isclose(h[0, 0], 2.9)
    y_hat = mlp.feedforward([W], a)
    assert np.isclose(y_hat[0, 0], 1 / (1 + np.exp(-2.9)))
    assert round(float(y_hat[0, 0]), 2) == 0.95


def test_feedforward_2_2_1_written_out_like_the_slides(rng):
    W1 = rng.normal(size=(3, 2))
    W2 = rng.normal(size=(3, 1))
    x1, x2 = 0.4, -1.3
    s = mlp.sigmoid
    h1 = W1[0, 0] * x1 + W1[1, 0] * x2 + W1[2, 0]  # W11 x1 + W21 x2 + W31
    h2 = W1[0, 1] * x1 + W1[1, 1] * x2 + W1[2, 1]  # W12 x1 + W22 x2 + W32
    h = W2[0, 0] * s(h1) + W2[1, 0] * s(h2) + W2[2, 0]
    y_hat = s(h)
    got = mlp.feedforward([W1, W2], [[x1, x2]])
    assert got.shape == (1, 1)
    assert np.isclose(got[0, 0], y_hat)
    hs, acts = mlp.forward([W1, W2], [[x1, x2]])
    np.testing.assert_allclose(hs[0][0], [h1, h2])
    assert np.isclose(hs[1][0, 0], h)


def test_two_regions_combined():
    # 5x1 - 2x2 + 8 and 7x1 - 3x2 - 1 through a sigmoid, combined 7, 5, -6
    W1 = np.array([[5.0, 7.0], [-2.0, -3.0], [8.0, -1.0]])
    W2 = np.array([[7.0], [5.0], [-6.0]])
    X = np.array([[1.0, 1.0], [0.0, 3.0]])
    p1 = mlp.sigmoid(5 * X[:, 0] - 2 * X[:, 1] + 8)
    p2 = mlp.sigmoid(7 * X[:, 0] - 3 * X[:, 1] - 1)
    expected = mlp.sigmoid(7 * p1 + 5 * p2 - 6)
    np.testing.assert_allclose(mlp.feedforward([W1, W2], X)[:, 0], expected)


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
def test_forward_shapes_and_softmax_output(activation, rng):
    weights = mlp.init_weights([3, 5, 4, 3], rng)
    X = rng.normal(size=(7, 3))
    hs, acts = mlp.forward(weights, X, activation)
    assert [h.shape for h in hs] == [(7, 5), (7, 4), (7, 3)]
    assert len(acts) == 4 and acts[0] is not None
    np.testing.assert_allclose(acts[-1].sum(axis=1), 1.0)
    for h, a in zip(hs[:-1], acts[1:-1]):
        np.testing.assert_allclose(a, getattr(mlp, activation)(h))
    # bias trick: a @ W[:-1] + W[-1] == add_bias(a) @ W
    np.testing.assert_allclose(hs[0], mlp.add_bias(X) @ weights[0])


def test_predict_and_accuracy():
    W = [np.array([[1.0], [1.0], [-10.0]])]
    X = np.array([[7.0, 6.0], [2.0, 3.0]])
    np.testing.assert_array_equal(mlp.predict(W, X), [1, 0])
    assert mlp.accuracy(W, X, [1, 1]) == 0.5


def test_functions_do_not_modify_arguments(rng):
    weights = mlp.init_weights([2, 3, 1], rng)
    X = rng.normal(size=(5, 2))
    y = np.array([0, 1, 1, 0, 1])
    before = [W.copy() for W in weights], X.copy(), y.copy()
    mlp.feedforward(weights, X)
    mlp.backprop(weights, X, y)
    mlp.train(weights, X, y, alpha=0.1, epochs=3)
    mlp.gradient_descent_step(weights, mlp.backprop(weights, X, y), 0.1)
    for W, W0 in zip(weights, before[0]):
        np.testing.assert_array_equal(W, W0)
    np.testing.assert_array_equal(X, before[1])
    np.testing.assert_array_equal(y, before[2])
