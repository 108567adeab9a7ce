"""MkDocs hook for notebook pages (mkdocs-jupyter): keep them light and in Material's colours.

mkdocs-jupyter inlines JupyterLab's whole stylesheet (575 KB) and its light theme into every
notebook page, and none of the plugin's options leaves them out. That alone would push a
notebook page past the site's budget of 1 MB per page, and the light theme ignores Material's
dark palette. This hook removes them and inlines notebooks.css (a few KB) instead, which styles
the few JupyterLab classes a rendered notebook uses with Material's own variables. It also
makes code and output blocks reachable by keyboard, so that wide ones can be scrolled, and
stops the build with the fix when an experiment has not been run yet.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

CSS = Path(__file__).with_name("notebooks.css").read_text(encoding="utf-8")
REMOVED = {
    "JupyterLab's stylesheet": r'<style type="text/css">\s*@charset "UTF-8";\.jupyter-wrapper\{',
    "JupyterLab's light theme": r'<style type="text/css">\s*\.jupyter-wrapper\{--jp-shadow-base',
    # For .ipynb files mkdocs-jupyter 0.26 also appends its highlighting CSS as a Python list
    # (`<style>['pre {…'…]</style>`), which no browser can read.
    "a Python list written as CSS": r"<style>\s*\['",
}


def on_config(config, **_):
    """Stop early, with the fix, if an experiment in the nav has not been run yet."""
    missing = [page for page in _nav_pages(config["nav"]) if page.endswith(".ipynb")]
    missing = [page for page in missing if not (Path(config["docs_dir"]) / page).is_file()]
    if missing:
        raise PluginError(
            f"the nav lists notebook pages that have not been run yet: {', '.join(missing)}. "
            "The tests run the experiments (`nox -s docs`); to run only them: "
            "`PYTHONPATH=tests python -m engine.notebooks`. `nox -s serve` does it for you."
        )
    return config


def _nav_pages(node) -> list[str]:
    if isinstance(node, str):
        return [node]
    children = node.values() if isinstance(node, dict) else node or []
    return [page for child in children for page in _nav_pages(child)]


def on_page_content(html: str, page, **_) -> str:
    if not page.file.src_uri.endswith(".ipynb"):
        return html
    for what, start in REMOVED.items():
        html, count = re.subn(start + r".*?</style>", "", html, flags=re.DOTALL)
        if count != 1:
            raise PluginError(
                f"hooks/notebooks.py: found {what} {count} times in {page.file.src_uri}, "
                "expected once. Has mkdocs-jupyter changed? Check the page's weight and update "
                "this hook."
            )
    # A code or output block wider than the page scrolls sideways; tabindex lets a keyboard
    # reach it to scroll it, as Material does for its own code blocks.
    html = html.replace("<pre>", '<pre tabindex="0">')
    return f"<style>\n{CSS}</style>\n{html}"
