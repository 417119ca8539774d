import numpy as np
import pytest

import mlp
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


def test_split_cuts_every_example_into_exactly_one_part():
    X, y = datasets.xor(200, rng=0)
    parts = datasets.split(X, y, (0.6, 0.2, 0.2), rng=3)
    assert [len(p[1]) for p in parts] == [120, 40, 40]
    rows = np.concatenate([p[0] for p in parts])
    assert len(np.unique(rows, axis=0)) == 200       # no example in two parts, none lost
    for Xp, yp in parts:                             # each row keeps its label
        for row, label in zip(Xp, yp):
            assert label == y[np.flatnonzero((X == row).all(axis=1))[0]]
    again = datasets.split(X, y, (0.6, 0.2, 0.2), rng=3)
    assert all(np.array_equal(a[0], b[0]) for a, b in zip(parts, again))   # seeded
    other = datasets.split(X, y, (0.6, 0.2, 0.2), rng=4)
    assert not np.array_equal(parts[0][0], other[0][0])


@pytest.mark.parametrize("fractions", [(1.0,), (0.5, 0.6), (0.0, 1.0), (0.5, np.nan),
                                       "ab", ((0.5,), (0.5,))])
def test_split_refuses_bad_fractions(fractions):
    X, y = datasets.xor(20, rng=0)
    with pytest.raises(ValueError, match="fractions"):
        datasets.split(X, y, fractions)


def test_split_refuses_mismatched_shapes_and_too_few_examples():
    X, y = datasets.xor(20, rng=0)
    with pytest.raises(ValueError, match="shape"):
        datasets.split(X, y[:-1])
    with pytest.raises(ValueError, match="too few"):
        datasets.split(X[:2], y[:2], (0.4, 0.3, 0.3))


# -- the UCI digits (chapter 14) -------------------------------------------------------


def test_digits_shapes_types_and_classes():
    X, y = datasets.digits()
    assert X.shape == (1797, 64) and X.dtype == float
    assert y.shape == (1797,) and y.dtype.kind == "i"
    assert X.min() == 0 and X.max() == 16 and np.all(X == np.round(X))
    assert np.array_equal(np.unique(y), np.arange(10))
    assert np.bincount(y).tolist() == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]
    X[0, 0] = 99.0  # a fresh copy each time: changing one changes nothing shared
    assert datasets.digits()[0][0, 0] == 0


def test_digits_are_scikit_learns_copy():
    sklearn_datasets = pytest.importorskip("sklearn.datasets")
    d = sklearn_datasets.load_digits()
    X, y = datasets.digits()
    assert np.array_equal(X, d.data) and np.array_equal(y, d.target)


def test_a_wheel_of_the_package_ships_the_digits(tmp_path):
    """A non-editable install (Colab's `pip install git+...`) gets the data file:
    build a wheel from a copy of the package and look inside."""
    import shutil
    import subprocess
    import sys
    import zipfile
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    source = tmp_path / "src"
    shutil.copytree(root / "mlp", source / "mlp",
                    ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(root / name, source / name)
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--quiet", "-w", str(tmp_path / "dist"), str(source)],
        capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    (wheel,) = (tmp_path / "dist").glob("*.whl")
    with zipfile.ZipFile(wheel) as zf:
        shipped = zf.read("mlp/data/digits.npz")
    assert shipped == (root / "mlp" / "data" / "digits.npz").read_bytes()


# -- input features ---------------------------------------------------------------


def test_features_shapes_names_and_values():
    X, _ = datasets.circles(50, rng=0)
    assert np.array_equal(datasets.features(X), X)
    extra = list(datasets.FEATURES)
    F = datasets.features(X, extra)
    assert F.shape == (50, 7)
    assert datasets.feature_names(extra) == ["x1", "x2", "x1^2", "x2^2", "x1*x2",
                                             "sin(x1)", "sin(x2)"]
    x1, x2 = X[:, 0], X[:, 1]
    expected = np.column_stack([x1, x2, x1**2, x2**2, x1 * x2, np.sin(x1),
                                np.sin(x2)])
    assert np.allclose(F, expected)
    # the order given is the order of the columns
    assert np.allclose(datasets.features(X, ["sin(x2)", "x1^2"])[:, 2:],
                       np.column_stack([np.sin(x2), x1**2]))


@pytest.mark.parametrize("extra, error, words", [
    (["x3^2"], ValueError, "unknown feature"),
    (["x1^2", "x1^2"], ValueError, "once"),
    ("x1^2", TypeError, "list of feature names"),
])
def test_features_refuse_bad_names(extra, error, words):
    X, _ = datasets.circles(10, rng=0)
    with pytest.raises(error, match=words):
        datasets.features(X, extra)
    with pytest.raises(error, match=words):
        datasets.feature_names(extra)


def test_features_need_points_in_the_plane():
    with pytest.raises(ValueError, match=r"\(m, 2\)"):
        datasets.features(np.ones((4, 3)), ["x1^2"])


def test_squared_features_let_a_network_without_hidden_layer_separate_the_circles():
    """x1^2 + x2^2 < r^2 is a line in the space of the squares: one output unit
    separates the circles with them, and cannot without them."""
    X, y = datasets.circles(200, rng=0)
    F = datasets.features(X, ["x1^2", "x2^2"])
    W, hist = mlp.train(mlp.init_weights([4, 1], rng=0), F, y, alpha=1.0, epochs=300)
    assert hist["accuracy"][-1] == 1.0
    w1, w2, w11, w22, b = W[0][:, 0]
    assert w11 < 0 and w22 < 0 and b > 0  # inside the circle: class 1
    radius = np.sqrt(b / -np.mean([w11, w22]))
    assert 0.5 < radius < 1.0  # between the inner (0.5) and the outer circle (1)
    _, plain = mlp.train(mlp.init_weights([2, 1], rng=0), X, y, alpha=1.0, epochs=300)
    assert plain["accuracy"][-1] < 0.65
