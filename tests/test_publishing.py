"""Publishing: launch buttons from one repository url, Binder files, the Colab install
cell, the offline build's pieces and the workflows. Fast: no build, no browser (the
checks of a built book skip when there is none, or when it is older than its sources:
see ``tests/_artifacts.py``; with ``BROWSER_REQUIRED=1``, as in ``.ci/run``, they fail
instead)."""

from __future__ import annotations

import json
import os
import re
import stat
import sys
import types
from pathlib import Path

import nbformat
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import book_js  # noqa: E402
import colab_cell  # noqa: E402
import offline  # noqa: E402

from tests import _artifacts  # noqa: E402

CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text())
URL = CONFIG["repository"]["url"]
BRANCH = CONFIG["repository"]["branch"]
HTML = Path(os.environ.get("BOOK_HTML", ROOT / "_build" / "html"))
SKIP_DIRS = {
    "_build",
    ".git",
    ".venv",
    "venv",
    "node_modules",
    ".hypothesis",
    ".ipynb_checkpoints",
    "__pycache__",
}


def repo_text_files():
    for path in ROOT.rglob("*"):
        parts = set(path.relative_to(ROOT).parts)
        if parts & SKIP_DIRS or any(p.endswith(".egg-info") for p in parts):
            continue
        if path.is_file() and (
            path.suffix
            in {
                ".py",
                ".md",
                ".yml",
                ".yaml",
                ".toml",
                ".txt",
                ".cfg",
                ".ipynb",
                ".sh",
                ".json",
            }
            or path.name in {"run", "postBuild"}
        ):
            yield path


# -- the repository's address lives in one place ---------------------------------------
def test_repository_url_lives_only_in_config():
    slug = URL.split("://", 1)[1].split("/", 1)[1]  # owner/name
    assert URL.startswith("https://") and slug.count("/") == 1
    places = []
    for path in repo_text_files():
        text = path.read_text(errors="replace")
        if slug not in text:
            continue
        if path.suffix == ".ipynb":  # only inside the generated install cell
            nb = nbformat.reads(text, as_version=4)
            text = "".join(
                c.source for c in nb.cells if c.get("id") != colab_cell.CELL_ID
            )
        count = text.count(slug)
        if count:
            places.append((str(path.relative_to(ROOT)), count))
    assert places == [("_config.yml", 1)], (
        "the repository address must live only in _config.yml (repository.url): "
        f"{places}"
    )


def test_launch_buttons_are_configured():
    launch = CONFIG["launch_buttons"]
    assert launch["binderhub_url"].startswith("https://")
    assert launch["colab_url"].startswith("https://")
    assert launch["thebe"] is True
    assert isinstance(launch.get("jupyterhub_url"), str)  # an instructor fills it in
    assert launch["notebook_interface"] in {"classic", "jupyterlab"}
    assert CONFIG["html"]["use_repository_button"] is True


def expected_launch_links(page: str) -> dict[str, str]:
    owner_repo = URL.split("github.com/", 1)[1]
    launch = CONFIG["launch_buttons"]
    ui = {"classic": "tree", "jupyterlab": "lab/tree"}[launch["notebook_interface"]]
    return {
        "Binder": f"{launch['binderhub_url']}/v2/gh/{owner_repo}/{BRANCH}?urlpath="
        f"{ui}/{page}.ipynb",
        "Colab": f"{launch['colab_url']}/github/{owner_repo}/blob/{BRANCH}/"
        f"{page}.ipynb",
    }


@pytest.fixture(scope="module")
def html_book():
    """The HTML book (either build), up to date with its sources."""
    _artifacts.ensure(_artifacts.html_book(HTML, offline=False).problem(),
                      "BROWSER_REQUIRED")


@pytest.fixture(scope="module")
def offline_book():
    """The offline build, up to date with its sources."""
    _artifacts.ensure(_artifacts.html_book(HTML, offline=True).problem(),
                      "BROWSER_REQUIRED")


@pytest.mark.parametrize("notebook", colab_cell.toc_notebooks(), ids=lambda p: p.stem)
def test_every_chapter_page_has_its_launch_and_download_buttons(html_book, notebook):
    page = notebook.relative_to(ROOT).with_suffix("").as_posix()
    text = (HTML / f"{page}.html").read_text()
    for name, link in expected_launch_links(page).items():
        assert f'href="{link}"' in text, f"{page}: no {name} button to {link}"
    assert "initThebeSBT()" in text, f"{page}: no Live Code (Thebe) button"
    assert (HTML / "_sources" / f"{page}.ipynb").exists(), f"{page}: no .ipynb download"
    assert f"_sources/{page}.ipynb" in text, f"{page}: no download button"
    hub = CONFIG["launch_buttons"]["jupyterhub_url"]
    assert (hub and "/hub/user-redirect/git-pull?" in text) or not hub


