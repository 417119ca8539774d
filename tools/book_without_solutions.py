"""Build the book with the exercises but without their solutions.

    python tools/book_without_solutions.py                      # -> _build/nosolutions
    python tools/book_without_solutions.py --path-output /tmp/x # -> /tmp/x/_build/html

For an instructor who publishes the exercises before the class. The ordinary build
shows each solution in a dropdown; this one builds from a configuration derived from
``_config.yml`` with sphinx-exercise's ``hide_solutions: true``, and then reads every
page of the result to make sure that no line of any solution is in it (exit status 1
if one is).

sphinx-exercise 1.2's ``hide_solutions`` drops a ``{solution}`` box but breaks on the
gated ``{solution-start}``/``{solution-end}`` pair the chapters use (the code cells
between them stay, and the build stops on the unknown ``solution_end_node``). This file
is also the small Sphinx extension that fixes that: with ``hide_solutions`` on, it
removes everything from ``{solution-start}`` to its ``{solution-end}``, code cells and
their outputs included, and the output of the check cell that follows (the solutions
still run while the book builds: their tick would say "correct" under an exercise
nobody has done yet; the check cell's code stays). It also turns off what would hand
the solutions out anyway: the copied sources and the download button (the notebooks
as they are in the repository), the launch buttons (Binder, Colab, JupyterHub, live
code: they open the repository's notebooks) and the repository button.

Other arguments go to ``jupyter-book build`` (by default ``-W -n --keep-going``).
"""

from __future__ import annotations

import argparse
import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXTENSION = Path(__file__).stem


# -- the Sphinx extension --------------------------------------------------------------


def setup(app):
    """The Sphinx extension: with ``hide_solutions`` on, a ``{solution-start}``
    leaves a marker, a transform removes everything from it to its ``{solution-end}``
    (``remove_hidden_solution``), and the pages' sources are not handed out
    (``no_sources``)."""
    from docutils import nodes
    from sphinx.transforms import SphinxTransform
    from sphinx.util import logging
    from sphinx_exercise.directive import SolutionStartDirective

    logger = logging.getLogger(__name__)

    class hidden_solution(nodes.Element, nodes.Invisible):
        """Where a hidden gated solution starts (removed before writing)."""

    class HiddenSolutionStart(SolutionStartDirective):
        def run(self):
            result = super().run()  # registers the start, so the pairs still check
            if self.env.app.config.hide_solutions:
                return [hidden_solution()]
            return result

    class RemoveHiddenSolutions(SphinxTransform):
        default_priority = 5  # before sphinx-exercise merges the gated solutions

        def apply(self):
            for marker in list(self.document.findall(hidden_solution)):
                remove_hidden_solution(marker, logger)

    app.setup_extension("sphinx_exercise")
    app.add_node(hidden_solution, **{fmt: (skip_node, None) for fmt in
                                     ("html", "latex", "text", "man", "texinfo")})
    app.add_directive("solution-start", HiddenSolutionStart, override=True)
    app.add_transform(RemoveHiddenSolutions)
    app.connect("config-inited", no_sources)
    return {"parallel_read_safe": True, "parallel_write_safe": True}


def remove_hidden_solution(marker, logger):
    """Remove a hidden solution from its document: everything from its start
    ``marker`` to its ``{solution-end}``, then the output of the check cell after it
    (a warning, and only the marker goes, if the solution has no end)."""
    from sphinx_exercise.nodes import solution_end_node

    parent = marker.parent
    start = parent.index(marker)
    end = next((k for k in range(start + 1, len(parent.children))
                if isinstance(parent.children[k], solution_end_node)), None)
    if end is None:
        logger.warning("a hidden solution-start has no solution-end", location=marker)
        parent.remove(marker)
        return
    after = parent.children[end + 1:end + 2]
    for child in parent.children[start:end + 1]:
        parent.remove(child)
    # the check cell after the solution: its code stays (what to run), its line
    # "correct" (from the hidden solution) goes
    if after and after[0].get("nb_element") == "cell_code":
        for output in list(after[0].children):
            if output.get("nb_element") == "cell_code_output":
                after[0].remove(output)


def skip_node(translator, node):
    """A writer's visit of a hidden solution's marker: nothing is written."""
    from docutils import nodes

    raise nodes.SkipNode


