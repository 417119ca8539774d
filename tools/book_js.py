"""A Sphinx extension (loaded from _config.yml): the book's pages without console errors.

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
   offline book asks nothing of the internet.
"""

from __future__ import annotations

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


def _require_config(embed_amd: str) -> str:
    """A global ``require`` object (require.js reads it as its configuration).

    embed-amd.js defines six named modules; each finds its fonts beside the address
    require.js gives it, so every one is given an address in ``dist/``.
    """
    dist = embed_amd.split("?")[0].rsplit("/", 1)[0]  # .../html-manager/dist
    if "://" in dist:
        root = json.dumps(dist)
    else:  # relative to the book's root, e.g. _static/html-manager/dist
        root = ("new URL((document.documentElement.dataset.content_root || '') + "
                f"{json.dumps(dist)}, location.href).href")
    names = {"html-manager/dist": "", "html-manager": "/index", "base": "/base",
             "controls": "/controls", "base7": "/base7", "controls7": "/controls7"}
    paths = ", ".join(f"'@jupyter-widgets/{name}': dist + '{suffix}'"
                      for name, suffix in names.items())
    return f"var require = (function () {{ var dist = {root}; return {{paths: {{{paths}}}}}; }})();"


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

    embed = [js.filename for js in scripts
             if str(js.filename or "").split("?")[0].endswith("embed-amd.js")]
    if not embed:
        return
    # 3. before require.js (priority 500)
    app.add_js_file(None, body=_require_config(str(embed[0])), priority=499)
    # 2. after Sphinx's `window.MathJax = {...}` configuration (priority 500)
    app.add_js_file(None, body=MATHJAX_HUB_SHIM, priority=510)


CDN_FONTAWESOME = re.compile(
    r'<link\b[^>]*href="https?://[^"]*/font-awesome/[^"]*"[^>]*>\s*', re.IGNORECASE)


def _drop_cdn_fontawesome(app, doctree, docname):
    for raw in doctree.findall(nodes.raw):
        if "html" in raw.get("format", "").split() and CDN_FONTAWESOME.search(raw.astext()):
            text = CDN_FONTAWESOME.sub("", raw.astext())
            raw[:] = [nodes.Text(text)]


def setup(app):
    app.connect("doctree-resolved", _drop_cdn_fontawesome)
    # after myst-nb (500), which adds require.js and embed-amd.js to widget pages
    app.connect("html-page-context", _fix_scripts, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
