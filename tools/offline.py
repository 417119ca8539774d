"""Build the HTML book so that it works with no internet at all.

    python tools/offline.py                          # the book in _build/html
    python tools/offline.py --path-output /tmp/book  # the book in /tmp/book/_build/html

The ordinary build loads three things from a CDN when a page opens: MathJax (the
formulas), require.js and the Jupyter widgets HTML manager (the widget snapshots). This
command fetches them from the npm registry with ``npm pack`` (pinned versions, checked
against their sha512), unpacks them into ``<path-output>/_build/vendor/`` (git-ignored,
about 35 MB, never committed) and builds the book with a derived configuration whose
``html_static_path`` points there, so the pages load them from ``_static/``. Everything
else in ``_config.yml`` (launch buttons, execution, ...) is unchanged.

The vendored files stay OUTSIDE a ``_static/`` folder of the book's source on purpose:
Jupyter Book 1 adds every ``.js`` file found under a source ``_static/`` folder (and
every folder of ``html_static_path`` once that folder exists) to every page, which
would load all of MathJax's components into each page. This script refuses to run if
the source has a ``_static/`` folder.

Arguments other than ``--path-output`` go to ``jupyter-book build`` (by default
``-W -n --keep-going``: a warning fails the build, as in the README). Needs ``npm``
(Debian: ``apt-get install npm``) and network access to the npm registry the first time;
later builds reuse the tarballs kept in ``<path-output>/_build/npm/``.

Open ``_build/html/index.html`` straight from the disk, or serve the folder, e.g.
``python -m http.server -d _build/html`` and http://127.0.0.1:8000 (both checked in
Chromium with the network blocked: math, widgets, no console error).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]

# name -> (npm spec, tarball sha512 as npm prints it,
#          [(path in the tarball, path in the vendor folder)])
PACKAGES = {
    "mathjax": (
        "mathjax@3.2.2",
        "sha512-Bt+SSVU8eBG27zChVewOicYs7Xsdt40qm4+UpHyX7k0/O9NliPc+x77k1/FEsPsjKPZGJvtR"
        "ZM1vO+geW0OhGw==",
        [("package/es5", "mathjax/es5"), ("package/LICENSE", "mathjax/LICENSE")],
    ),
    "requirejs": (
        "requirejs@2.3.8",
        "sha512-7/cTSLOdYkNBNJcDMWf+luFvMriVm7eYxp4BcFCsAX0wF421Vyce5SXP17c+Jd5otXKG"
        "NehIonFlyQXSowL6Mw==",
        [
            ("package/require.js", "requirejs/require.js"),
            ("package/README.md", "requirejs/README.md"),
        ],
    ),
    "html-manager": (
        # The widget manager of ipywidgets 8 (widget protocol 2, controls 5).
        "@jupyter-widgets/html-manager@1.0.15",
        "sha512-5thBIV6ymNgmPVOHvzx+gGy8ZSKmSazhtGw4/c4xJDVzRhG9PTeQsRjF3FUTopvFi//S"
        "ABeNz1yp47bCrJ3CQA==",
        [
            ("package/dist", "html-manager/dist"),
            ("package/LICENSE", "html-manager/LICENSE"),
        ],
    ),
}
# Left out of the vendored copy: source maps and the non-AMD bundle (unused, 8 MB).
SKIP_SUFFIXES = (".map", "/embed.js", "/embed.js.LICENSE.txt")

# Where the pages find them, relative to _static/ (html_static_path copies the vendor
# folder's content into _static/).
OFFLINE_SPHINX_CONFIG = {
    "mathjax_path": "mathjax/es5/tex-mml-chtml.js",
    "nb_ipywidgets_js": {
        "requirejs/require.js": {},
        # No data-jupyter-widgets-cdn: the book only uses ipywidgets' own controls,
        # which are inside embed-amd.js, so nothing is ever fetched from a CDN.
        "html-manager/dist/embed-amd.js": {},
    },
}


def sha512(path: Path) -> str:
    digest = hashlib.sha512(path.read_bytes()).digest()
    return "sha512-" + base64.b64encode(digest).decode()


def fetch(spec: str, integrity: str, cache: Path) -> Path:
    """The npm tarball of ``spec`` in ``cache`` (``npm pack`` unless already there)."""
    name, version = spec.rsplit("@", 1)
    tarball = cache / f"{name.lstrip('@').replace('/', '-')}-{version}.tgz"
    if not (tarball.exists() and sha512(tarball) == integrity):
        npm = shutil.which("npm")
        if npm is None:
            sys.exit("tools/offline.py needs npm (Debian: apt-get install npm)")
        cache.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [npm, "pack", spec, "--pack-destination", str(cache), "--silent"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    got = sha512(tarball)
    if got != integrity:
        tarball.unlink()
        sys.exit(f"{spec}: the tarball's sha512 is {got}, expected {integrity}")
    return tarball


def unpack(tarball: Path, members: list[tuple[str, str]], vendor: Path) -> int:
    """Copy the listed files/folders of an npm tarball into ``vendor``; bytes copied."""
    size = 0
    with tarfile.open(tarball) as tar:
        for info in tar.getmembers():
            if not info.isfile() or info.name.endswith(SKIP_SUFFIXES):
                continue
            for source, target in members:
                if info.name == source or info.name.startswith(source + "/"):
                    dest = vendor / target / info.name[len(source) :].lstrip("/")
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    with tar.extractfile(info) as src, open(dest, "wb") as out:
                        shutil.copyfileobj(src, out)
                    size += info.size
    return size


def vendor_assets(build: Path) -> Path:
    """Fetch and unpack every package into ``build/vendor``; returns that folder."""
    vendor = build / "vendor"
    if vendor.exists():
        shutil.rmtree(vendor)
    total = 0
    for spec, integrity, members in PACKAGES.values():
        total += unpack(fetch(spec, integrity, build / "npm"), members, vendor)
    print(f"offline: vendored {total / 1e6:.1f} MB into {vendor}")
    return vendor


def offline_config(vendor: Path, source: Path) -> dict:
    """The book's _config.yml with the vendored assets served from _static/."""
    config = yaml.safe_load((source / "_config.yml").read_text())
    sphinx = config.setdefault("sphinx", {})
    # the derived file lives elsewhere: paths that Jupyter Book reads relative to the
    # configuration file become absolute
    for name, path in (sphinx.get("local_extensions") or {}).items():
        sphinx["local_extensions"][name] = str((source / path).resolve())
    sphinx_config = sphinx.get("config") or {}
    sphinx_config.update(OFFLINE_SPHINX_CONFIG)
    sphinx_config["html_static_path"] = [str(vendor)]
    sphinx["config"] = sphinx_config
    return config


