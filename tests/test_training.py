import numpy as np
import pytest

import mlp
from mlp import datasets


def test_gradient_descent_step_is_the_update_rule():
    W = [np.array([[1.0], [2.0], [3.0]])]
    g = [np.array([[0.5], [-1.0], [2.0]])]
    new = mlp.gradient_descent_step(W, g, alpha=0.1)
    np.testing.assert_allclose(new[0], W[0] - 0.1 * g[0])
    assert new[0] is not W[0]


def test_training_solves_xor_from_a_fixed_seed():
    X, y = datasets.xor(200, rng=0)
    weights = mlp.init_weights([2, 8, 1], rng=0)
    weights, history = mlp.train(weights, X, y, alpha=1.0, epochs=1500)
    assert history["accuracy"][-1] >= 0.97
    assert history["loss"][-1] < 0.2
    # a line (no hidden layer) cannot
    line, hist_line = mlp.train(mlp.init_weights([2, 1], rng=0), X, y, alpha=1.0,
                                epochs=300)
    assert hist_line["accuracy"][-1] < 0.75


def test_training_is_deterministic_with_minibatches():
    X, y = datasets.moons(300, rng=1)
    runs = [
        mlp.train(mlp.init_weights([2, 16, 1], rng=3), X, y, alpha=0.5, epochs=20,
                  batch_size=32, activation="tanh", rng=5)
        for _ in range(2)
    ]
    np.testing.assert_array_equal(runs[0][0][0], runs[1][0][0])
    assert runs[0][1] == runs[1][1]


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
def test_moons_and_multiclass(activation):
    X, y = datasets.moons(300, rng=2)
    alpha = 2.0 if activation == "sigmoid" else 0.5  # sigmoid's gradients are smaller
    _, h = mlp.train(mlp.init_weights([2, 16, 1], rng=0), X, y, alpha=alpha, epochs=150,
                     batch_size=32, activation=activation, rng=0)
    assert h["accuracy"][-1] >= 0.95
    X3, y3 = datasets.spirals(300, rng=0, classes=3, noise=0.1)
    _, h3 = mlp.train(mlp.init_weights([2, 32, 32, 3], rng=0), X3, y3, alpha=0.5,
                      epochs=300, batch_size=32, activation="tanh", rng=0)
    assert h3["accuracy"][-1] >= 0.9


def test_callback_sees_every_epoch_and_can_stop():
    X, y = datasets.xor(50, rng=0)
    seen = []

    def callback(epoch, weights, history):
        seen.append((epoch, len(history["loss"])))
        return epoch < 3

    _, history = mlp.train(mlp.init_weights([2, 3, 1], rng=0), X, y, alpha=0.1,
                           epochs=10, callback=callback)
    assert seen == [(1, 1), (2, 2), (3, 3)]
    assert len(history["loss"]) == 3


def test_divergence_is_reported_not_silent():
    X, y = datasets.moons(100, rng=0)
    X = X * 1e3
    with pytest.raises(mlp.DivergenceError, match="smaller learning rate") as info:
        mlp.train(mlp.init_weights([2, 8, 8, 1], rng=0), X, y, alpha=1e300, epochs=50,
                  activation="relu")
    assert all(np.all(np.isfinite(W)) for W in info.value.weights)


@pytest.mark.parametrize(
    "kwargs, err, match",
    [
        (dict(alpha=0.0), ValueError, "alpha must be a positive"),
        (dict(alpha=-1.0), ValueError, "alpha must be a positive"),
        (dict(alpha="0.1"), TypeError, "alpha must be a positive number"),
        (dict(epochs=0), ValueError, "epochs must be a positive integer"),
        (dict(epochs=2.5), TypeError, "epochs must be a positive integer"),
        (dict(batch_size=0), ValueError, "batch_size"),
        (dict(activation="sigmoidal"), ValueError, "unknown activation"),
        (dict(callback=3), TypeError, "callback must be callable"),
    ],
)
def test_train_bad_arguments(kwargs, err, match):
    X, y = datasets.xor(20, rng=0)
    args = dict(alpha=0.1, epochs=2)
    args.update(kwargs)
    with pytest.raises(err, match=match):
        mlp.train(mlp.init_weights([2, 2, 1], rng=0), X, y, **args)


def _step_by_step(weights, X, y, alpha, batch_size, activation):
    """One epoch of in-order minibatch descent written out with the public pieces:
    each minibatch's error (as fed forward, before its step) and the new weights."""
    errors = []
    for s in range(0, X.shape[0], batch_size):
        Xb, yb = X[s:s + batch_size], y[s:s + batch_size]
        y_hat = mlp.feedforward(weights, Xb, activation)
        if y_hat.shape[1] == 1:
            errors.append(mlp.losses.cross_entropy(yb, y_hat[:, 0]) * len(yb))
        else:
            errors.append(mlp.losses.multiclass_cross_entropy(yb, y_hat) * len(yb))
        weights = mlp.gradient_descent_step(
            weights, mlp.backprop(weights, Xb, yb, activation), alpha)
    return sum(errors) / X.shape[0], weights


