"""The code printer: the ``mlp`` code that reproduces a playground's run."""

from __future__ import annotations

__all__ = ["reproducing_code"]


def reproducing_code(pg):
    """The ``mlp`` code that reproduces the run of the playground ``pg``, as a string
    (:meth:`Playground.code`): the data, the split, the features, the weights from the
    seed, one call of ``mlp.train`` per learning rate and batch size used, and the
    errors and accuracies the playground shows."""
    v = pg.values
    extra = list(v["features"])
    data = ", ".join(["rng=0"] + [f"{k}={val!r}" for k, val in
                                  pg.data_arguments().items()])
    train_share, test_share = pg.shares
    act = v["activation"]
    lines = [
        "import numpy as np",
        "import mlp",
        "from mlp import datasets",
        "",
        f"X, y = datasets.{v['dataset']}({data})",
        "(X_train, y_train), (X_test, y_test) = datasets.split(",
        f"    X, y, ({train_share!r}, {test_share!r}), rng=0)",
    ]
    if extra:
        lines += [f"X_train = datasets.features(X_train, {extra!r})",
                  f"X_test = datasets.features(X_test, {extra!r})"]
    lines += [
        f"rng = np.random.default_rng({v['seed']})  # the weights, then the "
        "shuffles",
        f"W = mlp.init_weights({pg.sizes!r}, rng=rng)",
    ]
    for alpha, batch_size, epochs in pg.segments:
        batch = "" if batch_size is None else f" batch_size={batch_size},"
        lines += [f"W, history = mlp.train(W, X_train, y_train, alpha={alpha!r}, "
                  f"epochs={epochs},{batch}",
                  f"                       activation={act!r}, rng=rng)"]
    error = "cross_entropy" if pg.n_classes == 2 else "multiclass_cross_entropy"
    lines += [
        "",
        f"E_train = mlp.{error}(y_train, mlp.feedforward(W, X_train, {act!r}))",
        f"E_test = mlp.{error}(y_test, mlp.feedforward(W, X_test, {act!r}))",
        f"acc_train = mlp.accuracy(W, X_train, y_train, {act!r})",
        f"acc_test = mlp.accuracy(W, X_test, y_test, {act!r})",
        'print(f"training error E = {E_train:.3f}, test error E = {E_test:.3f}")',
        'print(f"training accuracy {acc_train:.0%}, test accuracy {acc_test:.0%}")',
    ]
    return "\n".join(lines) + "\n"
