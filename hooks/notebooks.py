"""MkDocs hook for notebook pages (mkdocs-jupyter): keep them light and in Material's colours.

mkdocs-jupyter inlines JupyterLab's whole stylesheet (575 KB) and its light theme into every
notebook page, and none of the plugin's options leaves them out. That alone would push a
notebook page past the site's budget of 1 MB per page, and the light theme ignores Material's
dark palette. This hook removes them and inlines notebooks.css (a few KB) instead, which styles
the few JupyterLab classes a rendered notebook uses with Material's own variables. It also
makes code and output blocks reachable by keyboard, so that wide ones can be scrolled.
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