# -- Binder (repo2docker) --------------------------------------------------------------
def test_binder_installs_the_root_requirements_and_the_package():
    binder = ROOT / "binder"
    lines = [
        line.split("#", 1)[0].strip()
        for line in (binder / "requirements.txt").read_text().splitlines()
    ]
    assert "-r ../requirements.txt" in lines  # the pins stay in one file
    root_lines = [
        line.strip() for line in (ROOT / "requirements.txt").read_text().splitlines()
    ]
    assert "-e ." in root_lines  # the README's install command installs mlp too
    # repo2docker reads binder/ only; its python version must satisfy pyproject's
    runtime = (binder / "runtime.txt").read_text().strip()
    assert re.fullmatch(r"python-3\.\d+", runtime)
    pyproject = (ROOT / "pyproject.toml").read_text()
    minimum = re.search(r'requires-python\s*=\s*">=3\.(\d+)"', pyproject)
    assert int(runtime.split(".")[1]) >= int(minimum.group(1))
    post = binder / "postBuild"
    assert post.stat().st_mode & stat.S_IXUSR, "binder/postBuild must be executable"
    assert "import mlp" in post.read_text()
    # the session: BLAS on one thread (see the script), then the server it was given
    start = binder / "start"
    assert start.stat().st_mode & stat.S_IXUSR, "binder/start must be executable"
    text = start.read_text()
    assert "OPENBLAS_NUM_THREADS=1" in text
    assert text.rstrip().endswith('exec "$@"'), "binder/start must end with exec \"$@\""


# -- the Colab install cell ------------------------------------------------------------
@pytest.mark.parametrize("notebook", colab_cell.toc_notebooks(), ids=lambda p: p.stem)
def test_every_chapter_installs_mlp_when_it_is_missing(notebook):
    nb = nbformat.read(notebook, as_version=4)
    why = colab_cell.problem(nb, URL, BRANCH)
    assert why is None, f"{notebook.name}: {why}; run python tools/colab_cell.py"


def run_install_cell(mlp_importable: bool):
    """Run the cell as IPython would, with a stand-in for ``get_ipython()``."""
    from IPython.core.inputtransformer2 import TransformerManager

    code = TransformerManager().transform_cell(colab_cell.cell_source(URL, BRANCH))
    calls = []
    shell = types.SimpleNamespace(run_line_magic=lambda *a: calls.append(a))
    saved = sys.modules.get("mlp")
    if not mlp_importable:
        sys.modules["mlp"] = None  # import mlp -> ImportError
    try:
        exec(compile(code, "<install-cell>", "exec"), {"get_ipython": lambda: shell})
    finally:
        if saved is None:
            sys.modules.pop("mlp", None)
        else:
            sys.modules["mlp"] = saved
    return calls


def test_install_cell_is_silent_where_mlp_is_installed():
    assert run_install_cell(mlp_importable=True) == []


def test_install_cell_pip_installs_from_the_repository_when_mlp_is_missing():
    calls = run_install_cell(mlp_importable=False)
    assert calls == [("pip", f'install --quiet "git+{URL}@{BRANCH}"')]


def test_colab_tool_is_idempotent_and_keeps_the_chapter(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Title"),
        nbformat.v4.new_code_cell("import numpy as np"),
    ]
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"c{i}"
    assert colab_cell.problem(nb, URL, BRANCH) == "no install cell"
    assert colab_cell.apply(nb, URL, BRANCH) is True
    assert [c.get("id") for c in nb.cells] == ["c0", colab_cell.CELL_ID, "c1"]
    assert nb.cells[1].metadata["tags"] == ["remove-cell"]
    assert colab_cell.apply(nb, URL, BRANCH) is False  # nothing to do the second time
    # a changed address updates the cell in place
    assert colab_cell.problem(nb, URL + "-fork", BRANCH).startswith(
        "install cell is out"
    )
    assert colab_cell.apply(nb, URL + "-fork", BRANCH) is True
    assert len(nb.cells) == 3 and URL + "-fork@" in nb.cells[1].source
    path = tmp_path / "x.ipynb"
    nbformat.write(nb, path)
    assert colab_cell.main(["--check", str(path)]) == 1  # stale for the real address


