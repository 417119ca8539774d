"""Training speed: mlp.train against its peers on the same task, in the same run.

Task (issue 8): two moons, 2000 points, a 2-32-32-1 network, tanh hidden layers,
sigmoid output, cross-entropy, plain minibatch SGD (batch 64, learning rate 0.1, no
momentum, no regularisation), 50 epochs, shuffled every epoch.

Chapter 14's task (``measure_capstone``): the UCI digits, a 64-32-10 sigmoid/softmax
network, batch 32, learning rate 0.5, 40 epochs; time per training run and test
accuracy, for mlp.train, the chapter's loop, scikit-learn and PyTorch.
"""

from __future__ import annotations

import time

import numpy as np

import mlp

M, SIZES, BATCH, ALPHA, EPOCHS, SEED = 2000, [2, 32, 32, 1], 64, 0.1, 50, 0


def task():
    X, y = mlp.datasets.moons(M, rng=SEED, noise=0.1)
    return X, y


def run_mlp(X, y, history="epoch"):
    weights = mlp.init_weights(SIZES, rng=SEED)
    weights, _ = mlp.train(weights, X, y, alpha=ALPHA, epochs=EPOCHS, batch_size=BATCH,
                           activation="tanh", rng=SEED, history=history)
    return mlp.accuracy(weights, X, y, activation="tanh")


def run_fused_numpy(X, y, history="epoch"):
    """The same algorithm written as one tight loop, nothing reusable.

    It records what ``mlp.train`` records with the same ``history``: "epoch", the loss
    and accuracy on all of X after every epoch (one more forward pass of X); "running",
    the mean loss and accuracy of the epoch's minibatches as they were fed forward
    (what scikit-learn records; no extra pass); None, nothing (the bare floor).
    """
    rng = np.random.default_rng(SEED)
    Ws = [W.copy() for W in mlp.init_weights(SIZES, rng=SEED)]
    A1, b1, A2, b2, A3, b3 = (Ws[0][:-1], Ws[0][-1], Ws[1][:-1], Ws[1][-1],
                              Ws[2][:-1], Ws[2][-1])
    Y = y[:, None].astype(float)
    m = X.shape[0]
    losses, accs = [], []
    for _ in range(EPOCHS):
        perm = rng.permutation(m)
        Xe, Ye = X[perm], Y[perm]
        outs = []
        for s in range(0, m, BATCH):
            xb, yb = Xe[s:s + BATCH], Ye[s:s + BATCH]
            a1 = np.tanh(xb @ A1 + b1)
            a2 = np.tanh(a1 @ A2 + b2)
            out = 1.0 / (1.0 + np.exp(-(a2 @ A3 + b3)))
            if history == "running":
                outs.append(out)
            d3 = (out - yb) / xb.shape[0]
            d2 = (d3 @ A3.T) * (1.0 - a2 * a2)
            d1 = (d2 @ A2.T) * (1.0 - a1 * a1)
            A3 -= ALPHA * (a2.T @ d3)
            b3 -= ALPHA * d3.sum(0)
            A2 -= ALPHA * (a1.T @ d2)
            b2 -= ALPHA * d2.sum(0)
            A1 -= ALPHA * (xb.T @ d1)
            b1 -= ALPHA * d1.sum(0)
        if history is not None:
            if history == "running":
                p, t = np.concatenate(outs)[:, 0], Ye[:, 0]
            else:
                p = 1.0 / (1.0 + np.exp(-(np.tanh(np.tanh(X @ A1 + b1) @ A2 + b2) @ A3
                                          + b3)))[:, 0]
                t = y
            p = np.clip(p, 1e-15, 1 - 1e-15)
            losses.append(-np.mean(t * np.log(p) + (1 - t) * np.log(1 - p)))
            accs.append(np.mean((p >= 0.5) == t))
    a1 = np.tanh(X @ A1 + b1)
    a2 = np.tanh(a1 @ A2 + b2)
    return float(np.mean(((a2 @ A3 + b3)[:, 0] >= 0) == y))


