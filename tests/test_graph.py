"""Chapter 11: backpropagation as a graph (mlp.plotting.graph) and its demo."""

import warnings

import numpy as np
import pytest
from matplotlib import pyplot as plt

import mlp
from mlp.plotting.graph import (
    BACKWARD_ORDER,
    GraphDrawing,
    backprop_graph,
    plot_backprop_graph,
)

W1 = np.array([[5.0, 7.0], [-2.0, -3.0], [8.0, -1.0]])
W2 = np.array([[7.0], [5.0], [-6.0]])


def _random_problems(n=5):
    rng = np.random.default_rng(4)
    return [([rng.normal(0, 1.5, (3, 2)), rng.normal(0, 1.5, (3, 1))],
             rng.uniform(-2, 2, 2), k % 2) for k in range(n)]


@pytest.mark.parametrize("weights, x, y", [([W1, W2], np.array([1.0, 3.0]), 1),
                                           *_random_problems()])
def test_graph_gradients_are_backprops(weights, x, y):
    g = backprop_graph(weights, x, y)
    grads = mlp.backprop(weights, x[None, :], np.array([y]))
    assert np.isclose(g["W11"].grad, grads[0][0, 0])
    # the sums' grads are the biases' (their input is 1)
    assert np.isclose(g["h"].grad, grads[1][2, 0])
    assert np.allclose([g["h1"].grad, g["h2"].grad], grads[0][2])
    # the hidden outputs' grads give the second layer's weights
    assert np.isclose(g["h"].grad * g["a1"].value, grads[1][0, 0])
    assert g["E"].grad == 1.0 and g["h"].grad == pytest.approx(g["y_hat"].value - y)


def test_graph_values_are_the_forward_pass():
    g = backprop_graph([W1, W2], [1.0, 3.0], 1)
    hs, acts = mlp.forward([W1, W2], np.array([[1.0, 3.0]]))
    assert [g["h1"].value, g["h2"].value] == pytest.approx(hs[0][0])
    assert g["y_hat"].value == pytest.approx(acts[2][0, 0])
    assert g["E"].value == pytest.approx(mlp.cross_entropy(np.array([1]), acts[2]))


def test_every_grad_is_the_parents_times_the_local_derivative():
    g = backprop_graph([W1, W2], [1.0, 3.0], 0)
    for name in BACKWARD_ORDER[1:]:
        node = g[name]
        assert node.grad == pytest.approx(g[node.parent].grad * node.local)
    assert g["x1"].grad is None and g["x2"].grad is None


@pytest.mark.parametrize("weights, x, y, error", [
    ([W1], [1.0, 3.0], 1, ValueError),
    ([W1.T, W2], [1.0, 3.0], 1, ValueError),
    ([W1, W2], [1.0, 3.0, 2.0], 1, ValueError),
    ([W1, W2], [1.0, 3.0], 2, ValueError),
    ([W1, W2], "x", 1, TypeError),
])
def test_bad_input_is_a_clear_error(weights, x, y, error):
    with pytest.raises(error):
        backprop_graph(weights, x, y)


def test_plot_and_step():
    g = backprop_graph([W1, W2], [1.0, 3.0], 1)
    fig, ax = plt.subplots()
    assert plot_backprop_graph(ax, g) is ax
    texts = [t.get_text() for t in ax.texts]
    assert any("0.00144" in t for t in texts) and not any("?" in t for t in texts)
    plt.close(fig)
    fig, ax = plt.subplots()
    drawing = GraphDrawing(ax, g, step=2)
    assert "?" in drawing.grad_texts["h"].get_text()
    assert drawing.update(g, 3) == ("E", "y_hat", "h")
    assert "0.226" in drawing.grad_texts["h"].get_text()
    with pytest.raises(ValueError):
        drawing.update(g, 9)
    plt.close(fig)


def test_graph_demo_steps_without_warnings():
    pytest.importorskip("ipywidgets")
    from mlp.widgets import BackpropGraphDemo

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        demo = BackpropGraphDemo()
        assert demo.status.startswith("Step 8: grad of W11(1)")
        for step in range(0, len(BACKWARD_ORDER) + 1):
            assert demo.update(step=step).startswith(f"Step {step}")
        demo.update(step=4, x1=0.0, x2=-2.0, y=0)
        assert "σ(h1)" in demo.status
        demo.render()
        demo.widget()
