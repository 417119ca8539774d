import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

import mlp
from mlp.activations import ACTIVATIONS, get_activation

floats = st.floats(-1e6, 1e6, allow_nan=False)
PAIRS = [
    (mlp.sigmoid, mlp.sigmoid_prime),
    (mlp.tanh, mlp.tanh_prime),
    (mlp.relu, mlp.relu_prime),
]


@pytest.mark.parametrize("f, f_prime", PAIRS)
def test_derivative_matches_central_differences(f, f_prime):
    x = np.linspace(-6, 6, 241)
    x = x[np.abs(x) > 1e-3]  # relu has a kink at 0
    eps = 1e-6
    numeric = (f(x + eps) - f(x - eps)) / (2 * eps)
    np.testing.assert_allclose(f_prime(x), numeric, rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_derivative_from_output_matches_derivative(name):
    act = get_activation(name)
    x = np.linspace(-5, 5, 101)
    x = x[np.abs(x) > 1e-3]
    np.testing.assert_allclose(act.f_prime_from_output(act.f(x)), act.f_prime(x),
                               atol=1e-12)


@pytest.mark.parametrize("f", [mlp.sigmoid, mlp.sigmoid_prime, mlp.tanh,
                               mlp.tanh_prime, mlp.relu, mlp.relu_prime])
def test_no_overflow_warning_at_extremes(f):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = f(np.array([-1000.0, -50.0, 0.0, 50.0, 1000.0]))
    assert np.all(np.isfinite(out))


def test_softmax_extremes_and_rows_sum_to_one():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        p = mlp.softmax(np.array([[1000.0, 0.0, -1000.0], [0.0, 0.0, 0.0]]))
    np.testing.assert_allclose(p.sum(axis=1), 1.0)
    np.testing.assert_allclose(p[1], 1 / 3)
    assert p[0, 0] == 1.0


def test_sigmoid_values_of_the_slides():
    assert mlp.sigmoid(0.0) == 0.5
    assert round(float(mlp.sigmoid(2.9)), 2) == 0.95
    assert mlp.sigmoid_prime(0.0) == 0.25


@settings(max_examples=200, deadline=None)
@given(arrays(float, st.integers(1, 20), elements=floats))
def test_sigmoid_properties(x):
    s = mlp.sigmoid(x)
    assert np.all((s >= 0) & (s <= 1))
    np.testing.assert_allclose(mlp.sigmoid(-x), 1 - s, atol=1e-12)
    d = mlp.sigmoid_prime(x)
    assert np.all((d >= 0) & (d <= 0.25))


@settings(max_examples=200, deadline=None)
@given(arrays(float, st.integers(1, 20), elements=floats))
def test_tanh_relu_properties(x):
    t = mlp.tanh(x)
    assert np.all(np.abs(t) <= 1)
    np.testing.assert_allclose(mlp.tanh(-x), -t, atol=1e-12)
    assert np.all((mlp.tanh_prime(x) >= 0) & (mlp.tanh_prime(x) <= 1))
    r = mlp.relu(x)
    assert np.all(r >= 0)
    np.testing.assert_array_equal(r - mlp.relu(-x), x)


@settings(max_examples=100, deadline=None)
@given(arrays(float, st.tuples(st.integers(1, 5), st.integers(1, 6)), elements=floats))
def test_softmax_properties(h):
    p = mlp.softmax(h)
    assert np.all(np.isfinite(p)) and np.all(p >= 0)
    np.testing.assert_allclose(p.sum(axis=1), 1.0)
    np.testing.assert_allclose(mlp.softmax(h + 3.0), p, atol=1e-12)


def test_unknown_activation_and_bad_types():
    with pytest.raises(ValueError, match="unknown activation 'swish'"):
        get_activation("swish")
    with pytest.raises(TypeError, match="activation must be one of"):
        get_activation(3)
    with pytest.raises(TypeError, match="expected a number"):
        mlp.sigmoid("hello")
