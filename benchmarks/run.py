"""Run every benchmark and print one table (issue 8). Not part of the test run.

    pip install -r benchmarks/requirements.txt
    python benchmarks/run.py            # everything (several minutes)
    python benchmarks/run.py --only train,widgets

Every figure is measured in this run, side by side: medians of interleaved rounds, and
ratios against a peer rather than absolute times alone (the machine's speed cancels).
"""

from __future__ import annotations

import argparse
import inspect
import os
import pathlib
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

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

    results = bt.measure(rounds)
    floor = results["hand-fused numpy"][0]
    rows = []
    for name, (sec, acc) in results.items():
        rows.append((f"train: {name}", f"{sec * 1e3:.2f} ms/epoch",
                     f"{sec / floor:.2f}x fused", f"accuracy {acc:.3f}"))
    if "scikit-learn MLPClassifier" in results:
        ratio = results["scikit-learn MLPClassifier"][0] / results["mlp.train"][0]
        rows.append(("train: mlp.train speed-up over scikit-learn", f"{ratio:.2f}x",
                     "goal >= 2x", ""))
    return rows


def _perturbed(control, value):
    """Another legal value for a control (for a slider, a step away from the default)."""
    if hasattr(control, "options") and control.options:
        opts = [o[1] if isinstance(o, tuple) else o for o in control.options]
        return next((o for o in opts if o != value), value)
    if hasattr(control, "max") and hasattr(control, "min"):
        span = control.max - control.min
        new = value + span / 7
        if new > control.max:
            new = value - span / 7
        return type(value)(new) if isinstance(value, int) else new
    if isinstance(value, bool):
        return not value
    return value


def bench_widgets(rounds: int):
    import mlp.widgets as w
    from mlp.widgets._core import Demo

    rows = []
    for name in sorted(w.__all__):
        cls = getattr(w, name)
        if not (inspect.isclass(cls) and issubclass(cls, Demo)) or cls is Demo:
            continue
        demo = cls()
        controls = demo.controls()
        base = dict(demo.values)
        alt = {k: _perturbed(c, base[k]) for k, c in controls.items() if k in base}
        demo.render()
        times = []
        for r in range(max(rounds, 5)):
            key = list(alt)[r % len(alt)]
            values = {key: alt[key] if r % 2 == 0 else base[key]}
            t = time.perf_counter()
            demo.update(**values)
            demo.render()
            times.append(time.perf_counter() - t)
        med = statistics.median(times)
        rows.append((f"widget: {name} update + redraw", f"{med * 1e3:.1f} ms",
                     "goal < 50 ms", "ok" if med < 0.05 else "SLOW"))
    return rows


def bench_notebooks(rounds: int):
    import nbformat
    from nbclient import NotebookClient

    rows = []
    for nb_path in sorted((ROOT / "chapters").glob("*.ipynb")):
        times = []
        for _ in range(max(1, rounds // 3)):
            nb = nbformat.read(nb_path, as_version=4)
            client = NotebookClient(nb, timeout=300, kernel_name="python3",
                                    resources={"metadata": {"path": str(nb_path.parent)}})
            t = time.perf_counter()
            client.execute()
            times.append(time.perf_counter() - t)
        med = statistics.median(times)
        rows.append((f"notebook: {nb_path.stem}", f"{med:.1f} s", "goal < 10 s",
                     "ok" if med < 10 else "SLOW"))
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:randomly"],
                          cwd=ROOT, capture_output=True, text=True)
    total = time.perf_counter() - t
    last = (proc.stdout.strip().splitlines() or ["?"])[-1]
    rows.append(("pytest: the whole test run", f"{total:.0f} s", "goal < 180 s", last))
    return rows


def bench_book(rounds: int):
    out = pathlib.Path(tempfile.mkdtemp(prefix="bench_book_"))
    cmd = [shutil.which("jupyter-book") or "jupyter-book", "build", "-W", "-n",
           "--keep-going", str(ROOT), "--path-output", str(out)]
    rows = []
    for label in ("cold build", "cached rebuild"):
        t = time.perf_counter()
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        dt = time.perf_counter() - t
        goal = "goal < 30 s" if label == "cached rebuild" else ""
        status = "ok" if proc.returncode == 0 else f"FAILED ({proc.returncode})"
        rows.append((f"book: {label}", f"{dt:.0f} s", goal, status))
    shutil.rmtree(out, ignore_errors=True)
    return rows


BENCHES = {"train": bench_train, "widgets": bench_widgets, "notebooks": bench_notebooks,
           "book": bench_book}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(BENCHES),
                        help="comma-separated subset of: " + ", ".join(BENCHES))
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    print(f"machine: {machine()}")
    print(f"command: python benchmarks/run.py {' '.join(argv or sys.argv[1:])}".rstrip())
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
