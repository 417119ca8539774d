"""Give every chapter notebook a first code cell that installs the course package.

    python tools/colab_cell.py            # insert or update the cell in every chapter
    python tools/colab_cell.py --check    # exit 1 (and say which) if one lacks it
    python tools/colab_cell.py chapters/01_acceptance.ipynb   # only these notebooks

A notebook opened on its own (Colab's launch button, a download) has no `mlp`. The cell

    try:
        import mlp
    except ImportError:
        %pip install --quiet "git+<repository url>@<branch>"

installs it from the repository only when `import mlp` fails, so it is silent wherever
the package is already there (a local install, Binder, the book build, nbval) and never
runs pip twice. The address and branch come from `repository:` in `_config.yml`, the one
place they live: after changing them, run this again. The cell is tagged `remove-cell`,
so the HTML book does not show it, and has the fixed id `install-mlp`, so running this
again updates it in place (idempotent: an up-to-date notebook is not rewritten). It goes
before the first code cell, after the chapter's title and opening.

The notebooks are the ones listed in `_toc.yml` (chapters and playground).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parents[1]
CELL_ID = "install-mlp"
TAGS = ["remove-cell"]


def repository(root: Path = ROOT) -> tuple[str, str]:
    """The repository's url and branch, from ``_config.yml``."""
    config = yaml.safe_load((root / "_config.yml").read_text())
    repo = config.get("repository") or {}
    url = (repo.get("url") or "").rstrip("/")
    if not url.startswith("https://"):
        raise ValueError(
            f"_config.yml: repository.url must be an https:// address, got {url!r}"
        )
    return url, repo.get("branch") or "main"


def cell_source(url: str, branch: str) -> str:
    return (
        "# Running this notebook on its own (e.g. on Colab)? "
        "This installs the course's\n"
        "# package `mlp` the first time; "
        "wherever it is already installed it does nothing.\n"
        "try:\n"
        "    import mlp\n"
        "except ImportError:\n"
        f'    %pip install --quiet "git+{url}@{branch}"'
    )


def toc_files(root: Path = ROOT) -> list[str]:
    """Every page of ``_toc.yml`` in reading order (the root first), as it is written
    there (with or without its suffix)."""
    toc = yaml.safe_load((root / "_toc.yml").read_text())
    files = [toc["root"]]

    def walk(entries):
        for entry in entries or []:
            if "file" in entry:
                files.append(entry["file"])
            walk(entry.get("chapters"))
            walk(entry.get("sections"))

    walk(toc.get("parts"))
    walk(toc.get("chapters"))
    walk(toc.get("sections"))
    return files


def toc_notebooks(root: Path = ROOT) -> list[Path]:
    """Every notebook the table of contents lists, in reading order."""
    paths = [root / (f if f.endswith(".ipynb") else f + ".ipynb")
             for f in toc_files(root)]
    return [p for p in paths if p.exists()]


def expected_cell(url: str, branch: str) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(cell_source(url, branch))
    cell["id"] = CELL_ID
    cell.metadata["tags"] = list(TAGS)
    return cell


def is_current(cell, url: str, branch: str) -> bool:
    return (
        cell.get("cell_type") == "code"
        and cell.get("source") == cell_source(url, branch)
        and cell.get("metadata", {}).get("tags") == TAGS
        and not cell.get("outputs")
        and not cell.get("execution_count")
    )


def problem(nb: nbformat.NotebookNode, url: str, branch: str) -> str | None:
    """Why ``nb`` lacks an up-to-date install cell before its other code, or None."""
    code = [c for c in nb.cells if c.cell_type == "code"]
    if not code or code[0].get("id") != CELL_ID:
        mine = [c for c in code if c.get("id") == CELL_ID]
        return "install cell is not the first code cell" if mine else "no install cell"
    if not is_current(code[0], url, branch):
        return "install cell is out of date (repository url/branch or tags changed)"
    return None


def apply(nb: nbformat.NotebookNode, url: str, branch: str) -> bool:
    """Insert or update the install cell in place; True if ``nb`` changed."""
    if problem(nb, url, branch) is None:
        return False
    nb.cells = [c for c in nb.cells if c.get("id") != CELL_ID]
    first_code = next(
        (i for i, c in enumerate(nb.cells) if c.cell_type == "code"), len(nb.cells)
    )
    nb.cells.insert(first_code, expected_cell(url, branch))
    if nb.nbformat == 4 and nb.nbformat_minor < 5:
        nb.nbformat_minor = 5  # cell ids
        for i, c in enumerate(nb.cells):
            c.setdefault("id", f"cell-{i}")
    nbformat.validate(nb)
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "notebooks", nargs="*", type=Path, help="default: every notebook in _toc.yml"
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="change nothing; exit 1 if a notebook lacks the cell",
    )
    args = parser.parse_args(argv)
    url, branch = repository()
    notebooks = args.notebooks or toc_notebooks()
    bad = 0
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        if args.check:
            why = problem(nb, url, branch)
            if why:
                bad += 1
                print(f"{path}: {why}; run python tools/colab_cell.py")
        elif apply(nb, url, branch):
            nbformat.write(nb, path)
            print(f"{path}: install cell written")
    if args.check and not bad:
        print(f"all {len(notebooks)} notebooks install mlp when it is missing")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
