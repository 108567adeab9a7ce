"""The home page lists every page of every module under the title the navigation gives it, time
to read included, so the list cannot drift from the nav."""

from __future__ import annotations

import pytest
from mkdocs.config import load_config

from engine.plugin import DOCS, ROOT


def titled_pages(items) -> list[tuple[str, str]]:
    """(title, page) for every titled page in the nav tree."""
    found = []
    for item in items:
        for title, value in item.items() if isinstance(item, dict) else []:
            found += titled_pages(value) if isinstance(value, list) else [(title, value)]
    return found


def test_home_page_lists_every_page_with_its_nav_title():
    home = (DOCS / "index.md").read_text(encoding="utf-8")
    nav = titled_pages(load_config(str(ROOT / "mkdocs.yml"))["nav"])
    missing = [
        f"[{title}]({page})"
        for title, page in nav
        if page != "index.md" and f"[{title}]({page})" not in home
    ]
    assert len(nav) > 1, "the nav lists no module pages"
    if missing:
        pytest.fail(
            "docs/index.md: the home page must link every nav page with its nav title; "
            "add or correct:\n" + "\n".join(missing),
            pytrace=False,
        )
