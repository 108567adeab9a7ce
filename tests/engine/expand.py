"""Expand includes exactly as the site does: pymdownx.snippets, configured from mkdocs.yml."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import markdown
from mkdocs.config import load_config
from pymdownx.snippets import SnippetMissingError

from .page import Page


@cache
def snippet_config(root: Path) -> dict:
    """The pymdownx.snippets options from mkdocs.yml, with base paths made absolute."""
    config = load_config(str(root / "mkdocs.yml"))
    options = dict(config["mdx_configs"].get("pymdownx.snippets", {}))
    bases = options.get("base_path", ["."])
    bases = [bases] if isinstance(bases, str) else bases
    options["base_path"] = [os.path.normpath(root / b) for b in bases]
    return options


def _preprocessor(root: Path):
    md = markdown.Markdown(
        extensions=["pymdownx.snippets"],
        extension_configs={"pymdownx.snippets": snippet_config(root)},
    )
    return md.preprocessors["snippet"]


def expand(page: Page, root: Path) -> tuple[str, list[str]]:
    """Return the page as the site renders it, and the problems that stopped an include.

    Each fence is first expanded on its own, so that a missing file is reported at the line of
    the fence that asks for it; then the whole page is expanded in one go, as MkDocs does.
    """
    pre = _preprocessor(root)
    problems = []
    for fence in page.fences:
        try:
            pre.run(list(fence.body))
        except SnippetMissingError as err:
            problems.append(f"{page.path}:{fence.line}: missing include: {err}")
    if problems:
        return "", problems
    try:
        return "\n".join(pre.run(list(page.lines))), []
    except SnippetMissingError as err:  # an include outside any fence
        return "", [f"{page.path}: missing include: {err}"]
