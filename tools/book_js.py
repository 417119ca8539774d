"""A Sphinx extension (loaded by _config.yml): the book's pages without console errors.

Found by tests/test_browser.py, each a console error on every chapter page:

1. Sphinx 7.4 writes an inline script that an extension registers after the builder
   started twice (once with the file name None, once with ''). sphinx-thebe's
   ``const THEBE_JS_URL = ...`` then throws "Identifier 'THEBE_JS_URL' has already
   been declared". Here: each inline script once.
2. The Jupyter widgets HTML manager typesets widget labels with MathJax 2's API
   (``MathJax.Hub.Queue``), but Sphinx loads MathJax 3: "Cannot read properties of
   undefined (reading 'Queue')". Here: a ``MathJax.Hub.Queue`` that calls MathJax 3.
3. The HTML manager loads its icon fonts from where require.js believes the module
   lives, by default beside the page (404s). Here: require.js is told the folder of
   ``embed-amd.js`` (the CDN, or ``_static/`` in the offline build).
4. matplotlib's JavaScript animations (``Animation.to_jshtml()``) link FontAwesome 4
   from a CDN for their buttons' icons; the theme's own FontAwesome already draws them
   (checked in a browser with the network blocked), so the link is dropped and the
   offline book asks nothing of the internet. And their frames' ``<img>`` gets the
   cell's alt text (``mystnb.image.alt``, which myst-nb only applies to image outputs).
5. The HTML manager draws a widget's saved figure as an ``<img>`` without alt text.
   Here: such images get one saying what they are.
"""

from __future__ import annotations

import html
import json
import re

from docutils import nodes

# Typeset widget labels with MathJax 3 when the HTML manager asks MathJax 2 to.
MATHJAX_HUB_SHIM = """
(function () {
  if (typeof window.MathJax !== "object") return;
  var pending = [];
  function typeset(el) {
    var mj = window.MathJax;
    if (mj.startup && mj.startup.promise && mj.typesetPromise) {
      mj.startup.promise.then(function () { return mj.typesetPromise([el]); });
    } else {
      pending.push(el);
    }
  }
  var hub = {Queue: function (job) { if (job && job[2]) typeset(job[2]); }};
  var config = window.MathJax;
  config.Hub = hub;
  config.startup = config.startup || {};
  var ready = config.startup.ready;
  config.startup.ready = function () {
    if (ready) { ready(); } else { window.MathJax.startup.defaultReady(); }
    window.MathJax.Hub = hub;
    pending.splice(0).forEach(typeset);
  };
})();
""".strip()


# Alt text for the images the HTML manager draws from a widget's saved state.
WIDGET_IMAGE_ALT = """
(function () {
  var alt = "The interactive demo in its saved state (run the notebook to use its " +
            "controls; the figure before it describes the same picture).";
  new MutationObserver(function () {
    document.querySelectorAll(".widget-subarea img:not([alt])").forEach(function (img) {
      img.alt = alt;
    });
  }).observe(document.documentElement, {childList: true, subtree: true});
})();
""".strip()


def _require_config(embed_amd: str) -> str:
    """A global ``require`` object (require.js reads it as its configuration).

    embed-amd.js defines six named modules; each finds its fonts beside the address
    require.js gives it, so every one is given an address in ``dist/``.
    """
    dist = embed_amd.split("?")[0].rsplit("/", 1)[0]  # .../html-manager/dist
    if "://" in dist:
        root = json.dumps(dist)
    else:  # relative to the book's root, e.g. _static/html-manager/dist
        root = (
            "new URL((document.documentElement.dataset.content_root || '') + "
            f"{json.dumps(dist)}, location.href).href"
        )
    names = {
        "html-manager/dist": "",
        "html-manager": "/index",
        "base": "/base",
        "controls": "/controls",
        "base7": "/base7",
        "controls7": "/controls7",
    }
    paths = ", ".join(
        f"'@jupyter-widgets/{name}': dist + '{suffix}'"
        for name, suffix in names.items()
    )
    return (
        f"var require = (function () {{ var dist = {root}; "
        f"return {{paths: {{{paths}}}}}; }})();"
    )


def _fix_scripts(app, pagename, templatename, context, doctree):
    scripts = context.get("script_files")
    if not scripts:
        return
    # 1. each inline script once (None and '' are the same "no file")
    seen, unique = set(), []
    for js in scripts:
        key = (js.filename or "", js.priority, tuple(sorted(js.attributes.items())))
        if key not in seen:
            seen.add(key)
            unique.append(js)
    scripts[:] = unique

    embed = [
        js.filename
        for js in scripts
        if str(js.filename or "").split("?")[0].endswith("embed-amd.js")
    ]
    if not embed:
        return
    # 3. before require.js (priority 500)
    app.add_js_file(None, body=_require_config(str(embed[0])), priority=499)
    # 2. after Sphinx's `window.MathJax = {...}` configuration (priority 500)
    app.add_js_file(None, body=MATHJAX_HUB_SHIM, priority=510)
    # 5.
    app.add_js_file(None, body=WIDGET_IMAGE_ALT, priority=510)


CDN_FONTAWESOME = re.compile(
    r'<link\b[^>]*href="https?://[^"]*/font-awesome/[^"]*"[^>]*>\s*', re.IGNORECASE
)


ANIMATION_IMG = re.compile(r'<img id="_anim_img\w*"(?![^>]*\balt=)')


def _cell_alt(node) -> str | None:
    """The alt text (``mystnb.image.alt``) of the notebook cell that ``node`` is in."""
    while node is not None:
        if isinstance(node, nodes.Element) and node.get("nb_element") == "cell_code":
            mystnb = (node.get("cell_metadata") or {}).get("mystnb") or {}
            return (mystnb.get("image") or {}).get("alt")
        node = node.parent
    return None


def _fix_raw_html(app, doctree, docname):
    for raw in list(doctree.findall(nodes.raw)):
        if "html" not in raw.get("format", "").split():
            continue
        text = raw.astext()
        new = CDN_FONTAWESOME.sub("", text)
        alt = _cell_alt(raw)
        if alt:  # a screen reader's text for a matplotlib animation's frames
            new = ANIMATION_IMG.sub(
                lambda m: f'{m.group(0)} alt="{html.escape(alt)}"', new
            )
        if new != text:
            raw[:] = [nodes.Text(new)]


def setup(app):
    app.connect("doctree-resolved", _fix_raw_html)
    # after myst-nb (500), which adds require.js and embed-amd.js to widget pages
    app.connect("html-page-context", _fix_scripts, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
