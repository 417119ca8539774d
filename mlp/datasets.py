"""Small two-dimensional data sets, generated from a seed (nothing is downloaded).

Every generator returns ``(X, y)``: ``X`` of shape (m, 2), one example per row, and
``y`` of shape (m,) with integer labels (0/1, or class ids 0..k-1).
"""

from __future__ import annotations

import numpy as np

from ._validation import as_rng, check_integer, check_number, check_positive_int

__all__ = ["admissions", "xor", "moons", "circles", "spirals", "three_class",
           "DATASETS", "split", "best_line"]


def _noise(value, name="noise"):
    return check_number(value, name, low=0)


def admissions(m=100, rng=0, boundary="linear", flip=0.05):
    """Students' test score and grades (both 0 to 10), and whether each was accepted.

    Parameters
    ----------
    m : int, number of students
    rng : numpy Generator or int seed
    boundary : {"linear", "curved"}
        ``"linear"``: accepted when ``x1 + x2 > 10`` (chapter 1's line
        ``w1 x1 + w2 x2 + b = 0`` can separate it). ``"curved"``: accepted inside a
        circle of radius 8 around the top-right corner (10, 10), a boundary no line
        follows (chapter 2, Non-Linear Regions).
    flip : float in [0, 0.5), the fraction of labels flipped at random (the unlucky
        and the lucky), so that no model is perfect.

    Returns
    -------
    X : array (m, 2), columns test score x1 and grades x2
    y : int array (m,), 1 = accepted

    Examples
    --------
    >>> X, y = admissions(5, rng=0)
    >>> X.shape, y.shape
    ((5, 2), (5,))
    """
    m = check_positive_int(m, "m")
    rng = as_rng(rng)
    flip = _noise(flip, "flip")
    if flip >= 0.5:
        raise ValueError(f"flip must be below 0.5, got {flip}")
    X = rng.uniform(0.0, 10.0, size=(m, 2))
    if boundary == "linear":
        y = X[:, 0] + X[:, 1] > 10.0
    elif boundary == "curved":
        y = np.sum((X - 10.0) ** 2, axis=1) < 8.0**2
    else:
        raise ValueError(f"boundary must be 'linear' or 'curved', got {boundary!r}")
    flipped = rng.random(m) < flip
    return X, (y ^ flipped).astype(int)


def xor(m=200, rng=0, noise=0.0):
    """The XOR pattern: label 1 where x1 and x2 have different signs.

    Points are uniform in [-1, 1]^2, kept at least 0.05 from either axis, then moved by
    Gaussian ``noise``. No single line separates the classes (chapter 2).

    Examples
    --------
    >>> X, y = xor(4, rng=0)
    >>> X.shape
    (4, 2)
    """
    m = check_positive_int(m, "m")
    rng = as_rng(rng)
    noise = _noise(noise)
    X = rng.uniform(0.05, 1.0, size=(m, 2)) * rng.choice([-1.0, 1.0], size=(m, 2))
    y = (X[:, 0] * X[:, 1] < 0).astype(int)
    return X + rng.normal(0.0, noise, size=X.shape), y


def moons(m=200, rng=0, noise=0.1):
    """Two interleaving half circles (as scikit-learn's ``make_moons``).

    Examples
    --------
    >>> X, y = moons(10, rng=0)
    >>> int(y.sum())
    5
    """
    m = check_positive_int(m, "m")
    rng = as_rng(rng)
    noise = _noise(noise)
    m0 = m // 2 + m % 2
    m1 = m // 2
    t0 = np.linspace(0, np.pi, m0)
    t1 = np.linspace(0, np.pi, m1)
    X = np.vstack(
        [
            np.column_stack([np.cos(t0), np.sin(t0)]),
            np.column_stack([1 - np.cos(t1), 0.5 - np.sin(t1)]),
        ]
    )
    y = np.concatenate([np.zeros(m0, int), np.ones(m1, int)])
    X = X + rng.normal(0.0, noise, size=X.shape)
    perm = rng.permutation(m)
    return X[perm], y[perm]


def circles(m=200, rng=0, noise=0.05, factor=0.5):
    """A small circle (label 1) inside a large one (label 0).

    ``factor`` is the inner radius relative to the outer radius 1.

    Examples
    --------
    >>> X, y = circles(10, rng=0)
    >>> X.shape
    (10, 2)
    """
    m = check_positive_int(m, "m")
    rng = as_rng(rng)
    noise = _noise(noise)
    if not 0 < factor < 1:
        raise ValueError(f"factor must be between 0 and 1, got {factor}")
    y = np.arange(m) % 2
    t = rng.uniform(0, 2 * np.pi, m)
    r = np.where(y == 1, factor, 1.0)
    X = np.column_stack([r * np.cos(t), r * np.sin(t)])
    X = X + rng.normal(0.0, noise, size=X.shape)
    perm = rng.permutation(m)
    return X[perm], y[perm]


