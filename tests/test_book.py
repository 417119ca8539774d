"""The book's structure: every chapter is in the table of contents and stored clean."""

import json
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
CHAPTERS = sorted((ROOT / "chapters").glob("*.ipynb"))


def test_every_chapter_is_in_the_toc():
    toc = (ROOT / "_toc.yml").read_text()
    for nb in CHAPTERS:
        assert f"chapters/{nb.stem}" in toc, f"{nb.name} is missing from _toc.yml"


@pytest.mark.parametrize("nb", CHAPTERS, ids=lambda p: p.stem)
def test_notebooks_are_stored_without_outputs(nb):
    cells = json.loads(nb.read_text())["cells"]
    for cell in cells:
        assert not cell.get("outputs"), f"{nb.name} has stored outputs"
        assert not cell.get("execution_count"), f"{nb.name} has execution counts"


@pytest.mark.parametrize("nb", CHAPTERS, ids=lambda p: p.stem)
def test_notebooks_define_no_package_code(nb):
    """Helpers belong in mlp: a notebook defines functions only as exercise answers
    (inside a solution), as small demo callbacks, or in a listing to read that
    deliberately stays out of mlp (a cell tagged ``listing``: the PyTorch version of
    the capstone on the What's next page)."""
    cells = json.loads(nb.read_text())["cells"]
    in_solution = False
    for cell in cells:
        src = "".join(cell["source"])
        if cell["cell_type"] == "markdown":
            if "{solution-start}" in src:
                in_solution = True
            if "{solution-end}" in src:
                in_solution = False
            continue
        listing = "listing" in cell.get("metadata", {}).get("tags", [])
        if "def " in src and not in_solution and not listing:
            assert "# demo callback" in src, (
                f"{nb.name} defines a function outside an exercise solution:\n"
                f"{src[:200]}"
            )
