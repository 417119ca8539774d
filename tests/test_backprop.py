import warnings

import numpy as np
import pytest

import mlp
from tests.autograd import Value, network_error


def _error(weights, X, y, activation):
    y_hat = mlp.feedforward(weights, X, activation)
    if y_hat.shape[1] == 1:
        return mlp.cross_entropy(y, y_hat)
    return mlp.multiclass_cross_entropy(y, y_hat)


def _problem(sizes, seed, activation):
    rng = np.random.default_rng(seed)
    weights = mlp.init_weights(sizes, rng, scale=0.8)
    for W in weights:  # non-zero biases: no unit's input sum is exactly 0 (relu's kink)
        W[-1] = rng.normal(0.0, 0.5, W.shape[1])
    if activation == "relu":  # keep every unit away from the kink at 0
        weights = [W + 0.05 * np.sign(W) for W in weights]
    X = rng.normal(size=(6, sizes[0]))
    k = sizes[-1]
    y = rng.integers(0, 2 if k == 1 else k, size=6)
    return weights, X, y


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
@pytest.mark.parametrize(
    "sizes", [[2, 1], [2, 2, 1], [3, 4, 1], [2, 3, 3, 1], [2, 4, 3, 2, 1], [2, 3, 3],
              [3, 5, 4, 4]]
)
def test_backprop_matches_numerical_gradient(sizes, activation):
    weights, X, y = _problem(sizes, seed=len(sizes) * 10 + sizes[-1],
                             activation=activation)
    grads = mlp.backprop(weights, X, y, activation)
    numeric = mlp.numerical_gradient(lambda w: _error(w, X, y, activation), weights)
    assert [g.shape for g in grads] == [W.shape for W in weights]
    for g, n in zip(grads, numeric):
        np.testing.assert_allclose(g, n, rtol=1e-5, atol=1e-7)


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
@pytest.mark.parametrize("sizes", [[2, 2, 1], [2, 3, 2, 1], [2, 3, 3]])
def test_backprop_matches_independent_autograd(sizes, activation):
    weights, X, y = _problem(sizes, seed=7, activation=activation)
    values = [[[Value(w) for w in row] for row in W] for W in weights]
    E = network_error(values, X.tolist(), y.tolist(), activation)
    E.backward()
    assert np.isclose(E.data, _error(weights, X, y, activation))
    grads = mlp.backprop(weights, X, y, activation)
    for g, V in zip(grads, values):
        auto = np.array([[v.grad for v in row] for row in V])
        np.testing.assert_allclose(g, auto, rtol=1e-9, atol=1e-12)


def test_the_four_factors_of_the_slide(rng):
    # dE/dW11(1) = dE/dy_hat * dy_hat/dh * dh/dh1 * dh1/dW11(1), one example, y = 1
    W1, W2 = rng.normal(size=(3, 2)), rng.normal(size=(3, 1))
    x = np.array([[0.5, -1.0]])
    y = np.array([1])
    hs, acts = mlp.forward([W1, W2], x)
    h1, h, y_hat = hs[0][0, 0], hs[1][0, 0], acts[-1][0, 0]
    dE_dyhat = mlp.log_loss_prime(y, [y_hat])[0]
    dyhat_dh = mlp.sigmoid_prime(h)
    dh_dh1 = W2[0, 0] * mlp.sigmoid_prime(h1)
    dh1_dW11 = x[0, 0]
    product = dE_dyhat * dyhat_dh * dh_dh1 * dh1_dW11
    assert np.isclose(mlp.backprop([W1, W2], x, y)[0][0, 0], product)


def test_numerical_gradient_of_a_known_function():
    W = [np.array([[1.0, 2.0], [3.0, 4.0]])]
    g = mlp.numerical_gradient(lambda w: float(np.sum(w[0] ** 2)), W)
    np.testing.assert_allclose(g[0], 2 * W[0], rtol=1e-8)
    np.testing.assert_array_equal(W[0], [[1, 2], [3, 4]])
    with pytest.raises(TypeError, match="function"):
        mlp.numerical_gradient(3, W)


