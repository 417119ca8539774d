import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

import mlp


def test_cross_entropy_by_hand():
    y = np.array([1, 0, 1])
    y_hat = np.array([0.9, 0.2, 0.6])
    by_hand = -(np.log(0.9) + np.log(0.8) + np.log(0.6)) / 3
    assert np.isclose(mlp.cross_entropy(y, y_hat), by_hand)
    # the network's (m, 1) column is accepted and means the same
    assert np.isclose(mlp.cross_entropy(y, y_hat[:, None]), by_hand)


def test_finite_at_exact_zero_and_one():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        e = mlp.cross_entropy([1, 0], [0.0, 1.0])
        g = mlp.cross_entropy_prime([1, 0], [0.0, 1.0])
    assert np.isfinite(e) and e > 30
    assert np.all(np.isfinite(g))
    assert mlp.cross_entropy([1, 0], [1.0, 0.0]) < 1e-12


def test_log_loss_prime_matches_central_differences():
    y = np.array([1.0, 0.0, 1.0, 0.0])
    h = np.array([0.3, 0.3, 0.8, 0.95])
    eps = 1e-7
    numeric = (mlp.log_loss(y, h + eps) - mlp.log_loss(y, h - eps)) / (2 * eps)
    np.testing.assert_allclose(mlp.log_loss_prime(y, h), numeric, rtol=1e-6)
    # the slide's version -y/h - (1-y)/(1-h) is wrong wherever y = 0
    slide = -y / h - (1 - y) / (1 - h)
    assert not np.allclose(slide, numeric)


def test_cross_entropy_prime_matches_central_differences():
    y = np.array([1.0, 0.0, 1.0])
    y_hat = np.array([[0.2], [0.4], [0.7]])
    eps = 1e-7
    numeric = np.zeros_like(y_hat)
    for i in range(3):
        d = np.zeros_like(y_hat)
        d[i] = eps
        numeric[i] = (mlp.cross_entropy(y, y_hat + d)
                      - mlp.cross_entropy(y, y_hat - d)) / (2 * eps)
    g = mlp.cross_entropy_prime(y, y_hat)
    assert g.shape == y_hat.shape
    np.testing.assert_allclose(g, numeric, rtol=1e-6)


def test_dL_dz_is_y_hat_minus_y():
    z = np.linspace(-4, 4, 9)
    y = (z > 0).astype(float)
    h = mlp.sigmoid(z)
    np.testing.assert_allclose(mlp.log_loss_prime(y, h) * mlp.sigmoid_prime(z), h - y,
                               atol=1e-12)


def test_multiclass_reduces_to_binary():
    p = np.array([0.9, 0.2, 0.6])
    y = np.array([1, 0, 1])
    two = np.column_stack([1 - p, p])
    assert np.isclose(mlp.multiclass_cross_entropy(y, two), mlp.cross_entropy(y, p))


@settings(max_examples=200, deadline=None)
@given(arrays(float, st.integers(1, 30), elements=st.floats(0, 1)),
       st.integers(0, 2**32 - 1))
def test_cross_entropy_properties(y_hat, seed):
    y = np.random.default_rng(seed).integers(0, 2, y_hat.shape[0])
    e = mlp.cross_entropy(y, y_hat)
    assert np.isfinite(e) and e >= 0
    assert mlp.cross_entropy(y, y.astype(float)) < 1e-12


@pytest.mark.parametrize(
    "y, y_hat, err, match",
    [
        ([1, 0], [0.5, 0.5, 0.5], ValueError, "2 labels but y_hat has 3"),
        ([1, 0], [[0.5, 0.5], [0.5, 0.5]], ValueError, "shape"),
        ([1, 2], [0.5, 0.5], ValueError, "labels 0 or 1"),
        ([1, 0], [0.5, 1.5], ValueError, "probabilities in"),
        ([1, 0], [0.5, np.nan], ValueError, "NaN"),
        ("10", [0.5, 0.5], TypeError, "numeric"),
        ([], [], ValueError, "empty"),
    ],
)
def test_bad_input(y, y_hat, err, match):
    with pytest.raises(err, match=match):
        mlp.cross_entropy(y, y_hat)