@pytest.mark.parametrize("sizes, data", [
    ([2, 5, 1], lambda: datasets.moons(90, rng=2)),
    ([2, 6, 3], lambda: datasets.three_class(90, rng=2)),
])
def test_running_history_is_the_mean_error_of_the_epochs_minibatches(sizes, data):
    X, y = data()
    W0 = mlp.init_weights(sizes, rng=3)
    expected, W_expected = _step_by_step(W0, X, y, 0.5, 16, "tanh")
    W, hist = mlp.train(W0, X, y, alpha=0.5, epochs=1, batch_size=16,
                        activation="tanh", history="running")
    assert hist["loss"][0] == pytest.approx(expected, rel=1e-12)
    for a, b in zip(W, W_expected):
        np.testing.assert_allclose(a, b, rtol=1e-12, atol=1e-14)


def test_the_history_kind_changes_the_record_not_the_training():
    X, y = datasets.moons(200, rng=4)
    W0 = mlp.init_weights([2, 8, 1], rng=4)
    kw = dict(alpha=0.5, epochs=6, batch_size=32, activation="tanh", rng=7)
    W_epoch, h_epoch = mlp.train(W0, X, y, **kw)
    W_run, h_run = mlp.train(W0, X, y, history="running", **kw)
    for a, b in zip(W_epoch, W_run):
        np.testing.assert_array_equal(a, b)
    assert h_run["loss"] != h_epoch["loss"]
    # with full batches the running error is the error before each step: one behind
    W_full, h_full = mlp.train(W0, X, y, alpha=0.5, epochs=6)
    _, h_full_run = mlp.train(W0, X, y, alpha=0.5, epochs=6, history="running")
    start = mlp.losses.cross_entropy(y, mlp.feedforward(W0, X)[:, 0])
    np.testing.assert_allclose(h_full_run["loss"], [start] + h_full["loss"][:-1],
                               rtol=1e-12)


def test_an_unknown_history_kind_is_refused():
    X, y = datasets.xor(20, rng=0)
    with pytest.raises(ValueError, match="history must be one of"):
        mlp.train(mlp.init_weights([2, 2, 1], rng=0), X, y, 0.1, 1, history="batch")


@pytest.mark.parametrize("history", ["epoch", "running"])
@pytest.mark.parametrize("batch_size", [None, 20])
def test_a_nan_error_with_finite_weights_is_divergence(history, batch_size):
    # alpha = 1e100 with ReLU: after the first step the weights are finite but so
    # large that the outputs overflow, and the error recorded for them is NaN
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(60, 2)), rng.integers(0, 3, 60)
    W0 = mlp.init_weights([2, 8, 3], rng=0)
    with pytest.raises(mlp.DivergenceError, match="smaller learning rate") as info:
        mlp.train(W0, X, y, alpha=1e100, epochs=5, activation="relu",
                  batch_size=batch_size, history=history)
    err = info.value
    assert all(np.all(np.isfinite(W)) for W in err.weights)
    assert all(np.isfinite(err.history["loss"]))
    assert len(err.history["loss"]) == len(err.history["accuracy"]) == err.epoch - 1
    # the weights are those the history ends with: training for the epochs before
    if err.epoch > 1:
        W, hist = mlp.train(W0, X, y, alpha=1e100, epochs=err.epoch - 1,
                            activation="relu", batch_size=batch_size, history=history)
        assert hist == err.history
        assert all(np.array_equal(a, b) for a, b in zip(W, err.weights))


def test_the_nan_error_that_train_used_to_return():
    # this run used to return finite weights with the history {"loss": [22.45, nan]}
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(60, 2)), rng.integers(0, 3, 60)
    with pytest.raises(mlp.DivergenceError, match="in epoch 2: the error became NaN"
                       ) as info:
        mlp.train(mlp.init_weights([2, 8, 3], rng=0), X, y, alpha=1e100, epochs=2,
                  activation="relu")
    assert info.value.epoch == 2
    assert np.isclose(info.value.history["loss"], [22.45020465669194]).all()
    assert "overflowed" in str(info.value)


def test_a_callback_never_sees_a_nan_error():
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(60, 2)), rng.integers(0, 3, 60)
    seen = []

    def callback(epoch, weights, history):
        seen.append(history["loss"][-1])

    with pytest.raises(mlp.DivergenceError):
        mlp.train(mlp.init_weights([2, 8, 3], rng=0), X, y, alpha=1e100, epochs=5,
                  activation="relu", callback=callback)
    assert seen and all(np.isfinite(seen))


def test_divergence_of_the_weights_keeps_its_message():
    X, y = datasets.moons(100, rng=0)
    with pytest.raises(mlp.DivergenceError,
                       match="the weights became NaN or infinite") as info:
        mlp.train(mlp.init_weights([2, 8, 8, 1], rng=0), X * 1e3, y, alpha=1e300,
                  epochs=50, activation="relu", batch_size=10)
    assert len(info.value.history["loss"]) == info.value.epoch - 1