def no_sources(app, config):
    """With ``hide_solutions`` on: no copy of the pages' sources, and no download
    button (both hand out the notebooks, solutions included)."""
    if config.hide_solutions:
        config.html_copy_source = False
        if config.html_theme == "sphinx_book_theme":
            config.html_theme_options = {**(config.html_theme_options or {}),
                                         "use_download_button": False}


# -- the command -----------------------------------------------------------------------


def config_without_solutions(source: Path) -> dict:
    """The book's _config.yml with the solutions hidden and nothing that hands them
    out (paths that are relative to _config.yml made absolute)."""
    import yaml

    config = yaml.safe_load((source / "_config.yml").read_text())
    sphinx = config.setdefault("sphinx", {})
    extensions = sphinx.get("local_extensions") or {}
    for name, path in extensions.items():
        extensions[name] = str((source / path).resolve())
    extensions[EXTENSION] = str(Path(__file__).resolve().parent)
    sphinx["local_extensions"] = extensions
    sphinx_config = sphinx.get("config") or {}
    sphinx_config["hide_solutions"] = True
    sphinx["config"] = sphinx_config
    config["launch_buttons"] = {"notebook_interface": "jupyterlab", "binderhub_url": "",
                                "colab_url": "", "jupyterhub_url": "", "thebe": False}
    config.setdefault("html", {})["use_repository_button"] = False
    return config


def page_lines(path: Path) -> set[str]:
    """Every line of text of an HTML page (tags removed), stripped."""
    text = path.read_text(errors="replace")
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", text, flags=re.S | re.I)
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return {line.strip() for line in text.split("\n")}


def book_secrets(source: Path = ROOT) -> set[str]:
    """The lines of every solution of the book that appear nowhere else in it (nor in
    the source of ``mlp``, which a page may show)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import edition
    import nbformat

    secret, public = set(), set()
    for path in edition.book_notebooks(source):
        nb = nbformat.read(path, as_version=4)
        mine = edition.solution_lines(nb)
        secret |= mine
        public |= {line.strip() for cell in nb.cells
                   for line in cell.source.split("\n")} - mine
    for module in (source / "mlp").rglob("*.py"):
        public |= {line.strip() for line in module.read_text().split("\n")}
    return secret - public


def leaked(html_dir: Path, secrets: set[str]) -> dict[str, list[str]]:
    """``{page: [solution lines found in it]}``, and any notebook or source copied."""
    found = {}
    for path in sorted(html_dir.rglob("*")):
        if not path.is_file():
            continue
        rel = str(path.relative_to(html_dir))
        if path.suffix == ".ipynb" or rel.startswith("_sources"):
            found[rel] = ["(a copy of a source notebook)"]
        elif path.suffix == ".html":
            lines = sorted(page_lines(path) & secrets)
            if lines:
                found[rel] = lines
    return found


def jupyter_book() -> str:
    beside = Path(sys.executable).with_name("jupyter-book")
    return str(beside) if beside.exists() else (shutil.which("jupyter-book") or "")


def main(argv: list[str] | None = None) -> int:
    import yaml

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--path-output", default=str(ROOT / "_build" / "nosolutions"),
                        help="as jupyter-book's: the book lands in PATH/_build/html")
    parser.add_argument("--source", default=str(ROOT), help=argparse.SUPPRESS)
    args, jb_args = parser.parse_known_args(argv)
    source = Path(args.source).resolve()
    out = Path(args.path_output).resolve()
    build = out / "_build"
    build.mkdir(parents=True, exist_ok=True)
    config_path = build / "config_without_solutions.yml"
    config_path.write_text(yaml.safe_dump(config_without_solutions(source),
                                          sort_keys=False))
    if not jupyter_book():
        sys.exit("jupyter-book is not installed (pip install -r requirements.txt)")
    command = [jupyter_book(), "build", str(source), "--config", str(config_path),
               "--path-output", str(out), *(jb_args or ["-W", "-n", "--keep-going"])]
    print("without solutions:", " ".join(command), flush=True)
    status = subprocess.run(command).returncode
    if status != 0:
        return status
    found = leaked(build / "html", book_secrets(source))
    if found:
        print("without solutions: these pages still show solutions:", file=sys.stderr)
        for page, lines in found.items():
            print(f"  {page}: {lines[:3]}", file=sys.stderr)
        return 1
    print(f"without solutions: the book is in {build / 'html'}; no page shows a "
          "line of any solution")
    return 0


if __name__ == "__main__":
    sys.exit(main())
