"""Chapter 0 (numpy for this course): the shape diagram of a matrix product and the
chapter's checks (the generic checker tests in test_checks_core.py cover the rest)."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import mlp  # noqa: E402
from mlp import checks, plotting  # noqa: E402
from mlp.checks import numpy_basics as nb  # noqa: E402


@pytest.fixture
def ax():
    fig, ax = plt.subplots()
    yield ax
    plt.close(fig)


def texts(ax):
    return [t.get_text() for t in ax.texts]  # annotations included


def test_matmul_shapes_draws_every_cell_and_the_shapes(ax):
    assert plotting.plot_matmul_shapes(ax, 4, 3, 2, row=1, col=0) is ax
    cells = 4 * 3 + 3 * 2 + 4 * 2
    assert sum(len(c.get_paths()) for c in ax.collections) == cells
    assert len(ax.patches) == 3  # one frame per matrix
    shown = texts(ax)
    assert {"(4, 3)", "(3, 2)", "(4, 2)"} <= set(shown)
    assert any("gives the one entry" in t and "[1, 0]" in t for t in shown)


def test_matmul_shapes_names_m_and_writes_the_numbers(ax):
    Xb = mlp.add_bias(nb.X)
    plotting.plot_matmul_shapes(ax, 4, 3, 2, row=1, col=0, X=Xb, W=nb.W1, m_name="m")
    shown = texts(ax)
    assert {"(m, 3)", "(3, 2)", "(m, 2)"} <= set(shown)
    assert "31" in shown and "-25" not in shown  # H[1, 0] = 5*7 - 2*6 + 8
    assert (Xb @ nb.W1)[1, 0] == 31


@pytest.mark.parametrize("args, kwargs, words", [
    ((0, 3, 2), {}, "m must be a positive int"),
    ((4, 2.5, 2), {}, "n must be a positive int"),
    ((4, 3, 2), {"row": 4}, "row must be in 0..3"),
    ((4, 3, 2), {"col": -1}, "col in 0..1"),
    ((4, 3, 2), {"names": ("X", "W")}, "three names"),
    ((4, 3, 2), {"X": np.ones((4, 3))}, "both X and W"),
    ((4, 3, 2), {"X": np.ones((4, 3)), "W": np.ones((2, 2))}, r"W \(3, 2\)"),
])
def test_matmul_shapes_refuses_bad_input(ax, args, kwargs, words):
    with pytest.raises(ValueError, match=words):
        plotting.plot_matmul_shapes(ax, *args, **kwargs)


def test_chapter_constants_are_the_slides():
    # W(1) of the slides' 2-2-1 network: 5x1 - 2x2 + 8 and 7x1 - 3x2 - 1
    assert nb.W1.tolist() == [[5, 7], [-2, -3], [8, -1]]
    assert (mlp.add_bias(nb.X[:1]) @ nb.W1).tolist() == [[7, -3]]


def test_answers_written_as_a_student_would_pass(capsys):
    X = nb.X

    def add_ones(X):
        return np.hstack([X, np.ones((X.shape[0], 1))])

    def accuracy(predicted, y):
        return np.mean(predicted == y)

    results = [
        checks.x1_column(X[:, 0]), checks.second_student(X[1, :]),
        checks.add_ones(add_ones), checks.all_scores(nb.X_NEW @ nb.W1[:2] + nb.W1[2]),
        checks.accuracy(accuracy), checks.predict_product_shape(" A "),
        checks.predict_broadcast("a"), checks.predict_mean_of_booleans(3 / 4),
    ]
    out = capsys.readouterr().out.splitlines()
    assert all(results) and len(out) == len(results)


def test_typical_wrong_answers_are_named(capsys):
    assert not checks.x1_column(nb.X[0])
    assert "first row" in capsys.readouterr().out
    assert not checks.predict_mean_of_booleans(3)
    assert "the sum" in capsys.readouterr().out
    assert not checks.predict_product_shape("(4, 2)")
    assert "not one of the choices" in capsys.readouterr().out


def test_shapes_demo_updates_without_warnings():
    pytest.importorskip("ipywidgets")
    import warnings

    from mlp.widgets import ShapesDemo

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        demo = ShapesDemo()
        assert demo.status.startswith("(6, 3) @ (3, 3) -> (6, 3)")
        demo.render()
        assert demo.update(m=1, n=6, k=5).startswith("(1, 6) @ (6, 5) -> (1, 5)")
        demo.render()
        assert "(1, 5)" in texts(demo.ax)
        demo.widget()
    with pytest.raises(ValueError, match="no setting"):
        ShapesDemo(p=2)
