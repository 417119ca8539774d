"""The PyTorch listing of the What's next page trains like mlp.train.

The page runs its listing only where PyTorch and chapter 14's digits are installed;
this test runs it on a small data set of mlp's own wherever PyTorch is installed
(``pip install torch``), and skips otherwise: the course never needs PyTorch.
"""

from pathlib import Path

import nbformat
import numpy as np
import pytest

import mlp

PAGE = Path(__file__).resolve().parents[1] / "chapters" / "whats_next.ipynb"


def cell(cell_id):
    cells = nbformat.read(PAGE, as_version=4).cells
    return next(c for c in cells if c.get("id") == cell_id)


def test_the_listing_is_a_tagged_cell_of_the_page():
    listing = cell("torch-listing")
    assert "listing" in listing.metadata["tags"]
    for name in ("to_torch", "from_torch", "train_torch"):
        assert f"def {name}(" in listing.source


@pytest.fixture(scope="module")
def listing():
    torch = pytest.importorskip("torch")
    namespace = {"np": np, "torch": torch, "nn": torch.nn}
    exec(compile(cell("torch-listing").source, str(PAGE), "exec"), namespace)
    return namespace


def test_weights_go_to_pytorch_and_back_unchanged(listing):
    weights = mlp.init_weights([4, 5, 3], rng=0)
    weights[0][-1] = [0.1, -0.2, 0.3, 0.4, -0.5]  # a bias row that is not zero
    back = listing["from_torch"](listing["to_torch"](weights))
    assert [W.shape for W in back] == [(5, 5), (6, 3)]
    for W, B in zip(weights, back):
        np.testing.assert_array_equal(W, B)


def test_the_pytorch_model_computes_mlps_feedforward(listing):
    import torch

    X, _ = mlp.datasets.three_class(40, rng=1)
    weights = mlp.init_weights([2, 6, 3], rng=1)
    with torch.no_grad():
        scores = listing["to_torch"](weights)(torch.from_numpy(X))
        y_hat = torch.softmax(scores, dim=1).numpy()
    np.testing.assert_allclose(y_hat, mlp.feedforward(weights, X), atol=1e-14)


def test_train_torch_gives_the_weights_of_mlp_train(listing):
    X, y = mlp.datasets.three_class(90, rng=0)
    start = mlp.init_weights([2, 8, 3], rng=0)
    trained, _ = mlp.train(start, X, y, alpha=0.5, epochs=5, batch_size=16, rng=0)
    model = listing["train_torch"](listing["to_torch"](start), X, y, alpha=0.5,
                                   epochs=5, batch_size=16, rng=0)
    for W, B in zip(trained, listing["from_torch"](model)):
        np.testing.assert_allclose(B, W, rtol=0, atol=1e-12)
