"""The checks of chapters 7-9 accept the reference, name each typical mistake, and
survive None, exceptions, NaN and wrong shapes."""

import numpy as np
import pytest

import mlp
from mlp import checks
from mlp.checks import feedforward as fc


def run(check, answer, capsys):
    result = check(answer)
    out = capsys.readouterr().out
    assert out.count("\n") == 1, f"a check prints exactly one line, got {out!r}"
    return result, out


# -- reference answers, written as a student would -------------------------------------


def feedforward_ok(weights, X):
    a = X
    for W in weights:
        a = mlp.sigmoid(mlp.add_bias(a) @ W)
    return a


def cross_entropy_ok(y, y_hat):
    m = len(y)
    return -1 / m * np.sum(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))


def gradient_ok(W, X, y):
    Xb = mlp.add_bias(X)
    y_hat = mlp.sigmoid(Xb @ W)
    return Xb.T @ (y_hat - y.reshape(-1, 1)) / len(y)


def test_references_pass(capsys):
    for check, answer in [
        (checks.feedforward_fn, feedforward_ok),
        (checks.cross_entropy, cross_entropy_ok),
        (checks.perceptron_gradient, gradient_ok),
    ]:
        result, out = run(check, answer, capsys)
        assert result.passed, out
        assert out.startswith("\u2714")


def test_reference_functions_agree_with_mlp():
    for weights, X in fc._feedforward_inputs():
        np.testing.assert_allclose(fc._forward(weights, X),
                                   mlp.feedforward(weights, X))
    for y, y_hat in fc._ce_inputs():
        assert np.isclose(fc._ce(y, y_hat), mlp.cross_entropy(y, y_hat))
    for W, X, y in fc._gradient_inputs():
        np.testing.assert_allclose(fc._grad(W, X, y), mlp.backprop([W], X, y)[0])


def test_value_checks_accept_the_right_numbers(capsys):
    x = np.array([fc.X_BY_HAND])
    y_hat = mlp.feedforward([fc.W1_EXAMPLE, fc.W2_EXAMPLE], x)
    assert run(checks.y_hat_by_hand, float(y_hat[0, 0]), capsys)[0].passed
    assert run(checks.y_hat_by_hand, y_hat, capsys)[0].passed  # (1, 1) is fine
    assert run(checks.y_hat_by_hand, round(float(y_hat[0, 0]), 4), capsys)[0].passed
    E = mlp.cross_entropy(fc.Y_ERROR,
                          mlp.feedforward([fc.W1_EXAMPLE, fc.W2_EXAMPLE], fc.X_ERROR))
    assert run(checks.network_error, E, capsys)[0].passed
    W = fc.STEP_W.reshape(3, 1)
    X, y = fc.STEP_X.reshape(1, 2), np.array([fc.STEP_Y])
    new = mlp.gradient_descent_step([W], mlp.backprop([W], X, y), fc.STEP_ALPHA)[0]
    for answer in (new, new.ravel(), list(new.ravel()), new.T):
        result, out = run(checks.descent_step, answer, capsys)
        assert result.passed, out


# -- typical mistakes, each with its own message ---------------------------------------


def ff_no_bias(weights, X):
    a = X
    for W in weights:
        a = mlp.sigmoid(a @ W[:-1])
    return a


def ff_no_output_sigmoid(weights, X):
    a = X
    for k, W in enumerate(weights):
        h = mlp.add_bias(a) @ W
        a = h if k == len(weights) - 1 else mlp.sigmoid(h)
    return a


def ff_transposed(weights, X):  # h1 = W11 x1 + W12 x2 + W31: reads W along the rows
    a = X
    for W in weights:
        Wx = W[:-1].T if W.shape[0] - 1 == W.shape[1] else W[:-1]
        a = mlp.sigmoid(a @ Wx + W[-1])
    return a


def ff_output_transposed(weights, X):
    return feedforward_ok(weights, X).T


def ff_slide_order(weights, X):  # W @ x, as the slide writes it: shapes do not fit
    a = X
    for W in weights:
        a = mlp.sigmoid(W @ mlp.add_bias(a))
    return a


def ff_forgot_add_bias(weights, X):
    a = X
    for W in weights:
        a = mlp.sigmoid(a @ W)
    return a


@pytest.mark.parametrize("answer, words", [
    (ff_no_bias, "biases are missing"),
    (ff_no_output_sigmoid, "output sigmoid is missing"),
    (ff_transposed, "weight matrix is transposed"),
    (ff_output_transposed, "result is transposed"),
    (ff_slide_order, "write W @ x"),
    (ff_forgot_add_bias, "append the 1"),
])
def test_feedforward_mistakes(answer, words, capsys):
    result, out = run(checks.feedforward_fn, answer, capsys)
    assert not result.passed
    assert words in out, out


def ce_sum(y, p):
    return -np.sum(y * np.log(p) + (1 - y) * np.log(1 - p))


def ce_slide_literal(y, p):  # -1/m sum y ln p  +  sum (1 - y) ln(1 - p)
    return -1 / len(y) * np.sum(y * np.log(p)) + np.sum((1 - y) * np.log(1 - p))


