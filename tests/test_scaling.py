"""mlp.scaling: standardised inputs and weights mapped back to the raw inputs."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mlp
from mlp.scaling import standardize, unstandardize_weights


def test_standardize_centres_and_scales_every_column():
    X, _ = mlp.datasets.admissions(100, rng=0)
    Xs, mean, std = standardize(X)
    np.testing.assert_allclose(Xs.mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(Xs.std(axis=0), 1)
    np.testing.assert_allclose(mean, X.mean(axis=0))
    np.testing.assert_allclose(std, X.std(axis=0))
    assert not np.shares_memory(Xs, X)


def test_standardize_with_given_statistics_and_a_constant_column():
    X_train = np.array([[0.0, 3.0], [4.0, 3.0]])
    Xs, mean, std = standardize(X_train)
    assert std.tolist() == [2.0, 1.0]  # the constant column is divided by 1
    assert Xs[:, 1].tolist() == [0.0, 0.0]
    X_test = np.array([[2.0, 5.0]])
    assert standardize(X_test, mean, std)[0].tolist() == [[0.0, 2.0]]


@pytest.mark.parametrize("kwargs, error", [
    (dict(X=np.ones(3)), ValueError),
    (dict(X="text"), TypeError),
    (dict(X=np.ones((2, 2)), mean=np.ones(3)), ValueError),
    (dict(X=np.ones((2, 2)), std=[1.0, -1.0]), ValueError),
    (dict(X=[[np.nan, 1.0]]), ValueError),
])
def test_standardize_rejects_bad_input(kwargs, error):
    with pytest.raises(error):
        standardize(**kwargs)


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 10_000), n=st.integers(1, 4), k=st.integers(1, 3))
def test_unstandardized_weights_give_the_same_scores(seed, n, k):
    rng = np.random.default_rng(seed)
    X = rng.uniform(-5, 20, size=(12, n))
    W = rng.normal(size=(n + 1, k))
    Xs, mean, std = standardize(X)
    W_raw = unstandardize_weights(W, mean, std)
    assert W_raw.shape == W.shape
    np.testing.assert_allclose(mlp.add_bias(X) @ W_raw, mlp.add_bias(Xs) @ W,
                               atol=1e-9)


def test_unstandardize_weights_rejects_bad_shapes():
    with pytest.raises(ValueError, match="shape"):
        unstandardize_weights(np.ones((3, 1)), [0.0], [1.0])
    with pytest.raises(ValueError):
        unstandardize_weights(np.ones((3, 1)), [0.0, 0.0], [1.0, 0.0])
    with pytest.raises(ValueError):
        unstandardize_weights(np.ones(3), [0.0, 0.0], [1.0, 1.0])