def spirals(m=300, rng=0, classes=2, noise=0.2, turns=1.0):
    """Interleaved spiral arms, one per class: hard for a line, easy for a network.

    Examples
    --------
    >>> X, y = spirals(30, rng=0, classes=3)
    >>> sorted(set(y.tolist()))
    [0, 1, 2]
    """
    m = check_positive_int(m, "m")
    rng = as_rng(rng)
    classes = check_integer(classes, "classes", low=2)
    noise = _noise(noise)
    y = np.arange(m) % classes
    r = rng.uniform(0.05, 1.0, m)
    t = y * 2 * np.pi / classes + r * turns * 2 * np.pi + rng.normal(0, noise, m) * r
    X = np.column_stack([r * np.sin(t), r * np.cos(t)])
    perm = rng.permutation(m)
    return X[perm], y[perm]


def three_class(m=300, rng=0, noise=0.6):
    """Three classes (0 CAT, 1 DOG, 2 BIRD) in Gaussian clusters around a triangle.

    Examples
    --------
    >>> X, y = three_class(9, rng=0)
    >>> np.bincount(y).tolist()
    [3, 3, 3]
    """
    m = check_positive_int(m, "m")
    rng = as_rng(rng)
    noise = _noise(noise)
    y = np.arange(m) % 3
    angles = np.pi / 2 + 2 * np.pi * np.arange(3) / 3
    centres = 2.0 * np.column_stack([np.cos(angles), np.sin(angles)])
    X = centres[y] + rng.normal(0.0, noise, size=(m, 2))
    perm = rng.permutation(m)
    return X[perm], y[perm]


#: The generators by name, for menus in the widgets and the playground.
DATASETS = {
    "admissions": admissions,
    "xor": xor,
    "moons": moons,
    "circles": circles,
    "spirals": spirals,
    "three_class": three_class,
}


def split(X, y, fractions=(0.8, 0.2), rng=0):
    """Shuffle the examples once (seeded) and cut them into parts of the given sizes.

    Parameters
    ----------
    X : array of shape (m, n), one example per row
    y : array of shape (m,), the labels, cut like the rows of X
    fractions : the parts' shares of the m examples, e.g. ``(0.8, 0.2)`` for a training
        and a test set, ``(0.6, 0.2, 0.2)`` for training, validation and test; each
        > 0, summing to 1. Every part gets ``round(fraction * m)`` examples (at least
        one), the last part what is left.
    rng : seed or numpy Generator of the shuffle

    Returns
    -------
    ``(X_1, y_1), (X_2, y_2), ...``: one pair per part, in the order of ``fractions``.
    Every example lands in exactly one part.

    Examples
    --------
    >>> X, y = xor(200, rng=0)
    >>> (X_train, y_train), (X_test, y_test) = split(X, y, (0.75, 0.25), rng=0)
    >>> X_train.shape, X_test.shape
    ((150, 2), (50, 2))
    """
    X, y = np.asarray(X), np.asarray(y)
    if X.ndim != 2 or y.ndim != 1 or len(X) != len(y):
        raise ValueError(f"split expects X of shape (m, n) and y of shape (m,), got X "
                         f"{X.shape} and y {y.shape}")
    try:
        shares = np.asarray(fractions, dtype=float)
    except (TypeError, ValueError):
        shares = np.array([np.nan])
    if (shares.ndim != 1 or len(shares) < 2 or not np.all(np.isfinite(shares))
            or np.any(shares <= 0) or abs(shares.sum() - 1) > 1e-9):
        raise ValueError(f"fractions must be two or more shares > 0 that sum to 1, got "
                         f"{fractions}")
    m = len(y)
    sizes = [max(1, int(round(f * m))) for f in shares[:-1]]
    if sum(sizes) >= m:
        raise ValueError(f"{m} examples are too few to cut into {len(shares)} parts "
                         f"of shares {tuple(fractions)}")
    order = as_rng(rng).permutation(m)
    parts = np.split(order, np.cumsum(sizes))
    return tuple((X[part], y[part]) for part in parts)


def best_line(X, y):
    """The line that classifies the most examples of a 2-D data set correctly.

    The same function as :func:`mlp.plotting.best_line`, which lives with the other
    tools for lines and regions; chapters 2 and 4 call it by this name.
    """
    from .plotting.regions import best_line as exact_best_line

    return exact_best_line(X, y)