def run_sklearn(X, y):
    import warnings

    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    clf = MLPClassifier(hidden_layer_sizes=(32, 32), activation="tanh", solver="sgd",
                        alpha=0.0, batch_size=BATCH, learning_rate="constant",
                        learning_rate_init=ALPHA, momentum=0.0,
                        nesterovs_momentum=False,
                        max_iter=EPOCHS, shuffle=True, random_state=SEED, tol=0.0,
                        n_iter_no_change=EPOCHS + 1, early_stopping=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        clf.fit(X, y)
    return float(clf.score(X, y))


def run_torch(X, y):
    import torch

    torch.manual_seed(SEED)
    torch.set_num_threads(1)
    Xt = torch.tensor(X, dtype=torch.float64)
    yt = torch.tensor(y, dtype=torch.float64)[:, None]
    model = torch.nn.Sequential(
        torch.nn.Linear(2, 32), torch.nn.Tanh(), torch.nn.Linear(32, 32),
        torch.nn.Tanh(), torch.nn.Linear(32, 1)).double()
    opt = torch.optim.SGD(model.parameters(), lr=ALPHA)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    g = torch.Generator().manual_seed(SEED)
    for _ in range(EPOCHS):
        perm = torch.randperm(M, generator=g)
        for s in range(0, M, BATCH):
            idx = perm[s:s + BATCH]
            opt.zero_grad()
            loss = loss_fn(model(Xt[idx]), yt[idx])
            loss.backward()
            opt.step()
    with torch.no_grad():
        return float(((model(Xt) >= 0).double() == yt).double().mean())


CONTENDERS = {
    "mlp.train": run_mlp,
    "hand-fused numpy": run_fused_numpy,
    "mlp.train, history='running'": lambda X, y: run_mlp(X, y, history="running"),
    "hand-fused numpy, running history": lambda X, y: run_fused_numpy(X, y, "running"),
    "hand-fused numpy, no history": lambda X, y: run_fused_numpy(X, y, history=None),
    "scikit-learn MLPClassifier": run_sklearn,
    "PyTorch (CPU, 1 thread)": run_torch,
}


def available():
    out = {}
    for name, fn in CONTENDERS.items():
        try:
            if "scikit" in name:
                import sklearn  # noqa: F401
            if "PyTorch" in name:
                import torch  # noqa: F401
        except ImportError:
            continue
        out[name] = fn
    return out


#: Contenders run again with BLAS's default number of threads, as a student runs them.
DEFAULT_THREADS = ("mlp.train", "mlp.train, history='running'",
                   "scikit-learn MLPClassifier")


def measure(rounds=5, blas_threads=1):
    """Median seconds per epoch (wall and CPU) and final accuracy of each contender,
    interleaved round by round.

    BLAS runs on ``blas_threads`` thread(s) for every contender (PyTorch on one thread
    of its own): on matrices this small more threads mostly wait for each other, and
    on a shared machine they make the timing depend on everybody else's load. The
    contenders in ``DEFAULT_THREADS`` run once more with BLAS's default, marked so.
    """
    from contextlib import nullcontext

    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - then BLAS keeps its default
        threadpool_limits = None
    X, y = task()
    runs = [(name, fn, True) for name, fn in available().items()]
    if threadpool_limits is not None:
        runs += [(name + ", BLAS default threads", fn, False)
                 for name, fn, _ in runs if name in DEFAULT_THREADS]
    times = {name: [] for name, _, _ in runs}
    acc = {}
    # the default-threads runs come last: BLAS's idle threads spin for a while after a
    # call, and would be charged to whichever contender ran next
    for phase in (True, False):
        for _ in range(rounds):
            for name, fn, limited in runs:
                if limited != phase:
                    continue
                limit = (threadpool_limits(blas_threads)
                         if limited and threadpool_limits else nullcontext())
                with limit:
                    t, c = time.perf_counter(), time.process_time()
                    acc[name] = fn(X, y)
                    times[name].append(((time.perf_counter() - t) / EPOCHS,
                                        (time.process_time() - c) / EPOCHS))
    return {name: (float(np.median([w for w, _ in times[name]])),
                   float(np.median([c for _, c in times[name]])), acc[name])
            for name in times}, {name: [c for _, c in times[name]] for name in times}


def paired_ratio(rounds, a, b):
    """Median over the rounds of a's CPU time / b's in the same round.

    The machine's speed drifts in phases (a shared CPU); two contenders timed one
    after the other in a round see the same phase, so the ratio of each round is
    steadier than the ratio of the two medians.
    """
    return float(np.median(np.asarray(rounds[a]) / np.asarray(rounds[b])))




# -- the capstone task (chapter 14) ----------------------------------------------------
#
# The UCI digits, split (0.6, 0.2, 0.2) with rng=0 and standardised with the training
# set's statistics; a 64-32-10 network, logistic (sigmoid) hidden layer, softmax output,
# cross-entropy; plain minibatch SGD, batch 32, learning rate 0.5, 40 epochs, no
# momentum, no regularisation, shuffled every epoch. Accuracy on the test set.

CAP_SIZES, CAP_BATCH, CAP_ALPHA, CAP_EPOCHS = [64, 32, 10], 32, 0.5, 40


def capstone_task(with_raw=False):
    """((X_train, y_train), (X_val, y_val), (X_test, y_test)) standardised as in
    chapter 14; with ``with_raw`` also the test set's raw pixels."""
    X, y = mlp.datasets.digits()
    (Xt, yt), (Xv, yv), (Xs, ys) = mlp.datasets.split(X, y, (0.6, 0.2, 0.2), rng=SEED)
    mean, std = Xt.mean(axis=0), Xt.std(axis=0)
    std[std == 0] = 1.0
    parts = tuple(((A - mean) / std, b) for A, b in ((Xt, yt), (Xv, yv), (Xs, ys)))
    return parts + (Xs,) if with_raw else parts


def run_capstone_mlp(X, y, X_test, y_test, history="epoch", keep_weights=False,
                     seed=SEED):
    weights, _ = mlp.train(mlp.init_weights(CAP_SIZES, rng=seed), X, y,
                           alpha=CAP_ALPHA, epochs=CAP_EPOCHS, batch_size=CAP_BATCH,
                           rng=seed, history=history)
    return weights if keep_weights else mlp.accuracy(weights, X_test, y_test)


def run_capstone_student(X, y, X_test, y_test):
    """Chapter 14's loop, written as the exercises write it (add_bias, a list of
    activations, a new list of weights per step); no error measured per epoch."""

    def my_forward(weights, X):
        a, activations = X, [X]
        for k, W in enumerate(weights):
            h = mlp.add_bias(a) @ W
            a = mlp.softmax(h) if k == len(weights) - 1 else mlp.sigmoid(h)
            activations.append(a)
        return activations

    def my_backprop(weights, activations, y):
        delta = (activations[-1] - mlp.one_hot(y, weights[-1].shape[1])) / y.shape[0]
        grads = [None] * len(weights)
        for k in range(len(weights) - 1, -1, -1):
            a = activations[k]
            grads[k] = mlp.add_bias(a).T @ delta
            if k > 0:
                delta = (delta @ weights[k][:-1].T) * a * (1 - a)
        return grads

    def my_step(weights, grads, alpha):
        return [W - alpha * g for W, g in zip(weights, grads)]

    def my_epoch(weights, X, y, alpha, batch_size, order):
        X, y = X[order], y[order]
        for s in range(0, X.shape[0], batch_size):
            acts = my_forward(weights, X[s:s + batch_size])
            weights = my_step(weights, my_backprop(weights, acts, y[s:s + batch_size]),
                              alpha)
        return weights

    rng = np.random.default_rng(SEED)
    weights = mlp.init_weights(CAP_SIZES, rng=SEED)
    for _ in range(CAP_EPOCHS):
        weights = my_epoch(weights, X, y, CAP_ALPHA, CAP_BATCH,
                           rng.permutation(len(y)))
    return mlp.accuracy(weights, X_test, y_test)


def run_capstone_sklearn(X, y, X_test, y_test, seed=SEED):
    import warnings

    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    clf = MLPClassifier(hidden_layer_sizes=(CAP_SIZES[1],), activation="logistic",
                        solver="sgd", alpha=0.0, batch_size=CAP_BATCH,
                        learning_rate="constant", learning_rate_init=CAP_ALPHA,
                        momentum=0.0, nesterovs_momentum=False, max_iter=CAP_EPOCHS,
                        shuffle=True, random_state=seed, tol=0.0,
                        n_iter_no_change=CAP_EPOCHS + 1, early_stopping=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        clf.fit(X, y)
    return float(clf.score(X_test, y_test))


def run_capstone_torch(X, y, X_test, y_test, seed=SEED):
    import torch

    torch.manual_seed(seed)
    torch.set_num_threads(1)
    Xt = torch.tensor(X, dtype=torch.float64)
    yt = torch.tensor(y, dtype=torch.long)
    model = torch.nn.Sequential(
        torch.nn.Linear(CAP_SIZES[0], CAP_SIZES[1]), torch.nn.Sigmoid(),
        torch.nn.Linear(CAP_SIZES[1], CAP_SIZES[2])).double()
    opt = torch.optim.SGD(model.parameters(), lr=CAP_ALPHA)
    loss_fn = torch.nn.CrossEntropyLoss()  # softmax + cross-entropy, mean over batch
    g = torch.Generator().manual_seed(seed)
    m = len(y)
    for _ in range(CAP_EPOCHS):
        perm = torch.randperm(m, generator=g)
        for s in range(0, m, CAP_BATCH):
            idx = perm[s:s + CAP_BATCH]
            opt.zero_grad()
            loss_fn(model(Xt[idx]), yt[idx]).backward()
            opt.step()
    with torch.no_grad():
        pred = model(torch.tensor(X_test, dtype=torch.float64)).argmax(dim=1).numpy()
    return float(np.mean(pred == y_test))


CAPSTONE = {
    "mlp.train": run_capstone_mlp,
    "mlp.train, history='running'": lambda *a: run_capstone_mlp(*a, history="running"),
    "chapter 14's loop (your pieces)": run_capstone_student,
    "scikit-learn MLPClassifier": run_capstone_sklearn,
    "PyTorch (CPU, 1 thread)": run_capstone_torch,
}


def capstone_available():
    """The capstone contenders whose library is installed."""
    runs = {}
    for name, fn in CAPSTONE.items():
        try:
            if "scikit" in name:
                import sklearn  # noqa: F401
            if "PyTorch" in name:
                import torch  # noqa: F401
        except ImportError:
            continue
        runs[name] = fn
    return runs


#: Each library starts from its own random weights (scikit-learn and PyTorch draw
#: them uniformly, mlp from a normal) and shuffles with its own generator, so the
#: same seed gives each a different run: test accuracies are compared over seeds.
CAP_SEEDS = range(5)


def capstone_accuracy_over_seeds(seeds=CAP_SEEDS):
    """{name: test accuracies for each seed} of mlp.train, scikit-learn, PyTorch."""
    (X, y), _, (X_test, y_test) = capstone_task()
    runs = capstone_available()
    return {name: [runs[name](X, y, X_test, y_test, seed=s) for s in seeds]
            for name in ("mlp.train", "scikit-learn MLPClassifier",
                         "PyTorch (CPU, 1 thread)") if name in runs}


def measure_capstone(rounds=5, blas_threads=1):
    """Seconds per training run (wall and CPU, medians) and test accuracy of every
    available capstone contender, interleaved round by round, BLAS on
    ``blas_threads`` thread(s); and each contender's CPU times by round (for
    :func:`paired_ratio`)."""
    from contextlib import nullcontext

    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - then BLAS keeps its default
        threadpool_limits = None
    (X, y), _, (X_test, y_test) = capstone_task()
    runs = capstone_available()
    times = {name: [] for name in runs}
    acc = {}
    for _ in range(rounds):
        for name, fn in runs.items():
            limit = (threadpool_limits(blas_threads) if threadpool_limits
                     else nullcontext())
            with limit:
                t, c = time.perf_counter(), time.process_time()
                acc[name] = fn(X, y, X_test, y_test)
                times[name].append((time.perf_counter() - t, time.process_time() - c))
    return ({name: (float(np.median([w for w, _ in times[name]])),
                    float(np.median([c for _, c in times[name]])), acc[name])
             for name in times},
            {name: [c for _, c in times[name]] for name in times})


if __name__ == "__main__":
    for name, (sec, cpu, a) in measure(3)[0].items():
        print(f"{name:30s} {sec * 1e3:7.2f} ms/epoch (cpu {cpu * 1e3:7.2f})  "
              f"accuracy {a:.3f}")
    print("capstone (chapter 14): digits, 64-32-10, 40 epochs")
    for name, (sec, cpu, a) in measure_capstone(3)[0].items():
        print(f"{name:35s} {sec * 1e3:7.0f} ms/run (cpu {cpu * 1e3:7.0f})  "
              f"test accuracy {a:.3f}")
    for name, accs in capstone_accuracy_over_seeds().items():
        print(f"{name:35s} test accuracy over seeds {list(CAP_SEEDS)}: mean "
              f"{np.mean(accs):.3f}, {min(accs):.3f} to {max(accs):.3f}")
