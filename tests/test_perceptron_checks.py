"""Chapter 1's concept questions: each checker's right answer is what mlp computes."""

import numpy as np

import mlp
from mlp import checks


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
