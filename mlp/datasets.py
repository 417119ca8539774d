"""Small two-dimensional data sets, generated from a seed (nothing is downloaded).

Every generator returns ``(X, y)``: ``X`` of shape (m, 2), one example per row, and
``y`` of shape (m,) with integer labels (0/1, or class ids 0..k-1).
"""

from __future__ import annotations

import numpy as np

from ._validation import as_rng, check_positive_int

__all__ = ["admissions", "xor", "moons", "circles", "spirals", "three_class", "DATASETS"]


def _noise(value, name="noise"):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{name} must be a number >= 0, got {type(value).__name__}")
    if not np.isfinite(value) or value < 0:
        raise ValueError(f"{name} must be a number >= 0, got {value}")
    return float(value)


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
    classes = check_positive_int(classes, "classes")
    if classes < 2:
        raise ValueError(f"classes must be at least 2, got {classes}")
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