def test_numerical_gradient_needs_a_positive_step():
    W = [np.ones((2, 1))]
    for eps in (0, -1e-6, float("nan")):
        with pytest.raises(ValueError, match="eps must be a positive finite number"):
            mlp.numerical_gradient(lambda w: float(np.sum(w[0])), W, eps=eps)


# -- chain_factors: the 2-2-1 network's chain, and a clear error for anything else --


def _chain_factors(*args):
    from mlp.backpropagation import chain_factors

    return chain_factors(*args)


def test_chain_factors_refuses_a_label_that_is_not_0_or_1():
    W = mlp.init_weights([2, 2, 1], rng=0)
    for y in (5, 0.5, -1, [0, 1], "1", None, np.nan):
        with pytest.raises(ValueError, match="y must be the example's label, 0 or 1"):
            _chain_factors(W, [1.0, 2.0], y, "W11(1)")
    for y in (1, 1.0, np.int64(1), [1], True):  # one label, however it is written
        assert _chain_factors(W, [1.0, 2.0], y, "W11(1)") == _chain_factors(
            W, [1.0, 2.0], 1, "W11(1)")


@pytest.mark.parametrize("weights, got", [
    (mlp.init_weights([2, 2, 2, 1], rng=0), "got 3 weight matrices"),
    (mlp.init_weights([2, 1], rng=0), "got 1 weight matrices"),
    (np.zeros((3, 2)), "got ndarray"),
    (mlp.init_weights([2, 3, 1], rng=0), r"got W1 \(3, 3\), W2 \(4, 1\)"),
    (mlp.init_weights([2, 2, 2], rng=0), r"W2 \(3, 2\)"),
])
def test_chain_factors_is_for_the_221_network_only(weights, got):
    with pytest.raises(ValueError, match=r"2-2-1 network: weights \[W1 \(3, 2\), "
                                         r"W2 \(3, 1\)\].*" + got):
        _chain_factors(weights, [1.0, 2.0], 1, "W11(1)")
    W = mlp.init_weights([2, 2, 1], rng=0)
    with pytest.raises(ValueError, match="x with 3 value"):
        _chain_factors(W, [1.0, 2.0, 3.0], 1, "W11(1)")
    with pytest.raises(ValueError, match="x contains 1 NaN"):
        _chain_factors(W, [1.0, np.nan], 1, "W11(1)")
    with pytest.raises(ValueError, match="entry must be one of"):
        _chain_factors(W, [1.0, 2.0], 1, ["W11(1)"])


@pytest.mark.parametrize("y, y_hat", [(0, "1"), (1, "1"), (1, "0")])
def test_chain_factors_never_returns_inf_or_nan(y, y_hat):
    # y_hat rounds to exactly 1 (h = 100) or 0 (h = -800): -y/y_hat + (1-y)/(1-y_hat)
    # is inf or 0/0; a clear error instead of a RuntimeWarning and inf or NaN factors
    W = [np.zeros((3, 2)), np.array([[0.0], [0.0], [100.0 if y_hat == "1" else -800]])]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(ValueError, match="0 or 1 to machine precision"):
            _chain_factors(W, [1.0, 2.0], y, "W31(2)")


def test_chain_factors_keep_the_exact_value_of_a_tiny_y_hat():
    # y_hat = sigma(-40), about 4e-18: finite, so the factors are the exact formula's
    # (not a clipped prediction's) and their product is still backprop's gradient
    W = [np.zeros((3, 2)), np.array([[0.0], [0.0], [-40.0]])]
    factors = _chain_factors(W, [1.0, 2.0], 1, "W31(2)")
    y_hat = mlp.sigmoid(-40.0)
    assert factors[0][1] == -1 / y_hat
    assert np.isclose(np.prod([v for _, v in factors]),
                      mlp.backprop(W, [[1.0, 2.0]], [1])[1][2, 0])
