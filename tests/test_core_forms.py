"""Issue 14: the fast forms in the core equal the slides' forms, and the core's public
helpers (one one-hot, one cross-entropy, one minibatch split) agree with each other."""

import numpy as np
import pytest

import mlp
from mlp.backpropagation import ENTRIES, backward_pass, chain_factors, layer_gradient
from mlp.losses import output_error, targets
from mlp.network import forward_pass, layer_input, output_in_blocks, output_labels
from mlp.training import loss_and_accuracy, minibatches


@pytest.mark.parametrize("m, n, k", [(1, 1, 1), (5, 2, 3), (64, 32, 32)])
def test_layer_input_is_the_slides_add_bias_times_W(m, n, k):
    rng = np.random.default_rng(m + n + k)
    a, W = rng.normal(size=(m, n)), rng.normal(size=(n + 1, k))
    assert np.allclose(layer_input(a, W), mlp.add_bias(a) @ W, rtol=1e-13, atol=1e-13)


@pytest.mark.parametrize("m, n, k", [(1, 1, 1), (5, 2, 3), (64, 32, 32)])
def test_layer_gradient_is_the_slides_add_bias_transposed_times_delta(m, n, k):
    rng = np.random.default_rng(m * n * k)
    a, delta = rng.normal(size=(m, n)), rng.normal(size=(m, k))
    assert np.allclose(layer_gradient(a, delta), mlp.add_bias(a).T @ delta,
                       rtol=1e-13, atol=1e-13)


def test_forward_pass_is_the_slides_loop():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(7, 2))
    W = mlp.init_weights([2, 3, 4, 1], rng=0)
    a = X
    for Wk in W:
        a = mlp.sigmoid(mlp.add_bias(a) @ Wk)
    act = mlp.activations.get_activation("sigmoid")
    assert np.allclose(forward_pass(W, X, act)[1][-1], a)
    assert np.allclose(mlp.feedforward(W, X), a)


def test_targets_is_the_column_or_one_hot():
    assert targets([0, 1, 1], 1).tolist() == [[0.0], [1.0], [1.0]]
    assert np.array_equal(targets([2, 0], 3), mlp.one_hot([2, 0], 3))
    with pytest.raises(ValueError, match="class ids"):
        targets([3], 3)


def test_output_error_is_the_matching_cross_entropy():
    y, p = np.array([1, 0, 1]), np.array([0.9, 0.3, 0.6])
    assert output_error(y, p[:, None]) == mlp.cross_entropy(y, p)
    P = np.array([[0.7, 0.3], [0.2, 0.8]])
    assert output_error([0, 1], P) == mlp.multiclass_cross_entropy([0, 1], P)


def test_loss_and_accuracy_and_output_labels():
    y_hat = np.array([[0.9], [0.4], [0.5]])
    assert output_labels(y_hat).tolist() == [1, 0, 1]
    loss, acc = loss_and_accuracy(y_hat, np.array([1, 0, 0]))
    assert np.isclose(loss, mlp.cross_entropy([1, 0, 0], y_hat))
    assert np.isclose(acc, 2 / 3)


def test_minibatches_cover_every_example_once():
    rng = np.random.default_rng(0)
    for m, b in [(10, 3), (10, 10), (10, 20)]:
        X, y = np.arange(2 * m).reshape(m, 2), np.arange(m)
        for r in (None, rng):
            batches = minibatches((X, y), b, r)
            ys = np.concatenate([yb for _, yb in batches])
            assert sorted(ys.tolist()) == list(range(m))
            assert all(np.array_equal(Xb[:, 0] // 2, yb) for Xb, yb in batches)
    assert [len(yb) for _, yb in minibatches((X, y), 4)] == [4, 4, 2]


def test_chain_factors_multiply_to_backprop():
    W = mlp.init_weights([2, 2, 1], rng=3)
    x, y = np.array([0.5, -1.0]), 1
    grads = mlp.backprop(W, x[None], [y])
    for entry, (k, i, j) in ENTRIES.items():
        factors = chain_factors(W, x, y, entry)
        assert len(factors) == (4 if k == 0 else 3)
        assert np.isclose(np.prod([v for _, v in factors]), grads[k][i, j])


def test_backward_pass_is_backprop():
    rng = np.random.default_rng(1)
    X, y = rng.normal(size=(9, 2)), rng.integers(0, 3, 9)
    W = mlp.init_weights([2, 4, 3], rng=1)
    act = mlp.activations.get_activation("tanh")
    grads = backward_pass(W, forward_pass(W, X, act)[1], targets(y, 3), act)
    for g, h in zip(grads, mlp.backprop(W, X, y, activation="tanh")):
        assert np.array_equal(g, h)


@pytest.mark.parametrize("m", [1, 255, 256, 257, 1000])
def test_output_in_blocks_is_the_forward_pass(m):
    rng = np.random.default_rng(m)
    X = rng.normal(size=(m, 2))
    W = mlp.init_weights([2, 8, 8, 3], rng=0)
    act = mlp.activations.get_activation("tanh")
    assert np.allclose(output_in_blocks(W, X, act), forward_pass(W, X, act)[1][-1],
                       rtol=1e-12, atol=1e-15)