# -- the offline build -----------------------------------------------------------------
def test_offline_config_serves_vendored_files_from_outside_static(tmp_path):
    vendor = tmp_path / "_build" / "vendor"
    config = offline.offline_config(vendor, ROOT)
    sphinx_config = config["sphinx"]["config"]
    assert sphinx_config["html_static_path"] == [str(vendor)]
    assert "_static" not in Path(sphinx_config["html_static_path"][0]).parts
    # every file the pages load is one that the vendored packages provide
    targets = [
        target for _, _, members in offline.PACKAGES.values() for _, target in members
    ]
    loaded = [sphinx_config["mathjax_path"], *sphinx_config["nb_ipywidgets_js"]]
    for path in loaded:
        assert "://" not in path
        assert any(
            path.startswith(target + "/") or path == target for target in targets
        )
    # the rest of the book's configuration is unchanged, local extensions absolute
    assert config["launch_buttons"] == CONFIG["launch_buttons"]
    for path in config["sphinx"].get("local_extensions", {}).values():
        assert Path(path).is_absolute()
    # pinned tarballs, checked by their sha512
    for spec, integrity, _ in offline.PACKAGES.values():
        assert re.fullmatch(r"@?[\w./-]+@\d+\.\d+\.\d+", spec)
        assert integrity.startswith("sha512-") and len(integrity) == 95


def test_offline_finds_pages_that_would_use_the_internet(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "ok.html").write_text(
        '<link rel="canonical" href="https://example.org/x.html">'
        '<script src="_static/x.js"></script><a href="https://example.org">a link</a>'
    )
    (tmp_path / "sub" / "bad.html").write_text(
        '<script src="https://cdn.example.org/mathjax.js"></script>'
        '<link rel="stylesheet" href="//cdn.example.org/x.css"><img src="http://x/y.png">'
    )
    assert offline.cdn_references(tmp_path) == {
        "sub/bad.html": [
            "//cdn.example.org/x.css",
            "http://x/y.png",
            "https://cdn.example.org/mathjax.js",
        ]
    }


def test_vendored_files_are_never_committed():
    ignored = (ROOT / ".gitignore").read_text().split()
    assert "_build/" in ignored or "_build" in ignored  # the vendor folder is in _build


def test_an_offline_build_loads_nothing_from_the_internet(offline_book):
    assert offline.cdn_references(HTML) == {}


# -- the JavaScript fixes --------------------------------------------------------------
def test_require_config_points_every_widget_module_into_dist():
    local = book_js._require_config("_static/html-manager/dist/embed-amd.js?v=1")
    assert '"_static/html-manager/dist"' in local and "content_root" in local
    cdn = book_js._require_config(
        "https://cdn.example.org/npm/@jupyter-widgets/html-manager@1.0.6/dist/embed-amd.js"
    )
    assert (
        '"https://cdn.example.org/npm/@jupyter-widgets/html-manager@1.0.6/dist"' in cdn
    )
    for module in ("html-manager", "base", "controls", "base7", "controls7"):
        assert f"'@jupyter-widgets/{module}'" in cdn


def test_animation_html_loses_its_cdn_link_and_gets_the_cells_alt():
    from docutils import nodes

    cell = nodes.container(
        nb_element="cell_code",
        cell_metadata={"mystnb": {"image": {"alt": 'The "line" moves'}}},
    )
    raw = nodes.raw(
        "",
        '<link rel="stylesheet"\nhref="https://maxcdn.example.com/'
        'font-awesome/4.4.0/css/font-awesome.min.css">\n'
        '<img id="_anim_img123">',
        format="html",
    )
    cell += raw
    document = nodes.section()
    document += cell
    book_js._fix_raw_html(None, document, "x")
    assert raw.astext() == '<img id="_anim_img123" alt="The &quot;line&quot; moves">'


# -- the workflows ---------------------------------------------------------------------
def workflow(name):
    return yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text())


def test_pages_workflow_builds_with_warnings_as_errors_and_publishes():
    text = (ROOT / ".github" / "workflows" / "pages.yml").read_text()
    flow = workflow("pages.yml")
    assert "tools/offline.py -W" in text  # jupyter-book build -W ..., without a CDN
    assert "tests/test_browser.py" in text
    assert "actions/deploy-pages" in text
    assert flow["permissions"]["pages"] == "write"


def test_drift_workflow_runs_on_a_schedule_against_the_newest_versions():
    text = (ROOT / ".github" / "workflows" / "drift.yml").read_text()
    flow = workflow("drift.yml")
    on = flow.get("on", flow.get(True))  # YAML 1.1 reads `on:` as True
    assert "schedule" in on and on["schedule"][0]["cron"]
    assert "--upgrade" in text and "pip list --outdated" in text


def test_config_is_valid_json_schema_for_jupyter_book():
    from jupyter_book.config import validate_yaml

    assert validate_yaml(CONFIG, raise_on_errors=True) is None


def test_static_folder_would_not_swallow_the_vendored_assets():
    # Jupyter Book injects every .js under _static/ and html_static_path into each page
    assert not (ROOT / "_static").exists(), (
        "a _static/ folder makes tools/offline.py refuse: keep book assets elsewhere"
    )


def test_book_js_is_loaded():
    assert CONFIG["sphinx"]["local_extensions"] == {"book_js": "tools/"}
    assert (
        json.dumps(CONFIG["sphinx"]["config"]["html_context"])
        == '{"default_mode": "auto"}'
    )