def digits():
    """The UCI handwritten digits: 1797 images of 8x8 pixels, the digits 0 to 9.

    Returns
    -------
    X : float array of shape (1797, 64)
        One image per row, its 8 rows of 8 pixels one after the other (``X[i]
        .reshape(8, 8)`` is the picture); each pixel is an ink count from 0 (white)
        to 16 (black).
    y : int array of shape (1797,), the digit shown, 0 to 9 (174 to 183 of each).

    Notes
    -----
    Source: "Optical Recognition of Handwritten Digits", E. Alpaydin and C. Kaynak
    (1998), UCI Machine Learning Repository,
    https://archive.ics.uci.edu/ml/datasets/Optical+Recognition+of+Handwritten+Digits,
    licensed CC BY 4.0. Each image is a 32x32 bitmap of a form filled in by hand,
    cut into 4x4 blocks whose black pixels were counted. These 1797 images are the
    repository's test set (written by 13 people), the copy scikit-learn ships as
    ``load_digits``.

    The file ``mlp/data/digits.npz`` (45 KB, shipped with the package, nothing is
    downloaded) was made once with scikit-learn 1.9.1::

        d = sklearn.datasets.load_digits()
        np.savez_compressed("mlp/data/digits.npz", images=d.data.astype(np.uint8),
                            labels=d.target.astype(np.uint8))

    The pixels are whole numbers from 0 to 16, so uint8 keeps them exactly.
    Chapter 14 (the capstone) trains a network on them.

    Examples
    --------
    >>> X, y = digits()
    >>> X.shape, y.shape, int(X.max()), sorted(set(y.tolist())) == list(range(10))
    ((1797, 64), (1797,), 16, True)
    """
    from importlib import resources

    with resources.files(__package__).joinpath("data", "digits.npz").open("rb") as f:
        with np.load(f) as data:
            return data["images"].astype(float), data["labels"].astype(int)


__all__.append("digits")


# -- input features (the playground's extra inputs) ---------------------------------


def _x1_squared(X):
    return X[:, 0] ** 2


def _x2_squared(X):
    return X[:, 1] ** 2


def _x1_times_x2(X):
    return X[:, 0] * X[:, 1]


def _sin_x1(X):
    return np.sin(X[:, 0])


def _sin_x2(X):
    return np.sin(X[:, 1])


#: The input features that can be added beside x1 and x2, by name, each a function of
#: the (m, 2) array X returning one column (m,). The playground offers them as in
#: TensorFlow Playground.
FEATURES = {
    "x1^2": _x1_squared,
    "x2^2": _x2_squared,
    "x1*x2": _x1_times_x2,
    "sin(x1)": _sin_x1,
    "sin(x2)": _sin_x2,
}


def _check_extra(extra):
    if isinstance(extra, str):
        raise TypeError("extra must be a list of feature names such as ['x1^2', 'x2^2'], "
                        f"not the string {extra!r}")
    extra = list(extra)
    for name in extra:
        if name not in FEATURES:
            raise ValueError(f"unknown feature {name!r}: the features are "
                             f"{list(FEATURES)}")
    if len(set(extra)) != len(extra):
        raise ValueError(f"each feature may be given once, got {extra}")
    return extra


def features(X, extra=()):
    r"""The inputs x1, x2 and extra input features computed from them, as columns.

    Parameters
    ----------
    X : array of shape (m, 2), the points (x1, x2)
    extra : list of names from ``FEATURES``: "x1^2", "x2^2", "x1*x2", "sin(x1)",
        "sin(x2)", each at most once

    Returns
    -------
    array of shape (m, 2 + len(extra)): the columns x1, x2, then the extra features in
    the order given (``feature_names(extra)`` names them). A network trained on it
    has ``2 + len(extra)`` inputs.

    Notes
    -----
    A network without hidden layer computes
    :math:`\hat y = \sigma(w_1 x_1 + w_2 x_2 + w_3 x_1^2 + w_4 x_2^2 + b)`: its
    boundary :math:`w_1 x_1 + w_2 x_2 + w_3 x_1^2 + w_4 x_2^2 + b = 0` is a line in
    the space of the features but, with the squares, a circle or an ellipse in the
    plane of :math:`(x_1, x_2)`.

    Examples
    --------
    >>> X = np.array([[1.0, 2.0], [3.0, -1.0]])
    >>> features(X, ["x1^2", "x1*x2"])
    array([[ 1.,  2.,  1.,  2.],
           [ 3., -1.,  9., -3.]])
    """
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"features needs points X of shape (m, 2), got {X.shape}")
    extra = _check_extra(extra)
    return np.column_stack([X] + [FEATURES[name](X) for name in extra])


def feature_names(extra=()):
    """The names of the columns of ``features(X, extra)``: ``["x1", "x2", *extra]``.

    >>> feature_names(["sin(x1)"])
    ['x1', 'x2', 'sin(x1)']
    """
    return ["x1", "x2", *_check_extra(extra)]


__all__ += ["FEATURES", "features", "feature_names"]
