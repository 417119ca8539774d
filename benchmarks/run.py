"""Run every benchmark and print one table (issue 8). Not part of the test run.

    pip install -r benchmarks/requirements.txt
    python benchmarks/run.py            # everything (several minutes)
    python benchmarks/run.py --only train,widgets
    python benchmarks/run.py --only capstone     # chapter 14's task

Every figure is measured in this run, side by side: medians of interleaved rounds, and
ratios against a peer rather than absolute times alone (the machine's speed cancels).
"""

from __future__ import annotations

import argparse
import os
import pathlib
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(pathlib.Path(__file__).parent))

import matplotlib  # noqa: E402

matplotlib.use("Agg")


def machine() -> str:
    try:
        from threadpoolctl import threadpool_info

        blas = ", ".join(f"{i['internal_api']} {i.get('architecture', '')} "
                         f"{i['num_threads']} threads" for i in threadpool_info())
    except ImportError:
        blas = "threadpoolctl not installed"
    return (f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}, {blas}")


def bench_train(rounds: int):
    import bench_train as bt

    results, per_round = bt.measure(rounds)
    floor = results["hand-fused numpy"][1]
    rows = []
    for name, (wall, cpu, acc) in results.items():
        rows.append((f"train: {name}",
                     f"{wall * 1e3:.2f} ms/epoch (cpu {cpu * 1e3:.2f})",
                     f"{cpu / floor:.2f}x fused (cpu)", f"accuracy {acc:.3f}"))

    def ratio(a, b):  # the median of the rounds' ratios: see bt.paired_ratio
        return bt.paired_ratio(per_round, a, b)

    running = "mlp.train, history='running'"
    rows.append(("train: mlp.train / hand-fused numpy",
                 f"{ratio('mlp.train', 'hand-fused numpy'):.2f}x (cpu)",
                 "goal <= 1.25x",
                 "both record the error on all of X after each epoch"))
    rows.append(("train: mlp.train / hand-fused numpy, running history",
                 f"{ratio(running, 'hand-fused numpy, running history'):.2f}x (cpu)",
                 "goal <= 1.25x", "both record the minibatches' errors"))
    if "scikit-learn MLPClassifier" in results:
        sk = "scikit-learn MLPClassifier"
        rows.append(("train: speed-up over scikit-learn, history='running'",
                     f"{ratio(sk, running):.2f}x (cpu)", "goal >= 2x",
                     "like for like: scikit-learn's loss_curve_ is the running error"))
        rows.append(("train: speed-up over scikit-learn, default history",
                     f"{ratio(sk, 'mlp.train'):.2f}x (cpu)", "",
                     "mlp.train also feeds all of X forward after each epoch"))
    return rows


def bench_capstone(rounds: int):
    """Chapter 14's task, every contender trained from the start, test accuracy."""
    import bench_train as bt

    results, per_round = bt.measure_capstone(rounds)
    base = results["mlp.train"][1]
    over_seeds = bt.capstone_accuracy_over_seeds()
    seeds = f"{min(bt.CAP_SEEDS)}-{max(bt.CAP_SEEDS)}"
    rows = []
    for name, (wall, cpu, acc) in results.items():
        note = f"test accuracy {acc:.3f}"
        if name in over_seeds:
            accs = over_seeds[name]
            note += (f"; seeds {seeds}: mean {np.mean(accs):.3f} "
                     f"({min(accs):.3f} to {max(accs):.3f})")
        rows.append((f"capstone: {name}",
                     f"{wall * 1e3:.0f} ms/run (cpu {cpu * 1e3:.0f})",
                     f"{cpu / base:.2f}x mlp.train (cpu)", note))
    sk = "scikit-learn MLPClassifier"
    if sk in results:
        for name, what in (("mlp.train", "default history"),
                           ("mlp.train, history='running'", "history='running'")):
            ratio = bt.paired_ratio(per_round, sk, name)
            rows.append((f"capstone: speed-up over scikit-learn, {what}",
                         f"{ratio:.2f}x (cpu)", "goal >= 2x",
                         ("ok" if ratio >= 2 else "NOT MET") + "; test accuracy: "
                         "see the seeds' spread above"))
    return rows


