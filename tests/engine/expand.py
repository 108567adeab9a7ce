"""Expand includes exactly as the site does (pymdownx.snippets, configured from mkdocs.yml), and
find code that the site would show but that no fence holds."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import markdown
from markdown.blockprocessors import BlockProcessor
from pymdownx.snippets import SnippetMissingError

from .config import site_config as _site_config
from .page import Page


@cache
def snippet_config(root: Path) -> dict:
    """The pymdownx.snippets options from mkdocs.yml, with base paths made absolute."""
    options = dict(_site_config(root)["mdx_configs"].get("pymdownx.snippets", {}))
    bases = options.get("base_path", ["."])
    bases = [bases] if isinstance(bases, str) else bases
    options["base_path"] = [os.path.normpath(root / b) for b in bases]
    return options


@cache
def _preprocessor(root: Path):
    """The include preprocessor (one per root: each run starts afresh, and files are read then)."""
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
            problems.append(
                f"{page.path}:{fence.line}: missing include: {err}. Check the path (a page's "
                "files live in snippets/<module>/<page>/) or create the file"
            )
    if problems:
        return "", problems
    try:
        return "\n".join(pre.run(list(page.lines))), []
    except SnippetMissingError as err:  # an include outside any fence
        return "", [f"{page.path}: missing include: {err}"]


class _IndentedCodeSpy(BlockProcessor):
    """Wraps Markdown's processor of indented code blocks and records each block it renders."""

    def __init__(self, inner: BlockProcessor, found: list[str]):
        super().__init__(inner.parser)
        self.inner, self.found = inner, found

    def test(self, parent, block) -> bool:
        return self.inner.test(parent, block)

    def run(self, parent, blocks):
        first = blocks[0]
        handled = self.inner.run(parent, blocks)
        if handled is not False:
            self.found.append(first)
        return handled


@cache
def _renderer(root: Path) -> tuple[markdown.Markdown, _IndentedCodeSpy]:
    """The site's Markdown, with the spy on indented code, made once per root. Code is not
    highlighted: that would change no block's kind, and took half the rendering time."""
    config = _site_config(root)
    extensions = [e for e in config["markdown_extensions"] if e != "pymdownx.snippets"]
    options = {name: dict(values) for name, values in config["mdx_configs"].items()}
    options.setdefault("pymdownx.highlight", {})["use_pygments"] = False
    md = markdown.Markdown(extensions=extensions, extension_configs=options)
    spy = _IndentedCodeSpy(md.parser.blockprocessors["code"], [])
    md.parser.blockprocessors.register(spy, "code", 80)
    return md, spy


def indented_code(page: Page, expanded: str, root: Path) -> list[str]:
    """Code written by indenting it four spaces: the site shows it as code, but nothing runs it.

    The expanded page is rendered with the site's Markdown extensions (as MkDocs does), so text
    indented inside a list, an admonition or a <div markdown> is not mistaken for code.
    """
    md, spy = _renderer(root)
    found: list[str] = []
    spy.found = found
    md.reset()
    md.convert(expanded)
    fenced = {n for f in page.fences for n in range(f.line, f.line + len(f.body) + 2)}
    problems = []
    for block in found:
        first = next(line.strip() for line in block.split("\n") if line.strip())
        lines = [
            n
            for n, line in enumerate(page.lines, 1)
            if n not in fenced and line.strip() == first and line[:1] in (" ", "\t")
        ]
        where = f"{page.path}:{lines[0]}" if lines else str(page.path)
        problems.append(
            f"{where}: an indented code block: the site shows it as code, but nothing runs it. "
            "Put the code in a file in snippets/ and include it in a ```python fence, or, if it "
            "is not code, indent it less than four spaces"
        )
    return problems


def expand_lines(lines: list[str], root: Path) -> list[str]:
    """Some lines of a page with their includes expanded (they must exist: see expand())."""
    return _preprocessor(root).run(list(lines))
