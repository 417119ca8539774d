import numpy as np
import pytest

from mlp import datasets


@pytest.mark.parametrize("name", sorted(datasets.DATASETS))
def test_shapes_labels_and_seeds(name):
    gen = datasets.DATASETS[name]
    X, y = gen(90, rng=4)
    assert X.shape == (90, 2) and y.shape == (90,)
    assert np.issubdtype(y.dtype, np.integer)
    assert np.all(np.isfinite(X))
    X2, y2 = gen(90, rng=4)
    np.testing.assert_array_equal(X, X2)
    np.testing.assert_array_equal(y, y2)
    X3, _ = gen(90, rng=5)
    assert not np.array_equal(X, X3)


def test_admissions_boundaries():
    X, y = datasets.admissions(500, rng=0, flip=0.0)
    np.testing.assert_array_equal(y, (X.sum(axis=1) > 10).astype(int))
    Xc, yc = datasets.admissions(500, rng=0, boundary="curved", flip=0.0)
    np.testing.assert_array_equal(yc, (np.sum((Xc - 10) ** 2, axis=1) < 64).astype(int))
    assert X.min() >= 0 and X.max() <= 10


def test_three_classes_balanced():
    _, y = datasets.three_class(300, rng=0)
    assert np.bincount(y).tolist() == [100, 100, 100]
    _, ys = datasets.spirals(300, rng=0, classes=3)
    assert sorted(set(ys.tolist())) == [0, 1, 2]
