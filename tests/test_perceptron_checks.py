"""Chapters 1-2 (mlp.checks.perceptron): each concept question's right answer is what
mlp computes, and the curved line's goal is between the default and the best line."""

import numpy as np

import mlp
from mlp import checks, datasets
from mlp.checks import perceptron as pchecks


def test_sigma_zero_answer_is_sigmoid_of_zero(capsys):
    assert checks.predict_sigma_zero(float(mlp.sigmoid(0.0)))
    assert not checks.predict_sigma_zero(1.0)
    assert capsys.readouterr().out.count("\n") == 2


def test_side_answer_is_the_sign_of_the_score(capsys):
    score = 1.0 * 9 + 1.0 * 2 - 10.0
    assert score > 0 and checks.predict_side("accepted")
    assert not checks.predict_side("rejected")
    out = capsys.readouterr().out
    assert "9 + 2 - 10 = 1" in out


def test_doubling_answer_keeps_the_line_and_sharpens(capsys):
    X, _ = mlp.datasets.admissions(100, rng=0)
    W = np.array([[1.0], [1.0], [-10.0]])
    p = mlp.feedforward([W], X)[:, 0]
    p2 = mlp.feedforward([2 * W], X)[:, 0]
    assert np.array_equal(p >= 0.5, p2 >= 0.5)
    assert np.all(np.abs(p2 - 0.5) >= np.abs(p - 0.5))
    assert checks.predict_doubling("b") and not checks.predict_doubling("a")
    capsys.readouterr()


def test_longer_training_answer_is_what_training_does(capsys):
    X, y = mlp.datasets.admissions(200, rng=0, boundary="curved", flip=0.0)
    X_std, _, _ = mlp.scaling.standardize(X)
    W, h = mlp.train(mlp.init_weights([2, 1], rng=0), X_std, y, alpha=5.0, epochs=300)
    _, h2 = mlp.train(W, X_std, y, alpha=5.0, epochs=300)
    assert h2["accuracy"][-1] == h["accuracy"][-1] == 0.88
    assert checks.predict_longer_training("c")
    capsys.readouterr()


def test_curved_line_goal_lies_above_the_default_line_and_below_the_best():
    X, y = pchecks.curved_data()
    default = np.mean(((X[:, 0] + X[:, 1] - 10) >= 0) == y)
    assert default == 0.875 < pchecks.CURVED_LINE_GOAL <= pchecks.BEST_LINE_CURVED
    assert checks.curved_line(7, 9, -81, quiet=True)  # the solution: 90.5%, the best
    assert np.mean(((7 * X[:, 0] + 9 * X[:, 1] - 81) >= 0) == y) == 0.905


def test_xor_corners_answer_is_what_the_best_line_does():
    X = np.array([[1.0, 1.0], [-1.0, -1.0], [1.0, -1.0], [-1.0, 1.0]])
    _, acc = datasets.best_line(X, np.array([0, 0, 1, 1]))
    assert 4 * acc == 3
    assert checks.predict_xor_corners(3)