def jupyter_book() -> str:
    beside = Path(sys.executable).with_name("jupyter-book")
    return str(beside) if beside.exists() else (shutil.which("jupyter-book") or "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Build the book with MathJax, require.js and the widget manager "
        "served from the book itself (no CDN)."
    )
    parser.add_argument(
        "--path-output",
        default=str(ROOT),
        help="as jupyter-book's: the book lands in PATH/_build/html",
    )
    parser.add_argument("--source", default=str(ROOT), help=argparse.SUPPRESS)
    args, jb_args = parser.parse_known_args(argv)
    source = Path(args.source).resolve()
    out = Path(args.path_output).resolve()
    if (source / "_static").exists():
        sys.exit(
            f"{source / '_static'} exists: Jupyter Book would inject every .js "
            "file of the vendored MathJax into each page. Move its files elsewhere."
        )

    build = out / "_build"
    vendor = vendor_assets(build)
    config_path = build / "offline_config.yml"
    config_path.write_text(
        yaml.safe_dump(offline_config(vendor, source), sort_keys=False)
    )

    if not jupyter_book():
        sys.exit("jupyter-book is not installed (pip install -r requirements.txt)")
    command = [
        jupyter_book(),
        "build",
        str(source),
        "--config",
        str(config_path),
        "--path-output",
        str(out),
        *(jb_args or ["-W", "-n", "--keep-going"]),
    ]
    print("offline:", " ".join(command), flush=True)
    status = subprocess.run(command).returncode
    if status == 0:
        leaks = cdn_references(build / "html")
        if leaks:
            print("offline: these pages still load from the internet:", file=sys.stderr)
            print(json.dumps(leaks, indent=1), file=sys.stderr)
            return 1
        print(f"offline: the book is in {build / 'html'} and needs no internet")
    return status


def cdn_references(html: Path) -> dict[str, list[str]]:
    """Scripts, styles, fonts and images that a page would load from another host."""
    from html.parser import HTMLParser

    loading_rels = {"stylesheet", "preload", "modulepreload", "icon"}

    class Finder(HTMLParser):
        def __init__(self):
            super().__init__()
            self.urls = set()

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "link" and not loading_rels & set(
                (attrs.get("rel") or "").split()
            ):
                return  # rel="canonical" and the like are not loaded
            if tag in ("script", "link", "img", "iframe", "source"):
                url = attrs.get("src") or attrs.get("href") or ""
                if url.startswith(("http://", "https://", "//")):
                    self.urls.add(url)

    leaks = {}
    for page in sorted(html.rglob("*.html")):
        finder = Finder()
        finder.feed(page.read_text(errors="replace"))
        if finder.urls:
            leaks[str(page.relative_to(html))] = sorted(finder.urls)
    return leaks


if __name__ == "__main__":
    sys.exit(main())