def ce_slide_numpy(y, p):  # the slide typed into numpy: an array, not a number
    return -1 / len(y) * np.sum(y * np.log(p)) + (1 - y) * np.log(1 - p)


def ce_sign(y, p):
    return np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))


def ce_log10(y, p):
    return -np.mean(y * np.log10(p) + (1 - y) * np.log10(1 - p))


@pytest.mark.parametrize("answer, words", [
    (ce_sum, "that is the sum"),
    (ce_slide_literal, "brackets are missing"),
    (ce_slide_numpy, "brackets are missing"),
    (ce_sign, "sign is wrong"),
    (ce_log10, "log10"),
])
def test_cross_entropy_mistakes(answer, words, capsys):
    result, out = run(checks.cross_entropy, answer, capsys)
    assert not result.passed
    assert words in out, out


def test_value_mistakes(capsys):
    W = [fc.W1_EXAMPLE, fc.W2_EXAMPLE]
    x = np.array([fc.X_BY_HAND])
    h = float((mlp.add_bias(mlp.sigmoid(mlp.add_bias(x) @ W[0])) @ W[1])[0, 0])
    result, out = run(checks.y_hat_by_hand, h, capsys)
    assert not result.passed and "one more sigmoid" in out
    result, out = run(checks.y_hat_by_hand, fc._forward(W, x, transpose=True), capsys)
    assert "first COLUMN" in out
    y_hat = mlp.feedforward(W, fc.X_ERROR)[:, 0]
    result, out = run(checks.network_error, ce_sum(fc.Y_ERROR, y_hat), capsys)
    assert "that is the sum" in out
    result, out = run(checks.network_error, ce_slide_literal(fc.Y_ERROR, y_hat),
                      capsys)
    assert "brackets" in out


def test_descent_step_mistakes(capsys):
    w, x, y, alpha = fc.STEP_W, fc.STEP_X, fc.STEP_Y, fc.STEP_ALPHA
    y_hat = mlp.sigmoid(w @ np.append(x, 1.0))
    grad = (y_hat - y) * np.append(x, 1.0)
    for answer, words in [
        (w + alpha * grad, "wrong way"),
        (w - grad, "learning rate is missing"),
        (w - alpha * (y_hat - y), "multiply by x1, x2"),
    ]:
        result, out = run(checks.descent_step, answer, capsys)
        assert not result.passed and words in out, out


@pytest.mark.parametrize("answer, words", [
    (lambda W, X, y: gradient_ok(W, X, y) * len(y), "divide by m"),
    (lambda W, X, y: -gradient_ok(W, X, y), "sign is wrong"),
    (lambda W, X, y: gradient_ok(W, X, y)[:-1], "bias row is missing"),
    (lambda W, X, y: gradient_ok(W, X, y).T, "transposed"),
])
def test_gradient_mistakes(answer, words, capsys):
    result, out = run(checks.perceptron_gradient, answer, capsys)
    assert not result.passed
    assert words in out, out


# -- robustness: never raise on a wrong answer -----------------------------------------

FUNCTION_CHECKS = [checks.feedforward_fn, checks.cross_entropy,
                   checks.perceptron_gradient]
VALUE_CHECKS = [checks.y_hat_by_hand, checks.network_error, checks.descent_step]


@pytest.mark.parametrize("check", FUNCTION_CHECKS + VALUE_CHECKS)
def test_stubs_are_todo(check, capsys):
    for stub in (None, ...):
        result, out = run(check, stub, capsys)
        assert result.status == "todo", out


def raises(*args):
    raise RuntimeError("boom")


def not_implemented(*args):
    raise NotImplementedError


def returns_none(*args):
    return None


def returns_nan(*args):
    return np.full((1, 1), np.nan)


def returns_text(*args):
    return "y_hat"


@pytest.mark.parametrize("check", FUNCTION_CHECKS)
@pytest.mark.parametrize("answer, status", [
    (raises, "fail"),
    (not_implemented, "todo"),
    (returns_none, "fail"),
    (returns_nan, "fail"),
    (returns_text, "fail"),
    (42, "fail"),
])
def test_function_checks_survive_anything(check, answer, status, capsys):
    result, out = run(check, answer, capsys)
    assert result.status == status, out


@pytest.mark.parametrize("check", VALUE_CHECKS)
@pytest.mark.parametrize("answer", [float("nan"), "0.3", np.ones((2, 2)), -7.0,
                                    [1.0, "a"]])
def test_value_checks_survive_anything(check, answer, capsys):
    result, out = run(check, answer, capsys)
    assert result.status == "fail", out


def test_the_student_input_is_not_changed(capsys):
    def mutating(weights, X):
        weights[0][:] = 0.0
        X[:] = 0.0
        return feedforward_ok(weights, X)

    W1 = fc.W1_EXAMPLE.copy()
    run(checks.feedforward_fn, mutating, capsys)
    np.testing.assert_array_equal(fc.W1_EXAMPLE, W1)