def bench_widgets(rounds: int):
    import bench_widgets as bw

    rows = []
    for name, r in bw.measure(rounds).items():
        slow_key, slow = r["slowest"]
        note = "ok" if r["cpu"] < 0.05 else "over 50 ms"
        note += (f"; update {r['update_wall'] * 1e3:.0f} + render "
                 f"{r['render_wall'] * 1e3:.0f} ms; slowest control {slow_key} "
                 f"{slow * 1e3:.0f} ms; a control's first move "
                 f"{r['first'] * 1e3:.0f} ms")
        if r["artists_added"]:
            note += f"; {r['artists_added']} artists added per update"
        if r["warnings"]:
            note += "; WARNINGS: " + " / ".join(r["warnings"])
        rows.append((f"widget: {name}", _ms(r["wall"], r["cpu"]), "goal < 50 ms", note))
    return rows


def _ms(wall, cpu):
    return f"{wall * 1e3:.0f} ms (cpu {cpu * 1e3:.0f})"


def _s(wall, cpu):
    return f"{wall:.1f} s (cpu {cpu:.1f})"


def _children_cpu():
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def bench_notebooks(rounds: int):
    """Each chapter executed by nbclient (as nbval and the book do); the CPU time is
    the kernel's (a child process, counted once it has exited) plus this process's."""
    import nbformat
    from nbclient import NotebookClient

    rows = []
    for nb_path in sorted((ROOT / "chapters").glob("*.ipynb")):
        times = []
        for _ in range(max(1, rounds // 3)):
            nb = nbformat.read(nb_path, as_version=4)
            client = NotebookClient(
                nb, timeout=300, kernel_name="python3",
                resources={"metadata": {"path": str(nb_path.parent)}})
            t, c, k = time.perf_counter(), time.process_time(), _children_cpu()
            client.execute()
            times.append((time.perf_counter() - t,
                          time.process_time() - c + _children_cpu() - k))
        wall = statistics.median(w for w, _ in times)
        cpu = statistics.median(c for _, c in times)
        rows.append((f"notebook: {nb_path.stem}", _s(wall, cpu), "goal < 10 s",
                     "ok" if cpu < 10 else "SLOW"))
    t, k = time.perf_counter(), _children_cpu()
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:randomly"],
                          cwd=ROOT, capture_output=True, text=True)
    wall, cpu = time.perf_counter() - t, _children_cpu() - k
    last = (proc.stdout.strip().splitlines() or ["?"])[-1]
    rows.append(("pytest: the whole test run", f"{wall:.0f} s (cpu {cpu:.0f})",
                 "goal < 180 s", last))
    return rows


def bench_book(rounds: int):
    """A cold build into an empty directory, then a rebuild with nothing changed
    (jupyter-book's execution cache and Sphinx's environment both reused)."""
    out = pathlib.Path(tempfile.mkdtemp(prefix="bench_book_"))
    beside = pathlib.Path(sys.executable).with_name("jupyter-book")  # same venv
    book = str(beside) if beside.exists() else shutil.which("jupyter-book")
    cmd = [book or "jupyter-book", "build", "-W", "-n",
           "--keep-going", str(ROOT), "--path-output", str(out)]
    rows = []
    for label in ("cold build", "cached rebuild"):
        t, k = time.perf_counter(), _children_cpu()
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        wall, cpu = time.perf_counter() - t, _children_cpu() - k
        goal = "goal < 30 s" if label == "cached rebuild" else ""
        status = "ok" if proc.returncode == 0 else f"FAILED ({proc.returncode})"
        rows.append((f"book: {label}", f"{wall:.0f} s (cpu {cpu:.0f})", goal, status))
    shutil.rmtree(out, ignore_errors=True)
    return rows


BENCHES = {"train": bench_train, "capstone": bench_capstone, "widgets": bench_widgets,
           "notebooks": bench_notebooks, "book": bench_book}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(BENCHES),
                        help="comma-separated subset of: " + ", ".join(BENCHES))
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    print(f"machine: {machine()}")
    print(f"command: python benchmarks/run.py "
          f"{' '.join(argv or sys.argv[1:])}".rstrip())
    rows = []
    for name in args.only.split(","):
        rows += BENCHES[name.strip()](args.rounds)
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    print("| what | measured | compared with | note |")
    print("| --- | --- | --- | --- |")
    for r in rows:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |")


if __name__ == "__main__":
    main()
